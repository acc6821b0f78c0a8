"""SYNTAX: parameter sets as H3 blocks (or unnamed blocks) and a tokenizer for the syntax lines."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from generator.diagnostics import DiagnosticSink
from generator.ir import ParameterSet, SyntaxParameter, TypeRef
from generator.read.document import Section
from generator.read.source import split_lines
from generator.read.typeref import parse_type

_DEFAULT = re.compile(r"\(\s*default\s*\)", re.IGNORECASE)
_COMMON = re.compile(r"\[?\s*<\s*CommonParameters\s*>\s*\]?", re.IGNORECASE)
_NAME_CHARS = re.compile(r"[A-Za-z0-9_\-?]*")
_SWITCH_TYPES = {"switchparameter", "switch"}


def read_syntax(section: Section, sink: DiagnosticSink) -> list[ParameterSet]:
    sets: list[ParameterSet] = []
    for part in section.subsections():
        name = " ".join(_DEFAULT.sub(" ", part.heading).split()) if part.heading else ""
        is_default = bool(_DEFAULT.search(part.heading))
        code = [block for block in part.blocks if block.kind == "code"]
        if part.heading and not code:
            sink.warning("PG020", part.line, f"parameter set {name!r} has no syntax code block")
        for block in code:
            for command, parameters, line in _commands(block.text, block.line + 1, sink):
                sets.append(ParameterSet(name, is_default, command, parameters, line))
    return sets


def _commands(
    text: str, first_line: int, sink: DiagnosticSink
) -> list[tuple[str, list[SyntaxParameter], int]]:
    """Split a code block into commands: a line starting with the command's name begins a new one."""
    groups: list[list[tuple[int, str]]] = []
    command = ""
    for offset, raw in enumerate(split_lines(text)):
        if not raw.strip():
            continue
        first_word = raw.split()[0]
        starts_command = not raw[0].isspace() and not first_word.startswith(("-", "[", "<"))
        if not groups or (starts_command and (not command or first_word == command)):
            command = command or first_word
            groups.append([])
        groups[-1].append((first_line + offset, raw))
    result = []
    for group in groups:
        tokenizer = _Tokenizer(group, sink)
        result.append((tokenizer.command, tokenizer.parameters, group[0][0]))
    return result


@dataclass
class _Position:
    line: int
    column: int


