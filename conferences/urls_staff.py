from django.urls import path

from conferences.views import staff_events, staff_registrations, staff_results

app_name = "conferences_staff"

urlpatterns = [
    path("<slug:region>/events/", staff_events.event_list, name="event_list"),
    path("<slug:region>/events/new/", staff_events.event_edit, name="event_create"),
    path("<slug:region>/events/<int:pk>/", staff_events.event_overview, name="event_overview"),
    path("<slug:region>/events/<int:pk>/edit/", staff_events.event_edit, name="event_edit"),
    path("<slug:region>/events/<int:pk>/image/", staff_events.event_image, name="event_image"),
    path("<slug:region>/events/<int:pk>/copy/", staff_events.event_copy, name="event_copy"),
    path("<slug:region>/events/<int:pk>/status/", staff_events.event_status, name="event_status"),
    path("<slug:region>/events/<int:pk>/delete/", staff_events.event_delete, name="event_delete"),
    path(
        "<slug:region>/events/<int:pk>/results/", staff_events.event_results, name="event_results"
    ),
    path(
        "<slug:region>/workshops/<int:pk>/measures/",
        staff_results.workshop_measures,
        name="workshop_measures",
    ),
    path("<slug:region>/venues/", staff_events.venue_list, name="venue_list"),
    path("<slug:region>/venues/<int:pk>/", staff_events.venue_edit, name="venue_edit"),
    path("<slug:region>/venues/<int:pk>/delete/", staff_events.venue_delete, name="venue_delete"),
    path(
        "<slug:region>/dates/<int:pk>/participants/",
        staff_registrations.participants,
        name="participants",
    ),
    path(
        "<slug:region>/dates/<int:pk>/add/",
        staff_registrations.registration_add,
        name="registration_add",
    ),
    path("<slug:region>/dates/<int:pk>/check-in/", staff_registrations.checkin, name="checkin"),
    path("<slug:region>/dates/<int:pk>/message/", staff_registrations.message, name="message"),
    path(
        "<slug:region>/dates/<int:pk>/export/<str:fmt>/",
        staff_registrations.export,
        name="export",
    ),
    path(
        "<slug:region>/dates/<int:pk>/sign-in-sheet.pdf",
        staff_registrations.sign_in_sheet,
        name="sign_in_sheet",
    ),
    path("<slug:region>/dates/<int:pk>/badges.pdf", staff_registrations.badges, name="badges"),
    path(
        "<slug:region>/registrations/<int:pk>/check-in/",
        staff_registrations.checkin_toggle,
        name="checkin_toggle",
    ),
    path(
        "<slug:region>/registrations/<int:pk>/move/",
        staff_registrations.registration_move,
        name="registration_move",
    ),
    path(
        "<slug:region>/registrations/<int:pk>/cancel/",
        staff_registrations.registration_cancel,
        name="registration_cancel",
    ),
]
