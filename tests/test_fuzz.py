"""Mutated real help files: the reader returns diagnostics and never raises.

Fast in CI (a few hundred examples); run longer with PLATYGEN_FUZZ_EXAMPLES=20000.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.diagnostics import Diagnostic
from generator.read.reader import ReadResult, read_bytes

from support import CORPUS, HANG_SECONDS, Hang, watchdog

EXAMPLES = int(os.environ.get("PLATYGEN_FUZZ_EXAMPLES", "300"))
SOURCES = [
    "seed/Update-MgApplicationSynchronizationJob.md",
    "graph/Microsoft.Graph.Applications/Add-MgApplicationPassword.md",
    "graph/Microsoft.Graph.Users/Get-MgUser.md",
    "jumpcloud/JumpCloud.SDK.V1/New-JcSdkUser.md",
    "platyps-assets/get-date.md",
    "platyps-assets/Get-Date.V2.md",
    "platyps-assets/Get-ChildItem.md",
]
TEXTS = {name: (CORPUS / name).read_bytes().decode("utf-8-sig").split("\n") for name in SOURCES}
NOISE = [
    "```",
    "```yaml",
    "~~~",
    "---",
    "## SYNTAX",
    "## NOTES",
    "### -Name",
    "# Title",
    "[",
    "]",
    "<",
    ">",
    "[[-A] <B>]",
    "[-A [-B]]",
    "<List<String>>",
    "- `[X <Y>]`:",
    "\t",
    "\r",
    "\u00a0",
    "\u2028",
    "é",
    "{{ Fill }}",
    "COMPLEX PARAMETER PROPERTIES",
    "BODY <IThing>:",
    "  [(Any) <Object>]:",
    "Type: @{}",
    "Required: True (",
    "ParameterSets:\n- Name: [",
    "\x00",
    "\ufeff",
    # Deep nesting (mistletoe recurses per level) and a long run of link openers (its link finder is quadratic).
    "> " * 300,
    "1. " * 250,
    "[a](" * 3000,
]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    lines = list(TEXTS[draw(st.sampled_from(SOURCES))])
    for _ in range(draw(st.integers(1, 8))):
        if not lines:
            lines = [""]
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(
            st.sampled_from(["delete", "duplicate", "swap", "truncate", "insert", "splice", "cut", "reorder"])
        )
        if op == "delete":
            del lines[i : i + draw(st.integers(1, 40))]
        elif op == "duplicate":
            lines[i:i] = lines[i : i + draw(st.integers(1, 40))]
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "truncate":
            lines = lines[:i]
        elif op == "insert":
            lines.insert(i, draw(st.sampled_from(NOISE)) + draw(st.text(max_size=20)))
        elif op == "splice":
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(st.sampled_from(NOISE) | st.text(max_size=10)) + line[at:]
        elif op == "cut":
            lines[i] = lines[i][: draw(st.integers(0, max(len(lines[i]) - 1, 0)))]
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lo, hi = min(i, j), max(i, j)
            lines[lo:hi] = reversed(lines[lo:hi])
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        data = data.replace(b"\n", b"\r\n")
    if draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    return data


def read(data: bytes) -> ReadResult:
    try:
        with watchdog(HANG_SECONDS, "reading a mutated file"):
            return read_bytes("fuzz.md", data)
    except Hang as exc:
        raise AssertionError(str(exc)) from None  # an ordinary failure, so hypothesis shrinks the input


def check(result: ReadResult) -> None:
    assert isinstance(result, ReadResult)
    assert all(isinstance(d, Diagnostic) and d.line >= 1 and d.column >= 1 for d in result.diagnostics)
    assert all(d.rule != "PG000" for d in result.diagnostics)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated())
def test_mutated_corpus_files_give_diagnostics_not_exceptions(data: bytes) -> None:
    check(read(data))


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_give_diagnostics_not_exceptions(data: bytes) -> None:
    result = read(data)
    check(result)
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 after its byte order mark
            data.decode("utf-16")
        else:
            data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        assert [d.rule for d in result.diagnostics] == ["PG001"] and result.cmdlet is None
