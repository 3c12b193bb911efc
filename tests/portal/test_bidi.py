"""User content embedded in translated text is isolated (``<bdi>``), and still escaped."""

from django.template import Context, Template
from django.utils import translation


def render(source: str, **context) -> str:
    return Template("{% load bidi i18n %}" + source).render(Context(context))


def test_a_name_inside_a_translated_sentence_is_isolated():
    with translation.override("ar"):
        html = render(
            "{% blocktranslate with name=name|bdi %}Offers in {{ name }}{% endblocktranslate %}",
            name="Landkreis Harz",
        )
    assert "<bdi>Landkreis Harz</bdi>" in html and html.count("<bdi>") == 1
    assert "Offers" not in html  # the Arabic sentence around it


def test_isolated_text_is_escaped():
    assert render("{{ name|bdi }}", name="<b>AWO</b>") == "<bdi>&lt;b&gt;AWO&lt;/b&gt;</bdi>"


def test_nothing_is_wrapped_when_there_is_nothing():
    assert render("{{ name|bdi }}", name="") == ""
    assert render("{{ name|bdi }}", name=None) == ""


def test_a_list_of_names_is_written_as_the_page_language_writes_lists():
    places = ["Goslar", "Seesen", "Bad Harzburg"]
    assert render("{{ places|bdi_list }}", places=places) == (
        "<bdi>Goslar</bdi>, <bdi>Seesen</bdi> und <bdi>Bad Harzburg</bdi>"
    )
    with translation.override("ar"):
        # Each German name isolated on its own, so the list reads from right to left with
        # the Arabic "and"; one <bdi> around "Goslar, Seesen" kept the German order and comma.
        assert render("{{ places|bdi_list }}", places=places) == (
            "<bdi>Goslar</bdi> و<bdi>Seesen</bdi> و<bdi>Bad Harzburg</bdi>"
        )
    with translation.override("fa"):
        assert render("{{ places|bdi_list }}", places=places[:2]) == (
            "<bdi>Goslar</bdi> و <bdi>Seesen</bdi>"
        )


def test_list_items_are_escaped_and_languages_keep_their_language():
    from offers.languages import BY_CODE

    assert render("{{ names|bdi_list }}", names=["<b>AWO</b>", "", "Caritas & Co"]) == (
        "<bdi>&lt;b&gt;AWO&lt;/b&gt;</bdi> und <bdi>Caritas &amp; Co</bdi>"
    )
    # As an offer card lists its languages: each marked with its own language.
    spoken = (
        "{% listing %}{% for lang in spoken %}"
        '<bdi lang="{{ lang.code }}">{{ lang.native }}</bdi>{% item_end %}'
        "{% endfor %}{% endlisting %}"
    )
    assert render(spoken, spoken=[BY_CODE["ar"], BY_CODE["uk"]]) == (
        '<bdi lang="ar">العربية</bdi> und <bdi lang="uk">українська</bdi>'
    )
    assert render("{{ nothing|bdi_list }}", nothing=[]) == ""


LINKS = (
    "{% listing %}{% for name in names %}"
    '<a href="/{{ name|slugify }}/">{{ name }}</a>{% item_end %}'
    "{% endfor %}{% endlisting %}"
)


def test_a_list_built_in_the_template_is_joined_as_the_page_language_writes_lists():
    names = ["Sprache", "Arbeit & Beruf", "<Bildung>"]
    assert render(LINKS, names=names) == (
        '<a href="/sprache/">Sprache</a>, <a href="/arbeit-beruf/">Arbeit &amp; Beruf</a> und '
        '<a href="/bildung/">&lt;Bildung&gt;</a>'
    )
    with translation.override("ar"):
        assert render(LINKS, names=names[:2]) == (
            '<a href="/sprache/">Sprache</a> و<a href="/arbeit-beruf/">Arbeit &amp; Beruf</a>'
        )
    assert render(LINKS, names=["Sprache"]) == '<a href="/sprache/">Sprache</a>'
    assert render(LINKS, names=[]) == ""


def test_a_value_cannot_split_an_item_of_a_listing():
    names = ["Sprache<!--item-end-->Arbeit"]
    assert render(LINKS, names=names).count("<a ") == 1
