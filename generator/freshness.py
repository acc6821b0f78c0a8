"""Is the output already what these inputs make? Answered from hashes, without reading one spec.

After a successful run the cache records, under a key made of every input (each file under the
specs folder, the API descriptions, the templates, the settings, the generator's own code and its
libraries' versions),
the hash of every output file, how many specs were read and the diagnostics. A later run with the
same key, whose output folder still holds exactly those files, replays the diagnostics and stops:
nothing is read, resolved, rendered or formatted. Anything else (an edited spec, a hand-edited or
deleted output file, a new black) runs the pipeline, which still takes what it can from the cache.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cache import Cache, digest, generator_fingerprint
from generator.config import Config
from generator.diagnostics import Diagnostic
from generator.render.environment import builtin_templates
from generator.render.writer import read_tree

if TYPE_CHECKING:
    from generator.pipeline import Outcome, Reach


@dataclass(frozen=True)
class RunRecord:
    specs_read: int
    diagnostics: tuple[Diagnostic, ...]
    files: dict[str, str]  # output path → SHA-256 of its bytes
    reach: Reach | None = None


def inputs_key(config: Config) -> str:
    parts: list[bytes | str] = ["run", generator_fingerprint(), repr(config)]
    folders = [("specs", config.specs), ("templates", builtin_templates())]
    if config.templates:
        folders.append(("user templates", config.templates))
    for label, folder in folders:
        parts.append(label)
        files = sorted((p.relative_to(folder).as_posix(), p) for p in folder.rglob("*") if p.is_file())
        for name, path in files:  # sorted by name: comparing Path objects costs more than hashing
            parts += [name, hashlib.sha256(path.read_bytes()).digest()]
    parts.append("api descriptions")  # wherever they are kept, not only under specs/
    for name in sorted({f for files in config.api_descriptions.values() for f in files}):
        try:
            parts += [name, hashlib.sha256((config.root / name).read_bytes()).digest()]
        except OSError:
            parts += [name, b"unreadable"]
    return digest(*parts)


def replay(cache: Cache, key: str, output: Path, outcome: Outcome) -> bool:
    """Fill `outcome` from the last run with these inputs if the output is still what it wrote."""
    record = cache.load_object("run", key, RunRecord)
    if record is None:
        return False
    tree = read_tree(output)
    if {path: hashlib.sha256(data).hexdigest() for path, data in tree.items()} != record.files:
        return False
    outcome.files = {path: data.decode("utf-8") for path, data in tree.items()}
    outcome.diagnostics = list(record.diagnostics)
    outcome.specs_read = record.specs_read
    outcome.reach = record.reach
    outcome.up_to_date = True
    return True


def record(cache: Cache, key: str, outcome: Outcome) -> None:
    if outcome.failed:
        return
    files = {path: hashlib.sha256(text.encode("utf-8")).hexdigest() for path, text in outcome.files.items()}
    record = RunRecord(outcome.specs_read, tuple(outcome.diagnostics), files, outcome.reach)
    cache.store_object("run", key, record)
