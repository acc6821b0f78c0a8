"""Client operations: one per cmdlet, its keyword arguments and what each one becomes on the wire.

A parameter is a path value (bound to a route placeholder), an OData query option (`-Filter` →
`$filter`), a header (`-ConsistencyLevel`, `-IfMatch`), the whole body (`-BodyParameter`), one property
of the body (expanded sets: `-ScheduleState` → `schedule.state`), the identity object of a ViaIdentity
set (`-InputObject`), or client plumbing (`-All`, `-PageSize`, `-PassThru`, `-Headers`). PowerShell's
transport parameters (`-Proxy`, `-Break`, `-HttpPipelineAppend`, ...) have no meaning for an HTTP client.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from generator.api.model import Kind
from generator.ir import BODY_PARAMETERS, Cmdlet, Parameter, ParameterSet, TypeRef
from generator.read.placeholders import clean_description
from generator.render.literals import py_string
from generator.resolve import names
from generator.resolve.model import ModelClass, Route
from generator.resolve.nouns import split_name
from generator.resolve.routes import operation, plural
from generator.resolve.types import PyType, element_type, is_mapping, is_model_type, map_type

TRANSPORT = {
    "responseheadersvariable",
    "break",
    "httppipelineappend",
    "httppipelineprepend",
    "proxy",
    "proxycredential",
    "proxyusedefaultcredentials",
    "whatif",
    "confirm",
    "commonparameters",
    # PowerShell's "return $true": a Python call that returns has succeeded.
    "passthru",
}
ODATA_QUERY = {
    "filter": "$filter",
    "property": "$select",
    "expandproperty": "$expand",
    "sort": "$orderby",
    "top": "$top",
    "skip": "$skip",
    "search": "$search",
}
HEADERS = {"consistencylevel": "ConsistencyLevel", "ifmatch": "If-Match", "ifnonematch": "If-None-Match"}
# The OData options by the names Python SDKs give them (msgraph-sdk's `select`, `order_by`); the
# PowerShell names (`property`, `expand_property`, `sort`) are taken as well.
ODATA_NAMES = {
    "$select": "select",
    "$expand": "expand",
    "$orderby": "order_by",
    "$filter": "filter",
    "$top": "top",
    "$skip": "skip",
    "$search": "search",
}
_ODATA_MARKERS = {"expandproperty", "countvariable", "consistencylevel", "pagesize"}
_PLUMBING = {
    "all": "all",
    "pagesize": "page_size",
    "countvariable": "count",
    "headers": "headers",
}


@dataclass(slots=True)
class Argument:
    name: str  # Python keyword
    parameter: str  # PowerShell name
    # path, query, header, body, field, extra, identity, server, all, page_size, count, headers
    role: str
    wire: str  # placeholder, query option or header
    annotation: str
    description: str
    path: tuple[str, ...] = ()  # a body field's JSON names, outermost first
    choices: tuple[str, ...] = ()  # the values the API description allows (an enum)
    aliases: tuple[str, ...] = ()  # other keyword names the client takes (the PowerShell name)
    model: ModelClass | None = None  # the model a structured value is (for the CLI's help)


@dataclass(slots=True)
class OperationSet:
    name: str
    default: bool
    route: Route
    kind: str  # "list", "count", "item" or "none"
    required: list[str]  # Python names
    allowed: list[str]
    # (placeholder, PowerShell name, Python name): the value comes from the argument, or in a ViaIdentity
    # set from the identity object's property of that name.
    placeholders: list[tuple[str, str, str]]


@dataclass(slots=True)
class ClientMethod:
    """A method of the client: the sets of one kind of a cmdlet. PowerShell merges a list and a
    get by key into `Get-MgUser`; Python has `list_users` and `get_user`, each with one return type."""

    name: str
    kind: str  # "list", "item", "count", or "" for every set of the cmdlet
    sets: list[OperationSet]
    arguments: list[Argument]  # those its sets take, in the operation's order
    required: list[str]  # taken by every one of its sets: required in its signature


@dataclass(slots=True)
class Operation:
    method: str  # the cmdlet's Python name (`get_user`); its methods are in `methods`
    cmdlet: Cmdlet
    arguments: list[Argument]
    sets: list[OperationSet]
    body_model: ModelClass | None
    response_model: ModelClass | None
    response: str  # "model", "int", "bool", "none" or "any"
    left_out: list[Route] = field(default_factory=list)
    std: set[str] = field(default_factory=set)  # standard modules the annotations use (datetime, ...)
    methods: list[ClientMethod] = field(default_factory=list)  # see `client_methods`


ModelLookup = Callable[[TypeRef, str], ModelClass | None]


def method_names(cmdlets: list[Cmdlet], prefixes: dict[str, str]) -> dict[str, str]:
    """`Update-MgApplicationSynchronizationJob` → `update_application_synchronization_job`.

    The module prefix goes; where that makes two cmdlets one name (Get-MgUser, Get-MgBetaUser), each
    keeps what its prefix has beyond the shortest one (`get_user`, `get_beta_user`), then a number.
    """

    def short(cmdlet: Cmdlet, prefix: str) -> str:
        verb, noun = split_name(cmdlet.name)
        if prefix and noun.startswith(prefix) and len(noun) > len(prefix):
            noun = noun[len(prefix) :]
        return names.python_identifier(f"{verb}_{noun}" if verb else noun, "call")

    wanted = {c.name: short(c, prefixes.get(c.module, "")) for c in cmdlets}
    counts: dict[str, int] = {}
    for name in wanted.values():
        counts[name] = counts.get(name, 0) + 1
    clashing = [c for c in cmdlets if counts[wanted[c.name]] > 1]
    if clashing:
        shortest = min((prefixes.get(c.module, "") for c in clashing), key=len)
        for cmdlet in clashing:
            wanted[cmdlet.name] = short(cmdlet, shortest)
    return names.unique(wanted.items())


def odata_modules(cmdlets: list[Cmdlet]) -> set[str]:
    """Modules whose cmdlets use OData's own parameters (-ExpandProperty, -CountVariable, -PageSize,
    -ConsistencyLevel): there, every cmdlet's -Filter, -Search, -Top... are OData query options, also in
    a cmdlet that happens to have none of the markers (Get-MgApplicationSynchronizationJobCount)."""
    return {c.module for c in cmdlets if _ODATA_MARKERS & {p.name.lower() for p in c.parameters}}


def build_operation(
    cmdlet: Cmdlet,
    method: str,
    routes: list[Route],
    model: ModelLookup,
    namespace: str,
    wire_name: Callable[[str], str],
    odata: bool,
    classes: dict[str, ModelClass] | None = None,
) -> Operation:
    """`odata`: the cmdlet's module speaks OData (see `odata_modules`), so -Filter is `$filter`."""
    classes = classes or {}
    by_set = {r.parameter_set: r for r in routes}
    parameters = {p.name.lower(): p for p in cmdlet.parameters}
    body_model = _body_model(cmdlet, parameters, model, namespace)
    response_model, response = _response(cmdlet, model, namespace)
    operation_ = Operation(method, cmdlet, [], [], body_model, response_model, response)
    arguments: dict[str, Argument] = {}
    python_names = names.unique(
        (p.name, _python_name(p, odata)) for p in cmdlet.parameters if p.name.lower() not in TRANSPORT
    )
    for parameter_set in cmdlet.parameter_sets or [ParameterSet("", True, cmdlet.name, [], cmdlet.line)]:
        route = by_set.get(parameter_set.name)
        if route is None or not route.usable:
            if route is not None:
                operation_.left_out.append(route)
            continue
        placeholders = dict((param, ph) for ph, param in route.placeholders)
        required, allowed = [], []
        for sp in parameter_set.parameters:
            key = sp.name.lower()
            if key in TRANSPORT:
                continue
            parameter = parameters.get(key)
            if parameter is None:
                continue
            role, wire = _role(parameter, placeholders, route, odata)
            name = python_names[parameter.name]
            if name not in arguments:
                path = _body_path(parameter.name, body_model, wire_name) if role == "field" else ()
                choices = _field_choices(body_model, path, classes) if path else ()
                annotation = _annotation(parameter, role, sp.switch, model, namespace, operation_)
                if choices and annotation == "str":
                    annotation = "_t.Literal[" + ", ".join(py_string(c) for c in choices) + "]"
                alias = names.argument_name(parameter.name)
                item = element_type(parameter.type) if parameter.type else None
                structured = body_model if role == "body" else model(item, namespace) if item else None
                arguments[name] = Argument(
                    name,
                    parameter.name,
                    role,
                    wire,
                    annotation,
                    _description(parameter),
                    path,
                    choices,
                    (alias,) if alias != name and role == "query" else (),
                    structured,
                )
            allowed.append(name)
            # ConsistencyLevel: the client sets what Graph needs; a server variable has its default.
            if sp.required and role not in ("header", "server"):
                required.append(name)
        by_parameter = {a.parameter: a.name for a in arguments.values()}
        bound = [
            (ph, param, by_parameter.get(param) or names.argument_name(param))
            for ph, param in route.placeholders
        ]
        kind = _set_kind(parameter_set, cmdlet, route)
        operation_.sets.append(
            OperationSet(parameter_set.name, parameter_set.is_default, route, kind, required, allowed, bound)
        )
    order = {p.name: i for i, p in enumerate(cmdlet.parameters)}
    operation_.arguments = sorted(
        arguments.values(), key=lambda a: (_ROLE_ORDER.get(a.role, 9), order[a.parameter])
    )
    return operation_


