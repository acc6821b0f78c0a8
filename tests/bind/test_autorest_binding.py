"""The binder on small inline modules: what binds, what does not and why, and the disagreements it reports."""

from __future__ import annotations

import json
from typing import Any

from generator.api.autorest_config import read_autorest_config
from generator.api.openapi import read_openapi
from generator.bind.autorest import bind_autorest, sample_agrees
from generator.ir import Cmdlet
from generator.read.reader import read_bytes

DESCRIPTION: dict[str, Any] = {
    "swagger": "2.0",
    "host": "api.example.com",
    "basePath": "/v2",
    "x-ms-parameterized-host": {
        "hostTemplate": "{region}.example.com",
        "parameters": [
            {
                "name": "region",
                "in": "path",
                "required": True,
                "type": "string",
                "x-ms-parameter-location": "client",
            }
        ],
    },
    "paths": {
        "/devices": {
            "get": {
                "operationId": "Devices_List",
                "parameters": [{"name": "filter", "in": "query", "type": "string"}],
                "responses": {"200": {"description": ""}},
            }
        },
        "/devices/{device_id}": {
            "parameters": [{"name": "device_id", "in": "path", "required": True, "type": "string"}],
            "get": {
                "operationId": "Devices_Get",
                "parameters": [{"name": "view", "in": "query", "required": True, "type": "string"}],
                "responses": {"200": {"description": ""}},
            },
        },
        "/devices/{device_id}/lock": {
            "parameters": [{"name": "device_id", "in": "path", "required": True, "type": "string"}],
            "post": {
                "operationId": "Devices_Lock",
                "parameters": [{"name": "body", "in": "body", "schema": {"$ref": "#/definitions/lock"}}],
                "responses": {"204": {"description": ""}},
            },
        },
    },
    "definitions": {
        "lock": {
            "type": "object",
            "properties": {
                "pin": {"type": "string"},
                "reason": {"type": "object", "properties": {"text": {"type": "string"}}},
            },
        }
    },
}


def help_file(name: str, sets: dict[str, str], sample: str = "", notes: str = "") -> Cmdlet:
    """A platyPS help file with one syntax block per set (`sets`: set name → its parameters)."""
    syntax = "\n".join(
        f"### {set_name}\n```\n{name} {params} [<CommonParameters>]\n```\n"
        for set_name, params in sets.items()
    )
    if len(sets) == 1 and "" in sets:
        syntax = f"```\n{name} {sets['']} [<CommonParameters>]\n```\n"
    parameters = {
        token.strip("[]-").split(" ")[0]
        for params in sets.values()
        for token in params.split()
        if token.lstrip("[").startswith("-")
    }
    blocks = "\n".join(
        f"### -{p}\nDesc.\n\n```yaml\nType: System.String\nParameter Sets: (All)\nAliases:\n\nRequired: False\nPosition: Named\nDefault value: None\nAccept pipeline input: False\nAccept wildcard characters: False\n```\n"
        for p in sorted(parameters)
    )
    sample_block = f"#### Sample Request\n```\n{sample}\n```\n" if sample else ""
    text = (
        f"---\nModule Name: Example.Devices\nschema: 2.0.0\n---\n\n# {name}\n\n## SYNOPSIS\nDoes it.\n\n{sample_block}\n"
        f"## SYNTAX\n\n{syntax}\n## DESCRIPTION\nDoes it.\n\n## PARAMETERS\n\n{blocks}"
    )
    if notes:
        text += f"\n## NOTES\n\nCOMPLEX PARAMETER PROPERTIES\n\nTo create the parameters described below, construct a hash table.\n\n{notes}\n"
    result = read_bytes(f"{name}.md", text.encode())
    assert result.cmdlet is not None
    return result.cmdlet


def bind(*cmdlets: Cmdlet, config: str = "prefix: Ex\n") -> Any:
    description = read_openapi(json.dumps(DESCRIPTION).encode(), "devices.json")
    return bind_autorest(
        description, read_autorest_config(config.encode(), "c.yaml"), list(cmdlets), {"Example.Devices": "Ex"}
    )


def test_sets_bind_by_name_with_placeholders_in_path_order() -> None:
    cmdlet = help_file(
        "Get-ExDevice",
        {
            "List": "-Region <String> [-Filter <String>]",
            "Get": "-Region <String> -DeviceId <String> -View <String>",
            "GetViaIdentity": "-Region <String> -InputObject <IExIdentity> -View <String>",
        },
    )
    result = bind(cmdlet)
    assert result.unbound == []
    table = [
        (b.parameter_set, b.method, b.path, b.operation.operation_id, b.placeholders) for b in result.bindings
    ]
    assert table == [
        ("List", "GET", "/devices", "Devices_List", ()),
        ("Get", "GET", "/devices/{device_id}", "Devices_Get", (("device_id", "DeviceId"),)),
        ("GetViaIdentity", "GET", "/devices/{device_id}", "Devices_Get", (("device_id", "DeviceId"),)),
    ]
    assert result.bindings[1].provenance == "operationId Devices_Get"
    assert result.bindings[1].origin.startswith("devices.json:")
    assert result.diagnostics == []


def test_a_single_unnamed_set_binds_to_the_only_variant_of_its_cmdlet() -> None:
    (binding,) = bind(
        help_file("Get-ExDevice", {"": "-Region <String>"}),
        config="prefix: Ex\ndirective:\n  - where: {variant: ^Get}\n    remove: true\n",
    ).bindings
    assert binding.operation.operation_id == "Devices_List"


