"""Model helpers for services: write validated data onto an instance, drop stored files."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models, transaction

_M = TypeVar("_M", bound=models.Model)


def save_fields(instance: models.Model, data: Mapping[str, Any]) -> models.Model:
    """Set ``data`` (model field names -> cleaned values) on ``instance``, save it, then set its
    many-to-many fields, which need a primary key."""
    many_to_many = []
    for name, value in data.items():
        field = instance._meta.get_field(name)
        if field.many_to_many:
            many_to_many.append((field, value))
        else:
            # As ModelForm does: a file field takes False as "clear" and None as "keep".
            field.save_form_data(instance, value)  # type: ignore[union-attr]
    instance.save()
    for field, value in many_to_many:
        field.save_form_data(instance, value)  # type: ignore[union-attr]
    return instance


def with_change_reason(instance: _M, reason: str) -> _M:
    """Give the next history row of ``instance`` this reason (simple-history reads it off the
    instance when it saves or deletes)."""
    instance._change_reason = reason  # type: ignore[attr-defined]  # simple-history's hook, no field
    return instance


def stored_value(instance: models.Model, field: str) -> Any:
    """The value of ``field`` as the database holds it (None for a new object): a bound
    ModelForm has written the new value onto the instance already."""
    if instance.pk is None:
        return None
    return (
        type(instance)._default_manager.filter(pk=instance.pk).values_list(field, flat=True).first()
    )


def delete_files_after_commit(queryset: models.QuerySet[Any], field: str) -> None:
    """Remove the stored files of ``field`` once the transaction that deletes the rows commits
    (a rollback keeps them). Deleting rows leaves their files on disk otherwise."""
    storage = queryset.model._meta.get_field(field).storage
    names = [name for name in queryset.values_list(field, flat=True) if name]

    def delete() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete)


@dataclass
class RowChange:
    """One row of an edited list (an inline formset's form, as plain data for a service)."""

    instance: models.Model
    data: dict[str, Any] = field(default_factory=dict)
    delete: bool = False


def save_rows(rows: Iterable[RowChange], **parent: models.Model) -> None:
    """Apply edited rows of a list that hangs on ``parent`` (e.g. ``offer=offer``)."""
    for row in rows:
        if row.delete:
            if row.instance.pk is not None:
                row.instance.delete()
            continue
        save_fields(row.instance, {**row.data, **parent})
