"""The part of JSONPath that AutoRest directives use to pick nodes of a description.

`$.definitions.Foo.properties.bar`, `$.paths["/things/{id}"].get`, `$..parameters[*]`,
`$.definitions[*].properties.id`, `$.paths[*][?(@.operationId == 'Things_List')]`, `[0]`.
Filters compare one member with `==` / `!=` (or test it exists); anything else is not understood
and reported by the caller, never evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

MAX_NODES = 100_000  # `$..*` on a huge document stops here rather than walking forever


class JsonPathError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class _Step:
    kind: str  # child, wildcard, index, recurse, filter
    name: str = ""
    index: int = 0
    member: str = ""
    op: str = ""  # "", "==", "!="
    value: Any = None


_NAME = re.compile(r"[A-Za-z0-9_$@\-]+")
_FILTER = re.compile(
    r"""\?\(\s*@\.([A-Za-z0-9_$\-]+|\[\s*(?:'[^']*'|"[^"]*")\s*\])\s*"""
    r"""(?:(==|!=|===|!==)\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null))?\s*\)"""
)


def parse(path: str) -> list[_Step]:
    text = path.strip()
    if not text.startswith("$"):
        raise JsonPathError("a path starts with $")
    steps: list[_Step] = []
    i = 1
    while i < len(text):
        if text.startswith("..", i):
            i += 2
            steps.append(_Step("recurse"))
            if i < len(text) and text[i] == "[":
                continue
            i = _dotted(text, i, steps)
        elif text[i] == ".":
            i = _dotted(text, i + 1, steps)
        elif text[i] == "[":
            i = _bracket(text, i, steps)
        else:
            raise JsonPathError(f"unexpected {text[i]!r} at {i + 1}")
    return steps


def _dotted(text: str, i: int, steps: list[_Step]) -> int:
    if text.startswith("*", i):
        steps.append(_Step("wildcard"))
        return i + 1
    match = _NAME.match(text, i)
    if match is None:
        raise JsonPathError(f"a name is expected at {i + 1}")
    steps.append(_Step("child", name=match.group(0)))
    return match.end()


def _bracket(text: str, i: int, steps: list[_Step]) -> int:
    end = _closing(text, i)
    inner = text[i + 1 : end].strip()
    if inner == "*":
        steps.append(_Step("wildcard"))
    elif inner[:1] in "'\"" and inner[-1:] == inner[:1] and len(inner) >= 2:
        steps.append(_Step("child", name=_unquote(inner)))
    elif re.fullmatch(r"-?\d+", inner):
        steps.append(_Step("index", index=int(inner)))
    else:
        match = _FILTER.fullmatch(inner)
        if match is None:
            raise JsonPathError(f"filter {inner[:60]!r} is not understood")
        member = match.group(1)
        if member.startswith("["):
            member = _unquote(member[1:-1].strip())
        op = {"===": "==", "!==": "!="}.get(match.group(2) or "", match.group(2) or "")
        steps.append(_Step("filter", member=member, op=op, value=_literal(match.group(3)) if op else None))
    return end + 1


def _closing(text: str, i: int) -> int:
    quote = ""
    depth = 0
    j = i
    while j < len(text):
        c = text[j]
        if quote:
            if c == "\\":
                j += 1  # the escaped character cannot close the quote
            elif c == quote:
                quote = ""
        elif c in "'\"":
            quote = c
        elif c in "[(":
            depth += 1
        elif c in "])":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    raise JsonPathError("`[` is not closed")


def _unquote(text: str) -> str:
    body = text[1:-1]
    return re.sub(r"\\(.)", r"\1", body)


def _literal(text: str | None) -> Any:
    if text is None:
        return None
    if text[:1] in "'\"":
        return _unquote(text)
    if text in ("true", "false"):
        return text == "true"
    if text == "null":
        return None
    return float(text) if "." in text else int(text)


def select(root: Any, path: str) -> list[tuple[Any, Any, Any]]:
    """Every node `path` selects, as (parent, key, node); raises JsonPathError for an unsupported path."""
    steps = parse(path)
    current: list[tuple[Any, Any, Any]] = [(None, None, root)]
    for step in steps:
        following: list[tuple[Any, Any, Any]] = []
        for parent, key, node in current:
            following.extend(_apply(step, parent, key, node))
            if len(following) > MAX_NODES:
                raise JsonPathError(f"selects more than {MAX_NODES} nodes")
        current = following
    return current


def _children(node: Any) -> Iterator[tuple[Any, Any]]:
    if isinstance(node, dict):
        yield from node.items()
    elif isinstance(node, list):
        yield from enumerate(node)


def _apply(step: _Step, parent: Any, key: Any, node: Any) -> list[tuple[Any, Any, Any]]:
    if step.kind == "child":
        if isinstance(node, dict) and step.name in node:
            return [(node, step.name, node[step.name])]
        return []
    if step.kind == "wildcard":
        return [(node, k, v) for k, v in _children(node)]
    if step.kind == "index":
        if isinstance(node, list) and -len(node) <= step.index < len(node):
            return [(node, step.index % len(node), node[step.index])]
        return []
    if step.kind == "recurse":
        found: list[tuple[Any, Any, Any]] = []
        stack = [(parent, key, node)]
        seen: set[int] = set()
        while stack:
            entry = stack.pop()
            if id(entry[2]) in seen:
                continue
            if isinstance(entry[2], (dict, list)):
                seen.add(id(entry[2]))
            found.append(entry)
            if len(found) > MAX_NODES:
                raise JsonPathError(f"selects more than {MAX_NODES} nodes")
            stack.extend(reversed([(entry[2], k, v) for k, v in _children(entry[2])]))
        return found
    # filter: the children of `node` whose member passes
    passed = []
    for k, child in _children(node):
        if not isinstance(child, dict) or step.member not in child:
            continue
        value = child[step.member]
        if step.op == "" or (step.op == "==") == (value == step.value):
            passed.append((node, k, child))
    return passed
