"""concept_adopt: adopting a revision supersedes the previous version; one adopted version per
county, held by the database."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from networks import services
from networks.models import IntegrationConcept
from tests.networks.factories import ConceptFactory

ADOPTED = IntegrationConcept.Status.ADOPTED


def test_adopting_the_revision_supersedes_the_previous_version(adopted):
    draft = services.concept_start_revision(concept=adopted, version=2023)
    services.concept_adopt(concept=draft, adopted_on=date(2024, 3, 1))
    adopted.refresh_from_db()
    draft.refresh_from_db()
    assert adopted.status == IntegrationConcept.Status.SUPERSEDED
    assert draft.status == ADOPTED and draft.adopted_on == date(2024, 3, 1)
    with pytest.raises(services.ConceptError):
        services.concept_adopt(concept=adopted, adopted_on=date(2024, 3, 2))


def test_the_database_allows_one_adopted_version_per_region(adopted, goslar, harz):
    ConceptFactory(region=harz, status=ADOPTED)  # another region is fine
    with pytest.raises(IntegrityError), transaction.atomic():
        ConceptFactory(region=goslar, status=ADOPTED)
