"""Project URLs. Fixed top-level routes come first; region pages live at /<region>/."""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.i18n import set_language

from portal.sitemaps import SITEMAPS
from portal.views.ops import health, ping

urlpatterns = [
    path("health/", health, name="health"),
    path("health/ping/", ping, name="ping"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("staff/", include("portal.urls_staff")),
    path("staff/", include("conferences.urls_staff")),
    path("staff/", include("networks.urls_staff")),
    path("staff/", include("offers.urls_staff")),
    path("", include("conferences.urls")),
    path("", include("networks.urls")),
    path("", include("offers.urls")),
    path("", include("portal.urls_public")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
