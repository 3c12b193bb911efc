"""The public page of a working group: visitors ask to join it there; internal groups and
other counties' stay hidden; public minutes and their files are shown."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from networks.models import JoinRequest, MeetingDocument, WorkingGroup
from tests.networks.factories import MeetingFactory, WorkingGroupFactory
from tests.networks.join_form import JOIN, _url


def test_a_join_request_is_stored_and_reaches_the_coordinators(
    client,
    group,
    coordinator_goslar,
    editor_goslar,
    mailoutbox_run,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(group), JOIN)
    assert response.status_code == 302
    request = JoinRequest.objects.get()
    assert (request.working_group, request.status) == (group, JoinRequest.Status.NEW)
    mails = mailoutbox_run()
    assert [m.to for m in mails] == [[coordinator_goslar.email]]
    assert "AK Sprache" in mails[0].subject and "Amal Haddad" in mails[0].body
    assert mails[0].reply_to == ["amal@example.org"]


@pytest.mark.parametrize(
    "change",
    [{"email": "not-an-address"}, {"name": ""}, {"privacy": ""}, {"homepage": "http://spam"}],
    ids=["bad e-mail", "no name", "no consent", "honeypot"],
)
def test_a_bad_join_request_writes_nothing(client, group, change):
    response = client.post(_url(group), {**JOIN, **change})
    assert response.status_code == 400
    assert not JoinRequest.objects.exists()


def test_join_requests_are_rate_limited(client, group, settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 2
    for _ in range(3):
        response = client.post(_url(group), JOIN)
    assert response.status_code == 429
    assert JoinRequest.objects.count() == 2


def test_closed_groups_take_no_requests(client, group):
    group.status = WorkingGroup.Status.CLOSED
    group.save()
    assert client.post(_url(group), JOIN).status_code == 400
    assert not JoinRequest.objects.exists()


def test_internal_groups_and_other_regions_groups_are_not_public(client, goslar, harz):
    WorkingGroupFactory(region=goslar, slug="intern", is_public=False)
    WorkingGroupFactory(region=harz, slug="harz-ak")
    assert (
        client.get(reverse("networks:working_group_detail", args=["goslar", "intern"])).status_code
        == 404
    )
    assert (
        client.get(reverse("networks:working_group_detail", args=["goslar", "harz-ak"])).status_code
        == 404
    )


def test_public_minutes_and_their_files_are_shown_internal_ones_are_not(
    client, group, settings, tmp_path
):
    past = datetime(2024, 3, 1, 16, 0, tzinfo=UTC)
    public = MeetingFactory(
        working_group=group, starts_at=past, minutes="Öffentliches Protokoll", minutes_public=True
    )
    internal = MeetingFactory(
        working_group=group, starts_at=past - timedelta(days=60), minutes="Vertraulich"
    )
    docs = []
    for meeting in (public, internal):
        doc = MeetingDocument(
            meeting=meeting, title=f"Anlage {meeting.pk}", content_type="application/pdf", size=8
        )
        doc.file.save("protokoll.pdf", ContentFile(b"%PDF-1.4"), save=True)
        docs.append(doc)
    body = client.get(_url(group)).content.decode()
    assert "Öffentliches Protokoll" in body and "Vertraulich" not in body
    assert f"Anlage {public.pk}" in body and f"Anlage {internal.pk}" not in body
    file_url = lambda d: reverse("networks:meeting_document", args=["goslar", group.slug, d.pk])  # noqa: E731
    assert client.get(file_url(docs[0])).status_code == 200
    assert client.get(file_url(docs[1])).status_code == 404
