"""Template side of ``portal.hooks``: the shared pages render what the apps registered.

{% load portal_hooks %}
{% menu_links "public_menu" as links %}{% for link in links %}...{% endfor %}
{% render_hooks "region_home_sections" %}
"""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.template import Engine
from django.template.context import Context
from django.utils.safestring import SafeString, mark_safe

from portal import hooks

register = template.Library()


@dataclass(frozen=True)
class Link:
    label: str
    url: str


def _allowed(context: Context, capability: str | None) -> bool:
    if capability is None:
        return True
    membership = getattr(context.get("request"), "membership", None)
    return membership is not None and membership.can(capability)


@register.simple_tag(takes_context=True)
def menu_links(context: Context, hook: str) -> list[Link]:
    """The menu items of ``hook`` this visitor may see, reversed for the page's region."""
    request = context.get("request")
    region = context.get("region") or context.get("current_region")
    slug = None if hook == hooks.GLOBAL_MENU else getattr(region, "slug", None)
    links = []
    for item in hooks.get(hook):
        if not _allowed(context, item.capability):
            continue
        if item.show is not None and not item.show(request):
            continue
        links.append(Link(str(item.label), item.url(slug)))
    return links


@register.simple_tag(takes_context=True)
def render_hooks(context: Context, hook: str) -> SafeString:
    """Render each template registered for ``hook`` with the page's context (as include does)."""
    parts = []
    for item in hooks.get(hook):
        if not _allowed(context, item.capability):
            continue
        engine = context.template.engine if context.template else None
        template = (engine or Engine.get_default()).get_template(item.template)
        parts.append(template.render(context))
    return mark_safe("".join(parts))
