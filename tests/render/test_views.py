"""A model class keeps its spec description exactly: in the docstring when a docstring can hold it, else
in the JSON schema's description (pydantic reads the docstring through inspect.cleandoc)."""

from __future__ import annotations

import importlib
import itertools
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.render import views
from generator.render.renderer import render
from generator.resolve.model import ModelClass, ModelModule, ResolvedProject

_packages = itertools.count()


def model_class(description: str) -> ModelClass:
    return ModelClass(
        name="Thing",
        source_type="IThing",
        namespace="Contoso.Models",
        description=description,
        fields=[],
        allow_extra=False,
        expanded=True,
        origins=["x.md:1"],
    )


def generated_class(description: str, folder: Path) -> type:
    """Render, format and import a one-class package; return the class."""
    package = f"views_pkg_{next(_packages)}"
    module = ModelModule("contoso_models", "Contoso.Models", [model_class(description)], [], [], ["x.md"])
    for path, text in render(ResolvedProject(package, [module], [], [])).items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(folder))
    try:
        return importlib.import_module(f"{package}.models.contoso_models").Thing  # type: ignore[no-any-return]
    finally:
        sys.path.remove(str(folder))
        for name in [m for m in sys.modules if m.startswith(package)]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("views")


# What the resolver hands over: stripped text, any characters inside (clean_description).
descriptions = st.text(st.characters(exclude_categories=("Cs",)), min_size=1).map(str.strip).filter(bool)


@settings(max_examples=100, deadline=None)
@given(descriptions)
@example("root\twith a tab")
@example("first\n  indented continuation\n\tand a tab")
@example("  \x0c form feed first\nsecond")
@example('"')
@example('ends in """')
@example("\\N{BULLET} \\x00 {{ x }}")
@example("trailing blanks   \nkept")
def test_the_json_schema_description_is_the_spec_text_exactly(folder: Path, description: str) -> None:
    cls = generated_class(description, folder)
    assert cls.model_json_schema()["description"] == description  # type: ignore[attr-defined]


@pytest.mark.parametrize("description", ["One line.", 'Two "lines"\nwith \\ and """ and \x1b[31m.', "café ✓"])
def test_a_description_the_docstring_holds_is_not_repeated_in_the_config(description: str) -> None:
    view = views._model_class(model_class(description))
    assert view["config"] == ""


def test_a_description_with_a_tab_goes_to_the_json_schema_and_the_docstring_stays_readable(
    folder: Path,
) -> None:
    view = views._model_class(model_class("a\ttab"))
    assert view["config"] == 'model_config = _pd.ConfigDict(json_schema_extra={"description": "a\\ttab"})'
    assert generated_class("a\ttab", folder).__doc__ == "a\ttab"


def test_an_open_model_says_so_beside_its_exact_description() -> None:
    model = model_class("a\ttab")
    model.allow_extra = True
    view = views._model_class(model)
    assert view["open"] == "_extensible: _t.ClassVar[bool] = True"
    assert view["config"] == 'model_config = _pd.ConfigDict(json_schema_extra={"description": "a\\ttab"})'
    model.allow_extra = False
    assert views._model_class(model)["open"] == ""
