"""Harz translates into Arabic, Ukrainian and English; Goslar into Arabic only."""

from __future__ import annotations

import pytest


@pytest.fixture
def harz(harz):
    harz.translation_languages = ["ar", "uk", "en"]
    harz.save(update_fields=["translation_languages"])
    return harz


@pytest.fixture
def goslar(goslar):
    goslar.translation_languages = ["ar"]
    goslar.save(update_fields=["translation_languages"])
    return goslar
