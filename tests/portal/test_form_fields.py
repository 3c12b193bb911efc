"""includes/form_fields.html: the honeypot is hidden, a real field of the same name is not."""

from django import forms
from django.template.loader import render_to_string

from portal.forms import HoneypotMixin


class ContactForm(HoneypotMixin, forms.Form):
    name = forms.CharField()


class OrganisationLikeForm(forms.Form):
    website = forms.URLField(label="Website", required=False, assume_scheme="https")


def test_the_honeypot_is_out_of_sight_and_out_of_the_accessibility_tree():
    html = render_to_string("includes/form_fields.html", {"form": ContactForm()})
    assert '<div class="hp-field" aria-hidden="true">' in html
    assert 'name="homepage"' in html and 'tabindex="-1"' in html


def test_a_real_field_called_website_is_shown_like_any_other():
    html = render_to_string("includes/form_fields.html", {"form": OrganisationLikeForm()})
    assert "hp-field" not in html and "aria-hidden" not in html
    assert 'type="url" name="website"' in html
