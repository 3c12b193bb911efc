"""Import of existing lists (XLSX or CSV): parse, validate every row, then all or nothing.

Column names may be English (as in the open-data format) or the usual German headings.
Row numbers in messages are the spreadsheet's own (the header is row 1).
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from networks.models import Organisation
from offers.forms import OfferChangeForm, ProviderForm
from offers.models import Cost, ImportBatch, Kind, Offer, OfferPlace, Registration, TargetGroup
from offers.services.directory import offer_save, provider_save
from offers.textnorm import language_code, normalise, words
from portal.forms import model_data
from portal.lib.models import RowChange
from portal.models import FieldOfAction, Municipality, Region

ALIASES = {
    "titel": "title",
    "traeger": "provider",
    "anbieter": "provider",
    "kurzbeschreibung": "summary",
    "beschreibung": "description",
    "art": "kind",
    "handlungsfelder": "fields_of_action",
    "handlungsfeld": "fields_of_action",
    "zielgruppen": "target_groups",
    "zielgruppe": "target_groups",
    "sprachen": "languages",
    "kosten": "cost",
    "hinweis_kosten": "cost_note",
    "zeiten": "schedule",
    "termine": "schedule",
    "beginn": "start_date",
    "ende": "end_date",
    "anmeldung": "registration",
    "anmeldung_ueber": "registration_detail",
    "strasse": "street",
    "plz": "postcode",
    "ort": "city",
    "gemeinde": "municipality",
    "barrierefrei": "step_free",
    "name": "name",
    "e_mail": "email",
    "telefon": "phone",
    "webseite": "website",
    "internet": "website",
}
# What one import may cost; a county's offer list has a few hundred rows and ~30 columns.
MAX_ROWS = 5000
MAX_SHEET_ROWS = 2 * MAX_ROWS  # rows read at all, empty ones included
MAX_COLUMNS = 60
MAX_FILE_BYTES = 5 * 2**20
MAX_UNPACKED_BYTES = 50 * 2**20
MAX_ZIP_MEMBERS = 500

# German words used in existing lists, independent of the interface language (normalised).
VALUE_ALIASES = {
    "kurs": "course",
    "sprachkurs": "course",
    "beratung": "counselling",
    "treffpunkt": "meeting_place",
    "begegnung": "meeting_place",
    "sport": "sports_leisure",
    "sport_und_freizeit": "sports_leisure",
    "freizeit": "sports_leisure",
    "kinderbetreuung": "childcare",
    "patenschaft": "mentoring",
    "lotsen": "mentoring",
    "mentoring": "mentoring",
    "information": "information",
    "sonstiges": "other",
    "kostenlos": "free",
    "kostenfrei": "free",
    "gratis": "free",
    "ermaessigt": "reduced",
    "gebuehr": "fee",
    "kostenpflichtig": "fee",
    "alle": "everyone",
    "gefluechtete": "refugees",
    "fluechtlinge": "refugees",
    "eu_buerger": "eu_citizens",
    "frauen": "women",
    "familien": "families",
    "kinder": "children",
    "jugendliche": "young_people",
    "senioren": "seniors",
    "menschen_mit_behinderung": "disabilities",
    "keine": "none",
    "telefon": "phone",
    "telefonisch": "phone",
    "e_mail": "email",
    "online": "link",
    "internet": "link",
    "verein": "association",
    "wohlfahrtsverband": "welfare_association",
    "migrantenselbstorganisation": "migrant_organisation",
    "mso": "migrant_organisation",
    "bildungstraeger": "education_provider",
    "jobcenter": "job_centre",
    "schule": "school",
    "kommune": "municipality",
    "gemeinde": "municipality",
    "landkreis": "county_administration",
    "religionsgemeinschaft": "religious_community",
    "initiative": "volunteer_initiative",
    "unternehmen": "company",
}


class ImportFileError(Exception):
    pass


@dataclass
class RowResult:
    number: int
    label: str
    errors: list[str] = field(default_factory=list)
    note: str = ""
    # What the row creates, validated: the record's values; for an offer also its provider's
    # name and the values of its one place (none without an address).
    values: dict[str, Any] = field(default_factory=dict)
    provider: str = ""
    place: dict[str, Any] = field(default_factory=dict)


@dataclass
class ImportPreview:
    rows: list[RowResult]

    @property
    def errors(self) -> list[RowResult]:
        return [row for row in self.rows if row.errors]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors


def _key(header: object) -> str:
    key = "_".join(words(str(header or "")))
    return ALIASES.get(key, key)


def read_rows(content: bytes, filename: str) -> list[tuple[int, dict[str, str]]]:
    """(row number, {column: text}) for every non-empty data row.

    What a file may cost is bounded before and while it is read: its size, the size it unpacks
    to (XLSX is a zip), the rows and the columns. A workbook's declared dimensions are ignored,
    so a few bytes claiming a million rows cost nothing.
    """
    if len(content) > MAX_FILE_BYTES:
        raise ImportFileError(
            _("The file is larger than %(mb)d MB.") % {"mb": MAX_FILE_BYTES // 2**20}
        )
    if filename.lower().endswith(".xlsx"):
        table = _xlsx_table(content)
    else:
        table = _csv_table(content)
    if not table:
        raise ImportFileError(_("The file is empty."))
    header = [_key(h) for h in table[0]]
    rows: list[tuple[int, dict[str, str]]] = []
    for number, values in enumerate(table[1:], start=2):
        cells = {header[i]: _text(v) for i, v in enumerate(values) if i < len(header) and header[i]}
        if any(cells.values()):
            rows.append((number, cells))
    if len(rows) > MAX_ROWS:
        raise _too_many_rows()
    return rows


def _too_many_rows() -> ImportFileError:
    return ImportFileError(_("At most %(n)d rows per import.") % {"n": MAX_ROWS})


def _too_many_columns() -> ImportFileError:
    return ImportFileError(_("At most %(n)d columns per import.") % {"n": MAX_COLUMNS})


def _bounded(rows: Iterable[Sequence[object]]) -> list[list[object]]:
    """The rows as lists, refusing more than the sheet budget of rows or columns."""
    table: list[list[object]] = []
    for index, row in enumerate(rows):
        if index >= MAX_SHEET_ROWS:
            raise _too_many_rows()
        values = list(row)
        if any(value not in (None, "") for value in values[MAX_COLUMNS:]):
            raise _too_many_columns()
        table.append(values[:MAX_COLUMNS])
    return table


def _xlsx_table(content: bytes) -> list[list[object]]:
    from openpyxl import load_workbook

    unreadable = ImportFileError(_("The file could not be read as an Excel workbook."))
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise unreadable from exc
    # A zip states each member's unpacked size, and Python stops reading at it: check the sum
    # before any XML is parsed (a zip bomb packs gigabytes of blanks into kilobytes).
    if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        raise ImportFileError(
            _("The workbook unpacks to more than %(mb)d MB; please split it.")
            % {"mb": MAX_UNPACKED_BYTES // 2**20}
        )
    try:
        # Read-only mode streams the sheet; defusedxml (installed) refuses XML entities.
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            sheet = workbook.active
            sheet.reset_dimensions()  # the declared size is the file's claim, not a fact
            return _bounded(
                sheet.iter_rows(
                    max_row=MAX_SHEET_ROWS + 1, max_col=MAX_COLUMNS + 1, values_only=True
                )
            )
        finally:
            workbook.close()
    except ImportFileError:
        raise
    except Exception as exc:  # noqa: BLE001 - any broken workbook is the user's file
        raise unreadable from exc


def _csv_table(content: bytes) -> list[list[object]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    try:
        return _bounded(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise ImportFileError(_("The file could not be read as a CSV list.")) from exc


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _split(value: str) -> list[str]:
    for sep in ("|", ";", ","):
        if sep in value:
            return [v.strip() for v in value.split(sep) if v.strip()]
    return [value.strip()] if value.strip() else []


def _choice(
    value: str, choices: Sequence[tuple[str, object]], label: str, errors: list[str]
) -> str:
    if not value:
        return ""
    wanted = normalise(value)
    alias = VALUE_ALIASES.get("_".join(words(value)))
    # Lists are written in German whatever language the person importing them reads.
    with translation.override("de"):
        german = {code: str(text) for code, text in choices}
    for code, text in choices:
        if alias == code:
            return code
        if wanted in (normalise(code), normalise(str(text)), normalise(german[code])):
            return code
    errors.append(_("Unknown %(what)s: “%(value)s”") % {"what": label, "value": value})
    return ""


def _date(value: str, label: str, errors: list[str]) -> str:
    if not value:
        return ""
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"):
        try:
            return datetime.datetime.strptime(value, fmt).date().isoformat()  # noqa: DTZ007 - a date
        except ValueError:
            continue
    errors.append(_("%(what)s is not a date: “%(value)s”") % {"what": label, "value": value})
    return ""


@dataclass
class _Lookups:
    """Names (normalised) of what rows may refer to, and the provider names seen so far."""

    providers: dict[str, int]
    fields: dict[str, int]
    municipalities: dict[str, Municipality]
    seen: set[str] = field(default_factory=set)


def _offer_row(region: Region, number: int, cells: dict[str, str], lookups: _Lookups) -> RowResult:
    row = RowResult(number, cells.get("title", ""))
    errors = row.errors
    provider_name = cells.get("provider", "")
    if not provider_name:
        errors.append(_("The provider is missing."))
    elif normalise(provider_name) not in lookups.providers:
        row.note = _("New provider: %(name)s") % {"name": provider_name}
    kind = _choice(cells.get("kind", ""), Kind.choices, _("kind"), errors) or Kind.OTHER
    cost = _choice(cells.get("cost", ""), Cost.choices, _("cost"), errors) or Cost.FREE
    registration = (
        _choice(cells.get("registration", ""), Registration.choices, _("registration"), errors)
        or Registration.NONE
    )
    targets = [
        _choice(v, TargetGroup.choices, _("target group"), errors)
        for v in _split(cells.get("target_groups", ""))
    ]
    fields: list[int] = []
    for name in _split(cells.get("fields_of_action", "")):
        pk = lookups.fields.get(normalise(name))
        if pk is None:
            errors.append(_("Unknown field of action: “%(value)s”") % {"value": name})
        else:
            fields.append(pk)
    codes: list[str] = []
    for name in _split(cells.get("languages", "")):
        code = language_code(normalise(name)) or (name.lower() if len(name) == 2 else None)
        if code is None:
            errors.append(_("Unknown language: “%(value)s”") % {"value": name})
        else:
            codes.append(code)
    municipality_name = cells.get("municipality", "")
    municipality = lookups.municipalities.get(normalise(municipality_name))
    if municipality_name and municipality is None:
        errors.append(_("Unknown municipality: “%(value)s”") % {"value": municipality_name})
    data: dict[str, Any] = {
        "title": cells.get("title", ""),
        "summary": cells.get("summary", ""),
        "description": cells.get("description", ""),
        "kind": kind,
        "fields_of_action": fields,
        "target_groups": [t for t in targets if t],
        "languages": codes,
        "cost": cost,
        "cost_note": cells.get("cost_note", ""),
        "schedule": cells.get("schedule", ""),
        "start_date": _date(cells.get("start_date", ""), _("start date"), errors),
        "end_date": _date(cells.get("end_date", ""), _("end date"), errors),
        "registration": registration,
        "registration_detail": cells.get("registration_detail", ""),
        "step_free": {"ja": "yes", "yes": "yes", "nein": "no", "no": "no"}.get(
            normalise(cells.get("step_free", "")), "unknown"
        ),
    }
    form = OfferChangeForm(data=data, region=region)
    if form.is_valid():
        row.values = model_data(form)
    else:
        for name, messages in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            errors += [f"{label}: {m}" if label else str(m) for m in messages]
    row.provider = provider_name
    place = {name: cells.get(name, "") for name in ("street", "postcode", "city")}
    if any(place.values()) or municipality:
        row.place = {**place, "municipality": municipality}
    return row


def _provider_row(
    region: Region, number: int, cells: dict[str, str], lookups: _Lookups
) -> RowResult:
    row = RowResult(number, cells.get("name", ""))
    municipality_name = cells.get("municipality", "")
    municipality = lookups.municipalities.get(normalise(municipality_name))
    if municipality_name and municipality is None:
        row.errors.append(_("Unknown municipality: “%(value)s”") % {"value": municipality_name})
    data: dict[str, Any] = {
        "name": cells.get("name", ""),
        "kind": cells.get("kind", "") or Organisation.Kind.OTHER,
        "street": cells.get("street", ""),
        "postcode": cells.get("postcode", ""),
        "city": cells.get("city", ""),
        "municipality": municipality.pk if municipality else "",
        "website": cells.get("website", ""),
        "email": cells.get("email", ""),
        "phone": cells.get("phone", ""),
        "description": cells.get("description", ""),
        "is_public": True,
    }
    data["kind"] = (
        _choice(data["kind"], Organisation.Kind.choices, _("kind"), row.errors)
        or Organisation.Kind.OTHER
    )
    form = ProviderForm(data=data, region=region)
    if form.is_valid():
        row.values = model_data(form)
    else:
        for name, messages in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            row.errors += [f"{label}: {m}" for m in messages]
    key = normalise(data["name"])
    if key in lookups.seen:
        row.errors.append(_("The same name appears twice in the file."))
    lookups.seen.add(key)
    return row


def _lookups(region: Region) -> _Lookups:
    return _Lookups(
        providers={
            normalise(o.name): o.pk for o in Organisation.objects.in_region(region).only("name")
        },
        fields={normalise(f.name): f.pk for f in FieldOfAction.objects.in_region(region)}
        | {normalise(f.slug): f.pk for f in FieldOfAction.objects.in_region(region)},
        municipalities={normalise(m.name): m for m in Municipality.objects.in_region(region)},
    )


def preview(batch: ImportBatch) -> ImportPreview:
    """Validate every row of the batch; nothing is written."""
    rows = read_rows(bytes(batch.content), batch.filename)
    lookups = _lookups(batch.region)
    check = _offer_row if batch.what == ImportBatch.What.OFFERS else _provider_row
    return ImportPreview([check(batch.region, number, cells, lookups) for number, cells in rows])


class ImportHasErrors(Exception):
    def __init__(self, preview: ImportPreview):
        super().__init__("import has errors")
        self.preview = preview


@transaction.atomic
def commit(*, batch: ImportBatch) -> int:
    """Create everything or nothing; returns the number of records created."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.committed_at is not None:
        return 0
    result = preview(batch)
    if not result.ok:
        raise ImportHasErrors(result)
    region = batch.region
    # Written through the services the back-office uses, with the values validated above.
    if batch.what == ImportBatch.What.PROVIDERS:
        for row in result.rows:
            provider_save(organisation=Organisation(region=region), data=row.values)
    else:
        providers = {normalise(o.name): o for o in Organisation.objects.in_region(region)}
        for row in result.rows:
            key = normalise(row.provider)
            if key not in providers:
                providers[key] = provider_save(
                    organisation=Organisation(region=region), data={"name": row.provider}
                )
            offer_save(
                offer=Offer(region=region, provider=providers[key]),
                data={**row.values, "status": Offer.Status.PUBLISHED},
                places=[RowChange(OfferPlace(), row.place)] if row.place else [],
            )
    created = len(result.rows)
    batch.committed_at = timezone.now()
    batch.created_count = created
    batch.save(update_fields=["committed_at", "created_count"])
    return created
