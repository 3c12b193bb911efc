"""Journey 8 - Harz keeps the directories current (seed 002).

The coordinator imports the provider and offer lists from Excel (a preview with row errors,
then all rows or none), starts the yearly update round, and a provider answers through the
personal link in the mail; the coordinator decides the public change requests shown as a diff,
looks at the coverage of municipalities × fields of action, and prints the offer guide.
"""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook

from networks.models import Organisation
from offers.models import ChangeRequest, Offer, OfferConfirmation, UpdateRound
from portal.models import OutgoingMail
from tests.browser.conftest import CONTEXT_OPTIONS
from tests.browser.journeys.conftest import PHONE, Journey

PROVIDERS = [
    ["Name", "Art", "Straße", "PLZ", "Ort", "Gemeinde", "E-Mail", "Telefon"],
    [
        "Frauenzentrum Thale e. V.",
        "Verein",
        "Karl-Marx-Straße 9",
        "06502",
        "Thale",
        "Thale",
        "info@frauenzentrum-thale.example",
        "03947 1234",
    ],
    ["Sportbund Harz", "Verein", "Am Stadion 1", "38820", "Halberstadt", "Halberstadt", "", ""],
]
OFFERS_HEADER = ["Titel", "Träger", "Art", "Handlungsfelder", "Sprachen", "Kosten", "Gemeinde"]
OFFERS = [
    [
        "Nähtreff für Frauen",
        "Frauenzentrum Thale e. V.",
        "Treffpunkt",
        "Integration",
        "Deutsch|Arabisch",
        "kostenlos",
        "Thale",
    ],
    [
        "Fußball für alle",
        "Sportbund Harz",
        "Sport",
        "Sport und Freizeit",
        "Deutsch",
        "kostenlos",
        "Halberstadt",
    ],
]


def workbook(path: Path, rows: list[list[str]]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def cap(label: str) -> str:
    return label[:1].upper() + label[1:]


def upload(journey, what: str, path: Path) -> None:
    page, _ = journey.page, journey._
    page.get_by_label(_("The file contains")).select_option(what)
    page.get_by_label(_("File (XLSX or CSV)")).set_input_files(str(path))
    with page.expect_navigation():
        page.get_by_role("button", name=_("Show preview")).click()


def test_harz_imports_runs_the_update_round_and_reviews_suggestions(
    staff_journey, browser, live_server, tmp_path
):
    journey = staff_journey
    page, _ = journey.page, journey._
    journey.start()
    journey.login("koordination@harz.example.org")

    # Import: providers first, then offers - a file with an error imports nothing.
    page.get_by_role("link", name=_("Offers"), exact=True).first.click()
    journey.check("offers")
    page.get_by_role("link", name=_("Import"), exact=True).click()
    journey.check("import")
    upload(journey, "providers", workbook(tmp_path / "traeger.xlsx", PROVIDERS))
    journey.check("provider preview")
    with page.expect_navigation():
        page.get_by_role("button", name=_("Import all rows")).click()
    assert Organisation.objects.filter(name="Frauenzentrum Thale e. V.").exists()

    page.get_by_role("link", name=_("Upload another file")).click()
    broken = [
        *OFFERS,
        ["", "Sportbund Harz", "Sport", "Sport und Freizeit", "Deutsch", "teuer", "Atlantis"],
    ]
    upload(journey, "offers", workbook(tmp_path / "angebote.xlsx", [OFFERS_HEADER, *broken]))
    journey.check("offer preview with a row error")
    assert page.locator("tr.table-danger").count() == 1
    assert page.get_by_role("button", name=_("Import all rows")).count() == 0
    assert not Offer.objects.filter(title="Nähtreff für Frauen").exists()  # all or nothing
    page.get_by_role("link", name=_("Upload another file")).click()
    upload(
        journey, "offers", workbook(tmp_path / "angebote-korrigiert.xlsx", [OFFERS_HEADER, *OFFERS])
    )
    with page.expect_navigation():
        page.get_by_role("button", name=_("Import all rows")).click()
    journey.check("offers imported")
    assert Offer.objects.filter(title__in=["Nähtreff für Frauen", "Fußball für alle"]).count() == 2

    # The yearly update round.
    page.get_by_role("link", name=_("Update rounds")).first.click()
    journey.check("update rounds")
    page.get_by_label(cap(_("name"))).fill("Aktualisierung 2027")
    page.get_by_label(cap(_("deadline"))).fill("2027-03-31")
    with page.expect_navigation():
        page.get_by_role("button", name=_("Start and send e-mails")).click()
    journey.check("round started")
    update_round = UpdateRound.objects.get(region__slug="harz")

    # A provider opens the personal link from the mail, on her phone, without logging in.
    mail = OutgoingMail.objects.get(to="anbieter@harz.example.org")
    link = re.search(r"/update/[^\s/]+/", mail.body_text).group(0)
    provider_context = browser.new_context(
        **CONTEXT_OPTIONS, viewport=PHONE, is_mobile=True, has_touch=True
    )
    provider = Journey(
        provider_context.new_page(),
        lang="de",
        base_url=live_server.url,
        viewport=PHONE,
        name=f"{journey.folder.name}-provider",
        totp={},
    )
    provider.goto(link)  # the link in the mail
    provider.check("provider's update page")
    first_offer = provider.page.locator("tbody tr").first
    with provider.page.expect_navigation():
        first_offer.get_by_role("button", name=provider._("Still current")).click()
    provider.check("provider answered")
    provider_context.close()
    assert OfferConfirmation.objects.filter(round=update_round, outcome="confirmed").count() == 1
    page.reload()
    journey.check("round with an answer")

    # The public's suggestions, shown as a diff: one is right, one is not.
    page.get_by_role("link", name=_("Change requests")).first.click()
    journey.check("change requests")
    page.get_by_role("link", name=re.compile("Sprachcafé")).click()
    journey.check("suggestion with a diff")
    assert page.locator("ins").filter(has_text="donnerstags 15–17 Uhr").count() == 1
    page.get_by_label(_("Note to the submitter (optional)")).fill("Danke, ist korrigiert!")
    with page.expect_navigation():
        page.get_by_role("button", name=_("Accept"), exact=True).click()
    assert Offer.objects.get(title__startswith="Sprachcafé", region__slug="harz").schedule == (
        "donnerstags 15–17 Uhr"
    )
    page.get_by_role("link", name=re.compile("Migrationsberatung")).click()
    with page.expect_navigation():
        page.get_by_role("button", name=_("Reject"), exact=True).click()
    assert ChangeRequest.objects.filter(region__slug="harz", status="pending").count() == 0
    assert Offer.objects.filter(title="Migrationsberatung für Erwachsene").exists()
    journey.check("change requests decided")

    # Coverage of municipalities × fields of action, and the printed guide.
    page.get_by_role("link", name=_("Coverage analysis")).first.click()
    journey.check("coverage")
    assert page.get_by_role("table").count() >= 1
    page.get_by_role("link", name=_("Offers"), exact=True).first.click()
    with page.expect_download() as download:
        page.get_by_role("link", name=_("PDF guide")).click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
