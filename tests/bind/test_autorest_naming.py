"""autorest.powershell's naming rules, one at a time, with the source they come from.

Expected names are the ones AutoRest-generated modules really have (JumpCloud's, Azure's), or what the
rule in the cited source file computes.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from generator.api.autorest_config import NamingSettings
from generator.api.openapi import read_openapi
from generator.bind.autorest_commands import Variant, create_commands, parameter_name
from generator.bind.autorest_text import (
    deconstruct,
    number_words,
    pascal_case,
    remove_sequential_duplicates,
    singularize,
    style_camel,
    style_pascal,
)

# -- codegen text-manipulation.ts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("identifier", "words"),
    [
        ("AppleMDMDevice", ["apple", "mdm", "device"]),
        ("GetFDEKey", ["get", "fde", "key"]),
        ("activedirectory_id", ["activedirectory", "id"]),
        ("IPList", ["ip", "list"]),
        ("Office365", ["office365"]),
        ("v2Items", ["v2", "items"]),
        (
            "ABCDefGHIjk",
            ["abc", "def", "ghijk"],
        ),  # only the first upper-case run is split (no /g): GHIjk stays
        ("a-b.c d", ["a", "b", "c", "d"]),
    ],
)
def test_deconstruct(identifier: str, words: list[str]) -> None:
    assert deconstruct(identifier) == words


@pytest.mark.parametrize(
    ("identifier", "pascal"),
    [
        ("AppleMDMDevice", "AppleMdmDevice"),
        ("ip_list", "IPList"),  # capitalize() upper-cases the acronyms ip, os, ms, vm
        ("vm_os_type", "VMOSType"),
        ("2fa_method", "TwoFaMethod"),  # fixLeadingNumber
        ("user_user_name", "UserName"),  # removeSequentialDuplicates
        ("get-via-identity", "GetViaIdentity"),
    ],
)
def test_pascal_case(identifier: str, pascal: str) -> None:
    assert pascal_case(identifier) == pascal


def test_remove_sequential_duplicates_drops_repeated_words_and_pairs_ignoring_case() -> None:
    assert remove_sequential_duplicates(["a", "A", "b", "", "a", "b", "c"]) == ["a", "b", "c"]


def test_number_words_follow_codegens_convert() -> None:
    assert number_words(42) == ["forty", "two"]
    assert number_words(365) == ["three", "hundred", "sixty", "five"]
    assert number_words(1000) == ["ten", "hundred"]  # `num > 1000` is false for 1000 in the source


# -- codegen formatter.ts (modelerfour's Style) -------------------------------------------------------


def test_modelerfour_styles_keep_short_upper_case_words() -> None:
    assert style_pascal("POST") == "Post"  # four letters: not kept
    assert style_pascal("listByResourceGroup") == "ListByResourceGroup"
    assert style_camel("objectID") == "objectID"  # ID is kept upper case...
    assert parameter_name("objectID") == "ObjectId"  # ...and pascalCase then makes it Id
    assert parameter_name("activedirectory_id") == "ActivedirectoryId"
    assert parameter_name("id") == "Id"


# -- codegen pluralization.ts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("AdministratorOrganizations", "AdministratorOrganization"),
        ("policies", "Policy"),
        ("addresses", "Address"),
        ("services", "Service"),
        ("aliases", "Alias"),
        ("statuses", "Statuses"),  # in the uninflective word list
        ("status", "Status"),
        ("databases", "Database"),  # the user dictionary autorest.powershell adds
        ("premises", "Premise"),
        ("children", "Child"),
        ("indices", "Index"),
        ("analyses", "Analysis"),
        ("ldapservers", "Ldapserver"),
        ("GSuites", "GSuite"),
        ("Commands", "Command"),
        ("news", "News"),
        ("its", "Its"),  # a pronoun: no-op
    ],
)
def test_singularize(plural: str, singular: str) -> None:
    assert singularize(plural) == singular


# -- create-commands-v2.ts ----------------------------------------------------------------------------


def variants_of(
    *operations: tuple[str, str, str],
    body: bool = False,
    settings: NamingSettings | None = None,
    **extra: Any,
) -> list[Variant]:
    paths: dict[str, Any] = {}
    for method, path, operation_id in operations:
        node: dict[str, Any] = {"operationId": operation_id, "responses": {"200": {"description": ""}}}
        params = [{"name": p, "in": "path", "required": True, "type": "string"} for p in _placeholders(path)]
        if body and method in ("put", "post", "patch"):
            params.append({"name": "body", "in": "body", "schema": {"$ref": "#/definitions/thing"}})
        node["parameters"] = params
        paths.setdefault(path, {})[method] = node
    document = {
        "swagger": "2.0",
        "paths": paths,
        "definitions": {"thing": {"type": "object", "properties": {"name": {"type": "string"}}}},
        **extra,
    }
    description = read_openapi(json.dumps(document).encode(), "t.json")
    return create_commands(description, settings or NamingSettings(), []).variants


def _placeholders(path: str) -> list[str]:
    import re

    return re.findall(r"\{([^}]+)\}", path)


def names(variants: list[Variant]) -> list[str]:
    return [f"{v.verb}-{v.noun}_{v.name}" for v in variants]


@pytest.mark.parametrize(
    ("operation_id", "method", "cmdlet"),
    [
        ("AppleMDMDevice_Clear", "post", "Clear-AppleMdmDevice_Clear"),
        ("AdministratorOrganizations_List", "get", "Get-AdministratorOrganization_List"),
        ("Commands_Run", "post", "Start-Command_Run"),  # verb-mapping: Run → Start
        (
            "ExpireUserPassword_POST",
            "post",
            "Invoke-ExpireUserPassword_Post",
        ),  # Post → Invoke, no `Post` in the noun
        (
            "SoftwareAppLicense_Reclaim",
            "post",
            "Invoke-ReclaimSoftwareAppLicense_Reclaim",
        ),  # unknown verb: Invoke + action
        (
            "System_GetFDEKey",
            "get",
            "Get-SystemFdeKey_Get",
        ),  # the first word the verb list knows is the action
        (
            "Things_ListByResourceGroup",
            "get",
            "Get-Thing_List",
        ),  # a preposition: the rest only tells variants apart
        ("Thing_Patch", "patch", "Update-Thing_Patch"),
        ("IPList_List", "get", "Get-IPList_List"),
        ("GSuite_Set", "put", "Set-GSuite_Set"),
    ],
)
def test_cmdlet_names_from_operation_ids(operation_id: str, method: str, cmdlet: str) -> None:
    first, *_ = variants_of((method, "/x", operation_id))
    assert f"{first.verb}-{first.noun}_{first.name}" == cmdlet


def test_create_or_update_is_two_commands_and_update_with_put_is_set() -> None:
    assert names(variants_of(("put", "/things/{id}", "Things_CreateOrUpdate"))) == [
        "New-Thing_Create",
        "New-Thing_CreateViaIdentity",
        "Set-Thing_Update",
        "Set-Thing_UpdateViaIdentity",
    ]


def test_variants_expanded_for_an_object_body_and_via_identity_except_for_list() -> None:
    assert names(
        variants_of(("get", "/things", "Thing_List"), ("post", "/things/{id}", "Thing_Create"), body=True)
    ) == [
        "Get-Thing_List",
        "New-Thing_Create",
        "New-Thing_CreateExpanded",
        "New-Thing_CreateViaIdentity",
        "New-Thing_CreateViaIdentityExpanded",
    ]


def test_same_verb_subject_and_variant_are_numbered_in_operation_order() -> None:
    variants = variants_of(
        ("get", "/things", "Things_List"),
        ("get", "/groups/{g}/things", "Things_ListByGroup"),
        ("get", "/regions/{r}/things", "Things_ListByRegion"),
        ("get", "/things/{id}", "Things_Get"),
    )
    assert names(variants) == [
        "Get-Thing_List",
        "Get-Thing_List1",
        "Get-Thing_List2",
        "Get-Thing_Get",
        "Get-Thing_GetViaIdentity",
    ]
    assert [v.operation.operation_id for v in variants[:3]] == [
        "Things_List",
        "Things_ListByGroup",
        "Things_ListByRegion",
    ]


def test_a_path_parameter_is_a_set_parameter_and_host_variables_too() -> None:
    extra = {
        "x-ms-parameterized-host": {
            "hostTemplate": "{consoleHost}.x.com",
            "parameters": [{"name": "consoleHost", "in": "path", "required": True, "type": "string"}],
        }
    }
    get, via = variants_of(("get", "/devices/{apple_mdm_id}", "Device_Get"), **extra)
    assert [p.name for p in get.parameters] == ["ConsoleHost", "AppleMdmId"]
    assert [p.name for p in via.parameters] == ["ConsoleHost"] and [p.name for p in via.identity] == [
        "AppleMdmId"
    ]


def test_azure_modules_get_parent_identity_json_and_get_put_update_variants() -> None:
    azure = NamingSettings(
        azure=True,
        sanitize_names=True,
        support_json_input=True,
        enable_parent_pipeline_input=True,
        keep_pec_and_plr=False,
    )
    variants = variants_of(
        ("get", "/vaults/{vaultName}/secrets/{secretName}", "Secrets_Get"),
        ("put", "/vaults/{vaultName}/secrets/{secretName}", "Secrets_CreateOrUpdate"),
        body=True,
        settings=azure,
    )
    got = names(variants)
    assert "Get-Secret_GetViaIdentityVault" in got  # the parent (vault) as identity, the secret by name
    assert "New-Secret_CreateViaJsonString" in got and "New-Secret_CreateViaJsonFilePath" in got
    # GET and PUT on the same path with the same schema: Update-Secret does GET then PUT.
    assert not any(name.startswith("Update-Secret") for name in got)  # the GET answers no `thing` here
    vault = next(v for v in variants if v.name == "GetViaIdentityVault")
    assert [p.name for p in vault.identity] == ["VaultName"]
    assert [p.name for p in vault.parameters if p.location.value == "path"] == [
        "Name"
    ]  # sanitised: the subject leaves SecretName
