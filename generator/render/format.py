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


def split_blocks(text: str) -> list[str]:
    """The text before the first top-level class or def, then each class or def with the comments above it.

    Every block but the first starts at a top-level `class`, `def` or decorator (with the comment
    lines right above it) that follows a blank line; the first block may be empty.
    """
    lines = text.splitlines(keepends=True)
    starts: list[int] = []
    for number, line in enumerate(lines):
        if not _BLOCK_START.match(line):
            continue
        start = number
        while start > 0 and lines[start - 1].startswith("#"):
            start -= 1
        if start > 0 and lines[start - 1].strip() == "" and (not starts or start > starts[-1]):
            starts.append(start)
    bounds = [0, *starts, len(lines)]
    return ["".join(lines[a:b]) for a, b in zip(bounds, bounds[1:])]


def join_blocks(blocks: list[str]) -> str:
    """Formatted blocks, two blank lines apart (an empty first block is no block)."""
    return "\n\n".join(block for block in blocks if block)
