"""A first visit stays light: the page and everything it loads from us weigh at most 60 KB
compressed (the speed issue's budget for a phone on a slow connection).

Bootstrap is cut to the rules the pages use (`manage.py purge_css`, 11 KB instead of 31 KB
compressed): a first visit weighs 15-16 KB, the offer search with htmx 33 KB.
The static files are compressed as WhiteNoise serves them to a browser without Brotli (gzip at
level 9; Brotli is smaller still); hashed names let a repeat visit load none of them again.
"""

from __future__ import annotations

import gzip
import re

import pytest
from django.contrib.staticfiles import finders

BUDGET = 60 * 1024
ASSET = re.compile(rb'(?:href|src)="/static/([^"?#]+)')


def first_visit_bytes(client, path: str) -> dict[str, int]:
    """Compressed size of the page and of each of our files it loads."""
    response = client.get(path)
    assert response.status_code == 200, path
    sizes = {path: len(gzip.compress(response.content, 9))}
    for name in dict.fromkeys(m.decode() for m in ASSET.findall(response.content)):
        found = finders.find(name)
        assert found, name
        with open(found, "rb") as file:
            sizes[name] = len(gzip.compress(file.read(), 9))
    return sizes


@pytest.mark.parametrize(
    "path", ["/", "/goslar/", "/goslar/events/", "/goslar/offers/", "/goslar/network/"]
)
def test_a_first_visit_weighs_at_most_60_kb_compressed(client, goslar, path):
    sizes = first_visit_bytes(client, path)
    assert sum(sizes.values()) <= BUDGET, sizes


def test_pages_without_search_load_no_script_at_all(client, goslar):
    sizes = first_visit_bytes(client, "/goslar/")
    assert not [name for name in sizes if name.endswith(".js")], sizes
