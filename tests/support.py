"""What the tests share: where things are, and small readers of real corpus files."""

from __future__ import annotations

from pathlib import Path

from generator.read.reader import ReadResult, read_bytes

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"  # shared/ sits beside the repository, in CI too
GENERATED = ROOT / "generated"
SPECS = ROOT / "specs"


def read_corpus(relative: str) -> ReadResult:
    return read_bytes(relative, (CORPUS / relative).read_bytes())


def line_of(doc: bytes, needle: str, nth: int = 0) -> int:
    """The 1-based number of the nth line of `doc` containing `needle`."""
    hits = [n for n, line in enumerate(doc.decode().split("\n"), start=1) if needle in line]
    return hits[nth]


def mypy_strict(folder: Path, package: str) -> str:
    """Run `mypy --strict` on a generated package (no cache written into it); return its output, asserting success."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir=/dev/null", package],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout
