"""Sitemap sections of this app (added to /sitemap.xml by portal.sitemaps).

People are never listed: contact persons only appear on their organisation's page.
"""

from collections.abc import Sequence

from django.urls import reverse

from networks.models import ConceptChapter, IntegrationConcept, Organisation, WorkingGroup
from portal.sitemaps import SitemapEntry, detail_pages, region_pages


def network_lists(region_slugs: Sequence[str]) -> list[SitemapEntry]:
    # Not concept_current: it redirects to the current version, which concept_pages lists.
    names = ["networks:organisation_list", "networks:working_group_list"]
    return region_pages([*names, "networks:concept_versions"], region_slugs)


def organisation_pages(region_slugs: Sequence[str]) -> list[SitemapEntry]:
    rows = (
        Organisation.objects.public()
        .order_by("pk")
        .values_list("region__slug", "slug", "updated_at")
    )
    return detail_pages(rows, "networks:organisation_detail", changefreq="monthly")


def working_group_pages(region_slugs: Sequence[str]) -> list[SitemapEntry]:
    rows = (
        WorkingGroup.objects.public()
        .order_by("pk")
        .values_list("region__slug", "slug", "updated_at")
    )
    return detail_pages(rows, "networks:working_group_detail", changefreq="weekly")


def concept_pages(region_slugs: Sequence[str]) -> list[SitemapEntry]:
    """Each public version: overview, measure tracker, PDF and every chapter."""
    concepts = IntegrationConcept.objects.public().order_by("pk")
    chapters: dict[int, list[str]] = {}
    for concept_id, field in (
        ConceptChapter.objects.filter(concept__in=concepts)
        .order_by("concept_id", "order", "field_of_action__order", "pk")
        .values_list("concept_id", "field_of_action__slug")
    ):
        chapters.setdefault(concept_id, []).append(field)
    entries = []
    for pk, region, version, updated in concepts.values_list(
        "pk", "region__slug", "version", "updated_at"
    ):
        kwargs = {"region": region, "version": version}
        pages = ["networks:concept_detail", "networks:measure_tracker", "networks:concept_pdf"]
        paths = [reverse(name, kwargs=kwargs) for name in pages]
        paths += [
            reverse("networks:concept_chapter", kwargs={**kwargs, "field": field})
            for field in chapters.get(pk, [])
        ]
        entries += [SitemapEntry(path, updated) for path in paths]
    return entries


SITEMAPS = {
    "network_lists": network_lists,
    "organisations": organisation_pages,
    "working_groups": working_group_pages,
    "concepts": concept_pages,
}
