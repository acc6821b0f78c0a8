"""Reading OpenAPI 3 and Swagger 2.0: one small description per rule, next to what it must read as."""

from __future__ import annotations

import json
import textwrap
from typing import Any

import pytest

from generator.api.model import ApiDescription, ApiType, Format, Kind, Location, SchemeKind
from generator.api.openapi import read_openapi


def swagger(**parts: Any) -> bytes:
    return json.dumps(
        {"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {}, **parts}, indent=2
    ).encode()


def openapi(**parts: Any) -> bytes:
    return json.dumps(
        {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {}, **parts}, indent=2
    ).encode()


def rules(description: ApiDescription) -> list[str]:
    return [d.rule for d in description.diagnostics]


def test_swagger_operation_with_path_level_parameters_merged_under_its_own() -> None:
    doc = swagger(
        paths={
            "/things/{thing_id}": {
                "parameters": [
                    {"name": "thing_id", "in": "path", "required": True, "type": "string"},
                    {"name": "limit", "in": "query", "type": "integer", "description": "path level"},
                ],
                "get": {
                    "operationId": "Thing_Get",
                    "parameters": [
                        {
                            "name": "limit",
                            "in": "query",
                            "type": "integer",
                            "format": "int32",
                            "description": "own",
                        }
                    ],
                    "responses": {"200": {"description": "", "schema": {"type": "string"}}},
                },
            }
        }
    )
    (operation,) = read_openapi(doc, "t.json").operations
    assert (operation.method, operation.path, operation.operation_id) == (
        "GET",
        "/things/{thing_id}",
        "Thing_Get",
    )
    assert [(p.name, p.location) for p in operation.parameters] == [
        ("thing_id", Location.PATH),
        ("limit", Location.QUERY),
    ]
    limit = operation.parameters[1]
    assert (limit.description, limit.type) == ("own", ApiType(Kind.INTEGER, format="int32"))
    assert operation.path_parameters[0].required


def test_origins_are_the_lines_of_the_operation_and_the_schema_in_the_text() -> None:
    doc = swagger(
        paths={"/a": {"post": {"operationId": "A_Create", "responses": {"204": {"description": ""}}}}},
        definitions={"user": {"type": "object", "properties": {"name": {"type": "string"}}}},
    )
    text = doc.decode().split("\n")
    description = read_openapi(doc, "t.json")
    post_line = next(n for n, line in enumerate(text, 1) if '"post"' in line)
    user_line = next(n for n, line in enumerate(text, 1) if '"user"' in line)
    name_line = next(n for n, line in enumerate(text, 1) if '"name"' in line)
    assert description.operations[0].origin == f"t.json:{post_line}"
    assert description.schemas["user"].origin == f"t.json:{user_line}"
    assert description.schemas["user"].properties["name"].origin == f"t.json:{name_line}"


def test_refs_to_parameters_responses_and_definitions_resolve() -> None:
    doc = swagger(
        parameters={
            "Id": {
                "name": "id",
                "in": "path",
                "required": True,
                "type": "string",
                "x-ms-client-name": "thingId",
            }
        },
        responses={"Ok": {"description": "", "schema": {"$ref": "#/definitions/thing"}}},
        definitions={"thing": {"type": "object", "properties": {"id": {"type": "string", "readOnly": True}}}},
        paths={
            "/things/{id}": {
                "get": {
                    "operationId": "Thing_Get",
                    "parameters": [{"$ref": "#/parameters/Id"}],
                    "responses": {"200": {"$ref": "#/responses/Ok"}},
                }
            }
        },
    )
    (operation,) = read_openapi(doc, "t.json").operations
    assert operation.parameters[0].client_name == "thingId"
    assert operation.response == ApiType(Kind.REF, ref="thing")


def test_all_of_gives_the_base_and_adds_the_inline_parts_properties() -> None:
    doc = swagger(
        definitions={
            "base": {"type": "object", "properties": {"id": {"type": "string"}}},
            "user": {
                "allOf": [
                    {"$ref": "#/definitions/base"},
                    {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]},
                ],
                "properties": {"age": {"type": "integer", "x-nullable": True}},
            },
        }
    )
    user = read_openapi(doc, "t.json").schemas["user"]
    assert user.base == "base"
    assert list(user.properties) == ["name", "age"]
    assert user.properties["name"].required
    assert user.properties["age"].type.nullable


