"""The prose sections: SYNOPSIS, DESCRIPTION, INPUTS/OUTPUTS, EXAMPLES, RELATED LINKS."""

from __future__ import annotations

import re

from generator.diagnostics import DiagnosticSink
from generator.ir import CodeBlock, Example, Link, TypeDoc
from generator.read.document import Block, Section
from generator.read.placeholders import PLACEHOLDER, clean_text
from generator.read.source import Source
from generator.read.typeref import parse_type

_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_URL = re.compile(r"<?(https?://[^\s>)]+)>?")
_EXAMPLE_TITLE = re.compile(r"^[-\s]*(.*?)[-\s]*$")
_PROMPT_ONLY = re.compile(r"^\s*(PS\s*[A-Za-z]:\\>|PS>)?\s*$")


def read_prose(source: Source, section: Section | None, sink: DiagnosticSink) -> str:
    if section is None:
        return ""
    # clean_text strips the blank edges itself; stripping them first would shift its line numbers.
    parts = [clean_text("\n".join(source.span(first, last)), first, sink) for first, last in section.spans()]
    return "\n\n".join(part for part in parts if part)


def read_type_docs(source: Source, section: Section | None, sink: DiagnosticSink) -> list[TypeDoc]:
    if section is None:
        return []
    docs: list[TypeDoc] = []
    for part in section.subsections():
        text = clean_text(_text(source, part), part.line + 1, sink)
        if not part.heading:
            if text.strip().lower() in ("none", "none."):
                docs.append(TypeDoc(None, "", part.line + 1))
            elif text:
                docs.append(TypeDoc(None, text, part.line + 1))
            continue
        if part.heading.strip().lower() in ("none", "none."):
            docs.append(TypeDoc(None, text, part.line))
            continue
        ref, error = parse_type(part.heading)
        if error:
            # An H3 here may be prose ("### Outputs depend on input"); keep it as text.
            docs.append(TypeDoc(None, "\n".join(filter(None, [part.heading, text])), part.line))
            continue
        docs.append(TypeDoc(ref, text, part.line))
    return docs


def read_examples(source: Source, section: Section | None, sink: DiagnosticSink) -> list[Example]:
    if section is None:
        return []
    examples: list[Example] = []
    for part in section.subsections():
        if not part.heading and not part.blocks:
            continue
        title = _EXAMPLE_TITLE.match(part.heading).group(1) if part.heading else ""  # type: ignore[union-attr]
        if PLACEHOLDER.search(title):
            sink.warning("PG040", part.line, f"placeholder text {PLACEHOLDER.search(title).group(0)!r}")  # type: ignore[union-attr]
            title = PLACEHOLDER.sub("", title).strip().rstrip(":").strip()
        code: list[CodeBlock] = []
        remarks: list[str] = []
        # Adjacent text blocks (a paragraph, a `----` rule, a table) are one run of remarks, read as written.
        runs: list[tuple[int, int]] = []
        for block in part.blocks:
            if block.kind == "code":
                text = _drop_placeholders(block, sink)
                if text.strip():
                    code.append(CodeBlock(block.info, text, block.line))
                runs.append((0, 0))
            elif runs and runs[-1][0] and block.line == runs[-1][1] + 1:
                runs[-1] = (runs[-1][0], block.end)
            else:
                runs.append((block.line, block.end))
        for first, last in runs:
            text = clean_text("\n".join(source.span(first, last)), first, sink) if first else ""
            if text:
                remarks.append(text)
        if title or code or remarks:
            examples.append(Example(title, code, "\n\n".join(remarks), part.line))
    return examples


def _drop_placeholders(block: Block, sink: DiagnosticSink) -> str:
    text = clean_text(block.text, block.line + 1, sink, emptied=_PROMPT_ONLY)
    return "" if all(_PROMPT_ONLY.match(line) for line in text.split("\n")) else text + "\n"


def read_links(source: Source, section: Section | None) -> list[Link]:
    if section is None:
        return []
    links: list[Link] = []
    for line in (line for first, last in section.spans() for line in source.span(first, last)):
        found = list(_LINK.finditer(line))
        for match in found:
            links.append(Link(match.group(1).strip(), match.group(2)))
        if not found:
            for match in _URL.finditer(line):
                links.append(Link("", match.group(1)))
    return links


def _text(source: Source, part: Section) -> str:
    return "\n".join(source.span(part.line + 1, part.end))
