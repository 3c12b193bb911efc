"""The public page of one offer (and its print view): structured data, sanitised text,
consented contacts, the measures it implements, languages in the reader's language."""

import json

import pytest
from django.urls import reverse
from django.utils import translation

from networks.models import Person
from tests.networks.factories import ConceptFactory, MeasureFactory
from tests.offers.factories import make_offer


def test_the_offer_page_has_json_ld_sanitised_markdown_and_a_map_link(client, offer):
    response = client.get(offer.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Jeden Dienstag</strong>" in html
    assert "<script>alert" not in html
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(html[start : html.index("</script>", start)])
    assert data["name"] == "Sprachcafé Seesen"
    assert data["provider"]["name"] == "Caritas Goslar"
    assert {lang["alternateName"] for lang in data["availableLanguage"]} == {"de", "ar"}
    assert "openstreetmap.org/?mlat=51.89" in html
    assert "Frau Demir" in html


def test_contact_persons_without_consent_stay_hidden(client, offer):
    Person.objects.filter(pk=offer.contact_person_id).update(public_consent=False)
    assert "Frau Demir" not in client.get(offer.get_absolute_url()).content.decode()


def test_the_print_view_is_a_plain_page(client, offer):
    url = reverse("offers:offer_print", kwargs={"region": "goslar", "pk": offer.pk})
    html = client.get(url).content.decode()
    assert "Sprachcafé Seesen" in html and "site-header" not in html


def test_drafts_and_other_regions_offers_are_404(client, goslar, harz):
    draft = make_offer(goslar, status="draft")
    other = make_offer(harz)
    assert client.get(draft.get_absolute_url()).status_code == 404
    url = reverse("offers:offer_detail", kwargs={"region": "goslar", "pk": other.pk})
    assert client.get(url).status_code == 404


def test_the_offer_page_shows_the_measures_it_implements_with_a_link_to_the_tracker(
    client, offer, goslar
):
    field = goslar.fields_of_action.first()
    adopted = ConceptFactory(
        region=goslar, title="Integrationskonzept 2024", version=2024, status="adopted"
    )
    draft = ConceptFactory(region=goslar, title="Entwurf", version=2027)
    shown = MeasureFactory(
        concept=adopted,
        field_of_action=field,
        title="Sprachlotsen ausbilden",
        status="in_progress",
        progress=40,
    )
    hidden = MeasureFactory(concept=draft, field_of_action=field, title="Geheimplan")
    offer.measures.set([shown, hidden])
    html = client.get(offer.get_absolute_url()).content.decode()
    tracker = reverse("networks:measure_tracker", kwargs={"region": "goslar", "version": 2024})
    assert f'href="{tracker}#measure-{shown.pk}"><bdi>Sprachlotsen ausbilden</bdi></a>' in html
    assert "40\xa0% umgesetzt" in html and "Integrationskonzept 2024" in html
    assert "Geheimplan" not in html


@pytest.mark.parametrize(
    ("language", "arabic", "german", "conjunction"),
    [
        ("de", "Arabisch", "Deutsch", " und "),
        ("en", "Arabic", "German", " and "),
        ("ar", "العربية", "الألمانية", " و"),
    ],
)
def test_the_offers_languages_are_named_in_the_readers_language(
    client, offer, language, arabic, german, conjunction
):
    html = client.get(offer.get_absolute_url() + f"?language={language}").content.decode()
    with translation.override(language):
        label = translation.gettext("Languages")
    languages = html.split(f">{label}</dt>", 1)[1].split("</dd>", 1)[0]
    assert arabic in languages and german in languages
    # A list as the reader's language writes it: "Deutsch und Arabisch", "الألمانية والعربية".
    assert conjunction in languages and ", " not in languages
    if language != "ar":  # the native name follows where it differs
        assert '(<bdi lang="ar">العربية</bdi>)' in languages
    assert "Arabisch" not in languages or language == "de"
