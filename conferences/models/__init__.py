from conferences.models.events import (
    Event,
    EventDate,
    ProgrammeItem,
    Venue,
    Workshop,
)
from conferences.models.registrations import Registration

__all__ = ["Event", "EventDate", "ProgrammeItem", "Registration", "Venue", "Workshop"]
