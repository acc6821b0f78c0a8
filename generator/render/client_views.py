"""Template contexts of the client: operation specs (`_operations.py`) and methods (`client.py`)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from generator.render.cli_views import program, token_variable
from generator.render.imports import Imports
from generator.render.literals import py_docstring, py_string
from generator.render.views import header
from generator.resolve.model import AuthScheme, ResolvedProject, Route
from generator.resolve.operations import Argument, Operation

USER_AGENT = "{package}/generated (platygen; python-httpx)"


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
                choices = "".join(f"{py_string(c)}, " for c in v.enum)
                seen[v.name] = (
                    f"({py_string(v.name)}, {py_string(v.default)}, ({choices}), "
                    f"{py_string(' '.join(v.description.split()))})"
                )
    return [seen[name] for name in sorted(seen)]


def operations(project: ResolvedProject) -> dict[str, Any]:
    services = _services(project)
    return {
        "header": header(f"the routes of {len(project.operations)} cmdlets"),
        "docstring": py_docstring(
            "What each client method sends: parameter sets, routes and argument roles.", ""
        ),
        "services": [{"name": name, "value": value} for value, name in services.items()],
        "operations": [_spec(op, services) for op in project.operations if op.sets],
    }


def service_literal(route: Route) -> str:
    """`_r.Service(...)`: the route's service root, its variables' defaults and its security."""
    args = [py_string(route.base_url)]
    if route.variables:
        pairs = "".join(f"({py_string(v.name)}, {py_string(v.default)}), " for v in route.variables)
        args.append(f"variables=({pairs})")
    if route.auth is not None:
        args.append("auth=(" + "".join(f"{_auth_literal(a)}, " for a in route.auth) + ")")
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
        args.append("scopes=(" + "".join(f"{py_string(s)}, " for s in scheme.scopes) + ")")
    return f"_r.AuthScheme({', '.join(args)})"


def _services(project: ResolvedProject) -> dict[str, str]:
    """Each distinct service once, as a module constant (`_SERVICE_1`), in order of first use."""
    found: dict[str, str] = {}
    for op in project.operations:
        for s in op.sets:
            literal = service_literal(s.route)
            found.setdefault(literal, f"_SERVICE_{len(found) + 1}")
    return found


def constant(op: Operation) -> str:
    return op.method.upper()


def _spec(op: Operation, services: dict[str, str]) -> dict[str, Any]:
    args = op.arguments  # only arguments of usable sets exist (resolve/operations.py)
    sets = []
    for s in op.sets:
        route = s.route
        sets.append(
            {
                "comment": f"{s.name or '(default)'}: {route.method} {route.path} ({route.source}, {route.confidence})",
                "fields": [
                    f"name={py_string(s.name)}",
                    f"default={s.default}",
                    f"method={py_string(route.method)}",
                    f"service={services[service_literal(route)]}",
                    f"path={py_string(route.path)}",
                    f"kind={py_string(s.kind)}",
                    f"required=_r.names({py_string(' '.join(sorted(s.required)))})",
                    f"allowed=_r.names({py_string(' '.join(sorted(s.allowed)))})",
                    "placeholders=("
                    + "".join(f"({', '.join(py_string(p) for p in ph)}), " for ph in s.placeholders)
                    + ")",
                ],
            }
        )
    fields = [
        f"name={py_string(op.method)}",
        f"cmdlet={py_string(op.cmdlet.name)}",
    ]
    if op.body_model:
        fields.append(f"body_model={py_string(op.body_model.module + ':' + op.body_model.name)}")
    if op.response_model:
        fields.append(f"response_model={py_string(op.response_model.module + ':' + op.response_model.name)}")
    fields.append(f"response={py_string(op.response)}")
    if any(a.wire in ("$count", "$search") or a.role == "count" for a in op.arguments) or any(
        s.kind == "count" for s in op.sets
    ):
        fields.append("eventual=True")
    return {
        "name": constant(op),
        "args": [_arg(a) for a in args],
        "sets": sets,
        "fields": fields,
    }


def _arg(argument: Argument) -> str:
    if argument.role == "field":
        path = "".join(f"{py_string(p)}, " for p in argument.path)
        return f"_r.Arg({py_string(argument.name)}, {py_string(argument.role)}, path=({path}))"
    return f"_r.Arg({py_string(argument.name)}, {py_string(argument.role)}, {py_string(argument.wire)})"


def client(project: ResolvedProject) -> dict[str, Any]:
    imports = Imports()
    imports.add_module("typing")
    imports.add_local("from . import _operations as _o")
    imports.add_local("from . import _runtime as _r")
    imports.add_local(
        "from ._runtime import ApiConnectionError, ApiError, ApiTimeoutError, AuthenticationError, "
        "BadRequestError, ConflictError, NotFoundError, Page, PermissionDeniedError, PreparedRequest, "
        "RateLimitError, RetryPolicy, ServerError"
    )
    operations = _callable(project)
    returned = {op.response_model.module for op in operations if op.response_model}
    left_out = sorted({r.cmdlet for op in project.operations for r in op.left_out if not op.sets})
    return {
        "header": header(f"the help files of {len(operations)} cmdlets"),
        "docstring": py_docstring(_module_doc(project, left_out), ""),
        "imports": imports.lines(),
        "typing_imports": ["from . import arguments as _a"] + _model_imports(returned),
        "methods": [_method(op) for op in operations],
    }


def arguments(project: ResolvedProject) -> dict[str, Any]:
    """The keyword arguments of each client method as a TypedDict, in a module of their own: the
    client imports it only while type checking, so importing the client builds none of them
    (building a TypedDict compiles each of its annotations: ~0.2 ms a method)."""
    imports = Imports()
    imports.add_module("typing")
    operations = _callable(project)
    for op in operations:
        for name in op.std:
            imports.add_module(name)
    return {
        "header": header(f"the help files of {len(operations)} cmdlets"),
        "docstring": py_docstring(
            "The keyword arguments of each `Client` and `AsyncClient` method, for type checkers and editors\n"
            "(`client.py` imports this module only while type checking).",
            "",
        ),
        "imports": imports.lines(),
        "typing_imports": _model_imports({m for op in operations for m in op.modules}),
        "methods": [_typed_dict(op) for op in operations],
    }


def _typed_dict(op: Operation) -> dict[str, Any]:
    return {
        "name": op.method,
        "typed_dict": _args_class(op),
        "fields": [f"{a.name}: {a.annotation}" for a in op.arguments],
    }


def _callable(project: ResolvedProject) -> list[Operation]:
    """The operations the client has a method for: those with a usable parameter set."""
    return [op for op in project.operations if op.sets]


def _model_imports(modules: set[str]) -> list[str]:
    return [f"from .models import {m} as _m_{m}" for m in sorted(modules)]


def _module_doc(project: ResolvedProject, left_out: list[str]) -> str:
    text = (
        "Client and AsyncClient: one method per cmdlet, keyword arguments from its parameters.\n\n"
        "A call matches exactly one parameter set, as in PowerShell; `dry_run=True` returns the request\n"
        "(headers redacted) instead of sending it."
    )
    if left_out:
        text += "\n\nLeft out, because no route could be inferred with confidence (see `platygen routes`):\n"
        text += "\n".join(f"- {name}" for name in left_out)
    return text


def _method(op: Operation) -> dict[str, Any]:
    args = op.arguments  # only arguments of usable sets exist (resolve/operations.py)
    returns = _returns(op)
    lines = [op.cmdlet.synopsis or op.cmdlet.name, ""]
    description = op.cmdlet.description.strip()
    if description and description != op.cmdlet.synopsis.strip():
        lines += [description, ""]
    lines.append(f"PowerShell: {op.cmdlet.name}. Parameter sets:")
    for s in op.sets:
        lines.append(
            f"  {s.name or '(default)'}: {s.route.method} {s.route.path}"
            + (f" (requires {', '.join(s.required)})" if s.required else "")
        )
    if args:
        lines += ["", "Args:"]
        for a in args:
            text = " ".join(a.description.split()) or a.parameter
            lines.append(f"    {a.name}: {text}")
    return {
        "name": op.method,
        "constant": constant(op),
        "typed_dict": _args_class(op),
        "returns": returns,
        "async_returns": returns.replace("_t.Iterator[", "_t.AsyncIterator["),
        "docstring": py_docstring("\n".join(lines), "        "),
    }


def _args_class(op: Operation) -> str:
    return _pascal(op.method) + "Args"


def _pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def _returns(op: Operation) -> str:
    model = f"_m_{op.response_model.module}.{op.response_model.name}" if op.response_model else None
    kinds: list[str] = []
    pass_thru = any(a.role == "pass_thru" for a in op.arguments)
    paging = any(a.role == "all" for a in op.arguments)
    for s in op.sets:
        if s.kind == "count":
            kinds.append("int")
        elif s.kind == "list":
            kinds.append(f"_r.Page[{model or '_t.Any'}]")
            if paging:
                kinds.append(f"_t.Iterator[{model or '_t.Any'}]")
        elif op.response == "int":
            kinds.append("int")
        elif model:
            kinds.append(model)
        elif op.response == "any":
            kinds.append("_t.Any")
    if (
        any(s.kind == "item" and (s.route.method != "GET" or not model) for s in op.sets)
        and op.response != "int"
    ):
        if pass_thru:
            kinds.append("bool")
        kinds.append("None")
    if "_t.Any" in kinds:
        return "_t.Any"
    return " | ".join(dict.fromkeys(kinds)) or "None"
