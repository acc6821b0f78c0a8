"""Template contexts of the client: the operation table (`_operations/`), the help texts (`_help/`),
the client (`client.py`, made of the table at run time) and its typed surface (`client.pyi`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from generator.api.model import Kind
from generator.read.placeholders import clean_description
from generator.render.cli_views import CliCommand, CliOption, commands, program, token_variable
from generator.render.imports import Imports
from generator.render.literals import pieces, py_docstring, py_long_string, py_string, py_tuple, wrapped
from generator.render.views import header
from generator.resolve import names
from generator.resolve.model import AuthScheme, ResolvedProject, Route
from generator.resolve.operations import Argument, ClientMethod, Operation, OperationSet

USER_AGENT = "{package}/generated (platygen; python-httpx)"
# Exported by the client module (and lazily by the package root).
EXPORTS = (
    "ApiConnectionError",
    "ApiError",
    "ApiTimeoutError",
    "ArgumentError",
    "AsyncClient",
    "AsyncItems",
    "AsyncPage",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ConflictError",
    "MissingCredentialWarning",
    "NotFoundError",
    "Page",
    "PermissionDeniedError",
    "PreparedRequest",
    "RateLimitError",
    "RetryPolicy",
    "ServerError",
)
# How many left-out cmdlets the client's docstring names (all of them are in `platygen routes`).
LEFT_OUT_SHOWN = 20


# -------------------------------------------------------------------------------------- constants
def constants(project: ResolvedProject) -> dict[str, Any]:
    """What differs between generated packages, for the modules copied into each (generator/runtime/)."""
    return {
        "header": header("the settings"),
        "docstring": py_docstring(
            "What differs between generated packages; the runtime and the command line read it here.", ""
        ),
        "user_agent": py_string(USER_AGENT.format(package=project.package)),
        "prog": py_string(program(project)),
        "token_env": py_string(token_variable(project.package)),
        "credential": py_string(_credential(project)),
        "server_variables": _server_variables(project),
        "service_paths": [py_string(p) for p in _service_paths(project)],
    }


def _service_paths(project: ResolvedProject) -> list[str]:
    return sorted({urlsplit(r.base_url).path.rstrip("/") for r in _routes_used(project)} - {""})


def _routes_used(project: ResolvedProject) -> list[Route]:
    return [s.route for op in project.operations for s in op.sets]


def _credential(project: ResolvedProject) -> str:
    """What the services expect of the one credential a client is given, in words."""
    kinds = []
    for route in _routes_used(project):
        first = route.auth[0] if route.auth else None
        if first is None:
            kinds.append("a bearer token, sent as Authorization" if route.auth is None else "")
        elif first.kind == "apiKey":
            kinds.append(f"the API key, sent as the {first.parameter} {first.location or 'header'}")
        elif first.kind == "basic":
            kinds.append("user:password, sent as Basic Authorization")
        else:
            kinds.append("a bearer token, sent as Authorization")
    named = sorted(set(k for k in kinds if k))
    return "; or ".join(named) if named else "none is needed"


def _server_variables(project: ResolvedProject) -> list[str]:
    seen: dict[str, str] = {}
    for route in _routes_used(project):
        for v in route.variables:
            if v.name not in seen:
                choices = _strings(v.enum)
                seen[v.name] = (
                    f"({py_string(v.name)}, {py_string(v.default)}, {choices}, "
                    f"{py_string(' '.join(v.description.split()))})"
                )
    return [seen[name] for name in sorted(seen)]


# ---------------------------------------------------------------------------------- the table
@dataclass(frozen=True)
class Group:
    """The cmdlets of one command-line noun: one module of the operation table, one help file."""

    module: str
    noun: str
    items: tuple[tuple[Operation, CliCommand], ...]


def groups(project: ResolvedProject) -> list[Group]:
    found = {c.cmdlet: c for c in commands(project)}
    by_noun: dict[str, list[tuple[Operation, CliCommand]]] = {}
    for op in project.operations:
        command = found.get(op.cmdlet.name)
        if op.sets and command is not None:
            by_noun.setdefault(command.noun, []).append((op, command))
    modules = names.unique((noun, names.module_name(noun)) for noun in by_noun)
    return [
        Group(modules[noun], noun, tuple(sorted(items, key=lambda item: item[1].verb)))
        for noun, items in sorted(by_noun.items())
    ]


def _cmdlets(count: int) -> str:
    return f"{count} cmdlet" if count == 1 else f"{count} cmdlets"


def constant(op: Operation) -> str:
    return op.method.upper()


def operations_index(project: ResolvedProject, found: list[Group]) -> dict[str, Any]:
    methods = sorted((m.name, op.cmdlet.name, m.kind) for g in found for op, _ in g.items for m in op.methods)
    return {
        "header": header(f"the routes of {_cmdlets(sum(len(g.items) for g in found))}"),
        "docstring": py_docstring(
            "The operation table's index: each client method's cmdlet, each cmdlet's module and\n"
            "constant, each command's noun and verb. The modules are imported when first used.",
            "",
        ),
        "methods": [f"{py_string(n)}: ({py_string(c)}, {py_string(k)})" for n, c, k in methods],
        "cmdlets": [
            f"{py_string(op.cmdlet.name)}: ({py_string(g.module)}, {py_string(constant(op))})"
            for g in found
            for op, _ in g.items
        ],
        "commands": [
            (py_string(g.noun), [f"{py_string(c.verb)}: {py_string(c.cmdlet)}" for _, c in g.items])
            for g in found
        ],
    }


def services(project: ResolvedProject) -> dict[str, str]:
    """Each distinct service once, as a constant of `_operations/_services.py`, in order of first use."""
    found: dict[str, str] = {}
    for op in project.operations:
        for s in op.sets:
            found.setdefault(service_literal(s.route), f"SERVICE_{len(found) + 1}")
    return found


def services_module(project: ResolvedProject, known: dict[str, str]) -> dict[str, Any]:
    return {
        "header": header("the API descriptions and settings"),
        "docstring": py_docstring("The services the operations call: root URL, variables, security.", ""),
        "services": [{"name": name, "value": value} for value, name in known.items()],
    }


def service_literal(route: Route) -> str:
    """`_r.Service(...)`: the route's service root, its variables' defaults and its security."""
    args = [py_string(route.base_url)]
    if route.variables:
        pairs = [f"({py_string(v.name)}, {py_string(v.default)})" for v in route.variables]
        args.append(f"variables={py_tuple(pairs)}")
    if route.auth is not None:
        args.append(f"auth={py_tuple([_auth_literal(a) for a in route.auth])}")
    return f"_r.Service({', '.join(args)})"


def _auth_literal(scheme: AuthScheme) -> str:
    args = [py_string(scheme.kind)]
    if scheme.name:
        args.append(f"name={py_string(scheme.name)}")
    if scheme.parameter:
        args.append(f"parameter={py_string(scheme.parameter)}")
    if scheme.location and scheme.location != "header":
        args.append(f"location={py_string(scheme.location)}")
    if scheme.scopes:
        args.append(f"scopes={_strings(scheme.scopes)}")
    return f"_r.AuthScheme({', '.join(args)})"


def operations_module(group: Group, known: dict[str, str]) -> dict[str, Any]:
    return {
        "header": header(f"the help files of {_cmdlets(len(group.items))}"),
        "docstring": py_docstring(f"What the commands of `{group.noun}` send: sets, routes, arguments.", ""),
        "operations": [_spec(op, command, known) for op, command in group.items],
    }


def _spec(op: Operation, command: CliCommand, known: dict[str, str]) -> dict[str, Any]:
    options = {o.name: o for o in command.options}
    sets = []
    for s in op.sets:
        route = s.route
        sets.append(
            {
                "comment": f"{s.name or '(default)'} ({route.source} route)",
                "fields": [
                    f"name={py_string(s.name)}",
                    f"default={s.default}",
                    f"method={py_string(route.method)}",
                    f"service=_s.{known[service_literal(route)]}",
                    f"path={py_string(route.path)}",
                    f"kind={py_string(s.kind)}",
                    f"required=_r.names({py_long_string(' '.join(sorted(s.required)))})",
                    f"allowed=_r.names({py_long_string(' '.join(sorted(s.allowed)))})",
                    f"placeholders={py_tuple([_strings(ph) for ph in s.placeholders])}",
                ],
            }
        )
    fields = [f"cmdlet={py_string(op.cmdlet.name)}"]
    tail = []
    if op.body_model:
        tail.append(f"body_model={py_string(op.body_model.module + ':' + op.body_model.name)}")
    if op.response_model:
        tail.append(f"response_model={py_string(op.response_model.module + ':' + op.response_model.name)}")
    tail.append(f"response={py_string(op.response)}")
    if any(a.wire in ("$count", "$search") or a.role == "count" for a in op.arguments) or any(
        s.kind == "count" for s in op.sets
    ):
        tail.append("eventual=True")
    tail += [f"noun={py_string(command.noun)}", f"verb={py_string(command.verb)}"]
    return {
        "name": constant(op),
        "fields": fields,
        "args": [_arg(a, options.get(a.name)) for a in op.arguments],
        "sets": sets,
        "tail": tail,
    }


def _arg(argument: Argument, option: CliOption | None) -> str:
    args = [py_string(argument.name), py_string(argument.role)]
    if argument.wire:
        args.append(py_string(argument.wire))
    if argument.role == "field":
        args.append(f"path={_strings(argument.path)}")
    if argument.aliases:
        args.append(f"aliases={_strings(argument.aliases)}")
    if option is not None:
        if option.kind != "str":
            args.append(f"kind={py_string(option.kind)}")
        default = "--" + argument.name.replace("_", "-").strip("-")
        if option.decls != (default,):
            args.append(f"flags={_strings(option.decls)}")
        if option.multiple:
            args.append("multiple=True")
        if option.choices:
            args.append(f"choices={_strings(option.choices)}")
        if option.metavar:
            args.append(f"metavar={py_string(option.metavar)}")
    if argument.model is not None and (option is None or option.kind == "json"):
        args.append(f"model={py_string(argument.model.module + ':' + argument.model.name)}")
    return f"_r.Arg({', '.join(args)})"


# --------------------------------------------------------------------------------- help texts
def help_json(group: Group) -> str:
    """The help texts of a noun's cmdlets, as the command line and `help()` show them; each long
    text in pieces of a line each, so that an edit of the help changes one line here."""
    data: dict[str, Any] = {}
    for op, command in group.items:
        cmdlet = op.cmdlet
        synopsis = " ".join(clean_description(cmdlet.synopsis).split())
        entry: dict[str, Any] = {"synopsis": _stored(synopsis)}
        description = clean_description(cmdlet.description).strip()
        if description and " ".join(description.split()) != synopsis:  # Graph's often are the same
            entry["description"] = _stored(description)
        if command.examples:
            entry["examples"] = list(command.examples)
        described = {a.name: " ".join(a.description.split()) for a in op.arguments if a.description.strip()}
        if described:
            entry["arguments"] = {name: _stored(text) for name, text in described.items()}
        data[cmdlet.name] = entry
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def _stored(text: str) -> str | list[str]:
    cut = pieces(text, 100)
    return cut[0] if len(cut) == 1 else cut


# ------------------------------------------------------------------------------------- the client
def client(project: ResolvedProject) -> dict[str, Any]:
    left_out = sorted({r.cmdlet for op in project.operations for r in op.left_out if not op.sets})
    callable_ = [op for op in project.operations if op.sets]
    return {
        "header": header(f"the help files of {_cmdlets(len(callable_))}"),
        "docstring": py_docstring(_module_doc(left_out), ""),
        "exports": [py_string(name) for name in EXPORTS],
        "runtime_exports": [name for name in EXPORTS if name not in ("Client", "AsyncClient")],
    }


def _module_doc(left_out: list[str]) -> str:
    text = (
        "Client and AsyncClient: a method per cmdlet (a `Get-` cmdlet's lists apart: `list_users`),\n"
        "keyword arguments from its parameters; `client.pyi` types them for checkers and editors.\n\n"
        "A call matches exactly one parameter set, as in PowerShell; `client.prepare(client.get_user,\n"
        "user_id=...)` returns the request (credentials redacted) instead of sending it."
    )
    if left_out:
        shown = [f"- {name}" for name in left_out[:LEFT_OUT_SHOWN]]
        if len(left_out) > LEFT_OUT_SHOWN:
            shown.append(f"- and {len(left_out) - LEFT_OUT_SHOWN} more")
        text += "\n\nLeft out, because no route could be confirmed (see `platygen routes`):\n" + "\n".join(
            shown
        )
    return text


def client_stub(project: ResolvedProject) -> dict[str, Any]:
    """`client.pyi`: every method's keyword arguments (a TypedDict), return type and documentation."""
    imports = Imports()
    imports.add_module("typing")
    operations = [op for op in project.operations if op.sets]
    for op in operations:
        for name in op.std:
            imports.add_module(name)
    imports.add_local("from . import _runtime as _r")
    imports.add_local("from . import models as _m")
    imports.add_local(
        "from ._runtime import " + ", ".join(n for n in EXPORTS if n not in ("Client", "AsyncClient"))
    )
    methods = sorted((m for op in operations for m in op.methods), key=lambda m: m.name)
    owner = {m.name: op for op in operations for m in op.methods}
    return {
        "header": header(f"the help files of {_cmdlets(len(operations))}"),
        "imports": imports.lines(future=False),
        "exports": [py_string(name) for name in EXPORTS],
        "typed_dicts": [_typed_dict(m) for m in methods],
        "methods": [_stub(owner[m.name], m) for m in methods],
    }


