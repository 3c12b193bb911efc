"""The annual update round: personal expiring links, answers, reminders, the deadline policy.

The link carries a signed token (django.core.signing) with the request's number and its expiry
(the end of the deadline day). A tampered token fails the signature; an expired one is refused;
neither changes anything.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from networks.models import Organisation
from offers.models import (
    Offer,
    OfferConfirmation,
    ProviderContact,
    UpdateRequest,
    UpdateRound,
)
from offers.services.changes import PlaceValues, provider_offer_update
from offers.services.directory import offer_confirm, offer_set_status
from portal.lib.mail import queue_templated_mail
from portal.models import Region, User

TOKEN_SALT = "offers.update-round"


class UpdateLinkInvalid(Exception):
    """The link was altered or never issued."""


class UpdateLinkExpired(Exception):
    """The round's deadline has passed."""


def _expiry(update_round: UpdateRound) -> datetime.datetime:
    day_after = update_round.deadline + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day_after, datetime.time.min))


def make_token(update_request: UpdateRequest) -> str:
    expires = int(_expiry(update_request.round).timestamp())
    return signing.dumps({"r": update_request.pk, "e": expires}, salt=TOKEN_SALT, compress=True)


def load_request(token: str, *, now: datetime.datetime | None = None) -> UpdateRequest:
    """The update request a link belongs to; raises UpdateLinkInvalid or UpdateLinkExpired."""
    try:
        payload = signing.loads(token, salt=TOKEN_SALT)
        pk, expires = int(payload["r"]), int(payload["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise UpdateLinkInvalid from exc
    now = now or timezone.now()
    if now.timestamp() >= expires:
        raise UpdateLinkExpired
    update_request: UpdateRequest | None = (
        UpdateRequest.objects.select_related("round__region", "organisation", "contact__user")
        .filter(pk=pk)
        .first()
    )
    if update_request is None or not update_request.is_usable:
        raise UpdateLinkInvalid
    if update_request.round.closed_at is not None or now >= _expiry(update_request.round):
        raise UpdateLinkExpired
    return update_request


def link_for(update_request: UpdateRequest) -> str:
    return settings.SITE_URL + reverse(
        "offers:update_answer", kwargs={"token": make_token(update_request)}
    )


def send_request(
    *, update_request: UpdateRequest, reminder: bool = False, now: datetime.datetime | None = None
) -> None:
    """Queue the e-mail with the personal link (sent after commit)."""
    now = now or timezone.now()
    queue_templated_mail(
        to=update_request.email,
        template_prefix="offers/email/update_round",
        context={
            "round": update_request.round,
            "region": update_request.round.region,
            "organisation": update_request.organisation,
            "link": link_for(update_request),
            "reminder": reminder,
        },
        region=update_request.round.region,
    )
    update_request.last_sent_at = now
    fields = ["last_sent_at"]
    if reminder:
        update_request.reminders_sent += 1
        fields.append("reminders_sent")
    elif update_request.sent_at is None:
        update_request.sent_at = now
        fields.append("sent_at")
    update_request.save(update_fields=fields)


def _recipients(region: Region) -> list[tuple[Organisation, ProviderContact | None, str]]:
    providers = (
        Organisation.objects.in_region(region)
        .filter(offers__status=Offer.Status.PUBLISHED)
        .distinct()
        .prefetch_related("provider_contacts__user")
    )
    recipients: list[tuple[Organisation, ProviderContact | None, str]] = []
    for organisation in providers:
        contacts = [
            c for c in organisation.provider_contacts.all() if c.is_active and c.user.is_active
        ]
        if contacts:
            recipients += [(organisation, c, c.user.email) for c in contacts]
        elif organisation.email:
            recipients.append((organisation, None, organisation.email))
    return recipients


def open_round(region: Region) -> UpdateRound | None:
    """The region's round that is still running (its deadline not yet passed), if any."""
    rounds: QuerySet[UpdateRound] = UpdateRound.objects.in_region(region)
    return rounds.filter(closed_at__isnull=True, deadline__gte=timezone.localdate()).first()


def lock_region(region: Region) -> None:
    """Hold the region's row until the transaction ends: rounds start one after the other."""
    Region.objects.select_for_update().filter(pk=region.pk).first()


@transaction.atomic
def round_start(
    *,
    region: Region,
    name: str,
    deadline: datetime.date,
    reminder_interval_days: int,
    user: User,
) -> tuple[UpdateRound, bool]:
    """Start a round: one personal link per provider contact (or the provider's own e-mail).
    Returns the round and whether it was started now.

    One round runs at a time, so no provider holds two links: the region's row is locked and
    a round still running is returned instead of a second one - a double submit of the form
    starts one round and sends each mail once."""
    lock_region(region)
    running = open_round(region)
    if running is not None:
        return running, False
    update_round = UpdateRound.objects.create(
        region=region,
        name=name,
        deadline=deadline,
        reminder_interval_days=reminder_interval_days,
        started_by=user,
    )
    for organisation, contact, email in _recipients(region):
        update_request, _ = UpdateRequest.objects.get_or_create(
            round=update_round,
            organisation=organisation,
            email=email.lower(),
            defaults={"contact": contact},
        )
        send_request(update_request=update_request)
    return update_round, True


def round_offers(
    update_round: UpdateRound, organisation: Organisation | None = None
) -> QuerySet[Offer]:
    """The offers a round asks about: published ones, plus any answered in the round."""
    organisations = UpdateRequest.objects.filter(round=update_round).values("organisation_id")
    offers: QuerySet[Offer] = Offer.objects.in_region(update_round.region).filter(
        provider__in=organisations
    )
    if organisation is not None:
        offers = offers.filter(provider=organisation)
    return offers.filter(
        Q(status=Offer.Status.PUBLISHED) | Q(confirmations__round=update_round)
    ).distinct()


def _record(update_request: UpdateRequest, offer: Offer, outcome: str) -> None:
    OfferConfirmation.objects.update_or_create(
        round=update_request.round,
        offer=offer,
        defaults={"outcome": outcome, "request": update_request},
    )


@transaction.atomic
def answer_confirm(*, update_request: UpdateRequest, offer: Offer) -> None:
    offer_confirm(offer=offer)
    _record(update_request, offer, OfferConfirmation.Outcome.CONFIRMED)


@transaction.atomic
def answer_archive(*, update_request: UpdateRequest, offer: Offer) -> None:
    offer_set_status(offer=offer, status=Offer.Status.ARCHIVED)
    _record(update_request, offer, OfferConfirmation.Outcome.ARCHIVED)


@transaction.atomic
def answer_change(
    *,
    update_request: UpdateRequest,
    offer: Offer,
    values: Mapping[str, object],
    places: Sequence[PlaceValues] | None = None,
) -> str:
    """An edit (of the offer and its places) through the link: applied or pending as the
    region decides; either way the provider has answered, so the offer counts as confirmed."""
    from offers.models import ChangeRequest

    result = provider_offer_update(
        offer=offer,
        values=values,
        places=places,
        source=ChangeRequest.Source.UPDATE_ROUND,
    )
    offer.refresh_from_db()
    offer_confirm(offer=offer)
    outcome = (
        OfferConfirmation.Outcome.CONFIRMED
        if result == "unchanged"
        else OfferConfirmation.Outcome.CHANGED
    )
    _record(update_request, offer, outcome)
    return result


@dataclass
class ProgressRow:
    offer: Offer
    outcome: str  # an Outcome value, or "" for no answer


@dataclass
class Progress:
    rows: list[ProgressRow]
    counts: dict[str, int] = field(default_factory=dict)
    requests: list[UpdateRequest] = field(default_factory=list)


def round_progress(update_round: UpdateRound) -> Progress:
    answers = dict(
        OfferConfirmation.objects.filter(round=update_round).values_list("offer_id", "outcome")
    )
    offers = (
        round_offers(update_round).select_related("provider").order_by("provider__name", "title")
    )
    rows = [ProgressRow(offer, answers.get(offer.pk, "")) for offer in offers]
    counts = {"confirmed": 0, "changed": 0, "archived": 0, "": 0}
    for row in rows:
        counts[row.outcome] = counts.get(row.outcome, 0) + 1
    counts["no_answer"] = counts.pop("")
    requests = list(
        UpdateRequest.objects.filter(round=update_round).select_related(
            "organisation", "contact__user"
        )
    )
    return Progress(rows, counts, requests)


def _unanswered_organisations(update_round: UpdateRound) -> set[int]:
    answered = OfferConfirmation.objects.filter(round=update_round).values("offer_id")
    return set(
        round_offers(update_round)
        .filter(status=Offer.Status.PUBLISHED)
        .exclude(pk__in=answered)
        .values_list("provider_id", flat=True)
    )


def send_due_reminders(
    *, now: datetime.datetime | None = None, region: Region | None = None
) -> int:
    """Remind contacts whose organisation still has unanswered offers, every N days."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = 0
    rounds = UpdateRound.objects.filter(closed_at__isnull=True, deadline__gte=today)
    if region is not None:
        rounds = rounds.in_region(region)
    for update_round in rounds:
        pending = _unanswered_organisations(update_round)
        cutoff = now - datetime.timedelta(days=update_round.reminder_interval_days)
        for update_request in (
            update_round.requests.usable()
            .filter(organisation_id__in=pending, last_sent_at__lte=cutoff)
            .select_related("round__region", "organisation")
        ):
            with transaction.atomic():
                send_request(update_request=update_request, reminder=True, now=now)
            sent += 1
    return sent


@transaction.atomic
def close_round(*, update_round: UpdateRound, today: datetime.date | None = None) -> int:
    """After the deadline: mark or hide unanswered offers, per the region's policy."""
    today = today or timezone.localdate()
    answered = OfferConfirmation.objects.filter(round=update_round).values("offer_id")
    unanswered = (
        round_offers(update_round).filter(status=Offer.Status.PUBLISHED).exclude(pk__in=answered)
    )
    state = (
        Offer.ConfirmationState.HIDDEN
        if update_round.region.unconfirmed_offer_policy == Region.UnconfirmedOfferPolicy.HIDE
        else Offer.ConfirmationState.MARKED
    )
    count = Offer.objects.filter(pk__in=unanswered.values("pk")).update(confirmation_state=state)
    update_round.closed_at = timezone.now()
    update_round.save(update_fields=["closed_at"])
    return count


def close_due_rounds(*, today: datetime.date | None = None, region: Region | None = None) -> int:
    today = today or timezone.localdate()
    closed = 0
    rounds = UpdateRound.objects.filter(closed_at__isnull=True, deadline__lt=today)
    if region is not None:
        rounds = rounds.in_region(region)
    for update_round in rounds:
        close_round(update_round=update_round, today=today)
        closed += 1
    return closed


def daily_region_work(region: Region, now: datetime.datetime) -> int:
    """One county's morning: reminders for open rounds, then the policy for rounds past their
    deadline (portal.lib.regionjobs runs it county by county)."""
    sent = send_due_reminders(now=now, region=region)
    return sent + close_due_rounds(today=timezone.localdate(now), region=region)
