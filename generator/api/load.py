"""Load the API descriptions `[tool.platygen.api-descriptions]` names, once per file, through the cache.

A file is an OpenAPI 3 / Swagger 2.0 document (JSON or YAML), an OData CSDL document (XML) or a
module's AutoRest configuration (YAML, or a readme.md with ```yaml blocks); its content tells which.
Reading the 3.4 MB Graph CSDL takes a second; the cache keeps what it read under the hash of its
bytes, so only a changed description is read again. A file that cannot be read is a PG090 warning
and its modules are served by the help alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.api.model import ApiDescription
from generator.cache import Cache, digest, generator_fingerprint
from generator.config import Config, longest_match
from generator.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from generator.api.autorest_config import AutoRestConfig

_OPENAPI_JSON = re.compile(rb'"(?:swagger|openapi)"\s*:\s*"')
_OPENAPI_YAML = re.compile(rb'^["\']?(?:swagger|openapi)["\']?\s*:', re.M)


@dataclass(slots=True)
class ModuleApi:
    """What describes the modules of one `api-descriptions` pattern."""

    pattern: str
    descriptions: list[ApiDescription] = field(default_factory=list)
    autorest: AutoRestConfig | None = None


@dataclass(slots=True)
class ApiSet:
    """Every configured description, by the module pattern it serves."""

    by_pattern: dict[str, ModuleApi] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def for_module(self, module: str) -> ModuleApi | None:
        pattern = longest_match(self.by_pattern, module)
        return self.by_pattern[pattern] if pattern is not None else None


def load(config: Config, cache: Cache | None = None) -> ApiSet:
    result = ApiSet()
    read: dict[Path, object] = {}  # a file named by several patterns is read once
    for pattern, files in sorted(config.api_descriptions.items()):
        module_api = ModuleApi(pattern)
        for name in files:
            path = (config.root / name).resolve()
            shown = name.replace("\\", "/")
            if path not in read:
                read[path] = _read(path, shown, cache, result.diagnostics)
            loaded = read[path]
            if isinstance(loaded, ApiDescription):
                module_api.descriptions.append(loaded)
            elif loaded is not None:
                module_api.autorest = loaded  # type: ignore[assignment]
        result.by_pattern[pattern] = module_api
    return result


def _read(path: Path, shown: str, cache: Cache | None, diagnostics: list[Diagnostic]) -> object:
    try:
        data = path.read_bytes()
    except OSError as exc:
        diagnostics.append(
            Diagnostic(shown, 1, 1, Severity.WARNING, "PG090", f"cannot read the API description: {exc.strerror or exc}")
        )
        return None
    key = digest("api", generator_fingerprint(), shown, data)
    loaded = cache.load_object("api", key, object) if cache else None
    if loaded is None:
        loaded = parse(data, shown)
        if cache:
            cache.store_object("api", key, loaded)
    diagnostics.extend(getattr(loaded, "diagnostics", []))
    return loaded


def parse(data: bytes, shown: str) -> ApiDescription | AutoRestConfig:
    """Read one file by what it holds; never raises (a reader's bug is a PG090, not a crash)."""
    from generator.api import autorest_config, csdl, openapi

    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    try:
        if head.startswith(b"<"):
            return csdl.read_csdl(data, shown)
        if _OPENAPI_JSON.search(data) or _OPENAPI_YAML.search(data):
            return openapi.read_openapi(data, shown)
        return autorest_config.read_autorest_config(data, shown)
    except Exception as exc:  # noqa: BLE001 - the file boundary, as for help files
        failed = ApiDescription(shown, _guess_format(head))
        failed.diagnostics.append(
            Diagnostic(shown, 1, 1, Severity.WARNING, "PG090", f"internal error reading the API description: {type(exc).__name__}: {exc}")
        )
        return failed


def _guess_format(head: bytes):  # type: ignore[no-untyped-def]
    from generator.api.model import Format

    return Format.CSDL if head.startswith(b"<") else Format.OPENAPI3
