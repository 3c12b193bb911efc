"""A strict Content-Security-Policy and a Permissions-Policy on every response.

No inline script or style can run: templates carry none, the CSRF token for htmx comes from a
meta tag read by a static script, and the map attribution a coordinator types is text.
(tests/browser/journeys/test_csp_pages.py proves in Chromium that no page breaks the policy.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def _directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    parts = [p.strip().split() for p in header.split(";") if p.strip()]
    return {p[0]: p[1:] for p in parts}


@pytest.mark.parametrize(
    "path", ["/", "/goslar/", "/goslar/events/", "/accounts/login/", "/no-such-page/", "/health/"]
)
def test_every_response_carries_the_strict_policy(client, goslar, path):
    response = client.get(path)
    assert "Content-Security-Policy-Report-Only" not in response
    policy = _directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert not any("unsafe" in value for values in policy.values() for value in values)
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


def test_staff_pages_carry_it_too(client_of, coordinator_goslar):
    response = client_of(coordinator_goslar).get(reverse("portal_staff:dashboard", args=["goslar"]))
    assert _directives(response)["script-src"] == ["'self'"]


def test_the_map_page_allows_images_from_the_countys_tile_server_only(client, goslar):
    goslar.map_tile_url = "https://tiles.landkreis-goslar.example/{z}/{x}/{y}.png"
    goslar.save()
    response = client.get(reverse("offers:offer_search", args=["goslar"]) + "?view=map")
    assert "https://tiles.landkreis-goslar.example" in _directives(response)["img-src"]
    other = client.get("/goslar/")
    assert "https://tiles.landkreis-goslar.example" not in _directives(other)["img-src"]


def test_the_csrf_token_for_htmx_is_in_a_meta_tag(client_of, coordinator_goslar):
    html = client_of(coordinator_goslar).get("/staff/goslar/").content.decode()
    assert "hx-headers" not in html
    assert re.search(r'<meta name="csrf-token" content="[^"]+">', html)
    assert '<meta name="htmx-config"' in html
    assert "/static/js/csrf.js" in html


def test_anonymous_pages_carry_no_csrf_token(client, goslar):
    """Public pages only read with htmx: no token, so no cookie, so they can be cached."""
    html = client.get("/goslar/").content.decode()
    assert 'name="csrf-token"' not in html
    assert "/static/js/csrf.js" not in html


def _template_files():
    return [p for p in TEMPLATES.rglob("*.html") if "/pdf/" not in str(p)]


def test_no_template_has_inline_script_style_or_event_handler():
    offenders = []
    for path in _template_files():
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<script\b([^>]*)>", text):
            attrs = match.group(1)
            if "src=" not in attrs and "application/ld+json" not in attrs:
                offenders.append(f"{path}: inline <script>")
        if re.search(r"<style\b", text):
            offenders.append(f"{path}: <style>")
        if re.search(r"\sstyle=", text):
            offenders.append(f"{path}: style attribute")
        if re.search(r"\son[a-z]+=", text):
            offenders.append(f"{path}: event handler attribute")
    assert offenders == []


def test_the_map_treats_the_attribution_as_text():
    script = (Path(settings.BASE_DIR) / "static" / "js" / "offers-map.js").read_text()
    assert "attribution: escapeHtml(" in script
