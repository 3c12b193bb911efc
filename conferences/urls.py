from django.urls import path

from conferences.feeds import NewEventsFeed
from conferences.views import public

app_name = "conferences"

urlpatterns = [
    path("events/", public.events_all, name="events_all"),
    path("events/feed/", NewEventsFeed(), name="feed_all"),
    path(
        "events/registration/<int:pk>/<str:token>/",
        public.self_service,
        name="self_service",
    ),
    path(
        "events/registration/<int:pk>/<str:token>/cancel/",
        public.self_service_cancel,
        name="self_service_cancel",
    ),
    path(
        "events/registration/<int:pk>/<str:token>/confirmation/",
        public.registration_confirmation,
        name="registration_confirmation",
    ),
    path("<slug:region>/events/", public.event_list, name="event_list"),
    path("<slug:region>/events/archive/", public.event_archive, name="event_archive"),
    path("<slug:region>/events/feed/", NewEventsFeed(), name="feed"),
    path("<slug:region>/events/calendar.ics", public.region_calendar, name="calendar"),
    path("<slug:region>/events/<slug:slug>/", public.event_detail, name="event_detail"),
    path("<slug:region>/events/<slug:slug>/image/", public.event_image, name="event_image"),
    path("<slug:region>/events/<slug:slug>/event.ics", public.event_ics, name="event_ics"),
    path("<slug:region>/events/<slug:slug>/register/", public.register, name="register"),
]
