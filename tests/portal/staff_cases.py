from portal.models import FieldOfAction
from tests.factories import InvitationFactory, MembershipFactory, UserFactory
from tests.portal.factories import BarrierReportFactory
from tests.staff_matrix import Case


def _member(region):
    user = UserFactory()
    return {"pk": MembershipFactory(user=user, region=region, role="editor").pk}


def _field(region):
    return {"pk": FieldOfAction.objects.in_region(region).first().pk}


def _mail(region):
    from portal.lib.mail import queue_mail

    return {"pk": queue_mail(to="x@example.org", subject="S", body_text="x", region=region).pk}


def _failed_mail(region):
    pk = _mail(region)["pk"]
    from portal.models import OutgoingMail

    OutgoingMail.objects.filter(pk=pk).update(status="failed")
    return {"pk": pk}


def _report(region):
    return {"pk": BarrierReportFactory(region=region, description="Kontrast").pk}


def _invitation(region):

    return {"pk": InvitationFactory(region=region, email="neu@example.org", role="editor").pk}


def _arabic(region, **extra):
    """The region translates into Arabic (the translation pages answer 404 otherwise)."""
    region.translation_languages = ["ar"]
    region.save(update_fields=["translation_languages"])
    return {"language": "ar", **extra}


CASES = [
    Case("portal_staff:dashboard"),
    Case("portal_staff:privacy"),
    Case(
        "portal_staff:subject_request",
        "post",
        data=lambda r: {"action": "search", "email": "erika@example.org"},
    ),
    Case("portal_staff:office_edit"),
    Case("portal_staff:team"),
    Case(
        "portal_staff:invite", "post", data=lambda r: {"email": "neu@example.org", "role": "editor"}
    ),
    Case("portal_staff:invitation_withdraw", "post", _invitation),
    Case("portal_staff:membership_update", "post", _member, lambda r: {"role": "event_staff"}),
    Case("portal_staff:fields_of_action"),
    Case("portal_staff:field_of_action_edit", kwargs=_field),
    Case("portal_staff:field_of_action_delete", "post", _field),
    Case("portal_staff:barrier_reports"),
    Case("portal_staff:barrier_report_update", "post", _report, lambda r: {"status": "resolved"}),
    Case("portal_staff:mail_log"),
    Case("portal_staff:mail_detail", kwargs=_mail),
    Case("portal_staff:mail_resend", "post", _failed_mail, lambda r: {"copies": "0"}),
    Case("portal_staff:history"),
    Case("portal_staff:translations"),
    Case(
        "portal_staff:translations_settings",
        "post",
        data=lambda r: {"translation_languages": ["ar"], "outdated_translations": "note"},
    ),
    Case("portal_staff:translations_work", kwargs=_arabic),
    Case("portal_staff:translations_export", kwargs=_arabic),
    Case("portal_staff:translations_import", kwargs=_arabic),
    Case("portal_staff:translations_machine", "post", kwargs=_arabic),
    Case(
        "portal_staff:translations_edit",
        kwargs=lambda r: _arabic(r, kind="office", pk=r.pk),
    ),
]
