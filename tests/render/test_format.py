"""Formatting block by block gives black's output for the whole file, byte for byte."""

from __future__ import annotations

import pytest

from generator import pipeline
from generator.config import Config
from generator.render import renderer
from generator.render.format import format_python, split_blocks

from support import CORPUS, ROOT


def rendered(specs_folder: str) -> dict[str, str]:
    specs = ROOT / specs_folder if not specs_folder.startswith("/") else None
    cfg = Config(root=ROOT, specs=specs or CORPUS, output=ROOT / "unused")
    project, _, _, _ = pipeline.build(cfg)
    return renderer.render_sources(project)


@pytest.mark.parametrize("specs", ["/corpus", "tests/fixtures/hostile"])
def test_every_generated_file_formatted_by_blocks_is_black_on_the_whole_file(specs: str) -> None:
    sources = rendered(specs)
    by_blocks = renderer.format_sources(sources)
    python = [path for path in sources if path.endswith(".py")]
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
