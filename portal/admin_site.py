"""The Django admin: a tool for platform administrators (superusers) only.

County staff do everything in the back-office (/staff/), which is scoped by region in every
view. The admin is not: simple-history's history views, the membership form and the user list
ignore regions. So nobody but a superuser gets in at all, whatever ``is_staff`` says.
"""

from __future__ import annotations

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin


def is_platform_admin(user) -> bool:
    return user.is_active and user.is_superuser


class PlatformAdmin(SimpleHistoryAdmin):
    """Base of every ModelAdmin: superusers only, with the change history of each row."""

    def has_module_permission(self, request):
        return is_platform_admin(request.user)

    def has_view_permission(self, request, obj=None):
        return is_platform_admin(request.user)

    def has_change_permission(self, request, obj=None):
        return is_platform_admin(request.user)

    def has_add_permission(self, request):
        return is_platform_admin(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_platform_admin(request.user)


admin.site.site_header = "Integrationsportal"

# The admin's own password form would skip the second factor: log in through allauth instead.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]


def _has_permission(request) -> bool:
    from portal.access import has_second_factor

    user = request.user
    if not is_platform_admin(user):
        return False
    return not settings.STAFF_REQUIRE_MFA or has_second_factor(user)


admin.site.has_permission = _has_permission  # type: ignore[method-assign]
