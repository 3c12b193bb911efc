from django.urls import path

from networks.views import public

app_name = "networks"

urlpatterns = [
    path("<slug:region>/network/", public.organisation_list, name="organisation_list"),
    path(
        "<slug:region>/network/<slug:slug>/",
        public.organisation_detail,
        name="organisation_detail",
    ),
    path("<slug:region>/working-groups/", public.working_group_list, name="working_group_list"),
    path(
        "<slug:region>/working-groups/<slug:slug>/",
        public.working_group_detail,
        name="working_group_detail",
    ),
    path(
        "<slug:region>/working-groups/<slug:slug>/meetings.ics",
        public.working_group_ics,
        name="working_group_ics",
    ),
    path(
        "<slug:region>/working-groups/<slug:slug>/files/<int:pk>/",
        public.meeting_document,
        name="meeting_document",
    ),
    path("<slug:region>/concept/", public.concept_current, name="concept_current"),
    path("<slug:region>/concept/versions/", public.concept_versions, name="concept_versions"),
    path("<slug:region>/concept/compare/", public.concept_compare, name="concept_compare"),
    path("<slug:region>/concept/<int:version>/", public.concept_detail, name="concept_detail"),
    path(
        "<slug:region>/concept/<int:version>/chapters/<slug:field>/",
        public.concept_chapter,
        name="concept_chapter",
    ),
    path(
        "<slug:region>/concept/<int:version>/measures/",
        public.measure_tracker,
        name="measure_tracker",
    ),
    path("<slug:region>/concept/<int:version>/pdf/", public.concept_pdf, name="concept_pdf"),
    path(
        "<slug:region>/concept/<int:version>/pdf/previous/",
        public.concept_previous_pdf,
        name="concept_previous_pdf",
    ),
    # The concept in one of the region's languages (German for the parts not translated).
    path(
        "<slug:region>/concept/<int:version>/pdf/<str:language>/",
        public.concept_pdf,
        name="concept_pdf_language",
    ),
    path(
        "<slug:region>/concept/<int:version>/pdf/<str:language>/previous/",
        public.concept_previous_pdf,
        name="concept_previous_pdf_language",
    ),
]
