"""Back-office: organisations and contact persons, with CSV/XLSX exports."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from networks import services
from networks.forms import OrganisationForm, PersonForm
from networks.models import Organisation, Person
from portal.access import MANAGE_CONTENT, staff_view
from portal.forms import model_data
from portal.lib.exports import table_response
from portal.lib.responses import render_form
from portal.models import Region


def _search(queryset, request: HttpRequest, *fields: str):
    text = request.GET.get("q", "").strip()[:100]
    if text:
        condition = Q()
        for name in fields:
            condition |= Q(**{f"{name}__icontains": text})
        queryset = queryset.filter(condition)
    return queryset, text


# --- organisations --------------------------------------------------------------------------


@staff_view(MANAGE_CONTENT)
def organisation_list(request: HttpRequest, region: Region) -> HttpResponse:
    organisations, text = _search(
        Organisation.objects.in_region(region).select_related("municipality"),
        request,
        "name",
        "city",
        "email",
    )
    page = Paginator(organisations, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "networks/staff/organisation_list.html",
        {"region": region, "page": page, "q": text},
    )


def _actor_page(
    request: HttpRequest,
    region: Region,
    *,
    form_class: type[OrganisationForm] | type[PersonForm],
    instance: Organisation | Person,
    save: Callable[[Any, dict[str, Any]], object],
    kind: str,
    title: str,
    **context: Any,
) -> HttpResponse:
    """Add or edit an organisation or a contact person: the same form page and steps for both
    (``kind`` names the URLs: ``organisation_list``, ``organisation_delete``...)."""
    form = form_class(request.POST or None, instance=instance, region=region)
    list_url = reverse(f"networks_staff:{kind}_list", args=[region.slug])
    if request.method == "POST" and form.is_valid():
        save(instance, model_data(form))
        messages.success(request, _("Saved."))
        return redirect(list_url)
    if instance.pk:
        context["delete_url"] = reverse(
            f"networks_staff:{kind}_delete", args=[region.slug, instance.pk]
        )
    context.update(region=region, form=form, title=title, back_url=list_url)
    return render_form(request, "networks/staff/form.html", context)


def _save_organisation(organisation: Organisation, data: dict[str, Any]) -> object:
    return services.organisation_save(organisation=organisation, data=data)


def _save_person(person: Person, data: dict[str, Any]) -> object:
    return services.person_save(person=person, data=data)


@staff_view(MANAGE_CONTENT)
def organisation_add(request: HttpRequest, region: Region) -> HttpResponse:
    return _actor_page(
        request,
        region,
        form_class=OrganisationForm,
        instance=Organisation(region=region),
        save=_save_organisation,
        kind="organisation",
        title=_("Add an organisation"),
    )


@staff_view(MANAGE_CONTENT)
def organisation_edit(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.in_region(region), pk=pk)
    return _actor_page(
        request,
        region,
        form_class=OrganisationForm,
        instance=organisation,
        save=_save_organisation,
        kind="organisation",
        title=organisation.name,
        public_url=organisation.get_absolute_url() if organisation.is_public else "",
    )


@staff_view(MANAGE_CONTENT)
@require_POST
def organisation_delete(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation.objects.in_region(region), pk=pk)
    organisation.delete()
    messages.success(request, _("Deleted."))
    return redirect("networks_staff:organisation_list", region=region.slug)


@staff_view(MANAGE_CONTENT)
def organisation_export(request: HttpRequest, region: Region, fmt: str) -> HttpResponse:
    """All organisations for internal use; ``?scope=public`` gives the publishable list."""
    public = request.GET.get("scope") == "public"
    qs = (
        Organisation.objects.in_region(region)
        .select_related("municipality")
        .prefetch_related("fields_of_action")
    )
    if public:
        qs = qs.public()
    header = [
        _("Name"),
        _("Kind"),
        _("Street and number"),
        _("Postcode"),
        _("City"),
        _("Municipality"),
        _("Website"),
        _("E-mail"),
        _("Phone"),
        _("Fields of action"),
        _("Network member since"),
    ]
    if not public:
        header.append(_("Shown to the public"))
    rows = []
    for o in qs:
        row = [
            o.name,
            o.get_kind_display(),
            o.street,
            o.postcode,
            o.city,
            o.municipality.name if o.municipality else "",
            o.website,
            o.email,
            o.phone,
            ", ".join(f.name for f in o.fields_of_action.all()),
            o.member_since.isoformat() if o.member_since else "",
        ]
        if not public:
            row.append(_("yes") if o.is_public else _("no"))
        rows.append(row)
    suffix = "oeffentlich" if public else "intern"
    return table_response(fmt, f"organisationen-{region.slug}-{suffix}", header, rows)


# --- persons --------------------------------------------------------------------------------


@staff_view(MANAGE_CONTENT)
def person_list(request: HttpRequest, region: Region) -> HttpResponse:
    persons, text = _search(
        Person.objects.in_region(region).select_related("organisation"),
        request,
        "name",
        "function",
        "email",
        "organisation__name",
    )
    page = Paginator(persons, 50).get_page(request.GET.get("page"))
    return render(
        request, "networks/staff/person_list.html", {"region": region, "page": page, "q": text}
    )


@staff_view(MANAGE_CONTENT)
def person_add(request: HttpRequest, region: Region) -> HttpResponse:
    return _actor_page(
        request,
        region,
        form_class=PersonForm,
        instance=Person(region=region),
        save=_save_person,
        kind="person",
        title=_("Add a contact person"),
    )


@staff_view(MANAGE_CONTENT)
def person_edit(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    person = get_object_or_404(Person.objects.in_region(region), pk=pk)
    return _actor_page(
        request,
        region,
        form_class=PersonForm,
        instance=person,
        save=_save_person,
        kind="person",
        title=person.name,
    )


@staff_view(MANAGE_CONTENT)
@require_POST
def person_delete(request: HttpRequest, region: Region, pk: int) -> HttpResponse:
    person = get_object_or_404(Person.objects.in_region(region), pk=pk)
    person.delete()
    messages.success(request, _("Deleted."))
    return redirect("networks_staff:person_list", region=region.slug)


@staff_view(MANAGE_CONTENT)
def person_export(request: HttpRequest, region: Region, fmt: str) -> HttpResponse:
    """All contact persons for internal use; ``?scope=public`` gives consented people only."""
    public = request.GET.get("scope") == "public"
    qs = (
        Person.objects.in_region(region)
        .select_related("organisation")
        .prefetch_related("fields_of_action")
    )
    if public:
        qs = qs.listed_publicly()
    header = [_("Name"), _("Function"), _("Organisation"), _("E-mail"), _("Phone")]
    header.append(_("Fields of action"))
    if not public:
        header += [_("Consents to be listed publicly"), _("Consent given on")]
    rows = []
    for p in qs:
        row = [
            p.name,
            p.function,
            p.organisation.name if p.organisation else "",
            p.email,
            p.phone,
            ", ".join(f.name for f in p.fields_of_action.all()),
        ]
        if not public:
            row += [
                _("yes") if p.public_consent else _("no"),
                p.consent_date.isoformat() if p.consent_date else "",
            ]
        rows.append(row)
    suffix = "oeffentlich" if public else "intern"
    return table_response(fmt, f"kontaktpersonen-{region.slug}-{suffix}", header, rows)
