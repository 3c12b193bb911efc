from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from portal.lib.models import RowChange
from portal.lib.text import TextLimitsMixin
from portal.models import (
    BarrierReport,
    FieldOfAction,
    Municipality,
    Region,
    RegionContact,
    RegionStatistic,
    Role,
    TeamMember,
)
from portal.models.privacy import RETENTION_MAX_DAYS, RETENTION_MIN_DAYS
from portal.models.regions import DaysRange

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise


# "Adresse" alone made staff type a postal address into the slug field.
SLUG_LABEL = _("Short name in the web address")
SLUG_HELP = _(
    "Appears in the page's web address: lower-case letters, digits and hyphens. "
    "Made from the name if left empty."
)


# Instead of "Markdown.": what a county employee needs to know to format a longer text.
TEXT_FORMAT_HELP = _(
    "Leave an empty line between paragraphs. A line starting with “- ” becomes a list item; "
    "**word** is printed bold."
)


def label_slug(form: forms.BaseForm) -> None:
    """Give the form's slug field words staff understand; empty means "make it from the name"."""
    field = form.fields["slug"]
    field.label, field.help_text, field.required = SLUG_LABEL, SLUG_HELP, False


class AccessCheckedFileInput(forms.ClearableFileInput):
    """A file input whose "currently" link goes through the view that checks access.

    Nothing is served from /media/ (portal.lib.responses.stored_file_response), so the
    storage URL Django's widget links to answers 404. The form sets ``file_url`` to the view's
    address; without one the file's name shows without a link (the templates
    django/forms/widgets/clearable_file_input.html and bootstrap5/layout/field_file.html never
    link a storage URL).
    """

    file_url: str = ""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["file_url"] = self.file_url
        context["widget"]["file_name"] = PurePosixPath(getattr(value, "name", "") or "").name
        return context


def link_current_file(form: forms.BaseForm, field_name: str, url: str) -> None:
    """Let ``form``'s file field link its current file at ``url`` (a view that checks access)."""
    widget = form.fields[field_name].widget
    if isinstance(widget, AccessCheckedFileInput):
        widget.file_url = url


