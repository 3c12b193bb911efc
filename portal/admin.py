from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from portal import services
from portal.admin_site import PlatformAdmin
from portal.models import (
    BarrierReport,
    FieldOfAction,
    Invitation,
    Membership,
    Municipality,
    OutgoingMail,
    Region,
    RegionContact,
    RegionStatistic,
    TeamMember,
    User,
)


class ContactInline(admin.TabularInline):
    model = RegionContact
    extra = 0


class TeamInline(admin.TabularInline):
    model = TeamMember
    extra = 0


class StatisticInline(admin.TabularInline):
    model = RegionStatistic
    extra = 0


@admin.register(Region)
class RegionAdmin(PlatformAdmin):
    list_display = ["name", "slug", "county_key", "office_name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ContactInline, TeamInline, StatisticInline]
    # The region's own staff choose these on the back-office's translations page.
    exclude = ["translation_languages", "outdated_translations", "machine_translation"]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        # New regions start from the default catalogue of fields of action.
        fields = {
            f: getattr(obj, f)
            for f in form.cleaned_data
            if f not in {"name", "slug", "county_key", "office_name"}
        }
        created = services.region_create(
            name=obj.name,
            slug=obj.slug,
            county_key=obj.county_key,
            office_name=obj.office_name,
            **fields,
        )
        obj.pk = created.pk
        obj._state.adding = False


@admin.register(Municipality)
class MunicipalityAdmin(PlatformAdmin):
    list_display = ["name", "region", "kind"]
    list_filter = ["region"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(FieldOfAction)
class FieldOfActionAdmin(PlatformAdmin):
    list_display = ["name", "region", "order"]
    list_filter = ["region"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Membership)
class MembershipAdmin(PlatformAdmin):
    list_display = ["user", "region", "role"]
    list_filter = ["region", "role"]


@admin.register(Invitation)
class InvitationAdmin(PlatformAdmin):
    list_display = ["email", "region", "role", "created_at", "accepted_at"]


@admin.register(BarrierReport)
class BarrierReportAdmin(PlatformAdmin):
    list_display = ["created_at", "region", "status", "page_url"]


@admin.register(OutgoingMail)
class OutgoingMailAdmin(PlatformAdmin):
    list_display = ["created_at", "to", "subject", "status", "attempts"]
    list_filter = ["status"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_superuser"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password", "full_name", "language"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser"]}),
    ]
    add_fieldsets = [(None, {"fields": ["email", "password1", "password2"]})]
