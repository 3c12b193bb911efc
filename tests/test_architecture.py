"""The architecture holds: dependencies point one way, layers import downwards only.

    conferences ─┐
                 ├─> networks ──> portal
    offers ──────┘

``portal`` names no app; it builds its shared pages from what the apps register in
``portal.hooks``. These tests read the source (Python through ``ast``, templates through their
``{% load %}``, ``{% include %}``, ``{% extends %}`` and ``{% url %}`` tags), so they need no
database and fail with the file and line of each offending name.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
TEMPLATES = ROOT / "templates"

# What each app may use besides itself.
ALLOWED = {
    "portal": set(),
    "networks": {"portal"},
    "conferences": {"networks", "portal"},
    "offers": {"networks", "portal"},
}
APPS = set(ALLOWED)

# Layers of an app, from the top. A module may import its own layer and the layers below.
# ``urls`` is the only way into ``views``; models know nothing of the layers above them.
# Forms share the services' rank: services take keyword data from views, but validate what they
# did not get from a view (an accepted change request, an imported row) with the forms' rules.
LAYER_RANK = {"views": 3, "forms": 2, "services": 2, "selectors": 1, "models": 0}


@dataclass(frozen=True)
class Use:
    path: Path
    line: int
    name: str  # the dotted module, template path or URL name used

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}: {self.name}"


def _python_files(app: str):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


URL_NAME = re.compile(r"^([a-z]+?)(?:_staff)?:[\w-]+$")  # "offers_staff:offer_list"
DOTTED = re.compile(r"^([a-z]+)(?:\.\w+)+$")  # "offers.urls", a model label "offers.Offer"
TEMPLATE_NAME = re.compile(r"^([a-z]+)/[\w/.-]+\.(?:html|txt)$")  # "offers/hooks/x.html"


def python_uses(path: Path) -> list[Use]:
    """Modules imported (also lazily, inside functions), and the apps' names in strings: dotted
    modules and model labels, template names, URL names (``"offers:offer_detail"``)."""
    uses = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            uses += [Use(path, node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            uses += [Use(path, node.lineno, f"{node.module}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            for pattern in (URL_NAME, DOTTED, TEMPLATE_NAME):
                match = pattern.match(node.value)
                if match and match.group(1) in APPS:
                    uses.append(Use(path, node.lineno, node.value))
                    break
    return uses


# --- templates ------------------------------------------------------------------------------

TAG = re.compile(r"{%\s*(load|include|extends|url)\s+(.*?)\s*%}", re.DOTALL)


def _tag_libraries() -> dict[str, str]:
    """Template tag library name -> the app that defines it."""
    return {
        path.stem: app
        for app in APPS
        for path in (ROOT / app / "templatetags").glob("*.py")
        if path.stem != "__init__"
    }


def template_owner(relative: str) -> str:
    """``templates/<app>/...`` belongs to the app; every other template is the portal's."""
    first = relative.split("/", 1)[0]
    return first if first in APPS else "portal"


def template_uses(path: Path, libraries: dict[str, str]) -> list[tuple[str, Use]]:
    """(app used, where) for each library loaded, template included or extended, URL named."""
    text = path.read_text(encoding="utf-8")
    uses = []
    for match in TAG.finditer(text):
        tag, argument = match.groups()
        line = text.count("\n", 0, match.start()) + 1
        if tag == "load":
            names = (
                argument.split(" from ")[-1].split() if " from " in argument else argument.split()
            )
            for name in names:
                if name in libraries:
                    uses.append((libraries[name], Use(path, line, f"{{% load {name} %}}")))
        elif tag in ("include", "extends"):
            quoted = re.match(r"""(["'])(.+?)\1""", argument)
            if quoted:
                used = quoted.group(2)
                uses.append((template_owner(used), Use(path, line, used)))
        else:
            quoted = re.match(r"""(["'])(.+?)\1""", argument)
            if quoted and ":" in quoted.group(2):
                namespace = quoted.group(2).split(":", 1)[0].removesuffix("_staff")
                if namespace in APPS:
                    uses.append((namespace, Use(path, line, quoted.group(2))))
    return uses


