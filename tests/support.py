"""What the tests share: where things are, and small readers of real corpus files."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
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
    """Run `mypy --strict` on a package (a generated one, or generator/runtime/) without writing a cache;
    return its output, asserting success."""
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


# Reading a help file takes milliseconds (the budget is 1 s); only a read still running after
# ten times the budget is a failure, so a slow or busy CI machine never fails the suite.
HANG_SECONDS = 10.0


class Hang(BaseException):
    """Raised by `watchdog`; not an Exception, so that the PG000 file boundary cannot swallow it."""


@contextmanager
def watchdog(seconds: float, what: str) -> Iterator[None]:
    """Interrupt the block (main thread, SIGALRM) when it runs longer than `seconds`: a hang, not slowness.

    Pure-Python loops and `re` matching both notice the signal, so a runaway reader stops here
    instead of stalling the whole test run.
    """

    def expire(signum: int, frame: object) -> None:
        raise Hang(f"{what} still running after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def generate_package(
    root: Path, files: dict[str, str], settings: str = "", package: str = "inline_sdk"
) -> Path:
    """Generate a package from files written in a test (help files, API descriptions: path → text)
    with `settings` added to [tool.platygen]; returns the output folder, asserting no errors."""
    from generator import config, pipeline

    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (root / "specs").mkdir(exist_ok=True)
    (root / "pyproject.toml").write_text(
        f'[tool.platygen]\nspecs = "specs"\noutput = "generated"\npackage = "{package}"\n{settings}',
        encoding="utf-8",
    )
    outcome = pipeline.generate(config.load(root))
    assert not outcome.failed, "\n".join(map(str, outcome.diagnostics))
    return root / "generated"


@contextmanager
def imported(folder: Path, package: str) -> Iterator[object]:
    """The generated package at `folder`, imported as a user would; forgotten afterwards."""
    import importlib
    import sys

    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(folder))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]


WIDTH = 120  # black's 88 plus the indentation of a nested literal; prose is wrapped well under it
TOKEN = 60  # a single identifier or path longer than this cannot be split and may exceed WIDTH


def generated_sources(folder: Path) -> dict[str, str]:
    """Every generated Python, stub and JSON file under `folder`: relative path → text."""
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix in {".py", ".pyi", ".json"}
    }


def too_long(text: str) -> list[str]:
    """The lines of `text` longer than WIDTH that are not one unsplittable token."""
    return [
        line
        for line in text.splitlines()
        if len(line) > WIDTH and max(len(token) for token in line.split()) <= TOKEN
    ]
