"""Decoding, front matter, sections and code fences, through the public entry point read_bytes."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from generator.diagnostics import Severity
from generator.read.reader import read_bytes

from support import CORPUS, HANG_SECONDS, line_of, read_corpus, watchdog


def rules(result) -> list[tuple[str, int]]:
    return [(d.rule, d.line) for d in result.diagnostics]


BODY = b"""
# Get-Thing

## SYNOPSIS
Gets a thing.

## SYNTAX

```
Get-Thing [-Name <String>] [<CommonParameters>]
```

## PARAMETERS

### -Name
The name.

```yaml
Type: System.String
Parameter Sets: (All)
Aliases:

Required: False
Position: Named
Default value: None
Accept pipeline input: False
Accept wildcard characters: False
```
"""

FRONT_MATTER = b"""---
PlatyPS schema version: 2024-05-01
Locale: Off

ms.count: 0
just some words
title: Get-Thing
---
"""


# --- front matter -----------------------------------------------------------------------------------


def test_front_matter_values_stay_raw_strings_not_yaml_scalars():
    result = read_bytes("Mod/Get-Thing.md", FRONT_MATTER + BODY)
    assert result.cmdlet.front_matter == {
        "Locale": "Off",
        "PlatyPS schema version": "2024-05-01",
        "ms.count": "0",
        "title": "Get-Thing",
    }


def test_schema_is_taken_from_the_platyps_schema_version_key_as_a_string():
    result = read_bytes("Mod/Get-Thing.md", FRONT_MATTER + BODY)
    assert result.cmdlet.schema == "2024-05-01"


def test_front_matter_key_given_twice_is_pg006_at_the_second_and_the_last_value_wins():
    doc = FRONT_MATTER.replace(b"title: Get-Thing\n", b"title: Get-Thing\nLocale: en-US\n") + BODY
    result = read_bytes("Mod/Get-Thing.md", doc)
    assert [(d.rule, d.line) for d in result.diagnostics if d.rule == "PG006"] == [
        ("PG006", line_of(doc, "en-US"))
    ]
    assert result.cmdlet.front_matter["Locale"] == "en-US"


def test_front_matter_line_without_a_colon_is_pg003_at_its_line_and_blank_lines_are_skipped():
    doc = FRONT_MATTER + BODY
    result = read_bytes("Mod/Get-Thing.md", doc)
    assert [(d.rule, d.line) for d in result.diagnostics if d.rule.startswith("PG00")] == [
        ("PG003", line_of(doc, "just some words"))
    ]


def test_real_front_matter_of_a_schema_2_file_is_read_with_empty_values_kept():
    result = read_corpus("seed/Update-MgApplicationSynchronizationJob.md")
    assert result.cmdlet.front_matter["external help file"] == ""
    assert result.cmdlet.front_matter["schema"] == "2.0.0"
    assert result.cmdlet.module == "Microsoft.Graph.Identity.Application"


def test_unclosed_front_matter_is_pg002_at_line_1_and_dropped_but_the_cmdlet_is_still_read():
    doc = b"---\nschema: 2.0.0\ntitle: Get-Thing\n" + BODY
    result = read_bytes("Mod/Get-Thing.md", doc)
    assert ("PG002", 1) in rules(result)
    assert result.cmdlet is not None
    assert result.cmdlet.front_matter == {}
    assert result.cmdlet.synopsis == "Gets a thing."


def test_missing_front_matter_is_pg002_warning():
    result = read_bytes("Mod/Get-Thing.md", BODY)
    pg002 = [d for d in result.diagnostics if d.rule == "PG002"]
    assert len(pg002) == 1 and pg002[0].severity is Severity.WARNING
    assert result.cmdlet.name == "Get-Thing"


# --- decoding and lines -------------------------------------------------------------------------------


def test_utf8_bom_is_accepted_and_changes_nothing():
    plain = read_bytes("Mod/Get-Thing.md", FRONT_MATTER + BODY)
    with_bom = read_bytes("Mod/Get-Thing.md", b"\xef\xbb\xbf" + FRONT_MATTER + BODY)
    assert asdict(with_bom.cmdlet) == asdict(plain.cmdlet)
    assert with_bom.diagnostics == plain.diagnostics
    assert with_bom.cmdlet.front_matter["PlatyPS schema version"] == "2024-05-01"


def test_invalid_utf8_gives_exactly_one_pg001_error_with_its_position_and_no_cmdlet():
    doc = (FRONT_MATTER + BODY).replace(b"Gets a thing.", b"Gets a \xff thing.")
    result = read_bytes("Mod/Get-Thing.md", doc)
    assert result.cmdlet is None
    assert len(result.diagnostics) == 1
    (diagnostic,) = result.diagnostics
    assert diagnostic.rule == "PG001"
    assert diagnostic.severity is Severity.ERROR
    assert diagnostic.line == line_of(doc.replace(b"\xff", b"?"), "Gets a ? thing.")
    assert diagnostic.column == len("Gets a ") + 1


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_file_with_a_byte_order_mark_reads_as_its_utf8_copy(encoding: str):
    data = (CORPUS / "platyps-assets/Get-ChildItem.V2.md").read_bytes()
    wide = read_bytes(
        "Get-ChildItem.V2.md", "\ufeff".encode(encoding) + data.decode("utf-8").encode(encoding)
    )
    narrow = read_bytes("Get-ChildItem.V2.md", data)
    assert asdict(wide.cmdlet) == asdict(narrow.cmdlet)
    assert wide.diagnostics == narrow.diagnostics


def test_utf16_byte_order_mark_before_bytes_that_are_no_utf16_is_pg001():
    result = read_bytes("Mod/Get-Thing.md", b"\xff\xfe# \x00\xd8")  # a lone surrogate
    assert [(d.rule, d.severity) for d in result.diagnostics] == [("PG001", Severity.ERROR)]


def test_crlf_file_gives_the_same_ir_and_line_numbers_as_its_lf_copy():
    data = (CORPUS / "platyps-assets/Get-ChildItem.V2.md").read_bytes()
    assert b"\r\n" in data
    crlf = read_bytes("Get-ChildItem.V2.md", data)
    lf = read_bytes("Get-ChildItem.V2.md", data.replace(b"\r\n", b"\n"))
    assert asdict(crlf.cmdlet) == asdict(lf.cmdlet)
    assert crlf.diagnostics == lf.diagnostics


def test_crlf_file_line_numbers_match_the_file():
    result = read_corpus("platyps-assets/Get-ChildItem.V2.md")
    cmdlet = result.cmdlet
    assert cmdlet.line == 13  # "# Get-ChildItem"
    assert cmdlet.synopsis == "Gets the items and child items in one or more specified locations."
    assert [(s.name, s.line) for s in cmdlet.parameter_sets[:2]] == [("Items", 24), ("LiteralItems", 31)]
    by_name = {p.name: p for p in cmdlet.parameters}
    assert by_name["Attributes"].line == 482
    assert by_name["Depth"].line == 595
    assert not any(s.name.endswith("\r") for s in cmdlet.parameter_sets)


# --- sections -----------------------------------------------------------------------------------------


def test_h2_titles_are_matched_case_insensitively_with_trailing_blanks():
    raw = (CORPUS / "platyps-assets/get-date.alt25.md").read_bytes()
    assert b"## SYNOPSIS           \n" in raw
    result = read_corpus("platyps-assets/get-date.alt25.md")
    assert result.cmdlet.synopsis == "Gets the current date and time."
    assert not [d for d in result.diagnostics if d.rule in ("PG010", "PG012")]


def test_lower_case_section_titles_are_known_sections():
    doc = BODY.replace(b"## SYNOPSIS", b"## Synopsis").replace(b"## PARAMETERS", b"## parameters")
    result = read_bytes("Mod/Get-Thing.md", doc)
    assert result.cmdlet.synopsis == "Gets a thing."
    assert [p.name for p in result.cmdlet.parameters] == ["Name"]


def test_output_singular_and_related_links_mixed_case_are_read():
    doc = BODY + b"""
