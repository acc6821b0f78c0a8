"""SYNTAX: parameter sets, the syntax-line tokenizer and its diagnostics (PG020-PG023)."""

from __future__ import annotations

from pathlib import Path

from generator.ir import ParameterSet, SyntaxParameter
from generator.read.reader import read_bytes

from support import line_of, read_corpus


def syntax_doc(body: str) -> bytes:
    return ("---\nschema: 2.0.0\n---\n\n# Get-Thing\n\n## SYNOPSIS\nS\n\n## SYNTAX\n\n" + body).encode()


def warnings(result, rule: str) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.message) for d in result.diagnostics if d.rule == rule]


def param(parameter_set: ParameterSet, name: str) -> SyntaxParameter:
    (found,) = [p for p in parameter_set.parameters if p.name == name]
    return found


# --- parameter sets -----------------------------------------------------------------------------------


def test_named_sets_come_from_h3_headings_and_default_is_stripped_from_the_name():
    sets = read_corpus("seed/Update-MgApplicationSynchronizationJob.md").cmdlet.parameter_sets
    assert [(s.name, s.is_default, s.line) for s in sets] == [
        ("UpdateExpanded", True, 17),
        ("Update", False, 28),
        ("UpdateViaIdentity", False, 34),
        ("UpdateViaIdentityExpanded", False, 40),
    ]
    assert {s.command for s in sets} == {"Update-MgApplicationSynchronizationJob"}


def test_default_mark_in_the_middle_of_a_heading_is_found_and_the_name_keeps_single_spaces():
    sets = read_corpus("platyps-assets/Get-ChildItem.V2.md").cmdlet.parameter_sets
    assert [(s.name, s.is_default) for s in sets] == [
        ("Items", True),
        ("LiteralItems", False),
        ("Items - Certificate provider", True),
        ("LiteralItems - Certificate provider", False),
        ("Items - Filesystem provider", True),
        ("LiteralItems - FileSystem provider", False),
    ]


def test_default_mark_is_case_insensitive_and_may_have_inner_spaces():
    doc = syntax_doc(
        "### ByName ( default )\n```\nGet-Thing -Name <String>\n```\n\n### ById\n```\nGet-Thing -Id <Int32>\n```\n"
    )
    sets = read_bytes("m/Get-Thing.md", doc).cmdlet.parameter_sets
    assert [(s.name, s.is_default) for s in sets] == [("ByName", True), ("ById", False)]


def test_syntax_block_without_h3_is_an_unnamed_set():
    sets = read_corpus("jumpcloud/JumpCloud.SDK.DirectoryInsights/Get-JcSdkReport.md").cmdlet.parameter_sets
    assert [(s.name, s.is_default, s.line) for s in sets] == [("", False, 16)]
    assert [(p.name, p.required) for p in sets[0].parameters] == [("ApiHost", True), ("Sort", False)]


def test_unnamed_block_with_several_commands_gives_one_set_per_command():
    doc = syntax_doc("```\nGet-Thing -Path <String> [-Force]\nGet-Thing -LiteralPath <String>\n-Force\n```\n")
    sets = read_bytes("m/Get-Thing.md", doc).cmdlet.parameter_sets
    assert [(s.name, s.line, [p.name for p in s.parameters]) for s in sets] == [
        ("", line_of(doc, "-Path"), ["Path", "Force"]),
        ("", line_of(doc, "-LiteralPath"), ["LiteralPath", "Force"]),
    ]


def test_h3_without_a_code_block_is_pg020_at_the_heading():
    doc = syntax_doc("### A\n```\nGet-Thing -Name <String>\n```\n\n### Empty\n\nnothing here\n")
    result = read_bytes("m/Get-Thing.md", doc)
    assert warnings(result, "PG020") == [
        (line_of(doc, "### Empty"), 1, "parameter set 'Empty' has no syntax code block")
    ]


# --- parameter forms ----------------------------------------------------------------------------------


def test_dash_name_type_is_required_named():
    sets = read_corpus("seed/Update-MgApplicationSynchronizationJob.md").cmdlet.parameter_sets
    p = param(sets[0], "ApplicationId")
    assert (p.type.name, p.required, p.positional, p.switch, p.line) == ("String", True, False, False, 17)


def test_bracketed_dash_name_type_is_optional_named():
    sets = read_corpus("seed/Update-MgApplicationSynchronizationJob.md").cmdlet.parameter_sets
    p = param(sets[0], "SchemaDirectories")
    assert (p.type.name, p.type.array_rank, p.required, p.positional, p.switch) == (
        "IMicrosoftGraphDirectoryDefinition",
        1,
        False,
        False,
        False,
    )