class _Tokenizer:
    """Reads `Cmd -A <T> [-B <T>] [[-C] <T>] [-D] [<CommonParameters>]`; odd tokens give a warning."""

    def __init__(self, lines: list[tuple[int, str]], sink: DiagnosticSink) -> None:
        self.sink = sink
        self.text = ""
        self.starts: list[int] = []
        self.origins: list[tuple[int, int]] = []
        for number, raw in lines:
            stripped = raw.strip()
            self.starts.append(len(self.text))
            self.origins.append((number, len(raw) - len(raw.lstrip()) + 1))
            self.text += stripped + " "
        self.pos = 0
        self.parameters: list[SyntaxParameter] = []
        self.command = self.word()
        self.sequence(len(self.text), optional=False)

    def where(self, index: int) -> _Position:
        slot = max(bisect.bisect_right(self.starts, index) - 1, 0)
        line, column = self.origins[slot]
        return _Position(line, column + index - self.starts[slot])

    def warn(self, index: int, message: str) -> None:
        at = self.where(index)
        self.sink.warning("PG021", at.line, message, at.column)

    def skip_spaces(self, end: int) -> None:
        while self.pos < end and self.text[self.pos].isspace():
            self.pos += 1

    def word(self) -> str:
        self.skip_spaces(len(self.text))
        start = self.pos
        while self.pos < len(self.text) and not self.text[self.pos].isspace():
            self.pos += 1
        return self.text[start : self.pos]

    def sequence(self, end: int, optional: bool) -> None:
        while True:
            self.skip_spaces(end)
            if self.pos >= end:
                return
            common = _COMMON.match(self.text, self.pos, end)
            if common:
                self.pos = common.end()
            elif self.text[self.pos] == "[":
                self.bracket(end)
            elif self.text[self.pos] == "-":
                self.parameter(end, required=not optional, positional=False)
            else:
                start = self.pos
                token = self.text[start:end].split()[0]
                self.pos += len(token)
                self.warn(start, f"unexpected syntax token {token!r} ignored")

    def bracket(self, end: int) -> None:
        start = self.pos
        close = self.matching(start, end)
        if close is None:
            self.warn(start, "unbalanced `[` in syntax; read to the end of the line")
            close = end
        inner_start, self.pos = start + 1, start + 1
        inner = self.text[inner_start:close].strip()
        if inner.startswith("[") and inner.count("-") >= 1:
            # [[-Name] <Type>]: an optional positional parameter.
            self.skip_spaces(close)
            inner_close = self.matching(self.pos, close)
            if inner_close is not None:
                self.pos += 1
                self.parameter(inner_close, required=False, positional=True, type_end=close)
            else:
                self.sequence(close, optional=True)
        elif inner.startswith("-"):
            before = len(self.parameters)
            self.parameter(close, required=False, positional=False)
            self.skip_spaces(close)
            if self.pos < close:
                self.warn(self.pos, "nested or unexpected tokens inside `[...]`; read as optional parameters")
                self.sequence(close, optional=True)
            # [-Name] <Type>: a required positional parameter whose type follows the brackets.
            after = close + 1
            while after < end and self.text[after] == " ":
                after += 1
            added = self.parameters[before:]
            if len(added) == 1 and added[0].type is None and after < end and self.text[after] == "<":
                self.pos = after
                type_ = self.type(end)
                self.parameters[before] = SyntaxParameter(
                    added[0].name, type_, True, True, _is_switch(type_), added[0].line
                )
                return
        elif inner:
            self.warn(start, f"unexpected bracketed syntax token {self.text[start:close + 1]!r}")
        self.pos = min(close + 1, end)

    def parameter(self, end: int, required: bool, positional: bool, type_end: int | None = None) -> None:
        start = self.pos
        self.pos += 1  # the dash
        match = _NAME_CHARS.match(self.text, self.pos, end)
        name = match.group(0) if match else ""
        self.pos += len(name)
        name = name.rstrip("-")
        if not name:
            self.warn(start, "a `-` without a parameter name")
            return
        type_ = None
        limit = type_end if type_end is not None else end
        if type_end is not None:
            self.pos = min(end + 1, limit)
        self.skip_spaces(limit)
        if self.pos < limit and self.text[self.pos] == "<":
            type_ = self.type(limit)
        at = self.where(start)
        self.parameters.append(
            SyntaxParameter(name, type_, required, positional, type_ is None or _is_switch(type_), at.line)
        )
        if type_end is not None:
            self.skip_spaces(type_end)
            if self.pos < type_end:
                self.warn(self.pos, "unexpected tokens after a positional parameter's type")
            self.pos = type_end

    def type(self, end: int) -> TypeRef:
        start = self.pos
        close = self.matching(start, end)
        if close is None:
            self.warn(start, "unbalanced `<` in a parameter type")
            close = end
        ref, error = parse_type(self.text[start + 1 : close])
        if error:
            self.warn(start, error)
        self.pos = min(close + 1, end)
        return ref

    def matching(self, start: int, end: int) -> int | None:
        """Index of the bracket closing the one at start; `<...>` and `[...]` nest inside each other."""
        pairs = {"[": "]", "<": ">"}
        if self.text[start : start + 1] not in pairs:
            return None
        stack: list[str] = []
        for index in range(start, end):
            char = self.text[index]
            if char in pairs:
                stack.append(pairs[char])
            elif stack and char == stack[-1]:
                stack.pop()
                if not stack:
                    return index
        return None


def _is_switch(type_: TypeRef) -> bool:
    return type_.name.lower() in _SWITCH_TYPES
