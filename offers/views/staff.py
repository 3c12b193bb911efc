"""Back-office of the directories: offers and providers (scoped to the region), exports."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from networks.models import Organisation
from offers.forms import (
    ArchiveForm,
    OfferForm,
    ProviderContactForm,
    ProviderForm,
    StaffOfferFilterForm,
    places_formset,
)
from offers.models import Offer, ProviderContact
from offers.selectors import guide, opendata
from offers.selectors.staff import staff_text_condition
from offers.services import directory
from portal.access import MANAGE_CONTENT, staff_view
from portal.forms import formset_rows, model_data
from portal.lib.exports import table_response
from portal.lib.pdf import render_pdf
from portal.lib.responses import pdf_response
from portal.models import Region

# --- offers ---------------------------------------------------------------------------------


@staff_view(MANAGE_CONTENT)
def offer_list(request: HttpRequest, region: Region) -> HttpResponse:
    form = StaffOfferFilterForm(request.GET or None)
    offers = Offer.objects.in_region(region).select_related("provider").order_by("title")
    if form.is_valid():
        if q := form.cleaned_data["q"]:
            offers = offers.filter(staff_text_condition(q))
        if status := form.cleaned_data["status"]:
            offers = offers.filter(status=status)
    context = {"region": region, "form": form, "offers": offers[:300], "total": offers.count()}
    return render(request, "offers/staff/offer_list.html", context)


def _offer_form_page(request, region, offer: Offer | None):
    instance = offer or Offer(region=region)
    form = OfferForm(request.POST or None, instance=instance, region=region)
    places = places_formset(request, instance)
    if request.method == "POST" and form.is_valid() and places.is_valid():
        offer = directory.offer_save(
            offer=form.instance, data=model_data(form), places=formset_rows(places)
        )
        messages.success(request, _("Saved."))
        return redirect("offers_staff:offer_edit", region=region.slug, pk=offer.pk)
    status = 400 if request.method == "POST" else 200
    context = {"region": region, "form": form, "places": places, "offer": offer}
    return render(request, "offers/staff/offer_form.html", context, status=status)


@staff_view(MANAGE_CONTENT)
def offer_create(request: HttpRequest, region: Region) -> HttpResponse:
    return _offer_form_page(request, region, None)


@staff_view(MANAGE_CONTENT)
def offer_edit(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    offer = get_object_or_404(Offer.objects.in_region(region), pk=pk)
    return _offer_form_page(request, region, offer)


@staff_view(MANAGE_CONTENT)
def offer_archive(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    offer = get_object_or_404(Offer.objects.in_region(region), pk=pk)
    form = ArchiveForm(request.POST or None, initial={"lessons_learned": offer.lessons_learned})
    if request.method == "POST" and form.is_valid():
        directory.offer_set_status(
            offer=offer,
            status=Offer.Status.ARCHIVED,
            lessons_learned=form.cleaned_data["lessons_learned"],
        )
        messages.success(request, _("The offer was archived."))
        return redirect("offers_staff:offer_list", region=region.slug)
    return render(
        request, "offers/staff/offer_archive.html", {"region": region, "offer": offer, "form": form}
    )


# --- providers ------------------------------------------------------------------------------


@staff_view(MANAGE_CONTENT)
def provider_list(request: HttpRequest, region: Region) -> HttpResponse:
    providers = Organisation.objects.in_region(region).annotate(
        offer_count=Count("offers", filter=Q(offers__status=Offer.Status.PUBLISHED)),
        contact_count=Count("provider_contacts", distinct=True),
    )
    q = request.GET.get("q", "").strip()[:200]
    if q:
        providers = providers.filter(name__icontains=q)
    return render(
        request,
        "offers/staff/provider_list.html",
        {"region": region, "providers": providers, "q": q},
    )


def _provider_form_page(request, region, organisation: Organisation | None):
    form = ProviderForm(request.POST or None, instance=organisation, region=region)
    if request.method == "POST" and form.is_valid():
        organisation = directory.provider_save(organisation=form.instance, data=model_data(form))
        messages.success(request, _("Saved."))
        return redirect("offers_staff:provider_edit", region=region.slug, pk=organisation.pk)
    context = {
        "region": region,
        "form": form,
        "organisation": organisation,
        "contacts": ProviderContact.objects.filter(organisation=organisation).select_related("user")
        if organisation
        else [],
        "contact_form": ProviderContactForm(),
        "offers": organisation.offers.order_by("title") if organisation else [],
    }
    status = 400 if form.errors else 200
    return render(request, "offers/staff/provider_form.html", context, status=status)


@staff_view(MANAGE_CONTENT)
def provider_create(request: HttpRequest, region: Region) -> HttpResponse:
    return _provider_form_page(request, region, None)


@staff_view(MANAGE_CONTENT)
def provider_edit(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.in_region(region), pk=pk)
    return _provider_form_page(request, region, organisation)


@staff_view(MANAGE_CONTENT)
@require_POST
def provider_contact_add(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.in_region(region), pk=pk)
    form = ProviderContactForm(request.POST)
    if form.is_valid():
        directory.provider_contact_add(
            region=region,
            organisation=organisation,
            email=form.cleaned_data["email"],
            full_name=form.cleaned_data["full_name"],
        )
        messages.success(
            request,
            _("The contact can now log in with a code sent by e-mail and maintain the offers."),
        )
    else:
        messages.error(request, _("Please enter a valid e-mail address."))
    return redirect("offers_staff:provider_edit", region=region.slug, pk=organisation.pk)


@staff_view(MANAGE_CONTENT)
@require_POST
def provider_contact_remove(
    request: HttpRequest, region: Region, pk: int, contact_pk: int
) -> HttpResponse:
    contact = get_object_or_404(
        ProviderContact.objects.in_region(region), pk=contact_pk, organisation_id=pk
    )
    directory.provider_contact_remove(contact=contact)
    messages.success(
        request, _("The contact no longer has access; their update-round links no longer work.")
    )
    return redirect("offers_staff:provider_edit", region=region.slug, pk=pk)


# --- exports --------------------------------------------------------------------------------


def _staff_offer_rows(region: Region):
    offers = (
        Offer.objects.in_region(region)
        .select_related("provider", "region")
        .prefetch_related("fields_of_action", "places__municipality")
        .order_by("id")
    )
    for offer in offers:
        record = opendata.offer_record(offer)
        yield [*opendata.offer_csv_row(record), offer.status, offer.lessons_learned]


@staff_view(MANAGE_CONTENT)
def export_offers(request: HttpRequest, region: Region, fmt: str) -> HttpResponse:
    header = [key for key, _label in opendata.OFFER_COLUMNS] + ["status", "lessons_learned"]
    rows = list(_staff_offer_rows(region))
    name = f"{region.slug}-angebote-{timezone.localdate():%Y-%m-%d}"
    return table_response(fmt, name, header, rows, title=_("Offers"))


@staff_view(MANAGE_CONTENT)
def export_providers(request: HttpRequest, region: Region, fmt: str) -> HttpResponse:
    header = [
        "id",
        "name",
        "kind",
        "street",
        "postcode",
        "city",
        "website",
        "email",
        "phone",
        "offers",
        "provider_contacts",
        "is_public",
    ]
    providers = Organisation.objects.in_region(region).annotate(
        n=Count("offers", filter=Q(offers__status=Offer.Status.PUBLISHED)),
        c=Count("provider_contacts", distinct=True),
    )
    rows = [
        [
            o.pk,
            o.name,
            o.kind,
            o.street,
            o.postcode,
            o.city,
            o.website,
            o.email,
            o.phone,
            o.n,
            o.c,
            o.is_public,
        ]
        for o in providers
    ]
    name = f"{region.slug}-traeger-{timezone.localdate():%Y-%m-%d}"
    return table_response(fmt, name, header, rows, title=_("Providers"))


@staff_view(MANAGE_CONTENT)
def export_guide(request: HttpRequest, region: Region) -> HttpResponse:
    # The brochure counties print is German, like the offers in it (`<html lang="de">`):
    # staff working in another interface language got its headings in theirs.
    with translation.override(settings.LANGUAGE_CODE):
        pdf = render_pdf("offers/pdf/guide.html", guide.guide_context(region))
    return pdf_response(pdf, f"{region.slug}-wegweiser")