def test_inline_objects_become_schemas_named_after_where_they_sit() -> None:
    doc = swagger(
        definitions={
            "user": {
                "type": "object",
                "properties": {
                    "address": {"type": "object", "properties": {"city": {"type": "string"}}},
                    "tags": {"type": "object", "additionalProperties": {"type": "string"}},
                    "extra": {"type": "object"},
                    "phones": {
                        "type": "array",
                        "items": {"type": "object", "properties": {"number": {"type": "string"}}},
                    },
                },
                "additionalProperties": True,
            }
        }
    )
    description = read_openapi(doc, "t.json")
    user = description.schemas["user"]
    assert user.open
    assert user.properties["address"].type == ApiType(Kind.REF, ref="user.address")
    assert list(description.schemas["user.address"].properties) == ["city"]
    assert user.properties["tags"].type == ApiType(Kind.MAP, items=ApiType(Kind.STRING))
    assert user.properties["extra"].type == ApiType(Kind.OBJECT)
    assert user.properties["phones"].type == ApiType(Kind.ARRAY, items=ApiType(Kind.REF, ref="user.phones[]"))


def test_enums_inline_named_by_x_ms_enum_and_evolvable_when_model_as_string() -> None:
    doc = swagger(
        definitions={
            "state": {
                "type": "string",
                "enum": ["on", "off"],
                "x-ms-enum": {"name": "State", "modelAsString": True},
            },
            "thing": {
                "type": "object",
                "properties": {
                    "kind": {"type": "string", "enum": ["a", "b", None]},
                    "level": {
                        "type": "string",
                        "enum": ["low", "high"],
                        "x-ms-enum": {"name": "Level", "modelAsString": False},
                    },
                    "state": {"$ref": "#/definitions/state"},
                },
            },
        }
    )
    description = read_openapi(doc, "t.json")
    assert description.schemas["state"].enum == ("on", "off") and description.schemas["state"].evolvable
    thing = description.schemas["thing"].properties
    assert thing["kind"].type == ApiType(Kind.STRING, enum=("a", "b"), nullable=True)
    assert thing["level"].type == ApiType(Kind.REF, ref="Level")
    assert description.schemas["Level"].enum == ("low", "high") and not description.schemas["Level"].evolvable


def test_aliases_are_inlined_and_recursive_schemas_refer_to_themselves() -> None:
    doc = swagger(
        definitions={
            "ids": {"type": "array", "items": {"type": "string", "format": "uuid"}},
            "node": {
                "type": "object",
                "properties": {
                    "children": {"type": "array", "items": {"$ref": "#/definitions/node"}},
                    "ids": {"$ref": "#/definitions/ids"},
                },
            },
        }
    )
    description = read_openapi(doc, "t.json")
    assert "ids" not in description.schemas
    node = description.schemas["node"].properties
    assert node["children"].type == ApiType(Kind.ARRAY, items=ApiType(Kind.REF, ref="node"))
    assert node["ids"].type == ApiType(Kind.ARRAY, items=ApiType(Kind.STRING, format="uuid"))
    assert rules(description) == []


def test_swagger_servers_parameterized_host_first_then_host_and_base_path() -> None:
    doc = swagger(
        host="console.example.com",
        basePath="/api/v2/",
        schemes=["http", "https"],
        **{
            "x-ms-parameterized-host": {
                "hostTemplate": "{consoleHost}.example.com",
                "parameters": [
                    {"$ref": "#/parameters/consoleHost"},
                    {"name": "region", "in": "path", "required": True, "type": "string", "default": "eu"},
                ],
            }
        },
        parameters={
            "consoleHost": {
                "name": "consoleHost",
                "in": "path",
                "required": True,
                "type": "string",
                "enum": ["console", "console.eu"],
                "x-ms-parameter-location": "client",
            }
        },
    )
    servers = read_openapi(doc, "t.json").servers
    assert servers[0].url == "https://{consoleHost}.example.com/api/v2"
    assert [(v.name, v.default, v.enum) for v in servers[0].variables] == [
        ("consoleHost", "console", ("console", "console.eu")),
        ("region", "eu", ()),
    ]
    assert [s.url for s in servers[1:]] == [
        "https://console.example.com/api/v2",
        "http://console.example.com/api/v2",
    ]


def test_security_definitions_global_and_per_operation() -> None:
    doc = swagger(
        securityDefinitions={
            "key": {"type": "apiKey", "in": "header", "name": "x-api-key"},
            "oauth": {
                "type": "oauth2",
                "flow": "implicit",
                "authorizationUrl": "https://x",
                "scopes": {"read": "", "write": ""},
            },
        },
        security=[{"key": []}],
        paths={
            "/a": {
                "get": {
                    "operationId": "A_List",
                    "security": [{"oauth": ["read"]}, {}],
                    "responses": {"200": {"description": ""}},
                }
            }
        },
    )
    description = read_openapi(doc, "t.json")
    key = description.security_schemes["key"]
    assert (key.kind, key.location, key.parameter) == (SchemeKind.API_KEY, "header", "x-api-key")
    assert description.security_schemes["oauth"].scopes == ("read", "write")
    assert description.security == ((("key", ()),),)
    assert description.operations[0].security == ((("oauth", ("read",)),), ())
    assert description.operations[0].no_content  # a 2xx without a schema