def _template_files():
    return sorted(p for p in TEMPLATES.rglob("*") if p.is_file() and p.suffix in (".html", ".txt"))


# --- the tests ------------------------------------------------------------------------------


def test_each_app_imports_only_the_apps_below_it():
    wrong = []
    for app, allowed in ALLOWED.items():
        for path in _python_files(app):
            for use in python_uses(path):
                used = re.split(r"[.:/]", use.name, maxsplit=1)[0].removesuffix("_staff")
                if used in APPS and used != app and used not in allowed:
                    wrong.append(f"{use}  ({app} may use only {sorted(allowed) or 'itself'})")
    assert not wrong, "Imports against the direction of dependencies:\n" + "\n".join(wrong)


def test_each_apps_templates_use_only_the_apps_below_it():
    libraries = _tag_libraries()
    wrong = []
    for path in _template_files():
        app = template_owner(str(path.relative_to(TEMPLATES)))
        for used, use in template_uses(path, libraries):
            if used != app and used not in ALLOWED[app]:
                allowed = sorted(ALLOWED[app]) or "itself"
                wrong.append(f"{use}  ({app}'s template may use only {allowed})")
    hint = "\nPut it in a hook: portal/hooks.py, or the hook points in networks/hooks.py."
    assert not wrong, "Templates against the direction of dependencies:\n" + "\n".join(wrong) + hint


def _layer(module: str) -> str | None:
    """The layer of a module of an app: its second name, e.g. offers.services.directory."""
    parts = module.split(".")
    if len(parts) < 2:
        return None
    return parts[1] if parts[1] in LAYER_RANK else None


def test_layers_import_downwards_only():
    wrong = []
    for app in ALLOWED:
        for path in _python_files(app):
            module = _module_name(path)
            layer = _layer(module)
            for use in python_uses(path):
                used_layer = _layer(use.name)
                if used_layer is None or use.name.split(".")[0] not in APPS:
                    continue
                if used_layer == "views":
                    # Views are reached through URLconfs (and the middleware's error pages)
                    # only; a helper two views share belongs below them (portal/lib, a
                    # selector, a service).
                    if not path.name.startswith(("urls", "middleware")):
                        wrong.append(f"{use}  (only urls*.py and middleware import views)")
                elif layer is not None and LAYER_RANK[used_layer] > LAYER_RANK[layer]:
                    wrong.append(f"{use}  ({layer} must not import {used_layer})")
    assert not wrong, "Imports from a higher layer:\n" + "\n".join(wrong)


def test_templates_ask_for_capabilities_never_for_role_names():
    """``membership.can_manage_content``, not ``membership.role != "event_staff"``: a new role
    or a changed right then needs no template edit (portal.models.accounts.CAPABILITIES)."""
    asking = re.compile(
        r"\.role\s*(?:==|!=|in\b|not in\b)|[=!]=\s*[\"'](?:coordinator|editor|event_staff)[\"']"
    )
    wrong = []
    for path in _template_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if asking.search(line):
                wrong.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert not wrong, "Templates asking for a role:\n" + "\n".join(wrong)


def test_the_checks_see_what_they_are_meant_to_see():
    """The rules above would pass trivially if the parsers found nothing."""
    uses = python_uses(ROOT / "offers" / "hooks.py")
    assert any(u.name.startswith("networks.hooks") for u in uses)
    assert any(u.name == "offers.urls" for u in uses)
    assert any(u.name == "offers:provider_home" for u in uses)
    assert any(u.name == "offers/hooks/staff_dashboard.html" for u in uses)
    libraries = _tag_libraries()
    assert libraries["networks_tags"] == "networks"
    used = template_uses(TEMPLATES / "networks" / "hooks" / "staff_dashboard.html", libraries)
    assert (
        "networks",
        Use(TEMPLATES / "networks/hooks/staff_dashboard.html", 1, "{% load networks_tags %}"),
    ) in used
    assert any(u.name.startswith("networks_staff:") for _app, u in used)
