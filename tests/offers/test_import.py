"""Import of existing lists: preview with row-numbered errors, then all or nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from networks.models import Organisation
from offers.models import ImportBatch, Offer
from offers.services import imports
from tests.factories import MunicipalityFactory

GOOD = (
    "Titel;Träger;Art;Handlungsfelder;Sprachen;Kosten;Gemeinde;Straße;Beginn\n"
    "Sprachcafé;Caritas;Treffpunkt;Sprache;arabisch, Deutsch;kostenlos;Seesen;Markt 1;01.09.2030\n"
    "Bewerbungstraining;Jobcenter;course;Arbeit;uk;free;;;2030-10-01\n"
)


@pytest.fixture
def seesen(goslar):
    return MunicipalityFactory(region=goslar, name="Seesen", slug="seesen")


def upload(client, content, name="liste.csv", what="offers"):
    url = reverse("offers_staff:import_upload", kwargs={"region": "goslar"})
    file = SimpleUploadedFile(name, content if isinstance(content, bytes) else content.encode())
    return client.post(url, {"what": what, "file": file})


def test_a_good_file_is_previewed_then_imported(client_of, coordinator_goslar, goslar, seesen):
    client = client_of(coordinator_goslar)
    response = upload(client, GOOD)
    assert response.status_code == 302
    preview = client.get(response.url).content.decode()
    assert "Neuer Träger: Caritas" in preview or "New provider: Caritas" in preview
    assert not Offer.objects.exists()  # nothing before the commit
    client.post(response.url)
    cafe = Offer.objects.get(title="Sprachcafé")
    assert cafe.languages == ["ar", "de"] and cafe.kind == "meeting_place"
    assert cafe.places.get().municipality == seesen
    assert cafe.start_date.isoformat() == "2030-09-01"
    assert Organisation.objects.filter(region=goslar, name="Jobcenter").exists()
    assert ImportBatch.objects.get().created_count == 2
    client.post(response.url)  # a second commit does nothing
    assert Offer.objects.count() == 2


def test_imported_offers_are_found_by_the_search_under_their_municipality(
    client_of, coordinator_goslar, goslar, seesen
):
    from offers.selectors.search import SearchParams, search_offers

    response = upload(client_of(coordinator_goslar), GOOD)
    client_of(coordinator_goslar).post(response.url)
    result = search_offers(goslar, SearchParams(municipality="seesen"))
    assert [offer.title for offer in result.offers] == ["Sprachcafé"]


def test_errors_are_listed_with_row_numbers_and_nothing_is_imported(
    client_of, coordinator_goslar, goslar, seesen
):
    bad = GOOD + (
        "Kurs ohne Träger;;course;;de;free;;;\n"
        "Termin;Verein;course;Zauberei;klingonisch;teuer;Atlantis;;32.13.2030\n"
    )
    client = client_of(coordinator_goslar)
    response = upload(client, bad)
    html = client.get(response.url).content.decode()
    assert "<td>4</td>" in html and "<td>5</td>" in html
    for word in ("Zauberei", "klingonisch", "teuer", "Atlantis", "32.13.2030"):
        assert word in html
    assert "Import all rows" not in html and "Alle Zeilen importieren" not in html
    batch = ImportBatch.objects.get()
    with pytest.raises(imports.ImportHasErrors):
        imports.commit(batch=batch)
    client.post(response.url)
    assert not Offer.objects.exists()
    assert not Organisation.objects.filter(name__in=["Caritas", "Jobcenter"]).exists()


def test_a_failure_during_commit_rolls_everything_back(
    client_of, coordinator_goslar, goslar, seesen, monkeypatch
):
    client = client_of(coordinator_goslar)
    response = upload(client, GOOD)
    original = imports.OfferPlace.save

    def fail_on_second(place, *args, **kwargs):
        if Offer.objects.count() >= 2:
            raise RuntimeError("disk full")
        return original(place, *args, **kwargs)

    # Saving the second offer's place fails (the services save places with save()).
    monkeypatch.setattr(imports.OfferPlace, "save", fail_on_second)
    batch = ImportBatch.objects.get()
    GOOD_WITH_PLACES = GOOD.replace(";;;2030-10-01", ";Seesen;Weg 2;2030-10-01")
    batch.content = GOOD_WITH_PLACES.encode()
    batch.save()
    with pytest.raises(RuntimeError):
        imports.commit(batch=batch)
    assert not Offer.objects.exists()
    assert response.status_code == 302


def test_xlsx_files_and_providers(client_of, coordinator_goslar, goslar):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Name", "Art", "Ort", "E-Mail", "Webseite"])
    workbook.active.append(
        ["Kulturverein Mosaik", "Verein", "Goslar", "info@mosaik.example", "mosaik.example"]
    )
    workbook.active.append(["Kaputt", "", "", "keine-mail", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client = client_of(coordinator_goslar)
    response = upload(client, buffer.getvalue(), name="traeger.xlsx", what="providers")
    html = client.get(response.url).content.decode()
    assert "<td>3</td>" in html and "keine-mail" not in Organisation.objects.values_list(
        "email", flat=True
    )
    assert not Organisation.objects.filter(name="Kulturverein Mosaik").exists()


def test_wrong_files_get_a_clear_message(client_of, coordinator_goslar, goslar):
    client = client_of(coordinator_goslar)
    assert upload(client, b"x", name="liste.pdf").status_code == 400
    response = upload(client, b"not a zip", name="liste.xlsx")
    assert response.status_code == 400  # refused at the upload, nothing stored
    assert response.context["form"].errors["file"]
    assert not ImportBatch.objects.exists()


def test_german_values_are_understood_and_errors_told_in_the_readers_language(
    client_of, coordinator_goslar, goslar, seesen
):
    client = client_of(coordinator_goslar)
    client.cookies["django_language"] = "ar"
    response = upload(client, GOOD + "Termin;Verein;Kurs;;de;teuer;;;\n")
    html = client.get(response.url).content.decode()
    assert "قيمة غير معروفة" in html and "„teuer“" not in html  # the Arabic message
    assert html.count("table-danger") == 1  # "Treffpunkt", "kostenlos" and "Kurs" matched