def test_bracketed_name_then_type_is_required_positional():
    sets = read_corpus("platyps-assets/Compare-CommandHelp.md").cmdlet.parameter_sets
    assert [(p.name, p.type.name, p.required, p.positional) for p in sets[0].parameters] == [
        ("Reference", "CommandHelp", True, True),
        ("Difference", "CommandHelp", True, True),
        ("PropertyNamesToExclude", "String", False, False),
    ]


def test_double_bracketed_name_with_type_is_optional_positional():
    sets = read_corpus("platyps-assets/get-date.md").cmdlet.parameter_sets
    p = param(sets[0], "Date")
    assert (p.type.name, p.required, p.positional, p.switch, p.line) == ("DateTime", False, True, False, 21)
    assert [x.name for x in sets[0].parameters][:2] == ["Date", "Year"]


def test_bracketed_switch_is_an_optional_switch_without_type():
    sets = read_corpus("seed/Update-MgApplicationSynchronizationJob.md").cmdlet.parameter_sets
    p = param(sets[0], "PassThru")
    assert (p.type, p.required, p.switch) == (None, False, True)


def test_bare_switch_is_a_required_switch():
    doc = syntax_doc("```\nGet-Thing -Force -Name <String>\n```\n")
    (s,) = read_bytes("m/Get-Thing.md", doc).cmdlet.parameter_sets
    assert [(p.name, p.type is None, p.required, p.switch) for p in s.parameters] == [
        ("Force", True, True, True),
        ("Name", False, True, False),
    ]


def test_switchparameter_type_counts_as_switch():
    doc = syntax_doc("```\nGet-Thing [-Force <SwitchParameter>]\n```\n")
    (s,) = read_bytes("m/Get-Thing.md", doc).cmdlet.parameter_sets
    assert s.parameters[0].switch is True


def test_common_parameters_placeholder_is_not_a_parameter():
    sets = read_corpus("seed/Update-MgApplicationSynchronizationJob.md").cmdlet.parameter_sets
    names = {p.name.lower() for s in sets for p in s.parameters}
    assert "commonparameters" not in names
    assert [p.name for p in sets[1].parameters] == [
        "ApplicationId",
        "SynchronizationJobId",
        "BodyParameter",
        "PassThru",
        "Confirm",
        "WhatIf",
    ]


def test_wrapped_lines_starting_with_a_space_continue_the_command_with_their_own_line_numbers():
    sets = read_corpus("seed/Update-MgApplicationSynchronizationJob.md").cmdlet.parameter_sets
    assert [(p.name, p.line) for p in sets[0].parameters][2:5] == [
        ("Id", 17),
        ("ScheduleExpiration", 18),
        ("ScheduleInterval", 18),
    ]
    assert param(sets[0], "WhatIf").line == 23


def test_wrapped_line_at_column_0_starting_with_a_dash_continues_the_command():
    doc = syntax_doc("```\nGet-Thing [-A <String>]\n-F <String> [-G]\n```\n")
    (s,) = read_bytes("m/Get-Thing.md", doc).cmdlet.parameter_sets
    assert [(p.name, p.required, p.line) for p in s.parameters] == [
        ("A", False, line_of(doc, "[-A")),
        ("F", True, line_of(doc, "-F <String>")),
        ("G", False, line_of(doc, "-F <String>")),
    ]


def test_nested_generic_type_in_syntax():
    sets = read_corpus("jumpcloud/JumpCloud.SDK.V1/Get-JcSdkApplication.md").cmdlet.parameter_sets
    t = param(sets[0], "Filter").type
    assert (t.name, [a.name for a in t.args], t.raw) == ("List", ["String"], "List<String>")


def test_doubly_nested_generic_type_in_syntax():
    doc = syntax_doc("```\nGet-Thing [-D <List<List<String>>>] [-M <Dictionary<String, Object>>]\n```\n")
    result = read_bytes("m/Get-Thing.md", doc)
    (s,) = result.cmdlet.parameter_sets
    assert param(s, "D").type.raw == "List<List<String>>"
    assert param(s, "D").type.args[0].args[0].name == "String"
    assert [a.name for a in param(s, "M").type.args] == ["String", "Object"]
    assert warnings(result, "PG021") == []


def test_clr_type_with_assembly_in_syntax():
    doc = syntax_doc(
        "```\nGet-Thing [-E <System.Collections.Generic.List`1[[System.String, System.Private.CoreLib, "
        "Version=9.0.0.0]]>]\n```\n"
    )
    result = read_bytes("m/Get-Thing.md", doc)
    t = result.cmdlet.parameter_sets[0].parameters[0].type
    assert (t.qualified_name, [a.qualified_name for a in t.args]) == (
        "System.Collections.Generic.List",
        ["System.String"],
    )
    assert warnings(result, "PG021") == []


