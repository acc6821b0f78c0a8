"""Every real help file in ../shared/corpus is read without an exception; diagnostics are pinned."""

from __future__ import annotations

import json
from collections import Counter

from generator.pipeline import read_file

from support import CORPUS, ROOT


def corpus_results():  # type: ignore[no-untyped-def]
    files = sorted(CORPUS.rglob("*.md"))
    assert len(files) > 400
    return [read_file(path, CORPUS) for path in files]


def test_no_corpus_file_raises_or_reports_an_internal_error() -> None:
    internal = [d for r in corpus_results() for d in r.diagnostics if d.rule == "PG000"]
    assert internal == []


def test_every_cmdlet_file_in_the_corpus_yields_a_cmdlet_with_parameter_sets() -> None:
    results = corpus_results()
    without = [r.path for r in results if r.cmdlet is None and not r.module_page]
    # Not cmdlet help: the corpus README and platyPS's deliberate garbage file.
    assert without == ["README.md", "platyps-assets/bad-commandhelp.md"]
    for result in results:
        if result.cmdlet is not None:
            assert result.cmdlet.parameter_sets, result.path


def test_diagnostic_counts_by_rule(snapshot) -> None:  # type: ignore[no-untyped-def]
    results = corpus_results()
    counts = Counter(f"{d.rule} {d.severity.value}" for r in results for d in r.diagnostics)
    modules = sum(r.module_page for r in results)
    cmdlets = sum(r.cmdlet is not None for r in results)
    table = {"files": len(results), "cmdlets": cmdlets, "module_pages": modules, "by_rule": dict(sorted(counts.items()))}
    print(json.dumps(table, indent=2))
    snapshot.snapshot_dir = ROOT / "tests" / "snapshots" / "corpus"
    snapshot.assert_match(json.dumps(table, indent=2, sort_keys=True) + "\n", "diagnostic_counts.json")


def test_diagnostics_per_file(snapshot) -> None:  # type: ignore[no-untyped-def]
    lines = [str(d) for r in corpus_results() for d in sorted(r.diagnostics)]
    snapshot.snapshot_dir = ROOT / "tests" / "snapshots" / "corpus"
    snapshot.assert_match("\n".join(lines) + "\n", "diagnostics.txt")