## OUTPUT

### System.String

## Related links

[Get-Other](Get-Other.md)
"""
    result = read_bytes("Mod/Get-Thing.md", doc)
    assert [o.type.qualified_name for o in result.cmdlet.outputs] == ["System.String"]
    assert [(link.text, link.url) for link in result.cmdlet.related_links] == [("Get-Other", "Get-Other.md")]
    assert not [d for d in result.diagnostics if d.rule == "PG012"]


def test_unknown_section_is_pg012_info_at_its_heading():
    doc = BODY + b"\n## REMARKS\nwhatever\n"
    result = read_bytes("Mod/Get-Thing.md", doc)
    pg012 = [d for d in result.diagnostics if d.rule == "PG012"]
    assert [(d.line, d.severity) for d in pg012] == [(line_of(doc, "## REMARKS"), Severity.INFO)]


def test_duplicated_section_is_pg011_at_the_second_heading_and_contents_are_joined():
    doc = BODY.replace(
        b"## PARAMETERS", b"## DESCRIPTION\nDescribed once.\n\n## SYNOPSIS\nAnd more.\n\n## PARAMETERS"
    )
    result = read_bytes("Mod/Get-Thing.md", doc)
    second = [n for n, line in enumerate(doc.decode().split("\n"), 1) if line == "## SYNOPSIS"][1]
    assert ("PG011", second) in rules(result)
    assert result.cmdlet.synopsis == "Gets a thing.\n\nAnd more."


def test_joining_a_duplicated_section_does_not_swallow_the_sections_between():
    doc = BODY.replace(
        b"## PARAMETERS", b"## DESCRIPTION\nDescribed once.\n\n## SYNOPSIS\nAnd more.\n\n## PARAMETERS"
    )
    result = read_bytes("Mod/Get-Thing.md", doc)
    assert "## SYNTAX" not in result.cmdlet.synopsis
    assert "Described once." not in result.cmdlet.synopsis
    assert result.cmdlet.description == "Described once."


def test_platyps_order_with_aliases_2024_05_01_and_without_2_0_0_is_not_pg014():
    for path in (
        "graph/Microsoft.Graph.Users/Get-MgUser.md",
        "seed/Update-MgApplicationSynchronizationJob.md",
    ):
        result = read_corpus(path)
        assert not [d for d in result.diagnostics if d.rule == "PG014"], path
    assert b"## ALIASES" in (CORPUS / "graph/Microsoft.Graph.Users/Get-MgUser.md").read_bytes()


def test_two_swapped_sections_are_one_pg014_at_the_later_heading_and_both_are_still_read():
    doc = BODY.replace(b"## SYNOPSIS\nGets a thing.\n", b"").replace(
        b"## PARAMETERS", b"## SYNOPSIS\nGets a thing.\n\n## PARAMETERS"
    )
    result = read_bytes("Mod/Get-Thing.md", doc)
    found = [(d.line, d.column, d.message) for d in result.diagnostics if d.rule == "PG014"]
    assert found == [
        (
            line_of(doc, "## SYNOPSIS"),
            1,
            "section ## SYNOPSIS is out of order: platyPS puts it before ## SYNTAX",
        )
    ]
    assert result.cmdlet.synopsis == "Gets a thing."


def test_one_section_moved_to_the_top_is_one_pg014_not_one_per_following_section():
    doc = BODY.replace(b"# Get-Thing\n", b"# Get-Thing\n\n   ## Related Links\n[x](y.md)\n")
    result = read_bytes("Mod/Get-Thing.md", doc)
    found = [(d.line, d.column, d.message) for d in result.diagnostics if d.rule == "PG014"]
    assert found == [
        (
            line_of(doc, "## Related Links"),
            4,
            "section ## RELATED LINKS is out of order: platyPS puts it after ## PARAMETERS",
        )
    ]


def test_duplicated_and_unknown_sections_are_left_to_pg011_and_pg012_not_pg014():
    doc = BODY + b"\n## SYNOPSIS\nAgain.\n\n## REMARKS\nx\n"
    result = read_bytes("Mod/Get-Thing.md", doc)
    assert not [d for d in result.diagnostics if d.rule == "PG014"]


def test_quotes_nested_too_deeply_for_the_parser_are_one_pg015_error_at_the_deepest_line_not_pg000():
    doc = BODY.replace(b"Gets a thing.\n", b"Gets a thing.\n> quoted\n" + b"> " * 1000 + b"deep\n")
    result = read_bytes("Mod/Get-Thing.md", doc)
    assert result.cmdlet is None
    assert [(d.rule, d.line, d.severity) for d in result.diagnostics] == [
        ("PG002", 2, Severity.WARNING),
        ("PG015", line_of(doc, "deep"), Severity.ERROR),
    ]


def test_lists_nested_by_indentation_too_deeply_are_pg015_too():
    nested = b"".join(b"  " * depth + b"- item\n" for depth in range(1000))
    result = read_bytes("Mod/Get-Thing.md", BODY.replace(b"Gets a thing.\n", b"Gets a thing.\n\n" + nested))
    assert [d.rule for d in result.diagnostics if d.severity is Severity.ERROR] == ["PG015"]


def test_a_long_paragraph_of_link_openers_is_read_fast_inline_markup_is_never_parsed():
    # mistletoe's link finder is quadratic: this 32 KB paragraph took 18 s when it was parsed inline.
    text = b"[a](" * 8000
    with watchdog(HANG_SECONDS, "reading 8000 link openers"):
        result = read_bytes("Mod/Get-Thing.md", BODY.replace(b"Gets a thing.", text))
    assert result.cmdlet.synopsis == text.decode()


def test_characters_python_counts_as_line_breaks_do_not_shift_line_numbers():
    # str.splitlines breaks at \x0b \x0c \x1c-\x1e \x85 \u2028 \u2029; the file's lines do not.
    odd = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029".encode()
    doc = BODY.replace(b"Gets a thing.", b"Gets" + odd + b"a thing.").replace(
        b"The name.", b"The" + odd + b"name."
    )
    result = read_bytes("Mod/Get-Thing.md", doc)
    assert result.cmdlet.synopsis == "Gets" + odd.decode() + "a thing."
    assert result.cmdlet.parameters[0].description == "The" + odd.decode() + "name."
    assert result.cmdlet.parameter_sets[0].line == line_of(doc, "Get-Thing [-Name")
    assert [d.rule for d in result.diagnostics] == ["PG002"]


def test_nul_and_other_control_characters_are_kept_as_text():
    controls = "".join(chr(c) for c in range(0x20) if chr(c) not in "\n\r") + "\x7f"
    result = read_bytes(
        "Mod/Get-Thing.md", BODY.replace(b"Gets a thing.", b"Gets" + controls.encode() + b".")
    )
    assert result.cmdlet.synopsis == "Gets" + controls + "."


# --- code fences --------------------------------------------------------------------------------------


FENCED = BODY.replace(
    b"## PARAMETERS",
    b"""## DESCRIPTION
