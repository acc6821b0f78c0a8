"""Synthetic corpora: the real corpus copied until there are N files, every copy renamed.

Copy 0 is the corpus as it is. Copy k renames, consistently inside each file, the cmdlet
(`Get-MgUser` → `Get-MgUserCopy7`), its parameters (`-UserId` → `-UserIdCopy7`, NOTES roots
`USERID <...>` → `USERIDCOPY7 <...>`) and every model type it names (`IMicrosoftGraphUser` →
`IMicrosoftGraphUserCopy7`), so the resolver sees new cmdlets and new types and cannot merge a copy
into the original. Namespaces are kept: a copy's types land in the same model modules, as a larger
real module (Microsoft.Graph has tens of thousands of help files over two model namespaces) would.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.ir import Cmdlet, PropertyNode, TypeRef
from generator.pipeline import find_specs, read_file
from generator.resolve.types import is_model_type

# Parameters the generator gives a meaning by name (PowerShell common and transport parameters,
# OData query options, paging); renaming them would change what a copy means, not only its names.
KEPT_PARAMETERS = {
    name.lower()
    for name in (
        "Confirm WhatIf Verbose Debug ErrorAction ErrorVariable WarningAction WarningVariable InformationAction "
        "InformationVariable OutVariable OutBuffer PipelineVariable ProgressAction CommonParameters Break "
        "HttpPipelineAppend HttpPipelinePrepend Proxy ProxyCredential ProxyUseDefaultCredentials "
        "ResponseHeadersVariable Headers PassThru AsJob NoWait Filter Property ExpandProperty Sort Top Skip "
        "Search Count CountVariable All PageSize ConsistencyLevel InputObject"
    ).split()
}


@dataclass(frozen=True)
class BaseFile:
    """One corpus file and the names a copy renames."""

    relative: str  # path inside the corpus
    text: str
    cmdlet: str | None
    parameters: tuple[str, ...]
    types: tuple[str, ...]


def base_files(corpus: Path) -> list[BaseFile]:
    """Every help file of the corpus that reads without an error (generate stops on errors)."""
    found = []
    for path in find_specs(corpus):
        result = read_file(path, corpus)
        if any(d.severity.value == "error" for d in result.diagnostics):
            continue
        text = path.read_bytes().decode("utf-8-sig")
        cmdlet = result.cmdlet
        found.append(
            BaseFile(
                relative=path.relative_to(corpus).as_posix(),
                text=text,
                cmdlet=cmdlet.name if cmdlet else None,
                parameters=tuple(sorted(_parameters(cmdlet))) if cmdlet else (),
                types=tuple(sorted(_model_types(cmdlet))) if cmdlet else (),
            )
        )
    return found


def _parameters(cmdlet: Cmdlet) -> set[str]:
    names = {p.name for p in cmdlet.parameters}
    names |= {sp.name for s in cmdlet.parameter_sets for sp in s.parameters}
    return {n for n in names if n.lower() not in KEPT_PARAMETERS and re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", n)}


def _model_types(cmdlet: Cmdlet) -> set[str]:
    refs: list[TypeRef] = [p.type for p in cmdlet.parameters if p.type]
    refs += [sp.type for s in cmdlet.parameter_sets for sp in s.parameters if sp.type]
    refs += [d.type for d in cmdlet.inputs + cmdlet.outputs if d.type]

    def nodes(items: list[PropertyNode]) -> None:
        for node in items:
            refs.append(node.type)
            nodes(node.children)

    for tree in cmdlet.property_trees:
        refs.append(tree.type)
        nodes(tree.properties)
    found: set[str] = set()
    stack = list(refs)
    while stack:
        ref = stack.pop()
        stack.extend(ref.args)
        if is_model_type(ref):
            found.add(ref.name)
    return found


def _words(names: tuple[str, ...], edge: str) -> re.Pattern[str] | None:
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!{edge})(?:{alternatives})(?!{edge})")


def renamed(base: BaseFile, copy: int) -> tuple[str, str]:
    """(relative path, text) of copy number `copy` of a file; copy 0 is the file itself."""
    if copy == 0:
        return base.relative, base.text
    suffix = f"Copy{copy}"
    text = base.text
    types = _words(base.types, r"[\w]")
    if types:
        text = types.sub(lambda m: m.group(0) + suffix, text)
    if base.parameters:
        # `-Name` in SYNTAX, headings and examples; `NAME` as a NOTES tree root.
        alternatives = "|".join(re.escape(n) for n in sorted(base.parameters, key=len, reverse=True))
        dashed = re.compile(rf"(?<![\w-])-({alternatives})(?![\w-])")
        text = dashed.sub(lambda m: "-" + m.group(1) + suffix, text)
        roots = "|".join(re.escape(n.upper()) for n in sorted(base.parameters, key=len, reverse=True))
        upper = re.compile(rf"(?<![\w-])({roots})(?=\s*<)")
        text = upper.sub(lambda m: m.group(1) + suffix.upper(), text)
    folder, _, name = base.relative.rpartition("/")
    stem = name[: -len(".md")]
    if base.cmdlet:
        cmdlet = _words((base.cmdlet,), r"[\w-]")
        assert cmdlet is not None
        text = cmdlet.sub(lambda m: m.group(0) + suffix, text)
    stem = stem + suffix
    return f"copy{copy:04d}/{folder + '/' if folder else ''}{stem}.md", text


def build(corpus: Path, target: Path, count: int, bases: list[BaseFile] | None = None) -> int:
    """Write `count` files (the corpus, then renamed copies) under `target`; returns the number written."""
    bases = bases if bases is not None else base_files(corpus)
    if not bases:
        raise ValueError(f"no help file without errors in {corpus}")
    if target.exists():
        shutil.rmtree(target)
    written = 0
    copy = 0
    while written < count:
        for base in bases:
            if written == count:
                break
            relative, text = renamed(base, copy)
            path = target / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written += 1
        copy += 1
    return written
