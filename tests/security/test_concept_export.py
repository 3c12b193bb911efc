"""A concept's PDF costs at most one pending WeasyPrint job, whatever anonymous downloads do."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from networks import services
from networks.models import ConceptExport, IntegrationConcept
from tests.networks.factories import ConceptExportFactory, ConceptFactory, MeasureFactory

UA = ConceptExport.Variant.PDF_UA


@pytest.fixture
def concept(goslar):
    concept = ConceptFactory(
        region=goslar,
        version=2019,
        status=IntegrationConcept.Status.ADOPTED,
        adopted_on=date(2019, 7, 8),
    )
    MeasureFactory(concept=concept, title="Sprachkurse ausbauen")
    return concept


@pytest.fixture
def download(client, concept, django_capture_on_commit_callbacks):
    url = reverse("networks:concept_pdf", args=["goslar", concept.version])

    def get():
        with django_capture_on_commit_callbacks(execute=True):
            return client.get(url)

    return get


def _fail(export: ConceptExport) -> None:
    export.status = ConceptExport.Status.FAILED
    export.error = "RuntimeError: fonts missing"
    export.finished_at = timezone.now()
    export.save()


def test_downloads_after_a_failed_export_queue_no_further_jobs(download, jobs):
    assert download().status_code == 503
    assert len(jobs.pending("networks.generate_concept_pdf")) == 1
    with connection.cursor() as cursor:  # the worker took it ...
        cursor.execute("UPDATE procrastinate_jobs SET status = 'failed'")
    _fail(ConceptExport.objects.get())  # ... and it failed

    for _ in range(20):
        response = download()
        assert response.status_code == 503
    assert jobs.pending("networks.generate_concept_pdf") == []
    assert ConceptExport.objects.count() == 1
    assert "hx-trigger" not in response.content.decode()  # nothing to wait for


def test_content_changing_while_a_job_waits_adds_no_second_job(download, concept, jobs):
    download()
    for progress in (10, 20, 30):
        measure = concept.measures.get()
        measure.progress = progress
        measure.save()
        assert download().status_code == 503
    assert len(jobs.pending("networks.generate_concept_pdf")) == 1
    assert ConceptExport.objects.filter(status=ConceptExport.Status.PENDING).count() == 1


def test_the_job_renders_the_content_of_its_time_and_serves_it(download, concept, jobs):
    download()
    measure = concept.measures.get()
    measure.progress = 80
    measure.save()
    download()
    jobs.run()
    response = download()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_the_database_holds_at_most_one_unfinished_export_per_concept_and_variant(concept):
    ConceptExportFactory(concept=concept, variant=UA, fingerprint="a")
    with pytest.raises(IntegrityError), transaction.atomic():
        ConceptExportFactory(
            concept=concept, variant=UA, fingerprint="b", status=ConceptExport.Status.RUNNING
        )
    # Another variant may run beside it.
    ConceptExportFactory(concept=concept, variant=ConceptExport.Variant.PDF_A, fingerprint="a")


def test_staff_may_retry_a_failed_export(concept, coordinator_goslar, jobs):
    first = services.concept_request_export(concept=concept, variant=UA, user=coordinator_goslar)
    _fail(first)
    anonymous = services.concept_request_export(concept=concept, variant=UA)
    assert anonymous.pk == first.pk
    retried = services.concept_request_export(
        concept=concept, variant=UA, user=coordinator_goslar, retry_failed=True
    )
    assert retried.pk != first.pk and retried.status == ConceptExport.Status.PENDING


def test_a_failed_export_is_retried_for_the_public_after_an_hour(concept):
    first = services.concept_request_export(concept=concept, variant=UA)
    _fail(first)
    ConceptExport.objects.filter(pk=first.pk).update(
        finished_at=timezone.now() - timedelta(hours=2)
    )
    assert services.concept_request_export(concept=concept, variant=UA).pk != first.pk


def test_an_abandoned_pending_export_does_not_block_the_pdf_forever(concept):
    stuck = services.concept_request_export(concept=concept, variant=UA)
    ConceptExport.objects.filter(pk=stuck.pk).update(created_at=timezone.now() - timedelta(hours=1))
    fresh = services.concept_request_export(concept=concept, variant=UA)
    assert fresh.pk != stuck.pk
    stuck.refresh_from_db()
    assert stuck.status == ConceptExport.Status.FAILED
