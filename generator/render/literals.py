"""Turn spec text into Python source safely: every string from a spec goes through here."""

from __future__ import annotations

import ast
import inspect
import re

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if char.isprintable() and not ("\ud800" <= char <= "\udfff"):
        return char
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def py_string(text: str) -> str:
    """A double-quoted Python literal whose value is exactly `text` (black leaves it unchanged)."""
    if text.isprintable() and "\\" not in text and '"' not in text:
        return f'"{text}"'  # most text (`isprintable` is False for controls and surrogates)
    return '"' + "".join(_escape_char(c) for c in text) + '"'


def py_docstring(text: str, indent: str) -> str:
    """A docstring in the form black would write it, so that formatting never changes it.

    The value equals `text` after `inspect.cleandoc` for ordinary prose: lines are stripped of
    trailing blanks, and continuation lines carry the block's indentation.
    """
    lines = [_docstring_line(line) for line in text.strip().split("\n")]
    lines = [line for index, line in enumerate(lines) if line or (0 < index < len(lines) - 1)]
    if not lines:
        return '""""""'
    body = lines[0].lstrip()
    if len(lines) == 1 and body.endswith('"'):
        # The last quote (escaped or not) must neither join the closing quotes nor end the text,
        # which black would pad with a space; `\x22` is a quote that is neither.
        head = body[:-1]
        backslashes = len(head) - len(head.rstrip("\\"))
        body = (head[:-1] if backslashes % 2 else head) + "\\x22"
    if body.startswith('"'):
        body = " " + body  # as black writes it; `inspect.cleandoc` drops the space
    if len(lines) == 1:
        return f'"""{body}"""'
    rest = "\n".join(f"{indent}{line}" if line else "" for line in lines[1:])
    return f'"""{body}\n{rest}\n{indent}"""'


def docstring_value(literal: str) -> str:
    """The text a docstring literal shows: what `help()` and pydantic's JSON schema make of it (cleandoc)."""
    return inspect.cleandoc(ast.literal_eval(literal))


def _docstring_line(line: str) -> str:
    line = line.rstrip()
    escaped = line if line.isprintable() and "\\" not in line else "".join(map(_docstring_char, line))
    return escaped.replace('"""', '""\\"')


def _docstring_char(char: str) -> str:
    if char == "\\":
        return "\\\\"
    if char == "\t":
        return "\\t"
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"  # a class docstring must encode as UTF-8, or the class cannot be created
    return char if char.isprintable() else _escape_char(char)


def py_comment(text: str) -> str:
    """One line of a `#` comment: no line breaks or control characters can end it early."""
    return "".join(c if c.isprintable() else "?" for c in text.replace("\n", " "))


# Pieces of a long string literal, and lines of wrapped prose, are at most this long: with the
# indentation black gives them they stay under 100 columns.
PIECE = 72
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")


def pieces(text: str, width: int = PIECE) -> list[str]:
    """`text` cut into pieces of at most `width` characters (a longer word stays whole), at sentence
    ends first and then at spaces, so that an edit in one sentence changes its own pieces only.
    Joined, the pieces are `text` exactly: every separator stays at the end of the piece before it."""
    if len(text) <= width:
        return [text]
    result: list[str] = []
    for sentence in _split_keeping(text, _SENTENCE_END):
        current = ""
        for word in _split_keeping(sentence, _SPACE):
            if current and len(current) + len(word.rstrip()) > width:
                result.append(current)
                current = ""
            current += word
        if current:
            result.append(current)
    return result or [text]


_SPACE = re.compile(r"(?<=\s)(?=\S)")


def _split_keeping(text: str, separator: re.Pattern[str]) -> list[str]:
    """Split after each separator match, the separator staying with the part before it."""
    parts: list[str] = []
    start = 0
    for match in separator.finditer(text):
        if match.end() > start:
            parts.append(text[start : match.end()])
            start = match.end()
    if start < len(text):
        parts.append(text[start:])
    return parts


def py_long_string(text: str, width: int = PIECE) -> str:
    """A string literal whose value is `text`: one literal, or for a long text implicitly joined
    pieces in parentheses (black lays one on each line), so no generated line grows with the text."""
    cut = pieces(text, width)
    if len(cut) == 1:
        return py_string(text)
    return "(" + " ".join(py_string(piece) for piece in cut) + ")"


def wrapped(text: str, width: int = 96) -> str:
    """Prose for a docstring or a help text: each line of `text` wrapped at spaces to `width`."""
    lines: list[str] = []
    for line in text.split("\n"):
        (
            lines.extend(piece.rstrip() for piece in pieces(line, width))
            if len(line) > width
            else lines.append(line)
        )
    return "\n".join(lines)


def py_tuple(items: list[str] | tuple[str, ...]) -> str:
    """A tuple display of Python expressions, without a trailing comma black would explode it for."""
    if len(items) == 1:
        return f"({items[0]},)"
    return "(" + ", ".join(items) + ")"
