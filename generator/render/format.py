"""Format generated Python with black, in-process, once per output file."""

from __future__ import annotations

import functools
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
