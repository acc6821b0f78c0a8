"""The Jinja environment: built-in templates, optionally overridden file by file from a user folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jinja2

PACKAGED = Path(__file__).resolve().parent.parent / "templates"  # inside an installed wheel
REPOSITORY = Path(__file__).resolve().parent.parent.parent / "templates"  # in a checkout


def builtin_templates() -> Path:
    return PACKAGED if PACKAGED.is_dir() else REPOSITORY


def environment(override: Path | None = None) -> jinja2.Environment:
    import jinja2  # here, not above: an up-to-date check needs the templates' folder, never Jinja

    folders = [str(override)] if override else []
    folders.append(str(builtin_templates()))
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
