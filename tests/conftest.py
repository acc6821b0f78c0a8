from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import CORPUS, GENERATED, ROOT, SPECS

# Importing the generated package, here or in a child process, must not leave __pycache__ folders in
# generated/ (the snapshot test compares the whole folder): bytecode goes to a cache of the tests'.
PYCACHE = ROOT / ".pytest_cache" / "pycache"
sys.pycache_prefix = str(PYCACHE)
os.environ["PYTHONPYCACHEPREFIX"] = str(PYCACHE)


@pytest.fixture(scope="session")
def corpus() -> Path:
    assert CORPUS.is_dir(), f"the shared corpus is expected at {CORPUS}"
    return CORPUS


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A throw-away copy of this project's inputs: its pyproject.toml ([tool.platygen], the API
    descriptions under specs/) and specs/."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
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