Before.

```
## NOT A SECTION
---
# not a title
### -NotAParameter
```

After.

## PARAMETERS""",
)


def test_headings_inside_code_fences_are_not_sections():
    result = read_bytes("Mod/Get-Thing.md", FENCED)
    assert result.cmdlet.description == (
        "Before.\n\n```\n## NOT A SECTION\n---\n# not a title\n### -NotAParameter\n```\n\nAfter."
    )
    assert not [d for d in result.diagnostics if d.rule in ("PG011", "PG012")]


def test_headings_inside_code_fences_are_not_parameters():
    result = read_bytes("Mod/Get-Thing.md", FENCED)
    assert [p.name for p in result.cmdlet.parameters] == ["Name"]


def test_dashes_inside_a_code_fence_in_the_front_matter_area_do_not_close_it():
    doc = b"---\ntitle: Get-Thing\n```\n---\n```\n" + BODY
    result = read_bytes("Mod/Get-Thing.md", doc)
    assert ("PG002", 1) in rules(result)
    assert result.cmdlet.front_matter == {}


UNCLOSED = b"""---
schema: 2.0.0
---

# Get-Thing

## SYNOPSIS
S

## SYNTAX

```
Get-Thing [-Name <String>] [-Count <Int32>] [<CommonParameters>]
```

## PARAMETERS

### -Name
The name.

```yaml
Type: System.String
Parameter Sets: (All)
Required: False

### -Count
How many.

```yaml
Type: System.Int32
Parameter Sets: (All)
Required: True
```
"""


