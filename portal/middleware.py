import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.languages import requested_language

SUPPORTED = {code for code, _name in settings.LANGUAGES}


class LanguageMiddleware:
    """The address's ``?language=``, else the visitor's choice (cookie set by the switcher), else
    German (see portal.languages for why, and for how pages address their languages).

    Browser preferences are deliberately not guessed from: German is the portal's main
    language, and the switcher on every page makes the choice one click away.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        addressed = requested_language(request)
        language = addressed or chosen
        if language not in SUPPORTED:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if addressed and addressed != chosen and response.status_code < 400:
            # Whoever followed an Arabic address reads the next page in Arabic too.
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                addressed,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        if not addressed:
            patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


# When the session's user last made a request (seconds since the epoch).
IDLE_SESSION_KEY = "portal_last_activity"
# The stored time is refreshed at most this often, so a busy back-office does not write its
# session row on every request; the idle period is therefore exact to within this margin.
IDLE_REFRESH_SECONDS = 60


def idle_duration_text(seconds: int) -> str:
    minutes = seconds // 60
    if minutes % 60 == 0:
        hours = minutes // 60
        return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


class IdleSessionMiddleware:
    """Ends a logged-in session after ``settings.STAFF_IDLE_TIMEOUT`` seconds without a request.

    Only sessions with a logged-in user (staff, provider contacts, administrators) are
    affected; public visitors' sessions carry no timestamp and are left alone. allauth's
    "remember me" only decides whether the cookie survives closing the browser; the idle
    period applies either way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(IDLE_SESSION_KEY)
            if last is not None and now - last > settings.STAFF_IDLE_TIMEOUT:
                logout(request)
                messages.info(
                    request,
                    _("You were logged out after %(duration)s without activity.")
                    % {"duration": idle_duration_text(settings.STAFF_IDLE_TIMEOUT)},
                )
            elif last is None or now - last >= IDLE_REFRESH_SECONDS:
                request.session[IDLE_SESSION_KEY] = now
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """While the database is unreachable, a view answers 503 with Retry-After and the portal's
    maintenance page instead of a 500 (or, with DEBUG, Django's technical page).

    Exceptions raised by other middleware never reach ``process_exception``; ``handler500``
    (portal.views.errors.server_error) gives them the same answer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from portal.views.errors import database_unavailable, logger, service_unavailable

        if database_unavailable(exception):
            logger.warning(
                "Database unavailable: %s %s (%s)", request.method, request.path, exception
            )
            return service_unavailable()
        return None
