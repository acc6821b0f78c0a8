"""NOTES: the ALIASES block and the "COMPLEX PARAMETER PROPERTIES" trees.

Dialects found in real files, all handled by one line reader:
- roots `NAME <IType>: desc` and `` `NAME <IType>`: desc `` at column 0;
- properties `` - `[Name <Type>]`: desc `` (optional) and `` - `Name <Type>`: desc `` (required);
- the 2024-05-01 form `[Name <Type>]: desc` without bullet or backticks, whose description may go on
  over following lines that start at column 0;
- `(Any) <Object>` for "additional properties allowed"; nesting by indentation, 2 spaces a level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.diagnostics import DiagnosticSink
from generator.ir import PropertyNode, PropertyTree
from generator.read.document import Section
from generator.read.placeholders import clean_text
from generator.read.source import Source
from generator.read.typeref import parse_type

_MARKER = re.compile(r"^\s*COMPLEX\s+PARAMETER\s+PROPERTIES\s*$", re.IGNORECASE)
_ALIASES = re.compile(r"^\s*ALIASES\s*$")
_NAME = re.compile(r"\(Any\)|[A-Za-z_@$][\w.@$-]*")
_ROOT_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
_CMDLET_NAME = re.compile(r"^[A-Za-z]+-[A-Za-z0-9]+$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class _Entry:
    indent: int
    name: str
    type_text: str
    description: str
    required: bool
    decorated: bool  # had a bullet, backticks or brackets
    bullet: bool

    @property
    def is_root(self) -> bool:
        return (
            self.indent == 0 and not self.bullet and self.required and bool(_ROOT_NAME.fullmatch(self.name))
        )


def read_notes(
    source: Source, section: Section, sink: DiagnosticSink
) -> tuple[list[PropertyTree], list[str]]:
    trees: list[PropertyTree] = []
    aliases: list[str] = []
    for first, last in section.spans():
        more_trees, more_aliases = _read_span(source.span(first, last), first, sink)
        trees += more_trees
        aliases += more_aliases
    return trees, aliases


def _read_span(lines: list[str], first: int, sink: DiagnosticSink) -> tuple[list[PropertyTree], list[str]]:
    marker = next((i for i, line in enumerate(lines) if _MARKER.match(line)), None)
    aliases = _aliases(lines[: marker if marker is not None else len(lines)])
    if marker is None:
        return [], aliases
    return _trees(lines, marker + 1, first, sink), aliases


def _aliases(lines: list[str]) -> list[str]:
    start = next((i for i, line in enumerate(lines) if _ALIASES.match(line)), None)
    if start is None:
        return []
    return [line.strip() for line in lines[start + 1 :] if _CMDLET_NAME.match(line.strip())]


def _trees(lines: list[str], start: int, first_line: int, sink: DiagnosticSink) -> list[PropertyTree]:
    trees: list[PropertyTree] = []
    stack: list[tuple[int, PropertyNode]] = []
    tree: PropertyTree | None = None
    last: PropertyNode | PropertyTree | None = None
    in_fence = False
    for index in range(start, len(lines)):
        raw = _expand_indentation(lines[index])
        number = first_line + index
        if _FENCE.match(raw):
            in_fence = not in_fence
            last = None
            continue
        if in_fence:
            continue
        if not raw.strip():
            last = None
            continue
        entry = _entry(raw)
        if entry is not None and entry.is_root:
            type_ref, error = parse_type(entry.type_text)
            if error:
                sink.warning("PG050", number, error)
            tree = PropertyTree(entry.name, type_ref, entry.description, number)
            trees.append(tree)
            stack = []
            last = tree
            continue
        if entry is not None and tree is not None and (entry.indent > 0 or entry.decorated):
            node = _node(entry, number, sink)
            while stack and stack[-1][0] >= entry.indent:
                stack.pop()
            parent_indent = stack[-1][0] if stack else 0
            if entry.indent - parent_indent != 2:
                sink.warning(
                    "PG051",
                    number,
                    f"property {entry.name!r} is indented {entry.indent} spaces; expected {parent_indent + 2}",
                    entry.indent + 1,
                )
            (stack[-1][1].children if stack else tree.properties).append(node)
            stack.append((entry.indent, node))
            last = node
            continue
        if last is not None:
            # A description that goes on over the next lines (2024-05-01 writes them at column 0).
            last.description = f"{last.description}\n{raw.strip()}" if last.description else raw.strip()
            continue
        if tree is not None and entry is None and raw.lstrip().startswith(("- `", "[", "`")):
            sink.warning("PG050", number, f"NOTES line not understood: {raw.strip()!r}")
    return trees


def _expand_indentation(line: str) -> str:
    """A tab in the indentation counts as one level (2 spaces); tabs in a description are text."""
    text = line.lstrip(" \t")
    return line[: len(line) - len(text)].replace("\t", "  ") + text


def _node(entry: _Entry, number: int, sink: DiagnosticSink) -> PropertyNode:
    type_ref, error = parse_type(entry.type_text)
    if error:
        sink.warning("PG050", number, error)
    return PropertyNode(entry.name, type_ref, entry.required, entry.description, number)


def _entry(raw: str) -> _Entry | None:
    """Read `- `[Name <Type>]`: desc` and its variants; None when the line is not an entry."""
    indent = len(raw) - len(raw.lstrip(" "))
    text = raw.strip()
    decorated = bullet = False
    if text.startswith("- ") or text.startswith("* "):
        text, decorated, bullet = text[2:].lstrip(), True, True
    tick = text.startswith("`")
    if tick:
        text, decorated = text[1:], True
    bracket = text.startswith("[")
    if bracket:
        text, decorated = text[1:], True
    name_match = _NAME.match(text)
    if not name_match:
        return None
    name = name_match.group(0)
    rest = text[name_match.end() :]
    if not rest.startswith(" <") and not rest.startswith("<"):
        return None
    rest = rest.lstrip()
    close = _matching_angle(rest)
    if close is None:
        return None
    type_text, rest = rest[1:close], rest[close + 1 :]
    if bracket:
        if not rest.startswith("]"):
            return None
        rest = rest[1:]
    if tick:
        if not rest.startswith("`"):
            return None
        rest = rest[1:]
    if not rest.startswith(":"):
        return None
    return _Entry(
        indent, name, type_text, rest[1:].strip(), required=not bracket, decorated=decorated, bullet=bullet
    )


def _matching_angle(text: str) -> int | None:
    depth = 0
    for index, char in enumerate(text):
        if char == "<":
            depth += 1
        elif char == ">":
            depth -= 1
            if depth == 0:
                return index
    return None


def aliases_section(source: Source, section: Section, sink: DiagnosticSink) -> list[str]:
    """`## ALIASES` (2024-05-01): cmdlet names listed under the section, placeholders flagged."""
    names: list[str] = []
    for first, last in section.spans():
        text = clean_text("\n".join(source.span(first, last)), first, sink)
        names += [line.strip() for line in text.split("\n") if _CMDLET_NAME.match(line.strip())]
    return names
