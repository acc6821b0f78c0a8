"""PARAMETERS: `### -Name` blocks in the 2.0.0 and 2024-05-01 layouts, and the SYNTAX cross-checks."""

from __future__ import annotations


from generator.ir import Parameter, SetMembership
from generator.read.reader import read_bytes

from support import line_of, read_corpus

SEED = "seed/Update-MgApplicationSynchronizationJob.md"
GRAPH = "graph/Microsoft.Graph.Applications/Add-MgApplicationPassword.md"


def parameter(result, name: str) -> Parameter:
    (found,) = [p for p in result.cmdlet.parameters if p.name == name]
    return found


def diagnostics(result, rule: str) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in result.diagnostics if d.rule == rule]


def doc(syntax: str, parameters: str) -> bytes:
    return (
        "---\nschema: 2.0.0\n---\n\n# Get-Thing\n\n## SYNOPSIS\nS\n\n## SYNTAX\n\n"
        + syntax
        + "\n## PARAMETERS\n\n"
        + parameters
    ).encode()


V2_BLOCK = """```yaml
Type: {type}
Parameter Sets: {sets}
Aliases: {aliases}

Required: {required}
Position: {position}
Default value: {default}
Accept pipeline input: {pipeline}
Accept wildcard characters: False
```
"""


def v2(
    type="System.String",
    sets="(All)",
    aliases="",
    required="False",
    position="Named",
    default="None",
    pipeline="False",
):
    return V2_BLOCK.format(
        type=type,
        sets=sets,
        aliases=aliases,
        required=required,
        position=position,
        default=default,
        pipeline=pipeline,
    )


# --- schema 2.0.0 -------------------------------------------------------------------------------------


def test_schema_2_block_gives_type_description_line_and_one_membership_per_set():
    p = parameter(read_corpus(SEED), "ApplicationId")
    assert p.description == "key: application-id of application"
    assert p.type.qualified_name == "System.String"
    assert p.line == 74
    assert p.sets == [SetMembership("Update", True, "Named"), SetMembership("UpdateExpanded", True, "Named")]
    assert (p.aliases, p.default_value, p.supports_wildcards) == ([], None, False)


def test_schema_2_pipeline_by_value_only():
    p = parameter(read_corpus(SEED), "BodyParameter")
    assert {(m.value_from_pipeline, m.value_from_pipeline_by_property_name) for m in p.sets} == {
        (True, False)
    }


def test_schema_2_all_sets_becomes_star_and_aliases_are_split():
    p = parameter(read_corpus(SEED), "Confirm")
    assert p.sets == [SetMembership("*", False, "Named")]
    assert p.aliases == ["cf"]
    assert p.type.name == "SwitchParameter"


def test_required_qualified_per_set_gives_each_set_its_own_value():
    p = parameter(read_corpus("platyps-assets/Invoke-Command.md"), "Credential")
    assert {m.set_name: m.required for m in p.sets} == {
        "ComputerName": False,
        "FilePathComputerName": False,
        "Uri": False,
        "FilePathUri": False,
        "VMId": True,
        "VMName": True,
        "FilePathVMId": True,
        "FilePathVMName": True,
    }
    assert p.default_value == "Current user"
    assert {(m.value_from_pipeline, m.value_from_pipeline_by_property_name) for m in p.sets} == {
        (False, True)
    }


def test_pipeline_by_property_name_and_by_value_sets_both_flags_and_position_is_kept():
    p = parameter(read_corpus("platyps-assets/get-date.alt01.md"), "Date")
    assert p.aliases == ["LastWriteTime"]
    assert [
        (m.set_name, m.position, m.value_from_pipeline, m.value_from_pipeline_by_property_name)
        for m in p.sets
    ] == [
        ("DateAndFormat", "0", True, True),
        ("DateAndUFormat", "0", True, True),
    ]


