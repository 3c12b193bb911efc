"""The personal link of one provider contact in an update round."""

from django.urls import reverse

from offers.services import rounds


def link(update_round, email):
    request = update_round.requests.get(email=email)
    return reverse("offers:update_answer", kwargs={"token": rounds.make_token(request)}), request
