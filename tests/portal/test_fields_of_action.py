"""Staff edit the region's fields of action (the default catalogue is a start, not a law)."""

from portal.models import FieldOfAction


def test_a_new_region_starts_with_the_ten_goslar_topics(goslar):
    names = list(FieldOfAction.objects.in_region(goslar).values_list("name", flat=True))
    assert len(names) == 10
    assert names[0] == "Arbeit"
    assert names[-1] == "Begleitung und Betreuung von Flüchtlingen"


def test_the_list_shows_the_regions_fields(client_of, editor_goslar):
    html = client_of(editor_goslar).get("/staff/goslar/fields/").content.decode()
    assert "Mobilität" in html


def test_an_editor_adds_a_field(client_of, editor_goslar, goslar):
    response = client_of(editor_goslar).post(
        "/staff/goslar/fields/",
        {
            "name": "Antidiskriminierung",
            "slug": "antidiskriminierung",
            "description": "",
            "order": 11,
        },
    )
    assert response.status_code == 302
    assert FieldOfAction.objects.in_region(goslar).filter(slug="antidiskriminierung").exists()


def test_a_duplicate_address_gets_a_message(client_of, editor_goslar, goslar):
    response = client_of(editor_goslar).post(
        "/staff/goslar/fields/", {"name": "Arbeit 2", "slug": "arbeit", "order": 1}
    )
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert FieldOfAction.objects.in_region(goslar).filter(slug="arbeit").count() == 1


def test_the_same_address_in_another_region_is_fine(client_of, editor_goslar, goslar, harz):
    FieldOfAction.objects.in_region(harz).filter(slug="sprache").delete()
    response = client_of(editor_goslar).post(
        "/staff/goslar/fields/", {"name": "Neu", "slug": "neu", "order": 1}
    )
    assert response.status_code == 302


def test_invalid_input_gets_messages(client_of, editor_goslar, goslar):
    response = client_of(editor_goslar).post(
        "/staff/goslar/fields/", {"name": "", "slug": "kein slug!", "order": "-1"}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"name", "slug", "order"} <= set(errors)
    assert FieldOfAction.objects.in_region(goslar).count() == 10
