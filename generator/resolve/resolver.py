"""Resolve the IR of all files into Python: one class per complex type, safe names, annotations."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Callable

from generator.bind.binder import Bound
from generator.config import Config
from generator.diagnostics import Diagnostic, Severity, at_origin
from generator.ir import BODY_PARAMETERS, Cmdlet, TypeRef
from generator.read.placeholders import clean_description
from generator.resolve import names
from generator.resolve.flatten import flattened
from generator.read.routes_file import RoutesFile
from generator.resolve.merge import (
    PropertyDef,
    TypeDef,
    TypeKey,
    TypeTable,
    WireType,
    collect,
    default_namespace,
)
from generator.resolve.described import enrich
from generator.resolve.model import (
    MODELS,
    ModelClass,
    ModelEnum,
    ModelField,
    ModelModule,
    ResolvedProject,
    Route,
)
from generator.resolve.nouns import noun_prefixes, pascal_words, split_name
from generator.resolve.operations import build_operation, client_methods, method_names, odata_modules
from generator.resolve.routes import route_table
from generator.resolve.types import element_type, is_model_type, map_type, map_wire


def resolve(
    cmdlets: list[Cmdlet],
    config: Config,
    routes: RoutesFile | None = None,
    bound: Bound | None = None,
    prefixes: dict[str, str] | None = None,
) -> ResolvedProject:
    """`prefixes`: each module's noun prefix when already settled (`nouns.infer`); else inferred here."""
    cmdlets = sorted(cmdlets, key=lambda c: c.path)
    bound = bound or Bound()
    table = collect(cmdlets)
    described = enrich(table, cmdlets, bound)
    class_names = _class_names(table, config, _schema_names(table, cmdlets))
    # One module per class and per enum, named after it: importing one builds no other (references
    # between them resolve on first use, through the lazy `models` package).
    keys = sorted(set(table.types) | set(table.enums))
    module_names = names.unique((class_names[k], names.module_name(class_names[k])) for k in keys)
    module_of = {k: module_names[class_names[k]] for k in keys}
    diagnostics = list(table.diagnostics) + described
    modules = []
    for key, enum in sorted(table.enums.items()):
        module = module_of[key]
        model_enum = ModelEnum(
            class_names[key],
            enum.name,
            enum.values,
            enum.flags,
            enum.evolvable,
            clean_description(enum.description),
            enum.origin,
            module,
        )
        modules.append(
            ModelModule(module, key[0], [], ["typing"], [], [enum.origin.rpartition(":")[0]], [model_enum])
        )
    for key in sorted(table.types):
        definition = table.types[key]
        module = module_of[key]
        std: set[str] = set()
        models: set[str] = set()
        fields, flat = _fields(key, definition, table, class_names, config, std, models, diagnostics)
        if not definition.expanded:
            origin = definition.origins[0] if definition.origins else ""
            diagnostics.append(
                at_origin(
                    origin,
                    Severity.INFO,
                    "PG060",
                    f"type {definition.name} is never expanded in a NOTES tree; generated as an open model",
                )
            )
        model_class = ModelClass(
            name=class_names[key],
            source_type=definition.name,
            namespace=definition.namespace,
            description=clean_description(definition.description),
            fields=fields,
            allow_extra=definition.allow_extra or not definition.expanded,
            expanded=definition.expanded,
            origins=sorted(definition.origins),
            module=module,
            flattened=flat,
        )
        sources = sorted({origin.rpartition(":")[0] for origin in definition.origins})
        modules.append(ModelModule(module, key[0], [model_class], sorted(std), sorted(models), sources))
    modules.sort(key=lambda m: m.name)
    project = ResolvedProject(config.package, modules, cmdlets, diagnostics, program=config.program)
    project.diagnostics.extend(bound.diagnostics)
    _operations(project, table, class_names, config, routes or RoutesFile(""), bound, prefixes)
    return project


