"""Item 18: a data subject request. A coordinator finds everything stored about an e-mail
address in the county, exports it and erases it; each step is logged without the data."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from conferences.models import Event, Registration
from networks.models import JoinRequest, Organisation, Person
from offers.models import ChangeRequest, UpdateRequest
from portal.lib.mail import queue_mail
from portal.models import (
    BarrierReport,
    Invitation,
    OutgoingMail,
    SubjectRequestLog,
    TeamMember,
)
from tests.conferences.factories import EventDateFactory, EventFactory, RegistrationFactory
from tests.factories import InvitationFactory
from tests.networks.factories import (
    JoinRequestFactory,
    OrganisationFactory,
    PersonFactory,
    WorkingGroupFactory,
)
from tests.offers.factories import ChangeRequestFactory, UpdateRequestFactory, UpdateRoundFactory
from tests.portal.factories import BarrierReportFactory, TeamMemberFactory

pytestmark = pytest.mark.django_db

EMAIL = "Erika.Muster@example.org"


def _everything(region, email=EMAIL):
    """One record of every kind the request covers, for ``email`` in ``region``."""
    organisation = OrganisationFactory(region=region, email=email, phone="05321 4711")
    event = EventFactory(region=region, contact_name="Erika Muster", contact_email=email)
    team = TeamMemberFactory(region=region, name="Erika Muster", email=email)
    invitation = InvitationFactory(region=region, email=email, role="editor")
    registration = RegistrationFactory(
        event_date=EventDateFactory(event=event),
        name="Erika Muster",
        email=email,
        phone="05321 1234",
    )
    person = PersonFactory(region=region, name="Erika Muster", email=email.lower())
    person.phone = "0170 555"
    person.save()  # a second version in the change history
    join = JoinRequestFactory(
        working_group=WorkingGroupFactory(region=region), name="Erika Muster", email=email
    )
    change = ChangeRequestFactory(
        region=region,
        kind="update",
        source="public",
        organisation=organisation,
        submitter_name="Erika Muster",
        submitter_email=email,
        message="Bitte Telefonnummer ändern",
    )
    update_round = UpdateRoundFactory(region=region, name="2026", deadline=timezone.localdate())
    update = UpdateRequestFactory(round=update_round, organisation=organisation, email=email)
    mail = queue_mail(to=email, subject="Ihre Anmeldung", body_text="Hallo Erika", region=region)
    report = BarrierReportFactory(region=region, description="Kontrast zu schwach", email=email)
    return {
        "registration": registration,
        "person": person,
        "join": join,
        "change": change,
        "update": update,
        "mail": mail,
        "report": report,
        "organisation": organisation,
        "event": event,
        "team": team,
        "invitation": invitation,
    }


def _post(client, region, **data):
    url = reverse("portal_staff:subject_request", kwargs={"region": region.slug})
    return client.post(url, {"email": EMAIL.upper(), **data})


def test_the_coordinator_finds_everything_about_the_address_in_the_county(
    client_of, coordinator_goslar, goslar, harz
):
    _everything(goslar)
    _everything(harz)
    page = _post(client_of(coordinator_goslar), goslar, action="search")
    assert page.status_code == 200
    html = page.content.decode()
    for source in (
        "registrations",
        "persons",
        "join_requests",
        "change_requests",
        "update_contacts",
        "mails",
        "barrier_reports",
        "organisations",
        "event_contacts",
        "team",
        "invitations",
    ):
        assert f'data-source="{source}"' in html
    assert "Bitte Telefonnummer ändern" in html and "Hallo Erika" in html
    log = SubjectRequestLog.objects.get()
    assert (log.region, log.user, log.action) == (goslar, coordinator_goslar, "search")
    assert log.counts["registrations"] == 1 and log.counts["persons"] == 1
    assert "example.org" not in json.dumps(log.counts)


def test_the_export_is_a_json_file_of_the_county_only(client_of, coordinator_goslar, goslar, harz):
    _everything(goslar)
    _everything(harz)
    response = _post(client_of(coordinator_goslar), goslar, action="export")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["region"] == goslar.name
    records = data["records"]
    assert len(records["registrations"]["records"]) == 1
    assert len(records["mails"]["records"]) == 1
    assert records["change_requests"]["records"][0]["Nachricht"] == "Bitte Telefonnummer ändern"
    assert SubjectRequestLog.objects.get().action == "export"


def test_erasing_needs_the_confirmation(client_of, coordinator_goslar, goslar):
    rows = _everything(goslar)
    response = _post(client_of(coordinator_goslar), goslar, action="erase")
    assert response.status_code == 400
    assert Person.objects.filter(pk=rows["person"].pk).exists()
    assert not SubjectRequestLog.objects.filter(action="erase").exists()


def test_erasing_removes_the_county_s_records_and_logs_who_and_what(
    client_of, coordinator_goslar, goslar, harz
):
    rows = _everything(goslar)
    other = _everything(harz)
    person_pk = rows["person"].pk
    response = _post(client_of(coordinator_goslar), goslar, action="erase", confirm="on")
    assert response.status_code == 302

    registration = Registration.objects.get(pk=rows["registration"].pk)
    assert registration.anonymised_at and registration.name == "" and registration.phone == ""
    assert not Person.objects.filter(pk=person_pk).exists()
    assert not Person.history.filter(id=person_pk).exists()  # no old version keeps the phone
    assert not JoinRequest.objects.filter(pk=rows["join"].pk).exists()
    assert not ChangeRequest.objects.filter(pk=rows["change"].pk).exists()
    assert not UpdateRequest.objects.filter(pk=rows["update"].pk).exists()
    assert not OutgoingMail.objects.filter(pk=rows["mail"].pk).exists()
    assert not BarrierReport.objects.filter(pk=rows["report"].pk).exists()
    assert not TeamMember.objects.filter(pk=rows["team"].pk).exists()
    assert not Invitation.objects.filter(pk=rows["invitation"].pk).exists()
    organisation = Organisation.objects.get(pk=rows["organisation"].pk)  # stays, without her
    assert organisation.email == "" and organisation.phone == ""
    assert not Organisation.history.filter(email__iexact=EMAIL, region_id=goslar.pk).exists()
    event = Event.objects.get(pk=rows["event"].pk)
    assert event.contact_email == "" and event.contact_name == ""
    assert not Event.history.filter(contact_email__iexact=EMAIL, region_id=goslar.pk).exists()
    # The other county's records of the same address stay.
    assert Registration.objects.get(pk=other["registration"].pk).anonymised_at is None
    assert Person.objects.filter(pk=other["person"].pk).exists()
    assert OutgoingMail.objects.filter(pk=other["mail"].pk).exists()

    log = SubjectRequestLog.objects.get(action="erase")
    assert (log.region, log.user) == (goslar, coordinator_goslar)
    assert log.counts["registrations"] == 1 and log.counts["mails"] == 1
    assert "example.org" not in json.dumps(log.counts)

    # The log is on the data protection page, without the address.
    page = client_of(coordinator_goslar).get(
        reverse("portal_staff:privacy", kwargs={"region": goslar.slug})
    )
    assert "Gelöscht" in page.content.decode()
    assert "erika" not in page.content.decode().lower()


def test_editors_may_not_make_a_subject_request(client_of, editor_goslar, goslar):
    assert _post(client_of(editor_goslar), goslar, action="search").status_code == 403
