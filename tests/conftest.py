from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Importing the generated package must not leave __pycache__ folders in generated/.
sys.dont_write_bytecode = True

from support import CORPUS, GENERATED, SPECS


@pytest.fixture(scope="session")
def corpus() -> Path:
    assert CORPUS.is_dir(), f"the shared corpus is expected at {CORPUS}"
    return CORPUS


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throw-away project: pyproject.toml with [tool.platygen] and a copy of specs/."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.platygen]\nspecs = "specs"\noutput = "generated"\npackage = "graph_sdk"\n', encoding="utf-8"
    )
    shutil.copytree(SPECS, tmp_path / "specs")
    return tmp_path


@pytest.fixture
def generated_on_path() -> Iterator[None]:
    """Import the committed generated package as a user would."""
    sys.path.insert(0, str(GENERATED))
    try:
        yield
    finally:
        sys.path.remove(str(GENERATED))
        for name in [m for m in sys.modules if m == "graph_sdk" or m.startswith("graph_sdk.")]:
            del sys.modules[name]
