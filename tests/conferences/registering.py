"""Registering through the service, as the public form and the staff do."""

from __future__ import annotations

from conferences.services import registrations as services


def register(event_date, participant, *choices, **kwargs):
    first = choices[0] if choices else None
    second = choices[1] if len(choices) > 1 else None
    registration, _created = services.registration_create(
        event_date=event_date,
        participant=participant,
        first_choice=first,
        second_choice=second,
        **kwargs,
    )
    return registration
