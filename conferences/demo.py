"""Demo data of the conferences app: the seeds' events as the archive, plus upcoming events in
every demo county, dated relative to today so registration can be tried at once.

Idempotent: an event that exists (by region and address) is left as it is.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from conferences.models import Event, EventDate, ProgrammeItem, Venue, Workshop
from portal.models import FieldOfAction, Municipality, Region

TEN_WORKSHOPS = [
    "Arbeit",
    "Schule",
    "Sprache",
    "Gesundheit",
    "Sport und Freizeit",
    "Integration",
    "Mobilität",
    "Vernetzung und Ehrenamt",
    "Wohnen und Nachbarschaft",
    "Begleitung und Betreuung von Flüchtlingen",
]


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _venue(region: Region, name: str, street: str, postcode: str, city: str, **extra) -> Venue:
    municipality = (
        Municipality.objects.in_region(region).filter(name__startswith=city.split()[0]).first()
    )
    venue, _ = Venue.objects.get_or_create(
        region=region,
        name=name,
        defaults={
            "street": street,
            "postcode": postcode,
            "city": city,
            "municipality": municipality,
            **extra,
        },
    )
    return venue


def _event(region: Region, slug: str, **fields) -> tuple[Event, bool]:
    existing = Event.objects.in_region(region).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    fields.setdefault("status", Event.Status.PUBLISHED)
    if fields["status"] == Event.Status.PUBLISHED:
        fields.setdefault("published_at", timezone.now())
    region_contact = region.contacts.filter(kind="email").first()
    fields.setdefault("contact_email", region_contact.value if region_contact else "")
    return Event.objects.create(region=region, slug=slug, **fields), True


def _date(event: Event, start: datetime, end: datetime, venue: Venue, seats, label="") -> EventDate:
    return EventDate.objects.create(
        event=event, start=start, end=end, venue=venue, seats=seats, label=label
    )


def _programme(event_date: EventDate, items: list[tuple[time, str, str]]) -> None:
    ProgrammeItem.objects.bulk_create(
        ProgrammeItem(event_date=event_date, start=start, title=title, speaker=speaker)
        for start, title, speaker in items
    )


def _ten_workshops(event_date: EventDate, seats: int | None, results: dict | None = None):
    fields = {f.name: f for f in FieldOfAction.objects.in_region(event_date.event.region)}
    results = results or {}
    Workshop.objects.bulk_create(
        Workshop(
            event_date=event_date,
            title=title,
            field_of_action=fields.get(title),
            seats=seats,
            room=f"Raum {100 + i}",
            order=i,
            needs=results.get(title, ("", ""))[0],
            recommendations=results.get(title, ("", ""))[1],
        )
        for i, title in enumerate(TEN_WORKSHOPS, start=1)
    )
    event_date.event.fields_of_action.set(fields.values())


def _goslar_archive(region: Region) -> None:
    bbs = _venue(
        region,
        "Berufsbildende Schulen Bad Harzburg",
        "Schulstraße 1",
        "38667",
        "Bad Harzburg",
        step_free_access=True,
        accessible_toilet=True,
        public_transport="Bus bis Haltestelle „BBS“, 10 Minuten vom Bahnhof Bad Harzburg.",
    )
    event, created = _event(
        region,
        "1-fluechtlings-und-integrationskonferenz-2015",
        kind=Event.Kind.CONFERENCE,
        title="1. Flüchtlings- und Integrationskonferenz",
        summary="Vernetzung der vielfältigen Akteure im Kreisgebiet und Weiterentwicklung der "
        "Willkommenskultur im Landkreis Goslar.",
        description="Erstmals lädt der Landkreis Goslar zu einer Flüchtlings- und "
        "Integrationskonferenz ein. Die Erfahrungen der verschiedenen Akteure, deren "
        "Beteiligung und das gemeinsame Entwickeln von dem, was zukünftig für die Menschen "
        "mit und ohne Migrationsgeschichte erreicht werden soll, stehen im Mittelpunkt.\n\n"
        "Anmeldungen für die **Restplätze** nimmt Frau Aktas entgegen.",
        contact_name="Julia Aktas",
        contact_phone="05321 76-276",
        documentation="In zehn Workshops haben die Teilnehmenden Handlungsbedarfe benannt "
        "und Wünsche formuliert, was gemeinsam erarbeitet und verbessert werden kann.",
        documentation_published=True,
    )
    if not created:
        return
    day = _date(event, _at(date(2015, 10, 9), 16), _at(date(2015, 10, 9), 20), bbs, 150)
    _programme(
        day,
        [
            (time(16, 0), "Einführung ins Thema", "Landrat Brych"),
            (time(16, 20), "Präsentation des aktuell Erreichten", "Kreisverwaltung"),
            (time(16, 45), "Ergebnisse der ersten Bestands- und Bedarfsanalyse", ""),
            (time(17, 15), "Arbeitsphase in zehn Workshops", ""),
            (time(19, 30), "Vorstellung der Ergebnisse und Ausblick", ""),
        ],
    )
    _ten_workshops(
        day,
        15,
        {
            "Sprache": (
                "Wartezeiten auf Integrationskurse; Kinderbetreuung während der Kurse fehlt.",
                "Kursangebote kreisweit abstimmen und in einer Übersicht veröffentlichen.",
            ),
            "Mobilität": (
                "Abgelegene Unterkünfte sind mit Bus und Bahn schlecht erreichbar.",
                "Fahrradwerkstätten und Mitfahrangebote der Ehrenamtlichen unterstützen.",
            ),
            "Vernetzung und Ehrenamt": (
                "Ehrenamtliche wissen oft nicht, wer wofür zuständig ist.",
                "Regelmäßige Netzwerktreffen und eine Ansprechpersonenliste einführen.",
            ),
        },
    )


def _goslar_fifth(region: Region) -> None:
    kreishaus = _venue(
        region,
        "Kreishaus Goslar",
        "Klubgartenstraße 6",
        "38640",
        "Goslar",
        step_free_access=True,
        accessible_toilet=True,
        hearing_loop=True,
        public_transport="5 Minuten zu Fuß vom Bahnhof Goslar.",
    )
    event, created = _event(
        region,
        "5-integrationskonferenz-2019",
        kind=Event.Kind.CONFERENCE,
        title="5. Integrationskonferenz: Leitlinien in die Praxis",
        summary="Praktische Umsetzung der Integrations-Leitlinien, die der Kreistag im Juli "
        "verabschiedet hat.",
        description="Die Teilnehmenden entwickeln gemeinsam Handlungsempfehlungen für die "
        "Realisierung der Leitlinien und legen konkrete Projekte und Umsetzungsschritte fest. "
        "Die Teilnahme steht neben den geladenen Akteuren allen Interessierten offen; die "
        "Zahl der Plätze ist durch den Raum begrenzt.",
        contact_name="Julia Aktas",
        contact_phone="05321 76-276",
        documentation="Handlungsempfehlungen der 5. Integrationskonferenz. Sie fließen in das "
        "Integrations- und Teilhabekonzept ein. Auch Erfahrungen mit Angeboten, die nicht "
        "angenommen wurden, wurden gesammelt.",
        documentation_published=True,
    )
    if not created:
        return
    day = _date(event, _at(date(2019, 11, 8), 14), _at(date(2019, 11, 8), 18), kreishaus, 80)
    _programme(
        day,
        [
            (time(14, 0), "Begrüßung", "Britta Weber"),
            (time(14, 20), "Die Integrations-Leitlinien des Landkreises", ""),
            (time(15, 0), "Arbeitsgruppen zu den Handlungsfeldern", ""),
            (time(17, 15), "Ergebnisse und nächste Schritte", ""),
        ],
    )
    fields = {f.name: f for f in FieldOfAction.objects.in_region(region)}
    for order, (title, needs, recommendation) in enumerate(
        [
            (
                "Gesundheit",
                "Migrantinnen und Migranten mit Traumata werden schlecht erreicht.",
                "Beratungsangebote zur Traumabewältigung mehrsprachig bekannt machen.",
            ),
            (
                "Mobilität",
                "Wege zu Kursen und Beratung sind im ländlichen Raum weit.",
                "Mobilitätsangebote in der Angebotsdatenbank sichtbar machen.",
            ),
            (
                "Vernetzung und Ehrenamt",
                "Angebote, Institutionen und Ansprechpersonen sind zu wenig bekannt.",
                "Eine gemeinsame Übersicht veröffentlichen; nicht angenommene Angebote "
                "dokumentieren, damit andere daraus lernen.",
            ),
        ],
        start=1,
    ):
        Workshop.objects.create(
            event_date=day,
            title=title,
            field_of_action=fields.get(title),
            seats=30,
            order=order,
            needs=needs,
            recommendations=recommendation,
        )


def _gifhorn_restart(region: Region) -> None:
    schloss = _venue(
        region,
        "Rittersaal im Schloss Gifhorn",
        "Schlossplatz 1",
        "38518",
        "Gifhorn",
        step_free_access=False,
        accessibility_notes="Historisches Gebäude; bitte melden Sie Unterstützungsbedarf an.",
    )
    event, created = _event(
        region,
        "neustart-netzwerk-integration-2018",
        kind=Event.Kind.NETWORK_MEETING,
        title="Neustart des Netzwerks Integration im Landkreis Gifhorn",
        summary="Erfahrungsaustausch der haupt- und ehrenamtlichen Akteure und Bildung neuer "
        "Arbeitskreise.",
        description="Vertreterinnen und Vertreter aus Politik, Verwaltung, Vereinen und "
        "Verbänden tauschen sich aus. Ziel des Netzwerks ist es, konkrete Maßnahmen für die "
        "Integration geflüchteter Menschen abzuleiten und auf den Weg zu bringen.",
        contact_name="Audrey Grothe",
        documentation="Neue Arbeitskreise wurden gebildet; die Netzwerktreffen finden künftig "
        "in regelmäßigen Abständen statt. Noch 2018 wird das Integrationskonzept "
        "fortgeschrieben.",
        documentation_published=True,
    )
    if not created:
        return
    day = _date(event, _at(date(2018, 1, 30), 17), _at(date(2018, 1, 30), 20), schloss, None)
    _programme(
        day,
        [
            (time(17, 0), "Grußworte", "Landrat Dr. Andreas Ebel, Audrey Grothe"),
            (
                time(17, 30),
                "Perspektiven der Integration im Landkreis Gifhorn",
                "Heinz Müller, ism gGmbH Mainz",
            ),
            (time(18, 15), "Musik", "Internationaler Frauenchor „Temperamentos“"),
            (time(18, 30), "Netzwerkarbeit: Austausch und neue Arbeitskreise", ""),
        ],
    )


HEILBRONN_PLACES = [
    ("Offenau", date(2023, 9, 19), "Kulturforum Saline", "Hauptstraße 8", "74254", "Offenau"),
    (
        "Neuenstadt",
        date(2023, 9, 21),
        "Stadthalle Neuenstadt",
        "Öhringer Straße 12",
        "74196",
        "Neuenstadt am Kocher",
    ),
    (
        "Weinsberg",
        date(2023, 9, 26),
        "Baukelter Weinsberg",
        "Seufferheldstraße 14",
        "74189",
        "Weinsberg",
    ),
    (
        "Brackenheim",
        date(2023, 10, 17),
        "Bürgerzentrum Brackenheim",
        "Austraße 21",
        "74336",
        "Brackenheim",
    ),
]

HEILBRONN_TEXT = (
    "Das 2016 erstmals erstellte Integrationskonzept wird fortgeschrieben. In den "
    "inhaltlich identischen Workshops bringen Interessierte ihre Anregungen, Themen und "
    "Erfahrungen ein:\n\n"
    "- Welche Bedarfe, Themen und Herausforderungen spielen bei der Integration von Menschen "
    "mit Zuwanderungsgeschichte eine Rolle?\n"
    "- Welche Angebote sollte es geben und wie funktionieren die vorhandenen Angebote?\n\n"
    "Für einen kleinen Snack und Getränke ist gesorgt."
)


def _heilbronn_workshops(region: Region) -> None:
    event, created = _event(
        region,
        "beteiligungs-workshops-integrationskonzept-2023",
        kind=Event.Kind.PARTICIPATION_WORKSHOP,
        title="Beteiligungs-Workshops zur Fortschreibung des Integrationskonzepts",
        summary="Vier inhaltlich identische Workshops an vier Orten im Landkreis – bitte "
        "wählen Sie einen Termin.",
        description=HEILBRONN_TEXT,
        contact_phone="07131 994-7285",
        ask_dietary_needs=True,
    )
    if not created:
        return
    for label, day, name, street, postcode, city in HEILBRONN_PLACES:
        venue = _venue(region, name, street, postcode, city, step_free_access=True)
        _date(event, _at(day, 16, 45), _at(day, 21), venue, 40, label=label)


def _upcoming(region: Region) -> None:
    """A conference with ten workshops, a four-date workshop series, a network meeting."""
    today = timezone.localdate()
    municipalities = list(Municipality.objects.in_region(region).order_by("name")[:4])
    venues = [
        _venue(
            region,
            f"Bürgerhaus {m.name}",
            "Marktplatz 1",
            "",
            m.name,
            municipality=m,
            step_free_access=True,
            accessible_toilet=i % 2 == 0,
            hearing_loop=i == 0,
            public_transport="Bushaltestelle „Marktplatz“ direkt vor dem Haus.",
        )
        for i, m in enumerate(municipalities)
    ]
    if not venues:
        return
    conference, created = _event(
        region,
        "integrationskonferenz",
        kind=Event.Kind.CONFERENCE,
        title=f"Integrationskonferenz {today.year + (1 if today.month == 12 else 0)}",
        summary="Gemeinsam Handlungsbedarfe benennen und Empfehlungen für das "
        "Integrationskonzept entwickeln.",
        description="Nach einer Einführung und einem Bericht der Verwaltung arbeiten die "
        "Teilnehmenden in **zehn parallelen Workshops** zu den Handlungsfeldern. Bei der "
        "Anmeldung wählen Sie einen Erst- und einen Zweitwunsch.",
        ask_phone=True,
        ask_dietary_needs=True,
    )
    if created:
        day = today + timedelta(days=21)
        conference_date = _date(conference, _at(day, 16), _at(day, 20), venues[0], 150)
        _programme(
            conference_date,
            [
                (time(16, 0), "Begrüßung", "Landrätin / Landrat"),
                (time(16, 15), "Bericht der Koordinierungsstelle", ""),
                (time(16, 45), "Arbeitsphase in zehn Workshops", ""),
                (time(19, 15), "Ergebnisse im Plenum", ""),
            ],
        )
        _ten_workshops(conference_date, 15)
    series, created = _event(
        region,
        "beteiligungs-workshops",
        kind=Event.Kind.PARTICIPATION_WORKSHOP,
        title="Beteiligungs-Workshops: Ihre Ideen für das Integrationskonzept",
        summary="Ein Workshop, vier Termine an vier Orten – wählen Sie den Termin, der Ihnen "
        "passt.",
        description=HEILBRONN_TEXT,
        ask_dietary_needs=True,
    )
    if created:
        for i, venue in enumerate(venues):
            day = today + timedelta(days=28 + 3 * i)
            _date(series, _at(day, 16, 45), _at(day, 21), venue, 25, label=venue.city)
    meeting, created = _event(
        region,
        "netzwerktreffen",
        kind=Event.Kind.NETWORK_MEETING,
        title="Netzwerktreffen Integration",
        summary="Austausch der Akteure und Arbeitskreise des Netzwerks Integration.",
        description="Berichte aus den Arbeitskreisen, neue Angebote im Landkreis und Zeit "
        "für Austausch.",
        ask_accessibility_needs=True,
    )
    if created:
        day = today + timedelta(days=14)
        _date(meeting, _at(day, 17), _at(day, 19), venues[-1], 40)


@transaction.atomic
def seed() -> None:
    regions = {
        r.slug: r
        for r in Region.objects.filter(slug__in=["goslar", "harz", "gifhorn", "heilbronn"])
    }
    if "goslar" in regions:
        _goslar_archive(regions["goslar"])
        _goslar_fifth(regions["goslar"])
    if "gifhorn" in regions:
        _gifhorn_restart(regions["gifhorn"])
    if "heilbronn" in regions:
        _heilbronn_workshops(regions["heilbronn"])
    for region in regions.values():
        _upcoming(region)
    if "goslar" in regions:
        _link_goslar_results_to_measures(regions["goslar"])
    from conferences import demo_translations

    demo_translations.seed()


# Recommendations of Goslar's 5th conference (seed 001) that became measures of its concept.
GOSLAR_RESULT_MEASURES = [
    ("Vernetzung und Ehrenamt", "Ehrenamtsbörse im Internet"),
    ("Vernetzung und Ehrenamt", "Sprachcafés in allen Städten und Gemeinden"),
]


def _link_goslar_results_to_measures(region: Region) -> None:
    from networks.models import Measure

    for workshop_title, measure_title in GOSLAR_RESULT_MEASURES:
        workshop = Workshop.objects.filter(
            event_date__event__region=region,
            event_date__start__year=2019,
            title=workshop_title,
        ).first()
        measure = Measure.objects.filter(concept__region=region, title=measure_title).first()
        if workshop and measure:
            workshop.measures.add(measure)
