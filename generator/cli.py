"""`platygen generate | parse | lint | routes | diff`: the command line over the pipeline."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from generator import config as config_module
from generator import pipeline
from generator.cache import FOLDER as CACHE_FOLDER
from generator.cache import Cache
from generator.diagnostics import Diagnostic, Severity, fatal_severities, sort_diagnostics
from generator.read import routes_file
from generator.serialize import to_json, to_yaml


def _print_diagnostics(items: list[Diagnostic], shown: set[Severity] | None = None) -> None:
    """One line per diagnostic of the `shown` severities (all by default)."""
    # One write: a module's help has tens of thousands of diagnostics, and an echo each cost a
    # no-op regenerate of 5,000 specs 0.35 s.
    lines = [str(item) for item in items if shown is None or item.severity in shown]
    if lines:
        click.echo("\n".join(lines), err=True)


def _listed(quiet: bool, verbose: bool, strict: bool) -> set[Severity]:
    """What `generate` lists line by line: errors (and with --strict the warnings that fail it) when
    quiet, errors and warnings by default, everything with -v; the summary counts the rest."""
    if verbose:
        return set(Severity)
    if quiet:
        return fatal_severities(strict)
    return {Severity.ERROR, Severity.WARNING}


def _summary(items: list[Diagnostic], files: int) -> str:
    by_severity = Counter(d.severity.value for d in items)
    by_rule = Counter(d.rule for d in items)
    rules = ", ".join(f"{rule}: {count}" for rule, count in sorted(by_rule.items()))
    return (
        f"{files} files: {by_severity['error']} errors, {by_severity['warning']} warnings, "
        f"{by_severity['info']} infos" + (f" ({rules})" if rules else "")
    )


def _load_config(ctx: click.Context) -> config_module.Config:
    try:
        return config_module.load(ctx.obj.get("root") if ctx.obj else None)
    except config_module.ConfigError as exc:
        raise click.UsageError(str(exc)) from exc


@click.group()
@click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), help="Project folder (holds pyproject.toml)."
)
@click.pass_context
def main(ctx: click.Context, root: Path | None) -> None:
    """platygen: PowerShell cmdlet help (platyPS markdown) → typed Python SDK."""
    ctx.ensure_object(dict)
    ctx.obj["root"] = root


@contextmanager
def _progress_bar() -> Iterator[pipeline.Progress | None]:
    """A rich progress bar on stderr when it is a terminal; nothing at all in CI, pipes and tests."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("{task.description:>6}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def update(stage: str, done: int, total: int) -> None:
        if not tasks:
            bar.start()  # on the first report only: an up-to-date run reports nothing and shows nothing
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done)

    try:
        yield update
    finally:
        bar.stop()


JOBS = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="CPU count",
    help="Worker processes that read help files.",
)

NO_CACHE = click.option(
    "--no-cache", is_flag=True, help=f"Neither use nor fill the cache ({CACHE_FOLDER}/ in the project)."
)


