"""A module's AutoRest configuration: the settings that name its cmdlets, and its directives.

Read from a YAML file or from a literate `readme.md`, whose ```yaml blocks hold it. A block may be
guarded (```` ```yaml $(powershell) ````, ```` ```yaml $(tag) == 'package-2021' ````): the guard is
evaluated against the configuration read so far, with `powershell` true, since this is the
PowerShell generator's configuration; blocks guarded for other generators (`$(csharp)`,
`$(python)`) are skipped, as AutoRest skips them. Values merge as AutoRest merges them: the first
value of a setting wins, lists (`directive`, `input-file`) are joined.

Directives are sorted by what they act on, with autorest.powershell's own tests
(`powershell/plugins/modifiers-v2.ts`): command directives (`where` verb / subject / subject-prefix /
variant / parameter-name; `set`, `hide`, `remove`), model and enum directives (names of types;
they do not change where a request goes), and document directives (`from: swagger-document`, a
JSONPath `where` and a JavaScript `transform`), which AutoRest runs on the description before
anything is named. JavaScript cannot run here: the simple assignments
(`$["x-ms-client-name"] = "systemId";`, `$.description = '...'`, `delete $.x`) are applied, anything
else is PG097 and not applied.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from generator.api import jsonpath
from generator.api.model import ApiDescription
from generator.api.openapi import ParsedDocument, build_description, parse_document
from generator.diagnostics import Diagnostic, Severity

COMMAND_SELECTORS = ("verb", "subject", "subject-prefix", "variant", "parameter-name")
MODEL_SELECTORS = ("model-name", "model-fullname", "model-namespace", "property-name")
ENUM_SELECTORS = ("enum-name", "enum-value-name")
_DIRECTIVE_KEYS = frozenset(
    {"where", "set", "select", "hide", "remove", "transform", "from", "reason", "suppress", "clear-alias", "add",
     "debug", "text-transform", "test", "to", "suppress-format"}
)  # fmt: skip
# Generators other than autorest.powershell: their blocks are not this module's configuration.
_GENERATOR_FLAGS = ("powershell",)


class DirectiveKind:
    COMMAND = "command"  # renames, hides or removes cmdlets, variants or parameters
    REMOVE = "remove"
    MODEL = "model"  # renames models or properties
    ENUM = "enum"
    DOCUMENT = "document"  # transforms the description itself (swagger-document / openapi-document)
    OTHER = "other"  # transforms generated code or the code model: nothing the binder needs


@dataclass(frozen=True, slots=True)
class Directive:
    kind: str  # a DirectiveKind
    line: int  # where it starts in the configuration file
    where: dict[str, str] = field(default_factory=dict)  # command/model/enum selectors, as text
    paths: tuple[str, ...] = ()  # document directives: the JSONPath `where`s
    select: str = ""
    set: dict[str, Any] = field(default_factory=dict)
    hide: bool | None = None
    transform: str = ""
    source: str = ""  # `from:`
    clear_alias: bool = False


@dataclass(frozen=True, slots=True)
class NamingSettings:
    """The settings create-commands, ps-namer and the modifiers read (their defaults when absent)."""

    azure: bool = False
    prefix: str = ""
    custom_function_prefix: str = ""  # JumpCloud's wrapper functions are named with this prefix
    subject_prefix: str = ""
    verb_mapping: tuple[tuple[str, str], ...] = ()  # the module's own entries, over the default table
    sanitize_names: bool = False
    support_json_input: bool = False
    enable_parent_pipeline_input: bool = False
    enable_parent_pipeline_input_for_list: bool = False
    disable_via_identity: bool = False
    disable_getput: bool = False
    keep_identity_type: bool = False
    keep_pec_and_plr: bool = True
    preserve_uppercase: int = 3  # modelerfour naming: preserve-uppercase-max-length


@dataclass(slots=True)
class AutoRestConfig:
    path: str
    values: dict[str, Any] = field(default_factory=dict)  # the merged configuration
    directives: list[Directive] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def text(self, key: str) -> str:
        value = self.values.get(key)
        return _interpolate(value, self.values) if isinstance(value, str) else ""

    def flag(self, key: str, default: bool) -> bool:
        value = self.values.get(key)
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        return default

    @property
    def module_name(self) -> str:
        return self.text("module-name")

    @property
    def namespace(self) -> str:
        return self.text("namespace")

    @property
    def input_files(self) -> list[str]:
        value = self.values.get("input-file")
        items = value if isinstance(value, list) else [value]
        return [_interpolate(v, self.values) for v in items if isinstance(v, str)]

    def settings(self) -> NamingSettings:
        azure = self.flag("azure", False)
        mapping = self.values.get("verb-mapping")
        modeler = self.values.get("modelerfour")
        naming = modeler.get("naming") if isinstance(modeler, dict) else None
        preserve = naming.get("preserve-uppercase-max-length") if isinstance(naming, dict) else None
        return NamingSettings(
            azure=azure,
            prefix=self.text("prefix"),
            custom_function_prefix=self.text("customFunctionPrefix") or self.text("custom-function-prefix"),
            subject_prefix=self.text("subject-prefix"),
            verb_mapping=tuple(
                (str(k), str(v)) for k, v in (mapping.items() if isinstance(mapping, dict) else ()) if v
            ),
            sanitize_names=self.flag("sanitize-names", azure),
            support_json_input=self.flag("support-json-input", azure),
            enable_parent_pipeline_input=self.flag("enable-parent-pipeline-input", azure),
            enable_parent_pipeline_input_for_list=self.flag("enable-parent-pipeline-input-for-list", False),
            disable_via_identity=self.flag("disable-via-identity", False),
            disable_getput=self.flag("disable-getput", False),
            keep_identity_type=self.flag("keep-identitytype", False),
            keep_pec_and_plr=self.flag("keep-pec-and-plr", not azure),
            preserve_uppercase=int(preserve) if isinstance(preserve, int) and preserve > 0 else 3,
        )


def read_autorest_config(data: bytes, shown: str) -> AutoRestConfig:
    """Read a configuration file (YAML, or markdown with ```yaml blocks); never raises."""
    config = AutoRestConfig(path=shown)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        config.diagnostics.append(
            _at(
                shown,
                1,
                Severity.WARNING,
                "PG090",
                f"AutoRest configuration is not UTF-8 text (byte {error.start})",
            )
        )
        return config
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    markdown = (
        shown.lower().endswith((".md", ".markdown")) or re.search(r"^\s*(```|~~~)", text, re.M) is not None
    )
    blocks = _yaml_blocks(text) if markdown else [("", 1, text)]
    merged: dict[str, Any] = {"powershell": True}
    raw_directives: list[tuple[Any, int]] = []
    pending = list(blocks)
    # Unguarded blocks first, then guarded ones in file order against what is known by then.
    for guarded in (False, True):
        for guard, first_line, body in pending:
            if bool(guard) != guarded:
                continue
            if guard:
                verdict = _evaluate(guard, merged)
                if verdict is None:
                    config.diagnostics.append(
                        _at(
                            shown,
                            max(first_line - 1, 1),
                            Severity.INFO,
                            "PG097",
                            f"block condition `{guard[:80]}` not understood; block skipped",
                        )
                    )
                    continue
                if not verdict:
                    continue
            loaded = _load_block(body, shown, first_line, config)
            if loaded is None:
                continue
            values, lines = loaded
            for item, line in _directive_items(values.get("directive"), lines, first_line):
                raw_directives.append((item, line))
            _merge(merged, {k: v for k, v in values.items() if k != "directive"})
    merged.pop("powershell", None)
    config.values = merged
    for raw, line in raw_directives:
        directive = _directive(raw, line, shown, config.diagnostics)
        if directive is not None:
            config.directives.append(directive)
    return config


