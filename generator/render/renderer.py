"""Render the resolved project into files: relative path → text, formatted, nothing written yet."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import jinja2

from generator import runtime
from generator.cache import Cache, digest
from generator.render import cli_views, client_views, views
from generator.render.environment import environment
from generator.render.format import (
    MEMBER_WRAPPER,
    RenderError,
    format_python,
    formatter_id,
    join_blocks,
    split_blocks,
    split_members,
)
from generator.resolve.model import ResolvedProject


def render(
    project: ResolvedProject, templates: Path | None = None, cache: Cache | None = None
) -> dict[str, str]:
    return format_sources(render_sources(project, templates), cache)


def render_sources(project: ResolvedProject, templates: Path | None = None) -> dict[str, str]:
    """Every output file as the templates write it (or the static modules as they are), before black."""
    env = environment(templates)
    package = project.package
    found = client_views.groups(project)
    known = client_views.services(project)
    jobs: list[tuple[str, str, dict[str, Any]]] = [
        (
            f"{package}/__init__.py",
            "package_init.py.jinja",
            views.package_init(project, client_views.EXPORTS),
        ),
        (f"{package}/py.typed", "py.typed.jinja", {}),
        (f"{package}/models/__init__.py", "models_init.py.jinja", views.models_init(project)),
        (f"{package}/_constants.py", "constants.py.jinja", client_views.constants(project)),
        (
            f"{package}/_operations/__init__.py",
            "operations_index.py.jinja",
            client_views.operations_index(project, found),
        ),
        (
            f"{package}/_operations/_services.py",
            "services.py.jinja",
            client_views.services_module(project, known),
        ),
        (f"{package}/client.py", "client.py.jinja", client_views.client(project)),
        (f"{package}/client.pyi", "client.pyi.jinja", client_views.client_stub(project)),
        (f"{package}/cli.py", "cli.py.jinja", cli_views.main_module(project)),
        (f"{package}/__main__.py", "main.py.jinja", cli_views.main_module(project)),
        ("pyproject.toml", "pyproject.toml.jinja", cli_views.pyproject(project)),
    ]
    for group in found:
        jobs.append(
            (
                f"{package}/_operations/{group.module}.py",
                "operations.py.jinja",
                client_views.operations_module(group, known),
            )
        )
    for module in project.model_modules:
        jobs.append(
            (
                f"{package}/models/{module.name}.py",
                "model_module.py.jinja",
                views.model_module(project, module),
            )
        )
    files: dict[str, str] = {
        f"{package}/_help/{group.module}.json": client_views.help_json(group) for group in found
    }
    for path, template, context in jobs:
        try:
            files[path] = env.get_template(template).render(**context)
        except jinja2.TemplateError as exc:
            raise RenderError(f"template {template}: {exc}") from exc
    # The static modules, copied as they are: black leaves them so (generator/runtime/__init__.py).
    for name, text in runtime.copied_modules().items():
        files[f"{package}/{name}"] = text
    return files


# Uncached blocks go to black in batches of about this many characters: one call per block would
# cost ~5 ms of black's set-up each, one call per huge module ~100x its size in memory.
BATCH_CHARS = 200_000
# A class larger than this (the client's, with a method per cmdlet) is formatted method by method.
CLASS_CHARS = 100_000
# Below this many characters to format, worker processes cost more than they save.
PARALLEL_CHARS = 400_000


@dataclass(frozen=True)
class Block:
    """A piece of a module black formats on its own: top-level code, or a method of a large class."""

    text: str
    member: bool = False

    @property
    def source(self) -> str:
        """What black is given: a method goes inside a stand-in class, so it is indented as in its own."""
        return MEMBER_WRAPPER + self.text if self.member else self.text


def blocks_of(text: str) -> list[Block]:
    blocks: list[Block] = []
    for piece in split_blocks(text):
        if len(piece) > CLASS_CHARS and piece.startswith("class "):
            head, *members = split_members(piece)
            blocks.append(Block(_normal(head)))
            blocks.extend(Block(_normal(member), member=True) for member in members)
        else:
            blocks.append(Block(_normal(piece)))
    return blocks


def format_sources(
    sources: dict[str, str],
    cache: Cache | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    jobs: int = 1,
) -> dict[str, str]:
    """black for every Python file, block by block; a block black has formatted before comes from the cache."""
    blocks = {path: blocks_of(text) for path, text in sources.items() if path.endswith((".py", ".pyi"))}
    keys = (
        {path: [digest("format", formatter_id(), b.source) for b in items] for path, items in blocks.items()}
        if cache
        else {}
    )
    done: dict[str, list[str | None]] = {}
    for path, items in blocks.items():
        done[path] = [cache.load_text("format", key) for key in keys[path]] if cache else [None] * len(items)
    batches = _batches(blocks, done)
    total = sum(len(items) for items in blocks.values())
    formatted = total - sum(len(batch) for _, batch in batches)
    whole: dict[str, str] = {}
    for (path, batch), result in zip(batches, _format_batches(blocks, batches, jobs)):
        pieces = _pieces([blocks[path][i] for i in batch], result)
        if pieces is None and path not in whole:
            # Not cut between statements (a `class` line inside a string?): black takes the whole file.
            whole[path] = format_python(sources[path], path)
        if path in whole or pieces is None:
            continue
        for index, piece in zip(batch, pieces):
            done[path][index] = piece
            if cache:
                cache.store_text("format", keys[path][index], piece)
        formatted += len(batch)
        if progress is not None:
            progress("format", formatted, total)
    files = {}
    for path, text in sources.items():
        if path in whole:
            files[path] = whole[path]
        elif path in done:
            files[path] = join_blocks([block or "" for block in done[path]], [b.member for b in blocks[path]])
        else:
            files[path] = text
    return files


def _pieces(batch: list[Block], result: str | None) -> list[str] | None:
    """black's output for a batch cut back into its blocks (methods without their stand-in class);
    None when it does not cut into as many."""
    if result is None:
        return None
    pieces = [_normal(piece) for piece in split_blocks(result)]
    if len(pieces) != len(batch):
        return None
    for index, block in enumerate(batch):
        if block.member:
            if not pieces[index].startswith(MEMBER_WRAPPER):
                return None
            pieces[index] = pieces[index][len(MEMBER_WRAPPER) :]
    return pieces


def _normal(block: str) -> str:
    # The blank lines after a block say nothing black keeps: the same class is the same cache entry anywhere.
    return block.rstrip("\n") + "\n" if block.strip() else ""


def _batches(
    blocks: dict[str, list[Block]], done: dict[str, list[str | None]]
) -> list[tuple[str, list[int]]]:
    """Indices of the blocks still to format, per file, in runs of about BATCH_CHARS characters."""
    batches: list[tuple[str, list[int]]] = []
    for path, items in blocks.items():
        batch: list[int] = []
        size = 0
        for index, block in enumerate(items):
            if done[path][index] is not None or not block.text:
                if not block.text:
                    done[path][index] = ""
                continue
            if batch and size + len(block.text) > BATCH_CHARS:
                batches.append((path, batch))
                batch, size = [], 0
            batch.append(index)
            size += len(block.text)
        if batch:
            batches.append((path, batch))
    return batches


def _format_batches(
    blocks: dict[str, list[Block]], batches: list[tuple[str, list[int]]], jobs: int
) -> Iterator[str | None]:
    tasks = [([blocks[path][i].source for i in batch], path) for path, batch in batches]
    if jobs > 1 and len(tasks) > 1 and sum(len(b) for items, _ in tasks for b in items) >= PARALLEL_CHARS:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from pool.map(_format_task, tasks)
    else:
        yield from map(_format_task, tasks)


def _format_task(task: tuple[list[str], str]) -> str | None:
    """black on a batch of blocks; None when a block is not whole statements (cut inside a string)."""
    blocks, path = task
    for block in blocks:
        try:
            ast.parse(block)
        except SyntaxError:
            return None
    return format_python("\n\n".join(blocks), path)
