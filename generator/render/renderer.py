"""Render the resolved project into files: relative path → text, formatted, nothing written yet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from generator.render import cli_views, client_views, views
from generator.render.environment import environment
from generator.render.format import RenderError, format_python
from generator.resolve.model import ResolvedProject


def render(project: ResolvedProject, templates: Path | None = None) -> dict[str, str]:
    env = environment(templates)
    package = project.package
    jobs: list[tuple[str, str, dict[str, Any]]] = [
        (f"{package}/__init__.py", "package_init.py.jinja", views.package_init(project)),
        (f"{package}/_base.py", "base.py.jinja", views.base(project)),
        (f"{package}/py.typed", "py.typed.jinja", {}),
        (f"{package}/models/__init__.py", "models_init.py.jinja", views.models_init(project)),
        (f"{package}/_runtime.py", "runtime.py.jinja", client_views.runtime(project)),
        (f"{package}/_operations.py", "operations.py.jinja", client_views.operations(project)),
        (f"{package}/client.py", "client.py.jinja", client_views.client(project)),
        (f"{package}/cli.py", "cli.py.jinja", cli_views.cli(project)),
        (f"{package}/__main__.py", "main.py.jinja", cli_views.main_module(project)),
        ("pyproject.toml", "pyproject.toml.jinja", cli_views.pyproject(project)),
    ]
    for module in project.model_modules:
        jobs.append(
            (
                f"{package}/models/{module.name}.py",
                "model_module.py.jinja",
                views.model_module(project, module),
            )
        )
    files: dict[str, str] = {}
    for path, template, context in jobs:
        try:
            text = env.get_template(template).render(**context)
        except jinja2.TemplateError as exc:
            raise RenderError(f"template {template}: {exc}") from exc
        files[path] = format_python(text, path) if path.endswith(".py") else text
    return files
