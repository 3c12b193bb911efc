from django.urls import path

from networks.views import staff_actors as actors
from networks.views import staff_concepts as concepts
from networks.views import staff_groups as groups

app_name = "networks_staff"

R = "<slug:region>/network"

urlpatterns = [
    # organisations and persons
    path(f"{R}/organisations/", actors.organisation_list, name="organisation_list"),
    path(f"{R}/organisations/add/", actors.organisation_add, name="organisation_add"),
    path(f"{R}/organisations/<int:pk>/", actors.organisation_edit, name="organisation_edit"),
    path(
        f"{R}/organisations/<int:pk>/delete/",
        actors.organisation_delete,
        name="organisation_delete",
    ),
    path(
        f"{R}/organisations/export.<str:fmt>",
        actors.organisation_export,
        name="organisation_export",
    ),
    path(f"{R}/persons/", actors.person_list, name="person_list"),
    path(f"{R}/persons/add/", actors.person_add, name="person_add"),
    path(f"{R}/persons/<int:pk>/", actors.person_edit, name="person_edit"),
    path(f"{R}/persons/<int:pk>/delete/", actors.person_delete, name="person_delete"),
    path(f"{R}/persons/export.<str:fmt>", actors.person_export, name="person_export"),
    # working groups, meetings, files, join requests
    path(f"{R}/groups/", groups.group_list, name="group_list"),
    path(f"{R}/groups/add/", groups.group_add, name="group_add"),
    path(f"{R}/groups/<int:pk>/", groups.group_edit, name="group_edit"),
    path(f"{R}/groups/<int:pk>/delete/", groups.group_delete, name="group_delete"),
    path(f"{R}/groups/<int:group_pk>/meetings/add/", groups.meeting_add, name="meeting_add"),
    path(f"{R}/meetings/<int:pk>/", groups.meeting_edit, name="meeting_edit"),
    path(f"{R}/meetings/<int:pk>/delete/", groups.meeting_delete, name="meeting_delete"),
    path(
        f"{R}/meetings/<int:meeting_pk>/files/",
        groups.document_upload,
        name="document_upload",
    ),
    path(f"{R}/files/<int:pk>/", groups.document_download, name="document_download"),
    path(f"{R}/files/<int:pk>/delete/", groups.document_delete, name="document_delete"),
    path(f"{R}/join-requests/", groups.join_request_list, name="join_request_list"),
    path(
        f"{R}/join-requests/<int:pk>/",
        groups.join_request_detail,
        name="join_request_detail",
    ),
    # the integration concept
    path(f"{R}/concepts/", concepts.concept_list, name="concept_list"),
    path(f"{R}/concepts/add/", concepts.concept_add, name="concept_add"),
    path(f"{R}/concepts/compare/", concepts.concept_compare, name="concept_compare"),
    path(f"{R}/concepts/<int:pk>/", concepts.concept_detail, name="concept_detail"),
    path(f"{R}/concepts/<int:pk>/edit/", concepts.concept_edit, name="concept_edit"),
    path(f"{R}/concepts/<int:pk>/delete/", concepts.concept_delete, name="concept_delete"),
    path(f"{R}/concepts/<int:pk>/status/", concepts.concept_status, name="concept_status"),
    path(f"{R}/concepts/<int:pk>/adopt/", concepts.concept_adopt, name="concept_adopt"),
    path(f"{R}/concepts/<int:pk>/revise/", concepts.concept_revise, name="concept_revise"),
    path(f"{R}/concepts/<int:pk>/annexes/", concepts.concept_annexes, name="concept_annexes"),
    path(f"{R}/concepts/<int:pk>/export/", concepts.export_request, name="export_request"),
    path(f"{R}/exports/<int:pk>/", concepts.export_status, name="export_status"),
    path(f"{R}/exports/<int:pk>/download/", concepts.export_download, name="export_download"),
    path(
        f"{R}/concepts/<int:concept_pk>/guidelines/add/",
        concepts.guideline_add,
        name="guideline_add",
    ),
    path(f"{R}/guidelines/<int:pk>/", concepts.guideline_edit, name="guideline_edit"),
    path(f"{R}/guidelines/<int:pk>/delete/", concepts.guideline_delete, name="guideline_delete"),
    path(f"{R}/concepts/<int:concept_pk>/chapters/add/", concepts.chapter_add, name="chapter_add"),
    path(f"{R}/chapters/<int:pk>/", concepts.chapter_edit, name="chapter_edit"),
    path(f"{R}/chapters/<int:pk>/delete/", concepts.chapter_delete, name="chapter_delete"),
    path(f"{R}/concepts/<int:concept_pk>/measures/add/", concepts.measure_add, name="measure_add"),
    path(f"{R}/measures/<int:pk>/", concepts.measure_edit, name="measure_edit"),
    path(f"{R}/measures/<int:pk>/delete/", concepts.measure_delete, name="measure_delete"),
    path(f"{R}/measures/<int:measure_pk>/notes/", concepts.note_add, name="note_add"),
    path(f"{R}/notes/<int:pk>/delete/", concepts.note_delete, name="note_delete"),
]
