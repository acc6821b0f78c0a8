"""Settings from `[tool.platygen]` in pyproject.toml; command-line flags override them."""

from __future__ import annotations

import fnmatch
import functools
import keyword
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from collections.abc import Iterable
from typing import Any

DEFAULT_TYPE_PREFIXES = {
    "Microsoft.Graph.PowerShell.Models": ["MicrosoftGraph"],
    "Microsoft.Graph.Beta.PowerShell.Models": ["MicrosoftGraph"],
}
# Service root per module (glob on the module name; the longest matching pattern wins). A `Beta`
# segment anywhere in a Graph module's name (Microsoft.Graph.Beta.Users, Microsoft.Graph.Users.Beta,
# Microsoft.Graph.Beta) means the beta service.
DEFAULT_BASE_URLS = {
    "Microsoft.Graph.*": "https://graph.microsoft.com/v1.0",
    "Microsoft.Graph.Beta": "https://graph.microsoft.com/beta",
    "Microsoft.Graph.Beta.*": "https://graph.microsoft.com/beta",
    "Microsoft.Graph.*.Beta": "https://graph.microsoft.com/beta",
    "Microsoft.Graph.*.Beta.*": "https://graph.microsoft.com/beta",
}
DEFAULT_WIRE_NAMES = {"ODataType": "@odata.type", "ODataId": "@odata.id", "ODataContext": "@odata.context"}
# Modules whose cmdlets follow Microsoft Graph's naming, so that a route inferred from the naming
# conventions can be trusted without an API description (elsewhere such a route is only a guess).
DEFAULT_GRAPH_CONVENTIONS = ("Microsoft.Graph.*",)


