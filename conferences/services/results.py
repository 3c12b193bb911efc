"""Workshop results become inputs to the integration concept: links to its measures.

Dependencies point from conferences to networks, so the links live on the workshop
(``Workshop.measures``) and the networks app never imports this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from conferences.models import Workshop
from networks.models import IntegrationConcept, Measure
from portal.models import FieldOfAction

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise


class ResultLinkError(Exception):
    """A link that would cross regions or touch a closed version; nothing changed."""

    def __init__(self, message: StrOrPromise) -> None:
        super().__init__(message)
        self.message = message


def _region_id(workshop: Workshop) -> int:
    return workshop.event_date.event.region_id


def workshop_set_measures(*, workshop: Workshop, measures: Iterable[Measure]) -> None:
    """Replace the measures a workshop's results led to (all from the workshop's region)."""
    measures = list(measures)
    region_id = _region_id(workshop)
    if any(m.concept.region_id != region_id for m in measures):
        raise ResultLinkError(_("Please choose measures of this county's integration concept."))
    workshop.measures.set(measures)


@transaction.atomic
def measure_create_from_results(
    *,
    workshop: Workshop,
    concept: IntegrationConcept,
    field_of_action: FieldOfAction,
    title: str,
    description: str = "",
) -> Measure:
    """A new planned measure in an editable version of the concept, linked to the workshop.

    It goes to the end of its field of action's measures; staff fill in who is responsible,
    partners and dates on the concept's measure page.
    """
    region_id = _region_id(workshop)
    if concept.region_id != region_id or field_of_action.region_id != region_id:
        raise ResultLinkError(_("Please choose this county's concept and field of action."))
    # Lock the version so it cannot be adopted (and so become read-only) in between.
    concept = IntegrationConcept.objects.select_for_update().get(pk=concept.pk)
    if not concept.is_editable:
        raise ResultLinkError(
            _("Measures can only be added to a draft or a version in consultation.")
        )
    highest = concept.measures.filter(field_of_action=field_of_action).aggregate(o=Max("order"))
    measure = Measure.objects.create(
        concept=concept,
        field_of_action=field_of_action,
        order=(highest["o"] or 0) + 1,
        title=title.strip(),
        description=description.strip(),
    )
    workshop.measures.add(measure)
    return measure
