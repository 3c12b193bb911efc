"""concept_start_revision (Fortschreibung): a revision deep-copies the adopted version, which
stays untouched; only the adopted version is revised, and once at a time."""

import pytest

from networks import services
from networks.models import IntegrationConcept, Measure
from tests.networks.factories import ConceptFactory


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
