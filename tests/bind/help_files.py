"""Minimal platyPS help files written in a test, for cmdlets whose real help is not in the corpus.

What the reader and the binders need and nothing else: front matter with the module, the H1, SYNTAX
with one block per parameter set, and a `### -Name` block per parameter (2024-05-01 YAML). Key
parameters are described as Graph describes them: "The unique identifier of synchronizationJob".
"""

from __future__ import annotations

import re

from generator.ir import Cmdlet
from generator.read.reader import read_bytes

# Parameters that are not keys, and the type the help gives them.
_TYPES = {
    "InputObject": "Microsoft.Graph.PowerShell.Models.IGraphIdentity",
    "BodyParameter": "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphBody",
    "OdataId": "System.String",
}
_DESCRIPTIONS = {
    "InputObject": "Identity Parameter",
    "BodyParameter": "The request body.",
    "OdataId": "The entity reference URL of the resource.",
}


def key_description(parameter: str) -> str | None:
    """`SynchronizationJobId` → "The unique identifier of synchronizationJob"; `EventId1` → "... of event"."""
    match = re.fullmatch(r"(\w+?)Id\d*", parameter)
    if parameter in _TYPES or match is None:
        return None
    keyed = match.group(1)
    return f"The unique identifier of {keyed[:1].lower()}{keyed[1:]}"


def help_text(
    name: str, module: str, sets: dict[str, list[str]], descriptions: dict[str, str] | None = None
) -> str:
    """A help file for `name` whose parameter sets take the given parameters (all required)."""
    descriptions = descriptions or {}
    lines = [
        "---",
        "document type: cmdlet",
        f"Module Name: {module}",
        "PlatyPS schema version: 2024-05-01",
        f"title: {name}",
        "---",
        "",
        f"# {name}",
        "",
        "## SYNOPSIS",
        "",
        "A cmdlet for a test.",
        "",
        "## SYNTAX",
        "",
    ]
    members: dict[str, list[str]] = {}
    for index, (set_name, parameters) in enumerate(sets.items()):
        default = " (Default)" if index == 0 else ""
        syntax = " ".join(f"-{p} <{_TYPES.get(p, 'string').rpartition('.')[2]}>" for p in parameters)
        lines += [
            f"### {set_name}{default}",
            "",
            "```",
            f"{name} {syntax} [<CommonParameters>]".replace("  ", " "),
            "```",
            "",
        ]
        for parameter in parameters:
            members.setdefault(parameter, []).append(set_name)
    lines += ["## PARAMETERS", ""]
    for parameter, set_names in sorted(members.items()):
        text = (
            descriptions.get(parameter)
            or _DESCRIPTIONS.get(parameter)
            or key_description(parameter)
            or parameter
        )
        lines += [
            f"### -{parameter}",
            "",
            text,
            "",
            "```yaml",
            f"Type: {_TYPES.get(parameter, 'System.String')}",
        ]
        lines += ["DefaultValue: ''", "SupportsWildcards: false", "Aliases: []", "ParameterSets:"]
        for set_name in set_names:
            lines += [
                f"- Name: {set_name}",
                "  Position: Named",
                "  IsRequired: true",
                "  ValueFromPipeline: false",
                "  ValueFromPipelineByPropertyName: false",
                "  ValueFromRemainingArguments: false",
            ]
        lines += ["DontShow: false", "AcceptedValues: []", "HelpMessage: ''", "```", ""]
    return "\n".join(lines)


def help_cmdlet(
    name: str, module: str, sets: dict[str, list[str]], descriptions: dict[str, str] | None = None
) -> Cmdlet:
    result = read_bytes(f"{module}/{name}.md", help_text(name, module, sets, descriptions).encode())
    assert result.cmdlet is not None, result.diagnostics
    return result.cmdlet
