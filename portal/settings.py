"""Django settings. Every value that differs between machines comes from ``portal.env``."""

import base64
import hashlib
from pathlib import Path
from urllib.parse import quote

import dj_database_url
from csp.constants import NONE, SELF
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

from portal import env

BASE_DIR = Path(__file__).resolve().parent.parent
PRODUCTION = env.PRODUCTION

SECRET_KEY = env.secret_key()
DEBUG = env.boolean("DEBUG", not PRODUCTION)
ALLOWED_HOSTS = env.string_list(
    "ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"], required_in_production=True
)
CSRF_TRUSTED_ORIGINS = env.string_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env.string("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "portal",
    "networks",
    "conferences",
    "offers",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "csp",
    # Deletes a stored file when its row is deleted or the file replaced (after the commit).
    "django_cleanup.apps.CleanupConfig",
    "procrastinate.contrib.django",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # 304 Not Modified for a request whose If-None-Match/If-Modified-Since still holds.
    "django.middleware.http.ConditionalGetMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LanguageMiddleware",
    # Anonymous public pages from the shared cache: below the language (part of the key),
    # above sessions, CSRF and authentication, which a cached page does not need.
    "portal.lib.pagecache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.middleware.IdleSessionMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so it sees the views' exceptions first: a database outage answers 503, not 500.
    "portal.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
            ],
        },
    },
]

# The embedded cluster that `make run`/`make test` start listens on a socket in the checkout.
_EMBEDDED_DB = f"postgres://postgres@{quote(str(BASE_DIR / '.pgdata' / 'run'), safe='')}/portal"
DATABASES = {
    "default": dj_database_url.parse(
        env.string("DATABASE_URL", _EMBEDDED_DB, required_in_production=True),
        conn_max_age=env.integer("DB_CONN_MAX_AGE", 60),
        # A SELECT 1 per request that survives database restarts; off saves a round trip.
        conn_health_checks=env.boolean("DB_CONN_HEALTH_CHECKS", True),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A database cache is shared by every web and worker process (rate limits, allauth).
# REDIS_URL moves it to Redis (needs the ``redis`` package; docs/operations.md).
_REDIS_URL = env.string("REDIS_URL", "")
CACHES: dict[str, dict[str, object]] = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _REDIS_URL}
    if _REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_cache",
        # Rendered pages: every address in every language (Django's default of 300 would cull
        # a third of them again and again).
        "OPTIONS": {"MAX_ENTRIES": 50_000},
    }
}

# Rendered public pages in that cache (portal.lib.pagecache): exact, since the key holds the
# content version, so the time limit only bounds what depends on the clock ("upcoming").
# 0 switches the page cache off.
PAGE_CACHE_SECONDS = env.integer("PAGE_CACHE_SECONDS", 60)
# s-maxage of public pages: how long a reverse proxy may answer without asking (0: it asks
# every time; seats and other figures are then exact at the proxy too). docs/operations.md.
PROXY_CACHE_SECONDS = env.integer("PROXY_CACHE_SECONDS", 0)

AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal_staff:home"

# --- allauth -------------------------------------------------------------------------------
ACCOUNT_ADAPTER = "portal.accounts.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "login": "30/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Integrationsportal"
# Accept the code of the previous 30-second step too (RFC 6238 drift allowance): a code typed
# just before the step changes still works. allauth's default of 0 rejected such logins.
MFA_TOTP_TOLERANCE = 1
# Encryption at rest of TOTP secrets and recovery codes, replay guard: see portal/mfa.py.
MFA_ADAPTER = "portal.mfa.MFAAdapter"
MFA_FORMS = {
    "authenticate": "portal.mfa.AuthenticateForm",
    "reauthenticate": "portal.mfa.ReauthenticateForm",
    "activate_totp": "portal.mfa.ActivateTOTPForm",
}
# Fernet keys, newest first (docs/operations.md: generating and rotating). Development derives
# one from the development SECRET_KEY, so it needs no configuration.
MFA_ENCRYPTION_KEYS = env.fernet_keys(
    "MFA_ENCRYPTION_KEYS",
    development_default=base64.urlsafe_b64encode(
        hashlib.sha256(f"mfa-encryption:{SECRET_KEY}".encode()).digest()
    ).decode(),
)
# Staff pages require a second factor; `make run` relaxes this for local trials only.
STAFF_REQUIRE_MFA = env.boolean("STAFF_REQUIRE_MFA", True)