def test_unclosed_code_fence_is_pg013_at_the_fence_and_ends_before_the_next_heading():
    result = read_bytes("Mod/Get-Thing.md", UNCLOSED)
    pg013 = [d for d in result.diagnostics if d.rule == "PG013"]
    assert [d.line for d in pg013] == [line_of(UNCLOSED, "Parameter Sets: (All)") - 2]
    assert f"before line {line_of(UNCLOSED, '### -Count')}" in pg013[0].message


def test_parameters_after_an_unclosed_fence_are_still_read():
    result = read_bytes("Mod/Get-Thing.md", UNCLOSED)
    by_name = {p.name: p for p in result.cmdlet.parameters}
    assert list(by_name) == ["Name", "Count"]
    assert by_name["Name"].type.name == "String"
    assert by_name["Count"].type.name == "Int32"
    assert by_name["Count"].sets[0].required is True
    assert by_name["Count"].line == line_of(UNCLOSED, "### -Count")


# --- whole-file outcomes ------------------------------------------------------------------------------


def test_module_page_is_flagged_with_pg004_info_and_gives_no_cmdlet():
    result = read_corpus("jumpcloud/JumpCloud.SDK.V1/JumpCloud.SDK.V1.md")
    assert result.module_page is True
    assert result.cmdlet is None
    assert [(d.rule, d.line, d.severity) for d in result.diagnostics] == [("PG004", 1, Severity.INFO)]


