"""PARAMETERS: `### -Name` blocks with a description and one or more YAML blocks.

Two layouts exist. platyPS schema 2.0.0 writes `Key: value` lines whose values are not YAML
(`Default value: @{}`, `Required: True (SetA), False (SetB)`), so they are read as raw strings.
The 2024-05-01 layout is real YAML (lists of parameter sets) and is read with ruamel.yaml.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from generator.diagnostics import DiagnosticSink
from generator.ir import Parameter, SetMembership, TypeRef
from generator.read.document import Block, Section
from generator.read.placeholders import clean_text
from generator.read.source import Source, split_lines
from generator.read.typeref import parse_type

ALL_SETS = "*"

_V2_KEYS = {
    "type",
    "parameter sets",
    "aliases",
    "required",
    "position",
    "default value",
    "accept pipeline input",
    "accept wildcard characters",
    "accepted values",
    "applicable",
    "dontshow",
}
_V3_KEYS = {
    "type",
    "defaultvalue",
    "supportswildcards",
    "aliases",
    "parametersets",
    "dontshow",
    "acceptedvalues",
    "helpmessage",
    "parametervalue",
}
_V3_SET_KEYS = {
    "name",
    "position",
    "isrequired",
    "valuefrompipeline",
    "valuefrompipelinebypropertyname",
    "valuefromremainingarguments",
}
_QUALIFIED = re.compile(r"([^,(]+?)\s*(?:\(([^)]*)\))?\s*(?:,|$)")


@dataclass
class _Block:
    """One YAML block, normalised to the same shape for both layouts."""

    line: int
    type: str | None = None
    type_at: tuple[int, int] = (0, 1)  # line and column of the type's value, for PG021
    aliases: list[str] = field(default_factory=list)
    sets: list[SetMembership] = field(default_factory=list)
    default_value: str | None = None
    supports_wildcards: bool = False
    accepted_values: list[str] = field(default_factory=list)
    dont_show: bool = False
    help_message: str | None = None


def read_parameters(source: Source, section: Section, sink: DiagnosticSink) -> list[Parameter]:
    parameters: list[Parameter] = []
    for part in section.subsections():
        if not part.heading:
            continue
        name = part.heading.strip().lstrip("-").strip()
        if name.upper() == "COMMONPARAMETERS" or name.startswith("-") or name.upper().startswith("EXAMPLE"):
            continue
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            sink.warning("PG021", part.line, f"parameter heading {part.heading!r} is not a parameter name")
            continue
        parameters.append(_read_parameter(source, name, part, sink))
    return parameters


def _read_parameter(source: Source, name: str, part: Section, sink: DiagnosticSink) -> Parameter:
    yaml_blocks = [b for b in part.blocks if b.kind == "code" and b.info.lower() in ("yaml", "yml", "")]
    first_code = next((b.line for b in part.blocks if b.kind == "code"), part.end + 1)
    description = clean_text("\n".join(source.span(part.line + 1, first_code - 1)), part.line + 1, sink)
    blocks = [_read_block(block, sink) for block in yaml_blocks]
    if not blocks:
        sink.warning("PG035", part.line, f"parameter -{name} has no YAML block")
    type_ref: TypeRef | None = None
    for block in blocks:
        if block.type and type_ref is None:
            type_ref, error = parse_type(block.type)
            if error:
                sink.warning("PG021", block.type_at[0], error, block.type_at[1])
    merged = _merge_sets([s for block in blocks for s in block.sets])
    return Parameter(
        name=name,
        description=description,
        type=type_ref,
        aliases=_unique(a for block in blocks for a in block.aliases),
        sets=merged,
        default_value=next((b.default_value for b in blocks if b.default_value is not None), None),
        supports_wildcards=any(b.supports_wildcards for b in blocks),
        accepted_values=_unique(v for block in blocks for v in block.accepted_values),
        dont_show=any(b.dont_show for b in blocks),
        help_message=next((b.help_message for b in blocks if b.help_message), None),
        line=part.line,
    )


def _read_block(block: Block, sink: DiagnosticSink) -> _Block:
    lowered = block.text.lower()
    if "parametersets:" in lowered or "isrequired:" in lowered or "defaultvalue:" in lowered:
        return _read_v3(block, sink)
    return _read_v2(block, sink)


def _read_v2(block: Block, sink: DiagnosticSink) -> _Block:
    values: dict[str, str] = {}
    places: dict[str, tuple[int, int]] = {}
    for offset, raw in enumerate(split_lines(block.text)):
        number = block.line + 1 + offset
        if not raw.strip():
            continue
        key, sep, value = raw.partition(":")
        key = key.strip().lower()
        if not sep or not key:
            sink.warning("PG032", number, f"line is not `Key: value`: {raw.strip()!r}")
            continue
        if key not in _V2_KEYS:
            sink.warning("PG034", number, f"unknown parameter key {raw.partition(':')[0].strip()!r}")
            continue
        if key in values:
            sink.warning(
                "PG033", number, f"duplicate key {raw.partition(':')[0].strip()!r}; the last value wins"
            )
        values[key] = value.strip()
        places[key] = (number, _value_column(raw))
    result = _Block(block.line)
    result.type = values.get("type") or None
    result.type_at = places.get("type", (block.line, 1))
    result.aliases = _split_list(values.get("aliases", ""))
    default = values.get("default value", "")
    result.default_value = None if default in ("", "None") else default
    result.supports_wildcards = values.get("accept wildcard characters", "").lower().startswith("true")
    result.accepted_values = _split_list(values.get("accepted values", ""))
    result.dont_show = values.get("dontshow", "").lower().startswith("true")
    set_names = _split_list(values.get("parameter sets", "")) or [ALL_SETS]
    set_names = [ALL_SETS if s.lower() == "(all)" else s for s in set_names]
    required = _qualified(values.get("required", "False"))
    position = _qualified(values.get("position", "Named"))
    pipeline = values.get("accept pipeline input", "False")
    by_value = pipeline.lower().startswith("true") and ("byvalue" in pipeline.lower() or "(" not in pipeline)
    by_name = pipeline.lower().startswith("true") and "bypropertyname" in pipeline.lower()
    for set_name in set_names:
        result.sets.append(
            SetMembership(
                set_name=set_name,
                required=_lookup(required, set_name, "False").lower() == "true",
                position=_lookup(position, set_name, "Named"),
                value_from_pipeline=by_value,
                value_from_pipeline_by_property_name=by_name,
            )
        )
    return result


def _qualified(value: str) -> dict[str, str]:
    """`True (SetA, SetB), False (SetC)` → {SetA: True, SetB: True, SetC: False}; `True` → {*: True}."""
    result: dict[str, str] = {}
    for match in _QUALIFIED.finditer(value):
        word, sets = match.group(1).strip(), match.group(2)
        if not word:
            continue
        if sets is None or sets.strip().lower() in ("", "(all)", "all"):
            result.setdefault(ALL_SETS, word)
        else:
            for set_name in _split_list(sets):
                result[set_name] = word
    return result


def _lookup(values: dict[str, str], set_name: str, default: str) -> str:
    return values.get(set_name, values.get(ALL_SETS, default))


def _read_v3(block: Block, sink: DiagnosticSink) -> _Block:
    data = _load_yaml(block, sink)
    result = _Block(block.line)
    if not isinstance(data, dict):
        if data is not None:
            sink.warning("PG032", block.line + 1, "parameter YAML is not a mapping")
        return result
    for key in data:
        if str(key).lower() not in _V3_KEYS:
            sink.warning(
                "PG034", block.line + 1 + _key_line(block, key), f"unknown parameter key {str(key)!r}"
            )
    lowered = {str(k).lower(): v for k, v in data.items()}
    result.type = _scalar(lowered.get("type")) or None
    type_key = next((k for k in data if str(k).lower() == "type"), None)
    if type_key is not None:
        offset = _key_line(block, type_key)
        result.type_at = (block.line + 1 + offset, _value_column(split_lines(block.text)[offset]))
    default = _scalar(lowered.get("defaultvalue"))
    result.default_value = None if default in ("", "None") else default
    result.supports_wildcards = _flag(lowered.get("supportswildcards"))
    result.aliases = _string_list(lowered.get("aliases"))
    result.accepted_values = _string_list(lowered.get("acceptedvalues"))
    result.dont_show = _flag(lowered.get("dontshow"))
    result.help_message = _scalar(lowered.get("helpmessage")) or None
    sets = lowered.get("parametersets")
    for entry in sets if isinstance(sets, list) else []:
        if not isinstance(entry, dict):
            sink.warning("PG032", block.line + 1, f"parameter set entry is not a mapping: {entry!r}")
            continue
        fields = {str(k).lower(): v for k, v in entry.items()}
        for key, original in ((str(k).lower(), k) for k in entry):
            if key not in _V3_SET_KEYS:
                line = block.line + 1 + _key_line(block, original, nested=True)
                sink.warning("PG034", line, f"unknown parameter set key {key!r}")
        name = _scalar(fields.get("name")) or ALL_SETS
        result.sets.append(
            SetMembership(
                set_name=ALL_SETS if name.lower() == "(all)" else name,
                required=_flag(fields.get("isrequired")),
                position=_scalar(fields.get("position")) or "Named",
                value_from_pipeline=_flag(fields.get("valuefrompipeline")),
                value_from_pipeline_by_property_name=_flag(fields.get("valuefrompipelinebypropertyname")),
                value_from_remaining_arguments=_flag(fields.get("valuefromremainingarguments")),
            )
        )
    if not result.sets:
        result.sets.append(SetMembership(ALL_SETS, required=False))
    return result


class _LastValueWins(SafeConstructor):
    """ruamel's allow_duplicate_keys keeps the first value; PG033 (and the 2.0.0 reader) keep the last."""

    def check_mapping_key(self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any) -> bool:
        return True


