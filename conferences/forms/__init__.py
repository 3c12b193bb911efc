"""Forms of the conferences app. They validate; services write."""

from conferences.forms.public import (
    DateChoiceField,
    EventFilterForm,
    RegistrationForm,
    WorkshopChangeForm,
    WorkshopChoiceField,
)
from conferences.forms.results import MeasureFromResultsForm, WorkshopMeasuresForm
from conferences.forms.staff import (
    RESERVED_EVENT_SLUGS,
    DocumentationForm,
    EventDateFormSet,
    EventForm,
    MessageForm,
    MoveForm,
    ProgrammeFormSet,
    StaffRegistrationForm,
    VenueForm,
    WorkshopFormSet,
    WorkshopResultsFormSet,
)

__all__ = [
    "RESERVED_EVENT_SLUGS",
    "DateChoiceField",
    "DocumentationForm",
    "EventDateFormSet",
    "EventFilterForm",
    "EventForm",
    "MeasureFromResultsForm",
    "MessageForm",
    "MoveForm",
    "ProgrammeFormSet",
    "RegistrationForm",
    "StaffRegistrationForm",
    "VenueForm",
    "WorkshopChangeForm",
    "WorkshopChoiceField",
    "WorkshopFormSet",
    "WorkshopResultsFormSet",
    "WorkshopMeasuresForm",
]
