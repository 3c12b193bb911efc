from django.urls import path

from offers.views import staff, staff_workflow

app_name = "offers_staff"

P = "<slug:region>/offers/"

urlpatterns = [
    path(P, staff.offer_list, name="offer_list"),
    path(P + "new/", staff.offer_create, name="offer_create"),
    path(P + "<int:pk>/", staff.offer_edit, name="offer_edit"),
    path(P + "<int:pk>/archive/", staff.offer_archive, name="offer_archive"),
    path(P + "providers/", staff.provider_list, name="provider_list"),
    path(P + "providers/new/", staff.provider_create, name="provider_create"),
    path(P + "providers/<int:pk>/", staff.provider_edit, name="provider_edit"),
    path(P + "providers/<int:pk>/contacts/", staff.provider_contact_add, name="contact_add"),
    path(
        P + "providers/<int:pk>/contacts/<int:contact_pk>/remove/",
        staff.provider_contact_remove,
        name="contact_remove",
    ),
    path(P + "changes/", staff_workflow.change_request_list, name="change_request_list"),
    path(
        P + "changes/<int:pk>/",
        staff_workflow.change_request_detail,
        name="change_request_detail",
    ),
    path(P + "rounds/", staff_workflow.round_list, name="round_list"),
    path(P + "rounds/<int:pk>/", staff_workflow.round_detail, name="round_detail"),
    path(
        P + "rounds/<int:pk>/resend/<int:request_pk>/",
        staff_workflow.round_resend,
        name="round_resend",
    ),
    path(P + "import/", staff_workflow.import_upload, name="import_upload"),
    path(P + "import/<int:pk>/", staff_workflow.import_preview, name="import_preview"),
    path(P + "export/offers.<str:fmt>", staff.export_offers, name="export_offers"),
    path(P + "export/providers.<str:fmt>", staff.export_providers, name="export_providers"),
    path(P + "export/guide.pdf", staff.export_guide, name="export_guide"),
    path(P + "coverage/", staff_workflow.coverage_view, name="coverage"),
    path(P + "coverage.csv", staff_workflow.coverage_csv, name="coverage_csv"),
]