_ROLE_ORDER = {
    "path": 0,
    "identity": 1,
    "body": 2,
    "field": 3,
    "extra": 4,
    "query": 5,
    "header": 6,
    "server": 7,
}


def _python_name(parameter: Parameter, odata: bool) -> str:
    key = parameter.name.lower()
    if key in _PLUMBING:
        return _PLUMBING[key]
    if key in BODY_PARAMETERS:
        return "body"
    if odata and key in ODATA_QUERY:
        return ODATA_NAMES[ODATA_QUERY[key]]
    return names.argument_name(parameter.name)


def _set_kind(parameter_set: ParameterSet, cmdlet: Cmdlet, route: Route) -> str:
    """ "count" for a `$count` path; "list" for a List set (Graph's and AutoRest's name) or an
    operation the API description says answers with an array; else "item"."""
    if route.path.endswith("/$count"):
        return "count"
    if operation(parameter_set, split_name(cmdlet.name)[0]) == "List":
        return "list"
    response = route.binding.operation.response if route.binding is not None else None
    return "list" if response is not None and response.kind is Kind.ARRAY else "item"


def client_methods(operations: list[Operation]) -> None:
    """Each operation's client methods, named uniquely across the client.

    A `Get-` cmdlet's list sets become `list_<plural noun>` (`list_users`), its other sets keep
    the cmdlet's name (`get_user`, `get_user_count`); any other cmdlet is one method. The names
    are claimed in a fixed order (the cmdlets' own names first), so no new cmdlet takes one away.
    """
    wanted: list[tuple[str, Operation, str, list[OperationSet]]] = []
    for op in operations:
        verb = split_name(op.cmdlet.name)[0]
        lists = [s for s in op.sets if s.kind == "list"]
        if verb == "Get" and lists and op.method.startswith("get_"):
            wanted.append((_listing(op.method), op, "list", lists))
            rest = [s for s in op.sets if s.kind != "list"]
            for kind in sorted({s.kind for s in rest}):
                wanted.append((op.method, op, kind, [s for s in rest if s.kind == kind]))
        elif op.sets:
            wanted.append((op.method, op, "", list(op.sets)))
    chosen = names.unique((f"{op.method}\0{kind}", name) for name, op, kind, _ in wanted)
    for name, op, kind, sets in wanted:
        taken = [a for a in op.arguments if any(a.name in s.allowed for s in sets)]
        required = [a.name for a in taken if all(a.name in s.required for s in sets)]
        op.methods.append(ClientMethod(chosen[f"{op.method}\0{kind}"], kind, sets, taken, required))


