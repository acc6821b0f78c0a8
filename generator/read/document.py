"""Block structure of a help file (mistletoe), cut into H2 sections and H3 subsections.

mistletoe finds the blocks and their first lines; the text of a block is always taken from the
original lines, so nothing mistletoe interprets (link definitions, escapes, emphasis) is lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from mistletoe import Document as MarkdownDocument
from mistletoe import block_token, span_token

from generator.diagnostics import DiagnosticSink
from generator.read.source import Source

ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_FENCE_OPEN = re.compile(r"^( {0,3})(`{3,}|~{3,})(.*)$")


@dataclass
class Block:
    kind: str  # "heading", "code" or "text"
    line: int
    end: int
    level: int = 0
    text: str = ""
    info: str = ""


@dataclass
class Section:
    """An H2 section (or the preamble before the first H2) with its blocks."""

    title: str  # normalised: upper case, single spaces
    heading: str
    line: int
    end: int
    blocks: list[Block] = field(default_factory=list)
    # Line ranges (first, last) of later copies of this section, joined to it (PG011).
    more: list[tuple[int, int]] = field(default_factory=list)

    def spans(self) -> list[tuple[int, int]]:
        """The line ranges holding the section's content: its own lines, then those of its later copies."""
        return [(self.line + 1, self.end), *self.more]

    def subsections(self) -> list[Section]:
        """Split at H3 headings; blocks before the first H3 form a subsection with an empty heading."""
        parts: list[Section] = []
        current = Section("", "", self.line, self.line)
        for block in self.blocks:
            if block.kind == "heading" and block.level == 3:
                if current.blocks or current.heading:
                    parts.append(current)
                current = Section(normalise_title(block.text), block.text, block.line, block.end)
                continue
            current.blocks.append(block)
            current.end = block.end
        if current.blocks or current.heading:
            parts.append(current)
        return parts


def normalise_title(text: str) -> str:
    return " ".join(text.split()).upper()


@dataclass
class Document:
    source: Source
    title: Block | None  # the first H1
    sections: list[Section]
    parsed: bool = True  # False: the markdown could not be parsed at all (PG015)


def parse(source: Source, sink: DiagnosticSink) -> Document:
    try:
        blocks = _blocks(source, sink)
    except RecursionError:
        # mistletoe recurses once per level of quote or list nesting; ~200 levels exhaust the stack.
        message = "quotes or lists nested too deeply for the markdown parser; file not read"
        sink.error("PG015", _deepest_line(source), message)
        return Document(source, None, [], parsed=False)
    title: Block | None = None
    sections: list[Section] = []
    current: Section | None = None
    for block in blocks:
        if block.kind == "heading" and block.level == 1 and title is None and current is None:
            title = block
            continue
        if block.kind == "heading" and block.level <= 2:
            current = Section(normalise_title(block.text), block.text, block.line, block.end)
            sections.append(current)
            continue
        if current is not None:
            current.blocks.append(block)
            current.end = block.end
    for index, section in enumerate(sections):
        # A section ends where the next heading of its level starts, blank lines included.
        following = sections[index + 1].line - 1 if index + 1 < len(sections) else len(source.lines)
        section.end = max(section.end, following)
    return Document(source, title, sections)


def _deepest_line(source: Source) -> int:
    """The line with the longest run of quote and list markers and indentation: where the nesting is."""
    depths = [len(line) - len(line.lstrip(" \t>*+-.)0123456789")) for line in source.lines]
    return depths.index(max(depths)) + 1 if depths else 1


def _blocks(source: Source, sink: DiagnosticSink) -> list[Block]:
    lines = source.lines
    start = source.front_matter_end
    result: list[Block] = []
    while True:
        # Our lines, not str.splitlines: that also breaks at \x0c, \x1c, \u2028 ..., which would shift
        # every line number after one of them. Through mistletoe's Document, not block_token.tokenize:
        # a leading `[x]: y` line is a link definition, which tokenize alone cannot store.
        text = ["\n"] * start + [line + "\n" for line in lines[start:]]
        with _blocks_only():
            tokens = MarkdownDocument(text).children or []
        restart: int | None = None
        for token in tokens:
            line = getattr(token, "line_number", 1)
            if isinstance(token, block_token.Heading):
                match = ATX.match(lines[line - 1]) if line <= len(lines) else None
                heading_text = match.group(2).strip() if match else ""
                result.append(Block("heading", line, line, token.level, heading_text))
            elif isinstance(token, block_token.CodeFence):
                block, restart = _code_block(source, token, line, sink)
                result.append(block)
                if restart is not None:
                    break
            else:
                result.append(Block("text", line, line))
        if restart is None:
            break
        start = restart - 1
    _extend_text_blocks(result, len(lines))
    return result


@contextmanager
def _blocks_only() -> Iterator[None]:
    """Parse blocks without inline markup, which is never used here (block text comes from the lines).

    mistletoe parses links and emphasis inside every paragraph as it builds it, and its link finder
    is quadratic: one 32 KB paragraph of `[a](` took 18 s. With only its fallback token (RawText)
    left, inline parsing is a no-op. mistletoe's own renderers switch tokens the same way, through
    the module's token list; the reader is single-threaded.
    """
    saved = list(span_token._token_types)
    span_token._token_types[:] = [span_token.RawText]
    try:
        yield
    finally:
        span_token._token_types[:] = saved


def _code_block(
    source: Source, token: block_token.CodeFence, line: int, sink: DiagnosticSink
) -> tuple[Block, int | None]:
    opening = _FENCE_OPEN.match(source.line(line))
    fence = opening.group(2) if opening else "```"
    content = token.content
    count = content.count("\n")
    end = line + count + 1
    closing = source.line(end).strip()
    info = token.info_string.strip() if isinstance(token.info_string, str) else ""
    if end <= len(source.lines) and closing.startswith(fence[0] * len(fence)) and not closing.strip(fence[0]):
        return Block("code", line, end, text=content, info=info), None
    # Unclosed fence: it would swallow the rest of the file. End it before the next heading instead.
    for number in range(line + 1, len(source.lines) + 1):
        if ATX.match(source.line(number)):
            sink.warning("PG013", line, f"code fence not closed; assumed to end before line {number}")
            text = "".join(s + "\n" for s in source.span(line + 1, number - 1))
            return Block("code", line, number - 1, text=text, info=info), number
    sink.warning("PG013", line, "code fence not closed before the end of the file")
    return Block("code", line, len(source.lines), text=content, info=info), None


def _extend_text_blocks(blocks: list[Block], last_line: int) -> None:
    for index, block in enumerate(blocks):
        if block.kind != "text":
            continue
        following = blocks[index + 1].line - 1 if index + 1 < len(blocks) else last_line
        block.end = max(block.line, following)
