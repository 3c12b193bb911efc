"""Files leave the portal only through views that check access.

Uploaded minutes, generated PDFs, coats of arms and event images are stored under names nobody
can guess, never served from /media/, deleted with their records, and a PDF that still lists a
person who withdrew their consent is not handed out any more. In production the web server
sends the file after the view's check (X-Accel-Redirect or X-Sendfile).
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conferences.models import Event
from networks import services
from networks.models import ConceptExport, IntegrationConcept, MeetingDocument
from networks.pdf import generate_export
from tests.conferences.factories import EventFactory
from tests.networks.factories import (
    ConceptFactory,
    MeetingFactory,
    PersonFactory,
    WorkingGroupFactory,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf000000030101001818dd8d0000000049454e44ae426082"
)


@pytest.fixture
def minutes(goslar):
    group = WorkingGroupFactory(region=goslar, slug="ak-sprache")
    public = MeetingFactory(working_group=group, minutes_public=True)
    internal = MeetingFactory(working_group=group, minutes_public=False)
    files = {}
    for meeting, name in ((public, "Protokoll Mai.pdf"), (internal, "Interna Juni.pdf")):
        files[name] = services.meeting_document_add(
            meeting=meeting,
            title=name,
            upload=SimpleUploadedFile(name, PDF, content_type="application/pdf"),
        )
    return files


def _public_url(document: MeetingDocument) -> str:
    return reverse(
        "networks:meeting_document",
        args=["goslar", document.meeting.working_group.slug, document.pk],
    )


def test_stored_names_cannot_be_guessed(minutes):
    for document in minutes.values():
        name = document.file.name
        token = name.split("/")[-2]
        assert len(token) >= 20, name  # a random folder per file
        assert "Protokoll" not in token and "Interna" not in token


def test_nothing_is_served_from_media(client, minutes, settings):
    settings.DEBUG = True
    for document in minutes.values():
        assert client.get("/media/" + document.file.name).status_code == 404


def test_internal_minutes_need_a_staff_member_of_the_county(
    client, client_of, minutes, editor_harz, coordinator_goslar
):
    public, internal = minutes["Protokoll Mai.pdf"], minutes["Interna Juni.pdf"]
    assert client.get(_public_url(public)).status_code == 200
    assert client.get(_public_url(internal)).status_code == 404
    staff_url = reverse("networks_staff:document_download", args=["goslar", internal.pk])
    assert client_of(editor_harz).get(staff_url).status_code == 404
    assert client_of(coordinator_goslar).get(staff_url).status_code == 200


@pytest.fixture
def nginx(settings):
    from django_sendfile.utils import _get_sendfile

    _get_sendfile.cache_clear()  # the backend is looked up once per process
    settings.SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    yield
    _get_sendfile.cache_clear()


def test_production_lets_nginx_send_the_file_after_the_check(client, minutes, nginx):
    response = client.get(_public_url(minutes["Protokoll Mai.pdf"]))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"].startswith("/protected-media/networks/minutes/")
    assert response.content == b""
    assert client.get(_public_url(minutes["Interna Juni.pdf"])).status_code == 404


def test_files_are_deleted_with_their_records(minutes, django_capture_on_commit_callbacks):
    document = minutes["Interna Juni.pdf"]
    path = document.file.path
    meeting = document.meeting
    with django_capture_on_commit_callbacks(execute=True):
        meeting.delete()
    assert not MeetingDocument.objects.filter(pk=document.pk).exists()
    import os

    assert not os.path.exists(path)


def test_a_draft_events_image_is_not_public(client, goslar):
    event = EventFactory(region=goslar, status=Event.Status.DRAFT, published_at=None)
    event.image.save("plakat.png", ContentFile(PNG))
    assert "/media/" not in event.image_url
    assert client.get(event.image_url).status_code == 404
    event.status = Event.Status.PUBLISHED
    event.save()
    response = client.get(event.image_url)
    assert response.status_code == 200


def test_the_coat_of_arms_comes_from_a_view(client, goslar):
    goslar.coat_of_arms.save("wappen.png", ContentFile(PNG))
    page = client.get("/goslar/").content.decode()
    assert "/media/" not in page
    assert client.get(reverse("portal:coat_of_arms", args=["goslar"])).status_code == 200


def _current_file_link(html: str, field: str) -> str:
    """The "currently" link of a file field on a back-office form."""
    import re

    match = re.search(
        r'<a href="([^"]+)">[^<]+</a>\s*</span>\s*<span[^>]*>\s*<span class="form-check">'
        r'\s*<input type="checkbox" name="' + re.escape(field) + r'-clear"',
        html,
    )
    assert match, f"no link to the current file of {field}"
    return match.group(1).replace("&amp;", "&")


def test_the_office_page_links_the_current_coat_of_arms_through_its_view(
    client_of, coordinator_goslar, goslar
):
    goslar.coat_of_arms.save("wappen.png", ContentFile(PNG))
    client = client_of(coordinator_goslar)
    html = client.get(reverse("portal_staff:office_edit", args=["goslar"])).content.decode()
    assert "/media/" not in html
    link = _current_file_link(html, "coat_of_arms")
    assert link.startswith(reverse("portal:coat_of_arms", args=["goslar"]))
    response = client.get(link)
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content]) == PNG


def test_a_new_coat_of_arms_gets_a_new_address_so_no_browser_shows_the_old_one(goslar):
    goslar.coat_of_arms.save("wappen.png", ContentFile(PNG))
    first = goslar.coat_of_arms_url
    goslar.coat_of_arms.save("wappen.png", ContentFile(PNG))
    assert goslar.coat_of_arms_url != first


def test_the_event_editor_links_a_draft_events_image_through_a_staff_view(
    client, client_of, editor_goslar, goslar
):
    event = EventFactory(region=goslar, status=Event.Status.DRAFT, published_at=None)
    event.image.save("plakat.png", ContentFile(PNG))
    staff = client_of(editor_goslar)
    edit_url = reverse("conferences_staff:event_edit", args=["goslar", event.pk])
    html = staff.get(edit_url).content.decode()
    assert "/media/" not in html
    link = _current_file_link(html, "event-image")
    assert link == reverse("conferences_staff:event_image", args=["goslar", event.pk])
    response = staff.get(link)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    client.logout()
    assert client.get(link).status_code == 302  # to the login: staff only


def test_no_back_office_form_links_a_file_at_its_storage_address(goslar):
    """Every file field's "currently" link goes through a view; a widget without one shows the
    name only (the templates of Django's and crispy's file inputs are overridden)."""
    from django import forms as django_forms
    from django.template.loader import render_to_string

    goslar.coat_of_arms.save("wappen.png", ContentFile(PNG))

    class PlainForm(django_forms.Form):
        file = django_forms.FileField(required=False)

    form = PlainForm(initial={"file": goslar.coat_of_arms})
    for html in (str(form["file"]), render_to_string("includes/form_fields.html", {"form": form})):
        assert "wappen.png" in html
        assert "<a href" not in html
        assert "/media/" not in html


def test_withdrawn_consent_takes_every_stored_pdf_of_the_county_offline(
    client, goslar, jobs, django_capture_on_commit_callbacks
):
    concept = ConceptFactory(
        region=goslar,
        version=2019,
        status=IntegrationConcept.Status.ADOPTED,
        adopted_on=date(2019, 7, 8),
    )
    person = PersonFactory(region=goslar, name="Grete Größer", public_consent=True)
    export = services.concept_request_export(concept=concept, variant="pdf/ua-1")
    generate_export(export)
    export.refresh_from_db()
    path = export.file.path
    with django_capture_on_commit_callbacks(execute=True):
        services.person_save(person=person, data={"public_consent": False})
    assert not ConceptExport.objects.filter(pk=export.pk).exists()
    import os

    assert not os.path.exists(path)
    previous = reverse("networks:concept_previous_pdf", args=["goslar", 2019])
    assert client.get(previous).status_code == 404
