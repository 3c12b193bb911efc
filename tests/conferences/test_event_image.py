"""The event image: only real JPEG, PNG or WebP images, limited in size, always with alt text."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from conferences.forms import staff as staff_forms
from conferences.models import Event
from tests.conferences.staff_forms import date_fields, management, staff_url


def image_file(fmt: str = "PNG", size=(40, 30), name: str = "plakat.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 60, 30)).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def post_event(client, region, **extra):
    start = timezone.now() + timedelta(days=10)
    data = {
        "event-title": "Integrationskonferenz",
        "event-kind": "conference",
        "event-language": "de",
        "event-access": "open",
        **management("dates", 1),
        **date_fields("dates-0", start, start + timedelta(hours=2)),
        **extra,
    }
    return client.post(staff_url(region, "events/new/"), data)


@pytest.fixture
def client(client_of, editor_goslar, media_root):
    return client_of(editor_goslar)


def test_an_image_with_a_description_is_stored_and_shown(client, goslar):
    response = post_event(
        client, goslar, **{"event-image": image_file(), "event-image_alt": "Plakat der Konferenz"}
    )
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.image.name.startswith("events/")
    assert (event.image.width, event.image.height) == (40, 30)


def test_an_image_needs_a_description(client, goslar):
    response = post_event(client, goslar, **{"event-image": image_file()})
    assert response.status_code == 400
    assert response.context["form"].errors["image_alt"]
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("plakat.png", b"%PDF-1.4 not an image", content_type="image/png"),
        SimpleUploadedFile("x.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
    ],
    ids=["pdf-named-png", "svg"],
)
def test_only_images_are_accepted(client, goslar, upload):
    response = post_event(client, goslar, **{"event-image": upload, "event-image_alt": "Bild"})
    assert response.status_code == 400
    assert response.context["form"].errors["image"]
    assert not Event.objects.exists()


def test_other_image_formats_are_refused(client, goslar):
    gif = image_file("GIF", name="plakat.gif")
    response = post_event(client, goslar, **{"event-image": gif, "event-image_alt": "Bild"})
    assert response.status_code == 400
    assert "JPEG, PNG" in str(response.context["form"].errors["image"])


def test_a_too_large_image_is_refused(client, goslar, monkeypatch):
    monkeypatch.setattr(staff_forms, "MAX_IMAGE_BYTES", 200)
    big = image_file(size=(300, 300))
    assert big.size > 200
    response = post_event(client, goslar, **{"event-image": big, "event-image_alt": "Bild"})
    assert response.status_code == 400
    assert response.context["form"].errors["image"]
    assert not Event.objects.exists()


def test_an_image_with_too_many_pixels_is_refused(client, goslar, monkeypatch):
    monkeypatch.setattr(staff_forms, "MAX_IMAGE_SIDE", 100)
    wide = image_file(size=(101, 10))
    response = post_event(client, goslar, **{"event-image": wide, "event-image_alt": "Bild"})
    assert response.status_code == 400
    assert response.context["form"].errors["image"]
