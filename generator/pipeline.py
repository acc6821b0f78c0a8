"""The whole job, top to bottom: read every spec → resolve → render → write (or check)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import Config
from generator.diagnostics import Diagnostic, Severity, fatal_severities, sort_diagnostics
from generator.ir import Cmdlet
from generator.read import routes_file
from generator.read.reader import ReadResult, read_bytes
from generator.render.format import RenderError
from generator.render.renderer import render
from generator.render.writer import UnsafePathError, stale_files, write_tree
from generator.resolve.model import ResolvedProject
from generator.resolve.resolver import resolve


@dataclass
class Outcome:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    stale: list[str] = field(default_factory=list)
    written: bool = False
    failed: bool = False  # nothing was written (or, with check, the output is stale)
    specs_read: int = 0
    fatal_found: bool = (
        False  # errors (or warnings with strict) were reported, whether they stopped it or not
    )
    left_out: list[str] = field(default_factory=list)  # with keep_going: the specs those were found in

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


def display_path(path: Path, root: Path) -> str:
    """Paths in diagnostics and the IR are relative to the project, never absolute."""
    for candidate, base in ((path.absolute(), root.absolute()), (path.resolve(), root.resolve())):
        try:
            return candidate.relative_to(base).as_posix()
        except ValueError:
            continue
    return Path(os.path.relpath(path.absolute(), Path.cwd())).as_posix()


def find_specs(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.md") if p.is_file())


def read_file(path: Path, root: Path) -> ReadResult:
    """Read one file; an unexpected exception is a PG000 diagnostic, so the other files still go through."""
    shown = display_path(path, root)
    try:
        return read_bytes(shown, path.read_bytes())
    except OSError as exc:
        return ReadResult(
            shown, None, [Diagnostic(shown, 1, 1, Severity.ERROR, "PG001", f"cannot read: {exc}")]
        )
    except Exception as exc:  # noqa: BLE001 - the file boundary: report, count, keep going
        message = f"internal error: {type(exc).__name__}: {exc}"
        return ReadResult(shown, None, [Diagnostic(shown, 1, 1, Severity.ERROR, "PG000", message)])


def read_all(paths: list[Path], root: Path) -> list[ReadResult]:
    return [read_file(path, root) for path in paths]


def build(
    config: Config, leave_out: set[Severity] | None = None
) -> tuple[ResolvedProject, list[Diagnostic], int, list[str]]:
    """Read and resolve every spec; also returns how many files were read.

    The files with a diagnostic of a `leave_out` severity are left out of the project (their
    diagnostics are still reported); their paths come last.
    """
    results = read_all(find_specs(config.specs), config.root)
    diagnostics = [d for r in results for d in r.diagnostics]
    left_out = [r.path for r in results if leave_out and any(d.severity in leave_out for d in r.diagnostics)]
    cmdlets: list[Cmdlet] = [r.cmdlet for r in results if r.cmdlet is not None and r.path not in left_out]
    routes = routes_file.load(
        config.specs / routes_file.FILE_NAME, display_path(config.specs / routes_file.FILE_NAME, config.root)
    )
    project = resolve(cmdlets, config, routes)
    return project, sort_diagnostics(diagnostics + project.diagnostics), len(results), left_out


def generate(config: Config, check: bool = False, strict: bool = False, keep_going: bool = False) -> Outcome:
    """Errors (or warnings with `strict`) stop before anything is written: generated/ stays as it was.

    With `keep_going` the specs with such diagnostics are left out instead and the rest is generated
    (or checked); `left_out` names them, and the caller still reports a failure.
    """
    outcome = Outcome()
    if not config.specs.is_dir():
        outcome.diagnostics = [_fatal(config, f"specs folder {config.specs} does not exist")]
        outcome.failed = True
        return outcome
    fatal = fatal_severities(strict)
    project, outcome.diagnostics, outcome.specs_read, outcome.left_out = build(
        config, fatal if keep_going else None
    )
    outcome.fatal_found = any(d.severity in fatal for d in outcome.diagnostics)
    if outcome.fatal_found and not keep_going:
        outcome.failed = True
        return outcome
    try:
        outcome.files = render(project, config.templates)
        if check:
            outcome.stale = stale_files(outcome.files, config.output)
            outcome.failed = bool(outcome.stale)
        else:
            outcome.written = write_tree(outcome.files, config.output)
    except (RenderError, UnsafePathError, OSError) as exc:
        outcome.diagnostics.append(_fatal(config, str(exc)))
        outcome.failed = True
    return outcome


def _fatal(config: Config, message: str) -> Diagnostic:
    return Diagnostic(display_path(config.output, config.root), 1, 1, Severity.ERROR, "PG070", message)
