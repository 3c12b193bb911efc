"""Public pages of the portal app: regions, their home pages and the legal pages."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal import retention, services
from portal.access import public_view
from portal.forms import BarrierReportForm
from portal.lib import ratelimit
from portal.lib.responses import stored_file_response
from portal.models import Region
from portal.translations import prefetch_texts


def region_list(request: HttpRequest) -> HttpResponse:
    regions = list(Region.objects.prefetch_related("statistics").all())
    # Office names and figures' labels as each county translates them (German marked).
    statistics = [stat for region in regions for stat in list(region.statistics.all())[:2]]
    prefetch_texts([*regions, *statistics], get_language())
    return render(request, "portal/region_list.html", {"regions": regions})


@public_view
def region_home(request: HttpRequest, region: Region) -> HttpResponse:
    team = list(region.team.all())
    statistics = list(region.statistics.all())
    fields_of_action = list(region.fields_of_action.all())
    prefetch_texts([region, *team, *statistics, *fields_of_action], get_language(), region=region)
    context = {
        "region": region,
        "contacts": region.contacts.all(),
        "team": team,
        "statistics": statistics,
        "fields_of_action": fields_of_action,
    }
    return render(request, "portal/region_home.html", context)


@public_view
def imprint(request: HttpRequest, region: Region | None = None) -> HttpResponse:
    return render(request, "portal/imprint.html", {"region": region})


@public_view
def privacy(request: HttpRequest, region: Region | None = None) -> HttpResponse:
    rules = retention.region_rules(region) if region is not None else []
    return render(request, "portal/privacy.html", {"region": region, "retention_rules": rules})


@public_view
@require_http_methods(["GET", "POST"])
def accessibility(request: HttpRequest, region: Region | None = None) -> HttpResponse:
    form = BarrierReportForm(
        request.POST or None, initial={"page_url": request.GET.get("page", "")}
    )
    limited = request.method == "POST" and not ratelimit.hit("barrier", request)
    if limited:
        form.add_error(None, ratelimit.MESSAGE)
    elif request.method == "POST" and form.is_valid():
        services.barrier_report_submit(
            region=region,
            **{k: form.cleaned_data[k] for k in ("page_url", "description", "name", "email")},
        )
        messages.success(request, _("Thank you. Your report has reached the team."))
        return redirect(request.path)
    status = 400 if form.errors else 200
    response = render(
        request, "portal/accessibility.html", {"region": region, "form": form}, status=status
    )
    return ratelimit.too_many(response) if limited else response


@public_view
@require_http_methods(["GET"])
def coat_of_arms(request: HttpRequest, region: Region) -> HttpResponse:
    """The county's coat of arms (public like its page, but never from /media/)."""
    response = stored_file_response(
        request,
        region.coat_of_arms,
        content_type=_image_type(region.coat_of_arms.name),
        as_attachment=False,
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response


def _image_type(name: str) -> str:
    import mimetypes

    return mimetypes.guess_type(name)[0] or "application/octet-stream"
