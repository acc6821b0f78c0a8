"""One measurement in a fresh process, so peak RSS and CPU belong to that case alone.

`python -m bench.child '{"case": ..., ...}'` prints one JSON object on stdout.
"""

from __future__ import annotations

import inspect
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _usage() -> dict[str, float]:
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # worker processes of --jobs N
    return {
        "cpu_s": me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime,
        "rss_mib": me.ru_maxrss / 1024,  # kilobytes on Linux
        "worker_rss_mib": children.ru_maxrss / 1024,
    }


def floor(specs: str) -> dict[str, Any]:
    """The floor: read, decode and parse every file with plain mistletoe, nothing else."""
    from mistletoe import Document

    from generator.pipeline import find_specs

    start = time.perf_counter()
    paths = find_specs(Path(specs))
    for path in paths:
        Document(path.read_bytes().decode("utf-8", "replace"))
    return {"files": len(paths), "wall_s": time.perf_counter() - start, **_usage()}


def generate(project: str, jobs: int, cache: bool) -> dict[str, Any]:
    """`platygen generate` in-process, with the pipeline's stage times."""
    from generator import config, pipeline

    cfg = config.load(Path(project))
    options: dict[str, Any] = {}
    parameters = inspect.signature(pipeline.generate).parameters
    if "jobs" in parameters:
        options["jobs"] = jobs
    if "cache" in parameters and cache:
        from generator.cache import Cache

        options["cache"] = Cache.for_project(cfg.root)
    start = time.perf_counter()
    outcome = pipeline.generate(cfg, **options)
    wall = time.perf_counter() - start
    if outcome.failed:
        raise SystemExit("generation failed:\n" + "\n".join(str(d) for d in outcome.errors[:20]))
    return {
        "files": outcome.specs_read,
        "wall_s": wall,
        "stages": outcome.timings,
        "outputs": len(outcome.files),
        "output_bytes": sum(len(text.encode("utf-8")) for text in outcome.files.values()),
        "written": outcome.written,
        **_usage(),
    }


CASES: dict[str, Callable[..., dict[str, Any]]] = {"floor": floor, "generate": generate}


def main() -> None:
    request = json.loads(sys.argv[1])
    case = CASES[request.pop("case")]
    print(json.dumps(case(**request)))


if __name__ == "__main__":
    main()
