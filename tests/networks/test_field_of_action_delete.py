"""A field of action that concept chapters or measures hang on is not deleted; staff are told
why."""

from django.utils.translation import gettext as _

from networks.models import ConceptChapter
from portal.models import FieldOfAction
from tests.networks.factories import ChapterFactory, ConceptFactory


def test_a_field_of_action_with_concept_chapters_is_not_deleted_and_staff_are_told_why(
    goslar, editor_goslar, client_of
):
    chapter = ChapterFactory(concept=ConceptFactory(region=goslar))
    field = chapter.field_of_action

    response = client_of(editor_goslar).post(
        f"/staff/goslar/fields/{field.pk}/delete/", follow=True
    )

    assert FieldOfAction.objects.filter(pk=field.pk).exists()
    assert ConceptChapter.objects.filter(pk=chapter.pk).exists()
    assert (
        _(
            "Chapters or measures of an integration concept belong to this field of action; "
            "assign them to another field first. It stays."
        )
        in response.content.decode()
    )
