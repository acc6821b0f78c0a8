"""Types from the API descriptions: exact wire names, enums, formats, nullability, and the properties
the help leaves out.

The help's model types are AutoRest's names for the description's schemas: `IMicrosoftGraphUser` is
CSDL's `microsoft.graph.user`, `ISystemuserputpost` is Swagger's `systemuserputpost` (an `I`, then the
Pascal case of every part of the name). A help type is matched by that name, else through structure:
the body and response of the operation a set is bound to, and the properties of a matched type. A
matched type takes from its schema (with the schema's base types) the exact JSON name and type of each
property the help lists, and gains the properties the help does not list (navigation properties aside:
they are links to other entities, not values). Types those properties name and the help never does
become models of their own, under the name AutoRest would give them, so a help file that describes
them later lands on the same class.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from dataclasses import dataclass

from generator.api.model import ApiDescription, ApiProperty, ApiSchema, ApiType, Kind
from generator.bind.binder import Bound
from generator.bind.model import Binding
from generator.diagnostics import Diagnostic, Severity, at_origin
from generator.ir import BODY_PARAMETERS, Cmdlet, TypeRef
from generator.resolve.merge import EnumDef, PropertyDef, TypeDef, TypeKey, TypeTable, WireType
from generator.resolve.types import element_type, is_model_type

_NOT_ALNUM = re.compile(r"[^a-z0-9]")
# How deep the base-type chain of a schema is followed (a cycle in a broken description stops here).
_MAX_BASES = 32
# .NET scalar names of the help ↔ the kinds a description may give the same property.
_COMPATIBLE = {
    Kind.STRING: {"string", "char", "uri", "securestring", "guid", "datetime", "datetimeoffset", "timespan"},
    Kind.INTEGER: {
        "byte",
        "sbyte",
        "int16",
        "int32",
        "int64",
        "uint16",
        "uint32",
        "uint64",
        "int",
        "long",
        "short",
    },
    Kind.NUMBER: {"double", "single", "float", "decimal", "int32", "int64", "int"},
    Kind.BOOLEAN: {"boolean", "bool", "switchparameter"},
}


def normal(name: str) -> str:
    return _NOT_ALNUM.sub("", name.lower())


def interface_name(schema_name: str) -> str:
    """AutoRest's model interface for a schema: `microsoft.graph.user` → `IMicrosoftGraphUser`."""
    return "I" + type_name(schema_name)


def type_name(schema_name: str) -> str:
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", schema_name) if p]
    return "".join(p[:1].upper() + p[1:] for p in parts) or "Model"


@dataclass(slots=True)
class _Match:
    schema: ApiSchema
    description: ApiDescription


