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


def test_an_editor_renames_a_field(client_of, editor_goslar, goslar):
    field = FieldOfAction.objects.in_region(goslar).get(slug="arbeit")
    client_of(editor_goslar).post(
        f"/staff/goslar/fields/{field.pk}/",
        {"name": "Arbeit und Ausbildung", "slug": "arbeit", "description": "Neu", "order": 1},
    )
    field.refresh_from_db()
    assert field.name == "Arbeit und Ausbildung"
    assert field.description == "Neu"


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


def test_renaming_onto_another_fields_address_is_refused(client_of, editor_goslar, goslar):
    field = FieldOfAction.objects.in_region(goslar).get(slug="arbeit")
    response = client_of(editor_goslar).post(
        f"/staff/goslar/fields/{field.pk}/", {"name": "Arbeit", "slug": "sprache", "order": 1}
    )
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    field.refresh_from_db()
    assert field.slug == "arbeit"


def test_invalid_input_gets_messages(client_of, editor_goslar, goslar):
    response = client_of(editor_goslar).post(
        "/staff/goslar/fields/", {"name": "", "slug": "kein slug!", "order": "-1"}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"name", "slug", "order"} <= set(errors)
    assert FieldOfAction.objects.in_region(goslar).count() == 10


def test_another_regions_field_answers_404(client_of, editor_goslar, harz):
    field = FieldOfAction.objects.in_region(harz).first()
    assert client_of(editor_goslar).get(f"/staff/goslar/fields/{field.pk}/").status_code == 404


def test_an_editor_deletes_a_field_that_nothing_restricts(client_of, editor_goslar, goslar):
    field = FieldOfAction.objects.in_region(goslar).get(slug="arbeit")
    response = client_of(editor_goslar).post(f"/staff/goslar/fields/{field.pk}/delete/")
    assert response.status_code == 302
    assert not FieldOfAction.objects.filter(pk=field.pk).exists()
    assert FieldOfAction.objects.in_region(goslar).count() == 9


def test_deleting_is_offered_on_the_fields_page(client_of, editor_goslar, goslar):
    field = FieldOfAction.objects.in_region(goslar).get(slug="arbeit")
    html = client_of(editor_goslar).get(f"/staff/goslar/fields/{field.pk}/").content.decode()
    assert f"/staff/goslar/fields/{field.pk}/delete/" in html
