"""Forms of the networks app: they validate, nothing else."""

from __future__ import annotations

import zipfile

from django import forms
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext_lazy as _

from networks.annexes import annex_choices
from networks.models import (
    ConceptChapter,
    Guideline,
    IntegrationConcept,
    JoinRequest,
    Measure,
    MeasureProgressNote,
    Organisation,
    Person,
    WorkingGroup,
    WorkingGroupMeeting,
)
from portal.forms import (
    SLUG_HELP,
    SLUG_LABEL,
    TEXT_FORMAT_HELP,
    HoneypotMixin,
    choice_field,
    model_choice_field,
)
from portal.models import FieldOfAction, Municipality, Region

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class RegionModelForm(forms.ModelForm):
    """A staff form whose choices (organisations, people, fields...) come from one region."""

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        for field in self.fields.values():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            queryset = field.queryset
            if queryset is not None and hasattr(queryset, "in_region"):
                field.queryset = queryset.in_region(region)

    def _unique_slug(self, model, value: str, source: str) -> str:
        slug = slugify(value or self.cleaned_data.get(source, ""))[:180]
        if not slug:
            raise forms.ValidationError(_("Please enter an address made of letters or digits."))
        clash = model.objects.in_region(self.region).filter(slug=slug)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Another entry already uses this address."))
        return slug


# --- public ---------------------------------------------------------------------------------


class FilterForm(forms.Form):
    """GET filters of public lists; invalid values are ignored, never an error page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)


class DirectoryFilterForm(FilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    field = forms.ModelChoiceField(
        label=_("Field of action"),
        queryset=FieldOfAction.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All fields of action"),
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All municipalities"),
    )

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        model_choice_field(self, "field").queryset = FieldOfAction.objects.in_region(region)
        model_choice_field(self, "municipality").queryset = Municipality.objects.in_region(region)
        choice_field(self, "kind").choices = [("", _("All kinds")), *Organisation.Kind.choices]
        self.fields["q"].widget.input_type = "search"


class WorkingGroupFilterForm(FilterForm):
    field = forms.ModelChoiceField(
        label=_("Field of action"),
        queryset=FieldOfAction.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All fields of action"),
    )

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        model_choice_field(self, "field").queryset = FieldOfAction.objects.in_region(region)


class MeasureFilterForm(WorkingGroupFilterForm):
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All")), *Measure.Status.choices]
        self.fields["status"].widget.attrs["class"] = "form-select"


class JoinRequestForm(HoneypotMixin, forms.ModelForm):
    privacy = forms.BooleanField(
        label=_("I agree that the coordination office stores my details to answer this request."),
        required=True,
    )

    class Meta:
        model = JoinRequest
        fields = ["name", "organisation_name", "email", "phone", "message", "public_consent"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}


# --- staff: actors --------------------------------------------------------------------------


class OrganisationForm(RegionModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")
    slug = forms.SlugField(label=SLUG_LABEL, required=False, help_text=SLUG_HELP)

    class Meta:
        model = Organisation
        fields = [
            "name",
            "slug",
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
            "member_since",
            "is_public",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "member_since": DATE,
            "fields_of_action": forms.CheckboxSelectMultiple,
        }

    def clean_slug(self):
        # The name is cleaned before the slug, so an empty slug can be made from it.
        return self._unique_slug(Organisation, self.cleaned_data.get("slug"), "name")


class PersonForm(RegionModelForm):
    class Meta:
        model = Person
        fields = [
            "name",
            "function",
            "organisation",
            "email",
            "phone",
            "fields_of_action",
            "public_consent",
            "consent_date",
        ]
        widgets = {"consent_date": DATE, "fields_of_action": forms.CheckboxSelectMultiple}

    def clean(self):
        data = super().clean()
        if data.get("public_consent") and not data.get("consent_date"):
            self.add_error("consent_date", _("Please record the date of the consent."))
        return data


# --- staff: working groups ------------------------------------------------------------------


PUBLIC_TEXT_FORMAT_HELP = format_lazy("{} {}", _("Shown on the public page."), TEXT_FORMAT_HELP)


class WorkingGroupForm(RegionModelForm):
    slug = forms.SlugField(label=SLUG_LABEL, required=False, help_text=SLUG_HELP)

    class Meta:
        model = WorkingGroup
        fields = [
            "name",
            "slug",
            "fields_of_action",
            "purpose",
            "public_description",
            "lead_organisation",
            "lead_person",
            "member_organisations",
            "member_persons",
            "founded",
            "status",
            "is_public",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "public_description": forms.Textarea(attrs={"rows": 5}),
            "founded": DATE,
            "fields_of_action": forms.CheckboxSelectMultiple,
            "member_organisations": forms.SelectMultiple(attrs={"size": 8}),
            "member_persons": forms.SelectMultiple(attrs={"size": 8}),
        }
        help_texts = {"public_description": PUBLIC_TEXT_FORMAT_HELP}

    def clean_slug(self):
        return self._unique_slug(WorkingGroup, self.cleaned_data.get("slug"), "name")


class MeetingForm(RegionModelForm):
    class Meta:
        model = WorkingGroupMeeting
        fields = [
            "starts_at",
            "ends_at",
            "place",
            "agenda",
            "minutes",
            "minutes_public",
            "attendees",
            "guests",
        ]
        widgets = {
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "minutes": forms.Textarea(attrs={"rows": 8}),
            "attendees": forms.SelectMultiple(attrs={"size": 8}),
        }

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends < starts:
            self.add_error("ends_at", _("The end lies before the start."))
        return data


MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

# Accepted extension -> the kind of container its first bytes must show.
DOCUMENT_TYPES: dict[str, tuple[str, str]] = {
    "pdf": ("pdf", "application/pdf"),
    "doc": ("ole", "application/msword"),
    "xls": ("ole", "application/vnd.ms-excel"),
    "ppt": ("ole", "application/vnd.ms-powerpoint"),
    "docx": (
        "ooxml:word/",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": ("ooxml:xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": (
        "ooxml:ppt/",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "odt": ("odf", "application/vnd.oasis.opendocument.text"),
    "ods": ("odf", "application/vnd.oasis.opendocument.spreadsheet"),
    "odp": ("odf", "application/vnd.oasis.opendocument.presentation"),
}


def sniff_document(upload) -> str | None:
    """The MIME type if the file's content matches its extension, else None."""
    name = (upload.name or "").lower()
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    if extension not in DOCUMENT_TYPES:
        return None
    container, mime = DOCUMENT_TYPES[extension]
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if container == "pdf":
        ok = head.startswith(b"%PDF-")
    elif container == "ole":
        ok = head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    else:
        ok = head.startswith(b"PK\x03\x04") and _zip_matches(upload, container, mime)
    upload.seek(0)
    return mime if ok else None


