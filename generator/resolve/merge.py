"""Merge the NOTES trees of every file into one definition per complex type.

A type is keyed by (namespace, .NET name). Trees name their nested types without a namespace; they
belong to the namespace of the parameter type the tree describes (the same assembly defines them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.api.model import Kind
from generator.diagnostics import Diagnostic, Severity, at_origin
from generator.ir import Cmdlet, PropertyNode, TypeRef
from generator.resolve.types import element_type, is_model_type

TypeKey = tuple[str, str]  # (namespace, name)


@dataclass(frozen=True, slots=True)
class WireType:
    """A property's type as an API description gives it, its named types resolved to table keys."""

    kind: Kind
    format: str = ""
    key: TypeKey | None = None  # kind REF: a model (`TypeTable.types`) or an enum (`TypeTable.enums`)
    items: WireType | None = None  # ARRAY element, MAP value
    values: tuple[str, ...] = ()  # an inline enum


@dataclass(slots=True)
class PropertyDef:
    name: str
    type: TypeRef
    namespace: str  # where a model type named by this property is looked up first
    required: bool
    description: str
    origin: str
    # From the module's API description, when it describes the property (`resolve.described`):
    wire_name: str = ""  # the exact JSON name ("" → the camelCase of `name`)
    wire: WireType | None = None  # its exact type
    nullable: bool = True  # False: the service never sends null
    source: str = ""  # the description's path when the help does not list the property at all


@dataclass(slots=True)
class EnumDef:
    """An enum type of an API description: its values, and whether the service may add more."""

    namespace: str
    name: str
    values: tuple[str, ...]
    flags: bool = False  # a value is a comma-separated list of members
    evolvable: bool = False
    description: str = ""
    origin: str = ""


@dataclass(slots=True)
class TypeDef:
    namespace: str
    name: str
    description: str = ""
    properties: dict[str, PropertyDef] = field(default_factory=dict)  # lower-case name → property
    allow_extra: bool = False
    origins: list[str] = field(default_factory=list)
    expanded: bool = False
    source: str = ""  # the API description's path, for a type only a description names


@dataclass(slots=True)
class TypeTable:
    types: dict[TypeKey, TypeDef] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    enums: dict[TypeKey, EnumDef] = field(default_factory=dict)  # from API descriptions only
    namespaces: dict[str, list[str]] = field(default_factory=dict)  # type name → its namespaces

    def define(self, namespace: str, name: str) -> TypeDef:
        key = (namespace, name)
        if key not in self.types:
            self.types[key] = TypeDef(namespace, name)
            self.namespaces.setdefault(name, []).append(namespace)
        return self.types[key]

    def lookup(self, ref: TypeRef, namespace: str) -> TypeKey:
        """Where a model type reference points: its own namespace, the context's, or the only definer."""
        if ref.namespace:
            return (ref.namespace, ref.name)
        if (namespace, ref.name) in self.types:
            return (namespace, ref.name)
        defined = self.namespaces.get(ref.name)
        return (min(defined), ref.name) if defined else (namespace, ref.name)


def default_namespace(cmdlet: Cmdlet) -> str:
    return f"{cmdlet.module}.Models"


def collect(cmdlets: list[Cmdlet]) -> TypeTable:
    """Definitions from NOTES trees, then every model type named by a parameter, property or output."""
    table = TypeTable()
    for cmdlet in sorted(cmdlets, key=lambda c: c.path):
        parameter_types = {p.name.upper(): p.type for p in cmdlet.parameters if p.type}
        for tree in cmdlet.property_trees:
            declared = parameter_types.get(tree.parameter.upper())
            root = element_type(tree.type)
            if not is_model_type(root):
                continue
            namespace = (
                (element_type(declared).namespace if declared else None)
                or root.namespace
                or default_namespace(cmdlet)
            )
            origin = f"{cmdlet.path}:{tree.line}"
            _define(table, namespace, root.name, tree.description, tree.properties, origin, cmdlet.path)
    for cmdlet in sorted(cmdlets, key=lambda c: c.path):
        refs = [p.type for p in cmdlet.parameters if p.type]
        refs += [d.type for d in cmdlet.inputs + cmdlet.outputs if d.type]
        for ref in refs:
            _reference(table, ref, default_namespace(cmdlet), f"{cmdlet.path}:{cmdlet.line}")
    for definition in list(table.types.values()):
        for prop in definition.properties.values():
            _reference(table, prop.type, prop.namespace, prop.origin)
    return table


def _walk_types(ref: TypeRef) -> list[TypeRef]:
    found = [element_type(ref)]
    for arg in ref.args:
        found += _walk_types(arg)
    return found


def _reference(table: TypeTable, ref: TypeRef, namespace: str, origin: str) -> None:
    for item in _walk_types(ref):
        if is_model_type(item):
            key = table.lookup(item, namespace)
            if key not in table.types:
                definition = table.define(*key)
                definition.origins.append(origin)


def _define(
    table: TypeTable,
    namespace: str,
    name: str,
    description: str,
    nodes: list[PropertyNode],
    origin: str,
    path: str,
) -> None:
    definition = table.define(namespace, name)
    definition.expanded = True
    if origin not in definition.origins:
        definition.origins.append(origin)
    if not definition.description and description:
        definition.description = description
    for node in nodes:
        node_origin = f"{path}:{node.line}"
        if node.is_additional_properties:
            definition.allow_extra = True
            continue
        key = node.name.lower()
        existing = definition.properties.get(key)
        if existing is None:
            definition.properties[key] = PropertyDef(
                node.name, node.type, namespace, node.required, node.description, node_origin
            )
        else:
            _compare(table, definition, existing, node, node_origin)
        if node.children:
            child = element_type(node.type)
            if is_model_type(child):
                _define(
                    table,
                    child.namespace or namespace,
                    child.name,
                    node.description,
                    node.children,
                    node_origin,
                    path,
                )
            else:
                table.diagnostics.append(
                    at_origin(
                        node_origin,
                        Severity.WARNING,
                        "PG050",
                        f"property {node.name} of type {node.type.raw!r} has nested properties; they are ignored",
                    )
                )


def _compare(
    table: TypeTable, definition: TypeDef, existing: PropertyDef, node: PropertyNode, origin: str
) -> None:
    if not existing.description and node.description:
        existing.description = node.description
    existing.required = existing.required and node.required
    old, new = existing.type, node.type
    if (old.name, old.array_rank, old.args) == (new.name, new.array_rank, new.args):
        return
    table.diagnostics.append(
        at_origin(
            origin,
            Severity.WARNING,
            "PG061",
            f"{definition.name}.{existing.name} is {new.raw!r} here but {old.raw!r} at {existing.origin}; "
            f"keeping {old.raw!r}",
        )
    )
