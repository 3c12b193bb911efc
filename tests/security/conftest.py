"""The security tests reuse the apps' fixtures (an event of Goslar with a date, ...)."""

from tests.conferences.conftest import event, event_date, person  # noqa: F401
