"""Forms of the translation back-office: the editor of one document, the region's settings."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.models import Region
from portal.models.translations import target_language_codes
from portal.translations.services import TextUpdate
from portal.translations.worklist import DocumentWork, Unit


class DocumentTranslationForm(forms.Form):
    """One text field per text of the document; the German text's version it was shown
    with travels along, so a German text changed meanwhile is noticed, not overwritten."""

    def __init__(self, work: DocumentWork, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.work = work
        for unit in work.units:
            widget: forms.Widget
            if unit.is_multiline:
                widget = forms.Textarea(attrs={"rows": 4})
            else:
                widget = forms.TextInput()
            widget.attrs.update({"dir": "auto"})
            self.fields[f"text-{unit.key}"] = forms.CharField(
                label=unit.label,
                required=False,
                strip=True,
                initial=unit.text,
                widget=widget,
            )
            self.fields[f"version-{unit.key}"] = forms.CharField(
                required=False, initial=unit.source_version, widget=forms.HiddenInput
            )
            if unit.status.value == "outdated":
                self.fields[f"confirm-{unit.key}"] = forms.BooleanField(
                    label=_("The translation still fits the changed German text"),
                    required=False,
                )

    def rows(self) -> list[tuple[Unit, forms.BoundField, forms.BoundField | None]]:
        """(unit, text field, confirmation field or None) in the document's order."""
        return [
            (
                unit,
                self[f"text-{unit.key}"],
                self[f"confirm-{unit.key}"] if f"confirm-{unit.key}" in self.fields else None,
            )
            for unit in self.work.units
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for unit in self.work.units:
            shown = data.get(f"version-{unit.key}")
            changed = data.get(f"text-{unit.key}", "") != unit.text
            if changed and shown and shown != unit.source_version:
                self.add_error(
                    f"text-{unit.key}",
                    gettext(
                        "The German text was changed while you were translating. Please check "
                        "your translation against the German text shown now."
                    ),
                )
        return data

    def updates(self, *, draft: bool) -> list[TextUpdate]:
        """The texts to store: those changed, and outdated ones confirmed as still fitting."""
        result = []
        for unit in self.work.units:
            text = self.cleaned_data.get(f"text-{unit.key}", "")
            confirmed = self.cleaned_data.get(f"confirm-{unit.key}", False)
            publishing_draft = not draft and unit.row is not None and unit.row.is_draft
            if text != unit.text or (confirmed and text) or (publishing_draft and text):
                result.append(TextUpdate(unit.obj, unit.field, text, is_draft=draft))
        return result


def language_choices() -> list[tuple[str, Any]]:
    names = dict(settings.LANGUAGES)
    return [(code, names[code]) for code in target_language_codes()]


class RegionTranslationSettingsForm(forms.ModelForm):
    translation_languages = forms.MultipleChoiceField(
        label=_("Languages our texts are translated into"),
        choices=language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("German is always the original. Pages show German where a text is missing."),
    )

    class Meta:
        model = Region
        fields = ["translation_languages", "outdated_translations", "machine_translation"]
        widgets = {"outdated_translations": forms.RadioSelect}

    def __init__(self, *args: Any, machine_available: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not machine_available:
            # Nothing leaves the server unless the operator configured a provider.
            del self.fields["machine_translation"]

    def clean_translation_languages(self) -> list[str]:
        chosen = self.cleaned_data["translation_languages"]
        return [code for code in target_language_codes() if code in chosen]
