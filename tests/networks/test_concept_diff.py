"""concept_diff: the measures a revision added, dropped and changed, field by field."""

from networks import services
from networks.selectors import concept_diff
from tests.networks.factories import MeasureFactory


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
