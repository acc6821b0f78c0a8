"""The whole job, top to bottom: read every spec → resolve → render → write (or check).

The stages are imported when first used: a regenerate that finds nothing changed (`freshness`)
never loads mistletoe, pydantic or Jinja, which would cost more than the whole check.
"""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator import freshness
from generator.cache import Cache
from generator.config import Config
from generator.diagnostics import Diagnostic, Severity, fatal_severities, sort_diagnostics

if TYPE_CHECKING:
    from generator.read.reader import ReadResult
    from generator.resolve.model import ResolvedProject

# (stage, done, total): called as work completes, for a progress bar.
Progress = Callable[[str, int, int], None]

# Below this many files to read, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 64


@dataclass
class Outcome:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    stale: list[str] = field(default_factory=list)
    written: bool = False
    failed: bool = False
    specs_read: int = 0
    # Errors (or warnings with strict) were reported, whether they stopped it or not.
    fatal_found: bool = False
    left_out: list[str] = field(default_factory=list)  # with keep_going: the specs those were found in
    timings: dict[str, float] = field(default_factory=dict)  # stage → seconds, for `make bench`
    up_to_date: bool = False  # nothing changed since the last run: nothing was read or rendered
    reach: Reach | None = None  # how many cmdlets the client can call

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


@dataclass(frozen=True, slots=True)
class Reach:
    """How many cmdlets have a route the client can call, and the modules of which none has."""

    callable: int
    cmdlets: int
    without_base_url: tuple[str, ...] = ()  # modules none of whose routes has a service root
    without_routes: tuple[str, ...] = ()  # modules with a service root but no certain route

    @classmethod
    def of(cls, project: ResolvedProject) -> Reach:
        module_of = {c.name: c.module for c in project.cmdlets}
        usable: dict[str, bool] = {}  # cmdlet → has a route the client calls
        reached: dict[str, bool] = {}  # module → one of its cmdlets has
        based: dict[str, bool] = {}  # module → one of its routes has a service root
        for route in project.routes:
            module = module_of.get(route.cmdlet, "")
            usable[route.cmdlet] = usable.get(route.cmdlet, False) or route.usable
            reached[module] = reached.get(module, False) or route.usable
            based[module] = based.get(module, False) or bool(route.base_url)
        idle = sorted(m for m, ok in reached.items() if not ok)
        return cls(
            sum(usable.values()),
            len(usable),
            tuple(m for m in idle if not based[m]),
            tuple(m for m in idle if based[m]),
        )


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


def read_file(path: Path, root: Path, cache: Cache | None = None) -> ReadResult:
    """Read one file (or take it from the cache); an unexpected exception is a PG000 diagnostic."""
    from generator.read.reader import ReadResult

    shown, data = _source(path, root)
    if isinstance(data, ReadResult):
        return data
    if cache is None:
        return _parse(shown, data)
    key = Cache.read_key(shown, data)
    result = cache.load_object("read", key, ReadResult)
    if result is None:
        result = _parse(shown, data)
        cache.store_object("read", key, result)
    return result  # type: ignore[no-any-return]


