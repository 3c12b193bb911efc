"""Sitemap sections of this app (added to /sitemap.xml by portal.sitemaps).

People are never listed: contact persons only appear on their organisation's page.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from networks.models import IntegrationConcept, Organisation, WorkingGroup
from portal.models import Region


class NetworkListSitemap(Sitemap):
    # Not concept_current: it redirects to the current version, which ConceptSitemap lists.
    pages = ["organisation_list", "working_group_list", "concept_versions"]

    def items(self):
        return [
            (slug, page)
            for slug in Region.objects.order_by("slug").values_list("slug", flat=True)
            for page in self.pages
        ]

    def location(self, item):
        slug, page = item
        return reverse(f"networks:{page}", kwargs={"region": slug})


class OrganisationSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Organisation.objects.public().select_related("region").order_by("pk")

    def lastmod(self, item: Organisation):
        return item.updated_at


class WorkingGroupSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return WorkingGroup.objects.public().select_related("region").order_by("pk")

    def lastmod(self, item: WorkingGroup):
        return item.updated_at


class ConceptSitemap(Sitemap):
    """Each public version: overview, measure tracker, PDF and every chapter."""

    def items(self):
        items = []
        concepts = (
            IntegrationConcept.objects.public()
            .select_related("region")
            .prefetch_related("chapters__field_of_action")
            .order_by("pk")
        )
        for concept in concepts:
            kwargs = {"region": concept.region.slug, "version": concept.version}
            items.append((reverse("networks:concept_detail", kwargs=kwargs), concept))
            items.append((reverse("networks:measure_tracker", kwargs=kwargs), concept))
            items.append((reverse("networks:concept_pdf", kwargs=kwargs), concept))
            for chapter in concept.chapters.all():
                url = reverse(
                    "networks:concept_chapter",
                    kwargs={**kwargs, "field": chapter.field_of_action.slug},
                )
                items.append((url, concept))
        return items

    def location(self, item):
        return item[0]

    def lastmod(self, item):
        return item[1].updated_at


SITEMAPS = {
    "network_lists": NetworkListSitemap,
    "organisations": OrganisationSitemap,
    "working_groups": WorkingGroupSitemap,
    "concepts": ConceptSitemap,
}