def _args_class(method: ClientMethod) -> str:
    return "".join(part[:1].upper() + part[1:] for part in method.name.split("_")) + "Args"


def _typed_dict(method: ClientMethod) -> dict[str, Any]:
    fields = []
    for a in method.arguments:
        if a.role == "all":
            continue  # `all=` is the list methods' own keyword
        annotation = f"_t.Required[{a.annotation}]" if a.name in method.required else a.annotation
        fields.append(f"{a.name}: {annotation}")
    return {"name": _args_class(method), "method": method.name, "fields": fields}


def _stub(op: Operation, method: ClientMethod) -> dict[str, Any]:
    returns = _returns(op, method)
    return {
        "name": method.name,
        "args": _args_class(method),
        "listing": method.kind == "list",
        "returns": returns,
        "item": returns.removeprefix("_r.Page[").removesuffix("]"),
        "docstring": py_docstring(_docstring(op, method), "        "),
        "async_docstring": py_docstring(f"Async `Client.{method.name}`.", "        "),
    }


def _docstring(op: Operation, method: ClientMethod) -> str:
    cmdlet = op.cmdlet
    synopsis = clean_description(cmdlet.synopsis).strip() or cmdlet.name
    lines = [wrapped(synopsis), ""]
    description = clean_description(cmdlet.description).strip()
    if description and " ".join(description.split()) != " ".join(synopsis.split()):
        lines += [wrapped(description), ""]
    lines.append(f"PowerShell: {cmdlet.name}; parameter sets:")
    for s in method.sets:
        line = f"  {s.name or '(default)'}: {s.route.method} {s.route.path}"
        lines.append(line if len(line) <= 100 else line.replace(": ", ":\n    ", 1))
        if s.required:
            lines.append(
                wrapped(f"    requires {', '.join(sorted(s.required))}", 96).replace("\n", "\n      ")
            )
    documented = [a for a in method.arguments if a.role != "all"]
    if documented:
        lines += ["", "Args:"]
        for a in documented:
            text = wrapped(" ".join(a.description.split()) or a.parameter, max(40, 96 - len(a.name)))
            lines.append(f"    {a.name}: " + text.replace("\n", "\n        "))
    return "\n".join(lines)


