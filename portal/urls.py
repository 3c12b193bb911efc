"""Project URLs. Fixed top-level routes come first; region pages live at /<region>/.

The apps' URLconfs come from ``portal.hooks`` (``PUBLIC_URLS``, ``STAFF_URLS``): Django imports
this module after every ``AppConfig.ready()`` ran, so the list is complete here.
"""

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from portal import hooks
from portal.views.ops import health, ping
from portal.views.sitemap import sitemap_xml

handler500 = "portal.views.errors.server_error"

urlpatterns = [
    path("health/", health, name="health"),
    path("health/ping/", ping, name="ping"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("staff/", include("portal.urls_staff")),
    *[path("staff/", include(urlconf)) for urlconf in hooks.get(hooks.STAFF_URLS)],
    *[path("", include(urlconf)) for urlconf in hooks.get(hooks.PUBLIC_URLS)],
    path("", include("portal.urls_public")),
]
# Nothing under /media/ is served, not even with DEBUG: files leave through views that check
# access (portal.lib.responses.stored_file_response).
