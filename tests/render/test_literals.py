"""Spec text → Python source: string literals, docstrings and comments must survive any input."""

from __future__ import annotations

import ast
import inspect

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.render.format import format_python
from generator.render.literals import py_comment, py_docstring, py_string
from generator.render.writer import UnsafePathError, check_paths

HOSTILE_PIECES = [
    '"""',
    "'''",
    '"',
    "'",
    "\\",
    '\\"',
    "\\N{BULLET}",
    "\\x41",
    "\\u0041",
    "{{ x }}",
    "{% if x %}",
    "{#",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\r",
    "\r\n",
    "\n",
    "\t",
    "\x0b",
    "\x0c",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u200b",
    "\ud800",
    "\udfff",
    "\U0001f600",
    "#",
    " ",
    "a",
    "é",
]

# Any text at all, lone surrogates and control characters included.
any_text = st.text(st.characters(exclude_categories=()))
hostile_text = st.lists(st.sampled_from(HOSTILE_PIECES), max_size=30).map("".join)
texts = st.one_of(any_text, hostile_text)


def evaluate_docstring(literal: str) -> str:
    source = f"class C:\n    {literal}\n    x = 1\n"
    namespace: dict[str, object] = {}
    exec(compile(source, "<generated>", "exec"), namespace)
    cls = namespace["C"]
    assert cls.x == 1  # the docstring ended where it should  # type: ignore[attr-defined]
    assert cls.__doc__ is not None  # type: ignore[attr-defined]
    return cls.__doc__  # type: ignore[attr-defined]


# --- py_string -------------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(texts)
@example('"""')
@example("'''")
@example("\\N{BULLET}")
@example("{{ name }} {% raw %}")
@example("\x00\x01\x1f\x7f")
@example("\ud800\udfff")
def test_py_string_round_trips(text: str) -> None:
    literal = py_string(text)
    assert ast.literal_eval(literal) == text
    # One physical line: no character that Python or an editor could take as a line break.
    assert len(literal.splitlines()) == 1
    assert literal.isascii() or all(c.isprintable() for c in literal)
    node = ast.parse(f"x = {literal}").body[0]
    assert isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)


def test_py_string_very_long_line() -> None:
    text = ("word " * 40_000) + '"""' + "\\" * 1001
    assert ast.literal_eval(py_string(text)) == text


def test_py_string_escapes() -> None:
    assert py_string("plain") == '"plain"'
    assert py_string('say "hi"') == '"say \\"hi\\""'
    assert py_string("a\\b") == '"a\\\\b"'
    assert py_string("a\nb\tc\r") == '"a\\nb\\tc\\r"'
    assert py_string("\x00") == '"\\x00"'
    assert py_string("\u2028") == '"\\u2028"'
    assert py_string("\ud800") == '"\\ud800"'
    assert py_string("\U000e0001") == '"\\U000e0001"'
    assert py_string("café ✓") == '"café ✓"'  # printable text stays readable


@settings(max_examples=100, deadline=None)
@given(texts)
def test_py_string_keeps_its_value_through_black(text: str) -> None:
    source = f"x = {py_string(text)}\n"
    formatted = format_python(source, "x.py")
    assert ast.literal_eval(formatted[len("x = ") :].strip()) == text
    if '"' not in text:
        # The docstring of py_string promises black leaves the literal alone.
        assert formatted == source


# --- py_docstring ----------------------------------------------------------------------------------------


def _no_surrogates(text: str) -> str:
    """What a docstring can hold: a class docstring must encode as UTF-8, so lone surrogates become U+FFFD."""
    return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


# Prose: lines without leading or trailing blanks (empty lines allowed between paragraphs), any characters
# otherwise (quotes, backslashes, template syntax and control characters included), but no tab, which
# `inspect.cleandoc` expands, and no lone surrogate (see above).
_line_chars = st.characters(exclude_categories=("Cs",), exclude_characters="\n\t")
_prose_line = st.one_of(
    st.text(_line_chars, max_size=40),
    hostile_text.map(lambda s: _no_surrogates(s).replace("\n", "").replace("\t", "")),
).map(str.strip)
prose = st.lists(_prose_line, min_size=1, max_size=6).map("\n".join).map(str.strip)


