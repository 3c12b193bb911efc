"""XLIFF exchange with translation agencies (translate-toolkit reads and writes the files).

Export: a region's texts in one language - by default those that need work (missing, outdated,
drafts) - as XLIFF 1.2 or 2.0. Each unit's id is the text's key ("offers.offer.12.title"),
its source the German text, its note the document and field; an outdated or draft translation
goes along as the target to be reviewed.

Import: ``read_xliff`` checks the whole file and gives a preview (what is new, what changes,
what is wrong); ``apply_import`` stores all of it or nothing. An imported translation is up to
date for the German text in the file's source - the version it was exported from - so if the
German changed since the export, it is stored as outdated and shows up in the work list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from lxml import etree
from translate.storage import xliff as xliff1
from translate.storage import xliff2

from portal.models import Region
from portal.models.translations import Translation
from portal.translations.services import TextUpdate, translations_save
from portal.translations.texts import SOURCE_LANGUAGE, normalise_source, source_version
from portal.translations.worklist import Unit, find_unit
from portal.translations.worklist import region_work as _region_work

VERSIONS = ("1.2", "2.0")
MAX_UNITS = 20000


class _Unit12(xliff1.xliffunit):
    namespace = "urn:oasis:names:tc:xliff:document:1.2"


class _File12(xliff1.xlifffile):
    """translate-toolkit writes XLIFF 1.1 by default; agencies' tools expect 1.2."""

    UnitClass = _Unit12
    namespace = "urn:oasis:names:tc:xliff:document:1.2"
    XMLskeleton = xliff1.xlifffile.XMLskeleton.replace("1.1", "1.2")


def export_units(region: Region, language: str, *, everything: bool = False) -> list[Unit]:
    """The texts to send: those needing work, or ``everything`` there is to translate."""
    return [
        unit
        for work in _region_work(region, language)
        for unit in work.units
        if everything or unit.status.needs_work
    ]


def _note(unit: Unit, document_title: str) -> str:
    return f"{document_title} – {unit.label}"


def export_xliff(
    *, region: Region, language: str, units: Iterable[tuple[Unit, str]], version: str = "1.2"
) -> bytes:
    """An XLIFF file of ``units`` (each with its document's title) for ``language``."""
    if version == "2.0":
        store: Any = xliff2.Xliff2File(sourcelanguage=SOURCE_LANGUAGE, targetlanguage=language)
    else:
        store = _File12(sourcelanguage=SOURCE_LANGUAGE, targetlanguage=language)
    for unit, title in units:
        item = store.addsourceunit(normalise_source(unit.source))
        item.setid(unit.key)
        if unit.text:
            item.target = unit.text
            if version != "2.0":
                item.markfuzzy(True)  # state "needs-review": the German changed, or a draft
        if version == "2.0":
            _add_note_20(item, _note(unit, title))
        else:
            item.addnote(_note(unit, title), origin="developer")
    if version != "2.0":
        store.setfilename(store.getfilenode("NoName"), f"{region.slug}-{language}")
    return bytes(store)


def _add_note_20(item: Any, text: str) -> None:
    # XLIFF 2.0 keeps notes on the <unit>, before its segments (translate-toolkit would put
    # them into the <segment>, which the schema does not allow).
    segment = item.xmlelement
    unit_element = segment.getparent() if segment.getparent() is not None else segment
    namespace = xliff2.Xliff2File.namespace
    notes = etree.Element(f"{{{namespace}}}notes")
    note = etree.SubElement(notes, f"{{{namespace}}}note")
    note.text = text
    unit_element.insert(0, notes)


@dataclass
class ImportRow:
    key: str
    source: str  # the German text in the file: what was translated
    target: str
    label: str = ""
    current: str = ""  # the translation stored now
    current_version: str = ""  # the German version it was made from ("" for drafts)
    problem: str = ""
    german_changed: bool = False  # the German text changed since the export
    # Still marked for review (XLIFF 1.2 state needs-*), as exported with an outdated or draft
    # translation: the agency left it untouched.
    needs_review: bool = False
    obj: Any = None
    field: str = ""

    @property
    def unreviewed(self) -> bool:
        """The outdated or draft translation we sent, returned unchanged and unconfirmed:
        importing it would call it up to date without anybody having checked it."""
        return self.needs_review and self.target == self.current

    @property
    def action(self) -> str:
        """What applying does with this row: "error", "skip", "same", "new" or "change"."""
        if self.problem:
            return "error"
        if not self.target or self.unreviewed:
            return "skip"
        if self.target == self.current and self.current_version == source_version(self.source):
            return "same"
        return "change" if self.current else "new"


