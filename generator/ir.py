"""The intermediate model: what the help says, independent of Python.

Every node keeps the line it came from so later stages can point diagnostics at the original file.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class TypeRef:
    """A .NET type as written in the help (`IMicrosoftGraphUser[]`, `List<String>`, `DateTime?`)."""

    raw: str
    name: str  # short name without namespace, generic arguments, array or nullable marks
    namespace: str | None = None
    args: tuple[TypeRef, ...] = ()
    array_rank: int = 0
    nullable: bool = False

    @property
    def qualified_name(self) -> str:
        return f"{self.namespace}.{self.name}" if self.namespace else self.name


@dataclass(slots=True)
class SyntaxParameter:
    """One parameter as it appears in a SYNTAX line."""

    name: str
    type: TypeRef | None
    required: bool
    positional: bool
    switch: bool
    line: int


@dataclass(slots=True)
class ParameterSet:
    name: str  # "" for an unnamed syntax block
    is_default: bool
    command: str
    parameters: list[SyntaxParameter]
    line: int


@dataclass(slots=True)
class SetMembership:
    """How a parameter takes part in one parameter set ("*" stands for `(All)`)."""

    set_name: str
    required: bool
    position: str = "Named"
    value_from_pipeline: bool = False
    value_from_pipeline_by_property_name: bool = False
    value_from_remaining_arguments: bool = False


# What AutoRest and hand-written help call the parameter that takes a request's whole body (lower case).
BODY_PARAMETERS = ("bodyparameter", "body")


@dataclass(slots=True)
class Parameter:
    name: str
    description: str
    type: TypeRef | None
    aliases: list[str]
    sets: list[SetMembership]
    default_value: str | None
    supports_wildcards: bool
    accepted_values: list[str]
    dont_show: bool
    help_message: str | None
    line: int


@dataclass(slots=True)
class PropertyNode:
    """One line of a NOTES property tree, with the properties nested under it."""

    name: str  # "(Any)" marks additional properties
    type: TypeRef
    required: bool
    description: str
    line: int
    children: list[PropertyNode] = field(default_factory=list)

    @property
    def is_additional_properties(self) -> bool:
        return self.name == "(Any)"


@dataclass(slots=True)
class PropertyTree:
    """A NOTES "COMPLEX PARAMETER PROPERTIES" entry: `BODYPARAMETER <IType>: desc` and its properties."""

    parameter: str
    type: TypeRef
    description: str
    line: int
    properties: list[PropertyNode] = field(default_factory=list)


@dataclass(slots=True)
class CodeBlock:
    info: str
    text: str
    line: int


@dataclass(slots=True)
class Example:
    title: str
    code: list[CodeBlock]
    remarks: str
    line: int


@dataclass(slots=True)
class TypeDoc:
    """An INPUTS or OUTPUTS entry."""

    type: TypeRef | None  # None for "None"
    description: str
    line: int


@dataclass(slots=True)
class Link:
    text: str
    url: str


@dataclass(slots=True)
class HttpSample:
    """A request shown in the help text (`curl -X PATCH https://host/api/things/{id}`)."""

    method: str
    url: str  # without the query string
    query: list[str]  # query parameter names, in order
    line: int


@dataclass(slots=True)
class Cmdlet:
    name: str
    module: str
    path: str
    schema: str
    front_matter: dict[str, str]
    synopsis: str
    description: str
    aliases: list[str]
    parameter_sets: list[ParameterSet]
    parameters: list[Parameter]
    inputs: list[TypeDoc]
    outputs: list[TypeDoc]
    examples: list[Example]
    property_trees: list[PropertyTree]
    related_links: list[Link]
    line: int
    samples: list[HttpSample] = field(default_factory=list)


@dataclass(slots=True)
class Module:
    name: str
    cmdlets: list[Cmdlet]
