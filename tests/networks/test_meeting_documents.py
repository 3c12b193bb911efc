"""Files of the minutes: only PDF or office documents, checked by content, size-limited."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from networks.forms import MAX_DOCUMENT_BYTES
from networks.models import MeetingDocument
from tests.networks.factories import MeetingFactory, WorkingGroupFactory


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100


@pytest.fixture
def upload(client_of, coordinator_goslar, goslar):
    meeting = MeetingFactory(working_group=WorkingGroupFactory(region=goslar))
    client = client_of(coordinator_goslar)
    url = reverse("networks_staff:document_upload", args=["goslar", meeting.pk])

    def send(name: str, content: bytes):
        return client.post(url, {"title": "Protokoll", "file": SimpleUploadedFile(name, content)})

    return send


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("protokoll.pdf", b"%PDF-1.7\n%%EOF", "application/pdf"),
        ("protokoll.docx", DOCX, "wordprocessingml"),
        ("protokoll.odt", ODT, "opendocument.text"),
        ("teilnehmende.xls", OLE, "ms-excel"),
    ],
)
def test_pdf_and_office_documents_are_accepted(upload, name, content, mime):
    assert upload(name, content).status_code == 302
    assert mime in MeetingDocument.objects.get().content_type


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bild.png", b"\x89PNG\r\n\x1a\n"),
        ("getarnt.pdf", b"MZ\x90\x00 an executable"),
        ("getarnt.docx", _zip({"evil.sh": b"rm -rf"})),
        ("kaputt.docx", b"PK\x03\x04 not a zip"),
        ("tabelle.xlsx", DOCX),  # a Word file named like a spreadsheet
        ("ohne-endung", b"%PDF-1.7"),
    ],
)
def test_other_files_are_refused_by_their_content(upload, name, content):
    response = upload(name, content)
    assert response.status_code == 400
    assert "PDF" in response.content.decode()
    assert not MeetingDocument.objects.exists()


def test_files_over_the_limit_are_refused(upload):
    response = upload("gross.pdf", b"%PDF-1.7" + b"0" * MAX_DOCUMENT_BYTES)
    assert response.status_code == 400
    assert not MeetingDocument.objects.exists()
