"""Forms of the offers app: they validate, nothing more (writes live in offers.services)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.forms import inlineformset_factory
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from networks.forms import OrganisationForm
from networks.models import Organisation, Person
from offers import languages
from offers.models import (
    Cost,
    ImportBatch,
    Kind,
    Offer,
    OfferPlace,
    Registration,
    TargetGroup,
    UpdateRound,
    Weekday,
)
from offers.selectors.search import FILTERS, SORTS, SearchParams
from portal.forms import TEXT_FORMAT_HELP, HoneypotMixin, bound_days_inputs, model_choice_field
from portal.lib.text import TextLimitsMixin
from portal.models import FieldOfAction, Municipality, Region

if TYPE_CHECKING:
    from offers.services.changes import PlaceValues

# Fields of an offer a provider or the public may propose changes to.
CHANGEABLE_OFFER_FIELDS = [
    "title",
    "summary",
    "description",
    "kind",
    "fields_of_action",
    "target_groups",
    "languages",
    "cost",
    "cost_note",
    "schedule",
    "weekdays",
    "start_date",
    "end_date",
    "registration",
    "registration_detail",
    "step_free",
    "childcare",
    "women_only",
]
CHANGEABLE_PROVIDER_FIELDS = [
    "name",
    "street",
    "postcode",
    "city",
    "website",
    "email",
    "phone",
    "description",
]


class SearchForm(forms.Form):
    """The URL state of the public search; invalid values are dropped, never an error page."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    field = forms.CharField(required=False, max_length=120)
    kind = forms.ChoiceField(required=False, choices=[("", ""), *Kind.choices])
    target = forms.ChoiceField(required=False, choices=[("", ""), *TargetGroup.choices])
    lang = forms.ChoiceField(required=False, choices=[("", "")] + languages.CHOICES)
    municipality = forms.CharField(required=False, max_length=120)
    cost = forms.ChoiceField(required=False, choices=[("", ""), *Cost.choices])
    step_free = forms.ChoiceField(required=False, choices=[("", ""), ("1", "1")])
    soon = forms.ChoiceField(required=False, choices=[("", ""), ("1", "1")])
    sort = forms.ChoiceField(
        label=_("Sort by"), required=False, choices=[("", _("Best match"))] + list(SORTS.items())
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)
    view = forms.ChoiceField(required=False, choices=[("list", "list"), ("map", "map")])

    def params(self) -> SearchParams:
        self.is_valid()
        data = {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and value not in (None, "")
        }
        params = SearchParams(**{k: v for k, v in data.items() if k != "page"})
        params.page = data.get("page") or 1
        params.q = " ".join(params.q.split())
        for name in FILTERS:
            setattr(params, name, getattr(params, name) or "")
        return params


def _region_choices(form: forms.BaseForm, region: Region) -> None:
    if "fields_of_action" in form.fields:
        model_choice_field(form, "fields_of_action").queryset = FieldOfAction.objects.in_region(
            region
        )
    if "provider" in form.fields:
        model_choice_field(form, "provider").queryset = Organisation.objects.in_region(region)
    if "contact_person" in form.fields:
        model_choice_field(form, "contact_person").queryset = Person.objects.in_region(region)
    if "municipality" in form.fields:
        model_choice_field(form, "municipality").queryset = Municipality.objects.in_region(region)


