"""An event's texts: plain German on request, edited by staff; JSON-LD tags the languages."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from portal.models import Role
from portal.translations import translated
from portal.translations.services import translation_save
from tests.conferences.factories import EventDateFactory, EventFactory
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(harz):
    event = EventFactory(
        region=harz,
        title="Netzwerktagung",
        summary="Austausch der Akteure.",
        description="Die Tagung bündelt die Ergebnisse der Arbeitskreise.",
    )
    EventDateFactory(event=event)
    return event


def test_staff_write_an_events_plain_german_and_the_public_opens_it_on_request(
    client, client_of, harz, event
):
    editor = client_of(staff_user(harz, Role.EDITOR, email="editor@harz.example.org"))
    url = reverse(
        "portal_staff:translations_edit",
        kwargs={"region": "harz", "language": "de-x-simple", "kind": "event", "pk": event.pk},
    )
    response = editor.get(url)
    assert [unit.field for unit in response.context["work"].units] == ["description"]
    editor.post(url, {f"text-conferences.event.{event.pk}.description": "Wir treffen uns."})
    assert translated(event, "description", "de-x-simple").text == "Wir treffen uns."

    html = client.get(event.get_absolute_url()).content.decode()
    # Folded away (<details>) until the reader asks for it, marked as German.
    plain = re.search(r'<details class="plain-language.*?</details>', html, re.S).group(0)
    assert "<summary>" in plain and '<div lang="de" dir="ltr"' in plain
    assert "Wir treffen uns." in plain


def test_an_event_without_a_plain_version_offers_none(client, event):
    assert "plain-language" not in client.get(event.get_absolute_url()).content.decode()


def test_the_events_json_ld_tags_each_text_with_its_language(client, harz, event):
    translation_save(region=harz, obj=event, field="title", language="ar", text="ملتقى الشبكة")
    client.cookies["django_language"] = "ar"
    html = client.get(event.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block.group(1))
    # The event is held in German (inLanguage); the Arabic title is tagged as Arabic, the
    # untranslated summary is German, the event's own language.
    assert data["inLanguage"] == "de"
    assert data["name"] == {"@value": "ملتقى الشبكة", "@language": "ar"}
    assert data["description"] == "Austausch der Akteure."
    assert data["url"].endswith("?language=ar")


def test_a_working_groups_meetings_ics_names_the_group_in_the_readers_language(client, goslar):
    from datetime import timedelta

    from django.utils import timezone

    from tests.networks.factories import MeetingFactory, WorkingGroupFactory

    group = WorkingGroupFactory(region=goslar, name="AK Sprache", slug="ak-sprache")
    MeetingFactory(working_group=group, starts_at=timezone.now() + timedelta(days=7))
    translation_save(region=goslar, obj=group, field="name", language="ar", text="مجموعة اللغة")
    url = reverse("networks:working_group_ics", args=["goslar", "ak-sprache"])
    arabic = client.get(url + "?language=ar").content.decode().replace("\r\n ", "")
    assert "SUMMARY;LANGUAGE=ar:مجموعة اللغة" in arabic
    german = client.get(url + "?language=de").content.decode().replace("\r\n ", "")
    assert "SUMMARY;LANGUAGE=de:AK Sprache" in german


def test_the_venues_german_notes_are_marked_german_on_an_arabic_page(client, harz, event):
    venue = event.dates.get().venue
    venue.public_transport = "Bus 5 bis Marktplatz"
    venue.accessibility_notes = "Eingang über den Hof"
    venue.save()
    client.cookies["django_language"] = "ar"
    html = client.get(event.get_absolute_url()).content.decode()
    assert '<bdi lang="de">Bus 5 bis Marktplatz</bdi>' in html
    assert '<li lang="de" dir="ltr">Eingang über den Hof</li>' in html
    assert '<address class="mb-1" lang="de">' in html
