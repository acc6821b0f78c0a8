"""An on-disk cache so that a regenerate only redoes what changed: `.platygen-cache/` in the project.

Three kinds of entry, all content-addressed:

- `read/`: the result of reading one help file, keyed by the file's bytes, its display path and the
  generator's fingerprint (its version, the hash of its own source and its libraries' versions), so
  editing the reader or upgrading mistletoe invalidates every entry;
- `format/`: a Python file as black formatted it, keyed by the source black was given and black's
  version, so unchanged outputs never go through black again;
- `run/`: what the last successful run made of its inputs (see `freshness`).

An entry stores a checksum of its payload. One that is truncated, corrupt, from another version or
unreadable for any reason is a miss and is rewritten; the cache is never trusted and safe to delete.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

FOLDER = ".platygen-cache"
_MAGIC = b"platygen-cache 1\n"
_DIGEST = hashlib.sha256().digest_size


def digest(*parts: bytes | str) -> str:
    """Hex SHA-256 of the parts, each prefixed by its length so that no two part lists collide."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def seal(key: str, payload: bytes) -> bytes:
    return hashlib.sha256(key.encode("ascii") + b"\0" + payload).digest()


# Libraries whose behaviour shapes what platygen reads or writes.
LIBRARIES = ("mistletoe", "ruamel.yaml", "jinja2", "black", "pydantic")


@functools.cache
def generator_fingerprint() -> str:
    """Changes whenever the code that produced a cached value may have changed.

    Built from metadata and file hashes, without importing the libraries (mistletoe alone takes
    longer to import than a whole up-to-date check).
    """
    import generator

    package = Path(generator.__file__).resolve().parent
    parts: list[bytes | str] = [generator.__version__, f"{sys.implementation.name} {sys.version_info[:2]}"]
    for library in LIBRARIES:
        try:
            parts.append(f"{library} {metadata.version(library)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{library} missing")
    for source in sorted(package.rglob("*.py")):
        parts += [source.relative_to(package).as_posix(), source.read_bytes()]
    return digest(*parts)


class Cache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def for_project(cls, root: Path) -> Cache:
        return cls(root / FOLDER)

    # Keys

    @staticmethod
    def read_key(display_path: str, data: bytes) -> str:
        return digest("read", generator_fingerprint(), display_path, data)

    # Typed entries

    def load_object(self, kind: str, key: str, expected: type) -> Any | None:
        payload = self.load(kind, key)
        if payload is None:
            return None
        try:
            value = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - whatever a bad entry raises, it is only a miss
            return None
        return value if isinstance(value, expected) else None

    def load_text(self, kind: str, key: str) -> str | None:
        payload = self.load(kind, key)
        if payload is None:
            return None
        try:
            return payload.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def store_text(self, kind: str, key: str, text: str) -> None:
        self.store(kind, key, text.encode("utf-8"))

    # Raw entries: magic, SHA-256 of key and payload (an entry under another name fails it too), payload

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / key[2:]

    def load(self, kind: str, key: str) -> bytes | None:
        try:
            raw = self._path(kind, key).read_bytes()
        except OSError:
            return None
        head = len(_MAGIC) + _DIGEST
        payload = raw[head:]
        if raw[:head] != _MAGIC + seal(key, payload):
            return None
        return payload

    def store(self, kind: str, key: str, payload: bytes) -> None:
        """Write atomically (a reader never sees half an entry); a cache that cannot be written is skipped."""
        target = self._path(kind, key)
        try:
            if not self.folder.is_dir():
                self.folder.mkdir(parents=True)
                # Ignored by git wherever it is, like pytest's and mypy's caches.
                (self.folder / ".gitignore").write_text("# created by platygen\n*\n", encoding="utf-8")
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(_MAGIC + seal(key, payload) + payload)
                os.replace(temporary, target)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            pass

    def store_object(self, kind: str, key: str, value: Any) -> None:
        self.store(kind, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
