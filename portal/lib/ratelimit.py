"""A per-client rate limit for public forms that holds across processes and machines."""

from __future__ import annotations

import time

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

# Shown next to the form, in the visitor's language, when ``hit`` said no.
MESSAGE = _("Too many submissions. Please wait a minute and try again.")
WINDOW_SECONDS = 60


def client_key(request: HttpRequest) -> str:
    # Behind a proxy, REMOTE_ADDR is set from X-Forwarded-For by the proxy configuration.
    return str(request.META.get("REMOTE_ADDR", "unknown"))


def hit(scope: str, request: HttpRequest, *, limit: int | None = None) -> bool:
    """Count one submission; returns False when the client is over the limit this minute."""
    limit = int(settings.PUBLIC_FORM_RATE_LIMIT) if limit is None else limit
    if limit <= 0:
        return True
    window = int(time.time() // WINDOW_SECONDS)
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO portal_ratelimitcounter (key, "window", count) VALUES (%s, %s, 1)
            ON CONFLICT (key, "window") DO UPDATE SET count = portal_ratelimitcounter.count + 1
            RETURNING count
            """,
            [f"{scope}:{client_key(request)}", window],
        )
        (count,) = cursor.fetchone()
    return bool(count <= limit)


def too_many(response: HttpResponse) -> HttpResponse:
    """The form page with ``MESSAGE``, answered as 429 Too Many Requests with Retry-After.

    The page still carries what the visitor typed, so they can send it again a moment later.
    """
    response.status_code = 429
    response["Retry-After"] = str(WINDOW_SECONDS - int(time.time()) % WINDOW_SECONDS)
    return response


def purge_old_windows() -> int:
    window = int(time.time() // 60) - 5
    with connection.cursor() as cursor:
        cursor.execute('DELETE FROM portal_ratelimitcounter WHERE "window" < %s', [window])
        return int(cursor.rowcount)
