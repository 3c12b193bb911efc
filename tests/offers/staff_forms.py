"""What the back-office forms of the offers app send, for tests that post to them."""

from django.urls import reverse


def url(name, **kwargs):
    return reverse(f"offers_staff:{name}", kwargs={"region": "goslar", **kwargs})


def offer_post(provider, **extra):
    data = {
        "provider": provider.pk,
        "title": "Sprachkurs für Frauen",
        "kind": "course",
        "cost": "free",
        "registration": "phone",
        "registration_detail": "05321 1",
        "step_free": "yes",
        "status": "published",
        "languages": ["ar", "de"],
        "places-TOTAL_FORMS": "1",
        "places-INITIAL_FORMS": "0",
        "places-MIN_NUM_FORMS": "0",
        "places-MAX_NUM_FORMS": "20",
        "places-0-street": "Markt 1",
        "places-0-city": "Goslar",
    }
    data.update(extra)
    return data
