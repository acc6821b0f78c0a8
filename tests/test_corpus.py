"""Every real help file in ../shared/corpus is read without an exception; diagnostics are pinned."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from generator.pipeline import read_file
from generator.read.reader import ReadResult

from support import CORPUS, ROOT


@pytest.fixture(scope="module")
def corpus_results() -> list[ReadResult]:
    """Every corpus file read once for the whole module (417 files, about 3 s)."""
    files = sorted(CORPUS.rglob("*.md"))
    assert len(files) > 400
    return [read_file(path, CORPUS) for path in files]


def test_no_corpus_file_raises_or_reports_an_internal_error(corpus_results: list[ReadResult]) -> None:
    internal = [d for r in corpus_results for d in r.diagnostics if d.rule == "PG000"]
    assert internal == []


def test_every_cmdlet_file_in_the_corpus_yields_a_cmdlet_with_parameter_sets(corpus_results: list[ReadResult]) -> None:
    without = [r.path for r in corpus_results if r.cmdlet is None and not r.module_page]
    # Not cmdlet help: the corpus README and platyPS's deliberate garbage file.
    assert without == ["README.md", "platyps-assets/bad-commandhelp.md"]
    for result in corpus_results:
        if result.cmdlet is not None:
            assert result.cmdlet.parameter_sets, result.path


def test_diagnostic_counts_by_rule(snapshot, corpus_results: list[ReadResult]) -> None:  # type: ignore[no-untyped-def]
    counts = Counter(f"{d.rule} {d.severity.value}" for r in corpus_results for d in r.diagnostics)
    modules = sum(r.module_page for r in corpus_results)
    cmdlets = sum(r.cmdlet is not None for r in corpus_results)
    table = {"files": len(corpus_results), "cmdlets": cmdlets, "module_pages": modules, "by_rule": dict(sorted(counts.items()))}
    print(json.dumps(table, indent=2))
    snapshot.snapshot_dir = ROOT / "tests" / "snapshots" / "corpus"
    snapshot.assert_match(json.dumps(table, indent=2, sort_keys=True) + "\n", "diagnostic_counts.json")


def test_diagnostics_per_file(snapshot, corpus_results: list[ReadResult]) -> None:  # type: ignore[no-untyped-def]
    lines = [str(d) for r in corpus_results for d in sorted(r.diagnostics)]
    snapshot.snapshot_dir = ROOT / "tests" / "snapshots" / "corpus"
    snapshot.assert_match("\n".join(lines) + "\n", "diagnostics.txt")
