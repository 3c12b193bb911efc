"""Background jobs of the networks app."""

from __future__ import annotations

from procrastinate.contrib.django import app

from networks.models import ConceptExport


@app.task(name="networks.generate_concept_pdf", queue="pdf")
def generate_concept_pdf(export_id: int) -> None:
    """Generate one concept PDF; an export already finished (e.g. a retried job) is left be."""
    from networks.pdf import generate_export

    export = ConceptExport.objects.filter(pk=export_id).first()
    if export is None or export.is_finished:
        return
    generate_export(export)