def test_flags_expression_type_in_syntax():
    sets = read_corpus("platyps-assets/Get-ChildItem.V2.md").cmdlet.parameter_sets
    t = param(sets[4], "Attributes").type
    assert (t.name, [a.name for a in t.args]) == ("FlagsExpression", ["FileAttributes"])


# --- odd tokens: best effort and PG021 ----------------------------------------------------------------


def test_type_with_a_trailing_space_is_trimmed_without_warning():
    doc = syntax_doc("```\nGet-Thing -A <Boolean >\n```\n")
    result = read_bytes("m/Get-Thing.md", doc)
    assert result.cmdlet.parameter_sets[0].parameters[0].type.raw == "Boolean"
    assert warnings(result, "PG021") == []


def test_pipe_separated_type_is_kept_opaque_with_pg021_at_its_line_and_column():
    doc = syntax_doc("```\nGet-Thing -A <String>\n [-Scope <Site|Tenant>] [-B]\n```\n")
    result = read_bytes("m/Get-Thing.md", doc)
    s = result.cmdlet.parameter_sets[0]
    assert param(s, "Scope").type.name == "Site|Tenant"
    assert [p.name for p in s.parameters] == ["A", "Scope", "B"]
    assert warnings(result, "PG021") == [
        (
            line_of(doc, "-Scope"),
            len(" [-Scope ") + 1,
            "type 'Site|Tenant' not understood: unexpected '|Tenant' after the type",
        )
    ]


def test_unbalanced_bracket_reads_to_the_end_of_the_line_with_pg021():
    doc = syntax_doc("```\nGet-Thing -A <String> [-C <String>\n```\n")
    result = read_bytes("m/Get-Thing.md", doc)
    s = result.cmdlet.parameter_sets[0]
    assert [(p.name, p.type.name, p.required) for p in s.parameters] == [
        ("A", "String", True),
        ("C", "String", False),
    ]
    assert warnings(result, "PG021") == [
        (
            line_of(doc, "-C <String>"),
            len("Get-Thing -A <String> ") + 1,
            "unbalanced `[` in syntax; read to the end of the line",
        )
    ]


def test_nested_optional_brackets_are_read_as_two_optional_parameters_with_pg021():
    doc = syntax_doc("```\nGet-Thing [-A [-B]] [-C <Int32>]\n```\n")
    result = read_bytes("m/Get-Thing.md", doc)
    s = result.cmdlet.parameter_sets[0]
    assert [(p.name, p.required, p.switch) for p in s.parameters] == [
        ("A", False, True),
        ("B", False, True),
        ("C", False, False),
    ]
    assert [(line, column) for line, column, _ in warnings(result, "PG021")] == [
        (line_of(doc, "[-A [-B]]"), len("Get-Thing [-A ") + 1)
    ]


def test_stray_word_is_ignored_with_pg021_naming_it():
    doc = syntax_doc("```\nGet-Thing [-A <String>]\n oops -C\n```\n")
    result = read_bytes("m/Get-Thing.md", doc)
    assert [p.name for p in result.cmdlet.parameter_sets[0].parameters] == ["A", "C"]
    assert warnings(result, "PG021") == [(line_of(doc, "oops"), 2, "unexpected syntax token 'oops' ignored")]


# --- cross-checks -------------------------------------------------------------------------------------


def test_several_named_sets_without_default_is_pg022_at_the_syntax_heading():
    doc = syntax_doc(
        "### ByName\n```\nGet-Thing -Name <String>\n```\n\n### ById\n```\nGet-Thing -Id <Int32>\n```\n"
    )
    result = read_bytes("m/Get-Thing.md", doc)
    assert warnings(result, "PG022") == [
        (line_of(doc, "## SYNTAX"), 1, "2 parameter sets and none is marked (Default)")
    ]


def test_a_single_named_set_without_default_is_not_pg022():
    result = read_corpus("platyps-assets/Compare-CommandHelp.md")
    assert warnings(result, "PG022") == []


def test_several_default_sets_is_pg022_at_the_second_default():
    result = read_corpus("platyps-assets/Get-ChildItem.V2.md")
    assert warnings(result, "PG022") == [(38, 1, "more than one parameter set is marked (Default)")]


def test_syntax_naming_another_command_is_pg023_at_that_line():
    result = read_corpus("platyps-assets/get-date.alt03.md")
    assert warnings(result, "PG023") == [(21, 1, "syntax names 'Get-Datee', the title is 'Get-Date'")]
    assert result.cmdlet.parameter_sets[0].command == "Get-Datee"
