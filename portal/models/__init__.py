from portal.models.accounts import Invitation, Membership, Role, User
from portal.models.mail import OutgoingMail
from portal.models.privacy import RegionJobFailure, RetentionPeriod, SubjectRequestLog
from portal.models.ratelimit import RateLimitCounter
from portal.models.regions import (
    BarrierReport,
    FieldOfAction,
    Municipality,
    Region,
    RegionContact,
    RegionScopedQuerySet,
    RegionStatistic,
    TeamMember,
)
from portal.models.translations import Translation

__all__ = [
    "BarrierReport",
    "FieldOfAction",
    "Invitation",
    "Membership",
    "Municipality",
    "OutgoingMail",
    "RateLimitCounter",
    "Region",
    "RegionContact",
    "RegionJobFailure",
    "RegionScopedQuerySet",
    "RegionStatistic",
    "RetentionPeriod",
    "Role",
    "SubjectRequestLog",
    "TeamMember",
    "Translation",
    "User",
]
