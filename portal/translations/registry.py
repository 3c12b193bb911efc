"""Which texts can be translated: apps register their documents and fields at start-up.

A *document* is what staff translate as one item and the public reads as one page: an offer,
an event, a working group, the region's office page, a field of action, a concept. Its texts
live on the document's own fields and on *parts* (an event's programme items and workshops, a
concept's guidelines and chapters). Registered from the app's ``AppConfig.ready()``::

    from portal import translations

    translations.register_document(
        "event",
        model=Event,
        label=_("Events"),
        fields=("title", "summary", "description"),
        plain_language=("description",),
        queryset=lambda region: Event.objects.in_region(region),
    )
    translations.register_part("event", ProgrammeItem, fields=("title",), path="event_date__event")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models

# A predicate for texts that only sometimes need translating (an offer's "how to register" is
# a phone number or address unless it is free text).
NeedsTranslation = Callable[[Any, str], bool]


@dataclass(frozen=True)
class TranslatableModel:
    """A model with translatable fields: a document itself or a part of one."""

    model: type[models.Model]
    fields: tuple[str, ...]
    document_key: str
    # ORM path from this model to the document (None: the object is the document) and to its
    # Region ("pk" when the model is the Region).
    document_path: str | None
    region_path: str
    plain_language: tuple[str, ...] = ()
    needs_translation: NeedsTranslation | None = None

    @property
    def label(self) -> str:
        return f"{self.model._meta.app_label}.{self.model._meta.model_name}"

    def field_label(self, name: str) -> str:
        field = self.model._meta.get_field(name)
        if not isinstance(field, models.Field):  # a reverse relation or generic foreign key
            raise TypeError(f"{self.label}.{name} is not a field with a label")
        return str(field.verbose_name)

    def applies(self, obj: Any, name: str) -> bool:
        """Whether this object's field is a text that needs translating at all."""
        return self.needs_translation is None or self.needs_translation(obj, name)


@dataclass
class DocumentKind:
    key: str
    model: type[models.Model]
    label: Any  # lazy translatable string: "Offers"
    queryset: Callable[[Any], models.QuerySet]  # region -> the documents staff translate
    region_path: str
    title: Callable[[Any], str] = str
    public_url: Callable[[Any], str | None] = lambda obj: obj.get_absolute_url()
    order: int = 100
    parts: list[TranslatableModel] = field(default_factory=list)


_DOCUMENTS: dict[str, DocumentKind] = {}
_MODELS: dict[type[models.Model], TranslatableModel] = {}
# Called with (model, ids) after translations of those objects changed (the search re-indexes).
_LISTENERS: list[Callable[[type[models.Model], list[int]], None]] = []


def register_document(
    key: str,
    *,
    model: type[models.Model],
    label: Any,
    fields: Iterable[str],
    queryset: Callable[[Any], models.QuerySet],
    region_path: str = "region",
    plain_language: Iterable[str] = (),
    needs_translation: NeedsTranslation | None = None,
    title: Callable[[Any], str] = str,
    public_url: Callable[[Any], str | None] | None = None,
    order: int = 100,
) -> DocumentKind:
    kind = DocumentKind(
        key=key,
        model=model,
        label=label,
        queryset=queryset,
        region_path=region_path,
        title=title,
        order=order,
    )
    if public_url is not None:
        kind.public_url = public_url
    _DOCUMENTS[key] = kind
    _add_model(
        TranslatableModel(
            model=model,
            fields=tuple(fields),
            document_key=key,
            document_path=None,
            region_path=region_path,
            plain_language=tuple(plain_language),
            needs_translation=needs_translation,
        )
    )
    return kind


def register_part(
    document: str,
    model: type[models.Model],
    *,
    fields: Iterable[str],
    path: str,
    needs_translation: NeedsTranslation | None = None,
) -> None:
    """Texts of ``model`` belong to the document reached by the ORM ``path`` from it."""
    kind = _DOCUMENTS[document]
    region_path = path if kind.region_path == "pk" else f"{path}__{kind.region_path}"
    _add_model(
        TranslatableModel(
            model=model,
            fields=tuple(fields),
            document_key=document,
            document_path=path,
            region_path=region_path,
            needs_translation=needs_translation,
        )
    )


def _add_model(spec: TranslatableModel) -> None:
    _MODELS[spec.model] = spec
    kind = _DOCUMENTS[spec.document_key]
    kind.parts = [p for p in kind.parts if p.model is not spec.model] + [spec]


def add_listener(callback: Callable[[type[models.Model], list[int]], None]) -> None:
    """Call ``callback(model, ids)`` after translations of those objects were written."""
    if callback not in _LISTENERS:
        _LISTENERS.append(callback)


def notify(model: type[models.Model], ids: Iterable[int]) -> None:
    ids = sorted(set(ids))
    if ids:
        for callback in _LISTENERS:
            callback(model, ids)


def concrete_model(model_or_obj: type[models.Model] | models.Model) -> type[models.Model]:
    """The concrete model of a model class or instance (a proxy model's table owner)."""
    model = model_or_obj if isinstance(model_or_obj, type) else type(model_or_obj)
    concrete = model._meta.concrete_model
    if concrete is None:  # only abstract models have none, and they have no objects
        raise LookupError(f"{model.__name__} is abstract")
    return concrete


def spec_for(model_or_obj: type[models.Model] | models.Model) -> TranslatableModel:
    model = concrete_model(model_or_obj)
    try:
        return _MODELS[model]
    except KeyError:
        raise LookupError(f"{model.__name__} has no registered translatable fields") from None


def is_translatable(model_or_obj: type[models.Model] | models.Model) -> bool:
    return concrete_model(model_or_obj) in _MODELS


def document_kinds() -> list[DocumentKind]:
    return sorted(_DOCUMENTS.values(), key=lambda kind: (kind.order, kind.key))


def document_kind(key: str) -> DocumentKind:
    return _DOCUMENTS[key]


def translatable_models() -> list[TranslatableModel]:
    return list(_MODELS.values())


def spec_by_label(label: str) -> TranslatableModel | None:
    """The registered model named "app_label.model_name" (as in unit keys), or None."""
    return next((spec for spec in _MODELS.values() if spec.label == label), None)
