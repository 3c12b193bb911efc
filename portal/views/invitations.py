"""Accepting an invitation to a region's staff."""

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal import services
from portal.forms import AcceptInvitationForm
from portal.models import Invitation, User


@never_cache  # a personal link
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = Invitation.objects.select_related("region").filter(token=token).first()
    if invitation is None or not invitation.is_usable:
        return render(request, "portal/invitation_invalid.html", status=404)
    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None:
        # Someone who already has an account confirms while logged in as that account.
        if not request.user.is_authenticated:
            messages.info(
                request,
                _("Please log in with %(email)s to accept the invitation.")
                % {"email": invitation.email},
            )
            return redirect(f"/accounts/login/?next={request.path}")
        if request.method == "POST":
            try:
                services.invitation_accept(token=token, user=request.user)
            except services.InvitationError as exc:
                messages.error(request, str(exc))
                return redirect("portal_staff:home")
            return redirect("portal_staff:dashboard", region=invitation.region.slug)
        return render(request, "portal/invitation_confirm.html", {"invitation": invitation})
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.invitation_accept(
                token=token,
                password=form.cleaned_data["password1"],
                full_name=form.cleaned_data["full_name"],
            )
        except services.InvitationError as exc:
            form.add_error(None, str(exc))
        else:
            login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome! Please set up your second factor now."))
            return redirect("portal_staff:dashboard", region=invitation.region.slug)
    return render(
        request,
        "portal/invitation_accept.html",
        {"invitation": invitation, "form": form},
        status=400 if form.errors else 200,
    )
