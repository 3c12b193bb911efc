"""Where people land after logging in."""

from allauth.account.adapter import get_adapter
from django.test import RequestFactory

from tests.factories import UserFactory
from tests.networks.factories import OrganisationFactory
from tests.offers.factories import ProviderContactFactory


def _redirect_for(user):
    request = RequestFactory().get("/")
    request.user = user
    return get_adapter(request).get_login_redirect_url(request)


def test_staff_land_in_the_back_office(coordinator_goslar):
    assert _redirect_for(coordinator_goslar) == "/staff/"


def test_provider_contacts_land_on_their_offers(goslar):
    user = UserFactory()
    organisation = OrganisationFactory(region=goslar, name="VHS", slug="vhs")
    ProviderContactFactory(region=goslar, organisation=organisation, user=user)
    assert _redirect_for(user) == "/provider/"