@main.command()
@click.option("--specs", type=click.Path(path_type=Path), help="Folder of help files (default from config).")
@click.option("--output", type=click.Path(path_type=Path), help="Output folder (default from config).")
@click.option("--package", help="Name of the generated Python package.")
@click.option(
    "--templates", type=click.Path(path_type=Path), help="Folder of templates overriding the built-in ones."
)
@click.option(
    "--check", is_flag=True, help="Write nothing; exit 1 and name the files when the output is stale."
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option(
    "--quiet", "-q", is_flag=True, help="List only the diagnostics that fail the run; count the rest by rule."
)
@click.option("--verbose", "-v", is_flag=True, help="List every diagnostic, infos included.")
@click.option(
    "--keep-going",
    is_flag=True,
    help="Leave out the specs with errors (or warnings with --strict), generate the rest; exit 1.",
)
@JOBS
@NO_CACHE
@click.pass_context
def generate(ctx: click.Context, specs, output, package, templates, check, strict, quiet, verbose, keep_going, jobs, no_cache) -> None:  # type: ignore[no-untyped-def]
    """Generate the Python package from the help files."""
    cfg = _load_config(ctx).with_overrides(specs=specs, output=output, package=package, templates=templates)
    if cfg.package and not config_module.valid_package(cfg.package):
        raise click.UsageError(f"--package must be a Python identifier, not {cfg.package!r}")
    cache = None if no_cache else Cache.for_project(cfg.root)
    with _progress_bar() as progress:
        outcome = pipeline.generate(
            cfg, check=check, strict=strict, jobs=jobs, cache=cache, progress=progress, keep_going=keep_going
        )
    _print_diagnostics(outcome.diagnostics, _listed(quiet, verbose, strict))
    click.echo(_summary(outcome.diagnostics, outcome.specs_read), err=True)
    for path in outcome.left_out:
        click.echo(f"left out: {path}", err=True)
    output_shown = pipeline.display_path(cfg.output, cfg.root)
    if check:
        for path in outcome.stale:
            click.echo(f"stale: {output_shown}/{path}", err=True)
        if outcome.failed:
            click.echo(f"{output_shown} is not up to date: run `make generate`", err=True)
            sys.exit(1)
        click.echo(f"{output_shown} is up to date" + _without(outcome.left_out), err=True)
        _echo_reach(outcome.reach)
        sys.exit(1 if outcome.fatal_found else 0)
    if outcome.failed:
        click.echo(f"generation failed; {output_shown} left unchanged", err=True)
        sys.exit(1)
    state = "written" if outcome.written else "already up to date"
    click.echo(f"{len(outcome.files)} files {state} in {output_shown}" + _without(outcome.left_out), err=True)
    _echo_reach(outcome.reach)
    sys.exit(1 if outcome.fatal_found else 0)


def _echo_reach(reach: pipeline.Reach | None) -> None:
    """One line when a module's cmdlets are all uncallable: the client would have nothing of it."""
    if reach is None or not (reach.without_base_url or reach.without_routes):
        return
    parts = []
    if reach.without_base_url:
        parts.append(
            f"set [tool.platygen.base-urls] for {_modules(reach.without_base_url)}, or bind an API description"
        )
    if reach.without_routes:
        parts.append(
            f"no route of {_modules(reach.without_routes)} is certain: bind an API description, "
            "or give the routes in routes.yaml"
        )
    click.echo(f"{reach.callable} of {reach.cmdlets} cmdlets callable: " + "; ".join(parts), err=True)


def _modules(names: tuple[str, ...], shown: int = 3) -> str:
    listed = ", ".join(names[:shown]) + (f" and {len(names) - shown} more" if len(names) > shown else "")
    return f"module{'s' if len(names) > 1 else ''} {listed}"


def _without(left_out: list[str]) -> str:
    return (
        f" without {len(left_out)} spec file{'s' if len(left_out) != 1 else ''} (left out above)"
        if left_out
        else ""
    )


@main.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--format", "fmt", type=click.Choice(["json", "yaml"]), default="json", show_default=True)
@click.pass_context
def parse(ctx: click.Context, files: tuple[Path, ...], fmt: str) -> None:
    """Print the intermediate model of help files (stable, for review and snapshots)."""
    cfg = _load_config(ctx)
    results = pipeline.read_all(list(files), cfg.root)
    data = [
        {"path": r.path, "cmdlet": r.cmdlet, "diagnostics": sort_diagnostics(r.diagnostics)} for r in results
    ]
    click.echo(to_json(data) if fmt == "json" else to_yaml(data), nl=False)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@JOBS
@click.pass_context
def lint(ctx: click.Context, paths: tuple[Path, ...], fmt: str, strict: bool, jobs: int) -> None:
    """Check help files (and the routes and API descriptions `generate` would use); one line per finding.

    The findings are those `generate` reports for the same files.
    """
    cfg = _load_config(ctx)
    files: list[Path] = []
    for path in paths or (cfg.specs,):
        files.extend(pipeline.find_specs(path) if path.is_dir() else [path])
    _, items, _, _ = pipeline.build(cfg, jobs=jobs, paths=sorted(set(files)))
    if fmt == "json":
        click.echo(json.dumps({"diagnostics": [d.to_json() for d in items]}, indent=2))
    else:
        for item in items:
            click.echo(str(item))
        click.echo(_summary(items, len(files)))
    failing = fatal_severities(strict)
    sys.exit(1 if any(d.severity in failing for d in items) else 0)


@main.command()
@click.option("--specs", type=click.Path(path_type=Path), help="Folder of help files (default from config).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "yaml"]), default="table", show_default=True
)
@click.option(
    "--write", is_flag=True, help="Add the inferred routes to routes.yaml in the specs folder, for review."
)
@click.pass_context
def routes(ctx: click.Context, specs: Path | None, fmt: str, write: bool) -> None:
    """Print the route (method, URL, source, confidence, provenance) of every cmdlet's parameter sets."""
    cfg = _load_config(ctx).with_overrides(specs=specs)
    project, diagnostics, _, _ = pipeline.build(cfg)
    _print_diagnostics([d for d in diagnostics if d.rule.startswith(("PG08", "PG09"))])
    rows = [
        {
            "cmdlet": r.cmdlet,
            "set": r.parameter_set,
            "method": r.method,
            "url": r.base_url + r.path,
            "source": r.source,
            "confidence": r.confidence,
            "provenance": r.provenance,
            "note": r.note,
        }
        for r in project.routes
    ]
    if fmt == "table":
        widths = {
            k: max([len(k)] + [len(str(row[k])) for row in rows])
            for k in ("cmdlet", "set", "method", "confidence", "source")
        }
        for row in [{k: k for k in widths} | {"url": "url", "provenance": "provenance"}] + rows:
            line = "  ".join(str(row[k]).ljust(w) for k, w in widths.items()) + "  " + str(row["url"])
            click.echo(line + (f"  [{row['provenance']}]" if row["provenance"] else ""))
    else:
        click.echo(to_json(rows) if fmt == "json" else to_yaml(rows), nl=False)
    left_out = sorted({r.cmdlet for r in project.routes if not r.usable})
    click.echo(f"{len(rows)} routes, {len(left_out)} cmdlets with a set left out of the client", err=True)
    if write:
        target = cfg.specs / routes_file.FILE_NAME
        loaded = routes_file.load(target, pipeline.display_path(target, cfg.root))
        if any(d.severity is Severity.ERROR for d in loaded.diagnostics):
            raise click.ClickException(f"{target} has errors; fix them before --write")
        target.write_text(routes_file.with_inferred(loaded, project.routes), encoding="utf-8")
        click.echo(f"updated {pipeline.display_path(target, cfg.root)}", err=True)


@main.command()
@click.argument("base", required=False)
@click.option("--specs", type=click.Path(path_type=Path), help="Folder of help files (default from config).")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True
)
@click.option(
    "--fail-on",
    type=click.Choice(["breaking", "warning", "never"]),
    default="breaking",
    show_default=True,
    help="Exit 1 on a breaking change (warning: a potentially breaking one too; never: always 0).",
)
@JOBS
@NO_CACHE
@click.pass_context
def diff(
    ctx: click.Context,
    base: str | None,
    specs: Path | None,
    fmt: str,
    fail_on: str,
    jobs: int,
    no_cache: bool,
) -> None:
    """What changed in the API and its Python surface since BASE, breaking or not.

    BASE: a git revision (read through git, the working tree is left alone) or a folder (a project or
    a specs folder). Default: the merge base with the default branch, else HEAD.
    """
    from generator.diff import report
    from generator.diff.run import diff as run_diff
    from generator.diff.sides import SideError

    cfg = _load_config(ctx).with_overrides(specs=specs)
    cache = None if no_cache else Cache.for_project(cfg.root)
    try:
        with _progress_bar() as progress:
            result = run_diff(cfg, base, cache=cache, jobs=jobs, progress=progress)
    except SideError as exc:
        raise click.UsageError(str(exc)) from exc
    if fmt == "json":
        click.echo(report.as_json(result), nl=False)
    elif fmt == "markdown":
        click.echo(report.markdown(result), nl=False)
    elif sys.stdout.isatty():
        report.rich_text(result)
    else:
        click.echo(report.text(result), nl=False)
    sys.exit(1 if report.failing(result, fail_on) else 0)
