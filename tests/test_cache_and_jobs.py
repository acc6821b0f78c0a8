"""Parallel reading and the cache change how fast output comes, never what it is."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import generator
from generator import cache as cache_module
from generator import config, pipeline
from generator.cache import Cache
from generator.render.format import split_blocks
from generator.render.writer import read_tree

from support import CORPUS, GENERATED, ROOT


class Calls:
    """Counts the calls of the reader and of black, passing them through."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import generator.read.reader as reader
        import generator.render.renderer as renderer

        self.read: list[str] = []
        self.formatted: list[str] = []
        self.sources: list[str] = []  # what black was given
        real_read, real_format = reader.read_bytes, renderer.format_python

        def read_bytes(path: str, data: bytes):  # type: ignore[no-untyped-def]
            self.read.append(path)
            return real_read(path, data)

        def format_python(source: str, path: str) -> str:
            self.formatted.append(path)
            self.sources.append(source)
            return real_format(source, path)

        monkeypatch.setattr(reader, "read_bytes", read_bytes)
        monkeypatch.setattr(renderer, "format_python", format_python)

    def reset(self) -> None:
        self.read.clear()
        self.formatted.clear()
        self.sources.clear()


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Calls:
    return Calls(monkeypatch)


@pytest.fixture
def fresh_fingerprint() -> Iterator[None]:
    cache_module.generator_fingerprint.cache_clear()
    yield
    cache_module.generator_fingerprint.cache_clear()


def test_reading_in_worker_processes_gives_the_serial_results_in_the_same_order() -> None:
    paths = pipeline.find_specs(CORPUS)[::4]  # about 100 files: enough to start the workers
    assert len(paths) >= pipeline.PARALLEL_THRESHOLD
    parallel = pipeline.read_all(paths, CORPUS, jobs=2)
    assert [r.path for r in parallel] == [pipeline.display_path(p, CORPUS) for p in paths]
    assert parallel == pipeline.read_all(paths, CORPUS, jobs=1)