class OfferFieldsMixin(TextLimitsMixin, forms.ModelForm):
    """Checkbox lists for the array fields, and the cross-field rules of an offer."""

    fields_of_action = forms.ModelMultipleChoiceField(
        label=_("Fields of action"),
        queryset=FieldOfAction.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=TargetGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages the offer is given in"),
        choices=languages.CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Weekdays"),
        choices=Weekday.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        _region_choices(self, region)
        for name in ("start_date", "end_date"):
            if name in self.fields:
                self.fields[name].widget = forms.DateInput(
                    attrs={"type": "date"}, format="%Y-%m-%d"
                )
        for name in ("time_start", "time_end"):
            if name in self.fields:
                self.fields[name].widget = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
        if "description" in self.fields:
            self.fields["description"].widget.attrs["rows"] = 5
            self.fields["description"].help_text = TEXT_FORMAT_HELP

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date lies before the start date."))
        t_start, t_end = data.get("time_start"), data.get("time_end")
        if t_start and t_end and t_end <= t_start:
            self.add_error("time_end", _("The end time lies before the start time."))
        method, detail = data.get("registration"), (data.get("registration_detail") or "").strip()
        if method and method != Registration.NONE and not detail:
            self.add_error(
                "registration_detail", _("Please say where to register (phone, e-mail or link).")
            )
        elif method == Registration.EMAIL and detail:
            try:
                EmailValidator()(detail)
            except ValidationError:
                self.add_error("registration_detail", _("Please enter a valid e-mail address."))
        elif method == Registration.LINK and detail:
            try:
                URLValidator(schemes=["http", "https"])(detail)
            except ValidationError:
                self.add_error("registration_detail", _("Please enter a full web address."))
        return data


class OfferForm(OfferFieldsMixin):
    """Staff edit every field of an offer."""

    class Meta:
        model = Offer
        fields = [
            "provider",
            "title",
            "summary",
            "description",
            "kind",
            "fields_of_action",
            "target_groups",
            "languages",
            "cost",
            "cost_note",
            "schedule",
            "weekdays",
            "time_start",
            "time_end",
            "start_date",
            "end_date",
            "registration",
            "registration_detail",
            "contact_person",
            "step_free",
            "childcare",
            "women_only",
            "measures",
            "status",
            "lessons_learned",
        ]
        widgets = {
            "lessons_learned": forms.Textarea(attrs={"rows": 3}),
            "measures": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from networks.models import Measure

        # Measures of the concept versions still in force or in the making.
        self.fields["measures"].queryset = (
            Measure.objects.in_region(self.region)
            .exclude(concept__status="superseded")
            .select_related("concept")
        )
        self.fields["measures"].label_from_instance = lambda m: f"{m.title} ({m.concept.version})"

    def clean_contact_person(self):
        person = self.cleaned_data.get("contact_person")
        provider = self.cleaned_data.get("provider")
        if person and provider and person.organisation_id not in (None, provider.pk):
            raise ValidationError(_("This person belongs to another organisation."))
        return person


class OfferChangeForm(OfferFieldsMixin):
    """What a provider (or the public, as a suggestion) may change; also used to apply an
    accepted change request, so the same rules hold at accept time."""

    class Meta:
        model = Offer
        fields = CHANGEABLE_OFFER_FIELDS


class OfferPlaceForm(TextLimitsMixin, forms.ModelForm):
    class Meta:
        model = OfferPlace
        fields = ["name", "street", "postcode", "city", "municipality", "latitude", "longitude"]

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        _region_choices(self, region)

    def clean(self):
        data = super().clean()
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            raise ValidationError(_("Enter both latitude and longitude, or neither."))
        lat, lon = data.get("latitude"), data.get("longitude")
        if lat is not None and not -90 <= lat <= 90:
            self.add_error("latitude", _("The latitude lies between -90 and 90."))
        if lon is not None and not -180 <= lon <= 180:
            self.add_error("longitude", _("The longitude lies between -180 and 180."))
        return data


class BaseOfferPlaceFormSet(BaseInlineFormSet):
    def proposed_places(self) -> list[PlaceValues]:
        """The places a valid formset leaves (kept, changed and new ones, not the deleted ones
        or empty extra rows), as data for the services."""
        # The services import this module (they validate with its forms): import late.
        from offers.services.changes import PLACE_FIELDS, PlaceValues

        places = []
        for form in self.forms:
            if form.instance.pk is None and not form.has_changed():
                continue  # an empty extra row
            if self.can_delete and form.cleaned_data.get("DELETE"):
                continue
            values = {name: form.cleaned_data.get(name) for name in PLACE_FIELDS}
            places.append(PlaceValues(id=form.instance.pk, **values))
        return places


OfferPlaceFormSet = inlineformset_factory(
    Offer,
    OfferPlace,
    form=OfferPlaceForm,
    formset=BaseOfferPlaceFormSet,
    extra=1,
    can_delete=True,
    max_num=20,
)


def places_formset(request, offer: Offer):
    """The places of an offer as edited on staff and provider pages (bound on POST)."""
    return OfferPlaceFormSet(
        request.POST if request.method == "POST" else None,
        instance=offer,
        prefix="places",
        form_kwargs={"region": offer.region},
    )


def _https_urls(field, **kwargs):
    """Web addresses typed without a scheme are taken as https (Django 6's default)."""
    from django.db import models

    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


class ProviderForm(OrganisationForm):
    """The network's organisation form, with what the directory shows of a provider; its
    address is made from the name (offers.services.directory.provider_save)."""

    slug = None  # type: ignore[assignment]

    class Meta(OrganisationForm.Meta):
        fields = [
            "name",
            "kind",
            "street",
            "postcode",
            "city",
            "municipality",
            "website",
            "email",
            "phone",
            "fields_of_action",
            "description",
            "is_public",
        ]

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, region=region, **kwargs)
        self.instance.region = region

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = Organisation.objects.in_region(self.instance.region).filter(name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(_("An organisation with this name already exists."))
        return name


class ProviderChangeForm(forms.ModelForm):
    class Meta:
        model = Organisation
        formfield_callback = _https_urls
        fields = CHANGEABLE_PROVIDER_FIELDS
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class ProviderContactForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    full_name = forms.CharField(label=_("Name"), max_length=150, required=False)


class SubmitterMixin(HoneypotMixin):
    message = forms.CharField(
        label=_("Your message to the coordination office (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    submitter_name = forms.CharField(
        label=_("Your name (optional)"), max_length=150, required=False
    )
    submitter_email = forms.EmailField(
        label=_("Your e-mail, if you would like an answer (optional)"), required=False
    )


class OfferCorrectionForm(HoneypotMixin, forms.Form):
    """The public's "Suggest a change" for an offer: what is wrong, what is right, and - if the
    visitor wants - the few facts that change most often, pre-filled with what is shown now."""

    wrong = forms.CharField(
        label=_("What is wrong or out of date?"),
        help_text=_("For example: “The course now meets on Tuesdays.”"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    right = forms.CharField(
        label=_("What is right? (optional)"),
        help_text=_("If you know it: the correct day, time, place, phone number or web address."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    title = forms.CharField(label=_("Name of the offer"), max_length=200, required=False)
    schedule = forms.CharField(
        label=_("When it takes place"),
        help_text=_("For example: every Tuesday 10–12"),
        max_length=300,
        required=False,
    )
    registration_detail = forms.CharField(
        label=_("Where to sign up (phone, e-mail or web address)"),
        max_length=300,
        required=False,
    )
    submitter_name = forms.CharField(
        label=_("Your name (optional)"), max_length=150, required=False
    )
    submitter_email = forms.EmailField(
        label=_("Your e-mail, if you would like an answer (optional)"), required=False
    )

    # The offer fields a visitor may correct directly; everything else goes into "what is right".
    CORRECTABLE = ("title", "schedule", "registration_detail")

    def __init__(self, *args, offer: Offer, **kwargs):
        kwargs.setdefault("initial", {name: getattr(offer, name) for name in self.CORRECTABLE})
        super().__init__(*args, **kwargs)
        self.offer = offer

    def corrections(self) -> dict[str, str]:
        """The offer fields the visitor changed, with their new values."""
        return {
            name: self.cleaned_data[name].strip()
            for name in self.CORRECTABLE
            if name in self.changed_data and name in self.cleaned_data
        }

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title and "title" in self.changed_data:
            raise ValidationError(_("Please keep a name for the offer."))
        return title

    def clean_registration_detail(self) -> str:
        detail = self.cleaned_data["registration_detail"].strip()
        if not detail or "registration_detail" not in self.changed_data:
            return detail
        if self.offer.registration == Registration.EMAIL:
            try:
                EmailValidator()(detail)
            except ValidationError as exc:
                raise ValidationError(_("Please enter a valid e-mail address.")) from exc
        elif self.offer.registration == Registration.LINK:
            try:
                URLValidator(schemes=["http", "https"])(detail)
            except ValidationError as exc:
                raise ValidationError(_("Please enter a full web address.")) from exc
        return detail


class ProviderSuggestionForm(SubmitterMixin, ProviderChangeForm):
    pass


class NewOfferSuggestionForm(SubmitterMixin, OfferFieldsMixin):
    """ "Suggest a new offer": the offer plus who runs it and where."""

    provider_name = forms.CharField(label=_("Who runs the offer?"), max_length=200)
    place_street = forms.CharField(label=_("Street and number"), max_length=200, required=False)
    place_postcode = forms.CharField(label=_("Postcode"), max_length=10, required=False)
    place_city = forms.CharField(label=_("City"), max_length=120, required=False)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.none(), required=False
    )

    class Meta:
        model = Offer
        fields = [
            "title",
            "summary",
            "description",
            "kind",
            "fields_of_action",
            "target_groups",
            "languages",
            "cost",
            "schedule",
            "registration",
            "registration_detail",
        ]


class ArchiveForm(forms.Form):
    lessons_learned = forms.CharField(
        label=_("Lessons learned (internal)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why was the offer not taken up? What could others learn from it?"),
    )


class DecisionForm(forms.Form):
    """Staff decide on a change request: the decision comes from the button pressed
    ("Accept" or "Reject"), with an optional note and mail to the submitter."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept")), ("reject", _("Reject"))],
        error_messages={"required": _("Please press “Accept” or “Reject”.")},
    )
    note = forms.CharField(
        label=_("Note to the submitter (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Goes into the e-mail to the submitter, if one is sent."),
    )
    notify = forms.BooleanField(label=_("Notify the submitter by e-mail"), required=False)

    def __init__(self, *args, can_notify: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_notify:
            # Nobody to write to: the submitter left no address.
            del self.fields["notify"]
            self.fields["note"].label = _("Internal note (optional)")
            self.fields["note"].help_text = ""

    def clean_notify(self) -> bool:
        return bool(self.cleaned_data.get("notify"))


class UpdateRoundForm(forms.ModelForm):
    class Meta:
        model = UpdateRound
        fields = ["name", "deadline", "reminder_interval_days"]
        widgets = {"deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_days_inputs(self)

    def clean_deadline(self):
        from django.utils import timezone

        deadline = self.cleaned_data["deadline"]
        if deadline <= timezone.localdate():
            raise ValidationError(_("The deadline must lie in the future."))
        return deadline


class ImportForm(forms.Form):
    what = forms.ChoiceField(label=_("The file contains"), choices=ImportBatch.What.choices)
    file = forms.FileField(
        label=_("File (XLSX or CSV)"),
        help_text=_("CSV with semicolons or commas, UTF-8; the first row names the columns."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".xlsx", ".csv")):
            raise ValidationError(_("Please upload an .xlsx or .csv file."))
        from offers.services import imports  # imports uses this module's forms

        if upload.size > imports.MAX_FILE_BYTES:
            raise ValidationError(_("The file is larger than 5 MB."))
        # Refuse a file that is unreadable or over the import's budget now, before it is stored.
        try:
            imports.read_rows(upload.read(), name)
        except imports.ImportFileError as exc:
            raise ValidationError(str(exc)) from exc
        finally:
            upload.seek(0)
        return upload


class StaffOfferFilterForm(forms.Form):
    q = forms.CharField(label=_("Search (also in lessons learned)"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + Offer.Status.choices
    )
