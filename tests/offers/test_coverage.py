"""The coverage matrix: offers per municipality and field of action, with languages, as a page
and as CSV."""

from tests.factories import MunicipalityFactory
from tests.offers.factories import make_offer
from tests.offers.staff_forms import url


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
