"""The coordinator edits the office: addresses, settings, contacts, team, statistics, towns."""

import pytest

from portal.forms import RegionOfficeForm, office_formsets
from portal.models import Municipality, Region, RegionContact, RegionStatistic, TeamMember
from tests.factories import MunicipalityFactory
from tests.portal.factories import RegionContactFactory, TeamMemberFactory


def office_data(region: Region, **changes) -> dict:
    """The POST data of the office page as the browser sends it, unchanged, plus changes."""
    data: dict = {}
    form = RegionOfficeForm(instance=region)
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if name == "coat_of_arms" or value is None:
            continue
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        data[name] = value
    for prefix, (formset, _title) in office_formsets(region).items():
        management = formset.management_form
        for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[f"{prefix}-{name}"] = management.initial[name]
        for subform in formset.forms:
            for name, field in subform.fields.items():
                value = subform.initial.get(name, field.initial)
                if value is None or name == "DELETE":
                    continue
                if hasattr(value, "pk"):
                    value = value.pk
                data[subform.add_prefix(name)] = value
    data.update(changes)
    return data


def test_the_page_shows_every_part(client_of, coordinator_goslar, goslar):
    RegionContactFactory(region=goslar, value="05321 76-276")
    html = client_of(coordinator_goslar).get("/staff/goslar/office/").content.decode()
    assert "05321 76-276" in html
    for prefix in ("contacts", "team", "statistics", "municipalities"):
        assert f'name="{prefix}-TOTAL_FORMS"' in html


def test_the_coordinator_changes_the_addresses(client_of, coordinator_goslar, goslar):
    response = client_of(coordinator_goslar).post(
        "/staff/goslar/office/",
        office_data(goslar, po_box="Postfach 1542, 38805 Halberstadt", opening_hours="Di 9–12"),
    )
    assert response.status_code == 302
    goslar.refresh_from_db()
    assert goslar.po_box == "Postfach 1542, 38805 Halberstadt"
    assert goslar.opening_hours == "Di 9–12"


def test_several_phones_and_emails_are_added(client_of, coordinator_goslar, goslar):
    client = client_of(coordinator_goslar)
    for kind, value in [
        ("phone", "03946 97 74 26"),
        ("phone", "03946 97 74 27"),
        ("email", "k@kreis-hz.de"),
    ]:
        data = office_data(goslar)
        # The empty extra row comes after the saved ones
        index = int(data["contacts-INITIAL_FORMS"])
        data.update(
            {
                f"contacts-{index}-kind": kind,
                f"contacts-{index}-value": value,
                f"contacts-{index}-order": index,
            }
        )
        assert client.post("/staff/goslar/office/", data).status_code == 302
    values = list(RegionContact.objects.in_region(goslar).values_list("value", flat=True))
    assert values == ["03946 97 74 26", "03946 97 74 27", "k@kreis-hz.de"]


def test_a_team_member_is_renamed_and_another_removed(client_of, coordinator_goslar, goslar):
    first = TeamMemberFactory(region=goslar, name="Herma Alpermann", order=1)
    second = TeamMemberFactory(region=goslar, name="Maria Abel", order=2)
    data = office_data(goslar)
    data["team-0-role"] = "Leitung"
    data["team-1-DELETE"] = "on"
    assert data["team-1-id"] == second.pk
    response = client_of(coordinator_goslar).post("/staff/goslar/office/", data)
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.role == "Leitung"
    assert not TeamMember.objects.filter(pk=second.pk).exists()


def test_a_statistic_with_date_and_source_is_added(client_of, coordinator_goslar, goslar):
    data = office_data(goslar)
    data.update(
        {
            "statistics-TOTAL_FORMS": 1,
            "statistics-0-label": "Herkunftsnationen",
            "statistics-0-value": "122",
            "statistics-0-as_of": "2018-01-30",
            "statistics-0-source": "Pressemitteilung",
            "statistics-0-order": 1,
        }
    )
    assert client_of(coordinator_goslar).post("/staff/goslar/office/", data).status_code == 302
    stat = RegionStatistic.objects.in_region(goslar).get()
    assert stat.as_of.isoformat() == "2018-01-30"


def test_a_municipality_gets_its_address_from_the_name(client_of, coordinator_goslar, goslar):
    data = office_data(goslar)
    data.update(
        {
            "municipalities-TOTAL_FORMS": 1,
            "municipalities-0-name": "Bad Harzburg",
            "municipalities-0-kind": "town",
        }
    )
    assert client_of(coordinator_goslar).post("/staff/goslar/office/", data).status_code == 302
    assert Municipality.objects.in_region(goslar).get().slug == "bad-harzburg"


@pytest.mark.parametrize(
    "changes",
    [
        {"registration_retention_days": "-5"},
        {"office_name": ""},
        {"unconfirmed_offer_policy": "burn"},
        {"contacts-TOTAL_FORMS": 1, "contacts-0-kind": "email", "contacts-0-value": "keine-mail"},
        {"contacts-TOTAL_FORMS": 1, "contacts-0-kind": "phone", "contacts-0-value": "ruf an"},
        {"statistics-TOTAL_FORMS": 1, "statistics-0-label": "X", "statistics-0-value": "1"},
        {"team-TOTAL_FORMS": 1, "team-0-name": "X", "team-0-email": "nope"},
    ],
)
def test_invalid_input_gets_messages_and_saves_nothing(
    client_of, coordinator_goslar, goslar, changes
):
    data = office_data(goslar, opening_hours="geändert", **changes)
    response = client_of(coordinator_goslar).post("/staff/goslar/office/", data)
    assert response.status_code == 400
    assert "invalid-feedback" in response.content.decode()
    goslar.refresh_from_db()
    assert goslar.opening_hours != "geändert"
    assert not RegionContact.objects.exists()
    assert not RegionStatistic.objects.exists()


def test_a_duplicate_municipality_gets_a_message(client_of, coordinator_goslar, goslar):
    MunicipalityFactory(region=goslar, name="Seesen", slug="seesen")
    data = office_data(goslar)
    data.update(
        {
            "municipalities-TOTAL_FORMS": 2,
            "municipalities-1-name": "Seesen",
            "municipalities-1-kind": "town",
        }
    )
    response = client_of(coordinator_goslar).post("/staff/goslar/office/", data)
    assert response.status_code == 400
    assert Municipality.objects.in_region(goslar).count() == 1


def test_another_regions_rows_cannot_be_edited_through_the_form(
    client_of, coordinator_goslar, goslar, harz
):
    foreign = TeamMemberFactory(region=harz, name="Harz-Person")
    data = office_data(goslar)
    data.update(
        {
            "team-TOTAL_FORMS": 1,
            "team-INITIAL_FORMS": 1,
            "team-0-id": foreign.pk,
            "team-0-name": "Übernommen",
            "team-0-order": 0,
        }
    )
    response = client_of(coordinator_goslar).post("/staff/goslar/office/", data)
    assert response.status_code in (302, 400)
    foreign.refresh_from_db()
    assert foreign.name == "Harz-Person"
    assert foreign.region == harz


def test_editors_cannot_edit_the_office(client_of, editor_goslar, goslar):
    response = client_of(editor_goslar).post("/staff/goslar/office/", office_data(goslar))
    assert response.status_code == 403
