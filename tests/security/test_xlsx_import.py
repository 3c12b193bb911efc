"""The offer import bounds what a file may cost before reading it.

A few kilobytes of XLSX can declare a million rows or columns, unpack to gigabytes or expand
XML entities; the import must refuse such a file quickly, with a message, in bounded memory.
"""

from __future__ import annotations

import gc
import io
import time
import tracemalloc
import zipfile

import openpyxl.xml
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from offers.models import ImportBatch
from offers.services import imports

OOXML = "http://schemas.openxmlformats.org"
SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml"
RELS = f"{OOXML}/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<Types xmlns="{OOXML}/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{SPREADSHEET}.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    f'ContentType="{SPREADSHEET}.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<Relationships xmlns="{OOXML}/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<workbook xmlns="{OOXML}/spreadsheetml/2006/main" xmlns:r="{RELS}">'
    '<sheets><sheet name="Angebote" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    f'<Relationships xmlns="{OOXML}/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _xlsx(rows: str, *, dimension: str = "A1:B2", padding: int = 0, doctype: str = "") -> bytes:
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}'
        f'<worksheet xmlns="{OOXML}/spreadsheetml/2006/main">'
        f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData>'
        + " " * padding
        + "</worksheet>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()


HEADER = '<row r="1">' + _cell("A1", "Name") + _cell("B1", "Ort") + "</row>"


def _read_with_budget(content: bytes) -> tuple[Exception | None, float, int]:
    """Read the file; the error it raised, seconds and peak bytes of Python memory.

    The seconds are this thread's processor time, not the clock's: a CI run on a busy machine
    took 4.5 s of the clock for a read that costs 8 ms. The heap is collected first so that a
    collection of what earlier tests left does not land inside the measurement."""
    gc.collect()
    tracemalloc.start()
    started = time.thread_time()
    error = None
    try:
        imports.read_rows(content, "liste.xlsx")
    except Exception as exc:  # noqa: BLE001 - the test inspects it
        error = exc
    seconds = time.thread_time() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return error, seconds, peak


def test_a_well_formed_small_workbook_is_read():
    content = _xlsx(
        HEADER + '<row r="2">' + _cell("A2", "Mosaik") + _cell("B2", "Goslar") + "</row>"
    )
    assert imports.read_rows(content, "liste.xlsx") == [(2, {"name": "Mosaik", "city": "Goslar"})]


def test_a_sheet_that_declares_a_million_rows_is_refused_quickly():
    # A few hundred bytes: one real row and one far down; a reader that fills the gap builds
    # a million empty rows (times every declared column) in memory.
    far = '<row r="1048576">' + _cell("A1048576", "x") + "</row>"
    content = _xlsx(HEADER + far, dimension="A1:XFD1048576")
    assert len(content) < 2000
    error, seconds, peak = _read_with_budget(content)
    assert isinstance(error, imports.ImportFileError)
    assert "rows" in str(error) or "Zeilen" in str(error)
    assert seconds < 5
    assert peak < 30 * 1024 * 1024


def test_a_cell_in_the_last_column_costs_nothing():
    wide = '<row r="1">' + _cell("A1", "Name") + _cell("XFD1", "Spalte 16384") + "</row>"
    wide += '<row r="2">' + _cell("A2", "Mosaik") + _cell("XFD2", "x") + "</row>"
    error, seconds, peak = _read_with_budget(_xlsx(wide, dimension="A1:XFD2"))
    assert error is None
    assert seconds < 2
    assert peak < 5 * 1024 * 1024


def test_a_sheet_with_more_columns_than_the_import_knows_is_refused():
    columns = [f"Spalte {n}" for n in range(imports.MAX_COLUMNS + 1)]
    content = ";".join(columns).encode() + b"\n" + b"x;" * len(columns)
    with pytest.raises(imports.ImportFileError, match=str(imports.MAX_COLUMNS)):
        imports.read_rows(content, "liste.csv")


def test_a_workbook_that_unpacks_to_more_than_the_budget_is_refused_before_parsing():
    content = _xlsx(HEADER, padding=80 * 1024 * 1024)  # 80 MB of blanks, ~80 KB packed
    assert len(content) < 1024 * 1024
    error, seconds, peak = _read_with_budget(content)
    assert isinstance(error, imports.ImportFileError)
    assert seconds < 2


def test_xml_entities_are_refused():
    assert openpyxl.xml.DEFUSEDXML, "openpyxl parses workbooks with defusedxml"
    doctype = '<!DOCTYPE lol [<!ENTITY lol "lollollollollollollollollollol">]>'
    rows = '<row r="1">' + _cell("A1", "&lol;") + "</row>"
    with pytest.raises(imports.ImportFileError):
        imports.read_rows(_xlsx(rows, doctype=doctype), "liste.xlsx")


def test_an_oversized_file_is_refused_before_reading():
    with pytest.raises(imports.ImportFileError):
        imports.read_rows(b"x" * (imports.MAX_FILE_BYTES + 1), "liste.csv")


def test_a_hostile_upload_gets_a_message_and_stores_nothing(client_of, coordinator_goslar):
    far = '<row r="1048576">' + _cell("A1048576", "x") + "</row>"
    content = _xlsx(HEADER + far, dimension="A1:XFD1048576")
    response = client_of(coordinator_goslar).post(
        reverse("offers_staff:import_upload", kwargs={"region": "goslar"}),
        {"what": "providers", "file": SimpleUploadedFile("liste.xlsx", content)},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["file"]
    assert not ImportBatch.objects.exists()
