from django.urls import path

from portal.views import invitations, public

app_name = "portal"

urlpatterns = [
    path("", public.region_list, name="region_list"),
    path("imprint/", public.imprint, name="imprint"),
    path("privacy/", public.privacy, name="privacy"),
    path("accessibility/", public.accessibility, name="accessibility"),
    path("invitation/<str:token>/", invitations.invitation_accept, name="invitation_accept"),
    path("<slug:region>/", public.region_home, name="region_home"),
    path("<slug:region>/imprint/", public.imprint, name="region_imprint"),
    path("<slug:region>/privacy/", public.privacy, name="region_privacy"),
    path("<slug:region>/accessibility/", public.accessibility, name="region_accessibility"),
    path("<slug:region>/coat-of-arms/", public.coat_of_arms, name="coat_of_arms"),
]
