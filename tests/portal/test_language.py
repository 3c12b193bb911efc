"""Languages: German by default, switchable on every page, the choice persists."""

import pytest
from django.conf import settings


def _switch(client, language, next_url="/goslar/"):
    return client.post("/i18n/setlang/", {"language": language, "next": next_url})


def test_german_is_the_default(client, goslar):
    response = client.get("/goslar/")
    assert '<html lang="de" dir="ltr">' in response.content.decode()
    assert response["Content-Language"] == "de"


def test_the_browsers_preference_does_not_override_german(client, goslar):
    response = client.get("/goslar/", HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="de"' in response.content.decode()


# Each interface language named in itself, with its script direction.
NAMES = {
    "de": ("Deutsch", "ltr"),
    "en": ("English", "ltr"),
    "ar": ("العربية", "rtl"),
    "uk": ("Українська", "ltr"),
    "fa": ("فارسی", "rtl"),
    "tr": ("Türkçe", "ltr"),
    "ru": ("Русский", "ltr"),
    "ti": ("ትግርኛ", "ltr"),
}
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def test_every_interface_language_has_a_name_and_direction_here():
    assert set(LANGUAGES) <= set(NAMES)


@pytest.mark.parametrize(
    ("language", "direction"), [(code, NAMES[code][1]) for code in LANGUAGES if code in NAMES]
)
def test_the_switch_sets_lang_and_dir(client, goslar, language, direction):
    response = _switch(client, language)
    assert response.status_code == 302
    assert response.url == "/goslar/"
    html = client.get("/goslar/").content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html


def test_the_choice_persists_in_a_cookie(client, goslar):
    response = _switch(client, "uk")
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "uk"
    assert int(cookie["max-age"]) >= 30 * 24 * 3600
    # ... and holds on the next pages
    assert '<html lang="uk"' in client.get("/goslar/imprint/").content.decode()
    assert '<html lang="uk"' in client.get("/").content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_right_to_left_pages_use_the_right_to_left_stylesheet(client, goslar, language):
    _switch(client, language)
    html = client.get("/goslar/").content.decode()
    rtl = NAMES[language][1] == "rtl"
    assert ("bootstrap.purged.rtl.min.css" in html) is rtl
    assert ("bootstrap.purged.min.css" in html) is not rtl


def test_an_unknown_language_falls_back_to_german(client, goslar):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert '<html lang="de"' in client.get("/goslar/").content.decode()


def test_every_page_has_the_switcher(client, goslar):
    for url in ["/", "/goslar/", "/goslar/privacy/", "/accounts/login/"]:
        html = client.get(url).content.decode()
        assert 'class="language-switcher"' in html, url
        assert f'href="{url}?language=ar" lang="ar"' in html, url


def test_the_switch_never_redirects_to_another_host(client, goslar):
    response = _switch(client, "en", next_url="https://evil.example/")
    assert not response.url.startswith("https://evil.example")


def test_responses_vary_by_cookie_for_caches(client, goslar):
    assert "Cookie" in client.get("/goslar/")["Vary"]


def test_the_switcher_names_each_language_in_itself_with_its_script_direction(client, goslar):
    html = client.get("/goslar/").content.decode()
    for code in LANGUAGES:
        name, direction = NAMES[code]
        link = f'href="/goslar/?language={code}" lang="{code}" dir="{direction}"'
        assert link in html, code
        assert f">{name}</a>" in html, name