def test_generate_with_jobs_writes_the_same_bytes_as_one_job(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_THRESHOLD", 2)  # the 21 specs go through the workers too
    cfg = config.load(project)
    parallel = pipeline.generate(cfg, jobs=2)
    assert parallel.written
    serial = pipeline.generate(cfg, check=True, jobs=1)
    assert parallel.files == serial.files
    assert parallel.diagnostics == serial.diagnostics
    assert read_tree(cfg.output) == read_tree(GENERATED)


def test_parallel_reading_fills_and_uses_the_cache(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "PARALLEL_THRESHOLD", 2)
    cfg = config.load(project)
    cache = Cache.for_project(project)
    paths = pipeline.find_specs(cfg.specs)
    first = pipeline.read_all(paths, project, jobs=2, cache=cache)
    assert len(list((project / ".platygen-cache" / "read").rglob("*"))) > len(paths)  # entries and folders
    assert (
        pipeline.read_all(paths, project, jobs=2, cache=cache) == first == pipeline.read_all(paths, project)
    )


def test_an_unchanged_regenerate_reads_and_formats_nothing(project: Path, calls: Calls) -> None:
    cfg = config.load(project)
    cache = Cache.for_project(project)
    first = pipeline.generate(cfg, cache=cache)
    assert first.written and not first.up_to_date
    assert len(calls.read) == first.specs_read == 21
    assert calls.formatted
    calls.reset()
    again = pipeline.generate(cfg, cache=cache)
    assert again.up_to_date and not again.written
    assert calls.read == [] and calls.formatted == []
    assert again.diagnostics == first.diagnostics and again.specs_read == 21
    assert again.files == first.files
    assert read_tree(cfg.output) == read_tree(GENERATED)


def test_strict_still_fails_on_warnings_when_nothing_changed(project: Path) -> None:
    cfg = config.load(project)
    cache = Cache.for_project(project)
    assert not pipeline.generate(cfg, cache=cache).failed
    strict = pipeline.generate(cfg, strict=True, cache=cache)
    assert strict.up_to_date and strict.failed


def test_a_hand_edited_output_is_regenerated_from_the_cache_without_reading_or_black(
    project: Path, calls: Calls
) -> None:
    cfg = config.load(project)
    cache = Cache.for_project(project)
    pipeline.generate(cfg, cache=cache)
    target = cfg.output / "graph_sdk" / "_base.py"
    target.write_text("# edited by hand\n")
    calls.reset()
    stale = pipeline.generate(cfg, check=True, cache=cache)
    assert stale.failed and stale.stale == ["graph_sdk/_base.py"]
    assert (
        calls.read == [] and calls.formatted == []
    )  # every spec and every formatted file came from the cache
    assert pipeline.generate(cfg, cache=cache).written
    assert read_tree(cfg.output) == read_tree(GENERATED)


def test_one_changed_spec_is_the_only_one_read_again(project: Path, calls: Calls) -> None:
    cfg = config.load(project)
    cache = Cache.for_project(project)
    pipeline.generate(cfg, cache=cache)
    spec = cfg.specs / "Microsoft.Graph.Beta.Users" / "Update-MgBetaUserOutlookMasterCategory.md"
    text = spec.read_text(encoding="utf-8")
    old = "[Color <String>]: categoryColor\n"
    assert old in text
    spec.write_text(text.replace(old, "[Color <String>]: categoryColor, changed\n"), encoding="utf-8")
    calls.reset()
    outcome = pipeline.generate(cfg, cache=cache)
    assert outcome.written and not outcome.up_to_date
    assert calls.read == ["specs/Microsoft.Graph.Beta.Users/Update-MgBetaUserOutlookMasterCategory.md"]
    # Only the block holding the changed description goes through black again: the model class (the
    # CLI's --help reads its property trees from the models when shown).
    assert calls.formatted == ["graph_sdk/models/outlook_category.py"]
    [model_source] = calls.sources
    assert split_blocks(model_source) == [model_source]
    assert "class OutlookCategory(" in model_source and "categoryColor, changed" in model_source
    assert outcome.files == pipeline.generate(cfg, check=True).files  # what an uncached run makes


def test_a_new_generator_version_invalidates_every_read(
    project: Path, calls: Calls, monkeypatch: pytest.MonkeyPatch, fresh_fingerprint: None
) -> None:
    cfg = config.load(project)
    cache = Cache.for_project(project)
    pipeline.generate(cfg, cache=cache)
    monkeypatch.setattr(generator, "__version__", generator.__version__ + ".post1")
    cache_module.generator_fingerprint.cache_clear()
    calls.reset()
    outcome = pipeline.generate(cfg, cache=cache)
    assert not outcome.up_to_date
    assert len(calls.read) == 21
    assert read_tree(cfg.output) == read_tree(GENERATED)


def test_a_new_black_invalidates_the_formatted_files(
    project: Path, calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = config.load(project)
    cache = Cache.for_project(project)
    first = pipeline.generate(cfg, check=True, cache=cache)
    formatted = len(calls.formatted)
    monkeypatch.setattr("generator.render.renderer.formatter_id", lambda: "black 99.0 py311")
    calls.reset()
    spec = cfg.specs / "Microsoft.Graph.Users" / "Get-MgUser.md"
    spec.write_text(spec.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # past the up-to-date check
    pipeline.generate(cfg, check=True, cache=cache)
    assert len(calls.formatted) == formatted
    assert first.files  # sanity: the first run rendered


def _corrupt_every_entry(folder: Path, how: str) -> int:
    entries = sorted(e for e in folder.rglob("*") if e.is_file() and e.name != ".gitignore")
    originals = [e.read_bytes() for e in entries]
    for index, (entry, data) in enumerate(zip(entries, originals)):
        if how == "truncate":
            entry.write_bytes(data[: len(data) // 2])
        elif how == "flip":
            entry.write_bytes(data[:-1] + bytes([data[-1] ^ 0xFF]))
        elif how == "renamed":  # a whole, valid entry, but another one's
            entry.write_bytes(originals[(index + 1) % len(originals)])
        else:  # sealed right for its key, but neither a pickle nor UTF-8 text
            payload = b"\xff not a pickle"
            entry.write_bytes(
                cache_module._MAGIC + cache_module.seal(entry.parent.name + entry.name, payload) + payload
            )
    return len(entries)


@pytest.mark.parametrize("how", ["truncate", "flip", "renamed", "sealed garbage"])
def test_a_corrupt_cache_is_ignored_and_the_output_is_still_right(
    project: Path, calls: Calls, how: str
) -> None:
    cfg = config.load(project)
    cache = Cache.for_project(project)
    pipeline.generate(cfg, cache=cache)
    assert _corrupt_every_entry(project / ".platygen-cache", how) > 21
    calls.reset()
    outcome = pipeline.generate(cfg, check=True, cache=cache)
    assert not outcome.failed and not outcome.up_to_date
    assert len(calls.read) == 21  # nothing from the corrupt cache was trusted
    assert calls.formatted
    assert read_tree(cfg.output) == read_tree(GENERATED)
    assert outcome.files == {path: data.decode() for path, data in read_tree(GENERATED).items()}


def test_a_cache_that_cannot_be_written_is_skipped(project: Path) -> None:
    (project / ".platygen-cache").write_text("a file where the cache folder would be")
    cfg = config.load(project)
    outcome = pipeline.generate(cfg, cache=Cache.for_project(project))
    assert outcome.written and not outcome.failed
    assert read_tree(cfg.output) == read_tree(GENERATED)


def test_the_cache_folder_ignores_itself_in_git(project: Path) -> None:
    pipeline.generate(config.load(project), cache=Cache.for_project(project))
    assert (project / ".platygen-cache" / ".gitignore").read_text().splitlines()[-1] == "*"


def test_an_up_to_date_command_line_run_never_imports_the_reader_resolver_or_black(project: Path) -> None:
    script = (
        "import sys\n"
        "from generator.cli import main\n"
        "try:\n"
        f"    main(['--root', {str(project)!r}, 'generate'])\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "print(sorted(m for m in ('mistletoe', 'pydantic', 'jinja2', 'black', 'rich') if m in sys.modules))\n"
    )
    first = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert "written" in first.stderr
    again = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert "already up to date" in again.stderr
    assert again.stdout.strip() == "[]"
    # The same diagnostics, line for line, and the same summary; only the last line differs.
    assert again.stderr.splitlines()[:-1] == first.stderr.splitlines()[:-1]
    assert len(again.stderr.splitlines()) > 10  # the specs have dozens of warnings


def test_no_progress_bar_when_stderr_is_not_a_terminal(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "generate", "-q", "--jobs", "2"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "\r" not in result.stderr and "\x1b[" not in result.stderr
    assert all(": " in line or "files" in line for line in result.stderr.splitlines())
