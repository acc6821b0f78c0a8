"""Turn spec text into Python source safely: every string from a spec goes through here."""

from __future__ import annotations

import ast
import inspect

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
