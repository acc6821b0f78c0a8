"""Prose sections: SYNOPSIS, DESCRIPTION, EXAMPLES, INPUTS/OUTPUTS, RELATED LINKS; placeholders (PG040)."""

from __future__ import annotations


from generator.ir import CodeBlock, Link
from generator.read.reader import read_bytes

from support import line_of, read_corpus

SEED = "seed/Update-MgApplicationSynchronizationJob.md"


def pg040(result) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.message) for d in result.diagnostics if d.rule == "PG040"]


def prose_doc(sections: str) -> bytes:
    return (
        "---\nschema: 2.0.0\n---\n\n# Get-Thing\n\n## SYNOPSIS\n\nGets a thing.\n\n## SYNTAX\n\n"
        "```\nGet-Thing [<CommonParameters>]\n```\n\n" + sections
    ).encode()


# --- EXAMPLES -----------------------------------------------------------------------------------------


def test_example_title_code_blocks_with_info_string_and_remarks():
    example = read_corpus("platyps-assets/Get-Date.V2.md").cmdlet.examples[0]
    assert example.title == "Example 1: Get the current date and time"
    assert example.line == 66
    assert example.code == [
        CodeBlock("powershell", "Get-Date\n", 71),
        CodeBlock("Output", "Tuesday, June 25, 2019 14:53:32\n", 75),
    ]
    assert example.remarks == (
        "In this example, `Get-Date` displays the current system date and time. The output is in the\n"
        "long-date and long-time formats."
    )


def test_remarks_before_between_and_after_code_are_kept_in_order():
    example = read_corpus("platyps-assets/Compare-CommandHelp.md").cmdlet.examples[0]
    assert example.title == "My Example"
    assert example.code == [
        CodeBlock("powershell", "PS> write-output hi\nhi\n", 42),
        CodeBlock("powershell", "PS> echo bye\nbye\n", 49),
    ]
    assert example.remarks == "description\n\ndescription 2\n\ndescription 3"


def test_jumpcloud_dashed_example_headings_give_clean_titles():
    examples = read_corpus("jumpcloud/JumpCloud.SDK.V1/New-JcSdkUser.md").cmdlet.examples
    assert [(e.title, e.line) for e in examples] == [("EXAMPLE 1", 105), ("EXAMPLE 2", 176)]
    assert examples[1].code == [
        CodeBlock("powershell", "New-JcSdkUser -Body:(<JumpCloud.SDK.V1.Models.Systemuserputpost>)\n", 177)
    ]


def test_output_table_after_code_is_kept_as_written_without_inserted_blank_lines():
    remarks = read_corpus("jumpcloud/JumpCloud.SDK.V1/New-JcSdkUser.md").cmdlet.examples[1].remarks
    lines = remarks.split("\n")
    assert lines[:3] == [
        "----                           ----------",
        "AccountLocked                  Boolean",
        "AccountLockedDate              String",
    ]
    assert lines[-1] == "Username                       String"
    assert "" not in lines


def test_example_without_fence_keeps_its_text_as_remarks():
    example = read_corpus("graph/Microsoft.Graph.Applications/Add-MgApplicationPassword.md").cmdlet.examples[
        0
    ]
    assert (example.title, example.code, example.line) == ("EXAMPLE 1", [], 75)
    assert example.remarks.startswith("Connect-MgGraph -Scopes 'Application.ReadWrite.All'\n\n$appObjectId")


def test_placeholders_in_examples_are_pg040_at_their_lines_and_dropped():
    result = read_corpus(SEED)
    assert pg040(result)[:4] == [
        (54, 1, "placeholder text '{{ Add title here }}'"),
        (56, 9, "placeholder text '{{ Add code here }}'"),
        (58, 1, "placeholder text '{{ Add output here }}'"),
        (61, 1, "placeholder text '{{ Add description here }}'"),
    ]
    assert [(e.title, e.code, e.remarks) for e in result.cmdlet.examples] == [
        ("Example 1", [], ""),
        ("Example 2", [], ""),
    ]


def test_code_block_holding_only_a_placeholder_is_dropped():
    result = read_corpus("jumpcloud/JumpCloud.SDK.DirectoryInsights/Get-JcSdkReport.md")
    assert pg040(result) == [(33, 1, "placeholder text '{{ Add code here }}'")]
    assert [(e.title, len(e.code)) for e in result.cmdlet.examples] == [("EXAMPLE 1", 1), ("EXAMPLE 2", 0)]


# --- INPUTS / OUTPUTS ---------------------------------------------------------------------------------


def test_h3_type_names_with_descriptions():
    cmdlet = read_corpus("platyps-assets/Get-Date.V2.md").cmdlet
    assert [(i.type.qualified_name, i.description, i.line) for i in cmdlet.inputs] == [
        ("System.DateTime", "You can pipe a **DateTime** object to this cmdlet.", 664)
    ]
    assert [o.type.qualified_name for o in cmdlet.outputs] == ["System.DateTime", "System.String"]
    assert cmdlet.outputs[1].description == (
        "When you use the **Format** or **UFormat** parameters, this cmdlet returns **String** objects."
    )