def _operations(
    project: ResolvedProject,
    table: TypeTable,
    class_names: dict[TypeKey, str],
    config: Config,
    routes: RoutesFile,
    bound: Bound,
    prefixes: dict[str, str] | None,
) -> None:
    """Routes for every cmdlet described once (the first file wins), then one client operation each."""
    first: dict[str, Cmdlet] = {}
    for cmdlet in project.cmdlets:
        if cmdlet.name in first:
            project.diagnostics.append(
                at_origin(
                    f"{cmdlet.path}:{cmdlet.line}",
                    Severity.INFO,
                    "PG083",
                    f"{cmdlet.name} is described again (first in {first[cmdlet.name].path}); "
                    "the client takes the first one's text and the parameters of both",
                )
            )
            first[cmdlet.name] = _merged(first[cmdlet.name], cmdlet)
            continue
        first[cmdlet.name] = cmdlet
    cmdlets = list(first.values())
    if prefixes is None:
        prefixes = noun_prefixes(cmdlets, config.noun_prefixes)
    project.noun_prefixes = prefixes
    project.routes, found = route_table(cmdlets, routes, config, prefixes, bound)
    project.diagnostics.extend(found)
    classes = {(c.namespace, c.source_type): c for m in project.model_modules for c in m.classes}

    def model(ref: TypeRef, namespace: str) -> ModelClass | None:
        key = table.lookup(element_type(ref), namespace)
        return classes.get(key) if key in class_names else None

    by_cmdlet: dict[str, list[Route]] = defaultdict(list)
    for route in project.routes:
        by_cmdlet[route.cmdlet].append(route)
    methods = method_names(cmdlets, prefixes)
    odata = odata_modules(cmdlets)
    by_name = {c.name: c for c in classes.values()}
    operations = sorted(
        (
            build_operation(
                c,
                methods[c.name],
                by_cmdlet[c.name],
                model,
                default_namespace(c),
                config.wire_name,
                c.module in odata,
                by_name,
            )
            for c in cmdlets
        ),
        key=lambda op: op.method,
    )
    client_methods(operations)
    project.operations = operations


# AutoRest names an operation's inline body or answer after its path, the action lower-cased:
# `IPaths141Ryo0ApplicationsApplicationIdMicrosoftGraphAddpasswordPostRequestbodyContentApplicationJsonSchema`.
_PATH_SCHEMA = re.compile(
    r"I?Paths\w*?(?P<action>[A-Z][a-z0-9]*)(?:Post|Get|Put|Patch|Delete)"
    r"(?P<part>RequestbodyContent|Responses\d+Content)\w*Schema\d*"
)


def _schema_names(table: TypeTable, cmdlets: list[Cmdlet]) -> dict[TypeKey, str]:
    """Names for AutoRest's path-named schemas, from the action they are the body or answer of:
    `addpassword` of Add-MgApplicationPassword is `AddPasswordRequest` (the cmdlet's verb and last
    noun words that spell the action). Only the help decides, so a bound description renames nothing."""
    found: dict[TypeKey, str] = {}
    for cmdlet in sorted(cmdlets, key=lambda c: c.path):
        typed = [
            (p.type, "Request") for p in cmdlet.parameters if p.type and p.name.lower() in BODY_PARAMETERS
        ]
        typed += [(d.type, "Response") for d in cmdlet.outputs if d.type]
        for ref, suffix in typed:
            match = _PATH_SCHEMA.fullmatch(element_type(ref).name)
            if match is None or match.group("part").startswith("Request") != (suffix == "Request"):
                continue
            key = table.lookup(element_type(ref), default_namespace(cmdlet))
            if key in table.types and key not in found:
                found[key] = _action_words(cmdlet, match.group("action")) + suffix
    return found


def _action_words(cmdlet: Cmdlet, action: str) -> str:
    """The cmdlet's verb and last noun words that spell `action` (lower-cased by AutoRest), in their
    own case: `Add` + `Password` for `Addpassword`; the action as it is when none do."""
    verb, noun = split_name(cmdlet.name)
    words = pascal_words(noun)
    for start in range(len(words), -1, -1):
        spelled = verb + "".join(words[start:])
        if spelled.lower() == action.lower():
            return spelled
    return action


