"""Where things are in a description's text: the line of a key, found without a second parser.

`json.loads` is fast but forgets positions; a full position-keeping parser of a 1 MB document is
slow in Python. Only the top levels matter for diagnostics (a path's method, a definition, its
properties), so one regular-expression pass over the tokens records the line of every key down to
`MAX_DEPTH` and skips the rest. YAML documents come from ruamel's round-trip loader, which keeps
each key's line itself.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import Any

Pointer = tuple[str, ...]
LineOf = Callable[[Pointer], int]

MAX_DEPTH = 6  # paths/{path}/{method}/responses/{code}/schema; components/schemas/{name}/properties/{p}

# A JSON string (maybe a key, when a colon follows) or a bracket; everything else is skipped.
_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"(\s*:)?|[{}\[\]]')


def json_key_lines(text: str) -> dict[Pointer, int]:
    """Pointer of each object key (down to MAX_DEPTH) → its 1-based line."""
    newlines = [m.start() for m in re.finditer("\n", text)]
    lines: dict[Pointer, int] = {}
    # stack[i] is the key under which the container at depth i sits ("" for array items and the root).
    stack: list[str] = []
    pending = ""  # the last key read at the current depth, waiting for its value
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token[0] == '"':
            if match.group(2) is None:
                continue  # a string value
            raw = match.group(1)
            key = _unescape(raw) if "\\" in raw else raw
            pending = key
            if 0 < len(stack) <= MAX_DEPTH:  # stack[0] is the document itself
                lines.setdefault((*stack[1:], key), bisect.bisect_right(newlines, match.start()) + 1)
        elif token in "{[":
            stack.append(pending)  # array items all sit under "": their pointers stop at the array
            pending = ""
        else:
            if stack:
                stack.pop()
            pending = ""
    return lines


def _unescape(raw: str) -> str:
    import json

    try:
        value = json.loads(f'"{raw}"')
    except ValueError:
        return raw
    return value if isinstance(value, str) else raw


def json_locator(text: str) -> LineOf:
    lines = json_key_lines(text)

    def line_of(pointer: Pointer) -> int:
        # The nearest recorded ancestor: deep keys are not recorded, their container is.
        for end in range(min(len(pointer), MAX_DEPTH), 0, -1):
            found = lines.get(pointer[:end])
            if found is not None:
                return found
        return 1

    return line_of


def yaml_locator(root: Any) -> LineOf:
    """ruamel's CommentedMap/CommentedSeq keep `lc` (0-based line of each key or item)."""

    def line_of(pointer: Pointer) -> int:
        node = root
        best = 1
        for key in pointer:
            try:
                if isinstance(node, dict):
                    found = _yaml_key(node, key)
                    if found is None:
                        break
                    real, position = found
                    if position is not None:
                        best = position + 1
                    node = node[real]
                elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                    position = node.lc.item(int(key))[0] if hasattr(node, "lc") else None
                    if position is not None:
                        best = position + 1
                    node = node[int(key)]
                else:
                    break
            except (KeyError, IndexError, TypeError, AttributeError):
                break
        return best

    return line_of


def _yaml_key(node: dict[Any, Any], key: str) -> tuple[Any, int | None] | None:
    # YAML keys need not be strings (`200:` is an int): the reader compares their text.
    for real in (key, *(k for k in node if not isinstance(k, str) and str(k) == key)):
        if real in node:
            lc = getattr(node, "lc", None)
            try:
                return real, (lc.key(real)[0] if lc is not None else None)
            except (KeyError, TypeError, AttributeError):
                return real, None
    return None


def pointer_of(ref: str) -> Sequence[str] | None:
    """`#/definitions/a~1b` → ("definitions", "a/b"); None for a reference outside the document."""
    from urllib.parse import unquote

    if not ref.startswith("#"):
        return None
    body = ref[1:]
    if body in ("", "/"):
        return ()
    if not body.startswith("/"):
        return None
    return tuple(unquote(part).replace("~1", "/").replace("~0", "~") for part in body[1:].split("/"))
