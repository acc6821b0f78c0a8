"""Format generated Python with black, in-process, once per output file."""

from __future__ import annotations

import black

MODE = black.Mode(target_versions={black.TargetVersion.PY311})


class RenderError(Exception):
    pass


def format_python(source: str, path: str) -> str:
    try:
        return black.format_str(source, mode=MODE)
    except black.InvalidInput as exc:
        # The templates produced invalid Python: a platygen (or user template) bug, never the spec's fault.
        raise RenderError(f"{path}: generated code is not valid Python: {exc}") from exc
