"""Provider self-service: contacts of an organisation keep its offers current.

Provider contacts log in with a code sent by e-mail (allauth). They see only the organisations
they are a contact for; any other offer answers 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from networks.models import Organisation
from offers.forms import OfferChangeForm, places_formset
from offers.models import ChangeRequest, Offer, ProviderContact
from offers.services import changes
from portal.forms import model_data


def _organisations(user):
    contacts = ProviderContact.objects.active().filter(user=user)
    return Organisation.objects.filter(pk__in=contacts.values("organisation_id")).select_related(
        "region"
    )


def _result_message(request, result: str) -> None:
    if result == "pending":
        messages.success(
            request,
            _("Thank you. Your changes will appear once the coordination office approved them."),
        )
    elif result == "applied":
        messages.success(request, _("Saved. Your changes are online."))
    else:
        messages.info(request, _("Nothing was changed."))


@login_required
def home(request: HttpRequest) -> HttpResponse:
    organisations = list(_organisations(request.user))
    if not organisations:
        raise Http404
    offers = (
        Offer.objects.filter(provider__in=organisations)
        .exclude(status=Offer.Status.ARCHIVED)
        .select_related("provider", "region")
        .order_by("provider__name", "title")
    )
    pending = ChangeRequest.objects.pending().filter(
        organisation__in=organisations, source=ChangeRequest.Source.PROVIDER
    )
    context = {"organisations": organisations, "offers": offers, "pending": pending}
    return render(request, "offers/provider/home.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_object_or_404(
        Offer.objects.filter(provider__in=_organisations(request.user)).select_related("region"),
        pk=pk,
    )
    form = OfferChangeForm(request.POST or None, instance=offer, region=offer.region)
    places = places_formset(request, offer)
    if request.method == "POST" and form.is_valid() and places.is_valid():
        result = changes.provider_offer_update(
            offer=offer,
            values=model_data(form),
            places=places.proposed_places(),
            user=request.user,
            source=ChangeRequest.Source.PROVIDER,
        )
        _result_message(request, result)
        return redirect("offers:provider_home")
    status = 400 if request.method == "POST" else 200
    context = {"offer": offer, "form": form, "places": places, "region": offer.region}
    return render(request, "offers/provider/offer_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def offer_new(request: HttpRequest, organisation_pk: int) -> HttpResponse:
    organisation = get_object_or_404(_organisations(request.user), pk=organisation_pk)
    form = OfferChangeForm(request.POST or None, region=organisation.region)
    places = places_formset(request, Offer(region=organisation.region))
    if request.method == "POST" and form.is_valid() and places.is_valid():
        result = changes.provider_offer_create(
            organisation=organisation,
            values=model_data(form),
            places=places.proposed_places(),
            user=request.user,
        )
        _result_message(request, result)
        return redirect("offers:provider_home")
    status = 400 if request.method == "POST" else 200
    context = {
        "organisation": organisation,
        "form": form,
        "places": places,
        "region": organisation.region,
    }
    return render(request, "offers/provider/offer_form.html", context, status=status)
