"""What a visitor sends to join a working group, and where the form is."""

from django.urls import reverse

JOIN = {
    "name": "Amal Haddad",
    "email": "amal@example.org",
    "organisation_name": "Frauencafé",
    "message": "Ich möchte mitarbeiten.",
    "privacy": "on",
}


def _url(group):
    return reverse("networks:working_group_detail", args=[group.region.slug, group.slug])
