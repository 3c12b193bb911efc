"""Demo data of the networks app: the seeds' four networks. Idempotent: safe to run again."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from networks import services
from networks.models import (
    ConceptChapter,
    Guideline,
    IntegrationConcept,
    JoinRequest,
    Measure,
    Organisation,
    Person,
    WorkingGroup,
    WorkingGroupMeeting,
)
from portal.models import FieldOfAction, Municipality, Region

K = Organisation.Kind

# (name, kind, municipality, fields of action (slugs), description, e-mail, phone)
ORGANISATIONS: dict[str, list[tuple]] = {
    "goslar": [
        (
            "Landkreis Goslar – Koordinierungsstelle Migration",
            K.COUNTY_ADMINISTRATION,
            "Goslar",
            ["integration", "vernetzung-und-ehrenamt"],
            "Vernetzt die Akteure im Kreisgebiet und begleitet die Umsetzung der Integrations-"
            "Leitlinien.",
            "koordinierungsstelle.migration@landkreis-goslar.de",
            "05321 76-276",
        ),
        (
            "Kreisvolkshochschule Goslar",
            K.EDUCATION_PROVIDER,
            "Goslar",
            ["sprache", "arbeit"],
            "Integrationskurse, Berufssprachkurse und Alphabetisierung.",
            "",
            "",
        ),
        (
            "Berufsbildende Schulen Bad Harzburg",
            K.SCHOOL,
            "Bad Harzburg",
            ["schule", "arbeit"],
            "Sprach- und Berufsorientierungsklassen für junge Zugewanderte.",
            "",
            "",
        ),
        (
            "Jobcenter Landkreis Goslar",
            K.JOB_CENTRE,
            "Goslar",
            ["arbeit"],
            "Beratung und Vermittlung in Arbeit und Ausbildung.",
            "",
            "",
        ),
        (
            "Caritasverband für den Landkreis Goslar",
            K.WELFARE_ASSOCIATION,
            "Goslar",
            ["begleitung-und-betreuung-von-fluchtlingen", "gesundheit"],
            "Migrationsberatung für Erwachsene und Flüchtlingssozialarbeit.",
            "",
            "",
        ),
        (
            "Freundeskreis Flüchtlinge Seesen",
            K.VOLUNTEER_INITIATIVE,
            "Seesen",
            ["vernetzung-und-ehrenamt", "sport-und-freizeit"],
            "Ehrenamtliche Patenschaften, Sprachcafé und Fahrradwerkstatt.",
            "",
            "",
        ),
        (
            "Afrikanischer Kulturverein Harz e. V.",
            K.MIGRANT_ORGANISATION,
            "Goslar",
            ["integration", "sport-und-freizeit"],
            "Kultur, Begegnung und Beratung in Muttersprachen.",
            "",
            "",
        ),
    ],
    "harz": [
        (
            "Landkreis Harz – Koordinierungsstelle für Migration",
            K.COUNTY_ADMINISTRATION,
            "Halberstadt",
            ["integration", "vernetzung-und-ehrenamt"],
            "Koordiniert das Netzwerk Integration, die Arbeitsgruppen und die Integrationslotsen.",
            "koordinierungsstelle@kreis-hz.de",
            "03946 97 74 26",
        ),
        (
            "Integrationslotsen im Landkreis Harz",
            K.VOLUNTEER_INITIATIVE,
            "Quedlinburg",
            ["vernetzung-und-ehrenamt", "begleitung-und-betreuung-von-fluchtlingen"],
            "Ehrenamtliche begleiten Neuzugewanderte zu Ämtern, Ärzten und Schulen.",
            "",
            "",
        ),
        (
            "Kreisvolkshochschule Harz",
            K.EDUCATION_PROVIDER,
            "Halberstadt",
            ["sprache"],
            "Integrations- und Orientierungskurse an mehreren Standorten.",
            "",
            "",
        ),
        ("Jobcenter Landkreis Harz", K.JOB_CENTRE, "Halberstadt", ["arbeit"], "", "", ""),
        (
            "AWO Kreisverband Harz e. V.",
            K.WELFARE_ASSOCIATION,
            "Wernigerode",
            ["begleitung-und-betreuung-von-fluchtlingen", "wohnen-und-nachbarschaft"],
            "Migrationsberatung und Quartiersarbeit.",
            "",
            "",
        ),
        (
            "Stadt Wernigerode",
            K.MUNICIPALITY,
            "Wernigerode",
            ["wohnen-und-nachbarschaft"],
            "",
            "",
            "",
        ),
        (
            "Evangelischer Kirchenkreis Halberstadt",
            K.RELIGIOUS_COMMUNITY,
            "Halberstadt",
            ["integration"],
            "Begegnungscafés in den Gemeinden.",
            "",
            "",
        ),
    ],
    "gifhorn": [
        (
            "Landkreis Gifhorn – Stabsstelle Integration",
            K.COUNTY_ADMINISTRATION,
            "Gifhorn",
            ["integration", "vernetzung-und-ehrenamt"],
            "Steuert und koordiniert die Integrationsangebote und betreut die Arbeitskreise des "
            "Netzwerks Integration.",
            "",
            "",
        ),
        ("Kreisvolkshochschule Gifhorn", K.EDUCATION_PROVIDER, "Gifhorn", ["sprache"], "", "", ""),
        (
            "Diakonisches Werk Gifhorn",
            K.WELFARE_ASSOCIATION,
            "Gifhorn",
            ["begleitung-und-betreuung-von-fluchtlingen"],
            "Migrationsberatung.",
            "",
            "",
        ),
        (
            "Agentur für Arbeit Helmstedt – Geschäftsstelle Gifhorn",
            K.JOB_CENTRE,
            "Gifhorn",
            ["arbeit"],
            "",
            "",
            "",
        ),
        (
            "Kreissportbund Gifhorn",
            K.ASSOCIATION,
            "Gifhorn",
            ["sport-und-freizeit"],
            "Programm „Integration durch Sport“.",
            "",
            "",
        ),
        (
            "Türkisch-Islamische Gemeinde Wittingen",
            K.RELIGIOUS_COMMUNITY,
            "Wittingen",
            ["integration"],
            "",
            "",
            "",
        ),
    ],
    "heilbronn": [
        (
            "Landratsamt Heilbronn – Integrationsbeauftragte",
            K.COUNTY_ADMINISTRATION,
            "Weinsberg",
            ["integration"],
            "Schreibt das Integrationskonzept des Landkreises fort.",
            "",
            "",
        ),
        ("Volkshochschule Unterland", K.EDUCATION_PROVIDER, "Neckarsulm", ["sprache"], "", "", ""),
        (
            "Caritas Heilbronn-Hohenlohe",
            K.WELFARE_ASSOCIATION,
            "Brackenheim",
            ["begleitung-und-betreuung-von-fluchtlingen"],
            "",
            "",
            "",
        ),
        ("Jobcenter Landkreis Heilbronn", K.JOB_CENTRE, "Neckarsulm", ["arbeit"], "", "", ""),
        (
            "Arbeitskreis Asyl Weinsberg",
            K.VOLUNTEER_INITIATIVE,
            "Weinsberg",
            ["vernetzung-und-ehrenamt"],
            "",
            "",
            "",
        ),
        ("Gemeinde Offenau", K.MUNICIPALITY, "Offenau", ["wohnen-und-nachbarschaft"], "", "", ""),
    ],
}

# (name, function, organisation index, consent)
PERSONS: dict[str, list[tuple]] = {
    "goslar": [
        ("Julia Aktas", "Koordinierungsstelle Migration", 0, True),
        ("Thomas Brandes", "Fachbereichsleitung Integrationskurse", 1, True),
        ("Sabine Krüger", "Schulsozialarbeit", 2, False),
        ("Hassan Omar", "Vorsitzender", 6, False),
    ],
    "harz": [
        ("Mustafa Yacoub", "Koordinierung der Integrationslotsen", 0, True),
        ("Maria Abel", "Koordinierungsstelle für Migration", 0, True),
        ("Petra Lindner", "Integrationslotsin", 1, False),
        ("Andreas Vogt", "Migrationsberatung", 4, True),
    ],
    "gifhorn": [
        ("Kerstin Meyer", "Leitung der Stabsstelle Integration", 0, True),
        ("Jan Schröder", "Koordination der Arbeitskreise", 0, True),
        ("Elif Yıldız", "Migrationsberatung", 2, False),
    ],
    "heilbronn": [
        ("Claudia Neumann", "Integrationsbeauftragte", 0, True),
        ("Markus Weber", "Ehrenamtskoordination", 4, False),
    ],
}

# (name, fields of action, purpose, lead organisation index, lead person name or "")
WORKING_GROUPS: dict[str, list[tuple]] = {
    "harz": [
        (
            f"AG {name}",
            [slug],
            f"Die Arbeitsgruppe {name} bündelt Angebote, Bedarfe und "
            "Erfahrungen im Handlungsfeld und arbeitet dem Netzwerk Integration zu.",
            lead,
            person,
        )
        for name, slug, lead, person in [
            ("Arbeit", "arbeit", 3, ""),
            ("Sprache", "sprache", 2, ""),
            ("Schule", "schule", 0, "Maria Abel"),
            ("Gesundheit", "gesundheit", 4, "Andreas Vogt"),
            ("Wohnen und Nachbarschaft", "wohnen-und-nachbarschaft", 5, ""),
            ("Ehrenamt und Integrationslotsen", "vernetzung-und-ehrenamt", 1, "Mustafa Yacoub"),
        ]
    ],
    "gifhorn": [
        (
            "Netzwerk Integration – Netzwerktreffen",
            ["integration", "vernetzung-und-ehrenamt"],
            "Regelmäßige Treffen aller Akteure des Netzwerks Integration.",
            0,
            "Kerstin Meyer",
        ),
        (
            "AK Sprache und Bildung",
            ["sprache", "schule"],
            "Neu gegründeter Arbeitskreis zu Sprachkursen, Kita und Schule.",
            1,
            "Jan Schröder",
        ),
        (
            "AK Arbeit und Ausbildung",
            ["arbeit"],
            "Neu gegründeter Arbeitskreis zu Ausbildung, Arbeit und Anerkennung.",
            3,
            "",
        ),
        (
            "AK Ehrenamt",
            ["vernetzung-und-ehrenamt"],
            "Neu gegründeter Arbeitskreis für Ehrenamtliche in der Flüchtlingshilfe.",
            0,
            "Jan Schröder",
        ),
    ],
    "goslar": [
        (
            "Runder Tisch Integration Seesen",
            ["vernetzung-und-ehrenamt"],
            "Austausch der Ehrenamtlichen und Fachkräfte in Seesen.",
            5,
            "",
        ),
    ],
    "heilbronn": [
        (
            "Steuerungsgruppe Fortschreibung Integrationskonzept",
            ["integration"],
            "Begleitet die Fortschreibung des Integrationskonzepts 2023.",
            0,
            "Claudia Neumann",
        ),
    ],
}

GOSLAR_GUIDELINES = [
    (
        "Integration ist eine Aufgabe für alle",
        "Integration gelingt, wenn Zugewanderte und Aufnahmegesellschaft sie gemeinsam gestalten.",
    ),
    ("Sprache öffnet Türen", "Alle Menschen im Landkreis erhalten Zugang zu Sprachförderung."),
    (
        "Bildung und Arbeit ermöglichen Teilhabe",
        "Schul-, Ausbildungs- und Berufswege stehen allen offen.",
    ),
    (
        "Willkommenskultur im ganzen Kreisgebiet",
        "Verwaltung und Einrichtungen öffnen sich interkulturell.",
    ),
    ("Ehrenamt stärken", "Ehrenamtliches Engagement wird anerkannt, begleitet und vernetzt."),
]

# (field slug, title, status, progress, responsible organisation index)
HEILBRONN_2016 = [
    ("sprache", "Sprachkurse mit Kinderbetreuung", Measure.Status.DONE, 100, 1),
    ("sprache", "Sprachpatenschaften in den Gemeinden", Measure.Status.IN_PROGRESS, 60, 4),
    ("arbeit", "Beratung zur Anerkennung ausländischer Abschlüsse", Measure.Status.DONE, 100, 3),
    ("arbeit", "Ausbildungsbegleitung für junge Geflüchtete", Measure.Status.IN_PROGRESS, 50, 3),
    ("wohnen-und-nachbarschaft", "Wohnraumbörse für Geflüchtete", Measure.Status.DROPPED, 20, 5),
    ("gesundheit", "Dolmetscherpool für Arztbesuche", Measure.Status.IN_PROGRESS, 40, 2),
    ("schule", "Vorbereitungsklassen ausbauen", Measure.Status.DONE, 100, 0),
]

HARZ_MEASURES = [
    ("sprache", "Integrationskurse im ländlichen Raum erreichbar machen", 2, 30),
    ("arbeit", "Netzwerk Arbeitsmarktintegration mit Jobcenter und Kammern", 3, 50),
    ("vernetzung-und-ehrenamt", "Qualifizierung neuer Integrationslotsen", 1, 70),
    ("wohnen-und-nachbarschaft", "Quartierstreffs in Halberstadt und Wernigerode", 4, 10),
]


def _field(region: Region, slug: str) -> FieldOfAction | None:
    return FieldOfAction.objects.in_region(region).filter(slug=slug).first()


def _organisations(region: Region) -> list[Organisation]:
    result = []
    for name, kind, town, fields, description, email, phone in ORGANISATIONS[region.slug]:
        municipality = Municipality.objects.in_region(region).filter(slug=slugify(town)).first()
        org, _ = Organisation.objects.update_or_create(
            region=region,
            slug=slugify(name)[:200],
            defaults={
                "name": name,
                "kind": kind,
                "municipality": municipality,
                "city": town,
                "description": description,
                "email": email,
                "phone": phone,
                "member_since": date(2016, 1, 1),
            },
        )
        org.fields_of_action.set(FieldOfAction.objects.in_region(region).filter(slug__in=fields))
        result.append(org)
    return result


def _persons(region: Region, orgs: list[Organisation]) -> dict[str, Person]:
    people = {}
    for name, function, org_index, consent in PERSONS[region.slug]:
        person, _ = Person.objects.update_or_create(
            region=region,
            name=name,
            defaults={
                "function": function,
                "organisation": orgs[org_index],
                "public_consent": consent,
                "consent_date": date(2024, 1, 15) if consent else None,
            },
        )
        people[name] = person
    return people


def _working_groups(region: Region, orgs, people) -> list[WorkingGroup]:
    groups = []
    now = timezone.localtime()
    for name, fields, purpose, lead_index, lead_person in WORKING_GROUPS.get(region.slug, []):
        group, created = WorkingGroup.objects.update_or_create(
            region=region,
            slug=slugify(name)[:200],
            defaults={
                "name": name,
                "purpose": purpose,
                "lead_organisation": orgs[lead_index],
                "lead_person": people.get(lead_person),
                "founded": date(2018, 3, 1),
            },
        )
        group.fields_of_action.set(FieldOfAction.objects.in_region(region).filter(slug__in=fields))
        group.member_organisations.add(orgs[0], orgs[lead_index])
        if created:
            for weeks, public in ((-8, True), (4, False), (12, False)):
                day = (now + timedelta(weeks=weeks)).date()
                starts = timezone.make_aware(datetime.combine(day, time(16, 0)))
                WorkingGroupMeeting.objects.create(
                    working_group=group,
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=2),
                    place=f"{orgs[0].name}, Besprechungsraum",
                    agenda="1. Begrüßung\n2. Berichte aus den Einrichtungen\n3. Planung",
                    minutes="Die Teilnehmenden berichteten über aktuelle Bedarfe."
                    if weeks < 0
                    else "",
                    minutes_public=public,
                    guests=3,
                )
        groups.append(group)
    return groups


def _concept(region: Region, version: int, title: str, **fields) -> IntegrationConcept:
    concept = IntegrationConcept.objects.in_region(region).filter(version=version).first()
    if concept is None:
        concept = IntegrationConcept.objects.create(
            region=region, version=version, title=title, **fields
        )
    return concept


def _chapters_and_measures(concept, measures, orgs) -> None:
    region = concept.region
    for order, (slug, title, status, progress, org_index) in enumerate(measures):
        field = _field(region, slug)
        if field is None:
            continue
        ConceptChapter.objects.get_or_create(
            concept=concept,
            field_of_action=field,
            defaults={
                "order": field.order,
                "situation": f"Im Handlungsfeld {field.name} gibt es im {region.name} bereits "
                "zahlreiche Angebote; die Bestands- und Bedarfsanalyse zeigt Lücken vor allem "
                "im ländlichen Raum.",
                "goals": f"- Angebote im Handlungsfeld {field.name} bekannt machen\n"
                "- Zugänge für Neuzugewanderte erleichtern",
            },
        )
        Measure.objects.get_or_create(
            concept=concept,
            title=title,
            defaults={
                "field_of_action": field,
                "order": order,
                "description": f"{title}: Umsetzung gemeinsam mit den Partnern des Netzwerks.",
                "responsible_organisation": orgs[org_index],
                "status": status,
                "progress": progress,
                "start": date(concept.version, 1, 1),
                "end": date(concept.version + 3, 12, 31),
            },
        )


def _seed_goslar(region, orgs) -> None:
    concept = _concept(
        region,
        2019,
        "Integrations-Leitlinien des Landkreises Goslar",
        foreword="Der Kreistag hat die Integrations-Leitlinien im Juli 2019 beschlossen. Auf der "
        "5. Integrationskonferenz am 8. November 2019 wurden daraus konkrete Projekte und "
        "Schritte entwickelt.",
    )
    for order, (title, text) in enumerate(GOSLAR_GUIDELINES, start=1):
        Guideline.objects.get_or_create(
            concept=concept, title=title, defaults={"order": order, "text": text}
        )
    _chapters_and_measures(
        concept,
        [
            ("sprache", "Sprachcafés in allen Städten und Gemeinden", "in_progress", 50, 1),
            ("arbeit", "Ausbildungsmesse für junge Zugewanderte", "planned", 0, 3),
            ("vernetzung-und-ehrenamt", "Ehrenamtsbörse im Internet", "planned", 0, 0),
        ],
        orgs,
    )
    if concept.status == IntegrationConcept.Status.DRAFT:
        services.concept_set_annexes(concept=concept, keys=["organisations"])
        services.concept_adopt(concept=concept, adopted_on=date(2019, 7, 8))


def _seed_harz(region, orgs) -> None:
    concept = _concept(
        region,
        2020,
        "Integrationskonzept des Landkreises Harz",
        foreword="Das Integrationskonzept mit Maßnahmeplan und Anlagen wird jährlich mit dem "
        "Netzwerk Integration fortgeschrieben.",
    )
    _chapters_and_measures(
        concept,
        [(s, t, "in_progress", p, o) for s, t, o, p in HARZ_MEASURES],
        orgs,
    )
    if concept.status == IntegrationConcept.Status.DRAFT:
        services.concept_set_annexes(concept=concept, keys=["working_groups", "organisations"])
        services.concept_adopt(concept=concept, adopted_on=date(2020, 6, 24))


def _seed_gifhorn(region, orgs) -> None:
    concept = _concept(
        region,
        2018,
        "Integrationskonzept des Landkreises Gifhorn",
        status=IntegrationConcept.Status.CONSULTATION,
        foreword="Mit dem Neustart des Netzwerks Integration wird das Integrationskonzept 2018 "
        "fortgeschrieben. Im Landkreis leben 11.108 Menschen aus 122 Nationen.",
    )
    _chapters_and_measures(
        concept,
        [
            ("sprache", "Übersicht aller Sprachkurse im Landkreis", "in_progress", 30, 1),
            ("arbeit", "Arbeitskreis Arbeit und Ausbildung aufbauen", "in_progress", 40, 3),
        ],
        orgs,
    )


# People who asked to join a Gifhorn working group after the restart (journey 9 answers them).
JOIN_REQUESTS = {
    "gifhorn": [
        (
            "AK Sprache und Bildung",
            "Olena Kovalenko",
            "olena.kovalenko@example.org",
            "Deutsch-Ukrainischer Elternverein",
            "Ich organisiere Sprachtreffs für ukrainische Mütter und möchte mitarbeiten.",
            True,
        ),
    ]
}


def _seed_join_requests(region) -> None:
    for group_name, name, email, organisation, message, consent in JOIN_REQUESTS.get(
        region.slug, []
    ):
        group = WorkingGroup.objects.in_region(region).filter(name=group_name).first()
        if group is not None:
            JoinRequest.objects.get_or_create(
                working_group=group,
                email=email,
                defaults={
                    "name": name,
                    "organisation_name": organisation,
                    "message": message,
                    "public_consent": consent,
                },
            )


def _seed_heilbronn(region, orgs) -> None:
    concept = _concept(
        region,
        2016,
        "Integrationskonzept des Landkreises Heilbronn",
        foreword="Das Integrationskonzept 2016 beschreibt Ziele und Maßnahmen in den "
        "Handlungsfeldern der Integration im Landkreis Heilbronn.",
    )
    _chapters_and_measures(concept, HEILBRONN_2016, orgs)
    if concept.status == IntegrationConcept.Status.DRAFT:
        services.concept_set_annexes(concept=concept, keys=["organisations"])
        services.concept_adopt(concept=concept, adopted_on=date(2016, 12, 12))
    # The 2023 revision ("Fortschreibung") is left for staff to start: journey 7 does it, and a
    # revision already in progress would block it.


SEEDERS = {
    "goslar": _seed_goslar,
    "harz": _seed_harz,
    "gifhorn": _seed_gifhorn,
    "heilbronn": _seed_heilbronn,
}


@transaction.atomic
def seed() -> None:
    for slug, seeder in SEEDERS.items():
        region = Region.objects.filter(slug=slug).first()
        if region is None:
            continue
        orgs = _organisations(region)
        people = _persons(region, orgs)
        _working_groups(region, orgs, people)
        seeder(region, orgs)
        _seed_join_requests(region)
