"""`include` / `exclude`: which help files of a big docs folder to read, decided without reading them.

A file's identity (its module and every name the reader may give its cmdlet) comes from its front
matter, its first H1 and its file name: the top of the file, decoded, no markdown parsed. A file none of
whose names is selected is never read; the files that are read are kept only if the cmdlet they turn
out to describe is selected (`keeps`), so the choice is exactly that of the cmdlets' real names.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import Config
from generator.diagnostics import DiagnosticSink
from generator.ir import Cmdlet
from generator.read import source
from generator.read.document import ATX
from generator.read.reader import ReadResult, module_name, name_candidates, page_kind
from generator.read.routes_file import RoutesFile

# The top of a file holds its front matter and H1: read this much first, 16 times more while it does not.
_HEAD = 4096
_VERB_NOUN = re.compile(r"^[A-Za-z]+-[A-Za-z_]\w*$")


@dataclass(frozen=True, slots=True)
class Identity:
    module: str
    names: tuple[str, ...]  # every name the reader may give the file's cmdlet, in some case


def identity(shown: str, data: bytes) -> Identity | None:
    """What a file would be read as, from its top; None for a page that is no cmdlet's help by name."""
    if page_kind(shown):
        return None
    if data.startswith(source.UTF16_BOMS):
        return _identity(shown, data.decode("utf-16", errors="replace").encode("utf-8"), True)
    size = _HEAD
    while True:
        complete = size >= len(data)
        # Whole lines only: a cut H1 would be another name.
        head = data if complete else data[: data.rfind(b"\n", 0, size) + 1]
        found = _identity(shown, head, complete)
        if found is not None:
            return found
        size *= 16


def _identity(shown: str, head: bytes, complete: bool) -> Identity | None:
    """None when `head` is too short to tell (front matter not closed, no H1 or H2 yet)."""
    text = head.decode("utf-8", errors="replace").removeprefix("\ufeff")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")  # as split_lines, faster
    first = next((line for line in lines if line.strip()), "")
    front_matter, end = source.read_front_matter(lines, DiagnosticSink(shown))
    if first.strip() == "---" and not end and not complete:
        return None
    h1 = _first_h1(lines, end)
    if h1 is None and not complete:
        return None
    stem = posixpath.splitext(posixpath.basename(shown))[0]
    names = name_candidates(h1 or "", front_matter.get("title", ""), stem)
    return Identity(module_name(shown, front_matter), tuple(names))


def _first_h1(lines: list[str], start: int) -> str | None:
    """The text of the first H1 or H2 heading if it is an H1 ("" for an H2: the reader then takes the
    title or the file name); None when there is neither."""
    fence = ""
    for line in lines[start:]:
        opening = source.FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        heading = ATX.match(line)
        if heading and len(heading.group(1)) <= 2:
            return heading.group(2).strip() if len(heading.group(1)) == 1 else ""
    return None


def may_select(config: Config, found: Identity | None) -> bool:
    return found is not None and any(config.selects(name, found.module) for name in found.names)


@dataclass(slots=True)
class Selection:
    """The help files to read, and what is known of the others without reading them."""

    paths: list[Path]
    others: list[tuple[str, str]] = field(default_factory=list)  # (module, cmdlet) of unselected files
    unselected: set[str] = field(default_factory=set)  # every name an unselected file may have, lower case

    def routes(self, routes: RoutesFile, cmdlets: list[Cmdlet]) -> RoutesFile:
        """routes.yaml without the entries of unselected cmdlets: a spec describes them (no PG082)."""
        described = {c.name.lower() for c in cmdlets}
        dropped = self.unselected - described
        if not dropped:
            return routes
        kept = {name: sets for name, sets in routes.cmdlets.items() if name.lower() not in dropped}
        return dataclasses.replace(routes, cmdlets=kept)


def preselect(config: Config, paths: list[Path], shown: list[str]) -> Selection:
    """The files that may describe a selected cmdlet; of the others, their names and modules."""
    chosen = Selection([])
    for path, display in zip(paths, shown):
        try:
            data = path.read_bytes()
        except OSError:
            chosen.paths.append(path)  # reading it reports why it cannot be read
            continue
        found = identity(display, data)
        if may_select(config, found):
            chosen.paths.append(path)
        elif found is not None:
            chosen.unselected.update(name.lower() for name in found.names)
            name = next((n for n in found.names if _VERB_NOUN.match(n)), None)
            if name is not None:  # a cmdlet's, for the noun prefixes (not a README's title)
                chosen.others.append((found.module, name))
    return chosen


def keeps(config: Config, result: ReadResult) -> bool:
    """A file read as a selected cmdlet, or one that could not be read as any (its errors are its own)."""
    return result.cmdlet is None or config.selects(result.cmdlet.name, result.cmdlet.module)
