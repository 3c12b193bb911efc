"""Demo offers and providers for the four seed counties. Idempotent: safe to run again.

Providers are the network's organisations where the networks demo created them (matched by
region and slug); otherwise they are created here.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from networks.models import Organisation
from offers.models import ChangeRequest, Offer, OfferPlace
from offers.services.changes import suggest_offer_correction
from offers.services.directory import provider_contact_add, reindex_offers
from portal.models import FieldOfAction, Municipality, Region

K = Organisation.Kind

# Providers per county: (name, kind). The first ones match the networks demo's organisations.
PROVIDERS: dict[str, list[tuple[str, str]]] = {
    "goslar": [
        ("Kreisvolkshochschule Goslar", K.EDUCATION_PROVIDER),
        ("Caritasverband für den Landkreis Goslar", K.WELFARE_ASSOCIATION),
        ("Freundeskreis Flüchtlinge Seesen", K.VOLUNTEER_INITIATIVE),
        ("Jobcenter Landkreis Goslar", K.JOB_CENTRE),
        ("Afrikanischer Kulturverein Harz e. V.", K.MIGRANT_ORGANISATION),
        ("Berufsbildende Schulen Bad Harzburg", K.SCHOOL),
    ],
    "harz": [
        ("Kreisvolkshochschule Harz", K.EDUCATION_PROVIDER),
        ("AWO Kreisverband Harz e. V.", K.WELFARE_ASSOCIATION),
        ("Integrationslotsen im Landkreis Harz", K.VOLUNTEER_INITIATIVE),
        ("Jobcenter Landkreis Harz", K.JOB_CENTRE),
        ("Deutsch-Ukrainischer Verein Harz e. V.", K.MIGRANT_ORGANISATION),
        ("Stadt Wernigerode", K.MUNICIPALITY),
    ],
    "gifhorn": [
        ("Kreisvolkshochschule Gifhorn", K.EDUCATION_PROVIDER),
        ("Diakonisches Werk Gifhorn", K.WELFARE_ASSOCIATION),
        ("Ehrenamtsbörse Gifhorn", K.VOLUNTEER_INITIATIVE),
        ("Jobcenter Gifhorn", K.JOB_CENTRE),
        ("Türkisch-Deutscher Kulturverein Gifhorn", K.MIGRANT_ORGANISATION),
        ("MTV Gifhorn von 1861", K.ASSOCIATION),
    ],
    "heilbronn": [
        ("Volkshochschule Unterland", K.EDUCATION_PROVIDER),
        ("Caritas Heilbronn-Hohenlohe", K.WELFARE_ASSOCIATION),
        ("Freundeskreis Asyl Weinsberg", K.VOLUNTEER_INITIATIVE),
        ("Jobcenter Landkreis Heilbronn", K.JOB_CENTRE),
        ("Internationaler Frauentreff Neckarsulm", K.MIGRANT_ORGANISATION),
        ("TSV Brackenheim", K.ASSOCIATION),
    ],
}

# Approximate town centres, so the map view has something to show.
COORDINATES: dict[str, tuple[float, float]] = {
    "Goslar": (51.906, 10.429),
    "Bad Harzburg": (51.882, 10.562),
    "Seesen": (51.891, 10.178),
    "Langelsheim": (51.936, 10.335),
    "Liebenburg": (52.020, 10.430),
    "Braunlage": (51.726, 10.610),
    "Clausthal-Zellerfeld": (51.805, 10.336),
    "Schladen-Werla": (52.020, 10.540),
    "Halberstadt": (51.896, 11.047),
    "Quedlinburg": (51.790, 11.150),
    "Wernigerode": (51.835, 10.785),
    "Blankenburg (Harz)": (51.790, 10.955),
    "Thale": (51.750, 11.040),
    "Oberharz am Brocken": (51.720, 10.870),
    "Ilsenburg": (51.867, 10.680),
    "Osterwieck": (51.970, 10.710),
    "Gifhorn": (52.480, 10.550),
    "Wittingen": (52.730, 10.740),
    "Sassenburg": (52.520, 10.630),
    "Meine": (52.390, 10.530),
    "Boldecker Land": (52.460, 10.720),
    "Hankensbüttel": (52.730, 10.600),
    "Wesendorf": (52.600, 10.530),
    "Isenbüttel": (52.430, 10.580),
    "Offenau": (49.245, 9.160),
    "Neuenstadt am Kocher": (49.235, 9.330),
    "Weinsberg": (49.150, 9.285),
    "Brackenheim": (49.080, 9.070),
    "Eppingen": (49.137, 8.910),
    "Bad Rappenau": (49.240, 9.100),
    "Neckarsulm": (49.190, 9.225),
    "Lauffen am Neckar": (49.075, 9.150),
}

# (title, summary, description, kind, fields (slugs), target groups, languages, cost, cost note,
#  schedule, provider index, step-free, childcare, women only, starts in days or None)
OFFERS: list[tuple] = [
    (
        "Integrationskurs mit Kinderbetreuung",
        "Deutsch von A1 bis B1 und Orientierungskurs – "
        "mit Betreuung für kleine Kinder im Nebenraum.",
        "Der Kurs umfasst **600 Stunden "
        "Sprachkurs** und 100 Stunden Orientierungskurs. Einstufungstest nach Terminvereinbarung.",
        "course",
        ["sprache"],
        ["everyone", "families"],
        ["de"],
        "reduced",
        "Kostenbefreiung über das BAMF möglich",
        "Mo–Fr 8:30–12:45 Uhr",
        0,
        "yes",
        True,
        False,
        10,
    ),
    (
        "Sprachcafé – Deutsch sprechen bei Kaffee und Kuchen",
        "Ohne Anmeldung Deutsch üben, Menschen kennenlernen und Fragen des Alltags klären.",
        "Ehrenamtliche helfen beim Sprechen, bei Briefen von Ämtern und beim Ankommen.",
        "meeting_place",
        ["sprache", "integration"],
        ["everyone"],
        ["de", "ar", "fa", "uk"],
        "free",
        "",
        "jeden Donnerstag 15–17 Uhr",
        2,
        "yes",
        False,
        False,
        None,
    ),
    (
        "Migrationsberatung für Erwachsene",
        "Beratung zu Aufenthalt, Sprachkurs, Arbeit, "
        "Wohnen und Familie – vertraulich und kostenlos.",
        "Wir helfen bei Anträgen und begleiten Sie in den ersten Jahren in Deutschland.",
        "counselling",
        ["begleitung-und-betreuung-von-fluchtlingen"],
        ["everyone", "eu_citizens"],
        ["de", "ar", "ru", "tr"],
        "free",
        "",
        "Di und Do 9–12 Uhr, sonst nach Vereinbarung",
        1,
        "yes",
        False,
        False,
        None,
    ),
    (
        "Beratung für Frauen – vertraulich und mehrsprachig",
        "Ein geschützter Raum für Fragen zu Familie, Gesundheit, Gewalt und Beruf.",
        "Beraterinnen sprechen Deutsch, Farsi und Arabisch; auf Wunsch mit Dolmetscherin.",
        "counselling",
        ["gesundheit", "integration"],
        ["women"],
        ["de", "fa", "ar"],
        "free",
        "",
        "mittwochs 10–13 Uhr",
        1,
        "yes",
        True,
        True,
        None,
    ),
    (
        "Bewerbungstraining und Anerkennung ausländischer Abschlüsse",
        "Lebenslauf, Vorstellungsgespräch und Wege zur Anerkennung Ihres Berufs.",
        "In kleinen Gruppen "
        "üben wir Bewerbungen und prüfen, welche Anerkennung für Ihren Abschluss nötig ist.",
        "course",
        ["arbeit"],
        ["everyone", "refugees"],
        ["de", "en", "uk"],
        "free",
        "",
        "4 Termine, jeweils montags 9–12 Uhr",
        3,
        "yes",
        False,
        False,
        20,
    ),
    (
        "Hausaufgabenhilfe für Schulkinder",
        "Ehrenamtliche helfen Kindern der Klassen 1–6 bei Hausaufgaben und beim Lesen.",
        "Eltern können dabei sein; wir sprechen auch Arabisch und Türkisch.",
        "mentoring",
        ["schule"],
        ["children"],
        ["de", "ar", "tr"],
        "free",
        "",
        "Mo–Do 14–16 Uhr",
        2,
        "unknown",
        False,
        False,
        None,
    ),
    (
        "Fußball für alle – offenes Training",
        "Kicken ohne Vereinsbeitrag für Jugendliche ab 12 Jahren.",
        "Sportkleidung wird gestellt. Einfach vorbeikommen!",
        "sports_leisure",
        ["sport-und-freizeit"],
        ["young_people"],
        ["de", "en", "ar"],
        "free",
        "",
        "samstags 10–12 Uhr",
        5,
        "no",
        False,
        False,
        None,
    ),
    (
        "Integrationslotsen begleiten zu Ämtern und Ärzten",
        "Ehrenamtliche Lotsinnen und Lotsen begleiten Sie und übersetzen bei Terminen.",
        "Bitte melden Sie sich eine Woche vor dem Termin.",
        "mentoring",
        ["begleitung-und-betreuung-von-fluchtlingen", "vernetzung-und-ehrenamt"],
        ["refugees", "families"],
        ["de", "ar", "fa", "ru", "uk"],
        "free",
        "",
        "nach Vereinbarung",
        2,
        "unknown",
        False,
        False,
        None,
    ),
    (
        "Ukrainisch-deutscher Elterntreff",
        "Austausch für Eltern mit kleinen Kindern – Spielecke inklusive.",
        "Informationen zu Kita, Schule und Kinderarzt; Українською та німецькою мовами.",
        "meeting_place",
        ["schule", "integration"],
        ["families"],
        ["uk", "ru", "de"],
        "free",
        "",
        "jeden zweiten Freitag 16–18 Uhr",
        4,
        "yes",
        True,
        False,
        5,
    ),
    (
        "Fahrradwerkstatt und Radfahrkurs",
        "Fahrrad reparieren, Verkehrsregeln lernen und sicher durch den Landkreis fahren.",
        "Gebrauchte Räder gegen kleine Spende.",
        "course",
        ["mobilitat"],
        ["everyone"],
        ["de", "ar", "ti"],
        "reduced",
        "Spende erbeten",
        "dienstags 17–19 Uhr",
        2,
        "no",
        False,
        False,
        None,
    ),
    (
        "Gesundheitslotsen: Wegweiser durch das Gesundheitssystem",
        "Wie finde ich einen Hausarzt? Was zahlt die Krankenkasse? Infoabende in vielen Sprachen.",
        "Die Abende werden von geschulten Lotsinnen und Lotsen in ihrer Muttersprache geleitet.",
        "information",
        ["gesundheit"],
        ["everyone"],
        ["de", "tr", "ar", "ru"],
        "free",
        "",
        "monatlich, Termine auf Anfrage",
        1,
        "yes",
        False,
        False,
        14,
    ),
    (
        "Wohnungssuche – Beratung und Mietführerschein",
        "Rechte und Pflichten als Mieter, Wohnungsanzeigen verstehen, Nebenkosten.",
        "Nach dem Kurs gibt es ein Zertifikat, das viele Vermieter kennen.",
        "course",
        ["wohnen-und-nachbarschaft"],
        ["everyone", "refugees"],
        ["de", "en", "ar"],
        "free",
        "",
        "3 Abende, jeweils 18–20 Uhr",
        1,
        "yes",
        False,
        False,
        25,
    ),
    (
        "Berufssprachkurs Deutsch B2 für Pflegeberufe",
        "Fachsprache für Pflege und Gesundheit mit Praktikum.",
        "Voraussetzung: Sprachniveau B1.",
        "course",
        ["arbeit", "sprache", "gesundheit"],
        ["everyone"],
        ["de"],
        "reduced",
        "kostenfrei mit Berechtigung des Jobcenters",
        "Mo–Fr 8:30–13 Uhr",
        0,
        "yes",
        False,
        False,
        40,
    ),
    (
        "Nähwerkstatt für Frauen",
        "Gemeinsam nähen, reden und Deutsch üben.",
        "Nähmaschinen und Stoffe sind vorhanden.",
        "meeting_place",
        ["integration", "sport-und-freizeit"],
        ["women"],
        ["de", "tr", "fa"],
        "fee",
        "2 € pro Termin",
        "montags 9–11 Uhr",
        4,
        "yes",
        True,
        True,
        None,
    ),
    (
        "Seniorentreff international",
        "Kaffee, Spiele und Gespräche für ältere Menschen aus aller Welt.",
        "Auch Angehörige sind willkommen.",
        "meeting_place",
        ["integration", "wohnen-und-nachbarschaft"],
        ["seniors"],
        ["de", "ru", "tr"],
        "free",
        "",
        "jeden ersten Mittwoch 14–16 Uhr",
        4,
        "yes",
        False,
        False,
        None,
    ),
    (
        "Erstorientierung für Neuzugewanderte",
        "Die wichtigsten Wege in den ersten Wochen: Anmeldung, Bank, Krankenkasse, Schule.",
        "Informationen in einfacher Sprache und mit Übersetzung.",
        "information",
        ["begleitung-und-betreuung-von-fluchtlingen"],
        ["refugees", "eu_citizens"],
        ["de", "ar", "fa", "uk", "en", "ru"],
        "free",
        "",
        "jeden Montag 10 Uhr",
        1,
        "yes",
        False,
        False,
        7,
    ),
]

ARCHIVED = (
    "Frauenfrühstück international",
    "Wurde kaum angenommen: Die Uhrzeit (8 Uhr) kollidierte mit den Kita-Öffnungszeiten, "
    "und die Einladung gab es nur auf Deutsch. Beim nächsten Mal später beginnen und "
    "mehrsprachig über die Kitas einladen.",
)


def _provider(region: Region, name: str, kind: str, town: Municipality | None) -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(
        region=region,
        slug=slugify(name)[:200],
        defaults={
            "name": name,
            "kind": kind,
            "municipality": town,
            "city": town.name if town else "",
        },
    )
    return organisation


def _seed_region(region: Region) -> list[int]:
    towns = list(Municipality.objects.in_region(region))
    fields = {f.slug: f for f in FieldOfAction.objects.in_region(region)}
    providers = [
        _provider(region, name, kind, towns[i % len(towns)] if towns else None)
        for i, (name, kind) in enumerate(PROVIDERS[region.slug])
    ]
    today = timezone.localdate()
    ids = []
    for index, row in enumerate(OFFERS):
        (
            title,
            summary,
            description,
            kind,
            field_slugs,
            targets,
            langs,
            cost,
            cost_note,
            schedule,
            provider_index,
            step_free,
            childcare,
            women_only,
            starts_in,
        ) = row
        provider = providers[provider_index % len(providers)]
        offer, created = Offer.objects.get_or_create(
            region=region,
            provider=provider,
            title=title,
            defaults={
                "summary": summary,
                "description": description,
                "kind": kind,
                "target_groups": targets,
                "languages": langs,
                "cost": cost,
                "cost_note": cost_note,
                "schedule": schedule,
                "step_free": step_free,
                "childcare": childcare,
                "women_only": women_only,
                "status": Offer.Status.PUBLISHED,
                "published_at": timezone.now() - timedelta(days=3 * index),
                "last_confirmed_at": today - timedelta(days=30 + index),
                "start_date": today + timedelta(days=starts_in) if starts_in else None,
            },
        )
        if created:
            offer.fields_of_action.set([fields[s] for s in field_slugs if s in fields])
            # Spread the offers over the county; some run in two towns.
            for town in {towns[index % len(towns)], towns[(index * 3) % len(towns)]}:
                lat, lon = COORDINATES.get(town.name, (None, None))
                OfferPlace.objects.create(
                    offer=offer,
                    name=provider.name if index % 2 else "",
                    street=f"{['Markt', 'Bahnhofstraße', 'Schulstraße', 'Lindenweg'][index % 4]} "
                    f"{index + 1}",
                    city=town.name,
                    municipality=town,
                    latitude=Decimal(f"{lat + index * 0.001:.6f}") if lat else None,
                    longitude=Decimal(f"{lon + index * 0.001:.6f}") if lon else None,
                )
        ids.append(offer.pk)
    archived, created = Offer.objects.get_or_create(
        region=region,
        provider=providers[1],
        title=ARCHIVED[0],
        defaults={
            "status": Offer.Status.ARCHIVED,
            "kind": "meeting_place",
            "languages": ["de"],
            "target_groups": ["women"],
            "lessons_learned": ARCHIVED[1],
        },
    )
    ids.append(archived.pk)
    provider_contact_add(
        region=region,
        organisation=providers[0],
        email=f"anbieter@{region.slug}.example.org",
        full_name="Demo-Anbieterkontakt",
    )
    return ids


# Suggestions from the public waiting in Harz's review queue (journey 8): one right, one not.
CHANGE_REQUESTS = {
    "harz": [
        (
            "Sprachcafé – Deutsch sprechen bei Kaffee und Kuchen",
            "Das Sprachcafé ist nicht mehr montags.",
            "Seit Oktober immer donnerstags 15–17 Uhr im Gemeindehaus.",
            {"schedule": "donnerstags 15–17 Uhr"},
            "hinweis@example.org",
        ),
        (
            "Migrationsberatung für Erwachsene",
            "Der Name ist falsch.",
            "",
            {"title": "Beratung"},
            "",
        ),
    ]
}


def _seed_change_requests(region: Region) -> None:
    for title, wrong, right, corrections, email in CHANGE_REQUESTS.get(region.slug, []):
        offer = Offer.objects.in_region(region).filter(title=title).first()
        if offer is None or ChangeRequest.objects.filter(offer=offer, data=corrections).exists():
            continue
        suggest_offer_correction(
            offer=offer, wrong=wrong, right=right, corrections=corrections, submitter_email=email
        )


@transaction.atomic
def seed() -> None:
    ids: list[int] = []
    for slug in PROVIDERS:
        region = Region.objects.filter(slug=slug).first()
        if region is not None and Municipality.objects.in_region(region).exists():
            ids += _seed_region(region)
            _seed_change_requests(region)
    reindex_offers(ids)
    from offers import demo_translations

    demo_translations.seed()
