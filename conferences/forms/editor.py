"""The event editor: the event, and one card per date with its programme and workshops.

Everything is one HTML form, so nothing typed is lost: "add a date / an item / a workshop" and
"remove" are submit buttons that send the whole form back and get it again with one row more
or less (``EditorAction``), without saving and without error messages; with htmx only the date
cards are swapped. "Save" validates all of it and saves it in one transaction.

Field names: ``event-…`` for the event, ``dates-N-…`` for date N, ``dates-N-programme-M-…`` and
``dates-N-workshops-M-…`` for its rows. New rows exist only in the submitted data until they
are saved, so a second date (with its workshops) can be added before the first save.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django import forms
from django.db import transaction
from django.forms import BaseFormSet, BaseInlineFormSet, inlineformset_factory
from django.forms.utils import ErrorDict, ErrorList
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conferences.forms.staff import EventForm
from conferences.models import Event, EventDate, ProgrammeItem, Venue, Workshop
from portal.forms import model_choice_field
from portal.models import FieldOfAction, Region

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")

# More rows than any real event needs; protects the page from a tampered form.
MAX_ROWS = 60
PLEASE_CHOOSE = _("Please choose")


class EventDateForm(forms.ModelForm):
    """One date: the day with start and end time (German date and time inputs), venue, seats."""

    day = forms.DateField(label=_("Day"), widget=DATE)
    start_time = forms.TimeField(label=_("From"), widget=TIME)
    end_time = forms.TimeField(label=_("Until"), widget=TIME)
    end_day = forms.DateField(
        label=_("Last day"),
        required=False,
        widget=DATE,
        help_text=_("Only if the date lasts several days."),
    )
    # The date's rows, bound by EventEditor.
    programme: BaseInlineFormSet[ProgrammeItem, EventDate, ProgrammeItemForm]
    workshops: BaseInlineFormSet[Workshop, EventDate, WorkshopForm]

    class Meta:
        model = EventDate
        fields = [
            "day",
            "start_time",
            "end_time",
            "end_day",
            "label",
            "venue",
            "seats",
            "cancelled",
        ]
        help_texts = {"label": _("e.g. the town, if there are several dates")}

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        venue = model_choice_field(self, "venue")
        venue.queryset = Venue.objects.in_region(region)
        venue.empty_label = PLEASE_CHOOSE
        self.fields["seats"].widget.attrs["min"] = 0
        if self.instance.pk:
            start = timezone.localtime(self.instance.start)
            end = timezone.localtime(self.instance.end)
            self.initial.update(
                day=start.date(),
                start_time=start.time().replace(second=0, microsecond=0),
                end_time=end.time().replace(second=0, microsecond=0),
                end_day=end.date() if end.date() != start.date() else None,
            )

    def clean(self):
        data = super().clean()
        day, start_time, end_time = data.get("day"), data.get("start_time"), data.get("end_time")
        if day and start_time and end_time:
            start = _aware(day, start_time)
            end = _aware(data.get("end_day") or day, end_time)
            if end <= start:
                self.add_error("end_time", _("The end must be after the start."))
            else:
                self.instance.start, self.instance.end = start, end
        return data


def _aware(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


class ProgrammeItemForm(forms.ModelForm):
    class Meta:
        model = ProgrammeItem
        fields = ["start", "end", "title", "speaker"]
        widgets = {"start": TIME, "end": TIME}

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The end must be after the start."))
        return data


class WorkshopForm(forms.ModelForm):
    class Meta:
        model = Workshop
        fields = ["title", "description", "field_of_action", "seats", "room", "moderation"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = model_choice_field(self, "field_of_action")
        field.queryset = FieldOfAction.objects.in_region(region)
        field.empty_label = PLEASE_CHOOSE
        self.fields["seats"].widget.attrs["min"] = 0


class RegionFormSetMixin:
    """Passes the region to every form (venues and fields of action are the region's own)."""

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        self.region = region
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "region": self.region}

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            region=self.region,
        )
        self.add_fields(form, None)
        return form


