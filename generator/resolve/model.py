"""The resolved model: Python names, annotations and modules, ready for the templates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostic
from generator.ir import Cmdlet


@dataclass(slots=True)
class ModelField:
    name: str  # Python identifier
    wire_name: str
    source_name: str  # as the help writes it
    annotation: str
    required: bool
    description: str


@dataclass(slots=True)
class ModelClass:
    name: str
    source_type: str  # the .NET interface name
    namespace: str
    description: str
    fields: list[ModelField]
    allow_extra: bool
    expanded: bool  # False: referenced but never described in any NOTES tree
    origins: list[str]  # "path:line" of each description, sorted
    module: str = ""  # Python module under <package>.models
    # AutoRest's flattened names (lower case) → the wire path they stand for: schedulestate → (schedule, state)
    flattened: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(slots=True)
class ModelModule:
    name: str  # Python module name under <package>.models
    namespace: str
    classes: list[ModelClass]
    std_modules: list[str]  # standard/third-party modules the annotations use
    model_modules: list[str]  # other model modules referenced
    sources: list[str]  # spec paths that contributed


@dataclass(slots=True)
class ResolvedProject:
    package: str
    model_modules: list[ModelModule]
    cmdlets: list[Cmdlet]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)
    operations: list[Any] = field(default_factory=list)  # resolve.operations.Operation, sorted by method
    noun_prefixes: dict[str, str] = field(default_factory=dict)  # module → noun prefix (`Mg`)
    program: str = ""  # console script name of the generated CLI

    def class_index(self) -> dict[str, str]:
        """Class name → module name, for the lazy exports of `<package>.models`."""
        return {c.name: m.name for m in self.model_modules for c in m.classes}


@dataclass(frozen=True, slots=True)
class Route:
    """The HTTP request behind one parameter set of a cmdlet, with where it came from."""

    cmdlet: str
    parameter_set: str  # "" for a cmdlet with one unnamed syntax block
    method: str
    base_url: str  # "" when nothing says which service the cmdlet calls
    path: str  # template: /applications/{application-id}
    placeholders: tuple[tuple[str, str], ...]  # (placeholder, parameter name), in path order
    source: str  # "routes.yaml", "sample" or "convention"
    confidence: str  # "high", "medium" or "low"
    origin: str  # path:line of the evidence
    note: str = ""

    @property
    def usable(self) -> bool:
        return self.confidence != "low" and bool(self.base_url)
