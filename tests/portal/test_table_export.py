"""One table export for every list: CSV or XLSX by the URL's format, headers in the reader's
language, 404 for any other format."""

import io

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

from portal.lib.exports import table_response
from tests.conferences.factories import EventDateFactory, EventFactory, RegistrationFactory


def test_headers_are_written_in_the_language_of_the_request():
    with translation.override("de"):
        response = table_response("csv", "liste", [_("Name"), _("E-mail")], [["Lea", "l@x.de"]])

    assert response.content.decode("utf-8-sig").splitlines()[0] == "Name;E-Mail"
    assert response["Content-Disposition"] == 'attachment; filename="liste.csv"'


def test_the_xlsx_sheet_is_named_by_its_title():
    response = table_response("xlsx", "liste", ["Name"], [["Lea"]], title=_("Participants"))

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "Lea" and sheet.title


@pytest.mark.parametrize("fmt", ["pdf", "CSV", "xls", ""])
def test_any_other_format_is_not_found(fmt):
    with pytest.raises(Http404):
        table_response(fmt, "liste", ["Name"], [])


def test_the_participant_list_has_translated_headers_and_no_other_format(
    client_of, coordinator_goslar, goslar
):
    event_date = EventDateFactory(event=EventFactory(region=goslar))
    RegistrationFactory(event_date=event_date, name="Jürgen Müller")
    client = client_of(coordinator_goslar)

    def url(fmt):
        return reverse("conferences_staff:export", args=[goslar.slug, event_date.pk, fmt])

    header = client.get(url("csv")).content.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Status;Warteliste;Name;E-Mail;Organisation;Telefon;Workshop;Erst")
    assert client.get(url("pdf")).status_code == 404