_CLI_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")


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
    base_urls: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_BASE_URLS))
    noun_prefixes: dict[str, str] = field(default_factory=dict)
    cli_name: str = ""  # console script of the generated CLI; "" → the package name in kebab-case
    # Module name pattern → API description files (and AutoRest configurations), relative to `root`.
    api_descriptions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    graph_conventions: tuple[str, ...] = DEFAULT_GRAPH_CONVENTIONS
    # Globs on cmdlet and module names (any case): what to generate from a big docs folder. Empty
    # `include`: everything; `exclude` wins over `include`.
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    @property
    def selects_all(self) -> bool:
        return not self.include and not self.exclude

    def selects(self, cmdlet: str, module: str) -> bool:
        """Whether `include` / `exclude` keep the cmdlet `cmdlet` of module `module`."""
        included, excluded = self._selection
        names = (cmdlet.lower(), module.lower())
        return (included is None or any(included.match(n) for n in names)) and not (
            excluded is not None and any(excluded.match(n) for n in names)
        )

    @functools.cached_property
    def _selection(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        """`include` and `exclude` as one lower-case regular expression each (None: no pattern)."""

        def compiled(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
            return re.compile("|".join(fnmatch.translate(p.lower()) for p in patterns)) if patterns else None

        return compiled(self.include), compiled(self.exclude)

    def follows_graph(self, module: str) -> bool:
        return any(fnmatch.fnmatchcase(module, pattern) for pattern in self.graph_conventions)

    def base_url(self, module: str) -> str:
        """The configured service root of a module ("" when none is)."""
        pattern = longest_match(self.base_urls, module)
        return self.base_urls[pattern].rstrip("/") if pattern is not None else ""

    def description_files(self, module: str) -> tuple[str, ...]:
        pattern = longest_match(self.api_descriptions, module)
        return self.api_descriptions[pattern] if pattern is not None else ()

    @property
    def program(self) -> str:
        return self.cli_name or self.package.replace("_", "-")

    @functools.cached_property
    def _lowered_wire_names(self) -> dict[str, str]:
        return {key.lower(): value for key, value in self.wire_names.items()}

    def wire_name(self, name: str) -> str:
        """The JSON name of a property or body parameter: an override (any case: Graph's help writes both
        `ODataId` and `OdataId` for `@odata.id`), else camelCase."""
        override = self._lowered_wire_names.get(name.lower())
        if override is not None:
            return override
        from generator.resolve.names import camel_case  # late: names imports pydantic

        return camel_case(name)

    def with_overrides(self, **values: Any) -> Config:
        given = {k: v for k, v in values.items() if v is not None}
        for key in ("specs", "output", "templates"):
            if key in given:
                given[key] = (
                    (self.root / given[key]).resolve()
                    if not Path(given[key]).is_absolute()
                    else Path(given[key])
                )
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
    known = {
        "specs",
        "output",
        "package",
        "templates",
        "type-prefixes",
        "wire-names",
        "base-urls",
        "noun-prefixes",
        "cli-name",
        "api-descriptions",
        "graph-conventions",
        "include",
        "exclude",
    }
    unknown = sorted(set(settings) - known)
    if unknown:
        raise ConfigError(f"unknown [tool.platygen] settings: {', '.join(unknown)}")
    package = settings.get("package", "graph_sdk")
    if not valid_package(package):
        raise ConfigError(f"[tool.platygen] package must be a Python identifier, not {package!r}")
    cli_name = settings.get("cli-name", "")
    if not isinstance(cli_name, str) or (cli_name and not _CLI_NAME.fullmatch(cli_name)):
        raise ConfigError(
            f"[tool.platygen] cli-name must be a command name (letters, digits, - _ .), not {cli_name!r}"
        )
    templates = settings.get("templates")
    return Config(
        root=root,
        specs=(root / settings.get("specs", "specs")).resolve(),
        output=(root / settings.get("output", "generated")).resolve(),
        package=package,
        templates=(root / templates).resolve() if templates else None,
        type_prefixes={**DEFAULT_TYPE_PREFIXES, **settings.get("type-prefixes", {})},
        wire_names={**DEFAULT_WIRE_NAMES, **settings.get("wire-names", {})},
        base_urls={**DEFAULT_BASE_URLS, **_strings(settings, "base-urls")},
        noun_prefixes=_strings(settings, "noun-prefixes"),
        cli_name=cli_name,
        api_descriptions=_file_lists(settings),
        graph_conventions=_patterns(settings, "graph-conventions", DEFAULT_GRAPH_CONVENTIONS),
        include=_patterns(settings, "include", (), "cmdlet or module name patterns"),
        exclude=_patterns(settings, "exclude", (), "cmdlet or module name patterns"),
    )


def longest_match(patterns: Iterable[str], name: str) -> str | None:
    """The longest glob pattern that matches `name` (the most specific setting wins)."""
    matching = [p for p in patterns if fnmatch.fnmatchcase(name, p)]
    return max(matching, key=lambda p: (len(p), p)) if matching else None


def _file_lists(settings: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """`"Module.*" = ["api/x.json", ...]` (or one string); paths stay relative to the project and inside it."""
    table = settings.get("api-descriptions", {})
    if not isinstance(table, dict):
        raise ConfigError("[tool.platygen.api-descriptions] must map module name patterns to files")
    result: dict[str, tuple[str, ...]] = {}
    for pattern, files in table.items():
        listed = [files] if isinstance(files, str) else files
        if not isinstance(listed, list) or not listed or not all(isinstance(f, str) and f for f in listed):
            raise ConfigError(
                f"[tool.platygen.api-descriptions] {pattern!r} must be a file or a list of files"
            )
        result[pattern] = tuple(listed)
    return result


def _patterns(
    settings: dict[str, Any], key: str, default: tuple[str, ...], what: str = "module name patterns"
) -> tuple[str, ...]:
    value = settings.get(key, list(default))
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"[tool.platygen] {key} must be a list of {what}")
    return tuple(value)


def _strings(settings: dict[str, Any], key: str) -> dict[str, str]:
    table = settings.get(key, {})
    if not isinstance(table, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in table.items()
    ):
        raise ConfigError(f"[tool.platygen.{key}] must map module name patterns to strings")
    return dict(table)


def valid_package(name: object) -> bool:
    """A name `import` accepts: an identifier that is not a keyword."""
    return isinstance(name, str) and name.isidentifier() and not keyword.iskeyword(name)


def _find_root(start: Path) -> Path:
    for folder in [start, *start.parents]:
        if (folder / "pyproject.toml").is_file():
            return folder
    return start
