"""Staff set the status of a barrier report; an unknown status changes nothing."""

from portal.models import BarrierReport
from tests.portal.factories import BarrierReportFactory


def test_staff_can_mark_a_report_resolved(client_of, editor_goslar, goslar):
    report = BarrierReportFactory(region=goslar, description="Kontrast")
    client_of(editor_goslar).post(
        f"/staff/goslar/barriers/{report.pk}/", {"status": BarrierReport.Status.RESOLVED}
    )
    report.refresh_from_db()
    assert report.status == BarrierReport.Status.RESOLVED


def test_an_unknown_status_changes_nothing(client_of, editor_goslar, goslar):
    report = BarrierReportFactory(region=goslar, description="Kontrast")
    response = client_of(editor_goslar).post(
        f"/staff/goslar/barriers/{report.pk}/", {"status": "deleted"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == BarrierReport.Status.NEW
