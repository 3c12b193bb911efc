"""``{{ field|as_field }}``: a form field with its label, help text and errors, as Bootstrap 5
marks it up - the markup of crispy-bootstrap5's ``as_crispy_field``, written in Python.

Why not crispy's filter itself: it renders five to eight nested templates per field, which made
the form the most expensive part of every page with one (the registration form, the page a rush
hits hardest, spent more on its six fields than on the rest of the page). The markup is the
same (tests/portal/test_form_fields.py compares the two for every kind of widget handled here);
widgets not handled here (files, multi-widgets) still go through crispy.
"""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.forms.boundfield import BoundField
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

ASTERISK = mark_safe('<span class="asteriskField">*</span>')  # noqa: S308 - a constant


@register.filter
def as_field(field: BoundField) -> SafeString:
    widget = field.field.widget
    if field.is_hidden:
        return mark_safe(str(field))  # noqa: S308 - Django's widget rendering escapes
    if isinstance(widget, forms.RadioSelect):  # and CheckboxSelectMultiple
        return _choices(field)
    if isinstance(widget, forms.CheckboxInput):
        return _checkbox(field)
    if isinstance(widget, forms.FileInput) or hasattr(widget, "widgets"):
        from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field

        return as_crispy_field(field)
    control = "form-select" if isinstance(widget, forms.Select) else "form-control"
    return format_html(
        '<div id="div_{}" class="{}">{}{}{}</div>',
        field.auto_id,
        _wrapper_class(field, "mb-3"),
        _label(field, "label") if field.label else "",
        _widget(field, control),
        _help_and_errors(field),
    )


def _wrapper_class(field: BoundField, base: str) -> str:
    extra = field.css_classes()
    return f"{base} {extra}" if extra else base


def _label(field: BoundField, tag: str, extra: str = "") -> SafeString:
    """A ``label`` (pointing at the widget) or the ``legend`` of a fieldset."""
    required = field.field.required
    target = field.id_for_label if tag == "label" else ""
    return format_html(
        '<{} {}class="form-label{}{}">{}{}</{}>',
        tag,
        format_html('for="{}" ', target) if target else "",
        " requiredField" if required else "",
        extra,
        field.label,
        ASTERISK if required else "",
        tag,
    )


def _css_class(field: BoundField, *classes: str) -> str:
    """crispy's class rule: the widget's own classes, its class name, then ``classes``."""
    widget = field.field.widget
    name = widget.__class__.__name__.lower()
    css = widget.attrs.get("class", "")
    css = (f"{css} {name}" if name not in css else css) if css else name
    present = css.split()
    for extra in classes:
        for word in extra.split():
            if word not in present:
                present.append(word)
    return " ".join(present)


def _widget(field: BoundField, *classes: str) -> SafeString:
    invalid = ("is-invalid",) if field.errors else ()
    return field.as_widget(attrs={"class": _css_class(field, *classes, *invalid)})


def _errors(field: BoundField) -> SafeString:
    if not field.errors:
        return mark_safe("")
    return format_html(
        '<div id="{}_error" class="invalid-feedback">{}</div>',
        field.errors.field_id,  # type: ignore[attr-defined]  # ErrorList of a BoundField
        format_html_join(
            "",
            '<p id="error_{}_{}"><strong>{}</strong></p>',
            ((number, field.auto_id, error) for number, error in enumerate(field.errors, 1)),
        ),
    )


def _help(field: BoundField) -> SafeString:
    if not field.help_text:
        return mark_safe("")
    id_attr = format_html('id="{}_helptext" ', field.auto_id) if field.auto_id else ""
    # Escaped like any text (crispy marks every help text safe): they come from the code and
    # its translations; one that carries markup must be marked safe where it is written.
    return format_html('<div {}class="form-text">{}</div>', id_attr, field.help_text)


def _help_and_errors(field: BoundField) -> SafeString:
    return format_html("{}{}", _errors(field), _help(field))


def _checkbox(field: BoundField) -> SafeString:
    required = field.field.required
    return format_html(
        '<div class="mb-3"><div id="div_{}" class="{}">{}'
        '<label for="{}" class="form-check-label{}">{}{}</label>{}</div></div>',
        field.auto_id,
        _wrapper_class(field, "form-check"),
        _widget(field, "form-check-input"),
        field.id_for_label,
        " requiredField" if required else "",
        field.label,
        ASTERISK if required else "",
        _help_and_errors(field),
    )


def _attributes(attrs: dict[str, Any]) -> SafeString:
    """HTML attributes in their order (Django's flatatt sorts them): True as a bare name,
    False left out."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


def _choices(field: BoundField) -> SafeString:
    """Radio buttons or checkboxes in a fieldset, the errors inside the last option (where
    Bootstrap shows them: after an ``is-invalid`` input)."""
    widget = field.field.widget
    id_ = widget.attrs.get("id") or field.auto_id
    attrs = field.build_widget_attrs({"id": id_} if id_ else {})
    groups = widget.optgroups(field.html_name, widget.format_value(field.value()), attrs)
    invalid = " is-invalid" if field.errors else ""
    parts: list[SafeString] = []
    for group_number, (group, options, _index) in enumerate(groups, 1):
        if group:
            parts.append(format_html("<strong>{}</strong>", group))
        for number, option in enumerate(options, 1):
            last = number == len(options) and group_number == len(groups)
            parts.append(
                format_html(
                    '<div class="form-check"><input type="{}" class="form-check-input{}" '
                    'name="{}" value="{}"{}><label for="{}" class="form-check-label">{}</label>'
                    "{}</div>",
                    option["type"],
                    invalid,
                    field.html_name,
                    option["value"],
                    _attributes(option["attrs"]),
                    option["attrs"].get("id", ""),
                    option["label"],
                    _errors(field) if last else "",
                )
            )
    described = field.aria_describedby
    return format_html(
        '<div id="div_{}" class="{}"><fieldset{}>{}<div>{}</div>{}</fieldset></div>',
        field.auto_id,
        _wrapper_class(field, "mb-3"),
        format_html(' aria-describedby="{}"', described) if described else "",
        _label(field, "legend", extra=" fs-6") if field.label else "",
        mark_safe("".join(parts)),  # noqa: S308 - each part built with format_html
        _help(field),
    )