def _at(shown: str, line: int, severity: Severity, rule: str, message: str) -> Diagnostic:
    return Diagnostic(shown, max(line, 1), 1, severity, rule, message)


_FENCE = re.compile(r"^[ \t]*(```+|~~~+)[ \t]*([A-Za-z0-9_-]*)[ \t]*(.*?)[ \t]*$")


def _yaml_blocks(text: str) -> list[tuple[str, int, str]]:
    """(guard, first body line, body) of each ```yaml block."""
    blocks: list[tuple[str, int, str]] = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if match is None:
            i += 1
            continue
        fence, language, guard = match.group(1), match.group(2).lower(), match.group(3)
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not lines[j].strip().startswith(fence):
            body.append(lines[j])
            j += 1
        if language in ("yaml", "yml"):
            blocks.append((guard.strip(), i + 2, "\n".join(body)))
        i = j + 1
    return blocks


def _load_block(
    body: str, shown: str, first_line: int, config: AutoRestConfig
) -> tuple[dict[str, Any], Any] | None:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = True
    try:
        values = yaml.load(body)
    except RecursionError:
        config.diagnostics.append(
            _at(
                shown,
                first_line,
                Severity.WARNING,
                "PG090",
                "AutoRest configuration is nested too deeply to read",
            )
        )
        return None
    except Exception as error:  # noqa: BLE001 - ruamel's many error kinds all mean "not YAML"
        mark = getattr(error, "problem_mark", None)
        line = first_line + (getattr(mark, "line", 0) if mark is not None else 0)
        problem = getattr(error, "problem", None) or type(error).__name__
        config.diagnostics.append(
            _at(
                shown, line, Severity.WARNING, "PG090", f"AutoRest configuration is not valid YAML: {problem}"
            )
        )
        return None
    if values is None:
        return None
    if not isinstance(values, dict):
        config.diagnostics.append(
            _at(
                shown,
                first_line,
                Severity.WARNING,
                "PG090",
                "AutoRest configuration block is not a mapping of settings",
            )
        )
        return None
    return {str(k): v for k, v in values.items()}, values


