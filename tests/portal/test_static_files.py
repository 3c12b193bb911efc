"""In production (``make run``, STATIC_MANIFEST) the static files carry a hash of their content
in their names and are served compressed and marked immutable: a repeat visit loads and
revalidates none of them, and a changed file gets a new name."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.test import Client

MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
ASSET = re.compile(r'(?:href|src)="(/static/[^"?#]+)"')


@pytest.fixture
def production_static(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": MANIFEST_STORAGE},
    }
    # The admin's files are not part of any public page.
    call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=["admin"])
    return settings.STATIC_ROOT


def test_a_repeat_visit_revalidates_no_static_file(production_static, goslar):
    client = Client()  # a new client loads WhiteNoise with the collected files
    page = client.get("/goslar/offers/").content.decode()
    assets = ASSET.findall(page)
    assert any(a.endswith(".css") for a in assets) and any(a.endswith(".js") for a in assets)
    for url in assets:
        assert re.search(r"\.[0-9a-f]{12}\.\w+$", url), f"{url} has no content hash"
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
        assert response.status_code == 200, url
        control = response["Cache-Control"]
        assert "immutable" in control and "max-age=315360000" in control, (url, control)
        assert response.get("Content-Encoding") in ("br", "gzip"), url
        response.close()
