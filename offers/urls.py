from django.urls import path

from offers.feeds import NewOffersFeed
from offers.views import provider, public, update_round

app_name = "offers"

urlpatterns = [
    # Provider self-service (login by e-mailed code) and the update round's personal links.
    path("provider/", provider.home, name="provider_home"),
    path("provider/offers/<int:pk>/", provider.offer_edit, name="provider_offer_edit"),
    path(
        "provider/organisations/<int:organisation_pk>/new/",
        provider.offer_new,
        name="provider_offer_new",
    ),
    path("update/<str:token>/", update_round.answer, name="update_answer"),
    path("update/<str:token>/offers/<int:pk>/", update_round.offer_edit, name="update_offer_edit"),
    # Public directory of a region
    path("<slug:region>/offers/", public.offer_search, name="offer_search"),
    path("<slug:region>/offers/suggest/", public.offer_suggest_new, name="offer_suggest_new"),
    path("<slug:region>/offers/feed/", NewOffersFeed(), name="feed"),
    path("<slug:region>/offers/data/", public.open_data, name="open_data"),
    path(
        "<slug:region>/offers/data/<str:dataset>.<str:fmt>",
        public.data_file,
        name="data_file",
    ),
    path("<slug:region>/offers/providers/", public.provider_list, name="provider_list"),
    path(
        "<slug:region>/offers/providers/<slug:slug>/",
        public.provider_detail,
        name="provider_detail",
    ),
    path(
        "<slug:region>/offers/providers/<slug:slug>/suggest/",
        public.provider_suggest_change,
        name="provider_suggest_change",
    ),
    path("<slug:region>/offers/<int:pk>/", public.offer_detail, name="offer_detail"),
    path("<slug:region>/offers/<int:pk>/print/", public.offer_detail, name="offer_print"),
    path(
        "<slug:region>/offers/<int:pk>/suggest/",
        public.offer_suggest_change,
        name="offer_suggest_change",
    ),
]
