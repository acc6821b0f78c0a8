"""AutoRest configuration and directives, as autorest.powershell's docs/directives.md and modifiers-v2.ts define them."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from generator.api.autorest_config import DirectiveKind, read_autorest_config, read_autorest_description
from generator.api.openapi import read_openapi
from generator.bind.autorest_commands import Variant, create_commands, js_replace

import re

DOCUMENT: dict[str, Any] = {
    "swagger": "2.0",
    "paths": {
        "/vms": {"get": {"operationId": "VirtualMachines_List", "responses": {"200": {"description": ""}}}},
        "/vms/{vm_name}": {
            "parameters": [{"name": "vm_name", "in": "path", "required": True, "type": "string"}],
            "get": {"operationId": "VirtualMachines_Get", "responses": {"200": {"description": ""}}},
            "delete": {"operationId": "VirtualMachines_Delete", "responses": {"204": {"description": ""}}},
        },
    },
    "definitions": {"vm": {"type": "object", "properties": {"system": {"type": "string"}}}},
}


def commands(config_text: str, document: dict[str, Any] = DOCUMENT) -> tuple[list[Variant], Any]:
    text = textwrap.dedent(config_text)
    config = read_autorest_config(text.encode(), "readme.md" if "```" in text else "config.yaml")
    description = read_autorest_description(json.dumps(document).encode(), "d.json", config)
    result = create_commands(description, config.settings(), config.directives, config.path)
    return result.variants, config


def names(variants: list[Variant]) -> list[str]:
    return [f"{v.verb}-{v.noun}_{v.name}" for v in variants]


def test_readme_blocks_for_powershell_apply_and_blocks_for_other_generators_do_not() -> None:
    variants, config = commands("""\
        # Compute
        > see https://aka.ms/autorest

        ``` yaml
        tag: package-2024
        prefix: Az
        ```

        ``` yaml $(tag) == 'package-2024'
        input-file: compute.json
        ```

        ``` yaml $(csharp)
        prefix: Wrong
        namespace: Wrong
        ```

        ```yaml $(powershell) && !$(python)
        subject-prefix: Compute
        directive:
          - where:
              verb: Get
              subject: VirtualMachine
            set:
              verb: Find
        ```
        """)
    assert (config.settings().prefix, config.settings().subject_prefix, config.input_files) == (
        "Az",
        "Compute",
        ["compute.json"],
    )
    assert config.namespace == ""
    assert names(variants) == [
        "Find-ComputeVirtualMachine_List",
        "Find-ComputeVirtualMachine_Get",
        "Find-ComputeVirtualMachine_GetViaIdentity",
        "Remove-ComputeVirtualMachine_Delete",
        "Remove-ComputeVirtualMachine_DeleteViaIdentity",
    ]


def test_the_first_value_of_a_setting_wins_and_directive_lists_are_joined() -> None:
    config = read_autorest_config(
        b"```yaml\nprefix: A\ndirective:\n  - where: {verb: Get}\n    hide: true\n```\n```yaml\nprefix: B\ndirective:\n  - where: {verb: Remove}\n    remove: true\n```\n",
        "readme.md",
    )
    assert config.settings().prefix == "A"
    assert [d.kind for d in config.directives] == [DirectiveKind.COMMAND, DirectiveKind.REMOVE]
    assert [d.line for d in config.directives] == [4, 10]


def test_regular_expression_selectors_and_captures_in_set() -> None:
    variants, _ = commands("""\
        directive:
          - where:
              subject: (.*)Machine$
            set:
              subject: $1Box
          - where:
              variant: ^(Get)ViaIdentity$
            set:
              variant: $1ByObject
        """)
    assert names(variants)[:3] == ["Get-VirtualBox_List", "Get-VirtualBox_Get", "Get-VirtualBox_GetByObject"]


def test_a_plain_word_selector_matches_the_whole_name_in_any_case() -> None:
    variants, _ = commands(
        "directive:\n  - where: {subject: virtual}\n    set: {subject: Nope}\n  - where: {verb: get}\n    set: {verb: Find}\n"
    )
    assert {v.subject for v in variants} == {"VirtualMachine"}
    assert {v.verb for v in variants} == {"Find", "Remove"}


def test_remove_and_hide() -> None:
    variants, _ = commands(
        "directive:\n  - where: {variant: ^GetViaIdentity$|^DeleteViaIdentity$}\n    remove: true\n  - where: {verb: Remove}\n    hide: true\n"
    )
    assert names(variants) == [
        "Get-VirtualMachine_List",
        "Get-VirtualMachine_Get",
        "Remove-VirtualMachine_Delete",
    ]
    assert [v.hidden for v in variants] == [False, False, True]


def test_renamed_parameters_and_their_placeholders() -> None:
    variants, _ = commands(
        "directive:\n  - where: {parameter-name: VMName}\n    set: {parameter-name: Name}\n"
    )
    get = next(v for v in variants if v.name == "Get")
    assert [(p.name, p.wire) for p in get.parameters] == [
        ("Name", "vm_name")
    ]  # vm_name was -VMName (vm: an acronym)


def test_parameter_aliases_from_set_alias_count_as_the_parameter() -> None:
    variants, _ = commands(
        "directive:\n  - where: {parameter-name: (.*)Name$}\n    set: {parameter-name: Name, alias: [Machine, $1Id]}\n"
    )
    get = next(v for v in variants if v.name == "Get")
    # a plain alias is taken as it is; one with regex syntax replaces the selector's match in the old name
    assert [(p.name, p.aliases) for p in get.parameters] == [("Name", ["Machine", "VMId"])]


def test_renaming_into_a_taken_name_numbers_it_afterwards() -> None:
    variants, _ = commands("directive:\n  - where: {variant: ^Get$}\n    set: {variant: List}\n")
    assert names(variants)[:2] == ["Get-VirtualMachine_List", "Get-VirtualMachine_List1"]


def test_a_where_key_autorest_does_not_know_is_ignored_so_the_directive_hides_everything() -> None:
    variants, config = commands("directive:\n  - where:\n      prefix: JcSdk\n    hide: true\n")
    assert all(v.hidden for v in variants)
    (note,) = config.diagnostics
    assert (note.rule, note.severity.value, note.line) == ("PG097", "info", 2)
    assert "`where: prefix`" in note.message


def test_swagger_document_transforms_that_assign_are_applied_others_reported() -> None:
    config = read_autorest_config(
        textwrap.dedent("""\
            directive:
              - from: swagger-document
                where: $.definitions.vm.properties.system
                transform: >-
                  $["x-ms-client-name"] = "systemId";
              - from: swagger-document
                where: $.paths["/vms/{vm_name}"].get
                transform: $.operationId = 'VirtualMachines_Show'
              - from: swagger-document
                where: $.definitions.vm
                transform: return $.replace(/a/g, 'b')
              - from: swagger-document
                where: $.definitions.nothing
                transform: $.x = 1
              - from: source-file-csharp
                where: $
                transform: return $;
            """).encode(),
        "config.yaml",
    )
    description = read_autorest_description(json.dumps(DOCUMENT).encode(), "d.json", config)
    assert description.schemas["vm"].properties["system"].client_name == "systemId"
    assert [o.operation_id for o in description.operations] == [
        "VirtualMachines_List",
        "VirtualMachines_Show",
        "VirtualMachines_Delete",
    ]
    notes = [
        (d.rule, d.line, d.message.split(";")[0]) for d in [*config.diagnostics, *description.diagnostics]
    ]
    assert ("PG097", 9, "transform is JavaScript beyond simple assignments") in notes
    assert ("PG097", 12, "transform's `where` selects nothing in the description") in notes
    assert (
        "PG097",
        15,
        "transform on `source-file-csharp` changes generated code, not the description",
    ) in notes


def test_verb_mapping_of_the_module_overrides_the_default_table() -> None:
    variants, _ = commands("verb-mapping:\n  List: Find\n")
    assert names(variants)[0] == "Find-VirtualMachine_List"


def test_unreadable_configuration_is_pg090_and_unknown_guard_pg097() -> None:
    config = read_autorest_config(
        b"```yaml\nprefix: [\n```\n```yaml $(a) ~~ 3\nprefix: X\n```\n", "readme.md"
    )
    assert [(d.rule, d.line) for d in config.diagnostics] == [("PG090", 2), ("PG097", 4)]
    assert config.settings().prefix == ""


def test_js_replace_speaks_javascripts_replacement_patterns() -> None:
    pattern = re.compile("(Get)(Via)?", re.I)
    assert js_replace(pattern, "GetViaIdentity", "$1-$2-$&-$$") == "Get-Via-GetVia-$Identity"


def test_azure_get_put_update_when_get_answers_the_schema_put_takes() -> None:
    document = {
        "swagger": "2.0",
        "paths": {
            "/things/{name}": {
                "parameters": [{"name": "name", "in": "path", "required": True, "type": "string"}],
                "get": {
                    "operationId": "Things_Get",
                    "responses": {"200": {"description": "", "schema": {"$ref": "#/definitions/thing"}}},
                },
                "put": {
                    "operationId": "Things_CreateOrUpdate",
                    "parameters": [{"name": "body", "in": "body", "schema": {"$ref": "#/definitions/thing"}}],
                    "responses": {"200": {"description": "", "schema": {"$ref": "#/definitions/thing"}}},
                },
            }
        },
        "definitions": {"thing": {"type": "object", "properties": {"size": {"type": "integer"}}}},
    }
    variants, _ = commands("azure: true\n", document)
    update = [v for v in variants if v.verb == "Update"]
    assert [v.name for v in update] == [
        "Update",
        "UpdateExpanded",
        "UpdateViaIdentity",
        "UpdateViaIdentityExpanded",
    ]
    # and the PUT itself is New- (Create) and Set- (Update), with the JSON variants Azure modules get
    assert "Set-Thing_UpdateViaJsonString" in names(variants) and "New-Thing_CreateViaJsonFilePath" in names(
        variants
    )
    assert all(
        v.operation.method == "PUT" and v.pre_operations[0].operation_id == "Things_Get" for v in update
    )
    assert read_openapi(json.dumps(document).encode(), "d.json").operations[1].body_name == "body"
