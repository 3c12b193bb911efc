"""Public pages: the offer search, offer and provider pages, suggestions, open data."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from networks.models import IntegrationConcept, Organisation, Person
from offers.forms import (
    NewOfferSuggestionForm,
    OfferCorrectionForm,
    ProviderSuggestionForm,
    SearchForm,
)
from offers.models import Offer, OfferPlace
from offers.selectors import opendata
from offers.selectors.search import search_offers
from offers.services import changes
from portal.access import public_view
from portal.forms import model_data
from portal.lib import ratelimit
from portal.lib.exports import csv_response
from portal.models import FieldOfAction, Municipality, Region
from portal.translations import prefetch_texts

# The orders offered besides the default ("Best match": by relevance when words were typed,
# newest first otherwise). "relevance" stays valid in links but is not offered twice.
SORT_OPTIONS = {"newest": gettext_lazy("Newest first"), "title": gettext_lazy("Title (A to Z)")}


@public_view
@vary_on_headers("HX-Request")
def offer_search(request: HttpRequest, region: Region) -> HttpResponse:
    fields = list(FieldOfAction.objects.in_region(region))
    municipalities = list(Municipality.objects.in_region(region))
    form = SearchForm(request.GET)
    result = search_offers(region, form.params(), fields=fields, municipalities=municipalities)
    prefetch_texts(result.offers, get_language(), region=region)
    context = {
        "region": region,
        "result": result,
        "params": result.params,
        "sorts": SORT_OPTIONS,
        "map_tile_url": region.map_tile_url,
    }
    if request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request"):
        return render(request, "offers/includes/offers_results.html", context)
    response = render(request, "offers/offer_search.html", context)
    origin = _tile_origin(region.map_tile_url)
    if origin:
        # The map (also when htmx switches to it later) loads the county's own tiles: the
        # Content-Security-Policy of this page admits images from that server, no other.
        response._csp_update = {"img-src": [origin]}  # type: ignore[attr-defined]
    return response


def _tile_origin(url: str) -> str:
    """The origin of a tile URL template for CSP ("{s}.tiles.example" becomes "*.tiles...")."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""  # empty, or on our own host: 'self' covers it
    return f"{parts.scheme}://{re.sub(r'{[^}]*}', '*', parts.netloc)}"


def _public_offer(region_obj, pk: int) -> Offer:
    return get_object_or_404(
        Offer.objects.published()
        .in_region(region_obj)
        .select_related("provider", "region", "contact_person")
        .prefetch_related("fields_of_action", "places__municipality"),
        pk=pk,
    )


