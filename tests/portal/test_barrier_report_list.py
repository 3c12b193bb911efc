"""The staff list of barrier reports: a county's staff see their county's reports only."""

from tests.portal.factories import BarrierReportFactory


def test_the_regions_staff_see_the_report(client_of, coordinator_goslar, goslar):
    BarrierReportFactory(region=goslar, description="Kontrast zu gering")
    html = client_of(coordinator_goslar).get("/staff/goslar/barriers/").content.decode()
    assert "Kontrast zu gering" in html


def test_staff_of_another_region_do_not_see_it(client_of, editor_harz, goslar, harz):
    BarrierReportFactory(region=goslar, description="Kontrast zu gering")
    html = client_of(editor_harz).get("/staff/harz/barriers/").content.decode()
    assert "Kontrast zu gering" not in html