def test_openapi3_request_body_response_servers_nullable_and_pageable() -> None:
    doc = openapi(
        servers=[
            {
                "url": "https://{region}.example.com/v1/",
                "variables": {"region": {"default": "us", "enum": ["us", "eu"]}},
            }
        ],
        components={
            "schemas": {
                "Pet": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string", "nullable": True},
                        "tag": {"type": ["string", "null"]},
                    },
                }
            },
            "requestBodies": {
                "PetBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}},
                }
            },
            "securitySchemes": {"bearer": {"type": "http", "scheme": "Bearer"}},
        },
        paths={
            "/pets": {
                "post": {
                    "operationId": "Pets_Create",
                    "requestBody": {"$ref": "#/components/requestBodies/PetBody"},
                    "responses": {
                        "201": {
                            "description": "",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}},
                        },
                        "204": {"description": ""},
                    },
                },
                "get": {
                    "operationId": "Pets_List",
                    "x-ms-pageable": {"nextLinkName": "nextLink"},
                    "responses": {"200": {"description": ""}},
                },
            }
        },
    )
    description = read_openapi(doc, "t.json")
    assert description.format is Format.OPENAPI3
    create, listing = description.operations
    assert (create.body, create.body_required, create.body_name) == (
        ApiType(Kind.REF, ref="Pet"),
        True,
        "body",
    )
    assert create.response == ApiType(Kind.REF, ref="Pet") and create.no_content
    assert listing.pageable == "nextLink"
    pet = description.schemas["Pet"].properties
    assert (
        pet["name"].required
        and pet["name"].type.nullable
        and pet["tag"].type == ApiType(Kind.STRING, nullable=True)
    )
    assert description.servers[0].url == "https://{region}.example.com/v1"
    assert description.servers[0].variables[0].default == "us"
    assert description.security_schemes["bearer"].scheme == "bearer"


def test_yaml_descriptions_are_read_with_lines() -> None:
    doc = textwrap.dedent("""\
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /things:
            get:
              operationId: Things_List
              responses:
                200:
                  description: ok
                  content:
                    application/json:
                      schema: {type: array, items: {type: string}}
        """).encode()
    description = read_openapi(doc, "t.yaml")
    (operation,) = description.operations
    assert operation.origin == "t.yaml:5"
    assert operation.response == ApiType(Kind.ARRAY, items=ApiType(Kind.STRING))


@pytest.mark.parametrize(
    ("data", "line", "fragment"),
    [
        (b'{"swagger": "2.0",\n  "paths": {,}}', 2, "not valid JSON"),
        (b"a: [1,\n b: 2", 2, "valid YAML"),
        (b"[1, 2]", 1, "not an object"),
        (b'{"swagger": "1.2"}', 1, "unknown Swagger version"),
        (b'{"openapi": "4.0"}', 1, "unknown OpenAPI version"),
        (b'{"info": {}}', 1, "not an API description"),
        (b"\xff\xfe\x00", 1, "not UTF-8"),
        (b"", 1, "empty"),
    ],
)
def test_unreadable_documents_are_pg090_with_the_line(data: bytes, line: int, fragment: str) -> None:
    description = read_openapi(data, "bad.json")
    (diagnostic,) = description.diagnostics
    assert (diagnostic.rule, diagnostic.line) == ("PG090", line)
    assert fragment in diagnostic.message
    assert description.operations == []


def test_bad_parts_are_pg091_and_skipped_or_any() -> None:
    doc = swagger(
        definitions={
            "a": {"$ref": "#/definitions/b"},
            "b": {"$ref": "#/definitions/a"},
            "c": {
                "type": "object",
                "properties": {
                    "x": {"$ref": "#/definitions/missing"},
                    "y": {"$ref": "other.json#/z"},
                    "z": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
                    "w": 5,
                },
            },
        },
        paths={
            "/a": {
                "get": {"responses": {}},
                "put": {
                    "operationId": "A_Set",
                    "parameters": [{"in": "query"}, {"name": "q", "in": "nowhere"}],
                    "responses": {},
                },
            },
            "/b": "nonsense",
        },
    )
    description = read_openapi(doc, "t.json")
    assert [o.operation_id for o in description.operations] == ["", "A_Set"]
    assert description.operations[1].parameters == []
    c = description.schemas["c"].properties
    assert all(c[name].type.kind is Kind.ANY for name in "xyzw")
    messages = " | ".join(d.message for d in description.diagnostics)
    for fragment in (
        "no operationId",
        "circle",
        "#/definitions/missing leads nowhere",
        "outside this document",
        "oneOf",
        "no `name`",
        "nowhere",
        "not an object",
        "not a schema",
    ):
        assert fragment in messages, fragment
    assert set(rules(description)) == {"PG091"}
