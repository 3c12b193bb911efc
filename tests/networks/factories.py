"""factory_boy factories of the networks app."""

from datetime import date

import factory
from django.db.models import Max

from networks.models import (
    ConceptChapter,
    ConceptExport,
    Guideline,
    IntegrationConcept,
    JoinRequest,
    Measure,
    MeasureProgressNote,
    Organisation,
    Person,
    WorkingGroup,
    WorkingGroupMeeting,
)
from tests.factories import RegionFactory


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Verein Miteinander {n} e. V.")
    slug = factory.Sequence(lambda n: f"verein-miteinander-{n}")
    kind = Organisation.Kind.ASSOCIATION
    city = "Goslar"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Kontakt Person {n}")
    function = "Beratung"
    public_consent = True
    consent_date = date(2024, 1, 15)


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Arbeitskreis {n}")
    slug = factory.Sequence(lambda n: f"arbeitskreis-{n}")
    purpose = "Austausch und gemeinsame Projekte im Handlungsfeld."


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroupMeeting

    working_group = factory.SubFactory(WorkingGroupFactory)
    starts_at = factory.Faker("future_datetime", tzinfo=__import__("datetime").UTC)
    place = "Kreishaus, Raum 101"


class JoinRequestFactory(factory.django.DjangoModelFactory):
    """Somebody asking to join a working group, waiting for staff."""

    class Meta:
        model = JoinRequest

    working_group = factory.SubFactory(WorkingGroupFactory)
    name = factory.Sequence(lambda n: f"Interessierte {n}")
    email = factory.Sequence(lambda n: f"interessierte{n}@example.org")


class ConceptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntegrationConcept

    @factory.lazy_attribute_sequence
    def version(self, n):
        """A year after every version the region has (a plain 2000 + n ran into the demo's
        versions, such as Goslar's 2019, depending on which tests ran before in the process)."""
        newest = IntegrationConcept.objects.filter(region=self.region).aggregate(Max("version"))
        return max(2000 + n, (newest["version__max"] or 0) + 1)

    region = factory.SubFactory(RegionFactory)
    title = "Integrationskonzept"
    status = IntegrationConcept.Status.DRAFT
    foreword = "Liebe Bürgerinnen und Bürger, **gemeinsam** gestalten wir Integration."


class GuidelineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guideline

    concept = factory.SubFactory(ConceptFactory)
    title = factory.Sequence(lambda n: f"Leitlinie {n}")
    text = "Teilhabe für alle Menschen im Landkreis."


class ChapterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConceptChapter

    concept = factory.SubFactory(ConceptFactory)
    field_of_action = factory.LazyAttribute(lambda o: o.concept.region.fields_of_action.first())
    situation = "Im Landkreis gibt es zahlreiche Angebote."
    goals = "- Zugang verbessern\n- Angebote bündeln"


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    concept = factory.SubFactory(ConceptFactory)
    field_of_action = factory.LazyAttribute(lambda o: o.concept.region.fields_of_action.first())
    title = factory.Sequence(lambda n: f"Maßnahme {n}")
    description = "Beschreibung der Maßnahme."


class ProgressNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeasureProgressNote

    measure = factory.SubFactory(MeasureFactory)
    date = date(2024, 5, 1)
    text = "Erste Sprachlotsen sind geschult."


class ConceptExportFactory(factory.django.DjangoModelFactory):
    """A generated PDF of a concept (``fingerprint`` ties it to the concept's state)."""

    class Meta:
        model = ConceptExport

    concept = factory.SubFactory(ConceptFactory)
    variant = ConceptExport.Variant.PDF_UA
    fingerprint = factory.Sequence(lambda n: f"fingerprint-{n}")
