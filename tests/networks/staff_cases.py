"""Every staff URL of the networks app, for the permission matrix."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from networks.models import (
    ConceptExport,
    IntegrationConcept,
    MeetingDocument,
)
from tests.networks.factories import (
    ChapterFactory,
    ConceptFactory,
    GuidelineFactory,
    JoinRequestFactory,
    MeasureFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    ProgressNoteFactory,
    WorkingGroupFactory,
)
from tests.staff_matrix import Case


def _pk(factory, **extra):
    return lambda region: {"pk": factory(region=region, **extra).pk}


def _concept(region, **extra):
    return ConceptFactory(region=region, **extra)


def _concept_pk(region):
    return {"pk": _concept(region).pk}


def _adopted_pk(region):
    return {"pk": _concept(region, status=IntegrationConcept.Status.ADOPTED).pk}


def _concept_child(factory, key="pk"):
    return lambda region: {key: factory(concept=_concept(region)).pk}


def _meeting(region):
    return MeetingFactory(working_group=WorkingGroupFactory(region=region))


def _document(region):
    from django.core.files.base import ContentFile

    document = MeetingDocument(meeting=_meeting(region), title="Protokoll", size=9)
    document.content_type = "application/pdf"
    document.file.save("protokoll.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return {"pk": document.pk}


def _join_request(region):
    group = WorkingGroupFactory(region=region)
    return {"pk": JoinRequestFactory(working_group=group, name="A", email="a@x.de").pk}


def _note(region):
    measure = MeasureFactory(concept=_concept(region))
    note = ProgressNoteFactory(measure=measure, date=date(2024, 5, 1), text="x")
    return {"pk": note.pk}


def _export(region):
    from django.core.files.base import ContentFile

    export = ConceptExport(
        concept=_concept(region), fingerprint="x", status=ConceptExport.Status.DONE
    )
    export.file.save("konzept.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    return {"pk": export.pk}


CASES = [
    Case("networks_staff:organisation_list"),
    Case("networks_staff:organisation_add"),
    Case("networks_staff:organisation_edit", kwargs=_pk(OrganisationFactory)),
    Case("networks_staff:organisation_delete", "post", _pk(OrganisationFactory)),
    Case("networks_staff:organisation_export", kwargs=lambda r: {"fmt": "csv"}),
    Case("networks_staff:person_list"),
    Case("networks_staff:person_add"),
    Case("networks_staff:person_edit", kwargs=_pk(PersonFactory)),
    Case("networks_staff:person_delete", "post", _pk(PersonFactory)),
    Case("networks_staff:person_export", kwargs=lambda r: {"fmt": "xlsx"}),
    Case("networks_staff:group_list"),
    Case("networks_staff:group_add"),
    Case("networks_staff:group_edit", kwargs=_pk(WorkingGroupFactory)),
    Case("networks_staff:group_delete", "post", _pk(WorkingGroupFactory)),
    Case(
        "networks_staff:meeting_add",
        kwargs=lambda r: {"group_pk": WorkingGroupFactory(region=r).pk},
    ),
    Case("networks_staff:meeting_edit", kwargs=lambda r: {"pk": _meeting(r).pk}),
    Case("networks_staff:meeting_delete", "post", lambda r: {"pk": _meeting(r).pk}),
    Case(
        "networks_staff:document_upload",
        "post",
        lambda r: {"meeting_pk": _meeting(r).pk},
        lambda r: {"title": "Protokoll", "file": SimpleUploadedFile("p.pdf", b"%PDF-1.4\n%%EOF")},
    ),
    Case("networks_staff:document_download", kwargs=_document),
    Case("networks_staff:document_delete", "post", _document),
    Case("networks_staff:join_request_list"),
    Case("networks_staff:join_request_detail", kwargs=_join_request),
    Case("networks_staff:concept_list"),
    Case("networks_staff:concept_add"),
    Case("networks_staff:concept_compare"),
    Case("networks_staff:concept_detail", kwargs=_concept_pk),
    Case("networks_staff:concept_edit", kwargs=_concept_pk),
    Case("networks_staff:concept_delete", "post", _concept_pk),
    Case("networks_staff:concept_status", "post", _concept_pk, lambda r: {"status": "draft"}),
    Case(
        "networks_staff:concept_adopt", "post", _concept_pk, lambda r: {"adopted_on": "2024-07-01"}
    ),
    Case("networks_staff:concept_revise", "post", _adopted_pk),
    Case("networks_staff:concept_annexes", "post", _concept_pk, lambda r: {"annexes": []}),
    Case("networks_staff:export_request", "post", _concept_pk, lambda r: {"variant": "pdf/ua-1"}),
    Case("networks_staff:export_status", kwargs=_export),
    Case("networks_staff:export_download", kwargs=_export),
    Case(
        "networks_staff:guideline_add",
        kwargs=lambda r: {"concept_pk": _concept(r).pk},
    ),
    Case("networks_staff:guideline_edit", kwargs=_concept_child(GuidelineFactory)),
    Case("networks_staff:guideline_delete", "post", _concept_child(GuidelineFactory)),
    Case("networks_staff:chapter_add", kwargs=lambda r: {"concept_pk": _concept(r).pk}),
    Case("networks_staff:chapter_edit", kwargs=_concept_child(ChapterFactory)),
    Case("networks_staff:chapter_delete", "post", _concept_child(ChapterFactory)),
    Case("networks_staff:measure_add", kwargs=lambda r: {"concept_pk": _concept(r).pk}),
    Case("networks_staff:measure_edit", kwargs=_concept_child(MeasureFactory)),
    Case("networks_staff:measure_delete", "post", _concept_child(MeasureFactory)),
    Case(
        "networks_staff:note_add",
        "post",
        lambda r: {"measure_pk": MeasureFactory(concept=_concept(r)).pk},
        lambda r: {"date": "2024-05-01", "text": "Erster Kurs gestartet", "progress": "20"},
    ),
    Case("networks_staff:note_delete", "post", _note),
]
