"""Where uploaded and generated files are stored: under names nobody can guess.

No file is served from /media/; every download goes through a view that checks access
(portal.lib.responses.stored_file_response). A random folder per file also keeps the name
out of reach of anyone who knows the original file name or the county and year.
"""

from __future__ import annotations

import secrets

from django.db.models import Model
from django.utils.deconstruct import deconstructible
from django.utils.text import get_valid_filename


@deconstructible
class UnguessableName:
    """``upload_to`` for a FileField: ``<folder>/<32 random characters>/<cleaned name>``."""

    def __init__(self, folder: str) -> None:
        self.folder = folder.strip("/")

    def __call__(self, instance: Model, filename: str) -> str:
        name = get_valid_filename(filename.rsplit("/", 1)[-1])[-100:] or "file"
        return f"{self.folder}/{secrets.token_urlsafe(24)}/{name}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UnguessableName) and other.folder == self.folder

    def __hash__(self) -> int:
        return hash(self.folder)
