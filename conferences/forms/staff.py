"""Back-office forms of the conferences app: events, dates, workshops, venues, participants."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.forms import modelformset_factory
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from conferences.models import Event, EventDate, Registration, Venue, Workshop
from portal.forms import (
    AccessCheckedFileInput,
    choice_field,
    label_slug,
    link_current_file,
    model_choice_field,
)
from portal.lib import l10n
from portal.models import FieldOfAction, Municipality, Region

if TYPE_CHECKING:
    from django.forms.models import BaseModelFormSet

# Event pages live at /<region>/events/<slug>/ next to these fixed pages.
RESERVED_EVENT_SLUGS = {"archive", "feed", "calendar-ics"}

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


# --- staff ---------------------------------------------------------------------------------

# Event images: photos and posters, shown on the event page and in lists.
MAX_IMAGE_BYTES = 3 * 1024 * 1024
MAX_IMAGE_SIDE = 6000
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "title",
            "slug",
            "kind",
            "summary",
            "description",
            "fields_of_action",
            "language",
            "image",
            "image_alt",
            "contact_name",
            "contact_email",
            "contact_phone",
            "registration_enabled",
            "registration_opens",
            "registration_closes",
            "access",
            "invitation_code",
            "ask_organisation",
            "ask_phone",
            "ask_accessibility_needs",
            "ask_dietary_needs",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "fields_of_action": forms.CheckboxSelectMultiple,
            "registration_opens": DATETIME,
            "registration_closes": DATETIME,
            "image": AccessCheckedFileInput,
        }

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.region = region
        if self.instance.pk and self.instance.image:
            link_current_file(
                self,
                "image",
                reverse(
                    "conferences_staff:event_image",
                    kwargs={"region": region.slug, "pk": self.instance.pk},
                ),
            )
        model_choice_field(self, "fields_of_action").queryset = FieldOfAction.objects.in_region(
            region
        )
        label_slug(self)

    def clean_slug(self):
        slug = self.cleaned_data["slug"] or slugify(self.cleaned_data.get("title", ""))[:200]
        if not slug:
            raise forms.ValidationError(_("Please enter an address."))
        if slug in RESERVED_EVENT_SLUGS:
            raise forms.ValidationError(_("This address is reserved; please choose another one."))
        clash = Event.objects.in_region(self.region).filter(slug=slug)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Another event already uses this address."))
        return slug

    def clean_image(self):
        image = self.cleaned_data.get("image")
        # Only a newly uploaded file carries ``image`` (Pillow's verdict from ImageField).
        if not image or not hasattr(image, "image"):
            return image
        if image.size > MAX_IMAGE_BYTES:
            raise forms.ValidationError(
                _("The image is too large (at most %(size)s MB).")
                % {"size": MAX_IMAGE_BYTES // (1024 * 1024)}
            )
        if image.image.format not in IMAGE_FORMATS:
            raise forms.ValidationError(_("Please upload a JPEG, PNG or WebP image."))
        width, height = image.image.size
        if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE:
            raise forms.ValidationError(
                _("The image is too large (at most %(side)s pixels wide and high).")
                % {"side": MAX_IMAGE_SIDE}
            )
        return image

    def clean(self):
        data = super().clean()
        if data.get("image") and not data.get("image_alt", "").strip():
            self.add_error(
                "image_alt", _("Please describe the image for people who cannot see it.")
            )
        opens, closes = data.get("registration_opens"), data.get("registration_closes")
        if opens and closes and closes <= opens:
            self.add_error("registration_closes", _("Registration must close after it opens."))
        if data.get("access") == Event.Access.INVITATION and not data.get("invitation_code"):
            self.add_error("invitation_code", _("Please set the invitation code."))
        return data


WorkshopResultsFormSet: type[BaseModelFormSet[Workshop, forms.ModelForm[Workshop]]] = (
    modelformset_factory(
        Workshop,
        fields=["needs", "recommendations"],
        extra=0,
        # dir=auto: the results are written in German on an Arabic (right-to-left) interface too.
        widgets={
            "needs": forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
            "recommendations": forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        },
    )
)


class DocumentationForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["documentation", "documentation_published"]
        widgets = {"documentation": forms.Textarea(attrs={"rows": 5, "dir": "auto"})}


class VenueForm(forms.ModelForm):
    class Meta:
        model = Venue
        fields = [
            "name",
            "street",
            "postcode",
            "city",
            "municipality",
            "latitude",
            "longitude",
            "step_free_access",
            "accessible_toilet",
            "hearing_loop",
            "accessibility_notes",
            "public_transport",
        ]
        widgets = {
            "accessibility_notes": forms.Textarea(attrs={"rows": 2}),
            "public_transport": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "municipality").queryset = Municipality.objects.in_region(region)


class StaffRegistrationForm(forms.Form):
    """A registration taken by phone."""

    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"))
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=60, required=False)
    first_choice = forms.ModelChoiceField(
        label=_("Workshop (first choice)"), queryset=Workshop.objects.none(), required=False
    )
    second_choice = forms.ModelChoiceField(
        label=_("Workshop (second choice)"), queryset=Workshop.objects.none(), required=False
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"), required=False, max_length=1000
    )
    dietary_needs = forms.CharField(label=_("Dietary needs"), required=False, max_length=300)
    language = forms.ChoiceField(label=_("Language for e-mails"), choices=[])
    consent = forms.BooleanField(
        label=_("The person agreed to the privacy notice (e.g. on the phone).")
    )

    def __init__(self, *args: Any, event_date: EventDate, **kwargs: Any) -> None:
        from django.conf import settings

        super().__init__(*args, **kwargs)
        choice_field(self, "language").choices = settings.LANGUAGES
        self.fields["language"].initial = event_date.event.language
        workshops = event_date.workshops.all()
        if workshops:
            for name in ("first_choice", "second_choice"):
                model_choice_field(self, name).queryset = workshops
            self.fields["first_choice"].required = True
        else:
            del self.fields["first_choice"]
            del self.fields["second_choice"]


class DatedWorkshopChoiceField(forms.ModelChoiceField):
    """Workshops of several dates, labelled with their date."""

    def label_from_instance(self, obj: Workshop) -> str:
        event_date = obj.event_date
        return f"{l10n.format_date(event_date.start, 'medium')} {event_date.label}: {obj.title}"


class MoveForm(forms.Form):
    event_date = forms.ModelChoiceField(label=_("Date"), queryset=EventDate.objects.none())
    workshop = DatedWorkshopChoiceField(
        label=_("Workshop"), queryset=Workshop.objects.none(), required=False
    )

    def __init__(self, *args: Any, registration: Registration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        event = registration.event_date.event
        model_choice_field(self, "event_date").queryset = event.dates.all()
        self.fields["event_date"].initial = registration.event_date_id
        model_choice_field(self, "workshop").queryset = Workshop.objects.filter(
            event_date__event=event
        ).select_related("event_date")
        self.fields["workshop"].initial = registration.workshop_id

    def clean(self):
        data = super().clean()
        event_date, workshop = data.get("event_date"), data.get("workshop")
        if event_date and workshop and workshop.event_date_id != event_date.pk:
            self.add_error("workshop", _("This workshop does not take place on the chosen date."))
        return data


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 8}))
    include_waiting = forms.BooleanField(
        label=_("Also write to the people on the waiting list"), required=False
    )
