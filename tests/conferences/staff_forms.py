"""What the back-office forms of the conferences app send, for tests that post to them."""

from __future__ import annotations

from django.utils import timezone


def staff_url(region, path):
    return f"/staff/{region.slug}/{path}"


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def date_fields(prefix, start, end):
    """A date card's day, start and end time, as the editor's inputs send them."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    return {
        f"{prefix}-day": start.strftime("%Y-%m-%d"),
        f"{prefix}-start_time": start.strftime("%H:%M"),
        f"{prefix}-end_time": end.strftime("%H:%M"),
        **({f"{prefix}-end_day": end.strftime("%Y-%m-%d")} if end.date() != start.date() else {}),
        **management(f"{prefix}-programme", 0),
        **management(f"{prefix}-workshops", 0),
    }
