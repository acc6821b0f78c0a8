"""One side of a diff, as compared: every cmdlet, complex type and enum with what the help promises
(`contract`) and the Python it becomes (`surface`), kept in the cache under the side's inputs.

An entity is stored pickled, with the SHA-1 of its pickle as its fingerprint: two sides compare
fingerprint by fingerprint and only the entities whose pickles differ are unpickled and compared as
values (equal values can pickle differently, when a string is shared within one and not the other).
`platygen generate` records the snapshot of what it generated; `platygen diff` finds it there (or
builds the side and records it).
"""

from __future__ import annotations

import gc
import hashlib
import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.cache import Cache
from generator.diff import contract, surface

if TYPE_CHECKING:
    from generator.resolve.model import ResolvedProject

KIND = "diff"  # the cache's folder for snapshots

EntityKey = tuple[str, ...]  # ("cmdlet", name) · ("type", namespace, name) · ("enum", namespace, name)


@dataclass(frozen=True, slots=True)
class Entity:
    fingerprint: bytes  # equal fingerprints, equal entities (the converse need not hold)
    payload: bytes  # pickled (contract part, surface part)

    def load(self) -> tuple[Any, Any]:
        value = pickle.loads(self.payload)
        return value[0], value[1]


@dataclass(frozen=True, slots=True)
class Snapshot:
    entities: dict[EntityKey, Entity]
    specs: int  # help files read
    errors: int  # error diagnostics among what they said


def take(project: ResolvedProject, specs: int = 0, errors: int = 0) -> Snapshot:
    with _no_gc():  # only new acyclic values; a collection over the project's heap would double the time
        return _take(project, specs, errors)


@contextmanager
def _no_gc() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _take(project: ResolvedProject, specs: int, errors: int) -> Snapshot:
    index = surface.type_names(project)
    classes = surface.classes(project)
    enums = surface.enums(project)
    methods = surface.methods(project, index)
    items: dict[EntityKey, tuple[Any, Any]] = {}
    for name, cmdlet in contract.cmdlets(project).items():
        items[("cmdlet", name)] = (cmdlet, methods.get(name, ()))  # as the resolver tells cmdlets apart
    for module in project.model_modules:
        for cls in module.classes:
            items[("type", cls.namespace, cls.source_type)] = (
                contract.complex_type(cls, index),
                classes[(cls.namespace, cls.source_type)],
            )
        for item in module.enums:
            items[("enum", module.namespace, item.source_type)] = (
                contract.enum(module.namespace, item),
                enums[(module.namespace, item.source_type)],
            )
    entities: dict[EntityKey, Entity] = {}
    for key, value in items.items():
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        entities[key] = Entity(hashlib.sha1(payload).digest(), payload)
    return Snapshot(entities, specs, errors)


def load(cache: Cache | None, key: str) -> Snapshot | None:
    return cache.load_object(KIND, key, Snapshot) if cache is not None else None


def store(cache: Cache | None, key: str, snapshot: Snapshot) -> None:
    if cache is not None:
        cache.store_object(KIND, key, snapshot)