def test_none_heading_is_a_typedoc_without_type():
    cmdlet = read_corpus("platyps-assets/Resolve-DnsName.md").cmdlet
    assert [(i.type, i.description, i.line) for i in cmdlet.inputs] == [(None, "", 381)]
    assert cmdlet.outputs[0].type.name == "DnsRecord"


def test_empty_inputs_and_outputs_give_no_entries():
    cmdlet = read_corpus("platyps-assets/Exit-PSHostProcess.md").cmdlet
    assert (cmdlet.inputs, cmdlet.outputs) == ([], [])


def test_plain_text_inputs_and_none_text_outputs():
    doc = prose_doc("## INPUTS\n\nYou can pipe strings to this cmdlet.\n\n## OUTPUTS\n\nNone\n")
    cmdlet = read_bytes("m/Get-Thing.md", doc).cmdlet
    assert [(i.type, i.description) for i in cmdlet.inputs] == [
        (None, "You can pipe strings to this cmdlet.")
    ]
    assert [(o.type, o.description) for o in cmdlet.outputs] == [(None, "")]


def test_h3_that_is_not_a_type_is_kept_as_text():
    doc = prose_doc("## OUTPUTS\n\n### Output depends on input\n\nSee above.\n")
    (output,) = read_bytes("m/Get-Thing.md", doc).cmdlet.outputs
    assert (output.type, output.description) == (None, "Output depends on input\nSee above.")


def test_placeholder_type_description_is_pg040_at_its_own_line_and_dropped():
    result = read_corpus("graph/Microsoft.Graph.Applications/Add-MgApplicationPassword.md")
    assert [line for line, _, _ in pg040(result) if line > 480] == [492, 496, 500, 506]
    assert [i.description for i in result.cmdlet.inputs] == ["", "", ""]


# --- RELATED LINKS ------------------------------------------------------------------------------------


def test_related_links_markdown_links():
    links = read_corpus("platyps-assets/Get-Date.V2.md").cmdlet.related_links
    assert links[:2] == [
        Link("ForEach-Object", "../Microsoft.PowerShell.Core/ForEach-Object.md"),
        Link("Get-Culture", "Get-Culture.md"),
    ]
    assert len(links) == 6


def test_related_links_with_empty_text_in_a_list():
    links = read_corpus(
        "graph/Microsoft.Graph.Applications/Add-MgApplicationPassword.md"
    ).cmdlet.related_links
    assert links == [
        Link(
            "",
            "https://learn.microsoft.com/powershell/module/microsoft.graph.applications/add-mgapplicationpassword",
        ),
        Link("", "https://learn.microsoft.com/graph/api/application-addpassword?view=graph-rest-1.0"),
    ]


def test_bare_url_in_related_links():
    doc = prose_doc("## RELATED LINKS\n\nOnline: <https://example.com/get-thing>\n")
    assert read_bytes("m/Get-Thing.md", doc).cmdlet.related_links == [
        Link("", "https://example.com/get-thing")
    ]


# --- SYNOPSIS / DESCRIPTION ---------------------------------------------------------------------------


def test_synopsis_keeps_its_lines_and_drops_blank_edges():
    cmdlet = read_corpus("graph/Microsoft.Graph.Applications/Add-MgApplicationPassword.md").cmdlet
    assert cmdlet.synopsis == (
        "Adds a strong password or secret to an application.\nYou can also add passwords while creating the application."
    )


def test_description_keeps_markdown_and_fenced_code_as_written():
    description = read_corpus("jumpcloud/JumpCloud.SDK.V1/New-JcSdkUser.md").cmdlet.description
    assert description.startswith(
        '\\"This endpoint allows you to create a new system user.\n\n#### Default User State\n'
    )
    assert "```\ncurl -X POST https://console.jumpcloud.com/api/systemusers \\\\\n" in description
    assert description.endswith("    }'\n```")


def test_placeholder_only_synopsis_and_description_become_empty_with_pg040_at_the_right_lines():
    result = read_corpus("platyps-assets/Compare-CommandHelp.md")
    assert (result.cmdlet.synopsis, result.cmdlet.description) == ("", "")
    assert (16, 1, "placeholder text '{{ Fill in the Synopsis }}'") in pg040(result)
    assert (34, 1, "placeholder text '{{ Fill in the Description }}'") in pg040(result)


def test_placeholder_inside_a_sentence_is_removed_and_the_rest_kept():
    doc = prose_doc("## DESCRIPTION\n\nThis does {{ Fill in the Description }} things.\n")
    result = read_bytes("m/Get-Thing.md", doc)
    assert result.cmdlet.description == "This does  things."
    assert pg040(result) == [
        (line_of(doc, "This does"), len("This does ") + 1, "placeholder text '{{ Fill in the Description }}'")
    ]


def test_aliases_section_placeholder_is_pg040_and_gives_no_alias():
    result = read_corpus("platyps-assets/Compare-CommandHelp.md")
    assert (30, 3, "placeholder text '{{Insert list of aliases}}'") in pg040(result)
    assert result.cmdlet.aliases == []