@settings(max_examples=200, deadline=None)
@given(prose)
@example('x"""')
@example('""""""')
@example('"quoted"')
@example('ends with a quote"')
@example("ends with a backslash\\")
@example('first\n\nsecond "line"')
@example('"\n"')
@example("{{ x }}\n{% if %}")
def test_py_docstring_keeps_prose(text: str) -> None:
    literal = py_docstring(text, "    ")
    assert inspect.cleandoc(evaluate_docstring(literal)) == text


@settings(max_examples=100, deadline=None)
@given(prose)
@example('ends with a quote"')
@example('"starts with a quote')
@example('x"""')
@example('line one\nline "two"')
@example('"')
def test_py_docstring_keeps_prose_through_black(text: str) -> None:
    """The pipeline runs black over every file; the docstring's value must not change."""
    source = f"class C:\n    {py_docstring(text, '    ')}\n"
    formatted = format_python(source, "x.py")
    namespace: dict[str, object] = {}
    exec(compile(formatted, "<generated>", "exec"), namespace)
    assert inspect.cleandoc(namespace["C"].__doc__) == text  # type: ignore[attr-defined]
    assert formatted == source


@settings(max_examples=200, deadline=None)
@given(texts)
@example('"""')
@example('x"""')
@example('"""x')
@example('""""')
@example("\\")
@example("   \n\t\n")
@example("\t indented\n   more\n")
def test_py_docstring_compiles_for_any_text(text: str) -> None:
    literal = py_docstring(text, "    ")
    doc = evaluate_docstring(literal)
    # Nothing is lost but blanks at the ends of lines and of the text, and the first line's indentation.
    assert [line.strip() for line in doc.strip().split("\n") if line.strip()] == [
        line.strip() for line in _no_surrogates(text).strip().split("\n") if line.strip()
    ]


def test_py_docstring_replaces_lone_surrogates() -> None:
    assert evaluate_docstring(py_docstring("bad \ud800 text", "    ")) == "bad \ufffd text"


def test_py_docstring_forms() -> None:
    assert py_docstring("One line.", "    ") == '"""One line."""'
    assert py_docstring("", "    ") == '""""""'
    assert py_docstring("  \n ", "    ") == '""""""'
    assert py_docstring("First.\n\nSecond.", "    ") == '"""First.\n\n    Second.\n    """'
    assert py_docstring("trailing   \nblanks  ", "") == '"""trailing\nblanks\n"""'


def test_py_docstring_at_module_level() -> None:
    text = 'Models of "X".\nSecond line with \\ and """.'
    module = ast.parse(py_docstring(text, "") + "\n")
    assert inspect.cleandoc(ast.get_docstring(module, clean=False) or "") == text


# --- py_comment ------------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(texts)
def test_py_comment_stays_on_one_line(text: str) -> None:
    comment = py_comment(text)
    assert "\n" not in comment and "\r" not in comment
    assert len(("# " + comment).splitlines()) == 1
    tree = ast.parse(f"# {comment}\nx = 1\n")
    assert len(tree.body) == 1
    # Printable text is kept as it is.
    if text.isprintable():
        assert comment == text


def test_py_comment_replaces_breaks() -> None:
    assert py_comment("a\nb") == "a b"
    assert py_comment("a\rb\x00c\u2028d") == "a?b?c?d"


# --- check_paths -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "../x",
        "/abs",
        "/etc/passwd",
        "a/../../b",
        "a/../b",
        "a\\b",
        "..\\x",
        "C:x",
        "C:/x",
        "./x",
        "a//b",
        "a/",
        "",
        ".",
        "..",
    ],
)
def test_check_paths_rejects_paths_that_could_leave_the_output(path: str) -> None:
    with pytest.raises(UnsafePathError):
        check_paths({"pkg/ok.py": "", path: "x"})


@pytest.mark.parametrize(
    "path", ["pkg/models/x.py", "x.py", "pkg/__init__.py", "pkg/py.typed", "a.b/c-d/e_f.py"]
)
def test_check_paths_accepts_relative_paths_inside(path: str) -> None:
    assert check_paths({path: "x"}) is None
