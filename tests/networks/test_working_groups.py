"""Working groups: public page, join requests to the coordinators, meetings as .ics, minutes."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from networks.models import JoinRequest, MeetingDocument, WorkingGroup
from tests.networks.factories import (
    JoinRequestFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    WorkingGroupFactory,
)

JOIN = {
    "name": "Amal Haddad",
    "email": "amal@example.org",
    "organisation_name": "Frauencafé",
    "message": "Ich möchte mitarbeiten.",
    "privacy": "on",
}


@pytest.fixture
def group(goslar):
    group = WorkingGroupFactory(region=goslar, name="AK Sprache", slug="ak-sprache")
    group.fields_of_action.add(goslar.fields_of_action.get(slug="sprache"))
    return group


def _url(group):
    return reverse("networks:working_group_detail", args=[group.region.slug, group.slug])


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


def test_staff_answer_a_join_request_by_mail(
    client_of, coordinator_goslar, group, mailoutbox_run, django_capture_on_commit_callbacks
):
    request = JoinRequestFactory(working_group=group, name="Amal", email="amal@example.org")
    url = reverse("networks_staff:join_request_detail", args=["goslar", request.pk])
    client = client_of(coordinator_goslar)
    assert client.post(url, {"status": "accepted"}).status_code == 400  # no answer text
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"status": "accepted", "answer": "Nächstes Treffen am 3. März."})
    request.refresh_from_db()
    assert request.status == "accepted" and request.answered_by == coordinator_goslar
    mail = mailoutbox_run()[-1]
    assert mail.to == ["amal@example.org"] and "3. März" in mail.body
    # a second answer is refused
    client.post(url, {"status": "declined", "answer": "Doch nicht."})
    request.refresh_from_db()
    assert request.status == "accepted"


def test_accepting_makes_the_person_a_member_with_the_consent_they_stated(
    client_of, coordinator_goslar, client, group, mailoutbox_run, django_capture_on_commit_callbacks
):
    OrganisationFactory(region=group.region, name="Frauencafé")
    client.post(_url(group), {**JOIN, "public_consent": "on"})
    request = JoinRequest.objects.get()
    assert request.public_consent
    url = reverse("networks_staff:join_request_detail", args=["goslar", request.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(coordinator_goslar).post(
            url, {"status": "accepted", "answer": "Willkommen!"}, follow=True
        )
    assert "ist jetzt Mitglied" in response.content.decode()
    person = group.member_persons.get()
    assert (person.name, person.email, person.organisation.name) == (
        "Amal Haddad",
        "amal@example.org",
        "Frauencafé",
    )
    assert person.public_consent and person.consent_date == timezone.localdate()
    assert "Amal Haddad" in client.get(_url(group)).content.decode()  # named publicly
    mail = mailoutbox_run()[-1]
    assert mail.to == ["amal@example.org"] and "Mitgliederliste" in mail.body


def test_without_consent_the_new_member_is_listed_only_for_staff(
    client_of, coordinator_goslar, client, group
):
    client.post(_url(group), JOIN)
    request = JoinRequest.objects.get()
    url = reverse("networks_staff:join_request_detail", args=["goslar", request.pk])
    client_of(coordinator_goslar).post(url, {"status": "accepted", "answer": "Willkommen!"})
    person = group.member_persons.get()
    assert not person.public_consent and person.consent_date is None
    client.logout()
    assert "Amal Haddad" not in client.get(_url(group)).content.decode()


def test_an_existing_contact_person_becomes_the_member(client_of, coordinator_goslar, group):
    known = PersonFactory(region=group.region, name="Amal H.", email="AMAL@example.org")
    request = JoinRequestFactory(working_group=group, name="Amal", email="amal@example.org")
    url = reverse("networks_staff:join_request_detail", args=["goslar", request.pk])
    client_of(coordinator_goslar).post(url, {"status": "accepted", "answer": "Willkommen!"})
    assert list(group.member_persons.all()) == [known]
    request.refresh_from_db()
    assert request.member == known


def test_declining_makes_nobody_a_member(client_of, coordinator_goslar, group):
    request = JoinRequestFactory(working_group=group, name="Amal", email="amal@example.org")
    url = reverse("networks_staff:join_request_detail", args=["goslar", request.pk])
    client_of(coordinator_goslar).post(url, {"status": "declined", "answer": "Leider nicht."})
    assert not group.member_persons.exists()


def test_the_answer_page_offers_accept_and_decline_buttons(client_of, coordinator_goslar, group):
    request = JoinRequestFactory(working_group=group, name="Amal", email="amal@example.org")
    url = reverse("networks_staff:join_request_detail", args=["goslar", request.pk])
    html = client_of(coordinator_goslar).get(url).content.decode()
    assert '<button class="btn btn-success" type="submit" name="status" value="accepted">' in html
    assert ">Annehmen</button>" in html and ">Ablehnen</button>" in html


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


def test_the_list_filters_by_field_of_action(client, goslar, group):
    WorkingGroupFactory(region=goslar, name="AK Wohnen", slug="ak-wohnen")
    url = reverse("networks:working_group_list", args=["goslar"])
    body = client.get(url, {"field": "sprache"}).content.decode()
    assert "AK Sprache" in body and "AK Wohnen" not in body
    assert "AK Wohnen" in client.get(url).content.decode()


def test_upcoming_meetings_export_as_ics(client, group):
    soon = timezone.now() + timedelta(days=7)
    MeetingFactory(working_group=group, starts_at=soon, place="Kreishaus Goslar", agenda="TOP 1")
    MeetingFactory(working_group=group, starts_at=timezone.now() - timedelta(days=30))
    response = client.get(reverse("networks:working_group_ics", args=["goslar", group.slug]))
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["LOCATION"]) == "Kreishaus Goslar"
    assert events[0].decoded("DTSTART") == soon.replace(microsecond=0) or abs(
        events[0].decoded("DTSTART") - soon
    ) < timedelta(seconds=1)


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