@dataclass(frozen=True)
class _Parsed:
    """What ruamel made of one YAML text; lines are offsets into the text, not file lines."""

    data: Any = None
    duplicate_line: int | None = None  # PG033: a key repeated, the last value kept
    error_line: int | None = None  # PG032
    error_column: int = 1
    error: str = ""


def _load_yaml(block: Block, sink: DiagnosticSink) -> Any:
    parsed = _parse_yaml(block.text)
    if parsed.duplicate_line is not None:
        sink.warning(
            "PG033",
            block.line + 1 + parsed.duplicate_line,
            "duplicate key in parameter YAML; the last value wins",
        )
    if parsed.error_line is not None:
        sink.warning("PG032", block.line + 1 + parsed.error_line, parsed.error, parsed.error_column)
    return parsed.data


@functools.lru_cache(maxsize=4096)
def _parse_yaml(text: str) -> _Parsed:
    """Memoised: the same blocks (-Break, -Headers, -Proxy, ...) recur in nearly every file of a module.

    The data is shared between callers, which only read it.
    """
    yaml = YAML(typ="safe", pure=True)
    try:
        return _Parsed(yaml.load(text))
    except DuplicateKeyError as exc:
        duplicate = exc.problem_mark.line if exc.problem_mark else 0
        # A YAML instance keeps its constructor once used: the duplicate-tolerant load needs a new one.
        lenient = YAML(typ="safe", pure=True)
        lenient.Constructor = _LastValueWins
        try:
            return _Parsed(lenient.load(text), duplicate_line=duplicate)
        except YAMLError:
            return _Parsed(duplicate_line=duplicate)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        return _Parsed(
            error_line=mark.line if mark else 0,
            error_column=(mark.column + 1) if mark else 1,
            error=f"invalid parameter YAML: {exc.problem or exc.context}",
        )
    except YAMLError as exc:
        return _Parsed(error_line=0, error=f"invalid parameter YAML: {exc}")


