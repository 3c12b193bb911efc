"""Every staff URL × {anonymous, coordinator of the region, editor of another region}."""

import pytest
from django.urls import reverse

from tests.staff_matrix import all_cases, staff_url_names

CASES = all_cases()


def test_every_staff_url_has_a_case_in_the_matrix():
    missing = staff_url_names() - {case.name for case in CASES}
    assert not missing, f"Staff URLs without a permission case: {sorted(missing)}"


def _request(client, case, region):
    url = reverse(case.name, kwargs={"region": region.slug, **case.kwargs(region)})
    return getattr(client, case.method)(url, case.data(region)), url


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_anonymous_visitors_are_sent_to_the_login(client, goslar, case):
    response, url = _request(client, case, goslar)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_coordinator_of_the_region_gets_through(client_of, coordinator_goslar, goslar, case):
    response, url = _request(client_of(coordinator_goslar), case, goslar)
    assert response.status_code in (200, 302), (url, response.status_code)
    if response.status_code == 302:
        assert not response.url.startswith(reverse("account_login"))
        assert "/mfa/" not in response.url


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_staff_of_another_region_get_404(client_of, editor_harz, goslar, case):
    response, url = _request(client_of(editor_harz), case, goslar)
    assert response.status_code == 404, url