def test_a_name_match_whose_path_parameter_the_set_lacks_is_unbound_not_guessed() -> None:
    result = bind(help_file("Lock-ExDevice", {"Lock": "-Region <String> -Id <String>"}))
    assert result.bindings == []
    (unbound,) = result.unbound
    assert (
        unbound.reason
        == "named after operationId Devices_Lock (POST /devices/{device_id}/lock) but the set has no -DeviceId for the path"
    )
    assert [d.rule for d in result.diagnostics] == ["PG092"]


def test_a_cmdlet_autorest_would_not_name_is_unbound_with_the_nearest_operation_ids() -> None:
    result = bind(
        help_file("Get-ExDevic", {"List": "-Region <String>"}),
        help_file("Get-ExDevice", {"Fetch": "-Region <String>"}),
    )
    first, second = result.unbound
    assert (
        first.reason
        == "no operation is named Get-Devic by AutoRest's rules; nearest operationIds: Devices_List, Devices_Get"
    )
    assert second.reason == (
        "AutoRest names 3 variants of Get-ExDevice (Get: Devices_Get, GetViaIdentity: Devices_Get, List: Devices_List), "
        "none is set 'Fetch'"
    )
    diagnostic = result.diagnostics[0]
    assert (diagnostic.rule, diagnostic.path, diagnostic.line) == ("PG092", "Get-ExDevic.md", 16)


def test_pg094_when_the_operation_requires_what_the_set_lacks_or_the_set_has_what_it_lacks() -> None:
    result = bind(
        help_file(
            "Get-ExDevice",
            {"Get": "-Region <String> -DeviceId <String>", "List": "-Region <String> -View <String>"},
        )
    )
    assert len(result.bindings) == 2
    messages = [d.message for d in result.diagnostics if d.rule == "PG094"]
    assert messages == [
        "Get-ExDevice Get: operation Devices_Get requires -View (query `view`), which the set lacks",
        "Get-ExDevice List: -View is a path/query/header parameter elsewhere in the description, but not of operation Devices_List",
    ]


def test_pg098_when_the_sample_request_is_none_of_the_bound_operations() -> None:
    good = help_file(
        "Lock-ExDevice",
        {"Lock": "-Region <String> -DeviceId <String>"},
        sample="curl -X POST https://eu.example.com/v2/devices/{Device_ID}/lock",
    )
    bad = help_file(
        "Get-ExDevice",
        {"List": "-Region <String>"},
        sample="curl -X GET https://eu.example.com/v2/devices/{id}/locks",
    )
    result = bind(good, bad)
    (diagnostic,) = result.diagnostics
    assert (diagnostic.rule, diagnostic.path) == ("PG098", "Get-ExDevice.md")
    assert (
        "GET /v2/devices/{id}/locks is none of the operations its sets are bound to (GET /devices)"
        in diagnostic.message
    )


def test_sample_paths_agree_on_shape_whatever_the_placeholder_names() -> None:
    assert sample_agrees("/api/v2/systems/{System_ID}/policies", "/systems/{system_id}/policies", "/api/v2")
    assert sample_agrees("/api/v2/systems/5f3c/policies", "/systems/{system_id}/policies", "/api/v2")
    assert not sample_agrees("/api/v2/{System_ID}/policies", "/systems/{system_id}/policies", "/api/v2")
    assert not sample_agrees("/api/v2/systems/{x}/me", "/systems/{id}/{sub}/me", "/api/v2")


def test_no_configuration_uses_autorest_defaults_and_the_help_prefix() -> None:
    description = read_openapi(json.dumps(DESCRIPTION).encode(), "devices.json")
    result = bind_autorest(
        description,
        None,
        [help_file("Lock-ExDevice", {"Lock": "-Region <String> -DeviceId <String>"})],
        {"Example.Devices": "Ex"},
    )
    assert [b.operation.operation_id for b in result.bindings] == ["Devices_Lock"]


def test_notes_trees_confirm_the_body_and_the_identity_or_contradict_them() -> None:
    sets = {
        "Lock": "-Region <String> -DeviceId <String> -Body <ILock>",
        "LockViaIdentity": "-Region <String> -InputObject <IExIdentity> -Body <ILock>",
    }
    agreeing = "`BODY <ILock>`: x\n  - `[Pin <String>]`: \n  - `[ReasonText <String>]`: \n\n`INPUTOBJECT <IExIdentity>`: Identity\n  - `[DeviceId <String>]`: \n"
    assert len(bind(help_file("Lock-ExDevice", sets, notes=agreeing)).bindings) == 2
    other_body = "`BODY <IOther>`: x\n  - `[Colour <String>]`: \n  - `[Size <Int32>]`: \n"
    result = bind(help_file("Lock-ExDevice", sets, notes=other_body))
    assert [u.reason.split(" but ")[1] for u in result.unbound] == [
        "the help's NOTES for -Body list Colour, Size, none a property of lock"
    ] * 2
    no_device = "`INPUTOBJECT <IExIdentity>`: Identity\n  - `[GroupId <String>]`: \n"
    result = bind(help_file("Lock-ExDevice", sets, notes=no_device))
    assert [(u.parameter_set, u.reason.split(" but ")[1]) for u in result.unbound] == [
        ("LockViaIdentity", "the identity (-InputObject) in the help's NOTES has no DeviceId for the path")
    ]