def _class_names(
    table: TypeTable, config: Config, renamed: dict[TypeKey, str] | None = None
) -> dict[TypeKey, str]:
    """Interface name without `I` and the namespace's vendor prefix (`IMicrosoftGraphUser` → `User`).

    Unique across the package. Of the types that want the same name one keeps it (`_choose`: the one
    whose own name it is, else the one of the fewest namespace words); the others are told apart by
    the words only their namespace has (`Microsoft.Graph.Beta.PowerShell.Models` → `BetaUser`), then
    get their full name (`MicrosoftGraphUser`), then a number; each step only touches the types that
    collide, so adding a type never renames an unrelated one.
    """

    def full(key: TypeKey) -> str:
        return key[1][1:] if key[1].startswith("I") and key[1][1:2].isupper() else key[1]

    renamed = renamed or {}

    def short(key: TypeKey, group: list[TypeKey]) -> str:
        if key in renamed:
            return names.class_name(renamed[key])
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

    # The help's types are named first, among themselves: a type only an API description names (and
    # every enum) takes what is left, so binding a description never renames a class of the help.
    helped = sorted(k for k, d in table.types.items() if not d.source)
    described = sorted({k for k, d in table.types.items() if d.source} | set(table.enums))
    chosen: dict[TypeKey, str] = {}
    for keys in (helped, described):
        _choose(keys, chosen, (short, distinct, unprefixed), full)
    return chosen


def _choose(
    keys: list[TypeKey],
    chosen: dict[TypeKey, str],
    policies: tuple[Callable[[TypeKey, list[TypeKey]], str], ...],
    full: Callable[[TypeKey], str],
) -> None:
    """Names for `keys`, none of them one `chosen` already has: each policy in turn for the keys
    still without a name, then a number.

    Where several keys want one free name, the first by `keeper` keeps it and only the others go on
    (each policy still sees the whole group they collided in): a type whose own name is the name
    (`IUser` → `User`, not `IMicrosoftGraphUser`), else the one of the fewest namespace words
    (`Microsoft.Graph.PowerShell.Models`, not `...Beta...`). So a newcomer that wants the name of a
    type that is already there takes it only when it is the one exactly so named; the other is renamed,
    and `platygen diff` reports it (PD080).
    """

    def keeper(candidate: tuple[TypeKey, str]) -> tuple[bool, int, TypeKey]:
        key, name = candidate
        return (name.lower() != names.class_name(full(key)).lower(), len(names.words(key[0])), key)

    # (the keys to name, the group they collided in)
    pending: list[tuple[list[TypeKey], list[TypeKey]]] = [(keys, keys)]
    for policy in policies:
        wanted: dict[str, list[tuple[TypeKey, str]]] = defaultdict(list)
        for members, group in pending:
            for key in members:
                name = policy(key, group)
                wanted[name.lower()].append((key, name))
        taken = {n.lower() for n in chosen.values()}
        pending = []
        for lowered, candidates in sorted(wanted.items()):
            group = sorted(key for key, _ in candidates)
            rest = list(group)
            if lowered not in taken:
                key, name = min(candidates, key=keeper)
                chosen[key] = name
                rest.remove(key)
            if rest:
                pending.append((rest, group))
    # Last resort: numbered, in sorted order.
    taken = {n.lower() for n in chosen.values()}
    for key in sorted(k for members, _ in pending for k in members):
        base = candidate = names.class_name(full(key))
        counter = 2
        while candidate.lower() in taken:
            candidate, counter = f"{base}{counter}", counter + 1
        taken.add(candidate.lower())
        chosen[key] = candidate


