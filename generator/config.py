"""Settings from `[tool.platygen]` in pyproject.toml; command-line flags override them."""

from __future__ import annotations

import keyword
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

DEFAULT_TYPE_PREFIXES = {
    "Microsoft.Graph.PowerShell.Models": ["MicrosoftGraph"],
    "Microsoft.Graph.Beta.PowerShell.Models": ["MicrosoftGraph"],
}
DEFAULT_WIRE_NAMES = {"ODataType": "@odata.type", "ODataId": "@odata.id", "ODataContext": "@odata.context"}


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Config:
    root: Path
    specs: Path
    output: Path
    package: str = "graph_sdk"
    templates: Path | None = None
    type_prefixes: dict[str, list[str]] = field(default_factory=lambda: dict(DEFAULT_TYPE_PREFIXES))
    wire_names: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_WIRE_NAMES))

    def with_overrides(self, **values: Any) -> Config:
        given = {k: v for k, v in values.items() if v is not None}
        for key in ("specs", "output", "templates"):
            if key in given:
                given[key] = (self.root / given[key]).resolve() if not Path(given[key]).is_absolute() else Path(given[key])
        return replace(self, **given)


def load(root: Path | None = None) -> Config:
    root = (root or _find_root(Path.cwd())).resolve()
    settings: dict[str, Any] = {}
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{pyproject}: {exc}") from exc
        settings = data.get("tool", {}).get("platygen", {})
    known = {"specs", "output", "package", "templates", "type-prefixes", "wire-names"}
    unknown = sorted(set(settings) - known)
    if unknown:
        raise ConfigError(f"unknown [tool.platygen] settings: {', '.join(unknown)}")
    package = settings.get("package", "graph_sdk")
    if not valid_package(package):
        raise ConfigError(f"[tool.platygen] package must be a Python identifier, not {package!r}")
    templates = settings.get("templates")
    return Config(
        root=root,
        specs=(root / settings.get("specs", "specs")).resolve(),
        output=(root / settings.get("output", "generated")).resolve(),
        package=package,
        templates=(root / templates).resolve() if templates else None,
        type_prefixes={**DEFAULT_TYPE_PREFIXES, **settings.get("type-prefixes", {})},
        wire_names={**DEFAULT_WIRE_NAMES, **settings.get("wire-names", {})},
    )


def valid_package(name: object) -> bool:
    """A name `import` accepts: an identifier that is not a keyword."""
    return isinstance(name, str) and name.isidentifier() and not keyword.iskeyword(name)


def _find_root(start: Path) -> Path:
    for folder in [start, *start.parents]:
        if (folder / "pyproject.toml").is_file():
            return folder
    return start
