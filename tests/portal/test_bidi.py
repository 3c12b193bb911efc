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
