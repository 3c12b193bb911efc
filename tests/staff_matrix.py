"""The staff-URL registry behind the permission matrix (tests/test_staff_permissions.py).

Each app lists its staff URLs in ``tests/<app>/staff_cases.py`` as ``CASES``. A case knows
how to build the URL's objects inside a given region; the matrix then proves that anonymous
visitors are sent to the login, staff of the region get through, and staff of another region
get 404. A meta-test fails for any staff URL that has no case, so none can be forgotten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver

from portal.models import Region


@dataclass(frozen=True)
class Case:
    name: str  # "namespace:url_name"
    method: str = "get"
    kwargs: Callable[[Region], dict] = field(default=lambda region: {})
    data: Callable[[Region], dict] = field(default=lambda region: {})


def staff_url_names() -> set[str]:
    """Every named URL whose route starts with staff/<slug:region>/."""
    found: set[str] = set()

    def walk(patterns, prefix: str, namespace: str | None):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = p.namespace or namespace
                walk(p.url_patterns, prefix + str(p.pattern), ns)
            elif isinstance(p, URLPattern):
                route = prefix + str(p.pattern)
                if route.startswith("staff/<slug:region>") and p.name:
                    found.add(f"{namespace}:{p.name}" if namespace else p.name)

    walk(get_resolver().url_patterns, "", None)
    return found


def all_cases() -> list[Case]:
    import importlib

    cases: list[Case] = []
    for app in ("portal", "networks", "conferences", "offers"):
        try:
            module = importlib.import_module(f"tests.{app}.staff_cases")
        except ModuleNotFoundError:
            continue
        cases.extend(module.CASES)
    return cases
