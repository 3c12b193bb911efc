"""Tabular exports that open cleanly in German Excel: CSV (UTF-8 BOM, semicolons) and XLSX.

Every spreadsheet the portal hands out goes through this module, so no cell typed by a
visitor or provider can become a formula in the reader's spreadsheet (OWASP CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpResponse

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def starts_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def neutralise_cell(value: object) -> object:
    """The CSV cell as text that no spreadsheet evaluates: OWASP's leading apostrophe.

    Numbers stay numbers (a negative amount is not an attack); only text is prefixed.
    """
    if starts_like_formula(value):
        return "'" + value  # type: ignore[operator]
    return value


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else neutralise_cell(value) for value in row])
    response = HttpResponse(
        buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]], *, title: str = "Export"
) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(["" if value is None else value for value in row])
        for cell in sheet[sheet.max_row]:
            if starts_like_formula(cell.value):
                # Text, not a formula (openpyxl would write "=..." as one), and Excel's quote
                # prefix so it stays text even when somebody edits the cell.
                cell.data_type = "s"
                cell.quotePrefix = True
    sheet.freeze_panes = "A2"
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_MIME)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


TABLE_FORMATS = ("csv", "xlsx")


def table_response(
    fmt: str,
    filename: str,
    header: Sequence[StrOrPromise],
    rows: Iterable[Sequence[Any]],
    *,
    title: StrOrPromise = "",
) -> HttpResponse:
    """One table as ``csv`` or ``xlsx`` (the URL's format), 404 for any other format.

    Headers may be lazy translations: they are written in the language of the request.
    ``title`` names the XLSX sheet (the filename when empty).
    """
    labels = [str(label) for label in header]
    if fmt == "csv":
        return csv_response(filename, labels, rows)
    if fmt == "xlsx":
        return xlsx_response(filename, labels, rows, title=str(title or filename))
    raise Http404
