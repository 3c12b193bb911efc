"""The update round's personal link: confirm, edit or archive each offer without logging in."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from offers.forms import OfferChangeForm, places_formset
from offers.models import Offer, OfferConfirmation
from offers.services import rounds
from portal.forms import model_data


def _load(request: HttpRequest, token: str):
    try:
        return rounds.load_request(token), None
    except rounds.UpdateLinkExpired:
        reason = "expired"
    except rounds.UpdateLinkInvalid:
        reason = "invalid"
    response = render(
        request,
        "offers/update/link_invalid.html",
        {"reason": reason},
        status=410 if reason == "expired" else 404,
    )
    return None, response


# A provider's personal link: never kept by a proxy or the browser's cache (private, no-store).
@never_cache
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    update_request, error = _load(request, token)
    if error:
        return error
    update_round = update_request.round
    offers = rounds.round_offers(update_round, update_request.organisation).order_by("title")
    if request.method == "POST":
        offer_id = request.POST.get("offer", "")
        if not offer_id.isdigit():  # a tampered form: no such offer, nothing changes
            raise Http404
        offer = get_object_or_404(offers, pk=int(offer_id))
        action = request.POST.get("action")
        if action == "confirm" and offer.status == Offer.Status.PUBLISHED:
            rounds.answer_confirm(update_request=update_request, offer=offer)
            messages.success(
                request, _("Thank you: “%(title)s” is confirmed.") % {"title": offer.title}
            )
        elif action == "archive" and offer.status == Offer.Status.PUBLISHED:
            rounds.answer_archive(update_request=update_request, offer=offer)
            messages.success(request, _("“%(title)s” was archived.") % {"title": offer.title})
        else:
            messages.error(request, _("This action is not possible."))
        return redirect("offers:update_answer", token=token)
    if update_request.opened_at is None:
        update_request.opened_at = timezone.now()
        update_request.save(update_fields=["opened_at"])
    answers = dict(
        OfferConfirmation.objects.filter(round=update_round, offer__in=offers).values_list(
            "offer_id", "outcome"
        )
    )
    rows = [(offer, answers.get(offer.pk, "")) for offer in offers]
    context = {
        "update_request": update_request,
        "round": update_round,
        "region": update_round.region,
        "rows": rows,
        "token": token,
        "outcomes": dict(OfferConfirmation.Outcome.choices),
    }
    return render(request, "offers/update/answer.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def offer_edit(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    update_request, error = _load(request, token)
    if error:
        return error
    offers = rounds.round_offers(update_request.round, update_request.organisation).filter(
        status=Offer.Status.PUBLISHED
    )
    offer = get_object_or_404(offers.select_related("region"), pk=pk)
    form = OfferChangeForm(request.POST or None, instance=offer, region=offer.region)
    places = places_formset(request, offer)
    if request.method == "POST" and form.is_valid() and places.is_valid():
        result = rounds.answer_change(
            update_request=update_request,
            offer=offer,
            values=model_data(form),
            places=places.proposed_places(),
        )
        if result == "pending":
            messages.success(
                request, _("Thank you. The coordination office will check your changes.")
            )
        else:
            messages.success(request, _("Thank you. The offer is up to date."))
        return redirect("offers:update_answer", token=token)
    status = 400 if request.method == "POST" else 200
    context = {
        "offer": offer,
        "form": form,
        "places": places,
        "region": offer.region,
        "token": token,
        "round": update_request.round,
    }
    return render(request, "offers/update/offer_form.html", context, status=status)