class _Enricher:
    def __init__(self, table: TypeTable, bound: Bound, modules_of: dict[str, set[str]]) -> None:
        self.table = table
        self.bound = bound
        self.modules_of = modules_of  # spec path → module
        self.matches: dict[TypeKey, _Match] = {}
        # (description path, schema name, namespace) → key: each .NET namespace (Graph's v1.0 and beta
        # modules) has classes of its own, as the help's types do.
        self.by_schema: dict[tuple[str, str, str], TypeKey] = {}
        self.diagnostics: list[Diagnostic] = []
        self.indexes: dict[str, dict[str, str]] = {}
        self.queue: deque[TypeKey] = deque()

    # -- matching ------------------------------------------------------------------------------------
    def index(self, description: ApiDescription) -> dict[str, str]:
        """Normalised interface name → schema name, for the objects of a description."""
        found = self.indexes.get(description.path)
        if found is None:
            found = {}
            for name, schema in description.schemas.items():
                if schema.is_enum:
                    continue
                found.setdefault(normal(interface_name(name)), name)
                if schema.client_name:
                    found.setdefault(normal(interface_name(schema.client_name)), name)
            self.indexes[description.path] = found
        return found

    def descriptions_of(self, definition: TypeDef) -> list[ApiDescription]:
        modules = sorted(
            {m for origin in definition.origins for m in self.modules_of.get(origin.rpartition(":")[0], ())}
        )
        seen: dict[str, ApiDescription] = {}
        for module in modules:
            for description in self.bound.descriptions(module):
                seen.setdefault(description.path, description)
        return list(seen.values())

    def match_by_name(self) -> None:
        for key in sorted(self.table.types):
            definition = self.table.types[key]
            for description in self.descriptions_of(definition):
                name = self.index(description).get(normal(definition.name))
                if name is not None:
                    self.attach(key, description, description.schemas[name])
                    break

    def match_by_operation(self, cmdlets: list[Cmdlet]) -> None:
        """A set's body and output types are the body and response of the operation it is bound to."""
        for cmdlet in cmdlets:
            body = next(
                (p.type for p in cmdlet.parameters if p.name.lower() in BODY_PARAMETERS and p.type),
                None,
            )
            outputs = [d.type for d in cmdlet.outputs if d.type is not None]
            for parameter_set in cmdlet.parameter_sets:
                found = self.bound.get(cmdlet.name, parameter_set.name)
                if not isinstance(found, Binding):
                    continue
                description = self._description(cmdlet.module, found.description)
                if description is None:
                    continue
                namespace = f"{cmdlet.module}.Models"
                if body is not None and found.operation.body is not None:
                    self.attach_ref(body, found.operation.body, description, namespace)
                if found.operation.response is not None:
                    for output in outputs:
                        self.attach_ref(output, found.operation.response, description, namespace)

    def _description(self, module: str, path: str) -> ApiDescription | None:
        return next((d for d in self.bound.descriptions(module) if d.path == path), None)

    def attach_ref(self, ref: TypeRef, api: ApiType, description: ApiDescription, namespace: str) -> None:
        item = element_type(ref)
        while api.kind in (Kind.ARRAY,) and api.items is not None:
            api = api.items
        if not is_model_type(item) or api.kind is not Kind.REF:
            return
        key = self.table.lookup(item, namespace)
        schema = description.schemas.get(api.ref)
        if key in self.table.types and schema is not None and not schema.is_enum:
            self.attach(key, description, schema)

    def attach(self, key: TypeKey, description: ApiDescription, schema: ApiSchema) -> None:
        if key in self.matches:
            return
        self.matches[key] = _Match(schema, description)
        self.by_schema.setdefault((description.path, schema.name, key[0]), key)
        self.queue.append(key)

    # -- enriching -----------------------------------------------------------------------------------
    def run(self) -> None:
        while self.queue:
            key = self.queue.popleft()
            self.enrich(key)

    def all_properties(self, schema: ApiSchema, description: ApiDescription) -> list[ApiProperty]:
        """The schema's properties with its base types' (bases first), as AutoRest flattens them."""
        chain: list[ApiSchema] = []
        current: ApiSchema | None = schema
        seen: set[str] = set()
        while current is not None and current.name not in seen and len(chain) < _MAX_BASES:
            seen.add(current.name)
            chain.append(current)
            current = description.schemas.get(current.base) if current.base else None
        merged: dict[str, ApiProperty] = {}
        for part in reversed(chain):
            for name, prop in part.properties.items():
                merged[name] = prop
        return list(merged.values())

    def enrich(self, key: TypeKey) -> None:
        definition = self.table.types[key]
        match = self.matches[key]
        description, schema = match.description, match.schema
        # Open or closed is the description's to say: Graph's help marks every type `(Any)`, its
        # CSDL makes only some open types (user, application); the rest refuse unknown names.
        definition.allow_extra = schema.open
        if not definition.description and schema.description:
            definition.description = schema.description
        by_name = {p.name.lower(): p for p in self.all_properties(schema, description)}
        added = []
        for prop in list(definition.properties.values()):
            api = by_name.pop(prop.name.lower(), None)
            if api is None:
                continue
            self.apply(definition, prop, api, description)
        for api in by_name.values():
            if api.navigation:
                continue
            name = api.name[:1].upper() + api.name[1:]
            if name.lower() in definition.properties:
                continue  # the help's flattened or renamed property of the same name: keep the help's
            prop = PropertyDef(
                name,
                TypeRef(api.name, "Object"),
                definition.namespace,
                False,
                api.description,
                api.origin or schema.origin,
                wire_name=api.name,
                wire=self.wire_type(api.type, description, definition.namespace),
                nullable=api.nullable,
                source=description.path,
            )
            definition.properties[name.lower()] = prop
            added.append(api.name)
        if added:
            if not definition.expanded:
                definition.expanded = True
                if schema.origin and schema.origin not in definition.origins:
                    definition.origins.append(schema.origin)
            self.diagnostics.append(
                at_origin(
                    schema.origin or f"{description.path}:1",
                    Severity.INFO,
                    "PG096",
                    f"{definition.name}: {len(added)} properties the help does not list come from "
                    f"{description.path} ({', '.join(added[:5])}{', ...' if len(added) > 5 else ''})",
                )
            )

    def apply(
        self, definition: TypeDef, prop: PropertyDef, api: ApiProperty, description: ApiDescription
    ) -> None:
        prop.wire_name = api.name
        prop.nullable = api.nullable
        guessed = prop.name[:1].lower() + prop.name[1:]
        if (
            api.name != guessed
            and api.name.lower() == guessed.lower()
            and not prop.name.lower().startswith("odata")
        ):
            self.diagnostics.append(
                at_origin(
                    prop.origin,
                    Severity.WARNING,
                    "PG095",
                    f"{definition.name}.{prop.name} is {api.name!r} on the wire ({description.path}), not "
                    f"{guessed!r}; the description's name is used",
                )
            )
        help_item = element_type(prop.type)
        api_item = api.type
        while api_item.kind is Kind.ARRAY and api_item.items is not None:
            api_item = api_item.items
        if is_model_type(help_item):
            # The help's structure stays; its type is the schema's, so match it through the property.
            if api_item.kind is Kind.REF:
                target = description.schemas.get(api_item.ref)
                key = self.table.lookup(help_item, prop.namespace)
                if target is not None and not target.is_enum and key in self.table.types:
                    self.attach(key, description, target)
                    return
            if api_item.kind not in (Kind.OBJECT, Kind.ANY, Kind.MAP, Kind.REF):
                self._disagree(definition, prop, api, description)
            return
        wire = self.wire_type(api.type, description, definition.namespace)
        if not self._compatible(prop.type, wire):
            self._disagree(definition, prop, api, description)
        prop.wire = wire

    def _compatible(self, help_type: TypeRef, wire: WireType) -> bool:
        item, api = element_type(help_type), wire
        while api.kind is Kind.ARRAY and api.items is not None:
            api = api.items
        name = item.name.lower()
        if api.kind is Kind.STRING and api.format in ("byte", "binary", "base64url") and name == "byte":
            return True  # Byte[]: one base64 value
        if api.kind is Kind.REF:
            return api.key in self.table.enums and name in _COMPATIBLE[Kind.STRING]
        allowed = _COMPATIBLE.get(api.kind)
        return allowed is None or name in allowed or name in ("object", "psobject")

    def _disagree(
        self, definition: TypeDef, prop: PropertyDef, api: ApiProperty, description: ApiDescription
    ) -> None:
        shown = api.type.ref or (api.type.kind.value + (f"/{api.type.format}" if api.type.format else ""))
        self.diagnostics.append(
            at_origin(
                prop.origin,
                Severity.WARNING,
                "PG095",
                f"{definition.name}.{prop.name} is {prop.type.raw!r} in the help but {shown} in "
                f"{description.path}; the description's type is used on the wire",
            )
        )

    def wire_type(self, api: ApiType, description: ApiDescription, namespace: str) -> WireType:
        if api.kind in (Kind.ARRAY, Kind.MAP):
            inner = self.wire_type(api.items, description, namespace) if api.items else WireType(Kind.ANY)
            return WireType(api.kind, items=inner)
        if api.kind is not Kind.REF:
            return WireType(api.kind, api.format, values=api.enum)
        schema = description.schemas.get(api.ref)
        if schema is None:
            return WireType(Kind.ANY)
        if schema.is_enum:
            key = (namespace, type_name(schema.name))
            if key not in self.table.enums:
                self.table.enums[key] = EnumDef(
                    namespace,
                    key[1],
                    schema.enum,
                    schema.flags,
                    schema.evolvable,
                    schema.description,
                    schema.origin,
                )
            return WireType(Kind.REF, key=key)
        known = self.by_schema.get((description.path, schema.name, namespace))
        if known is not None:
            key = known
        else:
            key = (namespace, interface_name(schema.name))
            if key not in self.table.types:
                created = self.table.define(*key)
                created.source = description.path
                created.expanded = True
                created.description = schema.description
                created.origins.append(schema.origin or f"{description.path}:1")
            self.attach(key, description, schema)
        return WireType(Kind.REF, key=key)


def enrich(table: TypeTable, cmdlets: list[Cmdlet], bound: Bound) -> list[Diagnostic]:
    """Enrich `table` in place from the modules' API descriptions; the diagnostics say what disagreed."""
    if not bound.described:
        return []
    modules_of: dict[str, set[str]] = defaultdict(set)
    for cmdlet in cmdlets:
        modules_of[cmdlet.path].add(cmdlet.module)
    enricher = _Enricher(table, bound, modules_of)
    enricher.match_by_name()
    enricher.match_by_operation(cmdlets)
    enricher.run()
    return enricher.diagnostics
