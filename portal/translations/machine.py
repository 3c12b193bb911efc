"""Optional machine translation: a provider interface with LibreTranslate and DeepL adapters.

None is configured by default, and then nothing ever leaves the server. The operator names a
provider in the environment (read in settings)::

    MACHINE_TRANSLATION_PROVIDER=libretranslate   # or deepl
    MACHINE_TRANSLATION_URL=https://translate.example.org   # DeepL: https://api.deepl.com
    MACHINE_TRANSLATION_API_KEY=...

and a region switches it on for itself (``Region.machine_translation``). Machine translations
are stored with origin "machine": the public sees them with a note, staff see them as
"machine-translated" until a person has checked and saved them. Only missing texts and
outdated machine translations are sent; nothing a person wrote is overwritten.

The adapters are one HTTP POST each, made with the standard library: a client library per
provider would add dependencies for a single call.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings

from portal.models import Region
from portal.models.translations import Translation
from portal.translations.services import TextUpdate, translations_save
from portal.translations.texts import SOURCE_LANGUAGE, Status
from portal.translations.worklist import Unit, region_work

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 30
BATCH = 25  # texts per request: both APIs take lists; small batches keep requests short


class MachineTranslationError(Exception):
    """The provider could not be reached or refused the request."""


class Provider(Protocol):
    @property
    def name(self) -> str: ...

    def translate(self, texts: Sequence[str], *, source: str, target: str) -> list[str]:
        """The translations of ``texts`` from ``source`` into ``target``, in order."""
        ...


def _post_json(url: str, payload: dict, headers: dict[str, str] | None = None) -> dict:
    request = urllib.request.Request(
        url,
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return json.loads(response.read().decode())
    except (urllib.error.URLError, TimeoutError, ValueError) as error:
        raise MachineTranslationError(str(error)) from error


@dataclass(frozen=True)
class LibreTranslate:
    """A LibreTranslate server (often self-hosted): POST /translate."""

    url: str
    api_key: str = ""
    name: str = "LibreTranslate"

    def translate(self, texts: Sequence[str], *, source: str, target: str) -> list[str]:
        payload = {"q": list(texts), "source": source, "target": target, "format": "text"}
        if self.api_key:
            payload["api_key"] = self.api_key
        data = _post_json(f"{self.url.rstrip('/')}/translate", payload)
        translated = data.get("translatedText")
        if not isinstance(translated, list) or len(translated) != len(texts):
            raise MachineTranslationError(f"unexpected answer: {str(data)[:200]}")
        return [str(text) for text in translated]


# DeepL names some target languages with a region.
_DEEPL_TARGETS = {"en": "EN-GB", "pt": "PT-PT"}


@dataclass(frozen=True)
class DeepL:
    """The DeepL API: POST /v2/translate with the key in the Authorization header."""

    api_key: str
    url: str = "https://api.deepl.com"
    name: str = "DeepL"

    def translate(self, texts: Sequence[str], *, source: str, target: str) -> list[str]:
        payload = {
            "text": list(texts),
            "source_lang": source.upper(),
            "target_lang": _DEEPL_TARGETS.get(target, target.upper()),
        }
        data = _post_json(
            f"{self.url.rstrip('/')}/v2/translate",
            payload,
            headers={"Authorization": f"DeepL-Auth-Key {self.api_key}"},
        )
        translations = data.get("translations")
        if not isinstance(translations, list) or len(translations) != len(texts):
            raise MachineTranslationError(f"unexpected answer: {str(data)[:200]}")
        return [str(item.get("text", "")) for item in translations]


def configured_provider() -> Provider | None:
    """The provider the operator configured, or None (the default: nothing is sent)."""
    config = settings.MACHINE_TRANSLATION
    name = (config.get("provider") or "").lower()
    if name == "libretranslate" and config.get("url"):
        return LibreTranslate(url=config["url"], api_key=config.get("api_key", ""))
    if name == "deepl" and config.get("api_key"):
        return DeepL(api_key=config["api_key"], url=config.get("url") or "https://api.deepl.com")
    return None


def available_for(region: Region) -> bool:
    return region.machine_translation and configured_provider() is not None


def _wanted(unit: Unit) -> bool:
    """Missing texts, and machine translations of a German text that changed since."""
    if unit.status == Status.MISSING:
        return True
    return (
        unit.status == Status.OUTDATED
        and unit.row is not None
        and unit.row.origin == Translation.Origin.MACHINE
    )


def machine_translate(
    *,
    region: Region,
    language: str,
    documents: dict[str, list[int]] | None = None,
    provider: Provider | None = None,
) -> int:
    """Translate the region's missing texts (of ``documents``, or all) into ``language`` with
    the provider; returns how many were stored. Refuses when the region has not switched it on
    or no provider is configured, so no text leaves the server by accident."""
    provider = provider or configured_provider()
    if provider is None or not region.machine_translation:
        raise MachineTranslationError("machine translation is not configured for this region")
    if language not in (region.translation_languages or ()):
        raise MachineTranslationError(f"{language} is not a language of the region")
    units = [
        unit
        for work in region_work(region, language, documents=documents)
        for unit in work.units
        if _wanted(unit)
    ]
    stored = 0
    for start in range(0, len(units), BATCH):
        batch = units[start : start + BATCH]
        sources = [unit.source for unit in batch]
        results = provider.translate(sources, source=SOURCE_LANGUAGE, target=language)
        # The German text that was sent is what the translation was made from: if staff change
        # it meanwhile, the translation is stored as outdated, never as up to date.
        stored += translations_save(
            region=region,
            language=language,
            origin=Translation.Origin.MACHINE,
            updates=[
                TextUpdate(unit.obj, unit.field, text, source_text=source)
                for unit, source, text in zip(batch, sources, results, strict=True)
            ],
        )
    logger.info("machine translation: %s texts into %s for %s", stored, language, region.slug)
    return stored


def document_keys(pairs: Iterable[tuple[str, int]]) -> dict[str, list[int]]:
    keys: dict[str, list[int]] = {}
    for kind, pk in pairs:
        keys.setdefault(kind, []).append(pk)
    return keys
