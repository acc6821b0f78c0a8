"""The resolved model: Python names, annotations and modules, ready for the templates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Diagnostic
from generator.ir import Cmdlet

if TYPE_CHECKING:
    from generator.api.model import ServerVariable
    from generator.bind.model import Binding


# How a model module names the `models` package, through which it reaches every other class lazily.
MODELS = "_models"


@dataclass(slots=True)
class ModelField:
    name: str  # Python identifier
    wire_name: str
    source_name: str  # as the help writes it
    annotation: str
    required: bool
    description: str
    source: str = ""  # the API description it comes from, when the help does not list it
    nullable: bool = True  # the annotation admits None (False: the service never sends null)
    model: str = ""  # the class of a model-typed field (its items' for a list)
    choices: tuple[str, ...] = ()  # the values of an enum-typed field
    origin: str = ""  # "path:line" of the property in the help (or its API description)


@dataclass(slots=True)
class ModelEnum:
    """An enum of an API description: a `Literal` of its values, lenient on what the service sends."""

    name: str  # Python name, unique among the package's classes and enums
    source_type: str  # its name in the description
    values: tuple[str, ...]
    flags: bool  # a value is a comma-separated list of members
    evolvable: bool  # the service may add members (Graph's `unknownFutureValue`)
    description: str
    origin: str
    module: str = ""


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
    """A module under <package>.models: one class, or one enum."""

    name: str  # Python module name under <package>.models
    namespace: str  # the .NET namespace of its type
    classes: list[ModelClass]
    std_modules: list[str]  # standard/third-party modules the annotations use
    references: list[str]  # other classes and enums its annotations name (through `_models.`)
    sources: list[str]  # spec (or description) paths that contributed
    enums: list[ModelEnum] = field(default_factory=list)


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
        index = {c.name: m.name for m in self.model_modules for c in m.classes}
        index.update({e.name: m.name for m in self.model_modules for e in m.enums})
        return index


@dataclass(frozen=True, slots=True)
class AuthScheme:
    """How a request carries the caller's credential, from the API description's security schemes."""

    kind: str  # "bearer" (HTTP bearer, OAuth2, OpenID Connect), "apiKey" or "basic"
    name: str = ""  # the scheme's name in the description; for apiKey also where the key goes:
    parameter: str = ""  # apiKey: the header, query parameter or cookie name (`x-api-key`)
    location: str = ""  # apiKey: header, query or cookie
    scopes: tuple[str, ...] = ()  # OAuth2: the scopes the operation needs


@dataclass(frozen=True, slots=True)
class Route:
    """The HTTP request behind one parameter set of a cmdlet, with where it came from."""

    cmdlet: str
    parameter_set: str  # "" for a cmdlet with one unnamed syntax block
    method: str
    base_url: str  # "" when nothing says which service the cmdlet calls
    path: str  # template: /applications/{application-id}
    placeholders: tuple[tuple[str, str], ...]  # (placeholder, parameter name), in path order
    source: str  # "routes.yaml", "api" (an API description), "sample" or "convention"
    confidence: str  # "high", "medium" or "low"
    origin: str  # path:line of the evidence
    note: str = ""
    provenance: str = ""  # for "api": the description file and what in it (operationId, CSDL path)
    # The operation the set is bound to (security, servers, body and response types), for "api" routes.
    binding: Binding | None = field(default=None, compare=False)
    # `{name}` placeholders of base_url (a server template) with their defaults and allowed values.
    variables: tuple[ServerVariable, ...] = ()
    # The schemes a request must carry, all of them; None when nothing says (a bearer token if given).
    auth: tuple[AuthScheme, ...] | None = None

    @property
    def usable(self) -> bool:
        return self.confidence != "low" and bool(self.base_url)
