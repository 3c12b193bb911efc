from networks.models.actors import Organisation, OrganisationQuerySet, Person, PersonQuerySet
from networks.models.concepts import (
    ConceptAnnex,
    ConceptChapter,
    ConceptExport,
    Guideline,
    IntegrationConcept,
    Measure,
    MeasureProgressNote,
)
from networks.models.working_groups import (
    JoinRequest,
    MeetingDocument,
    WorkingGroup,
    WorkingGroupMeeting,
)

__all__ = [
    "ConceptAnnex",
    "ConceptChapter",
    "ConceptExport",
    "Guideline",
    "IntegrationConcept",
    "JoinRequest",
    "Measure",
    "MeasureProgressNote",
    "MeetingDocument",
    "Organisation",
    "OrganisationQuerySet",
    "Person",
    "PersonQuerySet",
    "WorkingGroup",
    "WorkingGroupMeeting",
]
