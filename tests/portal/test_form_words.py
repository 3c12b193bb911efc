"""Forms speak to county staff in words: no "---------" in selects, no bare "Adresse"."""

from django import forms

from networks.forms import WorkingGroupForm
from portal.models import Municipality


class ChooseForm(forms.Form):
    municipality = forms.ModelChoiceField(queryset=Municipality.objects.none())


def test_an_empty_choice_reads_please_choose(db):
    html = str(ChooseForm()["municipality"])
    assert "---------" not in html
    assert '<option value="" selected>Bitte wählen</option>' in html


def test_the_slug_is_labelled_as_part_of_the_web_address(goslar):
    form = WorkingGroupForm(region=goslar)
    assert str(form.fields["slug"].label) == "Kurzname in der Internetadresse"
    assert "Internetadresse" in str(form.fields["slug"].help_text)
    assert not form.fields["slug"].required
