"""Every real help file in ../shared/corpus is read without an exception or a hang; diagnostics are pinned."""

from __future__ import annotations

import json
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field

import pytest

from generator.pipeline import read_file
from generator.read.reader import ReadResult

from support import CORPUS, HANG_SECONDS, ROOT, Hang, watchdog

BUDGET_SECONDS = 1.0  # over budget: a warning in the test summary, not a failure


@dataclass
class CorpusRun:
    results: list[ReadResult] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # file → wall-clock time of its read
    hung: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def corpus_run() -> CorpusRun:
    """Every corpus file read once for the whole module (417 files, about 3 s), each under a watchdog."""
    files = sorted(CORPUS.rglob("*.md"))
    assert len(files) > 400
    run = CorpusRun()
    for path in files:
        shown = path.relative_to(CORPUS).as_posix()
        start = time.perf_counter()
        try:
            with watchdog(HANG_SECONDS, f"reading {shown}"):
                run.results.append(read_file(path, CORPUS))
        except Hang:
            run.hung.append(shown)
        run.seconds[shown] = time.perf_counter() - start
    return run


@pytest.fixture(scope="module")
def corpus_results(corpus_run: CorpusRun) -> list[ReadResult]:
    return corpus_run.results


def test_no_corpus_file_hangs(corpus_run: CorpusRun) -> None:
    slowest, seconds = max(corpus_run.seconds.items(), key=lambda item: item[1])
    assert (
        corpus_run.hung == []
    ), f"stopped after {HANG_SECONDS:g} s; slowest file: {slowest} ({seconds:.2f} s)"
    if seconds > BUDGET_SECONDS:
        warnings.warn(f"slowest corpus file {slowest} took {seconds:.2f} s (budget {BUDGET_SECONDS:g} s)")


def test_no_corpus_file_raises_or_reports_an_internal_error(corpus_results: list[ReadResult]) -> None:
    internal = [d for r in corpus_results for d in r.diagnostics if d.rule == "PG000"]
    assert internal == []


def test_every_cmdlet_file_in_the_corpus_yields_a_cmdlet_with_parameter_sets(
    corpus_results: list[ReadResult],
) -> None:
    # Every file is a cmdlet's help or a page skipped with one info: no file fails the run.
    assert [r.path for r in corpus_results if r.cmdlet is None and not r.skipped] == []
    # Not cmdlet help besides the module pages: the corpus README and platyPS's deliberate garbage file.
    pages = [r.path for r in corpus_results if r.skipped and not r.module_page]
    assert pages == ["README.md", "platyps-assets/bad-commandhelp.md"]
    for result in corpus_results:
        if result.cmdlet is not None:
            assert result.cmdlet.parameter_sets, result.path


def test_diagnostic_counts_by_rule(snapshot, corpus_results: list[ReadResult]) -> None:  # type: ignore[no-untyped-def]
    counts = Counter(f"{d.rule} {d.severity.value}" for r in corpus_results for d in r.diagnostics)
    modules = sum(r.module_page for r in corpus_results)
    cmdlets = sum(r.cmdlet is not None for r in corpus_results)
    table = {
        "files": len(corpus_results),
        "cmdlets": cmdlets,
        "module_pages": modules,
        "by_rule": dict(sorted(counts.items())),
    }
    print(json.dumps(table, indent=2))
    snapshot.snapshot_dir = ROOT / "tests" / "snapshots" / "corpus"
    snapshot.assert_match(json.dumps(table, indent=2, sort_keys=True) + "\n", "diagnostic_counts.json")


def test_diagnostics_per_file(snapshot, corpus_results: list[ReadResult]) -> None:  # type: ignore[no-untyped-def]
    lines = [str(d) for r in corpus_results for d in sorted(r.diagnostics)]
    snapshot.snapshot_dir = ROOT / "tests" / "snapshots" / "corpus"
    snapshot.assert_match("\n".join(lines) + "\n", "diagnostics.txt")


def test_the_watchdog_stops_a_runaway_read_through_the_pg000_boundary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def spin(path: str, data: bytes) -> ReadResult:
        while True:
            pass

    monkeypatch.setattr("generator.read.reader.read_bytes", spin)  # what pipeline._parse calls
    with pytest.raises(Hang, match="reading seed"):
        with watchdog(0.05, "reading seed"):
            read_file(CORPUS / "seed" / "Update-MgApplicationSynchronizationJob.md", CORPUS)
