from django.urls import path

from portal.views import privacy, staff, translations

app_name = "portal_staff"

urlpatterns = [
    path("", staff.home, name="home"),
    path("<slug:region>/", staff.dashboard, name="dashboard"),
    path("<slug:region>/office/", staff.office_edit, name="office_edit"),
    path("<slug:region>/team/", staff.team, name="team"),
    path("<slug:region>/team/invite/", staff.invite, name="invite"),
    path("<slug:region>/team/<int:pk>/", staff.membership_update, name="membership_update"),
    path(
        "<slug:region>/team/invitations/<int:pk>/withdraw/",
        staff.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("<slug:region>/fields/", staff.fields_of_action, name="fields_of_action"),
    path("<slug:region>/fields/<int:pk>/", staff.field_of_action_edit, name="field_of_action_edit"),
    path(
        "<slug:region>/fields/<int:pk>/delete/",
        staff.field_of_action_delete,
        name="field_of_action_delete",
    ),
    path("<slug:region>/barriers/", staff.barrier_reports, name="barrier_reports"),
    path(
        "<slug:region>/barriers/<int:pk>/",
        staff.barrier_report_update,
        name="barrier_report_update",
    ),
    path("<slug:region>/mail/", staff.mail_log, name="mail_log"),
    path("<slug:region>/mail/<int:pk>/", staff.mail_detail, name="mail_detail"),
    path("<slug:region>/mail/<int:pk>/resend/", staff.mail_resend, name="mail_resend"),
    path("<slug:region>/history/", staff.history, name="history"),
    path("<slug:region>/privacy/", privacy.privacy, name="privacy"),
    path("<slug:region>/privacy/subject/", privacy.subject_request, name="subject_request"),
    path("<slug:region>/translations/", translations.overview, name="translations"),
    path(
        "<slug:region>/translations/settings/",
        translations.settings_update,
        name="translations_settings",
    ),
    path(
        "<slug:region>/translations/<str:language>/",
        translations.work_list,
        name="translations_work",
    ),
    path(
        "<slug:region>/translations/<str:language>/export/",
        translations.xliff_export,
        name="translations_export",
    ),
    path(
        "<slug:region>/translations/<str:language>/import/",
        translations.xliff_import,
        name="translations_import",
    ),
    path(
        "<slug:region>/translations/<str:language>/machine/",
        translations.machine_request,
        name="translations_machine",
    ),
    path(
        "<slug:region>/translations/<str:language>/<slug:kind>/<int:pk>/",
        translations.document_edit,
        name="translations_edit",
    ),
]
