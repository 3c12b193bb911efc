"""factory_boy factories of the portal app. Each app keeps its own in tests/<app>/factories.py."""

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from portal import services
from portal.models import Membership, Municipality, Region, Role, User


class RegionFactory(factory.django.DjangoModelFactory):
    """A region made like production makes them: with the default fields of action."""

    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Landkreis Test {n}")
    slug = factory.Sequence(lambda n: f"test-{n}")
    county_key = factory.Sequence(lambda n: f"{90000 + n:05d}")
    office_name = "Koordinierungsstelle Migration"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.region_create(**kwargs)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Gemeinde {n}")
    slug = factory.Sequence(lambda n: f"gemeinde-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


def add_totp(user: User) -> str:
    """Give the user a TOTP second factor; returns the secret so a test can compute codes."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def staff_user(region: Region, role: str = Role.COORDINATOR, *, with_totp: bool = True, **kw):
    user = UserFactory(**kw)
    Membership.objects.create(user=user, region=region, role=role)
    if with_totp:
        add_totp(user)
    return user
