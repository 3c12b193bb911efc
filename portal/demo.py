"""Demo data of the portal app: the seeds' four counties. Idempotent: safe to run again."""

from __future__ import annotations

from datetime import date
from typing import NotRequired, TypedDict

from django.db import transaction
from django.utils.text import slugify

from portal import services
from portal.models import (
    Membership,
    Municipality,
    Region,
    RegionContact,
    RegionStatistic,
    Role,
    TeamMember,
    User,
)

DEMO_PASSWORD = "demo-Integration-2026"
SUPERUSER_EMAIL = "admin@example.org"


class _DemoRegion(TypedDict):
    """One demo county: the region's own text fields, then what hangs off it."""

    slug: str
    name: str
    county_key: str
    office_name: str
    office_department: str
    postal_address: str
    visiting_address: str
    opening_hours: str
    introduction: str
    po_box: NotRequired[str]
    contacts: list[tuple[str, str, str]]  # kind, label, value
    team: list[tuple[str, str, str, str]]  # name, role, phone, e-mail
    statistics: list[tuple[str, str, date, str]]  # label, value, as of, source
    municipalities: list[str]


REGIONS: list[_DemoRegion] = [
    {
        "slug": "goslar",
        "name": "Landkreis Goslar",
        "county_key": "03153",
        "office_name": "Koordinierungsstelle Migration",
        "office_department": "Fachdienst Allgemeine soziale Hilfen & Migrationsdienste",
        "postal_address": "Landkreis Goslar\nKlubgartenstraße 6\n38640 Goslar",
        "visiting_address": "Kreishaus Goslar\nKlubgartenstraße 6\n38640 Goslar",
        "opening_hours": "Mo–Do 8:30–15:30 Uhr\nFr 8:30–12:00 Uhr",
        "introduction": "Die Koordinierungsstelle Migration vernetzt die vielfältigen Akteure im "
        "Kreisgebiet und entwickelt die Willkommenskultur im Landkreis Goslar weiter. Seit Juli "
        "2019 gelten die vom Kreistag verabschiedeten Integrations-Leitlinien.",
        "contacts": [
            ("phone", "Julia Aktas", "05321 76-276"),
            ("email", "", "koordinierungsstelle.migration@landkreis-goslar.de"),
        ],
        "team": [
            (
                "Britta Weber",
                "Leiterin des Fachdienstes Allgemeine soziale Hilfen & Migrationsdienste",
                "",
                "",
            ),
            (
                "Julia Aktas",
                "Koordinierungsstelle Migration, Anmeldung zu Konferenzen",
                "05321 76-276",
                "koordinierungsstelle.migration@landkreis-goslar.de",
            ),
        ],
        "statistics": [],
        "municipalities": [
            "Goslar",
            "Bad Harzburg",
            "Seesen",
            "Langelsheim",
            "Liebenburg",
            "Braunlage",
            "Clausthal-Zellerfeld",
            "Schladen-Werla",
        ],
    },
    {
        "slug": "harz",
        "name": "Landkreis Harz",
        "county_key": "15085",
        "office_name": "Koordinierungsstelle für Migration",
        "office_department": "Sozialamt",
        "postal_address": "Landkreis Harz\nKoordinierungsstelle für Migration\n"
        "Friedrich-Ebert-Straße 42\n38820 Halberstadt",
        "po_box": "Postfach 1542, 38805 Halberstadt",
        "visiting_address": "Schillerstraße 3-4\n06484 Quedlinburg\nHaus II, Erdgeschoss",
        "opening_hours": "Di 9–12 und 13–18 Uhr, Do 9–12 und 13–16 Uhr",
        "introduction": "Die Koordinierungsstelle für Migration vernetzt und koordiniert die "
        "Integrationsarbeit und fördert das ehrenamtliche Engagement, insbesondere der "
        "Integrationslotsen. Sie pflegt das Netzwerk Integration mit seinen Arbeitsgruppen in "
        "den Handlungsfeldern sowie die Träger- und die Angebotsdatenbank, die jährlich "
        "fortgeschrieben werden.",
        "contacts": [
            ("phone", "", "03946 97 74 26"),
            ("phone", "", "03946 97 74 27"),
            ("phone", "", "03946 97 74 29"),
            ("phone", "", "03946 97 74 55"),
            ("email", "Koordinierungsstelle", "koordinierungsstelle@kreis-hz.de"),
            ("email", "Migrationshilfe", "migrationshilfe@kreis-hz.de"),
        ],
        "team": [
            ("Herma Alpermann", "Koordinierungsstelle für Migration", "", ""),
            ("Susanne Böttcher", "Koordinierungsstelle für Migration", "", ""),
            ("Maria Abel", "Koordinierungsstelle für Migration", "", ""),
            ("Maximilian Wettges", "Koordinierungsstelle für Migration", "", ""),
            ("Mustafa Yacoub", "Koordinierungsstelle für Migration, Integrationslotsen", "", ""),
        ],
        "statistics": [],
        "municipalities": [
            "Halberstadt",
            "Quedlinburg",
            "Wernigerode",
            "Blankenburg (Harz)",
            "Thale",
            "Oberharz am Brocken",
            "Ilsenburg",
            "Osterwieck",
        ],
    },
    {
        "slug": "gifhorn",
        "name": "Landkreis Gifhorn",
        "county_key": "03151",
        "office_name": "Stabsstelle Integration",
        "office_department": "eingerichtet im Juni 2017",
        "postal_address": "Landkreis Gifhorn\nStabsstelle Integration\nSchlossplatz 1\n"
        "38518 Gifhorn",
        "visiting_address": "Schloss Gifhorn\nSchlossplatz 1\n38518 Gifhorn",
        "opening_hours": "Mo–Fr 8:30–12:30 Uhr und nach Vereinbarung",
        "introduction": "Die Stabsstelle Integration steuert und koordiniert sämtliche "
        "Integrationsangebote im Landkreis Gifhorn und betreut die Arbeitskreise des "
        "„Netzwerks Integration im Landkreis Gifhorn“.",
        "contacts": [("email", "", "integration@gifhorn.example")],
        "team": [
            ("Audrey Grothe", "Leiterin der Stabsstelle Integration", "", ""),
            ("Karin Otte", "Koordinierungsstelle Migration & Teilhabe", "", ""),
            (
                "Julia Redeker",
                "Kommunale Koordinierung der Bildungsangebote für Neuzugewanderte",
                "",
                "",
            ),
            (
                "Sascha Kühne",
                "Koordination von Ehrenamtlichen in der Flüchtlingsarbeit & FIM-Maßnahmen",
                "",
                "",
            ),
            ("Jutta Leinemann", "Beratung und Konzeption für Migrationsangelegenheiten", "", ""),
        ],
        "statistics": [
            (
                "Menschen mit ausländischer Staatsangehörigkeit",
                "11.108",
                date(2018, 1, 30),
                "Landkreis Gifhorn, Pressemitteilung zum Neustart des Netzwerks Integration",
            ),
            (
                "Herkunftsnationen",
                "122",
                date(2018, 1, 30),
                "Landkreis Gifhorn, Pressemitteilung zum Neustart des Netzwerks Integration",
            ),
        ],
        "municipalities": [
            "Gifhorn",
            "Wittingen",
            "Sassenburg",
            "Meine",
            "Boldecker Land",
            "Hankensbüttel",
            "Wesendorf",
            "Isenbüttel",
        ],
    },
    {
        "slug": "heilbronn",
        "name": "Landkreis Heilbronn",
        "county_key": "08125",
        "office_name": "Integrationsbeauftragte im Landratsamt",
        "office_department": "Landratsamt Heilbronn",
        "postal_address": "Landratsamt Heilbronn\nLerchenstraße 40\n74072 Heilbronn",
        "visiting_address": "Landratsamt Heilbronn\nLerchenstraße 40\n74072 Heilbronn",
        "opening_hours": "Mo–Fr 8–12 Uhr, Do 14–17:30 Uhr",
        "introduction": "Das 2016 erstmals erstellte Integrationskonzept dient als Leitfaden "
        "für die Integrationsarbeit in Bildung, Arbeit und beruflicher Qualifizierung oder "
        "beim Erlernen der deutschen Sprache. 2023 wird es unter Beteiligung der Menschen im "
        "Landkreis fortgeschrieben.",
        "contacts": [
            ("phone", "", "07131 994-7285"),
            ("email", "", "integration@landratsamt-heilbronn.de"),
        ],
        "team": [],
        "statistics": [],
        "municipalities": [
            "Offenau",
            "Neuenstadt am Kocher",
            "Weinsberg",
            "Brackenheim",
            "Eppingen",
            "Bad Rappenau",
            "Neckarsulm",
            "Lauffen am Neckar",
        ],
    },
]


