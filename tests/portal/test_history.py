"""The change history shows who changed what, and when."""

from portal.models import FieldOfAction


def test_it_shows_who_changed_a_field_of_action(
    client_of, coordinator_goslar, editor_goslar, goslar
):
    editor_goslar.full_name = "Erika Editor"
    editor_goslar.save()
    field = FieldOfAction.objects.in_region(goslar).get(slug="sprache")
    client_of(editor_goslar).post(
        f"/staff/goslar/fields/{field.pk}/",
        {"name": "Sprache und Bildung", "slug": "sprache", "description": "", "order": 3},
    )
    html = client_of(coordinator_goslar).get("/staff/goslar/history/").content.decode()
    assert "Erika Editor" in html
    assert "Sprache und Bildung" in html
    assert "name: Sprache → Sprache und Bildung" in html


def test_it_shows_changes_to_the_office(client_of, coordinator_goslar, goslar):
    client = client_of(coordinator_goslar)
    goslar.opening_hours = "alt"
    goslar.save()
    from tests.portal.test_office_edit import office_data

    client.post("/staff/goslar/office/", office_data(goslar, opening_hours="Mo 9–12 Uhr"))
    entries = client.get("/staff/goslar/history/").context["entries"]
    assert any(any(change.startswith("opening_hours") for change in e.changes) for e in entries), (
        entries
    )


def test_it_does_not_show_another_regions_changes(client_of, coordinator_goslar, goslar, harz):
    field = FieldOfAction.objects.in_region(harz).get(slug="sprache")
    field.name = "Harzer Sprachkurse"
    field.save()
    html = client_of(coordinator_goslar).get("/staff/goslar/history/").content.decode()
    assert "Harzer Sprachkurse" not in html


def test_membership_changes_are_recorded(client_of, coordinator_goslar, editor_goslar):
    from portal.models import Membership

    membership = Membership.objects.get(user=editor_goslar)
    client = client_of(coordinator_goslar)
    client.post(f"/staff/goslar/team/{membership.pk}/", {"action": "role", "role": "event_staff"})
    entries = client.get("/staff/goslar/history/").context["entries"]
    assert any("role: editor → event_staff" in e.changes for e in entries)
