"""The demo data of the four seed counties loads, and loads again without duplicates."""

from networks import demo
from networks.models import IntegrationConcept, Organisation, Person, WorkingGroup
from portal import demo as portal_demo


def _counts():
    return [m.objects.count() for m in (Organisation, Person, WorkingGroup, IntegrationConcept)]


def test_the_demo_is_idempotent_and_tells_the_seeds_stories(db):
    portal_demo.seed()
    demo.seed()
    first = _counts()
    demo.seed()
    assert _counts() == first

    assert WorkingGroup.objects.filter(region__slug="harz").count() == 6
    assert Person.objects.filter(public_consent=False).exists()
    # Heilbronn's adopted 2016 concept waits for its 2023 revision (journey 7 starts it).
    heilbronn = IntegrationConcept.objects.get(region__slug="heilbronn")
    assert (heilbronn.version, heilbronn.status) == (2016, "adopted")
    assert heilbronn.measures.count() >= 4
    goslar = IntegrationConcept.objects.get(region__slug="goslar")
    assert goslar.adopted_on.month == 7 and goslar.guidelines.count() == 5
