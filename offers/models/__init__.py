from offers.models.directory import (
    SEARCH_CONFIG,
    Cost,
    Kind,
    Offer,
    OfferPlace,
    ProviderContact,
    Registration,
    StepFree,
    TargetGroup,
    Weekday,
)
from offers.models.search import SearchEntry, SearchWord
from offers.models.workflow import (
    ChangeRequest,
    ImportBatch,
    OfferConfirmation,
    UpdateRequest,
    UpdateRound,
)

__all__ = [
    "SEARCH_CONFIG",
    "ChangeRequest",
    "Cost",
    "ImportBatch",
    "Kind",
    "Offer",
    "OfferConfirmation",
    "OfferPlace",
    "ProviderContact",
    "Registration",
    "SearchEntry",
    "SearchWord",
    "StepFree",
    "TargetGroup",
    "UpdateRequest",
    "UpdateRound",
    "Weekday",
]
