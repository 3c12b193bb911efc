"""The staff list of offers searches the lessons learned of archived offers word by word."""

import pytest

from tests.offers.factories import make_offer
from tests.offers.staff_forms import url


@pytest.mark.parametrize(
    ("q", "found"),
    [
        ("Kita Uhrzeit", True),  # words in any order
        ("uhrzeit PASSTE", True),
        ("fruehstueck", True),  # umlauts written out
        ("Frühstück Kita", True),  # one word in the title, one in the lessons learned
        ("Kita Abend", False),  # every word must occur
    ],
)
def test_staff_search_of_lessons_learned_is_word_by_word(
    client_of, coordinator_goslar, goslar, q, found
):
    make_offer(
        goslar,
        title="Frauenfrühstück",
        status="archived",
        lessons_learned="Uhrzeit passte nicht zu den Kita-Zeiten",
    )
    make_offer(goslar, title="Anderes Angebot", status="archived", lessons_learned="Zu teuer")
    html = client_of(coordinator_goslar).get(url("offer_list"), {"q": q}).content.decode()
    assert ("Frauenfrühstück" in html) is found
    assert "Anderes Angebot" not in html