def test_pipeline_true_without_qualifier_means_by_value():
    text = doc("```\nGet-Thing [-Name <String>]\n```\n", "### -Name\nN.\n\n" + v2(pipeline="True"))
    p = parameter(read_bytes("m/Get-Thing.md", text), "Name")
    assert (p.sets[0].value_from_pipeline, p.sets[0].value_from_pipeline_by_property_name) == (True, False)


# --- 2024-05-01 ---------------------------------------------------------------------------------------


def test_2024_layout_reads_parameter_set_list_and_aliases_list():
    p = parameter(read_corpus(GRAPH), "ApplicationId")
    assert p.type.qualified_name == "System.String"
    assert p.aliases == ["ObjectId"]
    assert p.sets == [SetMembership("AddExpanded", True, "Named"), SetMembership("Add", True, "Named")]
    assert (p.default_value, p.dont_show, p.help_message, p.accepted_values) == (None, False, None, [])


def test_2024_layout_all_sets_is_star_and_value_from_pipeline_is_read():
    p = parameter(read_corpus(GRAPH), "Headers")
    assert p.sets == [SetMembership("*", False, "Named", value_from_pipeline=True)]


def test_2024_layout_default_value_false_is_kept_as_the_string_false():
    assert parameter(read_corpus(GRAPH), "Break").default_value == "False"


def test_2024_layout_accepted_values_list():
    p = parameter(read_corpus("platyps-assets/Get-Date.V2.md"), "DisplayHint")
    assert p.accepted_values == ["Date", "Time", "DateTime"]


def test_2024_layout_dont_show_help_message_and_flow_style_aliases():
    block = """```yaml
Type: System.Int32
DefaultValue: '@{}'
SupportsWildcards: true
Aliases: [i, ident]
ParameterSets:
- Name: ById
  Position: 0
  IsRequired: true
  ValueFromPipeline: false
  ValueFromPipelineByPropertyName: true
  ValueFromRemainingArguments: true
DontShow: true
AcceptedValues:
- 1
- 2
HelpMessage: Give the id
```
"""
    text = doc("### ById\n```\nGet-Thing -Id <Int32>\n```\n", "### -Id\nAn id.\n\n" + block)
    result = read_bytes("m/Get-Thing.md", text)
    p = parameter(result, "Id")
    assert (p.dont_show, p.help_message, p.aliases, p.accepted_values) == (
        True,
        "Give the id",
        ["i", "ident"],
        ["1", "2"],
    )
    assert (p.default_value, p.supports_wildcards) == ("@{}", True)
    assert p.sets == [SetMembership("ById", True, "0", False, True, value_from_remaining_arguments=True)]
    assert [d.rule for d in result.diagnostics] == []


# --- several blocks, odd values -----------------------------------------------------------------------


def test_several_yaml_blocks_under_one_parameter_are_merged_per_set():
    syntax = "### ByName (Default)\n```\nGet-Thing -Name <String>\n```\n\n### ById\n```\nGet-Thing [-Name <String>] -Id <Int32>\n```\n"
    params = (
        "### -Name\nThe name.\n\n"
        + v2(sets="ByName", aliases="n, nm", required="True", position="0", pipeline="True (ByPropertyName)")
        + "\n"
        + v2(sets="ById", aliases="nm")
        + "\n### -Id\nId.\n\n"
        + v2(type="System.Int32", sets="ById", required="True")
    )
    result = read_bytes("m/Get-Thing.md", doc(syntax, params))
    p = parameter(result, "Name")
    assert p.sets == [
        SetMembership("ByName", True, "0", value_from_pipeline_by_property_name=True),
        SetMembership("ById", False, "Named"),
    ]
    assert p.aliases == ["n", "nm"]
    assert p.description == "The name."
    assert [d.rule for d in result.diagnostics] == []


