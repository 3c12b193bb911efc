"""Staff exchange texts with a translation agency as XLIFF, by clicking.

The Harz coordinator opens the translations, downloads the Arabic texts that need work as
XLIFF 1.2, "the agency" fills in two of them (one missing, one outdated), and the coordinator
uploads the file, looks at the preview and imports it: both texts are up to date afterwards,
for the German version they were exported from. Runs with the back-office in German and in
Arabic.
"""

from __future__ import annotations

from django.utils import translation
from translate.storage import xliff as xliff1

from offers.models import Offer
from portal.translations import Status, translated

ELTERNTREFF = "Ukrainisch-deutscher Elterntreff"  # description not translated into Arabic
INTEGRATIONSKURS = "Integrationskurs mit Kinderbetreuung"  # Arabic description outdated


def test_staff_export_the_arabic_texts_and_import_the_agencys_file(staff_journey, tmp_path):
    journey = staff_journey
    page, _ = journey.page, journey._
    journey.start()
    journey.login("koordination@harz.example.org")

    page.get_by_role("link", name=_("Translations"), exact=True).first.click()
    page.wait_for_url("**/translations/")
    journey.check("translations overview")
    with translation.override(journey.lang):
        arabic = str(translation.get_language_info("ar")["name_translated"])
    page.get_by_role("link", name=_("Work on %(language)s") % {"language": arabic}).click()
    page.wait_for_url("**/translations/ar/")
    journey.check("Arabic work list")

    with page.expect_download() as download_info:
        page.get_by_role("link", name=_("Export for an agency (XLIFF 1.2)")).click()
    download = download_info.value
    assert download.suggested_filename == "harz-ar-xliff12.xlf"
    store = xliff1.xlifffile.parsestring(open(download.path(), "rb").read())  # noqa: SIM115
    assert store.gettargetlanguage() == "ar"

    # The agency translates the parents' meeting's description and revises the course's.
    elterntreff = Offer.objects.get(region__slug="harz", title=ELTERNTREFF)
    course = Offer.objects.get(region__slug="harz", title=INTEGRATIONSKURS)
    units = {unit.getid().split("\x04")[-1]: unit for unit in store.units}
    missing = units[f"offers.offer.{elterntreff.pk}.description"]
    outdated = units[f"offers.offer.{course.pk}.description"]
    assert not missing.target and outdated.isfuzzy()  # sent along for review
    missing.target = "معلومات عن الحضانة والمدرسة وطبيب الأطفال."
    outdated.target = "تشمل الدورة 600 ساعة من دروس اللغة الألمانية."
    outdated.markfuzzy(False)
    returned = tmp_path / "harz-ar-back.xlf"
    returned.write_bytes(bytes(store))

    page.get_by_role("link", name=_("Import a translated XLIFF file")).click()
    page.wait_for_url("**/translations/ar/import/")
    journey.check("import form")
    page.get_by_label(_("XLIFF file")).set_input_files(str(returned))
    with page.expect_navigation():
        page.get_by_role("button", name=_("Check the file")).click()
    journey.check("import preview")
    counts = page.locator(".import-counts")
    assert f"{_('new')}: 1" in counts.inner_text()
    assert f"{_('changed')}: 1" in counts.inner_text()
    # The preview stored nothing yet.
    assert translated(elterntreff, "description", "ar").status == Status.MISSING

    with page.expect_navigation():
        page.get_by_role("button", name=_("Import all translations")).click()
    page.wait_for_url("**/translations/ar/")
    journey.check("imported")
    assert page.get_by_text(_("%(count)s translations imported.") % {"count": 2}).is_visible()
    for offer, text in ((elterntreff, missing.target), (course, outdated.target)):
        shown = translated(Offer.objects.get(pk=offer.pk), "description", "ar")
        assert (shown.text, shown.status) == (text, Status.UP_TO_DATE)
