"""`routes.yaml` in the specs folder: the routes people know, edited by hand, read and written round-trip.

    # Noun parts the naming conventions cannot split on their own.
    segments:
      SynchronizationJob: synchronization/jobs
    # Whole routes, per cmdlet, optionally per parameter set.
    cmdlets:
      Get-ContosoThing:
        method: GET
        path: /things/{thing-id}
        base-url: https://api.contoso.com/v2     # optional
        sets:
          List: {method: GET, path: /things}

ruamel.yaml's round-trip mode keeps comments and order, so `platygen routes --write` can add entries
without disturbing what people wrote.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from generator.diagnostics import Diagnostic, DiagnosticSink

FILE_NAME = "routes.yaml"
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
_SEGMENT_KEY = re.compile(r"^[A-Z][A-Za-z0-9]*$")
_PATH = re.compile(r"^/[^\s?#]*$")


@dataclass(frozen=True)
class RouteEntry:
    method: str
    path: str
    base_url: str | None
    line: int


@dataclass
class RoutesFile:
    path: str  # display path, for diagnostics
    segments: dict[str, str] = field(default_factory=dict)  # PascalCase noun part → path fragment
    segment_lines: dict[str, int] = field(default_factory=dict)
    cmdlets: dict[str, dict[str, RouteEntry]] = field(default_factory=dict)  # cmdlet → set ("" = all) → entry
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: Any = None  # the round-trip data, for writing back
    preamble: str = ""  # the text of a file with comments only (ruamel keeps no comments without data)


def yaml() -> YAML:
    handler = YAML(typ="rt")
    handler.indent(mapping=2, sequence=4, offset=2)
    handler.width = 4096
    return handler


def load(file: Path, shown: str) -> RoutesFile:
    """Read `routes.yaml`; a missing file is an empty one, a broken one a PG081 error."""
    result = RoutesFile(shown)
    if not file.is_file():
        return result
    sink = DiagnosticSink(shown)
    try:
        text = file.read_text(encoding="utf-8")
        data = yaml().load(text)
    except (YAMLError, UnicodeDecodeError, OSError) as exc:
        mark = getattr(exc, "problem_mark", None) if isinstance(exc, MarkedYAMLError) else None
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        sink.error("PG081", line, f"routes file is not valid YAML: {problem}", column)
        result.diagnostics = sink.items
        return result
    if data is None:  # nothing but comments: they come first when entries are added
        data = CommentedMap()
        result.preamble = text.rstrip("\n") + "\n" if text.strip() else ""
    if not isinstance(data, CommentedMap):
        sink.error("PG081", 1, "routes file must be a mapping with `segments:` and `cmdlets:`")
        result.diagnostics = sink.items
        return result
    result.document = data
    for key in data:
        if key not in ("segments", "cmdlets"):
            sink.warning(
                "PG084",
                _line(data, key),
                f"unknown key {key!r} in the routes file (known: segments, cmdlets)",
            )
    _segments(data.get("segments"), result, sink)
    _cmdlets(data.get("cmdlets"), result, sink)
    result.diagnostics = sink.items
    return result


def _line(mapping: Any, key: Any) -> int:
    try:
        return int(mapping.lc.key(key)[0]) + 1
    except (AttributeError, KeyError, TypeError):
        return 1


def _segments(value: Any, result: RoutesFile, sink: DiagnosticSink) -> None:
    if value is None:
        return
    if not isinstance(value, dict):
        sink.error("PG081", 1, "`segments:` must map noun parts to path fragments")
        return
    for key, fragment in value.items():
        line = _line(value, key)
        if not isinstance(key, str) or not _SEGMENT_KEY.match(key):
            sink.error(
                "PG081", line, f"segment {key!r} must be a PascalCase noun part such as SynchronizationJob"
            )
        elif not isinstance(fragment, str) or not re.fullmatch(
            r"[A-Za-z0-9$()._-]+(/[A-Za-z0-9$()._-]+)*", fragment
        ):
            sink.error(
                "PG081",
                line,
                f"segment {key}: {fragment!r} is not a path fragment such as `synchronization/jobs`",
            )
        else:
            result.segments[key] = fragment
            result.segment_lines[key] = line


def _cmdlets(value: Any, result: RoutesFile, sink: DiagnosticSink) -> None:
    if value is None:
        return
    if not isinstance(value, dict):
        sink.error("PG081", 1, "`cmdlets:` must map cmdlet names to routes")
        return
    for name, body in value.items():
        line = _line(value, name)
        if not isinstance(body, dict):
            sink.error("PG081", line, f"route of {name} must be a mapping with method and path")
            continue
        entries: dict[str, RouteEntry] = {}
        if "method" in body or "path" in body:
            entry = _entry(str(name), body, line, sink)
            if entry:
                entries[""] = entry
        sets = body.get("sets") or {}
        if not isinstance(sets, dict):
            sink.error(
                "PG081", _line(body, "sets"), f"`sets:` of {name} must map parameter set names to routes"
            )
            sets = {}
        for set_name, set_body in sets.items():
            set_line = _line(sets, set_name)
            if not isinstance(set_body, dict):
                sink.error(
                    "PG081",
                    set_line,
                    f"route of {name} set {set_name} must be a mapping with method and path",
                )
                continue
            inherited = {**{k: body[k] for k in ("method", "base-url") if k in body}, **set_body}
            entry = _entry(f"{name} set {set_name}", inherited, set_line, sink)
            if entry:
                entries[str(set_name)] = entry
        for key in body:
            if key not in ("method", "path", "base-url", "sets"):
                sink.warning("PG084", _line(body, key), f"unknown key {key!r} in the route of {name}")
        if entries:
            result.cmdlets[str(name)] = entries


def _entry(what: str, body: Any, line: int, sink: DiagnosticSink) -> RouteEntry | None:
    method = str(body.get("method", "")).upper()
    path = body.get("path")
    base = body.get("base-url")
    if method not in METHODS:
        sink.error("PG081", line, f"{what}: method {body.get('method')!r} is not one of {', '.join(METHODS)}")
        return None
    if not isinstance(path, str) or not _PATH.match(path):
        sink.error("PG081", line, f"{what}: path {path!r} must start with / and hold no spaces, ? or #")
        return None
    if base is not None and (
        not isinstance(base, str) or not re.match(r"^https?://[^\s/?#]+(/[^\s?#]*)?$", base)
    ):
        sink.error("PG081", line, f"{what}: base-url {base!r} is not an http(s) URL")
        return None
    return RouteEntry(method, path, base.rstrip("/") if isinstance(base, str) else None, line)


def dump(document: Any) -> str:
    stream = io.StringIO()
    yaml().dump(document, stream)
    return stream.getvalue()


def with_inferred(routes_file: RoutesFile, routes: list[Any]) -> str:
    """The file's text with entries added for cmdlets it does not name yet, each marked for review.

    Only usable routes are added (never a low-confidence guess), and none bound to an API description
    (the description stays their source: a copy here would win over its next version); what people
    wrote stays as it was, comments and order included.
    """
    document = routes_file.document if routes_file.document is not None else CommentedMap()
    cmdlets = document.get("cmdlets")
    if cmdlets is None:
        cmdlets = document["cmdlets"] = CommentedMap()
    by_cmdlet: dict[str, list[Any]] = {}
    for route in routes:
        if (
            route.cmdlet not in routes_file.cmdlets
            and route.source in ("sample", "convention")
            and route.usable
        ):
            by_cmdlet.setdefault(route.cmdlet, []).append(route)
    for name in sorted(by_cmdlet):
        found = by_cmdlet[name]
        entry = CommentedMap()
        shapes = {(r.method, r.path) for r in found}
        if len(shapes) == 1:
            entry["method"], entry["path"] = found[0].method, found[0].path
        else:
            sets = CommentedMap()
            for route in found:
                sets[route.parameter_set] = CommentedMap([("method", route.method), ("path", route.path)])
            entry["sets"] = sets
        cmdlets[name] = entry
        lowest = min(found, key=lambda r: ("low", "medium", "high").index(r.confidence))
        cmdlets.yaml_add_eol_comment(f"inferred from {lowest.source} ({lowest.confidence}): review", name)
    if not cmdlets:
        del document["cmdlets"]
    return routes_file.preamble + (dump(document) if document else "")
