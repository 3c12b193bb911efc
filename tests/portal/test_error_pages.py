"""Error pages speak the visitor's language and keep the site's layout."""

import re

from django.template.loader import render_to_string
from django.utils import translation


def test_a_missing_page_answers_404_in_the_site_layout(client, goslar):
    response = client.get("/goslar/offers/999999/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="de" dir="ltr">' in html
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", html) == ["Seite nicht gefunden"]
    assert 'class="skip-link"' in html  # base.html, with the footer's legal links


def test_the_404_page_in_arabic_is_right_to_left(client, goslar):
    client.cookies["django_language"] = "ar"
    html = client.get("/nowhere/at/all/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "bootstrap.purged.rtl.min.css" in html


def test_the_500_page_needs_no_request_and_no_database():
    with translation.override("ar"):
        html = render_to_string("500.html")
    assert '<html lang="ar" dir="rtl">' in html
    assert html.count("<h1>") == 1
