"""What visitors type is bounded and on one line where it should be; mails quote it.

The meta-test walks every public POST form of the demo site (and the update-round and
invitation links, which anyone holding the link can use): it first proves that a plausible
submission goes through, then sends the same submission with one field spoilt at a time - a
line break or a control character in a single-line field, a control character in a text, one
character more than the field's limit - and expects a 400 with the field marked and nothing
written. Every text field must announce its limit to the browser (``maxlength``). Mails that
the plausible submissions cause show the visitor's text only quoted.

A new public form is covered without being named here: it only has to be reachable from a
public page (the sitemap, see tests/test_site_wide_bad_input.py).
"""

from __future__ import annotations

import datetime
import html
import re
import uuid
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.test import Client
from django.urls import resolve
from django.utils import timezone

from portal.lib.text import SINGLE_LINE_MAX_LENGTH
from tests.factories import InvitationFactory
from tests.site_wide import demo_site_fixture  # noqa: F401
from tests.test_site_wide_bad_input import public_pages, update_link  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

# Marks what the plausible submission typed, so the mails can be searched for it.
MARK = "Qxv"
FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
FIELD = re.compile(r"<(input|textarea|select)\b([^>]*)>", re.I)
OPTION = re.compile(r"<option\b([^>]*)>", re.I)
SELECT = re.compile(r"<select\b([^>]*)>(.*?)</select>", re.S | re.I)
# Lines of a mail may carry visitor text only like this: “Qxv …” / „Qxv …“ / «Qxv …» or "> …"
QUOTED = re.compile(r"[“„«][^“”„«»\n]*" + MARK + r"[^“”„«»\n]*[“”»]")
ROW = re.compile(r"-\d+-")
TEXT_TYPES = {"text", "email", "tel", "url", "search", "password"}


def _attr(tag: str, name: str) -> str | None:
    found = re.search(rf'\b{name}="([^"]*)"', tag)
    return html.unescape(found.group(1)) if found else None


@dataclass
class Field:
    name: str
    kind: str  # input, textarea, select
    type: str = "text"
    value: str = ""
    maxlength: int | None = None
    options: list[str] = field(default_factory=list)
    multiple: bool = False

    @property
    def is_text(self) -> bool:
        return self.kind == "textarea" or (self.kind == "input" and self.type in TEXT_TYPES)

    @property
    def single_line(self) -> bool:
        return self.kind == "input" and self.type in TEXT_TYPES


@dataclass
class Form:
    page: str
    action: str
    fields: list[Field]

    @property
    def label(self) -> str:
        return self.action if len(self.action) < 60 else self.action[:30] + "…"


def _post_forms(response, page: str) -> list[Form]:
    forms = []
    for attrs, body in FORM.findall(response.content.decode()):
        action = _attr(attrs, "action") or page
        if (_attr(attrs, "method") or "get").lower() != "post" or action.startswith("/i18n/"):
            continue
        fields = []
        for kind, tag in FIELD.findall(body):
            name = _attr(tag, "name")
            if not name or kind.lower() == "select":
                continue
            maxlength = _attr(tag, "maxlength")
            fields.append(
                Field(
                    name=name,
                    kind=kind.lower(),
                    type=(_attr(tag, "type") or "text").lower(),
                    value=_attr(tag, "value") or "",
                    maxlength=int(maxlength) if maxlength else None,
                )
            )
        for tag, options in SELECT.findall(body):
            values = [_attr(o, "value") for o in OPTION.findall(options)]
            fields.append(
                Field(
                    name=_attr(tag, "name"),
                    kind="select",
                    options=[v for v in values if v],
                    multiple=" multiple" in tag,
                )
            )
        forms.append(Form(page=page, action=action, fields=fields))
    return forms


def _plausible(field: Field, n: int) -> str | None:
    """A value a person would type into this field (None: leave it out)."""
    name = field.name
    if name == "csrfmiddlewaretoken":
        return field.value
    if name == "homepage":  # the honeypot stays empty
        return ""
    if name == "idempotency_key":
        return str(uuid.uuid4())
    if field.kind == "select":
        return field.options[0] if field.options else ""
    if field.type == "hidden":
        return field.value
    if name.endswith("-DELETE"):  # formsets: keep every row
        return None
    if field.type in ("checkbox", "radio"):
        return field.value or "on"
    if field.type == "email":
        return f"limits{n}@example.org"
    if field.type == "url":
        return "https://verein.example.org"
    if field.type == "number":
        return "1"
    if field.type == "date":
        return (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    if field.type == "time":
        return "10:00"
    if field.type == "password":
        return "Ein-langes-Passwort-2026"
    if "postcode" in name:
        return "38640"
    if field.type == "tel" or "phone" in name:
        return f"05321 {MARK} {n}"
    if name.endswith("registration_detail"):
        return field.value or f"05321 {n}"
    limit = field.maxlength or 60
    return f"{MARK} {name} {n}"[:limit]


def _baseline(form: Form, n: int) -> dict[str, list[str] | str]:
    data: dict[str, list[str]] = {}
    selects = 0
    for f in form.fields:
        value = _plausible(f, n)
        if f.kind == "select" and f.options and f.name.endswith("_choice"):
            # The first and the second workshop choice must differ.
            value = f.options[selects % len(f.options)]
            selects += 1
        if value is None:
            continue
        if f.type == "radio" and f.name in data:
            continue  # the first option of a radio group
        data.setdefault(f.name, []).append(value)
    return data


def _spoilt(f: Field, base: str) -> list[tuple[str, str]]:
    """(what is wrong, value) for one text field. Which characters are refused is the
    validators' business (tested below); here it is enough that each field has them."""
    limit = f.maxlength or SINGLE_LINE_MAX_LENGTH
    if f.single_line:
        wrong = ("a line break", f"{base}\nBcc: jemand@example.org")
    else:
        wrong = ("an escape sequence", f"{base}\x1b[2J")
    return [("one character too long", "x" * (limit + 1)), wrong]


def _row_counts() -> dict[str, int]:
    counted = ("portal", "networks", "conferences", "offers")
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in counted and model._meta.model_name != "ratelimitcounter"
    }


