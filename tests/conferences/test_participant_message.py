"""A message to all participants of a date, sent by jobs after the commit."""

from __future__ import annotations

from tests.conferences.factories import RegistrationFactory


def test_message_all_participants(
    client_of, coordinator_goslar, event_date, jobs, django_capture_on_commit_callbacks
):
    from portal.models import OutgoingMail

    RegistrationFactory.create_batch(2, event_date=event_date)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(coordinator_goslar).post(
            f"/staff/goslar/dates/{event_date.pk}/message/",
            {"subject": "Hinweis", "body": "Bitte Ausweis mitbringen."},
        )
    assert response.status_code == 302
    assert not OutgoingMail.objects.filter(subject="Hinweis").exists()  # sent by jobs
    jobs.run()
    assert OutgoingMail.objects.filter(subject="Hinweis").count() == 2
