"""The Django admin, scoped: staff see and edit only rows of regions they belong to."""

from __future__ import annotations

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from portal.models import Membership, Region, Role


def admin_regions(user):
    return Region.objects.for_user(user)


def _can_manage(user) -> bool:
    if user.is_superuser:
        return True
    return (
        user.is_active
        and user.is_staff
        and Membership.objects.filter(user=user, role__in=[Role.COORDINATOR, Role.EDITOR]).exists()
    )


class RegionScopedAdmin(SimpleHistoryAdmin):
    """Use for every model with a path to a region (``region_lookup``)."""

    region_lookup = "region"

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return qs.filter(**{f"{self.region_lookup}__in": admin_regions(request.user)})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not request.user.is_superuser:
            if db_field.related_model is Region:
                kwargs["queryset"] = admin_regions(request.user)
            elif hasattr(db_field.related_model.objects, "in_region"):
                kwargs["queryset"] = db_field.related_model.objects.filter(
                    region__in=admin_regions(request.user)
                )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if not request.user.is_superuser and hasattr(db_field.related_model.objects, "in_region"):
            kwargs["queryset"] = db_field.related_model.objects.filter(
                region__in=admin_regions(request.user)
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_module_permission(self, request):
        return _can_manage(request.user)

    def has_view_permission(self, request, obj=None):
        return _can_manage(request.user)

    def has_change_permission(self, request, obj=None):
        return _can_manage(request.user)

    def has_add_permission(self, request):
        return _can_manage(request.user)

    def has_delete_permission(self, request, obj=None):
        return _can_manage(request.user)


admin.site.site_header = "Integrationsportal"

# The admin's own password form would skip the second factor: log in through allauth instead.
admin.site.login = secure_admin_login(admin.site.login)
_admin_has_permission = admin.site.has_permission


def _has_permission_with_second_factor(request) -> bool:
    from portal.access import has_second_factor

    if not _admin_has_permission(request):
        return False
    return not settings.STAFF_REQUIRE_MFA or has_second_factor(request.user)


admin.site.has_permission = _has_permission_with_second_factor