@public_view
def offer_detail(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    offer = _public_offer(region, pk)
    contact = offer.contact_person
    if contact and not Person.objects.listed_publicly().filter(pk=contact.pk).exists():
        contact = None
    # Measures of the integration concept this offer implements, in versions the public
    # may read (drafts stay internal).
    measures = (
        offer.measures.exclude(concept__status=IntegrationConcept.Status.DRAFT)
        .select_related("concept")
        .order_by("-concept__version", "order", "id")
    )
    prefetch_texts([offer, *offer.fields_of_action.all()], get_language(), region=region)
    context = {
        "region": region,
        "offer": offer,
        "contact": contact,
        "measures": measures,
        "jsonld": opendata.offer_jsonld(offer, get_language()),
        "print": request.resolver_match is not None
        and request.resolver_match.url_name == "offer_print",
    }
    template = "offers/offer_print.html" if context["print"] else "offers/offer_detail.html"
    return render(request, template, context)


PROVIDERS_PER_PAGE = 60


@public_view
def provider_list(request: HttpRequest, region: Region) -> HttpResponse:
    # get_page() answers the last or first page for a number out of range or not a number.
    page = Paginator(opendata.public_providers(region), PROVIDERS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "offers/provider_list.html",
        {"region": region, "providers": page.object_list, "page": page},
    )


def _public_provider(region_obj, slug: str) -> Organisation:
    return get_object_or_404(
        Organisation.objects.in_region(region_obj).public().select_related("municipality"),
        slug=slug,
    )


@public_view
def provider_detail(request: HttpRequest, region: Region, slug: str) -> HttpResponse:
    organisation = _public_provider(region, slug)
    offers = (
        Offer.objects.published()
        .filter(provider=organisation)
        .prefetch_related("places__municipality", "fields_of_action")
        .select_related("region", "provider")
    )
    prefetch_texts(offers, get_language(), region=region)
    places: dict[str, OfferPlace] = {}
    for offer in offers:
        for place in offer.places.all():
            places.setdefault(str(place), place)
    context = {
        "region": region,
        "organisation": organisation,
        "offers": offers,
        "places": list(places.values()),
        "persons": Person.objects.listed_publicly().filter(organisation=organisation),
    }
    return render(request, "offers/provider_detail.html", context)


# --- suggestions -----------------------------------------------------------------------------


def _rate_limited(request, form) -> bool:
    if request.method == "POST" and not ratelimit.hit("offers-suggestion", request):
        form.add_error(None, ratelimit.MESSAGE)
        return True
    return False


def _suggestion_page(request, template: str, context: dict, *, limited: bool) -> HttpResponse:
    response = render(request, template, context, status=400 if context["form"].errors else 200)
    return ratelimit.too_many(response) if limited else response


@public_view
@require_http_methods(["GET", "POST"])
def offer_suggest_change(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    offer = _public_offer(region, pk)
    form = OfferCorrectionForm(request.POST or None, offer=offer)
    limited = _rate_limited(request, form)
    if request.method == "POST" and not limited and form.is_valid():
        changes.suggest_offer_correction(
            offer=offer,
            wrong=form.cleaned_data["wrong"],
            right=form.cleaned_data["right"],
            corrections=form.corrections(),
            submitter_name=form.cleaned_data["submitter_name"],
            submitter_email=form.cleaned_data["submitter_email"],
        )
        messages.success(request, _("Thank you. The coordination office will check it."))
        return redirect(offer.get_absolute_url())
    context = {
        "region": region,
        "offer": offer,
        "form": form,
        "title": _("Suggest a change"),
        "intro": _(
            "Tell us in your own words what is no longer right. The coordination office "
            "checks it and corrects the offer."
        ),
    }
    return _suggestion_page(request, "offers/suggest_correction.html", context, limited=limited)


@public_view
@require_http_methods(["GET", "POST"])
def provider_suggest_change(request: HttpRequest, region: Region, slug: str) -> HttpResponse:
    organisation = _public_provider(region, slug)
    form = ProviderSuggestionForm(request.POST or None, instance=organisation)
    limited = _rate_limited(request, form)
    if request.method == "POST" and not limited and form.is_valid():
        created = changes.suggest_provider_change(
            organisation=organisation,
            changes=model_data(form),
            message=form.cleaned_data.get("message", ""),
            submitter_name=form.cleaned_data.get("submitter_name", ""),
            submitter_email=form.cleaned_data.get("submitter_email", ""),
        )
        if created is None:
            form.add_error(None, _("You have not changed anything or written a message."))
        else:
            messages.success(request, _("Thank you. The coordination office will check it."))
            return redirect("offers:provider_detail", region=region.slug, slug=slug)
    context = {
        "region": region,
        "organisation": organisation,
        "form": form,
        "title": _("Suggest a change"),
        "subject": organisation.name,
        "intro": _(
            "Correct what is out of date. The coordination office checks every suggestion "
            "before it appears."
        ),
    }
    return _suggestion_page(request, "offers/suggest.html", context, limited=limited)


@public_view
@require_http_methods(["GET", "POST"])
def offer_suggest_new(request: HttpRequest, region: Region) -> HttpResponse:
    form = NewOfferSuggestionForm(request.POST or None, region=region)
    limited = _rate_limited(request, form)
    if request.method == "POST" and not limited and form.is_valid():
        changes.suggest_new_offer(
            region=region,
            values=form.cleaned_data,
            message=form.cleaned_data.get("message", ""),
            submitter_name=form.cleaned_data.get("submitter_name", ""),
            submitter_email=form.cleaned_data.get("submitter_email", ""),
        )
        messages.success(
            request, _("Thank you. The coordination office will check your suggestion.")
        )
        return redirect("offers:offer_search", region=region.slug)
    context = {
        "region": region,
        "form": form,
        "title": _("Suggest a new offer"),
        "intro": _(
            "Do you know an offer that is missing? Tell us about it. The coordination office "
            "checks every suggestion before it appears."
        ),
    }
    return _suggestion_page(request, "offers/suggest.html", context, limited=limited)


# --- open data ---------------------------------------------------------------------------------


@public_view
def open_data(request: HttpRequest, region: Region) -> HttpResponse:
    context = {
        "region": region,
        "offer_columns": opendata.OFFER_COLUMNS,
        "provider_columns": opendata.PROVIDER_COLUMNS,
    }
    return render(request, "offers/open_data.html", context)


@public_view
def data_file(request: HttpRequest, region: Region, dataset: str, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "json"):
        raise Http404
    records: list[opendata.OfferRecord] | list[opendata.ProviderRecord]
    if dataset == "offers":
        offers = opendata.offer_records(opendata.public_offers(region))
        records, columns = offers, opendata.OFFER_COLUMNS
        rows = (opendata.offer_csv_row(r) for r in offers)
    elif dataset == "providers":
        providers = [opendata.provider_record(o) for o in opendata.public_providers(region)]
        records, columns = providers, opendata.PROVIDER_COLUMNS
        rows = (opendata.provider_csv_row(r) for r in providers)
    else:
        raise Http404
    filename = f"{region.slug}-{dataset}"
    if fmt == "csv":
        return csv_response(filename, [key for key, _ in columns], rows)
    payload = {"region": region.name, "format_version": 1, dataset: records}
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'inline; filename="{filename}.json"'
    return response
