"""Fortschreibung: a revision deep-copies the adopted version; adoption supersedes it."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from networks import services
from networks.models import IntegrationConcept, Measure
from networks.selectors import concept_diff
from tests.networks.factories import (
    ChapterFactory,
    ConceptFactory,
    GuidelineFactory,
    MeasureFactory,
    OrganisationFactory,
)

ADOPTED = IntegrationConcept.Status.ADOPTED


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


def test_a_revision_is_a_deep_copy_of_the_adopted_version(adopted):
    draft = services.concept_start_revision(concept=adopted, version=2023)

    assert draft.pk != adopted.pk
    assert draft.status == IntegrationConcept.Status.DRAFT
    assert draft.version == 2023 and draft.revision_of == adopted
    assert draft.foreword == adopted.foreword
    assert list(draft.guidelines.values_list("title", flat=True)) == [
        "Vielfalt als Stärke",
        "Teilhabe für alle",
    ]
    assert draft.chapters.count() == 2
    copied = draft.measures.get(title="Sprachcafé")
    original = adopted.measures.get(title="Sprachcafé")
    assert copied.pk != original.pk
    assert copied.lineage == original.lineage
    assert (copied.progress, copied.status) == (40, Measure.Status.IN_PROGRESS)
    assert [p.name for p in copied.partners.all()] == ["VHS Heilbronn"]
    assert list(draft.annexes.values_list("key", flat=True)) == ["organisations"]
    # Notes belong to the version they were written for.
    assert copied.progress_notes.count() == 0 and original.progress_notes.count() == 1


def test_editing_the_draft_leaves_the_adopted_version_untouched(adopted):
    draft = services.concept_start_revision(concept=adopted, version=2023)
    draft.measures.filter(title="Sprachcafé").update(title="Sprachcafé plus")
    draft.guidelines.all().delete()
    assert adopted.measures.filter(title="Sprachcafé").exists()
    assert adopted.guidelines.count() == 2


def test_only_the_adopted_version_can_be_revised_and_only_once_at_a_time(adopted, goslar):
    services.concept_start_revision(concept=adopted, version=2023)
    with pytest.raises(services.ConceptError):
        services.concept_start_revision(concept=adopted, version=2024)
    draft = ConceptFactory(region=goslar, version=2030)
    with pytest.raises(services.ConceptError):
        services.concept_start_revision(concept=draft)


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


def test_the_diff_lists_added_dropped_and_changed_measures_field_by_field(adopted, goslar):
    draft = services.concept_start_revision(concept=adopted, version=2023)
    changed = draft.measures.get(title="Sprachcafé")
    changed.title = "Sprachcafé und Lernpaten"
    changed.progress = 80
    changed.save()
    changed.partners.clear()
    draft.measures.get(title="Wohnraumbörse").delete()
    MeasureFactory(
        concept=draft, field_of_action=goslar.fields_of_action.first(), title="Kita-Einstieg"
    )

    diff = concept_diff(adopted, draft)

    assert [m.title for m in diff.added] == ["Kita-Einstieg"]
    assert [m.title for m in diff.dropped] == ["Wohnraumbörse"]
    assert len(diff.changed) == 1 and diff.unchanged == 1
    changes = {c.name: (c.old, c.new) for c in diff.changed[0].changes}
    assert changes["title"] == ("Sprachcafé", "Sprachcafé und Lernpaten")
    assert changes["progress"] == ("40\xa0%", "80\xa0%")  # CLDR: no line break before %
    assert changes["partners"] == ("VHS Heilbronn", "")
    assert "status" not in changes


def test_an_unchanged_copy_has_no_changes(adopted):
    draft = services.concept_start_revision(concept=adopted, version=2023)
    diff = concept_diff(adopted, draft)
    assert not diff.has_changes and diff.unchanged == 3


def test_the_staff_revision_flow(client_of, coordinator_goslar, adopted):
    client = client_of(coordinator_goslar)
    response = client.post(
        f"/staff/goslar/network/concepts/{adopted.pk}/revise/", {"version": "2023"}
    )
    draft = IntegrationConcept.objects.get(version=2023)
    assert response.url == f"/staff/goslar/network/concepts/{draft.pk}/"
    response = client.post(
        f"/staff/goslar/network/concepts/{draft.pk}/adopt/", {"adopted_on": "2024-03-01"}
    )
    assert response.status_code == 302
    assert IntegrationConcept.objects.get(pk=adopted.pk).status == "superseded"
    page = client.get(f"/staff/goslar/network/concepts/compare/?old={adopted.pk}&new={draft.pk}")
    assert page.status_code == 200


def test_staff_cannot_change_a_superseded_version(client_of, coordinator_goslar, adopted):
    draft = services.concept_start_revision(concept=adopted, version=2023)
    services.concept_adopt(concept=draft, adopted_on=date(2024, 3, 1))
    measure = adopted.measures.first()
    client = client_of(coordinator_goslar)
    client.post(f"/staff/goslar/network/measures/{measure.pk}/delete/")
    assert Measure.objects.filter(pk=measure.pk).exists()
