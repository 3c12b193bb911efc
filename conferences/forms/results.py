"""Back-office forms that turn workshop results into measures of the integration concept."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from networks.models import IntegrationConcept, Measure
from portal.forms import model_choice_field
from portal.models import FieldOfAction, Region


def _measure_label(measure: Measure) -> str:
    concept = measure.concept
    return f"{measure.title} – {concept.title} {concept.version} ({concept.get_status_display()})"


class MeasureMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Measures labelled with their concept's version and status."""

    def label_from_instance(self, obj: Measure) -> str:
        return _measure_label(obj)


class WorkshopMeasuresForm(forms.Form):
    """Which measures the workshop's results led to (any current version of the concept)."""

    measures = MeasureMultipleChoiceField(
        label=_("Measures of the integration concept"),
        queryset=Measure.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = model_choice_field(self, "measures")
        # Superseded versions are a record; links are made on the versions in use.
        field.queryset = (
            Measure.objects.in_region(region)
            .exclude(concept__status=IntegrationConcept.Status.SUPERSEDED)
            .select_related("concept", "field_of_action")
            .order_by("-concept__version", "field_of_action__order", "order", "pk")
        )


class MeasureFromResultsForm(forms.Form):
    """A new measure in a draft (or in-consultation) version, from one recommendation."""

    concept = forms.ModelChoiceField(
        label=_("Version of the integration concept"),
        queryset=IntegrationConcept.objects.none(),
        empty_label=None,
    )
    field_of_action = forms.ModelChoiceField(
        label=_("Field of action"), queryset=FieldOfAction.objects.none()
    )
    title = forms.CharField(label=_("Title of the measure"), max_length=300)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "concept").queryset = IntegrationConcept.objects.in_region(
            region
        ).filter(
            status__in=[
                IntegrationConcept.Status.DRAFT,
                IntegrationConcept.Status.CONSULTATION,
            ]
        )
        model_choice_field(self, "field_of_action").queryset = FieldOfAction.objects.in_region(
            region
        )

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Please enter a title."))
        return title
