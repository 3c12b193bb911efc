from django.contrib import admin

from conferences.models import Event, Venue
from portal.admin_site import PlatformAdmin

# Staff work in the back-office (/staff/); the admin is for platform administrators only.


@admin.register(Event)
class EventAdmin(PlatformAdmin):
    list_display = ["title", "region", "kind", "status"]
    list_filter = ["region", "kind", "status"]
    search_fields = ["title"]


@admin.register(Venue)
class VenueAdmin(PlatformAdmin):
    list_display = ["name", "city", "region"]
    list_filter = ["region"]
