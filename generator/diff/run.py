"""`platygen diff` top to bottom: the two sides → their snapshots (from the cache, or read, bound and
resolved through it) → the changes."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cache import Cache
from generator.config import Config
from generator.diagnostics import Severity
from generator.diff import sides, snapshot
from generator.diff.compare import Change, changes

if TYPE_CHECKING:
    from generator.pipeline import Progress
    from generator.resolve.model import ResolvedProject


@dataclass
class Result:
    base: str  # what each side is: a revision, a folder, the working tree
    head: str
    changes: list[Change]
    base_specs: int = 0
    head_specs: int = 0
    base_errors: int = 0  # error diagnostics in a side's help files (what it resolved is still compared)
    head_errors: int = 0
    cached: dict[str, bool] = field(default_factory=dict)  # side → its snapshot came from the cache
    timings: dict[str, float] = field(default_factory=dict)


def base_side(config: Config, base: str | None) -> sides.Side:
    """BASE: a folder if one is there, else a git revision; none: the merge base with the default branch."""
    if base is not None and Path(base).is_dir():
        return sides.folder(Path(base), config)
    rev, name = (base, base) if base is not None else sides.default_base(config.root)
    return sides.revision(config.root, rev, specs=sides.relative(config.specs, config.root), name=name)


def diff(
    config: Config,
    base: str | None = None,
    cache: Cache | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Result:
    timings: dict[str, float] = {}
    start = time.perf_counter()
    before_side = base_side(config, base)
    after_side = sides.working_tree(config)
    timings["sides"] = time.perf_counter() - start
    cached: dict[str, bool] = {}
    taken = {}
    for label, side in (("base", before_side), ("head", after_side)):
        start = time.perf_counter()
        taken[label], cached[label] = _snapshot(side, cache, jobs, progress)
        timings[label] = time.perf_counter() - start
    start = time.perf_counter()
    found = changes(taken["base"], taken["head"])
    timings["compare"] = time.perf_counter() - start
    return Result(
        before_side.label,
        after_side.label,
        found,
        taken["base"].specs,
        taken["head"].specs,
        taken["base"].errors,
        taken["head"].errors,
        cached,
        timings,
    )


def _snapshot(
    side: sides.Side, cache: Cache | None, jobs: int, progress: Progress | None
) -> tuple[snapshot.Snapshot, bool]:
    key = side.key
    found = snapshot.load(cache, key)
    if found is not None:
        return found, True
    from generator import pipeline

    with sides.materialized(side) as config:
        project, diagnostics, specs, _ = pipeline.build(config, jobs=jobs, cache=cache, progress=progress)
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    taken = snapshot.take(project, specs, errors)
    snapshot.store(cache, key, taken)
    return taken, False


def record(config: Config, project: ResolvedProject, specs: int, errors: int, cache: Cache) -> None:
    """Keep the snapshot of what `generate` just resolved from the working tree, for a later diff."""
    snapshot.store(cache, sides.working_tree(config).key, snapshot.take(project, specs, errors))
