"""Region addresses may not shadow a fixed top-level route."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import URLPattern, URLResolver, get_resolver

from portal.models import Region
from portal.models.regions import RESERVED_SLUGS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["admin", "staff", "accounts", "health", "static", "imprint"])
def test_a_reserved_word_is_refused(slug):
    region = Region(name="X", slug=slug, county_key="12345", office_name="X")
    with pytest.raises(ValidationError) as excinfo:
        region.full_clean()
    assert "slug" in excinfo.value.message_dict


def test_an_ordinary_county_name_is_fine():
    Region(name="Landkreis Goslar", slug="goslar", county_key="03153", office_name="X").full_clean()


def _fixed_first_segments() -> set[str]:
    segments: set[str] = set()
    for pattern in get_resolver().url_patterns:
        candidates = []
        if isinstance(pattern, URLResolver) and str(pattern.pattern):
            candidates.append(str(pattern.pattern))
        elif isinstance(pattern, URLResolver):
            candidates.extend(str(p.pattern) for p in pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            candidates.append(str(pattern.pattern))
        for route in candidates:
            first = route.lstrip("^").split("/")[0]
            if first and "<" not in first and "(" not in first:
                segments.add(first)
    return segments


def test_every_fixed_top_level_route_is_reserved():
    missing = _fixed_first_segments() - RESERVED_SLUGS
    assert not missing, f"Add to RESERVED_SLUGS: {sorted(missing)}"


def test_the_county_key_has_five_digits():
    region = Region(name="X", slug="x-land", county_key="315", office_name="X")
    with pytest.raises(ValidationError) as excinfo:
        region.full_clean()
    assert "county_key" in excinfo.value.message_dict
