"""Forms of the conferences app. They validate; services write."""

from conferences.forms.editor import EditorAction, EventEditor
from conferences.forms.public import (
    DateChoiceField,
    DateMoveForm,
    EventFilterForm,
    RegistrationForm,
    WorkshopChangeForm,
    WorkshopChoiceField,
)
from conferences.forms.results import MeasureFromResultsForm, WorkshopMeasuresForm
from conferences.forms.staff import (
    RESERVED_EVENT_SLUGS,
    DocumentationForm,
    EventForm,
    MessageForm,
    MoveForm,
    StaffRegistrationForm,
    VenueForm,
    WorkshopResultsFormSet,
)

__all__ = [
    "EditorAction",
    "EventEditor",
    "RESERVED_EVENT_SLUGS",
    "DateChoiceField",
    "DateMoveForm",
    "DocumentationForm",
    "EventFilterForm",
    "EventForm",
    "MeasureFromResultsForm",
    "MessageForm",
    "MoveForm",
    "RegistrationForm",
    "StaffRegistrationForm",
    "VenueForm",
    "WorkshopChangeForm",
    "WorkshopChoiceField",
    "WorkshopResultsFormSet",
    "WorkshopMeasuresForm",
]