def _directive_items(value: Any, holder: Any, first_line: int) -> list[tuple[Any, int]]:
    items = value if isinstance(value, list) else ([value] if value is not None else [])
    found = []
    for index, item in enumerate(items):
        line = first_line
        try:
            where: Any = value if isinstance(value, list) else holder  # ruamel's nodes keep `lc`
            line = first_line + (
                where.lc.item(index)[0] if isinstance(value, list) else where.lc.key("directive")[0]
            )
        except (AttributeError, KeyError, TypeError, IndexError):
            pass
        found.append((item, line))
    return found


def _merge(into: dict[str, Any], values: dict[str, Any]) -> None:
    for key, value in values.items():
        if key not in into:
            into[key] = _plain(value)
        elif isinstance(into[key], list) and isinstance(value, list):
            into[key].extend(v for v in _plain(value) if v not in into[key])
        elif isinstance(into[key], dict) and isinstance(value, dict):
            _merge(into[key], {str(k): v for k, v in value.items()})
        # otherwise the first value wins, as in AutoRest


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _interpolate(value: str, values: dict[str, Any], depth: int = 0) -> str:
    """`$(module-name).private` → `Foo.private`: AutoRest's references to other settings."""
    if "$(" not in value or depth > 8:
        return value

    def one(match: re.Match[str]) -> str:
        found = values.get(match.group(1))
        return _interpolate(found, values, depth + 1) if isinstance(found, str) else match.group(0)

    return re.sub(r"\$\(([A-Za-z0-9_.-]+)\)", one, value)


# -- block guards ------------------------------------------------------------------------------------

_GUARD_TOKEN = re.compile(
    r"\s*(\$\(([A-Za-z0-9_.-]+)\)|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|===|!==|==|!=|&&|\|\||!|\(|\)|true\b|false\b|-?\d+(?:\.\d+)?)"
)


def _evaluate(guard: str, values: dict[str, Any]) -> bool | None:
    """The truth of a block guard; None when it is not the small expression language AutoRest uses."""
    tokens: list[tuple[str, Any]] = []
    position = 0
    text = guard.strip()
    while position < len(text):
        match = _GUARD_TOKEN.match(text, position)
        if match is None:
            return None
        token = match.group(1)
        if match.group(2) is not None:
            tokens.append(("value", values.get(match.group(2))))
        elif token[0] in "'\"":
            tokens.append(("value", token[1:-1]))
        elif token in ("true", "false"):
            tokens.append(("value", token == "true"))
        elif token[0].isdigit() or token[0] == "-":
            tokens.append(("value", float(token)))
        else:
            tokens.append(("op", token))
        position = match.end()
    parser = _GuardParser(tokens)
    try:
        result = parser.either()
    except ValueError:
        return None
    if parser.index != len(tokens):
        return None
    return bool(result)


class _GuardParser:
    def __init__(self, tokens: list[tuple[str, Any]]) -> None:
        self.tokens = tokens
        self.index = 0

    def peek(self) -> tuple[str, Any] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self, op: str) -> bool:
        token = self.peek()
        if token is not None and token == ("op", op):
            self.index += 1
            return True
        return False

    def either(self) -> Any:
        left = self.both()
        while self.take("||"):
            right = self.both()
            left = left or right
        return left

    def both(self) -> Any:
        left = self.compare()
        while self.take("&&"):
            right = self.compare()
            left = left and right
        return left

    def compare(self) -> Any:
        left = self.unary()
        for op in ("===", "==", "!==", "!="):
            if self.take(op):
                right = self.unary()
                same = _loose(left) == _loose(right)
                return same if op in ("==", "===") else not same
        return left

    def unary(self) -> Any:
        if self.take("!"):
            return not self.unary()
        if self.take("("):
            value = self.either()
            if not self.take(")"):
                raise ValueError("unclosed (")
            return value
        token = self.peek()
        if token is None or token[0] != "value":
            raise ValueError("a value is expected")
        self.index += 1
        return token[1]