def _key_line(block: Block, key: Any, nested: bool = False) -> int:
    """Offset of the line defining key in the block (safe-loaded YAML keeps no line marks); 0 if not found."""
    for offset, raw in enumerate(split_lines(block.text)):
        text = raw.strip().removeprefix("- ").strip() if nested else raw
        if (nested or not raw[:1].isspace()) and text.partition(":")[0].strip() == str(key):
            return offset
    return 0


def _value_column(raw: str) -> int:
    """The 1-based column where the value of a `key: value` line starts."""
    value = raw.partition(":")[2]
    return len(raw) - len(value.lstrip()) + 1


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, (list, dict)):
        return ""
    return str(value).strip()


def _flag(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _string_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [_scalar(v) for v in value if _scalar(v)]
    return _split_list(_scalar(value))


def _split_list(value: str) -> list[str]:
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1]
    return [item.strip() for item in value.split(",") if item.strip() and item.strip().lower() != "none"]


def _merge_sets(sets: list[SetMembership]) -> list[SetMembership]:
    """Several YAML blocks under one parameter describe different sets: keep each set once."""
    merged: dict[str, SetMembership] = {}
    for membership in sets:
        merged.setdefault(membership.set_name, membership)
    return list(merged.values())


def _unique(items: Any) -> list[str]:
    return list(dict.fromkeys(items))
