"""Staff keep offers and providers: create with places, archive with lessons learned, export."""

import io

import pytest
from django.urls import reverse

from offers.models import Offer
from offers.selectors.search import SearchParams, search_offers
from tests.factories import MunicipalityFactory
from tests.networks.factories import ConceptFactory, MeasureFactory
from tests.offers.factories import OrganisationFactory, make_offer


def url(name, **kwargs):
    return reverse(f"offers_staff:{name}", kwargs={"region": "goslar", **kwargs})


def offer_post(provider, **extra):
    data = {
        "provider": provider.pk,
        "title": "Sprachkurs für Frauen",
        "kind": "course",
        "cost": "free",
        "registration": "phone",
        "registration_detail": "05321 1",
        "step_free": "yes",
        "status": "published",
        "languages": ["ar", "de"],
        "places-TOTAL_FORMS": "1",
        "places-INITIAL_FORMS": "0",
        "places-MIN_NUM_FORMS": "0",
        "places-MAX_NUM_FORMS": "20",
        "places-0-street": "Markt 1",
        "places-0-city": "Goslar",
    }
    data.update(extra)
    return data


def test_staff_create_an_offer_with_a_place_and_it_is_searchable(
    client_of, coordinator_goslar, goslar
):
    provider = OrganisationFactory(region=goslar)
    town = MunicipalityFactory(region=goslar, name="Goslar", slug="goslar-stadt")
    client = client_of(coordinator_goslar)
    response = client.post(
        url("offer_create"), offer_post(provider, **{"places-0-municipality": town.pk})
    )
    assert response.status_code == 302
    offer = Offer.objects.get()
    assert offer.published_at is not None and offer.places.get().municipality == town
    assert search_offers(goslar, SearchParams(q="Sprachkurse Frauen")).total == 1


def test_invalid_input_gives_messages_not_errors(client_of, coordinator_goslar, goslar):
    provider = OrganisationFactory(region=goslar)
    client = client_of(coordinator_goslar)
    bad = offer_post(
        provider,
        registration="email",
        registration_detail="nicht-mail",
        start_date="2030-05-01",
        end_date="2030-04-01",
        **{"places-0-latitude": "51.9"},
    )
    response = client.post(url("offer_create"), bad)
    assert response.status_code == 400
    html = response.content.decode()
    assert "valid e-mail" in html or "gültige E-Mail" in html
    assert not Offer.objects.exists()


def test_another_regions_provider_cannot_be_chosen(client_of, coordinator_goslar, harz):
    foreign = OrganisationFactory(region=harz)
    response = client_of(coordinator_goslar).post(url("offer_create"), offer_post(foreign))
    assert response.status_code == 400
    assert not Offer.objects.exists()


def test_archiving_keeps_lessons_learned_that_staff_can_search(
    client_of, coordinator_goslar, goslar
):
    offer = make_offer(goslar, title="Frauenfrühstück")
    client = client_of(coordinator_goslar)
    client.post(
        url("offer_archive", pk=offer.pk),
        {"lessons_learned": "Uhrzeit passte nicht zu den Kita-Zeiten"},
    )
    offer.refresh_from_db()
    assert offer.status == "archived"
    assert search_offers(goslar, SearchParams(q="Frauenfrühstück")).total == 0
    html = client.get(url("offer_list"), {"q": "Kita-Zeiten"}).content.decode()
    assert "Frauenfrühstück" in html


@pytest.mark.parametrize(
    ("q", "found"),
    [
        ("Kita Uhrzeit", True),  # words in any order
        ("uhrzeit PASSTE", True),
        ("fruehstueck", True),  # umlauts written out
        ("Frühstück Kita", True),  # one word in the title, one in the lessons learned
        ("Kita Abend", False),  # every word must occur
    ],
)
def test_staff_search_of_lessons_learned_is_word_by_word(
    client_of, coordinator_goslar, goslar, q, found
):
    make_offer(
        goslar,
        title="Frauenfrühstück",
        status="archived",
        lessons_learned="Uhrzeit passte nicht zu den Kita-Zeiten",
    )
    make_offer(goslar, title="Anderes Angebot", status="archived", lessons_learned="Zu teuer")
    html = client_of(coordinator_goslar).get(url("offer_list"), {"q": q}).content.decode()
    assert ("Frauenfrühstück" in html) is found
    assert "Anderes Angebot" not in html


