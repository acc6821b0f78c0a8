"""Hostile descriptions: the reader answers with diagnostics, never an exception, a hang or a recursion error."""

from __future__ import annotations

import json
import time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.api.autorest_config import read_autorest_config
from generator.api.model import ApiDescription, Kind
from generator.api.openapi import read_openapi
from support import CORPUS


def read(document: Any) -> ApiDescription:
    return read_openapi(json.dumps(document).encode(), "hostile.json")


def test_deeply_nested_json_is_pg090_not_a_recursion_error() -> None:
    description = read_openapi(b"[" * 200_000 + b"]" * 200_000, "deep.json")
    assert [d.rule for d in description.diagnostics] == ["PG090"]


def test_deeply_nested_yaml_is_pg090() -> None:
    description = read_openapi(b"a: " + b"[" * 5_000 + b"]" * 5_000, "deep.yaml")
    assert [d.rule for d in description.diagnostics] == ["PG090"]


def test_inline_schemas_nested_hundreds_deep_are_cut_off_as_any() -> None:
    depth = 450  # 900 JSON levels: as deep as json.loads itself goes
    text = '{"swagger": "2.0", "paths": {}, "definitions": {"top": ' + '{"properties": {"x": ' * depth
    text += '{"type": "string"}' + "}}" * depth + "}}"
    description = read_openapi(text.encode(), "deep.json")
    assert any("nested more than" in d.message for d in description.diagnostics)


def test_a_chain_of_ten_thousand_schemas_each_referring_to_the_next() -> None:
    definitions = {
        f"s{i}": {"type": "object", "properties": {"next": {"$ref": f"#/definitions/s{i + 1}"}}}
        for i in range(10_000)
    }
    definitions["s10000"] = {"type": "string"}  # an alias at the end of the chain
    description = read({"swagger": "2.0", "paths": {}, "definitions": definitions})
    assert len(description.schemas) == 10_000
    assert description.schemas["s9999"].properties["next"].type.kind is Kind.STRING
    assert list(description.schemas)[:3] == ["s0", "s1", "s2"]


def test_a_long_chain_of_aliases_and_a_circle_of_refs() -> None:
    definitions: dict[str, Any] = {f"a{i}": {"$ref": f"#/definitions/a{i + 1}"} for i in range(5_000)}
    definitions["a5000"] = {"$ref": "#/definitions/a0"}
    definitions["user"] = {"type": "object", "properties": {"p": {"$ref": "#/definitions/a0"}}}
    description = read({"swagger": "2.0", "paths": {}, "definitions": definitions})
    assert description.schemas["user"].properties["p"].type.kind is Kind.ANY
    assert {d.rule for d in description.diagnostics} == {"PG091"}


def test_a_hundred_thousand_refs_to_one_schema_are_read_quickly() -> None:
    properties = {f"p{i}": {"$ref": "#/definitions/leaf"} for i in range(100_000)}
    started = time.perf_counter()
    description = read(
        {
            "swagger": "2.0",
            "paths": {},
            "definitions": {
                "leaf": {"type": "object", "properties": {"a": {"type": "string"}}},
                "big": {"properties": properties},
            },
        }
    )
    assert len(description.schemas["big"].properties) == 100_000
    assert time.perf_counter() - started < 10


def test_a_yaml_alias_circle_does_not_loop() -> None:
    text = b"swagger: '2.0'\npaths: {}\ndefinitions:\n  a: &loop\n    type: object\n    properties:\n      self: *loop\n"
    description = read_openapi(text, "loop.yaml")
    assert "a" in description.schemas


def test_many_yaml_aliases_of_one_big_schema_are_read_once() -> None:
    lines = [
        "swagger: '2.0'",
        "paths: {}",
        "definitions:",
        "  big: &big",
        "    type: object",
        "    properties:",
    ]
    lines += [f"      p{i}: {{type: string}}" for i in range(2_000)]
    lines += [f"  user{i}: {{type: object, properties: {{x: *big}}}}" for i in range(2_000)]
    started = time.perf_counter()
    description = read_openapi("\n".join(lines).encode(), "aliases.yaml")
    assert description.schemas["user1999"].properties["x"].type.kind is Kind.REF
    assert time.perf_counter() - started < 20


VALID = {
    "swagger": "2.0",
    "info": {"title": "T", "version": "1"},
    "host": "example.com",
    "securityDefinitions": {"k": {"type": "apiKey", "in": "header", "name": "k"}},
    "x-ms-parameterized-host": {
        "hostTemplate": "{h}.example.com",
        "parameters": [{"name": "h", "in": "path", "enum": ["a"]}],
    },
    "parameters": {"Id": {"name": "id", "in": "path", "required": True, "type": "string"}},
    "paths": {
        "/things/{id}": {
            "parameters": [{"$ref": "#/parameters/Id"}],
            "get": {
                "operationId": "Thing_Get",
                "security": [{"k": []}],
                "responses": {"200": {"description": "", "schema": {"$ref": "#/definitions/thing"}}},
            },
            "put": {
                "operationId": "Thing_Set",
                "parameters": [{"name": "body", "in": "body", "schema": {"$ref": "#/definitions/thing"}}],
                "responses": {"204": {"description": ""}},
            },
        }
    },
    "definitions": {
        "thing": {
            "type": "object",
            "required": ["id"],
            "properties": {
                "id": {"type": "string"},
                "tags": {"type": "array", "items": {"type": "string", "enum": ["a"]}},
            },
        },
        "kind": {"type": "string", "enum": ["x", "y"], "x-ms-enum": {"name": "Kind", "modelAsString": True}},
    },
}

junk = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=10,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_paths(value, (*prefix, index)))
    return found


PLACES = _paths(VALID)[1:]


def _replaced(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(document))
    node = copy
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return copy


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PLACES), junk), min_size=1, max_size=4))
def test_wrong_types_anywhere_never_raise(changes: list[tuple[tuple[Any, ...], Any]]) -> None:
    document: Any = VALID
    for path, value in changes:
        try:
            document = _replaced(document, path, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed the place
    description = read(document)
    assert isinstance(description, ApiDescription)
    for diagnostic in description.diagnostics:
        assert diagnostic.rule in ("PG090", "PG091") and diagnostic.line >= 1


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    assert isinstance(read_openapi(data, "bytes.json"), ApiDescription)
    assert read_autorest_config(data, "readme.md").path == "readme.md"


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=1_000_000), st.binary(min_size=1, max_size=20))
def test_corrupted_corpus_description_never_raises(offset: int, noise: bytes) -> None:
    data = (CORPUS / "api" / "jumpcloud" / "JumpCloud.SDK.DirectoryInsights.json").read_bytes()
    position = offset % len(data)
    description = read_openapi(data[:position] + noise + data[position + len(noise) :], "corrupt.json")
    assert isinstance(description, ApiDescription)
