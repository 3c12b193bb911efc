"""Staff delete a field of action that nothing restricts."""

from portal.models import FieldOfAction


def test_an_editor_deletes_a_field_that_nothing_restricts(client_of, editor_goslar, goslar):
    field = FieldOfAction.objects.in_region(goslar).get(slug="arbeit")
    response = client_of(editor_goslar).post(f"/staff/goslar/fields/{field.pk}/delete/")
    assert response.status_code == 302
    assert not FieldOfAction.objects.filter(pk=field.pk).exists()
    assert FieldOfAction.objects.in_region(goslar).count() == 9
