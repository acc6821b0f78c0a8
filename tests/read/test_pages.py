"""A docs folder as published: pages that are no cmdlet's help are skipped with one info; the name of a
cmdlet comes from its syntax and front matter when the H1 disagrees."""

from __future__ import annotations

import pytest

from generator.diagnostics import Severity
from generator.read.reader import read_bytes

from support import ROOT

FOLDER = ROOT / "tests" / "fixtures" / "docs_folder"

PAGES = {
    "README.md": "PG007",  # AutoRest's docs/README.md
    "site/index.md": "PG007",  # a documentation site's landing page, with front matter
    "site/reference.md": "PG007",  # a hand-written list of cmdlets, with front matter
    "TOC.md": "PG007",
    "about_Fabrikam.md": "PG007",  # an about_ topic, even with a SYNTAX section of its own
    "getting-started.md": "PG007",  # no front matter, no SYNTAX
    "Fabrikam.Kube/Fabrikam.Kube.md": "PG004",  # platyPS's module page
}


@pytest.mark.parametrize(("page", "rule"), sorted(PAGES.items()))
def test_a_page_that_is_no_cmdlets_help_is_skipped_with_one_info_and_nothing_else(
    page: str, rule: str
) -> None:
    result = read_bytes(page, (FOLDER / page).read_bytes())
    assert result.cmdlet is None
    assert result.skipped
    assert [(d.rule, d.severity, d.line) for d in result.diagnostics] == [(rule, Severity.INFO, 1)]


def test_every_other_file_of_the_folder_is_a_cmdlet() -> None:
    files = sorted(p.relative_to(FOLDER).as_posix() for p in FOLDER.rglob("*.md"))
    cmdlets = [f for f in files if f not in PAGES]
    assert len(cmdlets) == 9
    for name in cmdlets:
        result = read_bytes(name, (FOLDER / name).read_bytes())
        assert result.cmdlet is not None and not result.skipped, name
        assert not [d for d in result.diagnostics if d.severity is Severity.ERROR], name


CLAIMS = """---
{front}
---

# {h1}

## SYNOPSIS
Gets a thing.

## DESCRIPTION
Gets a thing.
"""


@pytest.mark.parametrize(
    ("front", "h1"),
    [
        ("schema: 2.0.0", "Get-Thing"),  # the H1 is a cmdlet's name
        ("title: Get-Thing", "Things"),  # the front matter's title is
        ("document type: cmdlet", "Things"),  # platyPS 2024's front matter says so
        ("schema: 2.0.0", "Get-Thing."),  # with a stray dot
    ],
)
def test_a_file_that_claims_to_be_a_cmdlet_without_syntax_is_still_pg020(front: str, h1: str) -> None:
    result = read_bytes("Mod/Get-Thing.md", CLAIMS.format(front=front, h1=h1).encode())
    assert result.cmdlet is None and not result.skipped
    assert [d.severity for d in result.diagnostics if d.rule == "PG020"] == [Severity.ERROR]


def test_a_conceptual_page_with_a_syntax_section_of_prose_is_skipped_a_cmdlets_is_not() -> None:
    page = b"# Splatting\n\n## Syntax\n\nPass a hashtable with @ instead of $.\n\n## Examples\n\nNone.\n"
    result = read_bytes("docs/splatting.md", page)
    assert result.cmdlet is None and result.skipped
    assert [(d.rule, d.severity) for d in result.diagnostics] == [("PG007", Severity.INFO)]
    claimed = read_bytes("docs/Get-Thing.md", page.replace(b"# Splatting", b"# Get-Thing"))
    assert not claimed.skipped and "PG020" in [d.rule for d in claimed.diagnostics]


def test_a_file_named_readme_is_skipped_even_when_it_looks_like_help() -> None:
    text = CLAIMS.format(front="title: Get-Thing", h1="Get-Thing") + "\n## SYNTAX\n\n```\nGet-Thing\n```\n"
    result = read_bytes("Mod/README.md", text.encode())
    assert result.cmdlet is None and result.skipped == "a README"


HELP = """---
Module Name: Contoso
schema: 2.0.0
{title}---

# {h1}

## SYNOPSIS
Gets group members.

## SYNTAX

```
{command} -GroupId <String> [<CommonParameters>]
```

## PARAMETERS

### -GroupId
The group.

```yaml
Type: String
Parameter Sets: (All)
Aliases:

Required: True
Position: Named
Default value: None
Accept pipeline input: False
Accept wildcard characters: False
```
"""


def read_help(h1: str, command: str, stem: str = "Get-XyGroupMember", title: str = ""):
    text = HELP.format(h1=h1, command=command, title=f"title: {title}\n" if title else "")
    return read_bytes(f"Contoso/{stem}.md", text.encode())


def test_a_trailing_dot_in_the_h1_is_no_part_of_the_cmdlets_name() -> None:
    result = read_help("Get-XyGroupMember.", "Get-XyGroupMember")
    assert result.cmdlet.name == "Get-XyGroupMember"
    assert [d.rule for d in result.diagnostics if d.rule in ("PG005", "PG023")] == ["PG005"]
    [warning] = [d for d in result.diagnostics if d.rule == "PG005"]
    assert "as its syntax says" in warning.message


def test_the_syntax_names_the_cmdlet_when_the_title_or_the_file_name_agrees_with_it() -> None:
    assert read_help("Get-XyGroupMembers", "Get-XyGroupMember").cmdlet.name == "Get-XyGroupMember"
    result = read_help("Get-XyGroupMembers", "Get-XyGroupMember", stem="members", title="Get-XyGroupMember")
    assert result.cmdlet.name == "Get-XyGroupMember"


def test_the_h1_stays_when_nothing_else_agrees_with_the_syntax() -> None:
    result = read_help("Get-XyGroupMember", "Get-XyMember")
    assert result.cmdlet.name == "Get-XyGroupMember"
    assert "PG023" in [d.rule for d in result.diagnostics]
