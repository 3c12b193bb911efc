"""The concept pages of staff: add a version, its chapters (one per field of action) and
annexes, and request the PDF."""

from django.urls import reverse

from networks.models import IntegrationConcept


def test_the_concept_pages_of_staff(staff, goslar):
    response = staff.post(
        reverse("networks_staff:concept_add", args=["goslar"]),
        {"title": "Integrationskonzept", "version": "2025"},
    )
    concept = IntegrationConcept.objects.get()
    assert response.status_code == 302
    staff.post(
        reverse("networks_staff:chapter_add", args=["goslar", concept.pk]),
        {
            "field_of_action": goslar.fields_of_action.first().pk,
            "order": 1,
            "goals": "Mehr Teilhabe",
        },
    )
    twice = staff.post(
        reverse("networks_staff:chapter_add", args=["goslar", concept.pk]),
        {"field_of_action": goslar.fields_of_action.first().pk, "order": 2},
    )
    assert twice.status_code == 400 and concept.chapters.count() == 1
    staff.post(
        reverse(
            "networks_staff:concept_annexes",
            args=["goslar", concept.pk],
        ),
        {"annexes": ["organisations", "working_groups"]},
    )
    assert set(concept.annexes.values_list("key", flat=True)) == {"organisations", "working_groups"}
    bogus = staff.post(
        reverse("networks_staff:concept_annexes", args=["goslar", concept.pk]),
        {"annexes": ["nonsense"]},
    )
    assert bogus.status_code == 302 and concept.annexes.count() == 2
    page = staff.get(reverse("networks_staff:concept_detail", args=["goslar", concept.pk]))
    assert page.status_code == 200
    export_url = reverse("networks_staff:export_request", args=["goslar", concept.pk])
    assert export_url in page.content.decode()
    version_clash = staff.post(
        reverse("networks_staff:concept_add", args=["goslar"]),
        {"title": "Noch eins", "version": "2025"},
    )
    assert version_clash.status_code == 400