def coordinator_email(slug: str) -> str:
    return f"koordination@{slug}.example.org"


@transaction.atomic
def seed() -> list[tuple[str, str]]:
    """Create or update the demo counties; returns the demo logins (e-mail, role)."""
    logins: list[tuple[str, str]] = []
    admin = User.objects.filter(email=SUPERUSER_EMAIL).first()
    if admin is None:
        User.objects.create_superuser(SUPERUSER_EMAIL, DEMO_PASSWORD, full_name="Plattform-Admin")
    logins.append((SUPERUSER_EMAIL, "superuser"))
    for demo in REGIONS:
        # The region's own fields are the text ones; the lists are rows of other tables.
        data = {key: value for key, value in demo.items() if isinstance(value, str)}
        contacts = demo["contacts"]
        team = demo["team"]
        statistics = demo["statistics"]
        municipalities = demo["municipalities"]
        region = Region.objects.filter(slug=data["slug"]).first()
        if region is None:
            region = services.region_create(**data)
        else:
            for key, value in data.items():
                setattr(region, key, value)
            region.save()
        for order, (kind, label, value) in enumerate(contacts):
            RegionContact.objects.update_or_create(
                region=region, kind=kind, value=value, defaults={"label": label, "order": order}
            )
        for order, (name, role, phone, email) in enumerate(team):
            TeamMember.objects.update_or_create(
                region=region,
                name=name,
                defaults={"role": role, "phone": phone, "email": email, "order": order},
            )
        for order, (label, value, as_of, source) in enumerate(statistics):
            RegionStatistic.objects.update_or_create(
                region=region,
                label=label,
                defaults={"value": value, "as_of": as_of, "source": source, "order": order},
            )
        for name in municipalities:
            Municipality.objects.get_or_create(
                region=region, slug=slugify(name), defaults={"name": name}
            )
        email = coordinator_email(region.slug)
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email, DEMO_PASSWORD, full_name=f"Koordination {region.name}"
            )
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        Membership.objects.get_or_create(
            user=user, region=region, defaults={"role": Role.COORDINATOR}
        )
        logins.append((email, f"coordinator, {region.name}"))
    from portal import demo_translations

    demo_translations.seed()
    return logins