def test_duplicate_key_in_a_schema_2_block_is_pg033_and_the_last_value_wins():
    block = v2(required="False").replace("Required: False\n", "Required: False\nRequired: True\n")
    text = doc("```\nGet-Thing -Name <String>\n```\n", "### -Name\nN.\n\n" + block)
    result = read_bytes("m/Get-Thing.md", text)
    assert diagnostics(result, "PG033") == [
        (line_of(text, "Required: True"), "duplicate key 'Required'; the last value wins")
    ]
    assert parameter(result, "Name").sets[0].required is True


def test_duplicate_key_in_a_2024_block_is_pg033_and_the_block_is_still_read_with_the_last_value():
    block = """```yaml
Type: System.String
Aliases:
- n
ParameterSets:
- Name: (All)
  Position: Named
  IsRequired: false
  IsRequired: true
```
"""
    text = doc("```\nGet-Thing -Name <String>\n```\n", "### -Name\nN.\n\n" + block)
    result = read_bytes("m/Get-Thing.md", text)
    assert [line for line, _ in diagnostics(result, "PG033")] == [line_of(text, "IsRequired: true")]
    p = parameter(result, "Name")
    assert p.aliases == ["n"]
    assert p.sets == [SetMembership("*", True, "Named")]


def test_invalid_2024_yaml_is_pg032_at_the_offending_line():
    block = "```yaml\nType: [unclosed\nParameterSets: x\n```\n"
    text = doc("```\nGet-Thing -Name <String>\n```\n", "### -Name\nN.\n\n" + block)
    result = read_bytes("m/Get-Thing.md", text)
    assert [line for line, _ in diagnostics(result, "PG032")] == [line_of(text, "ParameterSets: x")]
    assert parameter(result, "Name").type.name == "String"  # taken from SYNTAX


def test_unknown_key_is_pg034_at_its_line():
    result = read_corpus("platyps-assets/Compare-CommandHelp.md")
    assert diagnostics(result, "PG034") == [
        (63, "unknown parameter key 'Globbing'"),
        (85, "unknown parameter key 'Globbing'"),
        (107, "unknown parameter key 'Globbing'"),
    ]


def test_unknown_key_inside_a_parameter_set_entry_is_pg034_at_its_line():
    block = "```yaml\nType: System.String\nParameterSets:\n- Name: (All)\n  Position: Named\n  Mandatory: true\n```\n"
    text = doc("```\nGet-Thing [-Name <String>]\n```\n", "### -Name\nN.\n\n" + block)
    result = read_bytes("m/Get-Thing.md", text)
    assert diagnostics(result, "PG034") == [
        (line_of(text, "Mandatory: true"), "unknown parameter set key 'mandatory'")
    ]


def test_values_starting_with_at_or_bracket_are_kept_as_text():
    params = (
        "### -Filter\nF.\n\n"
        + v2(type="System.Collections.Hashtable", default="@{}")
        + "\n### -Map\nM.\n\n"
        + v2(type="System.Object", default="[a, b]")
    )
    result = read_bytes(
        "m/Get-Thing.md", doc("```\nGet-Thing [-Filter <Hashtable>] [-Map <Object>]\n```\n", params)
    )
    assert parameter(result, "Filter").default_value == "@{}"
    assert parameter(result, "Map").default_value == "[a, b]"


def test_a_type_with_commas_is_never_split():
    p = parameter(read_corpus("jumpcloud/JumpCloud.SDK.V1/Get-JcSdkApplication.md"), "Filter")
    assert (p.type.qualified_name, [a.qualified_name for a in p.type.args]) == (
        "System.Collections.Generic.List",
        ["System.String"],
    )


def test_a_generic_dictionary_type_with_a_comma_is_one_type():
    params = "### -Map\nM.\n\n" + v2(type="System.Collections.Generic.Dictionary<String, Object>")
    result = read_bytes(
        "m/Get-Thing.md", doc("```\nGet-Thing [-Map <Dictionary<String, Object>>]\n```\n", params)
    )
    t = parameter(result, "Map").type
    assert (t.name, [a.name for a in t.args]) == ("Dictionary", ["String", "Object"])