def _listing(method: str) -> str:
    """`get_application_owner` → `list_application_owners`."""
    words = method.split("_")[1:]
    words[-1] = plural(words[-1])
    return "_".join(["list", *words])


def _role(
    parameter: Parameter,
    placeholders: dict[str, str],
    route: Route,
    odata: bool,
) -> tuple[str, str]:
    key = parameter.name.lower()
    if parameter.name in placeholders:
        return "path", placeholders[parameter.name]
    variable = next((v.name for v in route.variables if v.name.lower() == key), None)
    if variable is not None:  # AutoRest's -ConsoleHost: a placeholder of the server, with a default
        return "server", variable
    if key in _PLUMBING:
        return _PLUMBING[key], ""
    if key.endswith("inputobject"):
        return "identity", ""
    if key in BODY_PARAMETERS:
        return "body", ""
    if key in HEADERS:
        return "header", HEADERS[key]
    if odata and key in ODATA_QUERY:
        return "query", ODATA_QUERY[key]
    if route.method in ("GET", "DELETE", "HEAD"):
        return "query", names.camel_case(parameter.name)
    if key == "additionalproperties":
        return "extra", ""
    return "field", ""


def _field_choices(
    body_model: ModelClass | None, path: tuple[str, ...], classes: dict[str, ModelClass]
) -> tuple[str, ...]:
    """The enum values of the body field at `path` (`schedule.state`: Active, Disabled, Paused)."""
    current = body_model
    for index, wire in enumerate(path):
        field = next((f for f in current.fields if f.wire_name == wire), None) if current else None
        if field is None:
            return ()
        if index == len(path) - 1:
            return field.choices
        current = classes.get(field.model)
    return ()


