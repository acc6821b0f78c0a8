"""The generated package reads well in a pull request: no line grows with the help's text, and an edit
of one sentence in the help changes the lines of that sentence, not the file around it."""

from __future__ import annotations

import difflib
from pathlib import Path

from generator import config, pipeline

from support import GENERATED, generated_sources as _sources, too_long as _too_long


def test_no_generated_line_is_longer_than_120_columns_unless_one_token_is() -> None:
    files = _sources(GENERATED)
    assert len(files) > 100
    found = {name: lines for name, text in files.items() if (lines := _too_long(text))}
    assert found == {}
    longest = max(len(line) for text in files.values() for line in text.splitlines())
    assert longest < 200


def test_the_line_check_sees_a_long_line_of_words() -> None:
    assert _too_long("x = " + repr("word " * 30))
    assert not _too_long("# " + "Paths" * 30)


def _changed_lines(before: dict[str, str], after: dict[str, str]) -> dict[str, int]:
    changed = {}
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name, "").splitlines(), after.get(name, "").splitlines()
        diff = [
            line
            for line in difflib.unified_diff(old, new, lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        ]
        if diff:
            changed[name] = len(diff)
    return changed


def test_editing_one_sentence_of_a_description_changes_only_that_sentences_lines(project: Path) -> None:
    spec = project / "specs" / "Microsoft.Graph.Users" / "Get-MgUser.md"
    text = spec.read_text(encoding="utf-8")
    sentence = "Because the user resource supports extensions"
    assert text.count(sentence) == 2  # in the synopsis and the description
    spec.write_text(text.replace(sentence, "Since the user resource supports extensions"), encoding="utf-8")
    before = _sources(GENERATED)

    outcome = pipeline.generate(config.load(project))
    assert not outcome.failed
    after = _sources(project / "generated")

    changed = _changed_lines(before, after)
    # The description is in the help data the CLI and help() show and in the method's docstring.
    assert set(changed) == {"graph_sdk/_help/user.json", "graph_sdk/client.pyi"}
    # The help data keeps the text once (its description repeats its synopsis): the sentence's line out
    # and in. The docstring wraps it over two lines. Re-wrapping the whole text would move every line
    # after it.
    assert changed == {"graph_sdk/_help/user.json": 2, "graph_sdk/client.pyi": 4}
    assert "Since the user resource supports extensions" in after["graph_sdk/_help/user.json"]