def read_all(
    paths: list[Path], root: Path, jobs: int = 1, cache: Cache | None = None, progress: Progress | None = None
) -> list[ReadResult]:
    """Read every file, in `jobs` worker processes for many files; results come in the order of `paths`.

    Text repeated across files is kept once (`TextTable`): the IR of a large module is mostly repeats.
    """
    from generator.read.sharing import TextTable

    results: list[ReadResult] = []
    shared = TextTable()
    if jobs > 1 and len(paths) >= PARALLEL_THRESHOLD:
        from generator.read.reader import ReadResult

        tasks = [(path, root, cache) for path in paths]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            chunk = max(1, min(16, len(paths) // (jobs * 8)))
            for path, payload in zip(paths, pool.map(_read_in_worker, tasks, chunksize=chunk)):
                try:
                    result = pickle.loads(payload)
                except Exception:  # noqa: BLE001 - a cache entry that passed its checksum yet does not load
                    result = None
                results.append(
                    shared.share(result if isinstance(result, ReadResult) else read_file(path, root))
                )
                _report(progress, "read", len(results), len(paths))
        return results
    for path in paths:
        results.append(shared.share(read_file(path, root, cache)))
        _report(progress, "read", len(results), len(paths))
    return results


def _read_in_worker(task: tuple[Path, Path, Cache | None]) -> bytes:
    """A worker answers with the pickled result, so a cache hit is passed on without being unpickled twice."""
    from generator.read.reader import ReadResult

    path, root, cache = task
    shown, data = _source(path, root)
    if isinstance(data, ReadResult):
        return pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
    key = Cache.read_key(shown, data) if cache else ""
    payload = cache.load("read", key) if cache else None
    if payload is None:
        payload = pickle.dumps(_parse(shown, data), protocol=pickle.HIGHEST_PROTOCOL)
        if cache:
            cache.store("read", key, payload)
    return payload


def _source(path: Path, root: Path) -> tuple[str, bytes | ReadResult]:
    """The display path and the bytes of a file, or the PG001 result of a file that cannot be read."""
    from generator.read.reader import ReadResult

    shown = display_path(path, root)
    try:
        return shown, path.read_bytes()
    except OSError as exc:
        return shown, ReadResult(
            shown, None, [Diagnostic(shown, 1, 1, Severity.ERROR, "PG001", f"cannot read: {exc}")]
        )


def _parse(shown: str, data: bytes) -> ReadResult:
    from generator.read.reader import ReadResult, read_bytes

    try:
        return read_bytes(shown, data)
    except Exception as exc:  # noqa: BLE001 - the file boundary: report, count, keep going
        message = f"internal error: {type(exc).__name__}: {exc}"
        return ReadResult(shown, None, [Diagnostic(shown, 1, 1, Severity.ERROR, "PG000", message)])


def _report(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)


@contextmanager
def timed(timings: dict[str, float] | None, stage: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        if timings is not None:
            timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start


def build(
    config: Config,
    leave_out: set[Severity] | None = None,
    timings: dict[str, float] | None = None,
    jobs: int = 1,
    cache: Cache | None = None,
    progress: Progress | None = None,
    paths: list[Path] | None = None,
) -> tuple[ResolvedProject, list[Diagnostic], int, list[str]]:
    """Read, bind and resolve every spec (or the help files `paths`); also returns how many files were read.

    With `include` / `exclude` only the files of selected cmdlets are read (`read.selection`). The
    files with a diagnostic of a `leave_out` severity are left out of the project (their diagnostics
    are still reported); their paths come last.
    """
    from generator.api.load import load as load_descriptions
    from generator.bind.binder import bind
    from generator.read import routes_file, selection
    from generator.resolve.nouns import infer
    from generator.resolve.resolver import resolve

    files = find_specs(config.specs) if paths is None else paths
    chosen = selection.Selection(files)
    with timed(timings, "select"):
        if not config.selects_all:
            chosen = selection.preselect(config, files, [display_path(p, config.root) for p in files])
    with timed(timings, "read"):
        results = read_all(chosen.paths, config.root, jobs, cache, progress)
    results = [r for r in results if selection.keeps(config, r)]
    diagnostics = [d for r in results for d in r.diagnostics]
    left_out = [r.path for r in results if leave_out and any(d.severity in leave_out for d in r.diagnostics)]
    cmdlets = [r.cmdlet for r in results if r.cmdlet is not None and r.path not in left_out]
    # Noun prefixes from every cmdlet of each module, the unselected ones too, so that choosing a few
    # cmdlets never renames them; the resolver takes them as settled.
    prefixes = infer(cmdlets, config.noun_prefixes, chosen.others)
    with timed(timings, "read descriptions"):
        apis = load_descriptions(config, cache)
    with timed(timings, "bind"):
        bound = bind(cmdlets, apis, prefixes.prefixes)
    with timed(timings, "resolve"):
        target = config.specs / routes_file.FILE_NAME
        routes = chosen.routes(routes_file.load(target, display_path(target, config.root)), cmdlets)
        project = resolve(cmdlets, config, routes, bound, prefixes.prefixes)
    diagnostics += prefixes.diagnostics + project.diagnostics
    return project, sort_diagnostics(diagnostics), len(results), left_out


def generate(
    config: Config,
    check: bool = False,
    strict: bool = False,
    jobs: int = 1,
    cache: Cache | None = None,
    progress: Progress | None = None,
    keep_going: bool = False,
) -> Outcome:
    """Errors (or warnings with `strict`) stop before anything is written: generated/ stays as it was.

    With `keep_going` the specs with such diagnostics are left out instead and the rest is generated
    (or checked); `left_out` names them, and the caller still reports a failure.

    With a cache, a run whose inputs and output are those of the last successful run stops after
    comparing them (`Outcome.up_to_date`); otherwise only changed specs are read again and only
    changed files go through black. The API snapshot `platygen diff` compares is kept there too.
    """
    from generator.render.format import RenderError
    from generator.render.writer import UnsafePathError, stale_files, write_tree

    outcome = Outcome()
    if not config.specs.is_dir():
        outcome.diagnostics = [_fatal(config, f"specs folder {config.specs} does not exist")]
        outcome.failed = True
        return outcome
    fatal = fatal_severities(strict)
    inputs = ""
    if cache and not keep_going:
        with timed(outcome.timings, "up-to-date check"):
            inputs = freshness.inputs_key(config)
            if freshness.replay(cache, inputs, config.output, outcome):
                outcome.fatal_found = outcome.failed = any(d.severity in fatal for d in outcome.diagnostics)
                return outcome
    project, outcome.diagnostics, outcome.specs_read, outcome.left_out = build(
        config, fatal if keep_going else None, outcome.timings, jobs, cache, progress
    )
    if cache and not outcome.left_out:
        from generator.diff.run import record

        with timed(outcome.timings, "diff snapshot"):  # what `platygen diff` compares, for free later
            errors = sum(1 for d in outcome.diagnostics if d.severity is Severity.ERROR)
            record(config, project, outcome.specs_read, errors, cache)
    outcome.fatal_found = any(d.severity in fatal for d in outcome.diagnostics)
    if outcome.fatal_found and not keep_going:
        outcome.failed = True
        return outcome
    outcome.reach = Reach.of(project)
    try:
        from generator.render.renderer import format_sources, render_sources

        with timed(outcome.timings, "render"):
            sources = render_sources(project, config.templates)
        del project  # black's working memory reuses what the IR held: the peak is one, not their sum
        with timed(outcome.timings, "format"):
            outcome.files = format_sources(sources, cache, progress, jobs)
        with timed(outcome.timings, "write"):
            if check:
                outcome.stale = stale_files(outcome.files, config.output)
                outcome.failed = bool(outcome.stale)
            else:
                outcome.written = write_tree(outcome.files, config.output)
    except (RenderError, UnsafePathError, OSError) as exc:
        outcome.diagnostics.append(_fatal(config, str(exc)))
        outcome.failed = True
        return outcome
    if cache and inputs and not outcome.fatal_found:
        freshness.record(cache, inputs, outcome)
    return outcome


def _fatal(config: Config, message: str) -> Diagnostic:
    return Diagnostic(display_path(config.output, config.root), 1, 1, Severity.ERROR, "PG070", message)