def _mail_lines_with_visitor_text(since_pk: int) -> list[str]:
    from portal.models import OutgoingMail

    lines = []
    for mail in OutgoingMail.objects.filter(pk__gt=since_pk):
        for line in [mail.subject, *mail.body_text.splitlines()]:
            if MARK in line and not line.startswith(">") and not QUOTED.search(line):
                lines.append(f"{mail.subject!r}: {line!r}")
    return lines


def _last_mail_pk() -> int:
    from portal.models import OutgoingMail

    return OutgoingMail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


@pytest.fixture
def visitor(settings):
    settings.PUBLIC_FORM_RATE_LIMIT = 0  # many posts from one client
    return Client(raise_request_exception=True)


@pytest.fixture
def link_pages(update_link, goslar_invitation) -> list[str]:  # noqa: F811
    link, offer = update_link
    return [f"{link}offers/{offer.pk}/", goslar_invitation]


@pytest.fixture
def goslar_invitation() -> str:
    from portal.models import Region

    invitation = InvitationFactory(
        region=Region.objects.get(slug="goslar"), email="neu@example.org", role="editor"
    )
    return f"/invitation/{invitation.token}/"


def test_every_public_form_bounds_and_checks_what_is_typed(
    visitor,
    public_pages,  # noqa: F811 - the fixture imported above
    link_pages,
    jobs,
    django_capture_on_commit_callbacks,
):
    problems: list[str] = []
    checked = 0
    seen: set[tuple] = set()
    for page in [*public_pages, *link_pages]:
        response = visitor.get(page)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        for form in _post_forms(response, page):
            # One form per view and set of fields: the barrier report on every region's page,
            # one row of a formset, is the same code.
            text_fields = list(
                {
                    ROW.sub("-0-", f.name): f
                    for f in form.fields
                    if f.is_text and f.name != "homepage"
                }.values()
            )
            shape = (resolve(form.action).view_name, tuple(f.name for f in text_fields))
            if shape in seen or not text_fields:
                continue
            seen.add(shape)
            checked += 1
            problems += [
                f"{form.label}: field {f.name!r} announces no maxlength"
                for f in text_fields
                if f.maxlength is None
            ]
            before = _row_counts()
            for f in text_fields:
                for what, value in _spoilt(f, _plausible(f, checked) or ""):
                    data = _baseline(form, checked)
                    data[f.name] = [value]
                    response = visitor.post(form.action, data)
                    if response.status_code != 400 or "is-invalid" not in response.content.decode():
                        problems.append(
                            f"{form.label}: {what} in {f.name} -> {response.status_code}"
                        )
            if _row_counts() != before:
                problems.append(f"{form.label}: spoilt submissions wrote something")
            # A plausible submission goes through (else the refusals above would prove nothing);
            # it comes last because it may use up its link (an invitation).
            mails_before = _last_mail_pk()
            with django_capture_on_commit_callbacks(execute=True):
                ok = visitor.post(form.action, _baseline(form, checked))
            jobs.run()
            if ok.status_code != 302:
                errors = re.findall(
                    r'class="(?:invalid-feedback|alert alert-danger)"[^>]*>(.*?)</',
                    ok.content.decode(),
                    re.S,
                )
                problems.append(
                    f"{form.label}: a plausible submission -> {ok.status_code} {errors}"
                )
                continue
            problems += [
                f"{form.label}: visitor text in a mail, unquoted: {line}"
                for line in _mail_lines_with_visitor_text(mails_before)
            ]
    # barrier report, join request, two registrations, three suggestions, update round,
    # invitation
    assert checked >= 9
    assert problems == [], "\n".join(problems)


# --- the rules behind it ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "Erika\nMustermann",
        "Erika\r\nBcc: jemand@example.org",
        "Erika\tMustermann",
        "Erika\x1b[2J",
        "Erika\x07",
        "Erika\x00",
        "Erika\x85",
        "Erika\u2028Mustermann",
        "Erika \u202egpj.exe",
        "Erika \u2066x\u2069",
    ],
    ids=repr,
)
def test_a_single_line_refuses_line_breaks_and_control_characters(value):
    from django.core.exceptions import ValidationError

    from portal.lib.text import validate_single_line

    with pytest.raises(ValidationError):
        validate_single_line(value)


@pytest.mark.parametrize(
    "value",
    ["Erika Mustermann", "Ærøskøbing", "Олена Коваль", "سارا أحمد", "\u200fسارا\u200f", "O'Brien"],
)
def test_names_in_any_script_are_fine(value):
    from portal.lib.text import validate_single_line

    validate_single_line(value)


def test_a_text_keeps_its_lines_but_not_control_characters():
    from django.core.exceptions import ValidationError

    from portal.lib.text import validate_text

    validate_text("Der Aufzug fehlt.\r\n\tSeit Montag.")
    for value in ("Text\x07", "Text\x1b[2J", "Text\x00", "Text\x0c"):
        with pytest.raises(ValidationError):
            validate_text(value)