@dataclass
class ImportPreview:
    language: str
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # problems of the whole file

    @property
    def problems(self) -> list[ImportRow]:
        return [row for row in self.rows if row.problem]

    @property
    def can_apply(self) -> bool:
        return (
            not self.errors
            and not self.problems
            and any(row.action in ("new", "change") for row in self.rows)
        )

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)


def _parse(data: bytes) -> tuple[Any, str]:
    try:
        root = etree.fromstring(
            data, parser=etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError as error:
        raise ValidationError(
            _("The file is not valid XML: %(error)s") % {"error": error}
        ) from None
    if etree.QName(root).localname != "xliff":
        raise ValidationError(_("The file is not an XLIFF file."))
    version = root.get("version", "")
    try:
        if version.startswith("2."):
            return xliff2.Xliff2File.parsestring(data), version
        return xliff1.xlifffile.parsestring(data), version or "1.2"
    except Exception as error:  # translate-toolkit raises several kinds for broken files
        raise ValidationError(
            _("The XLIFF file could not be read: %(error)s") % {"error": error}
        ) from None


def read_xliff(*, region: Region, language: str, data: bytes) -> ImportPreview:
    """Check an agency's XLIFF file against the region's texts; nothing is stored."""
    preview = ImportPreview(language=language)
    try:
        store, _version = _parse(data)
    except ValidationError as error:
        preview.errors.extend(error.messages)
        return preview
    source_language = (store.getsourcelanguage() or "").lower()
    target_language = (store.gettargetlanguage() or "").lower()
    if source_language and source_language.split("-")[0] != SOURCE_LANGUAGE:
        preview.errors.append(
            _("The file translates from “%(code)s”, but our texts are German.")
            % {"code": source_language}
        )
    if target_language and target_language.split("-")[0] != language.split("-")[0]:
        preview.errors.append(
            _("The file is a translation into “%(found)s”, not into “%(expected)s”.")
            % {"found": target_language, "expected": language}
        )
    units = [unit for unit in store.units if not getattr(unit, "isheader", lambda: False)()]
    if len(units) > MAX_UNITS:
        preview.errors.append(_("The file has too many texts (at most %(n)s).") % {"n": MAX_UNITS})
        return preview
    seen: set[str] = set()
    for item in units:
        key = (item.getid() or "").split("\x04")[-1]
        row = ImportRow(
            key=key,
            source=normalise_source(str(item.source or "")),
            target=str(item.target or "").replace("\r\n", "\n").strip(),
            needs_review=bool(getattr(item, "isfuzzy", lambda: False)()),
        )
        preview.rows.append(row)
        if key in seen:
            row.problem = _("This text appears twice in the file.")
            continue
        seen.add(key)
        try:
            spec, obj, field_name = find_unit(region, key, language)
        except LookupError:
            row.problem = _("No text of this region has this id.")
            continue
        row.obj, row.field = obj, field_name
        row.label = f"{obj} – {spec.field_label(field_name)}"
        current_source = getattr(obj, field_name) or ""
        row.german_changed = source_version(row.source) != source_version(current_source)
        existing = (
            Translation.objects.for_object(obj).filter(field=field_name, language=language).first()
        )
        row.current = existing.text if existing else ""
        row.current_version = existing.source_version if existing and not existing.is_draft else ""
        if not row.source:
            row.problem = _("The German text is missing in the file.")
    return preview


def apply_import(*, region: Region, language: str, data: bytes) -> int:
    """Store every translation of the file, or none: the file is checked again first (the
    region's texts may have changed since the preview). Returns how many were stored."""
    preview = read_xliff(region=region, language=language, data=data)
    if not preview.can_apply:
        messages = preview.errors + [f"{row.key}: {row.problem}" for row in preview.problems]
        raise ValidationError(messages or _("The file holds no new translation."))
    return translations_save(
        region=region,
        language=language,
        origin=Translation.Origin.IMPORTED,
        updates=[
            TextUpdate(row.obj, row.field, row.target, source_text=row.source)
            for row in preview.rows
            if row.action in ("new", "change")
        ],
    )
