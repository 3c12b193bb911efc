"""Staff export offers and providers as CSV and XLSX, and the guide as PDF."""

import io

from tests.offers.factories import make_offer
from tests.offers.staff_forms import url


def test_exports_csv_xlsx_and_pdf_guide(client_of, coordinator_goslar, goslar):
    field = goslar.fields_of_action.get(slug="sprache")
    make_offer(
        goslar,
        title="Sprachkurs Arabisch",
        languages=["ar"],
        fields=[field],
        lessons_learned="intern",
    )
    make_offer(goslar, title="Ohne Handlungsfeld")
    client = client_of(coordinator_goslar)
    text = client.get(url("export_offers", fmt="csv")).content.decode("utf-8-sig")
    assert "Sprachkurs Arabisch" in text and "lessons_learned" in text.splitlines()[0]
    xlsx = client.get(url("export_providers", fmt="xlsx"))
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["B1"].value == "name"
    assert client.get(url("export_offers", fmt="doc")).status_code == 404
    pdf = client.get(url("export_guide"))
    assert pdf["Content-Type"] == "application/pdf"
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Sprache" in text and "Sprachkurs Arabisch" in text and "Ohne Handlungsfeld" in text


def test_the_guide_is_german_whatever_language_the_staff_work_in(
    client_of, coordinator_goslar, goslar
):
    from pypdf import PdfReader

    make_offer(goslar, title="Sprachcafé", languages=["de", "ar"])
    client = client_of(coordinator_goslar)
    pdf = client.get(url("export_guide") + "?language=en")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Sprachcafé" in text and "Sprachen" in text and "Languages" not in text
