"""Error responses that must work without the database."""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

# Seconds a client should wait before trying again (a database restart takes a few).
RETRY_AFTER_SECONDS = 5


def database_unavailable(error: BaseException | None) -> bool:
    """True for errors that mean "the database cannot be reached right now": a refused or
    broken connection, a server shutting down or starting up. They are transient, so the
    answer is 503 with Retry-After, never 500."""
    return isinstance(error, OperationalError | InterfaceError)


def service_unavailable() -> HttpResponse:
    """The maintenance page: a static template, rendered without request context or queries."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the maintenance page when the cause was the database being unreachable
    (an exception in a middleware, e.g. loading the session), otherwise the 500 page."""
    if database_unavailable(sys.exc_info()[1]):
        return service_unavailable()
    return HttpResponseServerError(render_to_string("500.html"))
