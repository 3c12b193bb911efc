"""Public forms of the conferences app: event filter, registration, workshop change."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django import forms
from django.db.models import Model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from conferences.models import Event, EventDate, Workshop
from portal.forms import HoneypotMixin, choice_field
from portal.lib import l10n
from portal.models import FieldOfAction, Municipality, Region

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class EventFilterForm(forms.Form):
    """The filters of the public event lists (GET; a bad value is simply ignored)."""

    field = forms.ChoiceField(label=_("Field of action"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Event.Kind.choices]
    )
    municipality = forms.ChoiceField(label=_("Place"), required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("Until"), required=False, widget=DATE)

    def __init__(self, *args: Any, region: Region | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields = FieldOfAction.objects.all()
        municipalities = Municipality.objects.all()
        if region is not None:
            fields = fields.filter(region=region)
            municipalities = municipalities.filter(region=region)
        else:
            del self.fields["municipality"]
        field_choices = dict(fields.order_by("order", "name").values_list("slug", "name"))
        choice_field(self, "field").choices = [
            ("", _("All fields of action")),
            *field_choices.items(),
        ]
        if "municipality" in self.fields:
            choice_field(self, "municipality").choices = [
                ("", _("All places")),
                *municipalities.order_by("name").values_list("slug", "name"),
            ]


class PreloadedChoiceField(forms.ModelChoiceField):
    """Validate a choice against objects already loaded for the form: no query per field.

    ``preload(objects)`` sets both the choices shown and the only values accepted, so a
    tampered id is refused like any invalid choice.
    """

    def preload(self, objects: Sequence[Model]) -> None:
        self._preloaded = {str(obj.pk): obj for obj in objects}
        self.iterator = _preloaded_iterator(list(objects))
        declared = self.queryset
        assert declared is not None, "declared with a queryset (of the model's objects)"
        self.queryset = declared.model.objects.filter(pk__in=[o.pk for o in objects])

    def accept_ids(self, make: Callable[[int], Model]) -> None:
        """Accept any well-formed id and return ``make(pk)``, an unsaved stand-in: for a
        submitted registration, whose ids the service checks under the date's lock."""
        self._make = make

    def to_python(self, value: Any) -> Any:
        if value in self.empty_values:
            return None
        make = getattr(self, "_make", None)
        if make is not None:
            try:
                pk = int(str(value))
            except ValueError:
                pk = 0
            if not 0 < pk < 2**63:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice"
                )
            return make(pk)
        preloaded = getattr(self, "_preloaded", None)
        if preloaded is None:
            return super().to_python(value)
        obj = preloaded.get(str(value))
        if obj is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return obj


def _date_field(form: forms.BaseForm) -> DateChoiceField:
    field = form.fields["event_date"]
    if not isinstance(field, DateChoiceField):
        raise TypeError(f"{type(form).__name__}.event_date is not a DateChoiceField")
    return field


def _workshop_field(form: forms.BaseForm, name: str) -> WorkshopChoiceField:
    field = form.fields[name]
    if not isinstance(field, WorkshopChoiceField):
        raise TypeError(f"{type(form).__name__}.{name} is not a WorkshopChoiceField")
    return field


def isolate(text: str) -> str:
    """User content in a plain-text label (a radio or <option>), isolated from the translated
    text around it: FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE, the text form of <bdi>.
    A German place name in an Arabic label then keeps its own direction."""
    return f"\u2068{text}\u2069"


def _seats_left(obj) -> str:
    remaining = getattr(obj, "remaining", None)
    if obj.seats is None or remaining is None:
        return ""
    if remaining == 0:
        return " – " + str(_("waiting list"))
    # ngettext: Arabic, Ukrainian and others have more than one plural form.
    places = ngettext("%(count)s place left", "%(count)s places left", remaining)
    return f" – {places % {'count': remaining}}"


class DateChoiceField(PreloadedChoiceField):
    def label_from_instance(self, obj: EventDate) -> str:
        text = l10n.format_datetime(obj.start, "full")
        if obj.label:
            text = f"{isolate(obj.label)}: {text}"
        if obj.venue:
            text += f" – {isolate(str(obj.venue))}"
        return text + _seats_left(obj)


class WorkshopChoiceField(PreloadedChoiceField):
    def __init__(self, *args: Any, show_date: bool = False, **kwargs: Any) -> None:
        self.show_date = show_date
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Workshop) -> str:
        text = isolate(obj.title)
        if self.show_date and obj.event_date.label:
            text = f"{isolate(obj.event_date.label)}: {text}"
        return text + _seats_left(obj)


