"""Read an OpenAPI 3.0/3.1 or Swagger 2.0 description (JSON or YAML) into `api.model`.

What AutoRest reads, the way it reads it: local `$ref`s (definitions, parameters, responses, components),
path-level parameters merged under the operation's own, allOf (the first referenced schema is the base,
the rest contribute properties), inline objects (named after where they sit: `user.address`,
`Users_Create.body`), additionalProperties (a map, or an open object), enums with x-ms-enum (a named enum;
modelAsString: the service may add values), nullable / x-nullable, readOnly, formats, x-ms-client-name,
x-ms-pageable, servers (OpenAPI 3 `servers`; Swagger `host` + `basePath` + `schemes`; AutoRest's
x-ms-parameterized-host, whose parameters become server variables), security schemes and requirements,
and the 2xx response.

The reader never raises: a document it cannot read at all is PG090 (with line and column where the
parser knows them); a part it cannot read (an operation without operationId, a `$ref` that leads
nowhere or in a circle, a construct the model has no shape for) is PG091, and that part is skipped or
read as `Kind.ANY`. Recursive schemas are fine: they refer to themselves by name (`Kind.REF`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from generator.api.locations import LineOf, Pointer, json_locator, pointer_of, yaml_locator
from generator.api.model import (
    ApiDescription,
    ApiOperation,
    ApiParameter,
    ApiProperty,
    ApiSchema,
    ApiType,
    Format,
    Kind,
    Location,
    Requirement,
    SchemeKind,
    SecurityScheme,
    Server,
    ServerVariable,
)
from generator.diagnostics import Diagnostic, Severity

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
MAX_SCHEMA_DEPTH = 64  # inline nesting deeper than this is read as Kind.ANY (and reported)
MAX_REF_HOPS = 64  # `$ref` to `$ref` to ...: a longer chain is treated as a circle

_ANY = ApiType(Kind.ANY)
_SCALARS = {
    "string": Kind.STRING,
    "integer": Kind.INTEGER,
    "number": Kind.NUMBER,
    "boolean": Kind.BOOLEAN,
    "file": Kind.FILE,
}
_LOCATIONS = {loc.value: loc for loc in Location}


@dataclass(slots=True)
class ParsedDocument:
    """The document as data, with a way to find the line of any key; what a directive transforms."""

    root: dict[str, Any]
    line_of: LineOf
    format: Format
    shown: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_openapi(data: bytes, shown: str) -> ApiDescription:
    """Read one description file; `shown` is the path diagnostics and origins name."""
    parsed = parse_document(data, shown)
    if isinstance(parsed, ApiDescription):
        return parsed
    return build_description(parsed)


def parse_document(data: bytes, shown: str) -> ParsedDocument | ApiDescription:
    """Decode and parse; an ApiDescription holding PG090 when the bytes are not a description."""
    guess = Format.SWAGGER2 if b"swagger" in data[:4096] else Format.OPENAPI3

    def unreadable(message: str, line: int = 1, column: int = 1) -> ApiDescription:
        diagnostic = Diagnostic(shown, max(line, 1), max(column, 1), Severity.WARNING, "PG090", message)
        return ApiDescription(path=shown, format=guess, diagnostics=[diagnostic])

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return unreadable(f"API description is not UTF-8 text (byte {error.start})", line)
    stripped = text.lstrip()
    root: Any
    if stripped.startswith(("{", "[")):
        try:
            root = json.loads(text)
        except json.JSONDecodeError as error:
            return unreadable(f"API description is not valid JSON: {error.msg}", error.lineno, error.colno)
        except (RecursionError, ValueError) as error:
            return unreadable(f"API description cannot be parsed as JSON: {type(error).__name__}")
        line_of = json_locator(text)
    else:
        try:
            root = _load_yaml(text)
        except RecursionError:
            return unreadable("API description is nested too deeply to parse")
        except Exception as error:  # noqa: BLE001 - ruamel raises many kinds; all mean "not YAML"
            mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
            line = getattr(mark, "line", 0) + 1 if mark is not None else 1
            column = getattr(mark, "column", 0) + 1 if mark is not None else 1
            problem = getattr(error, "problem", None) or type(error).__name__
            return unreadable(f"API description is neither JSON nor valid YAML: {problem}", line, column)
        line_of = yaml_locator(root)
    if not isinstance(root, dict):
        return unreadable(f"API description is not an object at its top level but {_kind_of(root)}")
    swagger, openapi = root.get("swagger"), root.get("openapi")
    if swagger is not None:
        if str(swagger).strip() not in ("2.0", "2"):
            return unreadable(
                f"unknown Swagger version {str(swagger)[:40]!r} (only 2.0 is read)", line_of(("swagger",))
            )
        fmt = Format.SWAGGER2
    elif openapi is not None:
        version = str(openapi).strip()
        major, _, minor = version.partition(".")
        if major != "3" or not minor[:1].isdigit():
            return unreadable(
                f"unknown OpenAPI version {version[:40]!r} (3.0 and 3.1 are read)", line_of(("openapi",))
            )
        fmt = Format.OPENAPI3
    else:
        return unreadable('neither `swagger: "2.0"` nor `openapi: 3.x` at the top: not an API description')
    return ParsedDocument(root=root, line_of=line_of, format=fmt, shown=shown)


def _load_yaml(text: str) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = True  # a repeated key is the author's slip, not a reason to read nothing
    return yaml.load(text)


def _kind_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__} value"


def build_description(parsed: ParsedDocument) -> ApiDescription:
    return _Reader(parsed).read()


class _Reader:
    def __init__(self, parsed: ParsedDocument) -> None:
        self.root = parsed.root
        self.line_of = parsed.line_of
        self.shown = parsed.shown
        self.description = ApiDescription(path=parsed.shown, format=parsed.format)
        self.description.diagnostics.extend(parsed.diagnostics)
        self.swagger = parsed.format is Format.SWAGGER2
        self.schemas = self.description.schemas
        self.named: dict[str, ApiType] = {}  # definition name → its type (a REF, or an alias's type)
        self.named_busy: set[str] = set()
        self.pending: list[tuple[dict[str, Any], str, Pointer]] = []  # named schemas still to build
        # id(node) → (node, type): a YAML alias shared many times is read once. The node is kept so
        # that its id is never reused by a later (temporary) dict.
        self.inline: dict[int, tuple[Any, ApiType]] = {}
        self.inline_busy: set[int] = set()
        self.reserved: set[str] = set(self._definitions())

    # -- diagnostics -------------------------------------------------------------------------------

    def origin(self, pointer: Pointer) -> str:
        return f"{self.shown}:{self.line_of(pointer)}"

    def report(self, pointer: Pointer, message: str, severity: Severity = Severity.WARNING) -> None:
        line = self.line_of(pointer)
        self.description.diagnostics.append(Diagnostic(self.shown, line, 1, severity, "PG091", message))

    # -- the document ------------------------------------------------------------------------------

    def read(self) -> ApiDescription:
        info = self.root.get("info")
        if isinstance(info, dict):
            self.description.title = _text(info.get("title"))
            self.description.version = _text(info.get("version"))
        self.read_servers()
        self.read_security_schemes()
        security = self.requirements(self.root.get("security"), ("security",))
        self.description.security = security or ()
        for name, (node, pointer) in self._definitions().items():
            self.named_type(name, pointer, node)
            self.build_pending()
        for key in ("paths", "x-ms-paths"):
            paths = self.root.get(key)
            if paths is None:
                continue
            if not isinstance(paths, dict):
                self.report((key,), f"`{key}` is not an object; no operations read from it")
                continue
            for path, item in paths.items():
                self.read_path(str(path), item, (key, str(path)))
                self.build_pending()
        # Definitions in document order, then the inline schemas in the order they were met.
        order = [name for name in self._definitions() if name in self.schemas]
        self.description.schemas = {name: self.schemas[name] for name in order}
        self.description.schemas.update(
            (n, s) for n, s in self.schemas.items() if n not in self.description.schemas
        )
        return self.description

    def build_pending(self) -> None:
        while self.pending:
            node, name, pointer = self.pending.pop(0)
            self.build_schema(node, name, pointer, 0)

    def _definitions(self) -> dict[str, tuple[Any, Pointer]]:
        found: dict[str, tuple[Any, Pointer]] = {}
        holders: list[tuple[Any, Pointer]] = [(self.root.get("definitions"), ("definitions",))]
        components = self.root.get("components")
        if isinstance(components, dict):
            holders.append((components.get("schemas"), ("components", "schemas")))
        for holder, pointer in holders:
            if isinstance(holder, dict):
                for name, node in holder.items():
                    found.setdefault(str(name), (node, (*pointer, str(name))))
        return found

    # -- servers and security ----------------------------------------------------------------------

    def read_servers(self) -> None:
        servers = self.description.servers
        if not self.swagger:
            servers.extend(self.servers(self.root.get("servers"), ("servers",)))
            return
        base_path = _text(self.root.get("basePath")).rstrip("/")
        schemes = [s for s in _list(self.root.get("schemes")) if isinstance(s, str)] or ["https"]
        scheme = "https" if "https" in schemes else schemes[0]
        parameterized = self.root.get("x-ms-parameterized-host")
        if isinstance(parameterized, dict) and isinstance(parameterized.get("hostTemplate"), str):
            template = parameterized["hostTemplate"].rstrip("/")
            prefix = "" if parameterized.get("useSchemePrefix") is False else f"{scheme}://"
            variables = []
            for index, node in enumerate(_list(parameterized.get("parameters"))):
                node = self.follow(node, ("x-ms-parameterized-host", "parameters", str(index)))
                if isinstance(node, dict) and isinstance(node.get("name"), str):
                    enum = tuple(_enum_text(v) for v in _list(node.get("enum")) if v is not None)
                    default = node.get("default")
                    variables.append(
                        ServerVariable(
                            name=node["name"],
                            default=_enum_text(default) if default is not None else (enum[0] if enum else ""),
                            enum=enum,
                            description=_text(node.get("description")),
                        )
                    )
            servers.append(Server(f"{prefix}{template}{base_path}", tuple(variables)))
        host = self.root.get("host")
        if isinstance(host, str) and host:
            for each in sorted(schemes, key=lambda s: s != "https"):
                servers.append(Server(f"{each}://{host.rstrip('/')}{base_path}"))
        elif base_path and not servers:
            servers.append(Server(base_path))

    def servers(self, value: Any, pointer: Pointer) -> list[Server]:
        found = []
        for index, node in enumerate(_list(value)):
            if not isinstance(node, dict) or not isinstance(node.get("url"), str):
                self.report(pointer, f"server {index + 1} has no `url`; skipped")
                continue
            variables = []
            raw = node.get("variables")
            for name, var in (raw.items() if isinstance(raw, dict) else ()):
                if not isinstance(var, dict):
                    continue
                enum = tuple(_enum_text(v) for v in _list(var.get("enum")) if v is not None)
                default = var.get("default")
                variables.append(
                    ServerVariable(
                        name=str(name),
                        default=_enum_text(default) if default is not None else (enum[0] if enum else ""),
                        enum=enum,
                        description=_text(var.get("description")),
                    )
                )
            found.append(Server(node["url"].rstrip("/"), tuple(variables)))
        return found

    def read_security_schemes(self) -> None:
        pointer: Pointer
        if self.swagger:
            holder, pointer = self.root.get("securityDefinitions"), ("securityDefinitions",)
        else:
            components = self.root.get("components")
            holder = components.get("securitySchemes") if isinstance(components, dict) else None
            pointer = ("components", "securitySchemes")
        if holder is None:
            return
        if not isinstance(holder, dict):
            self.report(pointer, "security schemes are not an object; none read")
            return
        for name, node in holder.items():
            where = (*pointer, str(name))
            node = self.follow(node, where)
            scheme = self.security_scheme(str(name), node, where)
            if scheme is not None:
                self.description.security_schemes[str(name)] = scheme

    def security_scheme(self, name: str, node: Any, pointer: Pointer) -> SecurityScheme | None:
        if not isinstance(node, dict):
            self.report(pointer, f"security scheme {name!r} is not an object; skipped")
            return None
        kind = node.get("type")
        description = _text(node.get("description"))
        if kind == "apiKey":
            return SecurityScheme(
                name,
                SchemeKind.API_KEY,
                location=_text(node.get("in")),
                parameter=_text(node.get("name")),
                description=description,
            )
        if kind == "basic":  # Swagger 2.0
            return SecurityScheme(name, SchemeKind.HTTP, scheme="basic", description=description)
        if kind == "http":
            return SecurityScheme(
                name, SchemeKind.HTTP, scheme=_text(node.get("scheme")).lower(), description=description
            )
        if kind == "oauth2":
            scopes: list[str] = []
            if isinstance(node.get("scopes"), dict):  # Swagger 2.0
                scopes.extend(str(s) for s in node["scopes"])
            flows = node.get("flows")
            for flow in (flows.values() if isinstance(flows, dict) else ()):
                if isinstance(flow, dict) and isinstance(flow.get("scopes"), dict):
                    scopes.extend(str(s) for s in flow["scopes"] if str(s) not in scopes)
            return SecurityScheme(
                name, SchemeKind.OAUTH2, scopes=tuple(dict.fromkeys(scopes)), description=description
            )
        if kind == "openIdConnect":
            return SecurityScheme(name, SchemeKind.OPENID, description=description)
        self.report(pointer, f"security scheme {name!r} has unknown type {str(kind)[:40]!r}; skipped")
        return None

    def requirements(self, value: Any, pointer: Pointer) -> tuple[Requirement, ...] | None:
        if value is None:
            return None
        if not isinstance(value, list):
            self.report(pointer, "`security` is not a list of requirements; ignored")
            return None
        found: list[Requirement] = []
        for requirement in value:
            if not isinstance(requirement, dict):
                self.report(pointer, "a security requirement is not an object; ignored")
                continue
            found.append(
                tuple(
                    (str(name), tuple(str(s) for s in _list(scopes))) for name, scopes in requirement.items()
                )
            )
        return tuple(found)

    # -- operations --------------------------------------------------------------------------------

    def read_path(self, path: str, item: Any, pointer: Pointer) -> None:
        if not isinstance(item, dict):
            self.report(pointer, f"path {path[:80]!r} is not an object; skipped")
            return
        if "$ref" in item:
            self.report(
                pointer,
                f"path item `$ref` ({str(item['$ref'])[:80]}) is not supported; its operations skipped",
            )
        shared = self.parameter_nodes(item.get("parameters"), (*pointer, "parameters"))
        servers = self.servers(item.get("servers"), (*pointer, "servers")) if "servers" in item else []
        for method, node in item.items():
            if not isinstance(method, str) or method.lower() not in METHODS:
                continue
            where = (*pointer, method)
            if not isinstance(node, dict):
                self.report(where, f"{method.upper()} {path[:80]} is not an object; skipped")
                continue
            operation = self.read_operation(method.upper(), path, node, shared, where)
            if operation is not None:
                if servers and not operation.servers:
                    operation.servers = tuple(servers)
                self.description.operations.append(operation)

    def read_operation(
        self,
        method: str,
        path: str,
        node: dict[str, Any],
        shared: list[tuple[Any, Pointer]],
        pointer: Pointer,
    ) -> ApiOperation | None:
        operation_id = node.get("operationId")
        if not isinstance(operation_id, str) or not operation_id.strip():
            self.report(
                pointer, f"{method} {path[:80]} has no operationId: AutoRest cannot name a cmdlet for it"
            )
            operation_id = ""
        label = operation_id or f"{method} {path}"
        operation = ApiOperation(
            method=method,
            path=path,
            operation_id=operation_id,
            summary=_text(node.get("summary")),
            description=_text(node.get("description")),
            deprecated=node.get("deprecated") is True,
            origin=self.origin(pointer),
        )
        merged: dict[tuple[str, str], ApiParameter] = {}
        own = self.parameter_nodes(node.get("parameters"), (*pointer, "parameters"))
        for raw, where in [*shared, *own]:  # the operation's own parameters replace the path's
            self.read_parameter(raw, where, label, operation, merged)
        operation.parameters = list(merged.values())
        if "requestBody" in node:
            self.read_request_body(node["requestBody"], (*pointer, "requestBody"), label, operation, node)
        self.read_responses(node.get("responses"), (*pointer, "responses"), label, operation)
        operation.security = self.requirements(node.get("security"), (*pointer, "security"))
        if "servers" in node:
            operation.servers = tuple(self.servers(node.get("servers"), (*pointer, "servers")))
        pageable = node.get("x-ms-pageable")
        if isinstance(pageable, dict):
            operation.pageable = _text(pageable.get("nextLinkName"))
        return operation

    def parameter_nodes(self, value: Any, pointer: Pointer) -> list[tuple[Any, Pointer]]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.report(pointer, "`parameters` is not a list; ignored")
            return []
        return [(each, (*pointer, str(index))) for index, each in enumerate(value)]

    def read_parameter(
        self,
        raw: Any,
        pointer: Pointer,
        label: str,
        operation: ApiOperation,
        merged: dict[tuple[str, str], ApiParameter],
    ) -> None:
        node = self.follow(raw, pointer)
        if isinstance(raw, dict) and isinstance(raw.get("$ref"), str):
            target = pointer_of(raw["$ref"])
            pointer = tuple(target) if target else pointer
        if not isinstance(node, dict):
            self.report(pointer, f"a parameter of {label[:80]} cannot be read; skipped")
            return
        name, location = node.get("name"), node.get("in")
        if not isinstance(name, str) or not isinstance(location, str):
            self.report(pointer, f"a parameter of {label[:80]} has no `name` or `in`; skipped")
            return
        if location == "body":
            operation.body = self.type_of(node.get("schema", {}), f"{label}.body", (*pointer, "schema"))
            operation.body_required = node.get("required") is True
            operation.body_name = name
            return
        if location not in _LOCATIONS:
            self.report(
                pointer,
                f"parameter {name!r} of {label[:80]} is `in: {location[:20]}`, which is not read; skipped",
            )
            return
        if "schema" in node:
            type_ = self.type_of(node["schema"], f"{label}.{name}", (*pointer, "schema"))
        elif "content" in node:
            type_ = _ANY
        else:
            type_ = self.type_of(_parameter_schema(node), f"{label}.{name}", pointer)
        merged[(location, name)] = ApiParameter(
            name=name,
            location=_LOCATIONS[location],
            type=type_,
            required=location == "path" or node.get("required") is True,
            description=_text(node.get("description")),
            client_name=_text(node.get("x-ms-client-name")),
            origin=self.origin(pointer),
        )

    def read_request_body(
        self, raw: Any, pointer: Pointer, label: str, operation: ApiOperation, node: dict[str, Any]
    ) -> None:
        body = self.follow(raw, pointer)
        if not isinstance(body, dict):
            self.report(pointer, f"the request body of {label[:80]} cannot be read; skipped")
            return
        media = _json_media(body.get("content"))
        operation.body = (
            self.type_of(media.get("schema", {}), f"{label}.body", (*pointer, "content"))
            if media is not None
            else _ANY
        )
        operation.body_required = body.get("required") is True
        operation.body_name = (
            _text(body.get("x-ms-requestBody-name") or node.get("x-ms-requestBody-name")) or "body"
        )

    def read_responses(self, value: Any, pointer: Pointer, label: str, operation: ApiOperation) -> None:
        if value is None:
            return
        if not isinstance(value, dict):
            self.report(pointer, f"the responses of {label[:80]} are not an object; ignored")
            return
        for code in sorted((str(k) for k in value), key=lambda c: c.upper()):
            if not code.startswith("2"):
                continue
            where = (*pointer, code)
            raw = value[code] if code in value else next(v for k, v in value.items() if str(k) == code)
            response = self.follow(raw, where)
            if not isinstance(response, dict):
                self.report(where, f"response {code} of {label[:80]} cannot be read; ignored")
                continue
            schema: Any = None
            if self.swagger or "schema" in response:
                schema = response.get("schema")
            else:
                media = _json_media(response.get("content"))
                schema = media.get("schema") if media is not None else None
            if code == "204" or schema is None:
                operation.no_content = True
                continue
            if operation.response is None:
                operation.response = self.type_of(schema, f"{label}.response", where)

    # -- references --------------------------------------------------------------------------------

    def follow(self, node: Any, pointer: Pointer) -> Any:
        """A node, with `$ref` chains followed to what they lead to (None when nowhere or in a circle)."""
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen or len(seen) >= MAX_REF_HOPS:
                self.report(pointer, f"`$ref` {ref[:80]} leads in a circle")
                return None
            seen.add(ref)
            target = pointer_of(ref)
            if target is None:
                self.report(pointer, f"`$ref` {ref[:80]} points outside this document, which is not read")
                return None
            found = self.resolve(target)
            if found is None:
                self.report(pointer, f"`$ref` {ref[:80]} leads nowhere")
                return None
            node = found
        return node

    def resolve(self, pointer: Sequence[str]) -> Any:
        node: Any = self.root
        for part in pointer:
            if isinstance(node, dict):
                if part in node:
                    node = node[part]
                else:
                    node = next((v for k, v in node.items() if str(k) == part), None)
                    if node is None:
                        return None
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                return None
        return node

    # -- schemas -----------------------------------------------------------------------------------

    def named_type(self, name: str, pointer: Pointer, node: Any = None) -> ApiType:
        """The type a definition stands for: a REF to its schema, or, for an alias, what it aliases."""
        known = self.named.get(name)
        if known is not None:
            return known
        if node is None:
            node = self.resolve(pointer)
            if node is None:
                self.report(pointer, f"schema {name!r} is referenced but not defined; read as any")
                self.named[name] = _ANY
                return _ANY
        if name in self.named_busy:  # an alias that leads back to itself
            self.report(pointer, f"`$ref`s lead in a circle back to schema {name!r}; read as any")
            return _ANY
        if _is_object_schema(node):
            # Built later, from a worklist: a chain of schemas each referring to the next would
            # otherwise recurse once per schema.
            result = ApiType(Kind.REF, ref=name)
            self.named[name] = result
            self.pending.append((node, name, pointer))
            return result
        if len(self.named_busy) >= MAX_REF_HOPS:
            self.report(
                pointer,
                f"schema {name!r} is an alias of an alias ... more than {MAX_REF_HOPS} deep; read as any",
            )
            return _ANY
        self.named_busy.add(name)
        try:
            result = self.type_of(node, name, pointer)
        finally:
            self.named_busy.discard(name)
        self.named[name] = result
        return result

    def ref_type(self, ref: str, pointer: Pointer, depth: int) -> ApiType:
        target = pointer_of(ref)
        if target is None:
            self.report(
                pointer, f"`$ref` {ref[:80]} points outside this document, which is not read; read as any"
            )
            return _ANY
        target = tuple(target)
        if (len(target) == 2 and target[0] == "definitions") or (
            len(target) == 3 and target[:2] == ("components", "schemas")
        ):
            if self.resolve(target) is None:
                self.report(pointer, f"`$ref` {ref[:80]} leads nowhere; read as any")
                return _ANY
            return self.named_type(target[-1], target)
        node = self.resolve(target)
        if node is None:
            self.report(pointer, f"`$ref` {ref[:80]} leads nowhere; read as any")
            return _ANY
        return self.type_of(node, target[-1] if target else "root", target, depth + 1)

    def type_of(self, node: Any, name: str, pointer: Pointer, depth: int = 0) -> ApiType:
        if depth > MAX_SCHEMA_DEPTH:
            self.report(
                pointer, f"schema {name[:80]!r} is nested more than {MAX_SCHEMA_DEPTH} levels; read as any"
            )
            return _ANY
        if isinstance(node, bool):  # OpenAPI 3.1: `true` accepts anything, `false` nothing
            return _ANY
        if not isinstance(node, dict):
            self.report(pointer, f"schema {name[:80]!r} is {_kind_of(node)}, not an object; read as any")
            return _ANY
        key = id(node)
        known = self.inline.get(key)
        if known is not None:
            return known[1]
        if key in self.inline_busy:
            self.report(pointer, f"schema {name[:80]!r} contains itself (a YAML alias circle); read as any")
            return _ANY
        self.inline_busy.add(key)
        try:
            result = self._type_of(node, name, pointer, depth)
        finally:
            self.inline_busy.discard(key)
        self.inline[key] = (node, result)
        return result

    def _type_of(self, node: dict[str, Any], name: str, pointer: Pointer, depth: int) -> ApiType:
        nullable = node.get("nullable") is True or node.get("x-nullable") is True
        ref = node.get("$ref")
        if ref is not None:
            if not isinstance(ref, str):
                self.report(pointer, f"`$ref` of {name[:80]!r} is not a string; read as any")
                return _ANY
            found = self.ref_type(ref, pointer, depth)
            return replace(found, nullable=True) if nullable and not found.nullable else found
        for combiner in ("oneOf", "anyOf"):
            options = node.get(combiner)
            if isinstance(options, list) and "properties" not in node:
                real = [o for o in options if not (isinstance(o, dict) and o.get("type") == "null")]
                if len(real) == 1:
                    found = self.type_of(real[0], name, (*pointer, combiner), depth + 1)
                    null = nullable or len(real) < len(options)
                    return replace(found, nullable=True) if null and not found.nullable else found
                self.report(
                    pointer, f"{combiner} in {name[:80]!r} is not modelled; read as any", Severity.INFO
                )
                return ApiType(Kind.ANY, nullable=nullable)
        declared = node.get("type")
        if isinstance(declared, list):  # OpenAPI 3.1: type: [string, "null"]
            nullable = nullable or "null" in declared
            rest = [t for t in declared if t != "null"]
            declared = rest[0] if len(rest) == 1 else (None if not rest else "ambiguous")
            if declared == "ambiguous":
                self.report(
                    pointer, f"several types in {name[:80]!r} are not modelled; read as any", Severity.INFO
                )
                return ApiType(Kind.ANY, nullable=nullable)
        if declared is not None and not isinstance(declared, str):
            self.report(pointer, f"`type` of {name[:80]!r} is not a string; read as any")
            return _ANY
        fmt = _text(node.get("format"))
        enum = node.get("enum")
        if isinstance(enum, list) and declared in (None, "string", "integer", "number", "boolean"):
            return self.enum_type(node, enum, declared or "string", fmt, nullable, name, pointer)
        all_of = node.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and not node.get("properties"):
            found = self.type_of(all_of[0], name, (*pointer, "allOf"), depth + 1)
            return replace(found, nullable=True) if nullable and not found.nullable else found
        if declared == "array" or (declared is None and "items" in node):
            items = node.get("items", {})
            if isinstance(items, list):
                self.report(
                    pointer, f"tuple `items` in {name[:80]!r} are not modelled; read as an array of any"
                )
                return ApiType(Kind.ARRAY, items=_ANY, nullable=nullable)
            item = self.type_of(items, f"{name}[]", (*pointer, "items"), depth + 1)
            return ApiType(Kind.ARRAY, items=item, nullable=nullable)
        properties = node.get("properties")
        additional = node.get("additionalProperties")
        if declared == "object" or (
            declared is None and (properties is not None or all_of or additional is not None)
        ):
            if (isinstance(properties, dict) and properties) or isinstance(all_of, list):
                schema_name = self.unique_name(name)
                self.build_schema(node, schema_name, pointer, depth + 1)
                return ApiType(Kind.REF, ref=schema_name, nullable=nullable)
            if additional is True or isinstance(additional, dict):
                value = (
                    _ANY
                    if additional is True
                    else self.type_of(
                        additional, f"{name}{{}}", (*pointer, "additionalProperties"), depth + 1
                    )
                )
                return ApiType(Kind.MAP, items=value, nullable=nullable)
            return ApiType(Kind.OBJECT, nullable=nullable)
        if declared is None:
            return ApiType(Kind.ANY, nullable=nullable)
        if declared == "null":
            return ApiType(Kind.ANY, nullable=True)
        kind = _SCALARS.get(declared)
        if kind is None:
            self.report(pointer, f"unknown type {declared[:40]!r} in {name[:80]!r}; read as any")
            return _ANY
        return ApiType(kind, format=fmt, nullable=nullable)

    def enum_type(
        self,
        node: dict[str, Any],
        enum: list[Any],
        declared: str,
        fmt: str,
        nullable: bool,
        name: str,
        pointer: Pointer,
    ) -> ApiType:
        values = tuple(_enum_text(v) for v in enum if v is not None)
        nullable = nullable or any(v is None for v in enum)
        kind = _SCALARS.get(declared, Kind.STRING)
        extension = node.get("x-ms-enum")
        if (
            isinstance(extension, dict)
            and isinstance(extension.get("name"), str)
            and extension["name"].strip()
        ):
            # x-ms-enum names the enum: one type however many places use it (AutoRest's choice schema).
            enum_name = extension["name"].strip()
            schema = self.schemas.get(enum_name)
            if schema is None or not schema.is_enum:
                enum_name = enum_name if schema is None else self.unique_name(enum_name)
                self.schemas[enum_name] = ApiSchema(
                    name=enum_name,
                    enum=values,
                    evolvable=extension.get("modelAsString") is True,
                    description=_text(node.get("description")),
                    origin=self.origin(pointer),
                )
            return ApiType(Kind.REF, ref=enum_name, nullable=nullable)
        return ApiType(kind, format=fmt, enum=values, nullable=nullable)

    def unique_name(self, name: str) -> str:
        if name not in self.schemas and name not in self.reserved:
            return name
        number = 2
        while f"{name}#{number}" in self.schemas or f"{name}#{number}" in self.reserved:
            number += 1
        return f"{name}#{number}"

    def build_schema(self, node: dict[str, Any], name: str, pointer: Pointer, depth: int) -> ApiSchema:
        schema = ApiSchema(
            name=name,
            description=_text(node.get("description")),
            origin=self.origin(pointer),
            client_name=_text(node.get("x-ms-client-name")),
        )
        self.schemas[name] = schema  # before the properties: they may refer back to it
        enum = node.get("enum")
        if isinstance(enum, list):
            schema.enum = tuple(_enum_text(v) for v in enum if v is not None)
            extension = node.get("x-ms-enum")
            schema.evolvable = isinstance(extension, dict) and extension.get("modelAsString") is True
            return schema
        self.add_members(schema, node, pointer, depth, set())
        return schema

    def add_members(
        self, schema: ApiSchema, node: dict[str, Any], pointer: Pointer, depth: int, seen: set[int]
    ) -> None:
        """Properties of `node` and of its allOf parts; the first referenced part is the base."""
        if id(node) in seen or depth > MAX_SCHEMA_DEPTH:
            return
        seen.add(id(node))
        all_of = node.get("allOf")
        for index, part in enumerate(_list(all_of)):
            where = (*pointer, "allOf", str(index))
            if isinstance(part, dict) and isinstance(part.get("$ref"), str):
                parent = self.ref_type(part["$ref"], where, depth)
                if parent.kind is Kind.REF and parent.ref != schema.name:
                    if not schema.base:
                        schema.base = parent.ref
                    else:  # a second parent: its properties are copied in, as AutoRest does
                        other = self.schemas.get(parent.ref)
                        for key, prop in (other.properties.items() if other else ()):
                            schema.properties.setdefault(key, prop)
                continue
            if isinstance(part, dict):
                self.add_members(schema, part, where, depth + 1, seen)
            else:
                self.report(where, f"an allOf part of {schema.name[:80]!r} is not an object; skipped")
        required = {str(r) for r in _list(node.get("required")) if isinstance(r, (str, int))}
        properties = node.get("properties")
        if properties is not None and not isinstance(properties, dict):
            self.report(pointer, f"`properties` of {schema.name[:80]!r} is not an object; none read")
            properties = None
        for key, value in (properties or {}).items():
            prop_name = str(key)
            where = (*pointer, "properties", prop_name)
            raw = value if isinstance(value, dict) else {}
            if not isinstance(value, (dict, bool)):
                self.report(
                    where, f"property {prop_name[:80]!r} of {schema.name[:80]!r} is not a schema; read as any"
                )
            type_ = (
                self.type_of(value, f"{schema.name}.{prop_name}", where, depth + 1)
                if isinstance(value, (dict, bool))
                else _ANY
            )
            schema.properties[prop_name] = ApiProperty(
                name=prop_name,
                type=type_,
                required=prop_name in required,
                nullable=not (raw.get("nullable") is False or raw.get("x-nullable") is False),
                read_only=raw.get("readOnly") is True,
                description=_text(raw.get("description")),
                origin=self.origin(where),
                client_name=_text(raw.get("x-ms-client-name")),
            )
        for prop_name in required:  # `required` may name a property declared by an allOf part above
            declared_above = schema.properties.get(prop_name)
            if declared_above is not None:
                declared_above.required = True
        additional = node.get("additionalProperties")
        if additional is True or isinstance(additional, dict):
            schema.open = True


def _is_object_schema(node: Any) -> bool:
    """A definition that AutoRest models as a class or an enum (not an alias of another type)."""
    if not isinstance(node, dict) or "$ref" in node:
        return False
    if isinstance(node.get("enum"), list) and node.get("type") in (
        None,
        "string",
        "integer",
        "number",
        "boolean",
    ):
        return True
    if isinstance(node.get("allOf"), list) or isinstance(node.get("properties"), dict):
        return True
    if node.get("type") == "object":
        additional = node.get("additionalProperties")
        return not (additional is True or isinstance(additional, dict))
    return False


def _parameter_schema(node: dict[str, Any]) -> dict[str, Any]:
    """A Swagger 2.0 non-body parameter carries its type inline: `type`, `format`, `items`, `enum`."""
    keys = ("type", "format", "items", "enum", "x-ms-enum", "x-nullable", "default")
    return {k: node[k] for k in keys if k in node}


def _json_media(content: Any) -> dict[str, Any] | None:
    if not isinstance(content, dict) or not content:
        return None
    names = [str(k) for k in content]
    chosen = next((n for n in names if n.split(";")[0].strip() == "application/json"), None)
    chosen = chosen or next((n for n in names if "json" in n), None) or names[0]
    media = content.get(chosen)
    return media if isinstance(media, dict) else {}


def _enum_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return json.dumps(value)
    return str(value)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
