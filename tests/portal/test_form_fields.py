"""includes/form_fields.html: the honeypot is hidden, a real field of the same name is not; and
its ``as_field`` marks up a field as crispy-bootstrap5 does (label, widget, help text, errors)
for every kind of widget the portal's forms use, with and without errors."""

import re

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms
from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from portal.forms import HoneypotMixin
from portal.templatetags.portal_forms import as_field


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


CHOICES = [("a", "Alpha"), ("b", "Beta & Co"), ("c", "Gamma")]


class EveryWidget(forms.Form):
    name = forms.CharField(label="Ihr Name", max_length=150, help_text="So steht es im Brief.")
    email = forms.EmailField(
        label="E-Mail", help_text=mark_safe('Siehe <a href="/privacy/">Hinweise</a>.')
    )
    website = forms.URLField(required=False, assume_scheme="https")
    seats = forms.IntegerField(min_value=1, required=False)
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    styled = forms.CharField(required=False, widget=forms.TextInput(attrs={"class": "w-50"}))
    unlabelled = forms.CharField(required=False, label="")
    kind = forms.ChoiceField(choices=CHOICES)
    maybe = forms.NullBooleanField(required=False)
    date = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect, label="Termin")
    topics = forms.MultipleChoiceField(
        choices=CHOICES, widget=forms.CheckboxSelectMultiple, required=False
    )
    consent = forms.BooleanField(label="Ich bin einverstanden <sofort>")
    newsletter = forms.BooleanField(required=False, help_text="Einmal im Monat.")


def normalised(html: str) -> str:
    html = re.sub(r"\s+", " ", str(html))
    html = re.sub(r"\s*>\s*", ">", html)
    return re.sub(r"\s*<\s*", "<", html).strip()


def forms_to_compare():
    yield "unbound", EveryWidget()
    yield "initial", EveryWidget(initial={"date": "b", "topics": ["a", "c"], "kind": "c"})
    bad = {"name": "", "email": "no address", "seats": "0", "date": "x", "topics": ["z"]}
    yield "with errors", EveryWidget(data=bad)
    good = {"name": "Amal", "email": "a@example.org", "kind": "a", "date": "a", "consent": "on"}
    yield "valid", EveryWidget(data=good)


@pytest.mark.parametrize("case, form", list(forms_to_compare()), ids=lambda v: str(v)[:11])
def test_each_field_is_marked_up_as_crispy_marks_it_up(case, form):
    form.is_valid() if form.is_bound else None
    for field in form:
        # Each renderer on a fresh copy: crispy adds its classes to the widget itself.
        ours = normalised(as_field(type(form)(**_kwargs(form))[field.name]))
        theirs = normalised(as_crispy_field(type(form)(**_kwargs(form))[field.name]))
        assert ours == theirs, f"{case}: {field.name}"


def _kwargs(form):
    copy = {"initial": form.initial}
    if form.is_bound:
        copy["data"] = form.data
    return copy


def test_errors_are_announced_and_linked_to_the_field():
    form = EveryWidget(data={"email": "no address"})
    html = str(as_field(form["email"]))
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'class="emailinput form-control is-invalid"' in html
    assert '<div id="id_email_error" class="invalid-feedback">' in html


def test_labels_and_choices_are_escaped():
    form = EveryWidget(data={})
    assert "Ich bin einverstanden &lt;sofort&gt;" in str(as_field(form["consent"]))
    assert "Beta &amp; Co" in str(as_field(form["date"]))


def test_a_file_field_still_goes_through_crispy():
    class Upload(forms.Form):
        file = forms.FileField()

    form = Upload()
    assert normalised(as_field(form["file"])) == normalised(as_crispy_field(Upload()["file"]))


def test_the_shared_form_include_uses_it():
    rendered = Template('{% include "includes/form_fields.html" %}').render(
        Context({"form": EveryWidget()})
    )
    assert 'id="div_id_name" class="mb-3"' in rendered
    assert "<fieldset" in rendered


def test_a_help_text_is_escaped_unless_the_code_marked_it_safe():
    class Note(forms.Form):
        plain = forms.CharField(help_text="<b>fett</b> & mehr")
        linked = forms.CharField(help_text=mark_safe('<a href="/privacy/">Hinweise</a>'))

    form = Note()
    assert "&lt;b&gt;fett&lt;/b&gt; &amp; mehr" in str(as_field(form["plain"]))
    assert '<a href="/privacy/">Hinweise</a>' in str(as_field(form["linked"]))
