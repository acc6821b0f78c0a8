"""The generated client as a type checker sees it: exact return types that follow from the call
(get → the model, list → Page, all=True → an iterator, count → int, no content → None), keyword
arguments checked by name and type, and what must fail does. `tests/typing/usage.py` is the user's
code; each `# R:` comment is what mypy must reveal there, each `# error: <code>` an error it must report."""

from __future__ import annotations

import re
import subprocess
import sys

from support import GENERATED, ROOT

USAGE = ROOT / "tests" / "typing" / "usage.py"


def test_mypy_reveals_exact_types_and_reports_what_must_fail() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir=/dev/null", str(USAGE)],
        cwd=ROOT,
        env={"MYPYPATH": str(GENERATED), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    lines = USAGE.read_text(encoding="utf-8").split("\n")
    expected_types = {n: line.split("  # R: ")[1] for n, line in enumerate(lines, 1) if "  # R: " in line}
    expected_errors = {
        n: found.group(1)
        for n, line in enumerate(lines, 1)
        if (found := re.search(r"  # error: ([\w-]+)$", line))
    }
    revealed: dict[int, str] = {}
    errors: dict[int, list[str]] = {}
    for line in result.stdout.splitlines():
        match = re.match(rf"{re.escape(str(USAGE))}:(\d+): (note|error): (.*)", line) or re.match(
            r"tests/typing/usage\.py:(\d+): (note|error): (.*)", line
        )
        if not match:
            continue
        number, kind, text = int(match.group(1)), match.group(2), match.group(3)
        if kind == "note" and text.startswith("Revealed type is "):
            revealed[number] = text.removeprefix("Revealed type is ").strip('"')
        elif kind == "error":
            errors.setdefault(number, []).append(text)
    assert revealed == expected_types, result.stdout
    for number, code in expected_errors.items():
        assert any(f"[{code}]" in text for text in errors.get(number, [])), (number, code, result.stdout)
    unexpected = {n: e for n, e in errors.items() if n not in expected_errors}
    assert unexpected == {}, result.stdout
