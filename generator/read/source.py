"""Raw text of one help file: decoding, line splitting and the front matter block."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.diagnostics import DiagnosticSink

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")  # a code fence's opening line
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass
class Source:
    """The file as lines (1-based access), with CR/LF normalised and the front matter split off."""

    path: str
    lines: list[str]
    front_matter: dict[str, str]
    front_matter_end: int  # last line number of the front matter block, 0 if there is none

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else ""

    def span(self, first: int, last: int) -> list[str]:
        """Lines first..last inclusive (1-based)."""
        return self.lines[max(first, 1) - 1 : max(last, 0)]

    def body_text(self) -> str:
        """The document with the front matter blanked out, so that line numbers stay those of the file."""
        blank = [""] * self.front_matter_end
        return "\n".join(blank + self.lines[self.front_matter_end :]) + "\n"


def decode(data: bytes, sink: DiagnosticSink) -> str | None:
    if data.startswith(UTF16_BOMS):
        # Windows editors save help as UTF-16 with a byte order mark; PowerShell and platyPS read it.
        try:
            return data.decode("utf-16").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            sink.error(
                "PG001",
                1,
                f"file is not valid UTF-16 (it starts with a UTF-16 byte order mark): {exc.reason}",
            )
            return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        sink.error(
            "PG001", line, f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x}): {exc.reason}", column
        )
        return None


def split_lines(text: str) -> list[str]:
    # str.splitlines would also split on \x0c, \x1c, \u2028 ... which editors and platyPS do not treat as breaks.
    # Other control characters, NUL included, stay: they are part of the text, and literals.py escapes them.
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def load(path: str, text: str, sink: DiagnosticSink) -> Source:
    lines = split_lines(text)
    front_matter, end = read_front_matter(lines, sink)
    return Source(path, lines, front_matter, end)


def read_front_matter(lines: list[str], sink: DiagnosticSink) -> tuple[dict[str, str], int]:
    """Values are kept as raw strings: YAML would turn `2024-05-01` into a date and `Off` into False."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "---":
        sink.warning(
            "PG002", (first or 0) + 1, "no front matter block (`---` ... `---`) at the top of the file"
        )
        return {}, 0
    values: dict[str, str] = {}
    key = ""
    for i in range(first + 1, len(lines)):
        raw = lines[i]
        if raw.strip() == "---":
            return values, i + 1
        if FENCE.match(raw) or raw.startswith("#"):
            break
        if not raw.strip():
            continue
        if key and (raw[0] in " \t" or raw.startswith("- ")):
            # YAML-style continuation (`foo:` followed by `  - bar`): keep it with its key, as raw text.
            values[key] = "\n".join(filter(None, [values[key], raw.strip()]))
            continue
        key, sep, value = raw.partition(":")
        if not sep or not key.strip():
            sink.warning("PG003", i + 1, f"front matter line is not `key: value`: {raw.strip()!r}")
            key = ""
            continue
        key = key.strip()
        if key in values:
            sink.warning("PG006", i + 1, f"front matter key {key!r} appears again; the last value wins")
        values[key] = value.strip()
    sink.warning("PG002", first + 1, "front matter block is not closed by a `---` line")
    return {}, 0
