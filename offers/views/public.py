"""Public pages: the offer search, offer and provider pages, suggestions, open data."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from networks.models import IntegrationConcept, Organisation, Person
from offers.forms import (
    NewOfferSuggestionForm,
    OfferSuggestionForm,
    ProviderSuggestionForm,
    SearchForm,
)
from offers.models import ChangeRequest, Offer
from offers.selectors import opendata
from offers.selectors.search import SORTS, search_offers
from offers.services import changes
from portal.access import public_region
from portal.lib import ratelimit
from portal.lib.exports import csv_response
from portal.lib.markdown import render_markdown
from portal.models import FieldOfAction, Municipality


@vary_on_headers("HX-Request")
def offer_search(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = public_region(request, region)
    fields = list(FieldOfAction.objects.in_region(region_obj))
    municipalities = list(Municipality.objects.in_region(region_obj))
    form = SearchForm(request.GET)
    result = search_offers(region_obj, form.params(), fields=fields, municipalities=municipalities)
    context = {
        "region": region_obj,
        "result": result,
        "params": result.params,
        "sorts": SORTS,
        "map_tile_url": region_obj.map_tile_url,
    }
    if request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request"):
        return render(request, "offers/includes/offers_results.html", context)
    return render(request, "offers/offer_search.html", context)


def _public_offer(region_obj, pk: int) -> Offer:
    return get_object_or_404(
        Offer.objects.published()
        .in_region(region_obj)
        .select_related("provider", "region", "contact_person")
        .prefetch_related("fields_of_action", "places__municipality"),
        pk=pk,
    )


def offer_detail(request: HttpRequest, region: str, pk: int) -> HttpResponse:
    region_obj = public_region(request, region)
    offer = _public_offer(region_obj, pk)
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
    context = {
        "region": region_obj,
        "offer": offer,
        "description": render_markdown(offer.description),
        "contact": contact,
        "measures": measures,
        "jsonld": opendata.offer_jsonld(offer),
        "print": request.resolver_match.url_name == "offer_print",
    }
    template = "offers/offer_print.html" if context["print"] else "offers/offer_detail.html"
    return render(request, template, context)


PROVIDERS_PER_PAGE = 60


def provider_list(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = public_region(request, region)
    # get_page() answers the last or first page for a number out of range or not a number.
    page = Paginator(opendata.public_providers(region_obj), PROVIDERS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "offers/provider_list.html",
        {"region": region_obj, "providers": page.object_list, "page": page},
    )


def _public_provider(region_obj, slug: str) -> Organisation:
    return get_object_or_404(
        Organisation.objects.in_region(region_obj).public().select_related("municipality"),
        slug=slug,
    )


def provider_detail(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    region_obj = public_region(request, region)
    organisation = _public_provider(region_obj, slug)
    offers = (
        Offer.objects.published()
        .filter(provider=organisation)
        .prefetch_related("places__municipality", "fields_of_action")
        .select_related("region", "provider")
    )
    places = {}
    for offer in offers:
        for place in offer.places.all():
            places.setdefault(str(place), place)
    context = {
        "region": region_obj,
        "organisation": organisation,
        "offers": offers,
        "places": list(places.values()),
        "persons": Person.objects.listed_publicly().filter(organisation=organisation),
    }
    return render(request, "offers/provider_detail.html", context)


# --- suggestions -----------------------------------------------------------------------------


def _rate_limited(request, form) -> bool:
    if not ratelimit.hit("offers-suggestion", request):
        form.add_error(None, _("Too many submissions. Please wait a minute and try again."))
        return True
    return False


@require_http_methods(["GET", "POST"])
def offer_suggest_change(request: HttpRequest, region: str, pk: int) -> HttpResponse:
    region_obj = public_region(request, region)
    offer = _public_offer(region_obj, pk)
    form = OfferSuggestionForm(request.POST or None, instance=offer, region=region_obj)
    if request.method == "POST" and not _rate_limited(request, form) and form.is_valid():
        created = changes.suggest_offer_change(
            offer=offer, form=form, source=ChangeRequest.Source.PUBLIC
        )
        if created is None:
            form.add_error(None, _("You have not changed anything or written a message."))
        else:
            messages.success(request, _("Thank you. The coordination office will check it."))
            return redirect(offer.get_absolute_url())
    status = 400 if form.errors else 200
    context = {"region": region_obj, "offer": offer, "form": form}
    return render(request, "offers/suggest_change.html", context, status=status)


@require_http_methods(["GET", "POST"])
def provider_suggest_change(request: HttpRequest, region: str, slug: str) -> HttpResponse:
    region_obj = public_region(request, region)
    organisation = _public_provider(region_obj, slug)
    form = ProviderSuggestionForm(request.POST or None, instance=organisation)
    if request.method == "POST" and not _rate_limited(request, form) and form.is_valid():
        created = changes.suggest_provider_change(organisation=organisation, form=form)
        if created is None:
            form.add_error(None, _("You have not changed anything or written a message."))
        else:
            messages.success(request, _("Thank you. The coordination office will check it."))
            return redirect("offers:provider_detail", region=region_obj.slug, slug=slug)
    status = 400 if form.errors else 200
    context = {"region": region_obj, "organisation": organisation, "form": form}
    return render(request, "offers/suggest_change.html", context, status=status)


@require_http_methods(["GET", "POST"])
def offer_suggest_new(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = public_region(request, region)
    form = NewOfferSuggestionForm(request.POST or None, region=region_obj)
    if request.method == "POST" and not _rate_limited(request, form) and form.is_valid():
        changes.suggest_new_offer(region=region_obj, form=form)
        messages.success(
            request, _("Thank you. The coordination office will check your suggestion.")
        )
        return redirect("offers:offer_search", region=region_obj.slug)
    status = 400 if form.errors else 200
    return render(
        request, "offers/suggest_new.html", {"region": region_obj, "form": form}, status=status
    )


# --- open data ---------------------------------------------------------------------------------


def open_data(request: HttpRequest, region: str) -> HttpResponse:
    region_obj = public_region(request, region)
    context = {
        "region": region_obj,
        "offer_columns": opendata.OFFER_COLUMNS,
        "provider_columns": opendata.PROVIDER_COLUMNS,
    }
    return render(request, "offers/open_data.html", context)


def data_file(request: HttpRequest, region: str, dataset: str, fmt: str) -> HttpResponse:
    region_obj = public_region(request, region)
    if fmt not in ("csv", "json"):
        raise Http404
    if dataset == "offers":
        records = [opendata.offer_record(o) for o in opendata.public_offers(region_obj)]
        columns, to_row = opendata.OFFER_COLUMNS, opendata.offer_csv_row
    elif dataset == "providers":
        records = [opendata.provider_record(o) for o in opendata.public_providers(region_obj)]
        columns, to_row = opendata.PROVIDER_COLUMNS, opendata.provider_csv_row
    else:
        raise Http404
    filename = f"{region_obj.slug}-{dataset}"
    if fmt == "csv":
        return csv_response(filename, [key for key, _ in columns], (to_row(r) for r in records))
    payload = {"region": region_obj.name, "format_version": 1, dataset: records}
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'inline; filename="{filename}.json"'
    return response
