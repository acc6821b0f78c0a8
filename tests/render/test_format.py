"""Formatting block by block gives black's output for the whole file, byte for byte."""

from __future__ import annotations

import pytest

from generator import config, pipeline
from generator.config import Config
from generator.render import renderer
from generator.render.format import format_python, split_blocks, split_members

from support import CORPUS, ROOT


def rendered(specs_folder: str) -> dict[str, str]:
    """What the templates write for a folder: `specs` with this project's settings, others with the defaults."""
    if specs_folder == "specs":
        cfg = config.load(ROOT)
    else:
        specs = ROOT / specs_folder if not specs_folder.startswith("/") else CORPUS
        cfg = Config(root=ROOT, specs=specs, output=ROOT / "unused")
    project, _, _, _ = pipeline.build(cfg)
    return renderer.render_sources(project)


@pytest.mark.parametrize("specs", ["/corpus", "tests/fixtures/hostile"])
def test_every_generated_file_formatted_by_blocks_is_black_on_the_whole_file(specs: str) -> None:
    sources = rendered(specs)
    by_blocks = renderer.format_sources(sources)
    python = [path for path in sources if path.endswith((".py", ".pyi"))]
    assert len(python) >= 3
    for path in python:
        assert by_blocks[path] == format_python(sources[path], path), path


def test_blocks_start_at_top_level_classes_and_defs_with_their_comments_and_decorators() -> None:
    source = (
        '"""Doc."""\n\nimport x\n\n\n# about A\nclass A:\n    def f(self):\n        pass\n\n\n'
        "@decorator\ndef g():\n    pass\n\nclass B: pass\n"
    )
    assert split_blocks(source) == [
        '"""Doc."""\n\nimport x\n\n\n',
        "# about A\nclass A:\n    def f(self):\n        pass\n\n\n",
        "@decorator\ndef g():\n    pass\n\n",
        "class B: pass\n",
    ]
    assert split_blocks("class A: pass\n") == ["class A: pass\n"]


def test_a_class_line_inside_a_string_falls_back_to_black_on_the_whole_file() -> None:
    source = 'TEXT = """\n\nclass NotAClass:\n"""\n\n\nclass A:\n  x   =  1\n'
    assert renderer.format_sources({"m.py": source})["m.py"] == format_python(source, "m.py")


def test_batches_in_worker_processes_give_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = rendered("specs")
    serial = renderer.format_sources(sources)
    monkeypatch.setattr(renderer, "BATCH_CHARS", 2_000)  # many batches
    monkeypatch.setattr(renderer, "PARALLEL_CHARS", 0)
    assert renderer.format_sources(sources, jobs=2) == serial


def test_methods_of_large_classes_formatted_one_by_one_are_black_on_the_whole_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The client's classes (a method per cmdlet) are formatted method by method, each inside a
    stand-in class; joined one blank line apart they are black's output for the whole file."""
    sources = rendered("specs")
    monkeypatch.setattr(renderer, "CLASS_CHARS", 1_000)
    monkeypatch.setattr(renderer, "BATCH_CHARS", 5_000)
    client = "graph_sdk/client.pyi"  # the typed surface: a method per client method
    members = [b for b in renderer.blocks_of(sources[client]) if b.member]
    assert len(members) > 50 and all(b.source.startswith("class _:\n    ") for b in members)
    by_blocks = renderer.format_sources(sources)
    for path in sources:
        if path.endswith((".py", ".pyi")):
            assert by_blocks[path] == format_python(sources[path], path), path


def test_statements_after_two_blank_lines_start_blocks_unless_black_would_keep_one() -> None:
    source = (
        "import x\n\n\nA = f(\n    1,\n)\n\n\nB = g(\n    2,\n)\n\nC = 3\n\n\nD = 4\n\n\n"
        "if x:\n    E = 5\n\n\nF = 6\n"
    )
    assert split_blocks(source) == [
        "import x\n\n\nA = f(\n    1,\n)\n\n\n",  # black keeps one blank line after an import
        # not cut after a one-line statement: after some (imports, docstrings) black keeps one blank line
        "B = g(\n    2,\n)\n\nC = 3\n\n\nD = 4\n\n\nif x:\n    E = 5\n\n\n",
        "F = 6\n",
    ]
    assert len(split_blocks('"""Doc.\n\nMore."""\n\n\nA = (\n    1,\n)\n')) == 1


def test_a_class_splits_into_its_head_and_its_methods_with_their_comments_and_decorators() -> None:
    block = (
        'class C:\n    """Doc."""\n\n    x = 1\n\n    def f(self):\n        pass\n\n'
        "    # about g\n    @property\n    def g(self):\n        pass\n"
    )
    assert split_members(block) == [
        'class C:\n    """Doc."""\n\n    x = 1\n\n',
        "    def f(self):\n        pass\n\n",
        "    # about g\n    @property\n    def g(self):\n        pass\n",
    ]
