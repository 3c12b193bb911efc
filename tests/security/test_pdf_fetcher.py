"""WeasyPrint reads only our static files and media: no other file, no network.

HTML that reaches a PDF can carry text staff typed (concept chapters, measures). A ``file:``
URL in it must not embed a server file (``<link rel="attachment">`` attaches any file to the
PDF) and no URL may make the worker open a connection.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.conf import settings
from pypdf import PdfReader

from portal.lib.pdf import LocalFilesFetcher, html_to_pdf

# A 1x1 PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cf000000030101001818dd8d0000000049454e44ae426082"
)


def _page(body: str, head: str = "") -> str:
    return f'<html lang="de"><head><title>T</title>{head}</head><body>{body}</body></html>'


@pytest.fixture
def secret_file(tmp_path) -> Path:
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text("TOPSECRET-CONTENT")
    return path


def test_a_file_outside_static_and_media_is_not_attached(secret_file):
    pdf = html_to_pdf(
        _page(
            f'<p>Hallo</p><a rel="attachment" href="file://{secret_file}">x</a>',
            f'<link rel="attachment" href="file://{secret_file}">',
        ),
        variant=None,
    )
    assert b"TOPSECRET" not in pdf
    assert PdfReader(io.BytesIO(pdf)).attachments == {}


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "/media/../../../../etc/passwd",
        "/static/../../../../etc/passwd",
        "http://127.0.0.1:9/x.png",
        "https://tiles.example/1/2/3.png",
        "ftp://files.example/x",
    ],
)
def test_the_fetcher_refuses_anything_but_our_roots(url, media_root):
    with pytest.raises(ValueError):
        LocalFilesFetcher().fetch(url)


def test_the_fetcher_refuses_a_symlink_out_of_media(media_root, secret_file):
    media_root.mkdir(parents=True, exist_ok=True)
    (media_root / "link.txt").symlink_to(secret_file)
    with pytest.raises(ValueError):
        LocalFilesFetcher().fetch(f"file://{media_root / 'link.txt'}")
    with pytest.raises(ValueError):
        LocalFilesFetcher().fetch("/media/link.txt")


def test_images_from_media_and_static_are_embedded(media_root):
    media_root.mkdir(parents=True, exist_ok=True)
    (media_root / "wappen.png").write_bytes(PNG)
    fetcher = LocalFilesFetcher()
    assert _read(fetcher, "/media/wappen.png") == PNG
    assert _read(fetcher, f"file://{media_root / 'wappen.png'}") == PNG
    assert b"<svg" in _read(fetcher, settings.STATIC_URL + "favicon.svg")
    pdf = html_to_pdf(_page('<img src="/media/wappen.png" alt="Wappen">'), variant=None)
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert list(page.images), "the coat of arms is in the PDF"


def test_data_urls_still_work():
    assert _read(LocalFilesFetcher(), "data:text/plain;base64,SGFsbG8=") == b"Hallo"


def _read(fetcher: LocalFilesFetcher, url: str) -> bytes:
    response = fetcher.fetch(url)
    try:
        return response.read()
    finally:
        response.close()
