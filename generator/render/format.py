"""Format generated Python with black, in-process.

A module is formatted block by block (`split_blocks`): black lays a top-level class or function
out the same alone as inside its module and puts exactly two blank lines before it, so the blocks
formatted on their own and joined by two blank lines are black's output for the whole file, which
tests/render/test_format.py checks on every generated file. Blocks let a regenerate send only the
changed classes through black, let worker processes share the work, and keep black's memory (about
100 times the source it holds) bounded however large a model module grows.
"""

from __future__ import annotations

import functools
import re
from importlib import metadata
from typing import Any


class RenderError(Exception):
    pass


@functools.cache
def _black() -> tuple[Any, Any]:
    # Imported on first use: `platygen lint` and `parse` never format, and black costs ~60 ms to import.
    import black

    return black, black.Mode(target_versions={black.TargetVersion.PY311})


@functools.cache
def formatter_id() -> str:
    """What the output of `format_python` depends on besides its input, without importing black."""
    return f"black {metadata.version('black')} py311"


def format_python(source: str, path: str) -> str:
    black, mode = _black()
    try:
        return str(black.format_str(source, mode=mode))
    except black.InvalidInput as exc:
        # The templates produced invalid Python: a platygen (or user template) bug, never the spec's fault.
        raise RenderError(f"{path}: generated code is not valid Python: {exc}") from exc


_BLOCK_START = re.compile(r"(?:class |def |async def |@)")
# A top-level line that may start a statement (not a closing bracket, a comment or a blank line).
_STATEMENT_START = re.compile(r"[^\s#)\]}]")
_IMPORT_OR_STRING = re.compile(r"(?:import |from |[rRbBuUfF]*[\"'])")
_MEMBER_START = re.compile(r"    (?:def |async def |@)")
# The line the members of a large class are formatted under, so black indents them as in the class.
MEMBER_WRAPPER = "class _:\n"


def split_blocks(text: str) -> list[str]:
    """The text before the first block, then each block with the comments above it.

    A block starts at a top-level `class`, `def` or decorator that follows a blank line (black puts
    two blank lines before each), or at a top-level statement that follows two blank lines and a
    multi-line statement that is no import or string (black keeps those two blank lines; after an
    import or a docstring it keeps one); the first block may be empty.
    """
    lines = text.splitlines(keepends=True)
    starts: list[int] = []
    for number, line in enumerate(lines):
        if not _STATEMENT_START.match(line):
            continue
        start = _with_comments_above(lines, number, "#")
        blanks = _blank_lines_before(lines, start)
        if _BLOCK_START.match(line):
            cut = blanks > 0
        else:
            cut = blanks >= 2 and _after_multiline_statement(lines, start - blanks)
        if cut and (not starts or start > starts[-1]):
            starts.append(start)
    return _cut(lines, starts)


def _after_multiline_statement(lines: list[str], end: int) -> bool:
    """Whether the lines before `end` close a top-level statement of several lines (a compound
    statement or a bracketed one) that is not an import and not a string."""
    if end == 0 or _STATEMENT_START.match(lines[end - 1]):
        return False
    for number in range(end - 1, -1, -1):
        if _STATEMENT_START.match(lines[number]):
            return not _IMPORT_OR_STRING.match(lines[number])
    return False


def split_members(block: str) -> list[str]:
    """A class block as its head (class line, docstring, fields) and its methods, each a piece.

    A method starts at a `def`, `async def` or decorator in the class body that follows a blank
    line (with the comments above it); black puts exactly one blank line before each.
    """
    lines = block.splitlines(keepends=True)
    starts: list[int] = []
    for number, line in enumerate(lines):
        if not _MEMBER_START.match(line):
            continue
        start = _with_comments_above(lines, number, "    #")
        if _blank_lines_before(lines, start) and (not starts or start > starts[-1]):
            starts.append(start)
    return _cut(lines, starts) if starts else [block]


def _with_comments_above(lines: list[str], number: int, comment: str) -> int:
    while number > 0 and lines[number - 1].startswith(comment):
        number -= 1
    return number


def _blank_lines_before(lines: list[str], number: int) -> int:
    count = 0
    while number - count > 0 and not lines[number - count - 1].strip():
        count += 1
    return count


def _cut(lines: list[str], starts: list[int]) -> list[str]:
    bounds = [0, *starts, len(lines)]
    return ["".join(lines[a:b]) for a, b in zip(bounds, bounds[1:])]


def join_blocks(blocks: list[str], members: list[bool] | None = None) -> str:
    """Formatted blocks, two blank lines apart, and a class's methods one apart (an empty block is no block)."""
    members = members or [False] * len(blocks)
    out: list[str] = []
    for block, member in zip(blocks, members):
        if block:
            if out:
                out.append("\n" if member else "\n\n")
            out.append(block)
    return "".join(out)
