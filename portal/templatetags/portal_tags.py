"""Small template helpers every app's templates may use."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.context import Context

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context: Context, **changes: Any) -> str:
    """The current query string with ``changes`` applied: ``?{% query_with page=2 %}`` keeps
    the visitor's search and filters while turning the page."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else None
    if query is None:
        from django.http import QueryDict

        query = QueryDict(mutable=True)
    for key, value in changes.items():
        query[key] = str(value)
    return query.urlencode()
