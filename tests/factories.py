"""factory_boy factories of the portal app. Each app keeps its own in tests/<app>/factories.py."""

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from portal import services
from portal.models import (
    Invitation,
    Membership,
    Municipality,
    RateLimitCounter,
    Region,
    RetentionPeriod,
    Role,
    User,
)


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


class SuperuserFactory(UserFactory):
    """A platform administrator (the only users the Django admin lets in)."""

    email = factory.Sequence(lambda n: f"admin{n}@example.org")
    is_staff = True
    is_superuser = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    region = factory.SubFactory(RegionFactory)
    role = Role.EDITOR


class InvitationFactory(factory.django.DjangoModelFactory):
    """A pending invitation of a new staff member (expires after the default 14 days)."""

    class Meta:
        model = Invitation

    region = factory.SubFactory(RegionFactory)
    email = factory.Sequence(lambda n: f"neu{n}@example.org")
    role = Role.EDITOR


class RetentionPeriodFactory(factory.django.DjangoModelFactory):
    """A county's own period for one retention rule."""

    class Meta:
        model = RetentionPeriod

    region = factory.SubFactory(RegionFactory)
    rule = "join_requests"
    days = 180


class RateLimitCounterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RateLimitCounter

    key = factory.Sequence(lambda n: f"barrier:192.0.2.{n % 250}")
    window = 1
    count = 1


def add_totp(user: User) -> str:
    """Give the user a TOTP second factor; returns the secret so a test can compute codes."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def staff_user(region: Region, role: str = Role.COORDINATOR, *, with_totp: bool = True, **kw):
    user = UserFactory(**kw)
    MembershipFactory(user=user, region=region, role=role)
    if with_totp:
        add_totp(user)
    return user
