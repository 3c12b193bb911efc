from django.contrib import admin

from conferences.models import Event, Venue
from portal.admin_scoping import RegionScopedAdmin

# Staff work in the back-office (/staff/); the admin is scoped to the user's regions.


@admin.register(Event)
class EventAdmin(RegionScopedAdmin):
    list_display = ["title", "region", "kind", "status"]
    list_filter = ["region", "kind", "status"]
    search_fields = ["title"]


@admin.register(Venue)
class VenueAdmin(RegionScopedAdmin):
    list_display = ["name", "city", "region"]
    list_filter = ["region"]