# --- i18n ----------------------------------------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("uk", _("Ukrainian")),
    ("fa", _("Persian")),
    ("tr", _("Turkish")),
    ("ru", _("Russian")),
    ("ti", _("Tigrinya")),
]
# Django knows no Tigrinya: without an entry, get_language_info("ti") fails and the switcher
# could not name it. Arabic is named as Arabic sites write it (Django's entry adds a shadda).
# Right-to-left languages are Django's LANGUAGES_BIDI (Arabic and Persian among them).
LANG_INFO.update(
    {
        "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
        "ar": {**LANG_INFO["ar"], "name_local": "العربية"},
    }
)
# One catalogue per app (see portal/management/commands/messages.py).
LOCALE_PATHS = [
    BASE_DIR / app / "locale" for app in ("portal", "networks", "conferences", "offers")
]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# Machine translation of content (portal.translations.machine): none unless the operator
# names a provider; then only regions that switch it on send their German texts to it.
MACHINE_TRANSLATION = {
    "provider": env.string("MACHINE_TRANSLATION_PROVIDER", ""),  # "libretranslate" or "deepl"
    "url": env.string("MACHINE_TRANSLATION_URL", ""),
    "api_key": env.string("MACHINE_TRANSLATION_API_KEY", ""),
}

# --- static and media ----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.string("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed files after `collectstatic` (production and `make run`).
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env.boolean("STATIC_MANIFEST", PRODUCTION)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Private files: every download goes through a view that checks access; in production the web
# server sends the file after the check (PRIVATE_FILES_SERVER=nginx: X-Accel-Redirect to the
# internal location /protected-media/, =apache: X-Sendfile). See docs/operations.md.
_PRIVATE_FILES_BACKENDS = {
    "django": "django_sendfile.backends.simple",
    "nginx": "django_sendfile.backends.nginx",
    "apache": "django_sendfile.backends.xsendfile",
}
SENDFILE_BACKEND = _PRIVATE_FILES_BACKENDS[env.string("PRIVATE_FILES_SERVER", "django")]
SENDFILE_ROOT = str(MEDIA_ROOT)
SENDFILE_URL = "/protected-media"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# Widgets render through TEMPLATES, so templates/django/forms/ can say "Please choose" where
# Django shows "---------".
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- mail ----------------------------------------------------------------------------------
EMAIL_BACKEND = env.string(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env.string("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.string("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.string("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.boolean("EMAIL_USE_TLS", False)
# Seconds to wait for the relay: one that accepts connections but never answers must not block
# the worker (and every queue with it). A timeout is a failed attempt, retried with back-off.
EMAIL_TIMEOUT = env.integer("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env.string("DEFAULT_FROM_EMAIL", "Integrationsportal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- background jobs (procrastinate) ------------------------------------------------------
# Workers write a heartbeat; jobs of a worker silent for JOB_STALLED_AFTER_SECONDS are put back
# in the queue by ``portal.retry_stalled_jobs``, which runs every JOB_STALLED_CHECK_SECONDS.
WORKER_HEARTBEAT_SECONDS = env.integer("WORKER_HEARTBEAT_SECONDS", 10)
JOB_STALLED_AFTER_SECONDS = env.integer("JOB_STALLED_AFTER_SECONDS", 30)
JOB_STALLED_CHECK_SECONDS = env.integer("JOB_STALLED_CHECK_SECONDS", 15)
PROCRASTINATE_WORKER_DEFAULTS = {
    "update_heartbeat_interval": WORKER_HEARTBEAT_SECONDS,
    "stalled_worker_timeout": JOB_STALLED_AFTER_SECONDS,
}

# --- public forms --------------------------------------------------------------------------
# Submissions per client and minute for each public form; the benchmark sets 0 (= no limit).
PUBLIC_FORM_RATE_LIMIT = env.integer("PUBLIC_FORM_RATE_LIMIT", 60)

# --- security ------------------------------------------------------------------------------
# A logged-in session ends after this long without a request (public visitors have no login).
STAFF_IDLE_TIMEOUT = 60 * env.integer("STAFF_IDLE_TIMEOUT_MINUTES", 120, minimum=5, maximum=24 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# No script, style or frame but our own files: no inline code, no eval, no framing. The offer
# map adds the county's tile server to img-src on its page (offers.views.public).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # data: for Leaflet's and Bootstrap's inline SVG icons and allauth's TOTP QR code.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "frame-src": [NONE],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
# Features no page of the portal uses are switched off for it and anything it embeds.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.string("LOG_LEVEL", "INFO")},
    "loggers": {
        "procrastinate": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
