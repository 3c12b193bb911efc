"""Badges and sign-in sheets print names in the scripts of the interface languages: Persian
and Arabic (right to left), Ethiopic for Tigrinya, Cyrillic, Turkish letters. WeasyPrint finds
a font for each through fontconfig; bin/system-packages installs them (fonts-dejavu-core,
fonts-noto-core, which has Noto Sans Ethiopic). A missing font prints empty boxes, which
survive text extraction, so the test also asks which fonts the PDF embeds."""

from __future__ import annotations

import subprocess

import pytest

from tests.conferences.factories import RegistrationFactory

NAMES = {
    "fa": "مریم پژمان‌فر",  # پ ژ and a zero-width non-joiner: Persian, not only Arabic letters
    "ar": "ريم الخطيب",
    "ti": "ኣብርሃም ገብረመድህን",
    "ru": "Жанна Щукина",
    "tr": "Ağrı Çiğdem Işık",
}


def pdftotext(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def pdffonts(pdf: bytes) -> str:
    return subprocess.run(
        ["pdffonts", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def letters(text: str) -> str:
    """The name's letters, without the joiners and spaces that extraction may drop."""
    return "".join(ch for ch in text if ch.isalpha())


@pytest.mark.parametrize("path", ["sign-in-sheet.pdf", "badges.pdf"])
def test_names_in_every_script_are_printed(client_of, coordinator_goslar, event_date, path):
    for name in NAMES.values():
        RegistrationFactory(event_date=event_date, name=name)
    pdf = client_of(coordinator_goslar).get(f"/staff/goslar/dates/{event_date.pk}/{path}").content
    text = letters(pdftotext(pdf))
    for language, name in NAMES.items():
        # pdftotext writes right-to-left runs in reading order; compare letter by letter.
        assert letters(name) in text or letters(name)[::-1] in text, language
    fonts = pdffonts(pdf)
    assert "Ethiopic" in fonts, fonts