class RegistrationForm(HoneypotMixin, forms.Form):
    """What a visitor fills in: the date, workshops by preference, and what the event asks."""

    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    event_date = DateChoiceField(
        label=_("Date"),
        queryset=EventDate.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    first_choice = WorkshopChoiceField(
        label=_("Workshop (first choice)"), queryset=Workshop.objects.none(), required=False
    )
    second_choice = WorkshopChoiceField(
        label=_("Workshop (second choice)"),
        queryset=Workshop.objects.none(),
        required=False,
        help_text=_("If your first choice is full, you get a seat here."),
    )
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), help_text=_("We send the confirmation here."))
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=60, required=False)
    accessibility_needs = forms.CharField(
        label=_("Do you need anything to take part (e.g. step-free access, interpreting)?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    dietary_needs = forms.CharField(label=_("Dietary needs"), max_length=300, required=False)
    invitation_code = forms.CharField(label=_("Invitation code"), max_length=60)
    consent = forms.BooleanField(
        label=_(
            "I agree that my details are stored to organise this event and deleted afterwards "
            "as described in the privacy notice."
        )
    )

    def __init__(
        self, *args: Any, event: Event, dates: list[EventDate] | None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        if dates is None:
            self._accept_ids()
        else:
            self._preload(dates)
        for flag, name in (
            ("ask_organisation", "organisation"),
            ("ask_phone", "phone"),
            ("ask_accessibility_needs", "accessibility_needs"),
            ("ask_dietary_needs", "dietary_needs"),
        ):
            if not getattr(event, flag):
                del self.fields[name]
        if event.access != Event.Access.INVITATION:
            del self.fields["invitation_code"]

    def _accept_ids(self) -> None:
        """``dates=None``: a submitted form on the hot path. The date and workshop ids are
        checked by ``registration_create`` under the date's lock (that they belong to this
        event and date, that one is chosen where the date has workshops), so they need not be
        loaded here first. If anything is wrong the view shows the full form again."""
        _date_field(self).accept_ids(lambda pk: EventDate(pk=pk, event_id=self.event.pk))
        # 0 when the date's id is not a number: the date field refuses the form then.
        date_id = _int(self.data.get(self.add_prefix("event_date"))) or 0
        for name in ("first_choice", "second_choice"):
            _workshop_field(self, name).accept_ids(
                lambda pk: Workshop(pk=pk, event_date_id=date_id)
            )

    def _preload(self, dates: list[EventDate]) -> None:
        # The already loaded (and annotated: seats left) objects give choices and labels.
        _date_field(self).preload(dates)
        if len(dates) == 1:
            self.fields["event_date"].initial = dates[0].pk
        workshops = [w for d in dates for w in d.workshops.all()]
        if workshops:
            several = len({w.event_date_id for w in workshops}) > 1
            for name in ("first_choice", "second_choice"):
                field = _workshop_field(self, name)
                field.show_date = several
                field.preload(workshops)
            self.fields["first_choice"].required = True
        else:
            del self.fields["first_choice"]
            del self.fields["second_choice"]

    def clean_invitation_code(self):
        code = self.cleaned_data["invitation_code"].strip()
        if code.casefold() != self.event.invitation_code.strip().casefold():
            raise forms.ValidationError(_("This invitation code is not right."))
        return code

    def clean(self):
        data = super().clean()
        event_date = data.get("event_date")
        first, second = data.get("first_choice"), data.get("second_choice")
        if event_date is not None:
            for name, workshop in (("first_choice", first), ("second_choice", second)):
                if workshop is not None and workshop.event_date_id != event_date.pk:
                    self.add_error(name, _("This workshop does not take place on the chosen date."))
        if first is not None and second is not None and first.pk == second.pk:
            self.add_error("second_choice", _("Please choose a different workshop."))
        return data


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _preloaded_iterator(objects):
    """A ModelChoiceIterator over objects we already have (keeps annotations, saves queries)."""
    from django.forms.models import ModelChoiceIterator

    class Iterator(ModelChoiceIterator):
        def __iter__(self):
            if self.field.empty_label is not None:
                yield ("", self.field.empty_label)
            for obj in objects:
                yield self.choice(obj)

        def __len__(self):
            return len(objects) + (1 if self.field.empty_label is not None else 0)

    return Iterator


class WorkshopChangeForm(forms.Form):
    first_choice = WorkshopChoiceField(
        label=_("Workshop (first choice)"), queryset=Workshop.objects.none()
    )
    second_choice = WorkshopChoiceField(
        label=_("Workshop (second choice)"), queryset=Workshop.objects.none(), required=False
    )

    def __init__(self, *args: Any, event_date: EventDate, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("first_choice", "second_choice"):
            _workshop_field(self, name).queryset = event_date.workshops.all()

    def clean(self):
        data = super().clean()
        first, second = data.get("first_choice"), data.get("second_choice")
        if first is not None and second is not None and first.pk == second.pk:
            self.add_error("second_choice", _("Please choose a different workshop."))
        return data


class DateMoveForm(forms.Form):
    """A participant moves to another date of the event (and chooses its workshops)."""

    event_date = DateChoiceField(
        label=_("New date"),
        queryset=EventDate.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    first_choice = WorkshopChoiceField(
        label=_("Workshop (first choice)"), queryset=Workshop.objects.none(), required=False
    )
    second_choice = WorkshopChoiceField(
        label=_("Workshop (second choice)"),
        queryset=Workshop.objects.none(),
        required=False,
        help_text=_("If your first choice is full, you get a seat here."),
    )

    def __init__(self, *args: Any, dates: list[EventDate], **kwargs: Any) -> None:
        """``dates``: the other dates one may move to, loaded with their seats left."""
        super().__init__(*args, **kwargs)
        _date_field(self).preload(dates)
        workshops = [w for d in dates for w in d.workshops.all()]
        if workshops:
            for name in ("first_choice", "second_choice"):
                field = _workshop_field(self, name)
                field.show_date = len(dates) > 1
                field.preload(workshops)
        else:
            del self.fields["first_choice"]
            del self.fields["second_choice"]

    def clean(self):
        data = super().clean()
        event_date = data.get("event_date")
        first, second = data.get("first_choice"), data.get("second_choice")
        if event_date is not None:
            for name, workshop in (("first_choice", first), ("second_choice", second)):
                if workshop is not None and workshop.event_date_id != event_date.pk:
                    self.add_error(name, _("This workshop does not take place on the chosen date."))
            if first is None and second is None and event_date.workshops.all():
                self.add_error("first_choice", _("Please choose a workshop."))
        if first is not None and second is not None and first.pk == second.pk:
            self.add_error("second_choice", _("Please choose a different workshop."))
        return data
