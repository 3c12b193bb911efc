"""Bootstrap without the rules no page can use: the CSS a first visit loads.

The vendored Bootstrap (static/vendor/bootstrap/, LTR and RTL, 232 KB each) stays the source;
``manage.py purge_css`` writes copies that keep only the style rules whose selectors name
classes that occur somewhere the portal's markup comes from (``used_words``) or that scripts add
at run time (``SAFELIST``). The rest stays as it is: the custom properties of ``:root``,
element and attribute rules (the reboot), ``@font-face``, and media and feature queries with
the rules kept inside them; ``@keyframes`` stay when a kept rule animates with them.

A class counts as used when it appears as a word anywhere in a source file (like PurgeCSS's
default extractor): generous, so a class named in a Python string, a crispy layout or a
template condition is kept. A class put together at run time from pieces (``alert-{{ tag }}``)
is not a word in any file: such classes belong in the safelist.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import tinycss2
from tinycss2 import ast

# Bootstrap's own scripts (collapse, and the transitions of any component), htmx, the form
# validation states and the message levels (templates/base.html: alert-{{ message.tags }}).
SAFELIST = frozenset(
    {
        # bootstrap.bundle.js: collapse and the shared transitions
        "show",
        "showing",
        "hiding",
        "collapse",
        "collapsing",
        "collapsed",
        "collapse-horizontal",
        "fade",
        "active",
        "disabled",
        # htmx while a request runs and while it swaps and settles
        "htmx-request",
        "htmx-indicator",
        "htmx-swapping",
        "htmx-settling",
        "htmx-added",
        # form validation (crispy and our field template mark fields; a browser check may)
        "was-validated",
        "is-invalid",
        "is-valid",
        # Django's message levels (debug and error map to info and danger)
        "alert-info",
        "alert-success",
        "alert-warning",
        "alert-danger",
    }
)

WORD = re.compile(r"[A-Za-z0-9_-]+")
# File types whose words may name a class.
SOURCE_SUFFIXES = (".html", ".txt", ".py", ".js")


@dataclass(frozen=True)
class Pair:
    """A vendored stylesheet and the purged copy made from it (paths below the project)."""

    source: str
    target: str


PAIRS = (
    Pair("static/vendor/bootstrap/bootstrap.min.css", "static/css/bootstrap.purged.min.css"),
    Pair(
        "static/vendor/bootstrap/bootstrap.rtl.min.css",
        "static/css/bootstrap.purged.rtl.min.css",
    ),
)


# Crispy layout objects the portal may use one day, and the templates that render them: their
# templates count only once our code names the layout (the Python class).
OPTIONAL_LAYOUTS = {
    ("Accordion", "AccordionGroup", "BS5Accordion"): ("accordion.html", "accordion-group.html"),
    ("Modal",): ("modal.html",),
    ("TabHolder", "Tab"): ("tab.html", "tab-link.html"),
}


def own_folders(base: Path) -> list[Path]:
    """The portal's own sources: templates, the apps' Python code (widgets, crispy layouts,
    class strings in views, forms and template tags) and our scripts."""
    return [
        base / "templates",
        base / "portal",
        base / "networks",
        base / "conferences",
        base / "offers",
        base / "static" / "js",
    ]


def crispy_files(own: frozenset[str]) -> list[Path]:
    """crispy-forms' Bootstrap 5 templates and its field tags, which render most form fields
    (less the optional layouts our code does not name)."""
    import crispy_bootstrap5
    import crispy_forms

    unused = {
        name
        for layouts, templates in OPTIONAL_LAYOUTS.items()
        if not own.intersection(layouts)
        for name in templates
    }
    templates = Path(crispy_bootstrap5.__file__).parent / "templates"
    tags = Path(crispy_forms.__file__).parent / "templatetags"
    return [
        path
        for path in [*_source_files([templates]), *_source_files([tags])]
        if path.name not in unused
    ]


def _source_files(folders: Iterable[Path]) -> Iterator[Path]:
    this_module = Path(__file__).resolve()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if (
                path.suffix in SOURCE_SUFFIXES
                and "migrations" not in path.parts
                and path.resolve() != this_module  # it names classes it does not use
            ):
                yield path


def _words(files: Iterable[Path]) -> set[str]:
    words: set[str] = set()
    for path in files:
        words.update(WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return words


def used_words(base: Path) -> frozenset[str]:
    """Every word in the sources: the classes a page's markup can carry."""
    own = frozenset(_words(_source_files(own_folders(base))))
    return own | _words(crispy_files(own))


def _split_selectors(prelude: list[ast.Node]) -> list[list[ast.Node]]:
    selectors: list[list[ast.Node]] = [[]]
    for token in prelude:
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _classes(selector: list[ast.Node]) -> set[str]:
    """The classes a selector requires (those inside :not() and other functions aside)."""
    found = set()
    for before, token in zip(selector, selector[1:], strict=False):
        if (
            isinstance(before, ast.LiteralToken)
            and before.value == "."
            and isinstance(token, ast.IdentToken)
        ):
            found.add(token.value)
    return found


def _purge_rules(rules: list[ast.Node], used: frozenset[str]) -> list[ast.Node | str]:
    """The rules to keep; a style rule loses the selectors that name an unused class."""
    kept: list[ast.Node | str] = []
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            selectors = [s for s in _split_selectors(rule.prelude) if _classes(s) <= used]
            if selectors:
                prelude = ",".join(tinycss2.serialize(s) for s in selectors)
                kept.append(f"{prelude}{{{tinycss2.serialize(rule.content)}}}")
        elif isinstance(rule, ast.AtRule) and rule.lower_at_keyword in ("media", "supports"):
            inner = _purge_rules(
                tinycss2.parse_rule_list(rule.content or [], skip_comments=True), used
            )
            if inner:
                body = "".join(r if isinstance(r, str) else r.serialize() for r in inner)
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{body}}}")
        elif isinstance(rule, ast.Comment):
            if rule.value.startswith("!"):  # the licence notice
                kept.append(rule)
        elif not isinstance(rule, ast.WhitespaceToken | ast.ParseError):
            kept.append(rule)  # @charset, @font-face, @keyframes, @layer, ...
    return kept


def _animated(rule: ast.AtRule, css: str) -> bool:
    name = tinycss2.serialize(rule.prelude).strip()
    return re.search(rf"animation(-name)?:[^;}}]*\b{re.escape(name)}\b", css) is not None


def purge(css: str, used: frozenset[str]) -> str:
    """The stylesheet with only the rules a page with these classes (and the safelist's) can
    use."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=True)
    kept = _purge_rules(rules, used | SAFELIST)
    without_keyframes = "".join(
        r if isinstance(r, str) else r.serialize()
        for r in kept
        if not (isinstance(r, ast.AtRule) and r.lower_at_keyword == "keyframes")
    )
    return (
        "".join(
            r if isinstance(r, str) else r.serialize()
            for r in kept
            if not (
                isinstance(r, ast.AtRule)
                and r.lower_at_keyword == "keyframes"
                and not _animated(r, without_keyframes)
            )
        )
        + "\n"
    )


def purged_files(base: Path) -> dict[Path, str]:
    """{target path: purged CSS} for each pair, computed from the sources as they are now."""
    used = used_words(base)
    return {
        base / pair.target: purge((base / pair.source).read_text(encoding="utf-8"), used)
        for pair in PAIRS
    }