def _fields(
    own: TypeKey,
    definition: TypeDef,
    table: TypeTable,
    class_names: dict[TypeKey, str],
    config: Config,
    std: set[str],
    models: set[str],
    diagnostics: list[Diagnostic],
) -> tuple[list[ModelField], dict[str, tuple[str, ...]]]:
    """The fields of a class; `models` gets the classes and enums their annotations name."""
    flat = flattened(definition, table)
    for key, nested in flat.items():
        prop = definition.properties[key]
        diagnostics.append(
            at_origin(
                prop.origin,
                Severity.INFO,
                "PG064",
                f"{definition.name}.{prop.name} is the flattened form of {'.'.join(nested)}; "
                "the model keeps the nested property",
            )
        )
    props = [p for key, p in definition.properties.items() if key not in flat]
    flat_wire = {key: _wire_path(definition, path, table, config) for key, path in flat.items()}

    def wanted(prop_name: str) -> str:
        override = config.wire_names.get(prop_name)
        return names.python_identifier(override if override else prop_name)

    chosen = names.unique((p.name, wanted(p.name)) for p in props)
    result = []
    for prop in props:

        def by_key(key: TypeKey) -> str | None:
            if key not in class_names:
                return None
            if key == own:
                return class_names[key]
            models.add(class_names[key])
            return f"{MODELS}.{class_names[key]}"

        def model_annotation(ref: TypeRef, namespace: str = prop.namespace) -> str | None:
            return by_key(table.lookup(ref, namespace))

        if prop.wire is not None and (prop.source or not is_model_type(element_type(prop.type))):
            py = map_wire(prop.wire, lambda key: by_key(key) if key in table.types else None, by_key)
        else:
            py = map_type(prop.type, model_annotation)
        std.update(py.modules)
        for unknown in py.unknown:
            diagnostics.append(
                at_origin(
                    prop.origin,
                    Severity.WARNING,
                    "PG062",
                    f"unknown .NET type {unknown!r} of {definition.name}.{prop.name}; generated as Any",
                )
            )
        name = chosen[prop.name]
        if name != names.snake_case(prop.name):
            diagnostics.append(
                at_origin(
                    prop.origin,
                    Severity.INFO,
                    "PG063",
                    f"{definition.name}.{prop.name} is named {name!r} in Python",
                )
            )
        annotation = py.annotation
        # What the description says of null wins (it knows what the service sends); unset is not null:
        # a field left out of a request body is not sent, whatever its type.
        described = prop.wire is not None or bool(prop.wire_name)
        optional = prop.nullable if described else (not prop.required or prop.type.nullable)
        if optional:
            annotation = f"{annotation} | None" if annotation != "_t.Any" else annotation
        result.append(
            ModelField(
                name=name,
                wire_name=prop.wire_name or config.wire_name(prop.name),
                source_name=prop.name,
                annotation=annotation,
                required=prop.required,
                description=clean_description(prop.description),
                source=prop.source,
                nullable=optional or annotation == "_t.Any",
                model=_model_of(prop, table, class_names),
                choices=_choices_of(prop, table),
                origin=prop.origin,
            )
        )
    return result, flat_wire


def _merged(first: Cmdlet, again: Cmdlet) -> Cmdlet:
    """One cmdlet from two descriptions (an older and a newer module's help): the first's text, the
    parameters of both, each parameter set holding the parameters either description gives it."""
    known_params = {p.name.lower() for p in first.parameters}
    parameters = list(first.parameters) + [p for p in again.parameters if p.name.lower() not in known_params]
    merged_sets = []
    for parameter_set in first.parameter_sets:
        other = next((s for s in again.parameter_sets if s.name == parameter_set.name), None)
        if other is None:
            merged_sets.append(parameter_set)
            continue
        known = {p.name.lower() for p in parameter_set.parameters}
        extra = [p for p in other.parameters if p.name.lower() not in known]
        merged_sets.append(dataclasses.replace(parameter_set, parameters=parameter_set.parameters + extra))
    names_first = {s.name for s in first.parameter_sets}
    merged_sets += [s for s in again.parameter_sets if s.name not in names_first]
    return dataclasses.replace(first, parameters=parameters, parameter_sets=merged_sets)


def _wire_path(
    definition: TypeDef, path: tuple[str, ...], table: TypeTable, config: Config
) -> tuple[str, ...]:
    """The JSON names of a flattened property's path (`ScheduleState` → schedule, state), exact where a
    description gave them."""
    wire: list[str] = []
    current: TypeDef | None = definition
    for name in path:
        prop = current.properties.get(name.lower()) if current is not None else None
        wire.append(prop.wire_name if prop is not None and prop.wire_name else config.wire_name(name))
        current = (
            table.types.get(table.lookup(element_type(prop.type), prop.namespace))
            if prop is not None
            else None
        )
    return tuple(wire)


def _innermost(prop: PropertyDef) -> WireType | None:
    wire = prop.wire
    while wire is not None and wire.items is not None:
        wire = wire.items
    return wire


def _model_of(prop: PropertyDef, table: TypeTable, class_names: dict[TypeKey, str]) -> str:
    wire = _innermost(prop)
    key = wire.key if wire is not None and wire.key in table.types else None
    key = key or table.lookup(element_type(prop.type), prop.namespace)
    return class_names.get(key, "") if key in table.types else ""


def _choices_of(prop: PropertyDef, table: TypeTable) -> tuple[str, ...]:
    wire = _innermost(prop)
    if wire is None:
        return ()
    if wire.values:
        return wire.values
    enum = table.enums.get(wire.key) if wire.key else None
    return enum.values if enum is not None and not enum.flags else ()
