"""Resolve the IR of all files into Python: one class per complex type, safe names, annotations."""

from __future__ import annotations

from collections import defaultdict

from generator.config import Config
from generator.diagnostics import Diagnostic, Severity, at_origin
from generator.ir import Cmdlet, TypeRef
from generator.read.placeholders import PLACEHOLDER
from generator.resolve import names
from generator.resolve.flatten import flattened
from generator.resolve.merge import TypeDef, TypeKey, TypeTable, collect
from generator.resolve.model import ModelClass, ModelField, ModelModule, ResolvedProject
from generator.resolve.types import map_type


def resolve(cmdlets: list[Cmdlet], config: Config) -> ResolvedProject:
    cmdlets = sorted(cmdlets, key=lambda c: c.path)
    table = collect(cmdlets)
    class_names = _class_names(table, config)
    # Unique: namespaces differing only in case or punctuation would otherwise share one module.
    module_names = names.unique((ns, names.module_name(ns)) for ns in {key[0] for key in table.types})
    diagnostics = list(table.diagnostics)
    by_module: dict[str, list[ModelClass]] = defaultdict(list)
    uses: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    sources: dict[str, set[str]] = defaultdict(set)
    for key in sorted(table.types):
        definition = table.types[key]
        module = module_names[definition.namespace]
        std, models = uses[module]
        fields = _fields(definition, table, class_names, module_names, config, std, models, diagnostics)
        if not definition.expanded:
            origin = definition.origins[0] if definition.origins else ""
            diagnostics.append(
                at_origin(origin, Severity.INFO, "PG060",
                          f"type {definition.name} is never expanded in a NOTES tree; generated as an open model")
            )
        by_module[module].append(
            ModelClass(
                name=class_names[key],
                source_type=definition.name,
                namespace=definition.namespace,
                description=clean_description(definition.description),
                fields=fields,
                allow_extra=definition.allow_extra or not definition.expanded,
                expanded=definition.expanded,
                origins=sorted(definition.origins),
            )
        )
        sources[module].update(origin.rpartition(":")[0] for origin in definition.origins)
    modules = []
    for ns, module in sorted(module_names.items(), key=lambda item: item[1]):
        std, models = uses[module]
        classes = sorted(by_module[module], key=lambda c: c.name)
        modules.append(ModelModule(module, ns, classes, sorted(std), sorted(models - {module}), sorted(sources[module])))
    return ResolvedProject(config.package, modules, cmdlets, diagnostics)


def clean_description(text: str) -> str:
    """AutoRest writes "." for "no description"; placeholders are never copied."""
    text = PLACEHOLDER.sub("", text).strip()
    return "" if text in (".", "") else text


def _class_names(table: TypeTable, config: Config) -> dict[TypeKey, str]:
    """Interface name without `I` and the namespace's vendor prefix (`IMicrosoftGraphUser` → `User`).

    Unique across the package. Types that want the same name are told apart by the words only their
    namespace has (`Microsoft.Graph.Beta.PowerShell.Models` → `BetaUser`), then get their full name
    (`MicrosoftGraphUser`), then a number; each step only touches the types that collide, so adding a
    type never renames an unrelated one.
    """

    def full(key: TypeKey) -> str:
        return key[1][1:] if key[1].startswith("I") and key[1][1:2].isupper() else key[1]

    def short(key: TypeKey, group: list[TypeKey]) -> str:
        name = full(key)
        for prefix in config.type_prefixes.get(key[0], []):
            if name.startswith(prefix) and len(name) > len(prefix) and name[len(prefix)].isupper():
                return names.class_name(name[len(prefix) :])
        return names.class_name(name)

    def distinct(key: TypeKey, group: list[TypeKey]) -> str:
        shared = set.intersection(*(set(names.words(k[0])) for k in group))
        own = [w for w in names.words(key[0]) if w not in shared]
        return names.class_name("_".join(own) + "_" + short(key, group))

    def unprefixed(key: TypeKey, group: list[TypeKey]) -> str:
        return names.class_name(full(key))

    chosen: dict[TypeKey, str] = {}
    groups: list[list[TypeKey]] = [sorted(table.types)]
    for policy in (short, distinct, unprefixed):
        wanted: dict[str, list[tuple[TypeKey, str]]] = defaultdict(list)
        for group in groups:
            for key in group:
                name = policy(key, group)
                wanted[name.lower()].append((key, name))
        taken = {n.lower() for n in chosen.values()}
        groups = []
        for lowered, candidates in sorted(wanted.items()):
            if len(candidates) == 1 and lowered not in taken:
                key, name = candidates[0]
                chosen[key] = name
            else:
                groups.append(sorted(key for key, _ in candidates))
    # Last resort: numbered, in sorted order.
    taken = {n.lower() for n in chosen.values()}
    for key in sorted(k for group in groups for k in group):
        base = candidate = names.class_name(full(key))
        counter = 2
        while candidate.lower() in taken:
            candidate, counter = f"{base}{counter}", counter + 1
        taken.add(candidate.lower())
        chosen[key] = candidate
    return chosen


def _fields(
    definition: TypeDef,
    table: TypeTable,
    class_names: dict[TypeKey, str],
    module_names: dict[str, str],
    config: Config,
    std: set[str],
    models: set[str],
    diagnostics: list[Diagnostic],
) -> list[ModelField]:
    own_module = module_names[definition.namespace]
    flat = flattened(definition, table)
    for key, nested in flat.items():
        prop = definition.properties[key]
        diagnostics.append(
            at_origin(prop.origin, Severity.INFO, "PG064",
                       f"{definition.name}.{prop.name} is the flattened form of {'.'.join(nested)}; "
                       "the model keeps the nested property")
        )
    props = [p for key, p in definition.properties.items() if key not in flat]

    def wanted(prop_name: str) -> str:
        override = config.wire_names.get(prop_name)
        return names.python_identifier(override if override else prop_name)

    chosen = names.unique((p.name, wanted(p.name)) for p in props)
    result = []
    for prop in props:
        def model_annotation(ref: TypeRef, namespace: str = prop.namespace) -> str | None:
            key = table.lookup(ref, namespace)
            if key not in class_names:
                return None
            module = module_names[key[0]]
            models.add(module)
            return class_names[key] if module == own_module else f"_m_{module}.{class_names[key]}"

        py = map_type(prop.type, model_annotation)
        std.update(py.modules)
        for unknown in py.unknown:
            diagnostics.append(
                at_origin(prop.origin, Severity.WARNING, "PG062",
                           f"unknown .NET type {unknown!r} of {definition.name}.{prop.name}; generated as Any")
            )
        name = chosen[prop.name]
        if name != names.snake_case(prop.name):
            diagnostics.append(
                at_origin(prop.origin, Severity.INFO, "PG063",
                           f"{definition.name}.{prop.name} is named {name!r} in Python")
            )
        annotation = py.annotation
        if not prop.required or prop.type.nullable:
            annotation = f"{annotation} | None" if annotation != "_t.Any" else annotation
        result.append(
            ModelField(
                name=name,
                wire_name=config.wire_names.get(prop.name, names.camel_case(prop.name)),
                source_name=prop.name,
                annotation=annotation,
                required=prop.required,
                description=clean_description(prop.description),
            )
        )
    return result