def _loose(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


# -- directives --------------------------------------------------------------------------------------


def _directive(raw: Any, line: int, shown: str, diagnostics: list[Diagnostic]) -> Directive | None:
    def note(message: str, severity: Severity = Severity.WARNING) -> None:
        diagnostics.append(_at(shown, line, severity, "PG097", message))

    if not isinstance(raw, dict):
        note("directive is not a mapping; ignored")
        return None
    raw = {str(k): v for k, v in raw.items()}
    unknown = [k for k in raw if k not in _DIRECTIVE_KEYS]
    if unknown:
        note(
            f"directive key {unknown[0]!r} is not one autorest.powershell applies (a declare-directive?); ignored",
            Severity.INFO,
        )
        if not any(k in raw for k in ("where", "transform", "set", "remove", "hide")):
            return None
    where = raw.get("where")
    source = _scalar(raw.get("from"))
    select = _scalar(raw.get("select"))
    transform = raw.get("transform")
    if isinstance(transform, list):
        transform = "\n".join(str(t) for t in transform)
    set_values = raw.get("set") if isinstance(raw.get("set"), dict) else {}
    hide = raw.get("hide") if isinstance(raw.get("hide"), bool) else (True if raw.get("hide") else None)
    remove = bool(raw.get("remove"))
    if isinstance(transform, str) and transform.strip():
        paths = tuple(
            _scalar(w) for w in (where if isinstance(where, list) else [where]) if isinstance(w, str)
        )
        if source in ("swagger-document", "openapi-document", "") and paths:
            return Directive(
                DirectiveKind.DOCUMENT,
                line,
                paths=paths,
                transform=transform,
                source=source or "swagger-document",
            )
        note(
            f"transform on `{source or '?'}` changes generated code, not the description; not applied",
            Severity.INFO,
        )
        return Directive(DirectiveKind.OTHER, line, transform=transform, source=source)
    if not isinstance(where, dict):
        if where is not None or set_values or remove or hide:
            note("directive has no `where:` mapping of selectors autorest.powershell knows; ignored")
        return Directive(DirectiveKind.OTHER, line, source=source)
    selectors = {str(k): _scalar(v) for k, v in where.items() if v is not None and _scalar(v) != ""}
    known = (*COMMAND_SELECTORS, *MODEL_SELECTORS, *ENUM_SELECTORS)
    strangers = [k for k in selectors if k not in known]
    command_keys = [k for k in COMMAND_SELECTORS if k in selectors]
    if not remove and (command_keys or hide or select in ("command", "parameter") or raw.get("clear-alias")):
        forbidden = [
            k for k in ("model-name", "property-name", "enum-name", "enum-value-name") if k in selectors
        ]
        if forbidden:
            note(
                f"command directive cannot filter by {forbidden[0]} (autorest.powershell rejects it); ignored"
            )
            return None
        if strangers:
            note(
                f"`where: {strangers[0]}` is not a selector autorest.powershell knows; it is ignored, so this directive "
                f"applies to {'every command' if not command_keys else 'the commands the other selectors pick'}",
                Severity.INFO,
            )
        return Directive(
            DirectiveKind.COMMAND,
            line,
            where={k: selectors[k] for k in command_keys},
            select=select,
            set=dict(set_values),
            hide=hide,
            source=source,
            clear_alias=bool(raw.get("clear-alias")),
        )
    if remove and (command_keys or select == "command") and select != "parameter":
        return Directive(
            DirectiveKind.REMOVE,
            line,
            where={k: selectors[k] for k in command_keys},
            select=select,
            source=source,
        )
    if set_values and (any(k in selectors for k in MODEL_SELECTORS) or select == "model"):
        return Directive(
            DirectiveKind.MODEL, line, where=selectors, select=select, set=dict(set_values), source=source
        )
    if set_values and (any(k in selectors for k in ENUM_SELECTORS) or select == "enum"):
        return Directive(
            DirectiveKind.ENUM, line, where=selectors, select=select, set=dict(set_values), source=source
        )
    note("directive matches none of autorest.powershell's directive forms; ignored")
    return None


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# -- document directives -----------------------------------------------------------------------------

_PATH_TARGET = r"\$((?:\.[A-Za-z_$][\w$-]*|\[\s*(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\s*\])*)"
_ASSIGN = re.compile(r"^" + _PATH_TARGET + r"\s*=\s*(.+?)$", re.S)
_DELETE = re.compile(r"^delete\s+" + _PATH_TARGET + r"$")
_MEMBER = re.compile(r"\.([A-Za-z_$][\w$-]*)|\[\s*('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\s*\]")


def apply_document_directives(parsed: ParsedDocument, config: AutoRestConfig) -> list[Diagnostic]:
    """Run the config's `from: swagger-document` transforms that are simple assignments; report the rest."""
    found: list[Diagnostic] = []
    for directive in config.directives:
        if directive.kind != DirectiveKind.DOCUMENT:
            continue
        if directive.source == "openapi-document" and parsed.format.value == "swagger2":
            found.append(_at(config.path, directive.line, Severity.WARNING, "PG097",
                             "transform on `openapi-document` (the converted OpenAPI 3 form) cannot be applied to a Swagger 2.0 file; not applied"))  # fmt: skip
            continue
        statements = _statements(directive.transform)
        if statements is None:
            found.append(_at(config.path, directive.line, Severity.WARNING, "PG097",
                             "transform is JavaScript beyond simple assignments; not applied"))  # fmt: skip
            continue
        matched = 0
        for path in directive.paths:
            try:
                nodes = jsonpath.select(parsed.root, path)
            except jsonpath.JsonPathError as error:
                found.append(
                    _at(
                        config.path,
                        directive.line,
                        Severity.WARNING,
                        "PG097",
                        f"JSONPath {path[:80]!r}: {error}; not applied",
                    )
                )
                continue
            for _parent, _key, node in nodes:
                matched += 1
                for statement in statements:
                    statement(node)
        if not matched:
            found.append(
                _at(
                    config.path,
                    directive.line,
                    Severity.INFO,
                    "PG097",
                    "transform's `where` selects nothing in the description",
                )
            )
    return found


def _statements(source: str) -> list[Any] | None:
    """Each simple statement of a transform as a function of the node; None if any is not simple."""
    text = re.sub(r"//[^\n]*", "", source)
    parts = [p.strip() for p in re.split(r";\s*|\n+", text) if p.strip()]
    found: list[Any] = []
    for part in parts:
        if re.fullmatch(r"return\s+\$", part):
            continue
        assign = _ASSIGN.match(part)
        if assign is not None:
            keys = _members(assign.group(1))
            try:
                value = _js_literal(assign.group(2).strip())
            except ValueError:
                return None
            if not keys:
                return None
            found.append(_setter(keys, value))
            continue
        delete = _DELETE.match(part)
        if delete is not None and _members(delete.group(1)):
            found.append(_deleter(_members(delete.group(1))))
            continue
        return None
    return found


def _members(text: str) -> list[str]:
    keys = []
    for match in _MEMBER.finditer(text):
        if match.group(1) is not None:
            keys.append(match.group(1))
        else:
            keys.append(json.loads(_double_quoted(match.group(2))))
    return keys


def _double_quoted(literal: str) -> str:
    if literal.startswith("'"):
        body = literal[1:-1].replace('\\"', '"').replace("\\'", "'")
        return json.dumps(body)
    return literal


def _js_literal(text: str) -> Any:
    if text[:1] in "'\"" and text[-1:] == text[:1] and len(text) >= 2:
        return json.loads(_double_quoted(text))
    if text in ("true", "false", "null"):
        return {"true": True, "false": False, "null": None}[text]
    try:
        return json.loads(text)  # numbers, and object/array literals written as JSON
    except ValueError as error:
        raise ValueError(text) from error


def _setter(keys: list[str], value: Any) -> Any:
    def run(node: Any) -> None:
        for key in keys[:-1]:
            if not isinstance(node, dict):
                return
            node = node.setdefault(key, {})
        if isinstance(node, dict):
            node[keys[-1]] = json.loads(json.dumps(value))  # a fresh copy for every node

    return run


def _deleter(keys: list[str]) -> Any:
    def run(node: Any) -> None:
        for key in keys[:-1]:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict):
            node.pop(keys[-1], None)

    return run


def read_autorest_description(data: bytes, shown: str, config: AutoRestConfig | None) -> ApiDescription:
    """Read a description the way AutoRest sees it: after the configuration's document directives."""
    parsed = parse_document(data, shown)
    if isinstance(parsed, ApiDescription):
        return parsed
    notes = apply_document_directives(parsed, config) if config is not None else []
    description = build_description(parsed)
    description.diagnostics.extend(notes)
    return description
