"""Responses every app sends the same way: a page with a form, a stored file, a generated PDF."""

from __future__ import annotations

from typing import Any

from django.db.models.fields.files import FieldFile
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render


def render_form(
    request: HttpRequest, template_name: str, context: dict[str, Any], *, form: Any = None
) -> HttpResponse:
    """Render a page with a form: 400 when the form (``form`` or ``context["form"]``) has
    errors, so a failed submission is not a success to clients, tests and monitoring."""
    form = form if form is not None else context.get("form")
    status = 400 if form is not None and form.errors else 200
    return render(request, template_name, context, status=status)


def stored_file_response(
    request: HttpRequest,
    file: FieldFile,
    *,
    content_type: str = "",
    as_attachment: bool = True,
    filename: str = "",
) -> HttpResponse:
    """A stored file, sent after the view checked access; a file missing on disk is a 404.

    With ``PRIVATE_FILES_SERVER=nginx`` (or ``apache``) the response only names the file
    (X-Accel-Redirect / X-Sendfile) and the web server sends it from an internal location
    (django-sendfile2; docs/operations.md). No file is reachable at a public URL.
    """
    from django_sendfile import sendfile

    if not file or not file.name or not file.storage.exists(file.name):
        raise Http404
    response: HttpResponse = sendfile(
        request,
        file.path,
        attachment=as_attachment,
        attachment_filename=filename or (file.name or "").rsplit("/", 1)[-1],
        mimetype=content_type or "application/octet-stream",
    )
    return response


def pdf_response(pdf: bytes, filename: str, *, as_attachment: bool = True) -> HttpResponse:
    """A generated PDF. ``filename`` without the .pdf suffix."""
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "attachment" if as_attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}.pdf"'
    return response
