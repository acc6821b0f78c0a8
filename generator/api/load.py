"""Load the API descriptions `[tool.platygen.api-descriptions]` names, once per file, through the cache.

A file is an OpenAPI 3 / Swagger 2.0 document (JSON or YAML), an OData CSDL document (XML) or a
module's AutoRest configuration (YAML, or a readme.md with ```yaml blocks); its content tells which.
Reading the 3.4 MB Graph CSDL takes a second; the cache keeps what it read under the hash of its
bytes, so only a changed description is read again. A file that cannot be read is a PG090 warning
and its modules are served by the help alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from generator.api.model import ApiDescription, Format
from generator.cache import Cache, digest, generator_fingerprint
from generator.config import Config, longest_match
from generator.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from generator.api.autorest_config import AutoRestConfig

T = TypeVar("T")
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
    for pattern, files in sorted(config.api_descriptions.items()):
        module_api = ModuleApi(pattern)
        sources = []
        for name in files:
            shown = name.replace("\\", "/")
            try:
                sources.append((shown, (config.root / name).read_bytes()))
            except OSError as exc:
                result.diagnostics.append(
                    Diagnostic(
                        shown,
                        1,
                        1,
                        Severity.WARNING,
                        "PG090",
                        f"cannot read the API description: {exc.strerror or exc}",
                    )
                )
        # The AutoRest configuration first: its `from: swagger-document` directives change the
        # descriptions before they are read, as AutoRest applies them.
        configs = [(shown, data) for shown, data in sources if _is_autorest_config(shown, data)]
        for shown, data in configs[:1]:
            module_api.autorest = _cached(cache, ("autorest", shown, data), lambda: _read_config(data, shown))
        for shown, data in configs[1:]:
            result.diagnostics.append(
                Diagnostic(
                    shown,
                    1,
                    1,
                    Severity.WARNING,
                    "PG090",
                    f"a second AutoRest configuration for {pattern!r}; only {configs[0][0]} is used",
                )
            )
        used = configs[0] if configs else ("", b"")
        for shown, data in sources:
            if (shown, data) in configs:
                continue
            module_api.descriptions.append(
                _cached(
                    cache,
                    ("description", shown, data, *used),
                    lambda: _read_description(data, shown, module_api.autorest),
                )
            )
        for item in [module_api.autorest, *module_api.descriptions]:
            if item is not None:
                result.diagnostics.extend(item.diagnostics)
        result.by_pattern[pattern] = module_api
    result.diagnostics = sorted(set(result.diagnostics), key=lambda d: (d.path, d.line, d.rule, d.message))
    return result


def _cached(cache: Cache | None, parts: tuple[str | bytes, ...], read: Callable[[], T]) -> T:
    """What `read` returns, kept in the cache under the hash of the inputs (and of the generator)."""
    if cache is None:
        return read()
    key = digest("api", generator_fingerprint(), *parts)
    loaded = cache.load_object("api", key, object)
    if loaded is None:
        loaded = read()
        cache.store_object("api", key, loaded)
    return loaded  # type: ignore[no-any-return]


def _is_autorest_config(shown: str, data: bytes) -> bool:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") or _OPENAPI_JSON.search(data) or _OPENAPI_YAML.search(data):
        return False
    return shown.lower().endswith((".md", ".yaml", ".yml"))


def _read_config(data: bytes, shown: str) -> AutoRestConfig:
    from generator.api.autorest_config import AutoRestConfig, read_autorest_config

    try:
        return read_autorest_config(data, shown)
    except Exception as exc:  # noqa: BLE001 - the file boundary: a reader's bug is a PG090, not a crash
        failed = AutoRestConfig(shown)
        failed.diagnostics.append(_internal(shown, exc))
        return failed


def _read_description(data: bytes, shown: str, autorest: AutoRestConfig | None) -> ApiDescription:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    try:
        if head.startswith(b"<"):
            from generator.api.csdl import read_csdl

            return read_csdl(data, shown)
        from generator.api.autorest_config import read_autorest_description

        return read_autorest_description(data, shown, autorest)
    except Exception as exc:  # noqa: BLE001 - the file boundary, as for help files
        failed = ApiDescription(shown, Format.CSDL if head.startswith(b"<") else Format.OPENAPI3)
        failed.diagnostics.append(_internal(shown, exc))
        return failed


def _internal(shown: str, exc: Exception) -> Diagnostic:
    return Diagnostic(
        shown,
        1,
        1,
        Severity.WARNING,
        "PG090",
        f"internal error reading the API description: {type(exc).__name__}: {exc}",
    )