def test_platyps_module_page_without_module_guid_is_recognised_by_its_title():
    result = read_corpus("platyps-assets/Microsoft.PowerShell.Archive.md")
    assert result.module_page is True
    assert rules(result) == [("PG004", 1)]


def test_garbage_file_without_front_matter_or_syntax_is_skipped_with_one_info():
    result = read_corpus("platyps-assets/bad-commandhelp.md")
    assert result.cmdlet is None
    assert result.module_page is False
    assert rules(result) == [("PG007", 1)]
    assert result.diagnostics[0].severity is Severity.INFO


def test_a_file_whose_h1_names_a_cmdlet_but_has_no_syntax_is_an_error():
    result = read_bytes("Mod/Get-Thing.md", b"# Get-Thing\n\n## SYNOPSIS\nGets a thing.\n")
    assert result.cmdlet is None
    assert ("PG020", 1) in rules(result)
    assert [d.severity for d in result.diagnostics if d.rule == "PG020"] == [Severity.ERROR]


def test_title_differing_from_the_file_name_is_pg005_at_the_h1():
    result = read_corpus("platyps-assets/get-date.alt01.md")
    assert ("PG005", 11) in rules(result)
    assert result.cmdlet.name == "Get-Date"


def test_missing_synopsis_is_pg010():
    result = read_corpus("platyps-assets/get-datebad.md")
    assert [(d.rule, d.message) for d in result.diagnostics if d.rule == "PG010"] == [
        ("PG010", "section ## SYNOPSIS is missing")
    ]


def test_a_leading_link_definition_line_does_not_crash_the_block_parser():
    # Found by the fuzzer: mistletoe stores `[x]: y` as a link definition on the document root.
    result = read_bytes(
        "x.md", b"  [(Any) <Object>]:0\n# Get-Thing\n\n## SYNTAX\n\n```\nGet-Thing [-A]\n```\n"
    )
    assert result.cmdlet is not None
    assert [p.name for p in result.cmdlet.parameter_sets[0].parameters] == ["A"]
