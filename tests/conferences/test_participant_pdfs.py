"""The sign-in sheet and the badges of a date as PDF."""

from __future__ import annotations

import io

import pytest

from tests.conferences.factories import RegistrationFactory


@pytest.mark.parametrize("path", ["sign-in-sheet.pdf", "badges.pdf"])
def test_pdfs_list_the_participants(client_of, coordinator_goslar, event_date, path):
    RegistrationFactory(event_date=event_date, name="Jürgen Müller")
    response = client_of(coordinator_goslar).get(f"/staff/goslar/dates/{event_date.pk}/{path}")
    assert response["Content-Type"] == "application/pdf"
    from pypdf import PdfReader

    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Jürgen Müller" in text
