"""Detect AutoRest's flattened body properties.

AutoRest lifts the properties of a nested object into its parent: the seed's synchronizationJob lists
`ScheduleExpiration`, `SchemaDirectories`, `SchemaId`, which the service receives as
`schedule.expiration`, `schema.directories`, `schema.id`. When the merged definition of a type also
has the nested property (`Schedule <IMicrosoftGraphSynchronizationSchedule>` with `Expiration`), the
flat one is the same data under a second name: the model keeps only the nested form, which is what
goes on the wire, and remembers the path for callers that use the flat name.
"""

from __future__ import annotations

from generator.ir import TypeRef
from generator.resolve.merge import PropertyDef, TypeDef, TypeTable
from generator.resolve.types import element_type, is_model_type

_MAX_DEPTH = 4


def flattened(definition: TypeDef, table: TypeTable) -> dict[str, tuple[str, ...]]:
    """Property key (lower case) → the property names it stands for, outermost first."""
    found: dict[str, tuple[str, ...]] = {}
    for key, prop in definition.properties.items():
        path = _nested_path(definition, key, prop.type, table, 0)
        if path:
            found[key] = path
    return found


def _nested_path(
    definition: TypeDef, name: str, type_: TypeRef, table: TypeTable, depth: int
) -> tuple[str, ...] | None:
    if depth >= _MAX_DEPTH:
        return None
    containers = [
        (key, prop)
        for key, prop in definition.properties.items()
        if key != name and name.startswith(key) and _is_object(prop)
    ]
    for key, container in sorted(containers, key=lambda item: (-len(item[0]), item[0])):
        target = table.types.get(table.lookup(element_type(container.type), container.namespace))
        if target is None or target is definition:
            continue
        rest = name[len(key) :]
        inner = target.properties.get(rest)
        if inner is not None and _same_type(inner.type, type_):
            return (container.name, inner.name)
        deeper = _nested_path(target, rest, type_, table, depth + 1)
        if deeper:
            return (container.name, *deeper)
    return None


def _is_object(prop: PropertyDef) -> bool:
    return not prop.type.array_rank and not prop.type.args and is_model_type(prop.type)


def _same_type(a: TypeRef, b: TypeRef) -> bool:
    return (a.name.lower(), a.array_rank, a.args) == (b.name.lower(), b.array_rank, b.args)
