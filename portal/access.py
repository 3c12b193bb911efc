"""Access to the back-office: the region comes from the URL, the right from a membership.

Every staff view is decorated with ``staff_view(capability)``. It answers
- a login redirect to anonymous visitors,
- the second-factor set-up to staff without TOTP (when ``STAFF_REQUIRE_MFA``),
- 404 for a region the user has no membership in (we do not even confirm it exists),
- 403 when the membership lacks the capability (e.g. event staff on content pages),
and sets ``request.region`` and ``request.membership`` for the view.

Every public page of a region is decorated with ``public_view``, which only looks it up.
"""

from __future__ import annotations

from functools import wraps
from typing import cast

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404, redirect

from portal.models import Membership, Region, Role, User
from portal.models.accounts import CAPABILITIES

MANAGE_REGION = "manage_region"
MANAGE_CONTENT = "manage_content"
MANAGE_REGISTRATIONS = "manage_registrations"


class RegionRequest(HttpRequest):
    """The request of a region's page: ``public_view`` and ``staff_view`` set ``region``.

    For type hints only (``def page(request: RegionRequest, region: Region)``); the object is
    Django's own request.
    """

    region: Region


class StaffRequest(RegionRequest):
    """The request of a back-office page: a logged-in user with a membership in the region."""

    user: User  # staff_view lets no anonymous visitor through
    membership: Membership


def set_page_region(request: HttpRequest, region: Region) -> None:
    """The page belongs to ``region``: the footer links to the region's legal pages."""
    cast(RegionRequest, request).region = region


def public_view(view):
    """A public page of a region (``/<region>/...``): the view gets the ``Region`` in place of
    the slug, 404 for an unknown one, and ``request.region`` is set (the footer links to the
    region's legal pages). Pages that exist with and without a region get ``None``. Hot pages
    that fetch the region together with their object in one query (an event, a concept's PDF)
    take the slug instead."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, region: str | None = None, **kwargs):
        region_obj = None
        if region is not None:
            region_obj = get_object_or_404(Region, slug=region)
            set_page_region(request, region_obj)
        return view(request, *args, region=region_obj, **kwargs)

    return wrapper


def has_second_factor(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def resolve_membership(user, region_slug: str):
    """The region and the user's membership in it, or Http404."""
    if user.is_superuser:
        region = Region.objects.filter(slug=region_slug).first()
        if region is None:
            raise Http404
        return region, Membership(user=user, region=region, role=Role.COORDINATOR)
    membership = (
        Membership.objects.select_related("region")
        .filter(user=user, region__slug=region_slug)
        .first()
    )
    if membership is None:
        raise Http404
    return membership.region, membership


def staff_view(capability: str = MANAGE_CONTENT):
    assert any(capability in caps for caps in CAPABILITIES.values()), capability

    def decorator(view):
        @wraps(view)
        def wrapper(request, region: str, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            region_obj, membership = resolve_membership(user, region)
            if settings.STAFF_REQUIRE_MFA and not has_second_factor(user):
                return redirect("mfa_activate_totp")
            if not membership.can(capability):
                raise PermissionDenied
            staff_request = cast(StaffRequest, request)
            staff_request.region = region_obj
            staff_request.membership = membership
            return view(request, *args, region=region_obj, **kwargs)

        wrapper.staff_capability = capability  # read by the permission-matrix test
        return wrapper

    return decorator
