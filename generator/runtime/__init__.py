"""The modules every generated package holds as they are: real Python here, copied byte for byte.

`_base` (the models' base class), `_runtime` (the client's HTTP runtime) and `_cli` (the engine of the
command line) read what differs from one package to the next from `_constants`, which the renderer
writes from templates/constants.py.jinja. This folder's `_constants.py` holds sample values, so that
the modules import, type-check and are tested where they are written (tests/runtime/).

They are laid out as black lays out generated code (its defaults: 88 columns), so formatting the
generated package leaves each copy as it is here; the project's black (110 columns) skips this folder.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).resolve().parent
COPIED = ("_base.py", "_runtime.py", "_cli.py")


def copied_modules() -> dict[str, str]:
    """File name → text of each module copied into a generated package."""
    return {name: (FOLDER / name).read_bytes().decode("utf-8") for name in COPIED}
