"""What the help promises a caller, resolved: cmdlets with their parameter sets, parameters and routes,
complex types with their properties, enums. Independent of the names Python gives them (`surface`).

Texts are kept as digests: a changed description is reported, never compared word by word.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.diff.surface import unnamed

if TYPE_CHECKING:  # a diff of two cached snapshots never imports the resolver (nor pydantic)
    from generator import ir
    from generator.resolve.model import ModelClass, ModelEnum, ResolvedProject
    from generator.resolve.model import Route as ResolvedRoute


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    type: str  # the .NET type as the help writes it, `System.` dropped: `String[]`, `Microsoft.Graph.PowerShell.Models.IMicrosoftGraphUser`
    aliases: tuple[str, ...]
    accepted: tuple[str, ...]  # AcceptedValues / ValidateSet
    text: str  # digest of the description
    at: str  # "path:line"


@dataclass(frozen=True, slots=True)
class ParameterSet:
    name: str  # "" for a cmdlet with one unnamed syntax block
    default: bool
    parameters: dict[str, bool]  # parameter name, lower case → required in this set
    at: str


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    base_url: str
    path: str  # placeholders named by the parameter they take: /widgets/{WidgetId}
    source: str  # routes.yaml, api, sample, convention
    usable: bool  # False: the set is left out of the client (PG080)
    at: str

    @property
    def url(self) -> str:
        return self.base_url.rstrip("/") + self.path


@dataclass(frozen=True, slots=True)
class Cmdlet:
    name: str
    module: str
    sets: dict[str, ParameterSet]
    parameters: dict[str, Parameter]  # by name, lower case
    routes: dict[str, Route]  # by parameter set
    outputs: tuple[str, ...]
    text: dict[str, str]  # synopsis, description, examples, links → digest
    at: str


@dataclass(frozen=True, slots=True)
class Property:
    name: str  # as the help (or the API description) writes it
    wire: str  # its JSON name
    type: str  # the field's annotation, classes written as the .NET types they stand for, without `| None`
    nullable: bool
    required: bool
    choices: tuple[str, ...]  # an enum's values
    described: bool  # the help does not list it; an API description adds it
    text: str
    at: str


@dataclass(frozen=True, slots=True)
class ComplexType:
    namespace: str
    name: str  # the .NET interface name
    open: bool  # accepts properties it does not list
    properties: dict[str, Property]  # by name, lower case
    text: str
    at: str


@dataclass(frozen=True, slots=True)
class Enum:
    namespace: str
    name: str
    values: tuple[str, ...]
    flags: bool
    evolvable: bool
    at: str


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16] if text else ""


def type_text(ref: ir.TypeRef | None) -> str:
    if ref is None:
        return ""
    name = ref.name if ref.namespace in (None, "System") else ref.qualified_name
    args = f"<{', '.join(type_text(a) for a in ref.args)}>" if ref.args else ""
    return f"{name}{args}{'[]' * ref.array_rank}{'?' if ref.nullable else ''}"


def cmdlet(op_cmdlet: ir.Cmdlet, routes: list[ResolvedRoute]) -> Cmdlet:
    """A cmdlet as the client sees it: PowerShell's transport parameters (-Proxy, -Break, ...) left out."""
    from generator.resolve.operations import TRANSPORT

    c = op_cmdlet
    kept = [p for p in c.parameters if p.name.lower() not in TRANSPORT]
    sets = {
        s.name: ParameterSet(
            s.name,
            s.is_default,
            {p.name.lower(): p.required for p in s.parameters if p.name.lower() not in TRANSPORT},
            f"{c.path}:{s.line}",
        )
        for s in c.parameter_sets
    }
    examples = "\n".join("\n".join([e.title, e.remarks, *(b.text for b in e.code)]) for e in c.examples)
    links = "\n".join(f"{link.text} {link.url}" for link in c.related_links)
    return Cmdlet(
        name=c.name,
        module=c.module,
        sets=sets,
        parameters={
            p.name.lower(): Parameter(
                p.name,
                type_text(p.type),
                tuple(p.aliases),
                tuple(p.accepted_values),
                digest(p.description),
                f"{c.path}:{p.line}",
            )
            for p in kept
        },
        routes={
            r.parameter_set: Route(r.method, r.base_url, _path(r), r.source, r.usable, r.origin)
            for r in routes
        },
        outputs=tuple(type_text(o.type) for o in c.outputs if o.type is not None),
        text={
            "synopsis": digest(c.synopsis),
            "description": digest(c.description),
            "examples": digest(examples),
            "related links": digest(links),
        },
        at=f"{c.path}:{c.line}",
    )


def _path(route: ResolvedRoute) -> str:
    """`/gadgets/{gadget-id}` and a sample's `/gadgets/{GadgetId}` are one path when both take -GadgetId."""
    path = route.path
    for placeholder, parameter in route.placeholders:
        path = path.replace("{" + placeholder + "}", "{" + parameter + "}")
    return path


def complex_type(cls: ModelClass, index: dict[str, str]) -> ComplexType:
    return ComplexType(
        namespace=cls.namespace,
        name=cls.source_type,
        open=cls.allow_extra,
        properties={
            f.source_name.lower(): Property(
                name=f.source_name,
                wire=f.wire_name,
                type=unnamed(f.annotation, index).removesuffix(" | None"),
                nullable=f.nullable,
                required=f.required,
                choices=f.choices,
                described=bool(f.source),
                text=digest(f.description),
                at=f.origin,
            )
            for f in cls.fields
        },
        text=digest(cls.description),
        at=cls.origins[0] if cls.origins else "",
    )


def enum(namespace: str, item: ModelEnum) -> Enum:
    return Enum(namespace, item.source_type, item.values, item.flags, item.evolvable, item.origin)


def cmdlets(project: ResolvedProject) -> dict[str, Cmdlet]:
    """Every cmdlet once (a cmdlet described twice is merged, as the client merges it), by name."""
    by_cmdlet: dict[str, list[ResolvedRoute]] = {}
    for route in project.routes:
        by_cmdlet.setdefault(route.cmdlet, []).append(route)
    return {op.cmdlet.name: cmdlet(op.cmdlet, by_cmdlet.get(op.cmdlet.name, [])) for op in project.operations}
