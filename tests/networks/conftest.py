"""Fixtures of the networks tests: Goslar's language working group, an editor's client, a small
public directory, two concept versions (2016 adopted, its 2023 revision a draft) and a fully
furnished adopted concept to revise (chapters, guidelines, measures, a partner, annexes, notes).

Uploads go to a temporary folder for every test: the media_root fixture of tests/conftest.py."""

from datetime import date

import pytest

from networks import services
from networks.models import IntegrationConcept, Measure, Organisation
from tests.factories import MunicipalityFactory
from tests.networks.factories import (
    ChapterFactory,
    ConceptFactory,
    GuidelineFactory,
    MeasureFactory,
    OrganisationFactory,
    WorkingGroupFactory,
)

ADOPTED = IntegrationConcept.Status.ADOPTED


@pytest.fixture
def group(goslar):
    """Goslar's working group on language (field of action "Sprache")."""
    group = WorkingGroupFactory(region=goslar, name="AK Sprache", slug="ak-sprache")
    group.fields_of_action.add(goslar.fields_of_action.get(slug="sprache"))
    return group


@pytest.fixture
def staff(client_of, editor_goslar):
    return client_of(editor_goslar)


@pytest.fixture
def directory(goslar):
    seesen = MunicipalityFactory(region=goslar, name="Seesen", slug="seesen")
    sprache = goslar.fields_of_action.get(slug="sprache")
    kvhs = OrganisationFactory(
        region=goslar,
        name="Kreisvolkshochschule Goslar",
        slug="kvhs",
        kind=Organisation.Kind.EDUCATION_PROVIDER,
        description="Integrationskurse und Sprachkurse",
    )
    kvhs.fields_of_action.add(sprache)
    OrganisationFactory(
        region=goslar,
        name="Jobcenter Goslar",
        slug="jobcenter",
        kind=Organisation.Kind.JOB_CENTRE,
        municipality=seesen,
    )
    OrganisationFactory(region=goslar, name="Interner Arbeitskreis", slug="intern", is_public=False)
    return goslar


@pytest.fixture
def versions(goslar):
    old = ConceptFactory(
        region=goslar,
        version=2016,
        status=IntegrationConcept.Status.ADOPTED,
        adopted_on=date(2016, 7, 1),
    )
    field = goslar.fields_of_action.get(slug="arbeit")
    ChapterFactory(
        concept=old, field_of_action=field, situation="## Lage\nViele Betriebe suchen Azubis."
    )
    MeasureFactory(concept=old, field_of_action=field, title="Jobpaten")
    new = services.concept_start_revision(concept=old, version=2023)
    MeasureFactory(concept=new, field_of_action=field, title="Ausbildungsmesse")
    return old, new


@pytest.fixture
def adopted(goslar):
    concept = ConceptFactory(
        region=goslar, version=2016, status=ADOPTED, adopted_on=date(2016, 7, 4)
    )
    fields = list(goslar.fields_of_action.all()[:2])
    for i, field in enumerate(fields):
        ChapterFactory(concept=concept, field_of_action=field, order=i)
    GuidelineFactory(concept=concept, title="Vielfalt als Stärke", order=1)
    GuidelineFactory(concept=concept, title="Teilhabe für alle", order=2)
    partner = OrganisationFactory(region=goslar, name="VHS Heilbronn")
    m1 = MeasureFactory(
        concept=concept,
        field_of_action=fields[0],
        title="Sprachcafé",
        progress=40,
        status=Measure.Status.IN_PROGRESS,
    )
    m1.partners.add(partner)
    MeasureFactory(concept=concept, field_of_action=fields[1], title="Lotsenprojekt")
    MeasureFactory(concept=concept, field_of_action=fields[1], title="Wohnraumbörse")
    services.concept_set_annexes(concept=concept, keys=["organisations"])
    services.measure_add_progress_note(measure=m1, date=date(2017, 1, 10), text="Start")
    return concept
