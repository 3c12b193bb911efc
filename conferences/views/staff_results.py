"""Back-office: a workshop's results and the measures of the integration concept they led to."""

from __future__ import annotations

import re

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from conferences.forms import MeasureFromResultsForm, WorkshopMeasuresForm
from conferences.models import Workshop
from conferences.services import results as services
from portal.access import MANAGE_CONTENT, staff_view
from portal.forms import model_choice_field
from portal.models import Region

_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s*")


def recommendation_lines(text: str) -> list[str]:
    """One recommendation per line; list bullets and numbers are dropped."""
    return [line for line in (_BULLET.sub("", raw).strip() for raw in text.splitlines()) if line]


def _initial_measure(request: HttpRequest, workshop: Workshop, lines: list[str]) -> dict:
    """Prefill the new measure from the recommendation chosen by ``?recommendation=N``."""
    initial: dict = {"field_of_action": workshop.field_of_action_id}
    try:
        line = lines[int(request.GET.get("recommendation", ""))]
    except (ValueError, IndexError):
        return initial
    source = _("From the workshop “%(workshop)s” of “%(event)s”.") % {
        "workshop": workshop.title,
        "event": workshop.event_date.event.title,
    }
    return {**initial, "title": line[:300], "description": f"{line}\n\n{source}"}


@staff_view(MANAGE_CONTENT)
def workshop_measures(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    """Link the workshop's results to measures, or create a measure from a recommendation."""
    workshop = get_object_or_404(
        Workshop.objects.in_region(region).select_related("event_date__event", "field_of_action"),
        pk=pk,
    )
    lines = recommendation_lines(workshop.recommendations)
    action = request.POST.get("action") if request.method == "POST" else None
    link_form = WorkshopMeasuresForm(
        request.POST if action == "link" else None,
        region=region,
        initial={"measures": list(workshop.measures.all())},
        prefix="link",
    )
    new_form = MeasureFromResultsForm(
        request.POST if action == "create" else None,
        region=region,
        initial=_initial_measure(request, workshop, lines),
        prefix="new",
    )
    here = redirect("conferences_staff:workshop_measures", region=region.slug, pk=workshop.pk)
    if action == "link" and link_form.is_valid():
        services.workshop_set_measures(
            workshop=workshop, measures=link_form.cleaned_data["measures"]
        )
        messages.success(request, _("Saved."))
        return here
    if action == "create" and new_form.is_valid():
        try:
            measure = services.measure_create_from_results(
                workshop=workshop, **new_form.cleaned_data
            )
        except services.ResultLinkError as error:
            new_form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("The measure “%(title)s” was added to %(concept)s.")
                % {"title": measure.title, "concept": measure.concept},
            )
            return here
    concepts = model_choice_field(new_form, "concept").queryset
    context = {
        "region": region,
        "workshop": workshop,
        "event": workshop.event_date.event,
        "recommendations": lines,
        "linked": workshop.measures.select_related("concept", "field_of_action"),
        "link_form": link_form,
        "new_form": new_form,
        "can_create": concepts is not None and concepts.exists(),
    }
    status = 400 if action and (link_form.errors or new_form.errors) else 200
    return render(request, "conferences/staff/workshop_measures.html", context, status=status)
