"""Render the resolved project into files: relative path → text, formatted, nothing written yet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from generator.cache import Cache, digest
from generator.render import views
from generator.render.environment import environment
from generator.render.format import RenderError, format_python, formatter_id
from generator.resolve.model import ResolvedProject


def render(project: ResolvedProject, templates: Path | None = None, cache: Cache | None = None) -> dict[str, str]:
    return format_sources(render_sources(project, templates), cache)


def render_sources(project: ResolvedProject, templates: Path | None = None) -> dict[str, str]:
    """Every output file as the templates write it, before black."""
    env = environment(templates)
    package = project.package
    jobs: list[tuple[str, str, dict[str, Any]]] = [
        (f"{package}/__init__.py", "package_init.py.jinja", views.package_init(project)),
        (f"{package}/_base.py", "base.py.jinja", views.base(project)),
        (f"{package}/py.typed", "py.typed.jinja", {}),
        (f"{package}/models/__init__.py", "models_init.py.jinja", views.models_init(project)),
    ]
    for module in project.model_modules:
        jobs.append((f"{package}/models/{module.name}.py", "model_module.py.jinja", views.model_module(project, module)))
    files: dict[str, str] = {}
    for path, template, context in jobs:
        try:
            files[path] = env.get_template(template).render(**context)
        except jinja2.TemplateError as exc:
            raise RenderError(f"template {template}: {exc}") from exc
    return files


def format_sources(
    sources: dict[str, str], cache: Cache | None = None, progress: Callable[[str, int, int], None] | None = None
) -> dict[str, str]:
    """black, once per Python file, and only for a source it has not formatted before."""
    files: dict[str, str] = {}
    for path, text in sources.items():
        if not path.endswith(".py"):
            files[path] = text
        elif cache is None:
            files[path] = format_python(text, path)
        else:
            key = digest("format", formatter_id(), text)
            formatted = cache.load_text("format", key)
            if formatted is None:
                formatted = format_python(text, path)
                cache.store_text("format", key, formatted)
            files[path] = formatted
        if progress is not None:
            progress("format", len(files), len(sources))
    return files