def choice_field(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    """``form.fields[name]`` as the choice field it is, to set its choices in ``__init__``."""
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{type(form).__name__}.{name} is not a choice field")
    return field


def model_choice_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField[Any]:
    """``form.fields[name]`` as the model choice field it is, to set its queryset."""
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{type(form).__name__}.{name} is not a model choice field")
    return field


class HoneypotField(forms.CharField):
    """Marks the honeypot, so templates hide this field and not any field named alike."""

    honeypot = True


class HoneypotMixin(TextLimitsMixin, forms.Form):
    """A field people never see; bots that fill it are refused without a hint why.

    Every public form has this mixin, and with it the checks of ``TextLimitsMixin``: names on
    one line, no control characters, a length limit on every text field.
    """

    # Named like a field bots love to fill, and like no field of our models: a form may also
    # have a real "website" field (organisations, providers).
    homepage = HoneypotField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_homepage(self):
        if self.cleaned_data.get("homepage"):
            raise forms.ValidationError(_("Your submission could not be accepted."))
        return ""


class BarrierReportForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = BarrierReport
        fields = ["page_url", "description", "name", "email"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class AcceptInvitationForm(TextLimitsMixin, forms.Form):
    full_name = forms.CharField(label=_("Your name"), max_length=150)
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput)
    password2 = forms.CharField(label=_("Repeat password"), widget=forms.PasswordInput)

    def clean(self):
        from django.contrib.auth.password_validation import validate_password

        data = super().clean()
        if data.get("password1") != data.get("password2"):
            raise forms.ValidationError(_("The two passwords differ."))
        if data.get("password1"):
            validate_password(data["password1"])
        return data


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


def bound_days_inputs(form: forms.ModelForm) -> None:
    """Give number inputs of bounded day counts (DaysRange) their min and max in the page."""
    for name, field in form.fields.items():
        try:
            model_field = form._meta.model._meta.get_field(name)
        except Exception:  # noqa: BLE001 - a form field of no model field
            continue
        for validator in getattr(model_field, "validators", []):
            if isinstance(validator, DaysRange):
                field.widget.attrs.update(min=validator.low, max=validator.high)


class RegionOfficeForm(forms.ModelForm):
    class Meta:
        model = Region
        fields = [
            "office_name",
            "office_department",
            "postal_address",
            "po_box",
            "visiting_address",
            "opening_hours",
            "introduction",
            "coat_of_arms",
            "imprint",
            "privacy_notice",
            "accessibility_statement",
            "registration_retention_days",
            "reminder_days_before",
            "provider_edits_need_approval",
            "unconfirmed_offer_policy",
            "map_tile_url",
            "map_attribution",
        ]
        widgets = {
            **{
                f: forms.Textarea(attrs={"rows": 3})
                for f in ["postal_address", "visiting_address", "opening_hours", "introduction"]
            },
            "coat_of_arms": AccessCheckedFileInput,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bound_days_inputs(self)
        if self.instance.pk and self.instance.coat_of_arms:
            link_current_file(self, "coat_of_arms", self.instance.coat_of_arms_url)


class RegionContactForm(forms.ModelForm):
    class Meta:
        model = RegionContact
        fields = ["kind", "label", "value", "order"]

    def clean(self):
        data = super().clean()
        if data.get("kind") == RegionContact.Kind.EMAIL and data.get("value"):
            try:
                forms.EmailField().clean(data["value"])
            except forms.ValidationError:
                self.add_error("value", _("Please enter a valid e-mail address."))
        elif data.get("kind") in (RegionContact.Kind.PHONE, RegionContact.Kind.FAX):
            value = data.get("value") or ""
            if value and sum(c.isdigit() for c in value) < 4:
                self.add_error("value", _("Please enter a phone number with its digits."))
        return data


class TeamMemberForm(forms.ModelForm):
    class Meta:
        model = TeamMember
        fields = ["name", "role", "phone", "email", "order"]


class RegionStatisticForm(forms.ModelForm):
    class Meta:
        model = RegionStatistic
        fields = ["label", "value", "as_of", "source", "order"]
        widgets = {"as_of": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class MunicipalityForm(forms.ModelForm):
    class Meta:
        model = Municipality
        fields = ["name", "kind", "slug"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_slug(self)

    def clean_slug(self):
        return self.cleaned_data.get("slug") or slugify(self.data.get(self.add_prefix("name"), ""))


def _office_formset(model, form):
    return forms.inlineformset_factory(
        Region, model, form=form, extra=1, can_delete=True, max_num=200, validate_max=True
    )


# The coordination office's details, edited together with the office form.
OFFICE_FORMSETS = {
    "contacts": (_office_formset(RegionContact, RegionContactForm), _("Phones and e-mails")),
    "team": (_office_formset(TeamMember, TeamMemberForm), _("Team members")),
    "statistics": (_office_formset(RegionStatistic, RegionStatisticForm), _("Statistics")),
    "municipalities": (_office_formset(Municipality, MunicipalityForm), _("Municipalities")),
}


def office_formsets(
    region: Region, data: Any = None
) -> dict[str, tuple[forms.BaseFormSet[Any], StrOrPromise]]:
    return {
        prefix: (formset(data, instance=region, prefix=prefix), title)
        for prefix, (formset, title) in OFFICE_FORMSETS.items()
    }


class FieldOfActionForm(forms.ModelForm):
    class Meta:
        model = FieldOfAction
        fields = ["name", "slug", "description", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        label_slug(self)

    def clean_slug(self):
        slug = self.cleaned_data["slug"] or slugify(self.data.get(self.add_prefix("name"), ""))
        clash = FieldOfAction.objects.in_region(self.region).filter(slug=slug)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Another field of action already uses this address."))
        return slug


class BarrierStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=BarrierReport.Status.choices)


def model_data(form: forms.BaseForm) -> dict[str, Any]:
    """A valid model form's cleaned values of its model's fields (not DELETE, an id, the
    honeypot or other form-only fields), as keyword data for a service."""
    fields = getattr(getattr(form, "_meta", None), "fields", None) or []
    return {name: value for name, value in form.cleaned_data.items() if name in fields}


def formset_rows(formset: forms.BaseFormSet[Any]) -> list[RowChange]:
    """The changed, added and deleted rows of a valid model formset, as data for a service."""
    deleted = set(map(id, formset.deleted_forms)) if formset.can_delete else set()
    rows = []
    for form in formset.forms:
        delete = id(form) in deleted
        if delete or form.has_changed():
            rows.append(RowChange(form.instance, model_data(form), delete=delete))
    return rows


RETENTION_DAYS = DaysRange(RETENTION_MIN_DAYS, RETENTION_MAX_DAYS)


class RetentionForm(forms.Form):
    """The county's retention periods: one field per rule a county can set."""

    def __init__(self, *args: Any, rules: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for view in rules:
            rule = view.rule
            if not rule.settable:
                continue
            days = RETENTION_DAYS
            if rule.region_field:
                days = next(
                    v
                    for v in getattr(Region._meta.get_field(rule.region_field), "validators", [])
                    if isinstance(v, DaysRange)
                )
            self.fields[rule.key] = forms.IntegerField(
                label=rule.label,
                help_text=rule.action,
                initial=view.days,
                validators=[days],
                widget=forms.NumberInput(attrs={"min": days.low, "max": days.high}),
            )


class SubjectSearchForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person"), max_length=254)


class SubjectEraseForm(SubjectSearchForm):
    confirm = forms.BooleanField(
        label=_("I have checked that these records belong to the person who asked."),
        required=True,
    )