def _returns(op: Operation, method: ClientMethod) -> str:
    """The one type a method returns: a page of the model for a list, an int for a count, the
    model for a get, None where the service answers with no content."""
    model = f"_m.{op.response_model.name}" if op.response_model else "_t.Any"
    if method.kind == "list":
        return f"_r.Page[{model}]"
    atoms = {atom for s in method.sets for atom in _set_returns(op, s, model).split(" | ")}
    if "_t.Any" in atoms:
        return "_t.Any"
    return " | ".join(sorted(atoms, key=lambda k: (k == "None", k)))


def _set_returns(op: Operation, s: OperationSet, model: str) -> str:
    if s.kind == "count":
        return "int"
    if s.kind == "list":
        return "_t.Any"  # a list in a method of several kinds: not one type
    binding = s.route.binding
    if binding is not None:
        response = binding.operation.response
        if response is None:
            return "None"
        if response.kind is Kind.INTEGER:
            return "int"
        if response.kind is Kind.BOOLEAN:
            return "bool"
        found = model if response.kind in (Kind.REF, Kind.OBJECT, Kind.ARRAY) else "_t.Any"
        return f"{found} | None" if binding.operation.no_content else found
    # Without a description, what the help's OUTPUTS say (a Boolean is PowerShell's -PassThru).
    return {"model": model, "int": "int", "any": "_t.Any"}.get(op.response, "None")


def _strings(items: tuple[str, ...] | list[str]) -> str:
    return py_tuple([py_string(item) for item in items])
