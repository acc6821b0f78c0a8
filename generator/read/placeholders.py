"""platyPS placeholders (`{{ Fill X Description }}`, `{{ Add code here }}`) are flagged, never copied."""

from __future__ import annotations

import re

from generator.diagnostics import DiagnosticSink

PLACEHOLDER = re.compile(r"\{\{\s*(?:Fill|Add|Insert)\b[^{}]*\}\}", re.IGNORECASE)
_BLANK = re.compile(r"^\s*$")


def clean_text(text: str, first_line: int, sink: DiagnosticSink, emptied: re.Pattern[str] = _BLANK) -> str:
    """Strip blank edges and placeholders from prose; report each placeholder once at its line.

    A line that held a placeholder and matches `emptied` once it is gone (blank, or in example code a
    bare `PS C:\\>` prompt) is dropped.
    """
    lines = text.split("\n")
    kept: list[str] = []
    for offset, line in enumerate(lines):
        found = PLACEHOLDER.search(line)
        if found:
            sink.warning(
                "PG040", first_line + offset, f"placeholder text {found.group(0)!r}", found.start() + 1
            )
            line = PLACEHOLDER.sub("", line)
            if emptied.match(line):
                continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip("\n")


def clean_description(text: str) -> str:
    """For generated code: AutoRest writes "." for "no description"; placeholders are never copied."""
    text = PLACEHOLDER.sub("", text).strip()
    return "" if text in (".", "") else text