def _body_path(name: str, body_model: ModelClass | None, wire_name: Callable[[str], str]) -> tuple[str, ...]:
    if body_model is not None:
        for f in body_model.fields:
            if f.source_name.lower() == name.lower():
                return (f.wire_name,)
        if name.lower() in body_model.flattened:
            return body_model.flattened[name.lower()]
    return (wire_name(name),)


def _annotation(
    parameter: Parameter, role: str, switch: bool, model: ModelLookup, namespace: str, op: Operation
) -> str:
    if role in ("all", "count") or switch:
        return "bool"
    if role == "headers":
        return "_t.Mapping[str, str]"
    ref = parameter.type
    if ref is None:
        return "_t.Any"

    def model_name(r: TypeRef) -> str | None:
        found = model(r, namespace)
        if found is None:
            return None
        return f"_m.{found.name}"  # the client's stub imports the `models` package as `_m`

    py: PyType = map_type(ref, model_name)
    op.std.update(py.modules)
    if role == "extra" or is_mapping(ref):
        return "_t.Mapping[str, _t.Any]"
    if role == "body":  # a model, its JSON as a mapping, or JSON text
        model_or_map = f"{py.annotation} | " if py.annotation != "_t.Any" else ""
        return f"{model_or_map}_t.Mapping[str, _t.Any] | str"
    if role == "identity" or (is_model_type(element_type(ref)) and not ref.array_rank):
        return (
            f"{py.annotation} | _t.Mapping[str, _t.Any]"
            if py.annotation != "_t.Any"
            else "_t.Mapping[str, _t.Any]"
        )
    return py.annotation


def _description(parameter: Parameter) -> str:
    text = clean_description(parameter.description)
    marker = text.lower().find("to construct, see notes section")
    return text[:marker].strip() if marker >= 0 else text


def _body_model(
    cmdlet: Cmdlet, parameters: dict[str, Parameter], model: ModelLookup, namespace: str
) -> ModelClass | None:
    for key in BODY_PARAMETERS:
        parameter = parameters.get(key)
        if parameter is not None and parameter.type is not None:
            found = model(parameter.type, namespace)
            if found is not None:
                return found
    return None


def _response(cmdlet: Cmdlet, model: ModelLookup, namespace: str) -> tuple[ModelClass | None, str]:
    kinds = []
    for doc in cmdlet.outputs:
        if doc.type is None:
            continue
        found = model(doc.type, namespace) if is_model_type(doc.type) else None
        if found is not None:
            return found, "model"
        kinds.append(doc.type.name.lower())
    if any(k in ("int32", "int64", "int") for k in kinds):
        return None, "int"
    if any(k == "boolean" for k in kinds):
        return None, "bool"
    return None, "any" if kinds else "none"