def test_common_parameters_and_example_headings_are_not_parameters():
    params = (
        "### -Name\nN.\n\n"
        + v2()
        + "\n### ---- EXAMPLE 1 ----\nx\n\n### CommonParameters\nThis cmdlet supports...\n"
    )
    result = read_bytes("m/Get-Thing.md", doc("```\nGet-Thing [-Name <String>]\n```\n", params))
    assert [p.name for p in result.cmdlet.parameters] == ["Name"]
    assert diagnostics(result, "PG021") == []
    assert [p.name for p in read_corpus(SEED).cmdlet.parameters][-1] == "WhatIf"


def test_parameter_without_yaml_block_is_pg035_and_takes_its_type_from_syntax():
    text = doc("```\nGet-Thing [-Name <String>]\n```\n", "### -Name\nJust words.\n")
    result = read_bytes("m/Get-Thing.md", text)
    assert [line for line, _ in diagnostics(result, "PG035")] == [line_of(text, "### -Name")]
    p = parameter(result, "Name")
    assert (p.type.name, p.description) == ("String", "Just words.")


def test_placeholder_description_is_pg040_at_its_line_and_dropped():
    result = read_corpus("platyps-assets/Compare-CommandHelp.md")
    assert (80, "placeholder text '{{ Fill PropertyNamesToExclude Description }}'") in diagnostics(
        result, "PG040"
    )
    assert parameter(result, "PropertyNamesToExclude").description == ""


# --- cross-checks with SYNTAX -------------------------------------------------------------------------


def test_parameter_in_syntax_but_not_described_is_pg030_and_added_from_syntax():
    result = read_corpus("platyps-assets/get-date.alt10.md")
    assert diagnostics(result, "PG030") == [
        (23, "parameter -AsUTC is in SYNTAX but not described under PARAMETERS")
    ]
    p = parameter(result, "AsUTC")
    assert (p.description, p.type, p.line) == ("", None, 23)
    assert [(m.set_name, m.required) for m in p.sets] == [
        ("Date", False),
        ("UnixTimeSeconds", False),
    ]


def test_parameter_described_but_absent_from_syntax_is_pg031_at_its_heading():
    result = read_corpus("platyps-assets/get-date.alt10.md")
    assert diagnostics(result, "PG031") == [(278, "parameter -AsUTCC is not in any SYNTAX block")]


def test_set_named_in_parameters_but_absent_from_syntax_is_pg036_once_per_set():
    result = read_corpus("platyps-assets/get-date.alt01.md")
    assert diagnostics(result, "PG036")[:2] == [
        (296, "parameter -Date names set 'DateAndFormat', which SYNTAX does not have"),
        (296, "parameter -Date names set 'DateAndUFormat', which SYNTAX does not have"),
    ]
    assert len(diagnostics(result, "PG036")) == 8


def test_matching_set_names_give_no_pg036():
    assert diagnostics(read_corpus("platyps-assets/get-date.alt25.md"), "PG036") == []


def test_a_type_that_cannot_be_read_is_pg021_at_the_type_value_in_both_layouts():
    schema_2 = v2(type="Contoso/../Evil.IThing")
    schema_2024 = "```yaml\nAliases: []\nType:   Contoso:Evil.IThing\nParameterSets:\n- Name: (All)\n```\n"
    for block, value in ((schema_2, "Contoso/../Evil.IThing"), (schema_2024, "Contoso:Evil.IThing")):
        text = doc("```\nGet-Thing -Name <String>\n```\n", "### -Name\nN.\n\n" + block)
        result = read_bytes("m/Get-Thing.md", text)
        found = [(d.line, d.column) for d in result.diagnostics if d.rule == "PG021"]
        line = line_of(text, value)
        assert found == [(line, text.decode().split("\n")[line - 1].index(value) + 1)]
