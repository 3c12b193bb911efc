"""schema.org data (JSON-LD) for search engines, safe inside a <script> element."""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.utils.safestring import SafeString, mark_safe

# Escaped so that no text of ours can close the <script> element or open a comment in it.
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_ld(data: Mapping[str, Any]) -> SafeString:
    """The JSON for ``<script type="application/ld+json">{{ data }}</script>``."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))  # noqa: S308


def place(
    *,
    name: str,
    street: str,
    postcode: str,
    city: str,
    latitude: Decimal | float | None = None,
    longitude: Decimal | float | None = None,
) -> dict[str, Any]:
    """A schema.org Place in Germany with its address and, when known, its coordinates."""
    entry: dict[str, Any] = {
        "@type": "Place",
        "name": name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": street,
            "postalCode": postcode,
            "addressLocality": city,
            "addressCountry": "DE",
        },
    }
    if latitude is not None and longitude is not None:
        entry["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(latitude),
            "longitude": float(longitude),
        }
    return entry