class BaseDateFormSet(RegionFormSetMixin, BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(_removed_with_registrations(form, self) for form in self.forms):
            raise forms.ValidationError(
                _("A date with registrations cannot be removed; mark it as cancelled.")
            )


class BaseProgrammeFormSet(RegionFormSetMixin, BaseInlineFormSet):
    pass


class BaseWorkshopFormSet(RegionFormSetMixin, BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(_removed_with_registrations(form, self) for form in self.forms):
            raise forms.ValidationError(
                _(
                    "People are registered for a workshop you removed; move them to another "
                    "workshop first."
                )
            )


def _marked_for_removal(formset: BaseFormSet[Any], form: forms.BaseForm) -> bool:
    """Whether the row's "remove" box is ticked (Django's own test, also before validation)."""
    return bool(
        formset._should_delete_form(form)  # type: ignore[attr-defined]  # private, not in django-stubs
    )


def _removed_with_registrations(form: forms.BaseModelForm[Any], formset: BaseFormSet[Any]) -> bool:
    """A saved row marked for removal that registrations hang on (they would go with a date,
    or lose their workshop). Deleted rows are not validated, so the formset refuses."""
    return bool(
        form.instance.pk
        and _marked_for_removal(formset, form)
        and form.instance.registrations.exists()
    )


EventDateFormSet = inlineformset_factory(
    Event, EventDate, form=EventDateForm, formset=BaseDateFormSet, extra=0, can_delete=True
)
ProgrammeFormSet = inlineformset_factory(
    EventDate,
    ProgrammeItem,
    form=ProgrammeItemForm,
    formset=BaseProgrammeFormSet,
    extra=0,
    can_delete=True,
)
WorkshopFormSet = inlineformset_factory(
    EventDate,
    Workshop,
    form=WorkshopForm,
    formset=BaseWorkshopFormSet,
    extra=0,
    can_delete=True,
)

# What each kind of row is called, and the field that gets the focus when one is added.
ROWS = {
    "dates": ("day", _("Add a date")),
    "programme": ("start", _("Add a programme item")),
    "workshops": ("title", _("Add a workshop")),
}

_ACTION = re.compile(
    r"^(?P<verb>add|remove|restore):"
    r"(?P<prefix>dates(?:-(?P<date>\d{1,3})-(?:programme|workshops))?)"
    r"(?:-(?P<index>\d{1,3}))?$"
)


def _int(value, default: int = 0) -> int:
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return default


@dataclass
class EditorAction:
    """A click on "add …", "remove" or "undo", applied to the submitted data."""

    verb: str
    prefix: str
    index: int | None

    @classmethod
    def parse(cls, value: str) -> EditorAction | None:
        match = _ACTION.match(value or "")
        if match is None or (match["verb"] == "add") != (match["index"] is None):
            return None
        index = match["index"]
        return cls(match["verb"], match["prefix"], int(index) if index is not None else None)

    def apply(self, data: QueryDict) -> tuple[QueryDict, str]:
        """The data with the row added, removed or restored, and the id of the element that
        gets the focus."""
        data = data.copy()
        data.pop("editor", None)
        total_key = f"{self.prefix}-TOTAL_FORMS"
        total = min(_int(data.get(total_key)), MAX_ROWS)
        initial = _int(data.get(f"{self.prefix}-INITIAL_FORMS"))
        kind = self.prefix.rsplit("-", 1)[-1]
        if self.verb == "add":
            if total >= MAX_ROWS:
                return data, f"add-{self.prefix}"
            data[total_key] = str(total + 1)
            if kind == "dates":
                for child in ("programme", "workshops"):
                    data[f"dates-{total}-{child}-TOTAL_FORMS"] = "0"
                    data[f"dates-{total}-{child}-INITIAL_FORMS"] = "0"
            return data, f"id_{self.prefix}-{total}-{ROWS[kind][0]}"
        index = self.index
        if index is None or index >= total:
            return data, f"add-{self.prefix}"
        row = f"{self.prefix}-{index}"
        if self.verb == "restore":
            data.pop(f"{row}-DELETE", None)
            return data, f"remove-{row}"
        if index < initial:
            # A saved row: marked, deleted on save, and can be restored until then.
            data[f"{row}-DELETE"] = "on"
            return data, f"restore-{row}"
        # A new row: gone; the rows after it move up one place.
        renamed = QueryDict(mutable=True)
        for key, values in data.lists():
            number = _row_number(key, self.prefix)
            if number == index:
                continue
            if number is not None and number > index:
                key = f"{self.prefix}-{number - 1}-" + key[len(f"{self.prefix}-{number}-") :]
            renamed.setlist(key, values)
        renamed[total_key] = str(total - 1)
        return renamed, f"add-{self.prefix}"


def _row_number(key: str, prefix: str) -> int | None:
    if not key.startswith(prefix + "-"):
        return None
    head = key[len(prefix) + 1 :].split("-", 1)[0]
    return int(head) if head.isdigit() else None


class EventEditor:
    """The event form, its dates, and each date's programme and workshops, bound together."""

    def __init__(
        self,
        *,
        event: Event,
        region: Region,
        data: QueryDict | None = None,
        files=None,
        focus: str = "",
    ) -> None:
        self.event = event
        self.region = region
        self.focus = focus
        self.form = EventForm(data, files, instance=event, region=region, prefix="event")
        self.dates = EventDateFormSet(data, instance=event, region=region, prefix="dates")
        if data is None and not event.pk:
            self.dates.extra = 1  # a new event starts with one (empty) date card
        for date_form in self.dates.forms:
            date_form.programme = ProgrammeFormSet(
                data,
                instance=date_form.instance,
                region=region,
                prefix=f"{date_form.prefix}-programme",
                queryset=ProgrammeItem.objects.order_by("start", "id"),
            )
            date_form.workshops = WorkshopFormSet(
                data,
                instance=date_form.instance,
                region=region,
                prefix=f"{date_form.prefix}-workshops",
                queryset=Workshop.objects.select_related("field_of_action").order_by("order", "id"),
            )
            # A date card with rows filled in is not an empty card to skip.
            if data is not None and (
                date_form.programme.has_changed() or date_form.workshops.has_changed()
            ):
                date_form.empty_permitted = False
        if focus:
            self._autofocus(focus)

    @classmethod
    def after(
        cls, action: EditorAction, *, event: Event, region: Region, data: QueryDict
    ) -> EventEditor:
        """The editor after a click on "add" or "remove": nothing saved, no error shown yet."""
        data, focus = action.apply(data)
        editor = cls(event=event, region=region, data=data, focus=focus)
        editor._quiet()
        return editor

    def _quiet(self) -> None:
        """Render what was typed without judging it: the person has not asked to save."""
        for form in self._all_forms():
            form._errors = ErrorDict()
        for formset in self._all_formsets():
            formset._errors = [ErrorDict() for _f in formset.forms]
            formset._non_form_errors = ErrorList()

    def _all_formsets(self):
        yield self.dates
        for date_form in self.dates.forms:
            yield date_form.programme
            yield date_form.workshops

    def _all_forms(self):
        yield self.form
        for formset in self._all_formsets():
            yield from formset.forms

    def _autofocus(self, element_id: str) -> None:
        for formset in self._all_formsets():
            for form in formset.forms:
                for name, field in form.fields.items():
                    if f"id_{form.prefix}-{name}" == element_id:
                        field.widget.attrs["autofocus"] = True
                        return

    def is_valid(self) -> bool:
        valid = self.form.is_valid() & self.dates.is_valid()
        for date_form in self.dates.forms:
            if self.dates.can_delete and _marked_for_removal(self.dates, date_form):
                continue
            valid &= date_form.programme.is_valid() & date_form.workshops.is_valid()
        return bool(valid)

    @property
    def error_count(self) -> int:
        count = len(self.form.errors)
        for formset in self._all_formsets():
            if formset.is_bound:
                count += formset.total_error_count()
        return count

    @transaction.atomic
    def save(self) -> Event:
        """Save everything; rows of removed dates go with their date."""
        event = self.form.save()
        self.dates.instance = event
        self.dates.save()
        for date_form in self.dates.forms:
            if date_form.instance.pk is None or _marked_for_removal(self.dates, date_form):
                continue
            for formset in (date_form.programme, date_form.workshops):
                formset.instance = date_form.instance
                formset.save()
            kept = [
                form.instance
                for form in date_form.workshops.forms
                if form.instance.pk and not _marked_for_removal(date_form.workshops, form)
            ]
            for order, workshop in enumerate(kept, start=1):
                if workshop.order != order:
                    workshop.order = order
                    workshop.save(update_fields=["order"])
        return event
