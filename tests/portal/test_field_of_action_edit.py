"""Staff rename a field of action of their county; its address stays unique; deleting is offered
there."""

from portal.models import FieldOfAction


def test_an_editor_renames_a_field(client_of, editor_goslar, goslar):
    field = FieldOfAction.objects.in_region(goslar).get(slug="arbeit")
    client_of(editor_goslar).post(
        f"/staff/goslar/fields/{field.pk}/",
        {"name": "Arbeit und Ausbildung", "slug": "arbeit", "description": "Neu", "order": 1},
    )
    field.refresh_from_db()
    assert field.name == "Arbeit und Ausbildung"
    assert field.description == "Neu"


def test_renaming_onto_another_fields_address_is_refused(client_of, editor_goslar, goslar):
    field = FieldOfAction.objects.in_region(goslar).get(slug="arbeit")
    response = client_of(editor_goslar).post(
        f"/staff/goslar/fields/{field.pk}/", {"name": "Arbeit", "slug": "sprache", "order": 1}
    )
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    field.refresh_from_db()
    assert field.slug == "arbeit"


def test_another_regions_field_answers_404(client_of, editor_goslar, harz):
    field = FieldOfAction.objects.in_region(harz).first()
    assert client_of(editor_goslar).get(f"/staff/goslar/fields/{field.pk}/").status_code == 404


def test_deleting_is_offered_on_the_fields_page(client_of, editor_goslar, goslar):
    field = FieldOfAction.objects.in_region(goslar).get(slug="arbeit")
    html = client_of(editor_goslar).get(f"/staff/goslar/fields/{field.pk}/").content.decode()
    assert f"/staff/goslar/fields/{field.pk}/delete/" in html
