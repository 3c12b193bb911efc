"""Staff answer a join request by mail; accepting makes the person a member with the consent
they stated, declining makes nobody one."""

from django.urls import reverse
from django.utils import timezone

from networks.models import JoinRequest
from tests.networks.factories import JoinRequestFactory, OrganisationFactory, PersonFactory
from tests.networks.join_form import JOIN, _url


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
