"""The participant list as CSV and XLSX, opened as they are by German Excel."""

from __future__ import annotations

import io

from tests.conferences.factories import RegistrationFactory


def test_exports_open_in_german_excel(client_of, coordinator_goslar, event_date):
    RegistrationFactory(event_date=event_date, name="Jürgen Müller", organisation="AWO; Goslar")
    client = client_of(coordinator_goslar)
    csv = client.get(f"/staff/goslar/dates/{event_date.pk}/export/csv/").content
    assert csv.startswith("\ufeff".encode())
    text = csv.decode("utf-8-sig")
    assert "Name;E-Mail" in text and "Jürgen Müller" in text and '"AWO; Goslar"' in text
    from openpyxl import load_workbook

    xlsx = client.get(f"/staff/goslar/dates/{event_date.pk}/export/xlsx/").content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert sheet["C2"].value == "Jürgen Müller"
