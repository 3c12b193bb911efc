"""The directory as open data: CSV and JSON in the documented format."""

import json

from django.urls import reverse


def test_open_data_csv_and_json_in_the_documented_format(client, offer):
    url = reverse(
        "offers:data_file", kwargs={"region": "goslar", "dataset": "offers", "fmt": "json"}
    )
    data = json.loads(client.get(url).content)
    assert data["format_version"] == 1
    record = data["offers"][0]
    assert record["title"] == "Sprachcafé Seesen"
    assert record["languages"] == ["de", "ar"]
    assert record["places"][0]["municipality"] == "Seesen"
    csv_url = reverse(
        "offers:data_file", kwargs={"region": "goslar", "dataset": "providers", "fmt": "csv"}
    )
    text = client.get(csv_url).content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("id;url;name;kind")
    assert "Caritas Goslar" in text
    docs = client.get(reverse("offers:open_data", kwargs={"region": "goslar"}))
    assert "provider_name" in docs.content.decode()
    bad = reverse(
        "offers:data_file", kwargs={"region": "goslar", "dataset": "offers", "fmt": "xml"}
    )
    assert client.get(bad).status_code == 404