def test_lessons_learned_never_reach_the_public(client, goslar):
    offer = make_offer(goslar, title="Sprachtreff", lessons_learned="Geheim: zu wenig Werbung")
    assert "Geheim" not in client.get(offer.get_absolute_url()).content.decode()
    data = client.get(
        reverse("offers:data_file", kwargs={"region": "goslar", "dataset": "offers", "fmt": "json"})
    ).content.decode()
    assert "Geheim" not in data


def test_staff_edit_a_provider_and_add_a_contact(client_of, coordinator_goslar, goslar):
    org = OrganisationFactory(region=goslar, name="AWO")
    client = client_of(coordinator_goslar)
    client.post(
        url("provider_edit", pk=org.pk),
        {
            "name": "AWO Kreisverband",
            "kind": "welfare_association",
            "website": "awo.example",
            "is_public": "on",
        },
    )
    org.refresh_from_db()
    assert org.name == "AWO Kreisverband" and org.website == "https://awo.example"
    client.post(url("contact_add", pk=org.pk), {"email": "leitung@awo.example"})
    assert org.provider_contacts.get().user.email == "leitung@awo.example"
    assert (
        client.post(
            url("provider_create"), {"name": "AWO Kreisverband", "kind": "other"}
        ).status_code
        == 400
    )


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


@pytest.mark.parametrize("region_slug", ["harz"])
def test_staff_cannot_reach_another_regions_offer(client_of, editor_harz, goslar, region_slug):
    offer = make_offer(goslar)
    response = client_of(editor_harz).get(
        reverse("offers_staff:offer_edit", kwargs={"region": region_slug, "pk": offer.pk})
    )
    assert response.status_code == 404


def test_coverage_matrix_counts_offers_per_municipality_and_field(
    client_of, coordinator_goslar, goslar
):
    seesen = MunicipalityFactory(region=goslar, name="Seesen", slug="seesen")
    sprache = goslar.fields_of_action.get(slug="sprache")
    arbeit = goslar.fields_of_action.get(slug="arbeit")
    make_offer(goslar, fields=[sprache, arbeit], municipality=seesen, languages=["ar"])
    make_offer(goslar, fields=[sprache], municipality=seesen, languages=["ar", "uk"])
    make_offer(goslar, fields=[sprache], status="draft", municipality=seesen)
    from offers.selectors.coverage import coverage

    data = coverage(goslar)
    row = next(r for r in data.rows if r[0] == seesen)
    counts = {f.slug: c.count for f, c in zip(data.fields, row[1], strict=True)}
    assert counts["sprache"] == 2 and counts["arbeit"] == 1 and counts["schule"] == 0
    assert row[2] == 2
    langs = dict(data.languages_by_field)[sprache]
    assert langs[0][1] == 2 and "Arabisch" in langs[0][0]
    client = client_of(coordinator_goslar)
    html = client.get(url("coverage")).content.decode()
    assert "<caption>" in html and 'scope="row">Seesen' in html
    csv_text = client.get(url("coverage_csv")).content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("Gemeinde;Arbeit")


def test_staff_link_measures_of_the_concept_and_the_annexes_render(
    client_of, coordinator_goslar, goslar
):
    from django.template.loader import render_to_string

    from networks.annexes import get_annex

    concept = ConceptFactory(region=goslar, title="Konzept", version=2024)
    field = goslar.fields_of_action.get(slug="sprache")
    measure = MeasureFactory(concept=concept, field_of_action=field, title="Sprachlotsen")
    provider = OrganisationFactory(region=goslar)
    client = client_of(coordinator_goslar)
    client.post(
        url("offer_create"),
        offer_post(provider, measures=[measure.pk], fields_of_action=[field.pk]),
    )
    offer = Offer.objects.get()
    assert list(offer.measures.all()) == [measure]
    assert list(measure.offers.all()) == [offer]
    for key in ("offer_directory", "offer_coverage"):
        annex = get_annex(key)
        html = render_to_string(annex.template, annex.context(concept))
        assert "<caption>" in html
        assert annex.fingerprint(concept)
    directory = get_annex("offer_directory")
    assert "Sprachkurs für Frauen" in render_to_string(
        directory.template, directory.context(concept)
    )
