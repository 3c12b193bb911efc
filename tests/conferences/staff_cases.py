"""Every staff URL of the conferences app, for the permission matrix."""

from conferences.models import Registration
from tests.conferences.factories import (
    EventDateFactory,
    EventFactory,
    RegistrationFactory,
    VenueFactory,
    WorkshopFactory,
)
from tests.staff_matrix import Case


def _event(region):
    return {"pk": EventFactory(region=region).pk}


def _event_with_image(region):
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 3)).save(buffer, format="PNG")
    event = EventFactory(region=region)
    event.image.save("plakat.png", ContentFile(buffer.getvalue()))
    return {"pk": event.pk}


def _date(region):
    return {"pk": EventDateFactory(event=EventFactory(region=region)).pk}


def _export(fmt):
    return lambda region: {**_date(region), "fmt": fmt}


def _venue(region):
    return {"pk": VenueFactory(region=region).pk}


def _workshop(region):
    return {
        "pk": WorkshopFactory(event_date=EventDateFactory(event=EventFactory(region=region))).pk
    }


def _registration(region):
    event_date = EventDateFactory(event=EventFactory(region=region))
    return {"pk": RegistrationFactory(event_date=event_date).pk}


def _waiting(region):
    event_date = EventDateFactory(event=EventFactory(region=region))
    return {"pk": RegistrationFactory(event_date=event_date, status=Registration.Status.WAITING).pk}


CASES = [
    Case("conferences_staff:event_list"),
    Case("conferences_staff:event_create"),
    Case("conferences_staff:event_overview", kwargs=_event),
    Case("conferences_staff:event_edit", kwargs=_event),
    Case("conferences_staff:event_image", kwargs=_event_with_image),
    Case("conferences_staff:event_copy", "post", kwargs=_event),
    Case("conferences_staff:event_status", "post", _event, lambda r: {"action": "close"}),
    Case("conferences_staff:event_delete", "post", _event, lambda r: {"confirm": "yes"}),
    Case("conferences_staff:event_results", kwargs=_event),
    Case("conferences_staff:workshop_measures", kwargs=_workshop),
    Case("conferences_staff:venue_list"),
    Case("conferences_staff:venue_edit", kwargs=_venue),
    Case("conferences_staff:venue_delete", "post", _venue),
    Case("conferences_staff:participants", kwargs=_date),
    Case("conferences_staff:registration_add", kwargs=_date),
    Case("conferences_staff:checkin", kwargs=_date),
    Case("conferences_staff:message", kwargs=_date),
    Case("conferences_staff:export", kwargs=_export("csv")),
    Case("conferences_staff:sign_in_sheet", kwargs=_date),
    Case("conferences_staff:badges", kwargs=_date),
    Case("conferences_staff:checkin_toggle", "post", _registration, lambda r: {"attended": "1"}),
    Case("conferences_staff:registration_move", kwargs=_registration),
    Case("conferences_staff:registration_cancel", "post", kwargs=_waiting),
]
