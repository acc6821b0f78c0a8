"""Parse .NET type names as help files write them.

`String`, `System.String[]`, `Int32?`, `List<IFoo>`, `Dictionary<String, Object>`,
`System.Collections.Generic.List`1[[System.String, System.Private.CoreLib, Version=...]]`,
`System.Nullable`1[[System.Int32, ...]]`. Commas only ever separate generic arguments (or an
assembly name inside `[[...]]`), so a type is never split on a top-level comma.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from generator.ir import TypeRef


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def skip_spaces(self) -> None:
        while self.peek() in (" ", "\t") and self.peek():
            self.pos += 1

    def eat(self, char: str) -> bool:
        self.skip_spaces()
        if self.text.startswith(char, self.pos):
            self.pos += len(char)
            return True
        return False

    def type(self) -> TypeRef:
        self.skip_spaces()
        start = self.pos
        while self.peek() and (self.peek().isalnum() or self.peek() in "._+@$"):
            self.pos += 1
        qualified = self.text[start : self.pos]
        if not qualified:
            raise ValueError(f"expected a type name at column {self.pos + 1}")
        args: list[TypeRef] = []
        if self.peek() == "`":
            self.pos += 1
            while self.peek().isdigit():
                self.pos += 1
            args = self.clr_arguments()
        elif self.eat("<"):
            args = [self.type()]
            while self.eat(","):
                args.append(self.type())
            if not self.eat(">"):
                raise ValueError("unbalanced `<` in type")
        namespace, _, name = qualified.rpartition(".")
        ref = TypeRef(raw="", name=name, namespace=namespace or None, args=tuple(args))
        if name == "Nullable" and namespace in ("", "System") and len(args) == 1:
            ref = replace(args[0], nullable=True)
        while True:
            self.skip_spaces()
            if self.text.startswith("[]", self.pos):
                self.pos += 2
                ref = replace(ref, array_rank=ref.array_rank + 1)
            elif self.text.startswith("[,]", self.pos):
                self.pos += 3
                ref = replace(ref, array_rank=ref.array_rank + 1)
            elif self.peek() == "[" and not ref.args and not ref.array_rank:
                # `FlagsExpression[FileAttributes]`: PowerShell's way of writing a generic argument.
                ref = replace(ref, args=tuple(self.clr_arguments()))
            elif self.peek() == "?":
                self.pos += 1
                ref = replace(ref, nullable=True)
            else:
                return replace(ref, raw=self.text[start : self.pos].strip())

    def clr_arguments(self) -> list[TypeRef]:
        """`[[T1, Assembly...],[T2, Assembly...]]` or `[T1,T2]`; an assembly name after a comma is skipped."""
        if not self.eat("["):
            return []
        if self.text.startswith("]", self.pos) or self.text.startswith(",]", self.pos):
            # `List`1[]` is an array of the open generic; leave the brackets to the suffix loop.
            self.pos -= 1
            return []
        args: list[TypeRef] = []
        while True:
            if self.eat("["):
                args.append(self.type())
                self.skip_assembly()
                if not self.eat("]"):
                    raise ValueError("unbalanced `[` in generic arguments")
            else:
                args.append(self.type())
            if self.eat(","):
                continue
            if not self.eat("]"):
                raise ValueError("unbalanced `[` in generic arguments")
            return args

    def skip_assembly(self) -> None:
        depth = 0
        while self.peek():
            char = self.peek()
            if char == "[":
                depth += 1
            elif char == "]":
                if depth == 0:
                    return
                depth -= 1
            self.pos += 1


@functools.lru_cache(maxsize=8192)
def parse_type(text: str) -> tuple[TypeRef, str | None]:
    """Return the type and an error message when the text could only be read best effort.

    Memoised: a help file names the same few types hundreds of times, and a TypeRef is immutable.
    """
    cleaned = text.strip().strip("`").strip()
    parser = _Parser(cleaned)
    try:
        ref = parser.type()
        parser.skip_spaces()
        if parser.pos != len(cleaned):
            raise ValueError(f"unexpected {cleaned[parser.pos:]!r} after the type")
        return replace(ref, raw=cleaned), None
    except ValueError as exc:
        # Best effort: keep the text as an opaque name the resolver will map to Any.
        return TypeRef(raw=cleaned, name=cleaned), f"type {cleaned!r} not understood: {exc}"
