"""The offer search finds an offer by its provider's and its fields of action's current names.

Both names live in other apps (networks, portal); offers hears of a rename through the change
events in portal.hooks and re-indexes.
"""

from django.forms.models import model_to_dict
from django.urls import reverse

from offers.models.directory import facet_key
from offers.selectors.search import SearchParams, search_offers
from tests.offers.factories import make_offer


def titles(region, q):
    return [offer.title for offer in search_offers(region, SearchParams(q=q)).offers]


def test_renaming_the_provider_in_the_network_directory_makes_its_offers_findable_by_the_new_name(
    goslar, editor_goslar, client_of
):
    offer = make_offer(goslar, title="Hausaufgabenhilfe")
    provider = offer.provider
    assert titles(goslar, "Kinderschutzbund") == []

    data = {k: v for k, v in model_to_dict(provider).items() if v is not None}
    data.update(name="Kinderschutzbund Goslar", slug=provider.slug, kind="association")
    response = client_of(editor_goslar).post(
        reverse("networks_staff:organisation_edit", args=[goslar.slug, provider.pk]), data
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert titles(goslar, "Kinderschutzbund") == ["Hausaufgabenhilfe"]


def test_renaming_a_field_of_action_makes_its_offers_findable_by_the_new_name(
    goslar, editor_goslar, client_of
):
    field = goslar.fields_of_action.get(slug="sprache")
    make_offer(goslar, title="Treffpunkt am Markt", fields=[field])
    assert titles(goslar, "Alphabetisierung") == []

    response = client_of(editor_goslar).post(
        reverse("portal_staff:field_of_action_edit", args=[goslar.slug, field.pk]),
        {"name": "Alphabetisierung", "slug": field.slug, "description": "", "order": 3},
    )

    assert response.status_code == 302
    assert titles(goslar, "Alphabetisierung") == ["Treffpunkt am Markt"]


def test_deleting_a_field_of_action_removes_it_from_its_offers_search_text_and_facets(
    goslar, editor_goslar, client_of, django_capture_on_commit_callbacks
):
    field = goslar.fields_of_action.get(slug="sprache")
    field.name = "Alphabetisierung"
    field.save()
    offer = make_offer(goslar, title="Treffpunkt am Markt", fields=[field])
    offer.refresh_from_db()
    assert facet_key("field", field.pk) in offer.facet_keys

    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(editor_goslar).post(
            reverse("portal_staff:field_of_action_delete", args=[goslar.slug, field.pk])
        )

    assert response.status_code == 302
    offer.refresh_from_db()
    assert facet_key("field", field.pk) not in offer.facet_keys
    assert titles(goslar, "Alphabetisierung") == []
    assert titles(goslar, "Treffpunkt") == ["Treffpunkt am Markt"]
