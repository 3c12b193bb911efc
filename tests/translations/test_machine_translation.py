"""Machine translation: off unless configured; adapters speak LibreTranslate and DeepL (tested
against a local fake server, never the network); only missing texts are sent."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.urls import reverse

from offers.models import Offer
from portal.models import Role, Translation
from portal.translations import Status, translated
from portal.translations.machine import (
    DeepL,
    LibreTranslate,
    MachineTranslationError,
    configured_provider,
    machine_translate,
)
from portal.translations.services import translation_save
from tests.factories import staff_user
from tests.offers.factories import make_offer

pytestmark = pytest.mark.django_db


class FakeProvider:
    name = "fake"

    def __init__(self):
        self.calls: list[tuple[list[str], str]] = []

    def translate(self, texts, *, source, target):
        self.calls.append((list(texts), target))
        return [f"[{target}] {text}" for text in texts]


@pytest.fixture
def fake_server():
    """A local HTTP server answering like LibreTranslate (/translate) and DeepL (/v2/translate)."""
    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            received.append(
                {"path": self.path, "body": body, "auth": self.headers.get("Authorization")}
            )
            if self.path == "/translate":
                answer = {"translatedText": [f"LT:{q}" for q in body["q"]]}
            elif self.path == "/v2/translate":
                answer = {"translations": [{"text": f"DL:{t}"} for t in body["text"]]}
            else:
                self.send_response(404)
                self.end_headers()
                return
            data = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", received
    server.shutdown()


@pytest.fixture
def offer(harz):
    harz.machine_translation = True
    harz.save(update_fields=["machine_translation"])
    return make_offer(harz, title="Deutschkurs", summary="Deutsch lernen.")


def test_no_provider_is_configured_by_default(settings):
    assert configured_provider() is None


def test_nothing_is_sent_when_the_region_has_not_switched_it_on(harz):
    offer = make_offer(harz, title="Deutschkurs")
    provider = FakeProvider()
    with pytest.raises(MachineTranslationError):
        machine_translate(region=harz, language="ar", provider=provider)
    assert provider.calls == [] and not Translation.objects.filter(object_id=offer.pk).exists()


def test_missing_texts_are_translated_and_marked_as_machine_made(harz, offer):
    translation_save(region=harz, obj=offer, field="title", language="ar", text="دورة ألمانية")
    provider = FakeProvider()
    machine_translate(
        region=harz, language="ar", provider=provider, documents={"offer": [offer.pk]}
    )
    assert provider.calls == [(["Deutsch lernen."], "ar")]  # the human title is not sent
    offer = Offer.objects.get(pk=offer.pk)
    summary = translated(offer, "summary", "ar")
    assert (summary.text, summary.status) == ("[ar] Deutsch lernen.", Status.MACHINE)
    assert summary.note  # the public is told
    assert translated(offer, "title", "ar").text == "دورة ألمانية"


def test_a_machine_translation_of_a_changed_german_text_is_outdated_and_redone(harz, offer):
    machine_translate(
        region=harz, language="en", provider=FakeProvider(), documents={"offer": [offer.pk]}
    )
    Offer.objects.filter(pk=offer.pk).update(summary="Deutsch lernen am Abend.")
    offer = Offer.objects.get(pk=offer.pk)
    assert translated(offer, "summary", "en").status == Status.OUTDATED
    machine_translate(
        region=harz, language="en", provider=FakeProvider(), documents={"offer": [offer.pk]}
    )
    offer = Offer.objects.get(pk=offer.pk)
    assert translated(offer, "summary", "en").text == "[en] Deutsch lernen am Abend."


def test_the_libretranslate_adapter_posts_the_texts(fake_server):
    url, received = fake_server
    provider = LibreTranslate(url=url, api_key="k")
    assert provider.translate(["Hallo", "Welt"], source="de", target="uk") == [
        "LT:Hallo",
        "LT:Welt",
    ]
    assert received[0]["body"] == {
        "q": ["Hallo", "Welt"],
        "source": "de",
        "target": "uk",
        "format": "text",
        "api_key": "k",
    }


def test_the_deepl_adapter_sends_its_key_in_the_header(fake_server):
    url, received = fake_server
    provider = DeepL(api_key="secret", url=url)
    assert provider.translate(["Hallo"], source="de", target="en") == ["DL:Hallo"]
    assert received[0]["auth"] == "DeepL-Auth-Key secret"
    assert received[0]["body"]["target_lang"] == "EN-GB"


def test_an_unreachable_provider_is_an_error_not_a_crash():
    with pytest.raises(MachineTranslationError):
        LibreTranslate(url="http://127.0.0.1:9").translate(["x"], source="de", target="ar")


def test_staff_queue_a_machine_translation_and_the_job_runs_it(
    client_of, harz, offer, settings, fake_server, jobs
):
    url, _received = fake_server
    settings.MACHINE_TRANSLATION = {"provider": "libretranslate", "url": url, "api_key": ""}
    editor = staff_user(harz, Role.EDITOR)
    response = client_of(editor).post(
        reverse("portal_staff:translations_machine", kwargs={"region": "harz", "language": "uk"}),
        {"kind": "offer", "pk": offer.pk},
    )
    assert response.status_code == 302
    jobs.run()
    offer = Offer.objects.get(pk=offer.pk)
    assert translated(offer, "title", "uk").text == "LT:Deutschkurs"
