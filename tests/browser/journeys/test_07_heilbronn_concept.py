"""Journey 7 - Heilbronn revises the concept (seed 004).

The coordinator starts the 2023 revision from the adopted 2016 concept, edits a guideline, a
chapter and the measures, sees what changed, adopts it, exports the PDF while watching its
progress, and finds the new version on the public site with the old one still readable.
"""

from __future__ import annotations

from networks.models import IntegrationConcept


def cap(label: str) -> str:
    return label[:1].upper() + label[1:]


def save(journey) -> None:
    with journey.page.expect_navigation():
        journey.page.get_by_role("button", name=journey._("Save"), exact=True).click()


def test_heilbronn_revises_adopts_and_publishes_its_concept(staff_journey, jobs):
    journey = staff_journey
    page, _ = journey.page, journey._
    journey.start()
    journey.login("koordination@heilbronn.example.org")
    page.get_by_role("link", name=_("Integration concept")).first.click()
    page.wait_for_url("**/staff/heilbronn/network/concepts/")
    journey.check("concept versions")
    page.get_by_role("link", name="2016", exact=True).click()
    journey.check("adopted 2016 concept")

    # Start the revision: a draft copy of 2016 with every guideline, chapter and measure.
    page.get_by_label(_("Version (year) of the revision")).fill("2023")
    with page.expect_navigation():
        page.get_by_role("button", name=_("Start a revision")).click()
    journey.check("draft 2023")
    draft = IntegrationConcept.objects.get(region__slug="heilbronn", version=2023)
    assert draft.status == "draft" and draft.revision_of.version == 2016

    # Foreword, a guideline, a chapter and the measures.
    page.get_by_role("link", name=_("Edit title, version and foreword")).click()
    page.get_by_label(cap(_("foreword"))).fill(
        "Fortschreibung 2023: In vier Beteiligungswerkstätten in Offenau, Neuenstadt, "
        "Weinsberg und Brackenheim wurden Bedarfe, Themen und Herausforderungen gesammelt."
    )
    save(journey)
    page.get_by_role("link", name=_("Add a guideline")).click()
    page.get_by_label(cap(_("title"))).fill("Teilhabe für alle Menschen mit Zuwanderungsgeschichte")
    page.get_by_label(cap(_("text"))).fill(
        "Geflüchtete sowie Zugewanderte aus der EU und anderen Ländern."
    )
    journey.check("guideline form")
    save(journey)
    page.get_by_role("link", name="Sprache", exact=True).click()
    page.get_by_label(cap(_("goals"))).fill("Sprachförderung vom ersten Tag an, auch digital.")
    journey.check("chapter form")
    save(journey)
    page.get_by_role("link", name="Sprachpatenschaften in den Gemeinden").click()
    page.get_by_label(cap(_("title"))).fill("Sprachpatenschaften und digitale Lernangebote")
    page.get_by_role("spinbutton", name=cap(_("progress"))).fill("70")
    journey.check("measure form")
    save(journey)
    page.get_by_role("link", name=_("Add a measure")).click()
    page.get_by_label(cap(_("field of action"))).select_option(label="Arbeit")
    page.get_by_label(cap(_("title"))).fill("Integrationsmanagement in allen Gemeinden")
    save(journey)
    journey.check("draft after editing")
    titles = set(draft.measures.values_list("title", flat=True))
    assert {
        "Sprachpatenschaften und digitale Lernangebote",
        "Integrationsmanagement in allen Gemeinden",
    } <= titles

    # What changed since 2016.
    page.get_by_role("link", name=_("Compare with another version")).click()
    page.wait_for_url("**/concepts/compare/**")
    journey.check("what changed")
    changes = page.locator("main").inner_text()
    assert "Integrationsmanagement in allen Gemeinden" in changes  # added
    assert "Sprachpatenschaften und digitale Lernangebote" in changes  # changed
    page.go_back()

    # Adopted by the county council.
    page.get_by_label(_("Adopted by the county council on")).fill("2023-12-11")
    with page.expect_navigation():
        page.get_by_role("button", name=_("Record the adoption")).click()
    journey.check("adopted 2023")
    draft.refresh_from_db()
    assert draft.status == "adopted"
    assert (
        IntegrationConcept.objects.get(region__slug="heilbronn", version=2016).status
        == "superseded"
    )

    # The PDF, with its progress while the worker builds it.
    page.get_by_role("button", name=_("Generate PDF")).click()
    page.wait_for_url("**/staff/heilbronn/network/exports/*/")
    journey.check("export in progress")
    jobs.run()  # the worker
    download_link = page.locator("#export-status a.btn")
    download_link.wait_for(timeout=15_000)  # the page polls every two seconds
    journey.check("export done")
    with page.expect_download() as download:
        download_link.click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # The public site: the new version, and the old one still readable.
    page.get_by_role("link", name=str(draft)).first.click()
    page.get_by_role("link", name=_("View the public pages")).click()
    page.wait_for_url("**/heilbronn/concept/2023/")
    journey.check("public 2023")
    assert "In vier Beteiligungswerkstätten" in page.locator("main").inner_text()
    page.get_by_role("link", name=_("Versions")).first.click()
    journey.check("public versions")
    page.get_by_role("link", name="2016", exact=True).click()
    page.wait_for_url("**/heilbronn/concept/2016/")
    journey.check("public 2016, superseded")
    assert page.get_by_role("note").is_visible()  # "superseded by a newer one"
