"""What staff can translate: every text the issue names is registered, and an event's
workshops (title and description) are translated in the event's editor and read in Arabic."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conferences.models import Event, ProgrammeItem, Workshop
from networks.models import ConceptChapter, Guideline, IntegrationConcept, WorkingGroup
from offers.models import Offer
from portal.models import FieldOfAction, Region, Role, TeamMember
from portal.translations import document_kind, spec_for
from portal.translations.services import translation_save
from tests.conferences.factories import EventDateFactory, EventFactory, WorkshopFactory
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "document", "fields"),
    [
        (
            Offer,
            "offer",
            {"title", "summary", "description", "schedule", "cost_note", "registration_detail"},
        ),
        (Event, "event", {"title", "summary", "description"}),
        (ProgrammeItem, "event", {"title"}),
        (Workshop, "event", {"title", "description"}),
        (WorkingGroup, "working_group", {"name", "purpose", "public_description"}),
        (Region, "office", {"office_name", "office_department", "opening_hours", "introduction"}),
        (TeamMember, "office", {"role"}),
        (FieldOfAction, "field_of_action", {"name", "description"}),
        (IntegrationConcept, "concept", {"title", "foreword"}),
        (Guideline, "concept", {"title", "text"}),
        (ConceptChapter, "concept", {"situation", "goals"}),
    ],
)
def test_every_named_text_can_be_translated(model, document, fields):
    spec = spec_for(model)
    assert spec.document_key == document
    assert fields <= set(spec.fields)
    assert spec.model in {part.model for part in document_kind(document).parts}


def test_offers_and_events_have_a_plain_language_description():
    assert spec_for(Offer).plain_language == ("description",)
    assert spec_for(Event).plain_language == ("description",)


@pytest.fixture
def conference(harz):
    event = EventFactory(region=harz, title="Netzwerktagung", summary="Für alle.")
    day = EventDateFactory(event=event)
    talk = WorkshopFactory(
        event_date=day, title="Arbeit", description="Wir sprechen über Praktika."
    )
    WorkshopFactory(event_date=day, title="Wohnen", description="Wohnungssuche im Landkreis.")
    return event, talk


def test_staff_translate_a_workshops_title_and_description_in_the_event_editor(
    client_of, harz, conference
):
    event, talk = conference
    client = client_of(staff_user(harz, Role.EDITOR, email="editor@harz.example.org"))
    url = reverse(
        "portal_staff:translations_edit",
        kwargs={"region": "harz", "language": "ar", "kind": "event", "pk": event.pk},
    )
    page = client.get(url)
    form = page.context["form"]
    key = f"text-conferences.workshop.{talk.pk}.description"
    assert key in form.fields and "Wir sprechen über Praktika." in page.content.decode()
    data = {name: field.initial for name, field in form.fields.items() if field.initial is not None}
    data[key] = "نتحدث عن التدريب العملي."
    data[f"text-conferences.workshop.{talk.pk}.title"] = "العمل"
    data["publish"] = ""
    assert client.post(url, data).status_code == 302

    client.cookies["django_language"] = "ar"
    html = client.get(event.get_absolute_url()).content.decode()
    assert "نتحدث عن التدريب العملي." in html and "العمل" in html
    # The other workshop is not translated: German, marked as German.
    assert '<span lang="de" dir="ltr">Wohnungssuche im Landkreis.</span>' in html


def test_a_workshop_description_shows_on_the_german_page_and_is_copied_for_next_year(
    client, harz, conference
):
    from conferences.services.events import event_copy

    event, _talk = conference
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Wir sprechen über Praktika." in html
    copy = event_copy(event=event)
    descriptions = Workshop.objects.filter(event_date__event=copy).values_list(
        "description", flat=True
    )
    assert sorted(descriptions) == ["Wir sprechen über Praktika.", "Wohnungssuche im Landkreis."]


def test_a_draft_translation_of_a_workshop_is_not_public(client, harz, conference):
    event, talk = conference
    translation_save(
        region=harz, obj=talk, field="description", language="ar", text="مسودة", is_draft=True
    )
    client.cookies["django_language"] = "ar"
    assert "مسودة" not in client.get(event.get_absolute_url()).content.decode()