def _zip_matches(upload, container: str, mime: str) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if container == "odf":
                return "mimetype" in names and archive.read("mimetype").decode() == mime
            prefix = container.split(":", 1)[1]
            return "[Content_Types].xml" in names and any(n.startswith(prefix) for n in names)
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError, ValueError):
        return False


class MeetingDocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF or office document (Word, Excel, PowerPoint, OpenDocument), max. 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(f".{ext}" for ext in DOCUMENT_TYPES)}
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        mime = sniff_document(upload)
        if mime is None:
            raise forms.ValidationError(
                _("Only PDF or office documents are accepted, and the content must match.")
            )
        upload.checked_content_type = mime
        return upload


class JoinRequestAnswerForm(forms.Form):
    """The answer to a join request; the decision comes from the button pressed."""

    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (JoinRequest.Status.ACCEPTED, _("Accept")),
            (JoinRequest.Status.DECLINED, _("Decline")),
        ],
        error_messages={"required": _("Please press “Accept” or “Decline”.")},
    )
    answer = forms.CharField(
        label=_("Answer to the person"), widget=forms.Textarea(attrs={"rows": 5}), max_length=4000
    )


# --- staff: the concept ---------------------------------------------------------------------


class ConceptForm(RegionModelForm):
    class Meta:
        model = IntegrationConcept
        fields = ["title", "version", "foreword"]
        widgets = {"foreword": forms.Textarea(attrs={"rows": 8})}
        help_texts = {"foreword": TEXT_FORMAT_HELP}

    def clean_version(self):
        version = self.cleaned_data["version"]
        clash = IntegrationConcept.objects.in_region(self.region).filter(version=version)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("This version already exists."))
        return version


class ConceptStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (IntegrationConcept.Status.DRAFT, _("Draft")),
            (IntegrationConcept.Status.CONSULTATION, _("In consultation")),
        ],
    )


class AdoptForm(forms.Form):
    adopted_on = forms.DateField(label=_("Adopted by the county council on"), widget=DATE)


class RevisionForm(forms.Form):
    version = forms.IntegerField(
        label=_("Version (year) of the revision"), min_value=1990, max_value=2100, required=False
    )


class AnnexChoiceForm(forms.Form):
    annexes = forms.MultipleChoiceField(
        label=_("Annexes in the PDF"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["annexes"].choices = annex_choices()


class ExportRequestForm(forms.Form):
    variant = forms.ChoiceField(
        label=_("Variant"),
        choices=[
            ("pdf/ua-1", _("PDF/UA-1 (accessible, for publication)")),
            ("pdf/a-3b", _("PDF/A-3b (archive)")),
        ],
        initial="pdf/ua-1",
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,  # German unless chosen
        help_text=_(
            "Translated parts in this language; the rest in German, marked as such. "
            "The languages are those the region translates into."
        ),
        initial="de",
    )

    def __init__(self, *args, region, **kwargs) -> None:
        from django.utils.translation import get_language_info

        from portal.languages import region_languages

        super().__init__(*args, **kwargs)
        choice_field(self, "language").choices = [
            (code, get_language_info(code)["name_translated"]) for code in region_languages(region)
        ]


class GuidelineForm(RegionModelForm):
    class Meta:
        model = Guideline
        fields = ["order", "title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}


class ChapterForm(RegionModelForm):
    class Meta:
        model = ConceptChapter
        fields = ["field_of_action", "order", "situation", "goals"]
        help_texts = {"situation": TEXT_FORMAT_HELP, "goals": TEXT_FORMAT_HELP}
        widgets = {
            "situation": forms.Textarea(attrs={"rows": 8}),
            "goals": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, concept: IntegrationConcept, **kwargs):
        super().__init__(*args, **kwargs)
        self.concept = concept

    def clean_field_of_action(self):
        field = self.cleaned_data["field_of_action"]
        clash = self.concept.chapters.filter(field_of_action=field)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("This field of action already has a chapter."))
        return field


class MeasureForm(RegionModelForm):
    class Meta:
        model = Measure
        fields = [
            "field_of_action",
            "order",
            "title",
            "description",
            "responsible_organisation",
            "responsible_working_group",
            "partners",
            "start",
            "end",
            "status",
            "progress",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "start": DATE,
            "end": DATE,
            "partners": forms.SelectMultiple(attrs={"size": 8}),
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end lies before the start."))
        return data


class ProgressNoteForm(forms.ModelForm):
    class Meta:
        model = MeasureProgressNote
        fields = ["date", "text", "progress"]
        widgets = {"date": DATE, "text": forms.Textarea(attrs={"rows": 3})}
