"""`include` / `exclude` on a big docs folder (the corpus): the selected cmdlets, exactly the types they
reach, the other files never parsed; the cache and the no-op path stay right when the selection changes."""

from __future__ import annotations

import fnmatch
import shutil
from pathlib import Path

import pytest

from generator import config as config_module
from generator import pipeline
from generator.cache import Cache
from generator.ir import Cmdlet, PropertyNode, TypeRef
from generator.read.reader import read_bytes
from generator.read.selection import identity
from generator.resolve.types import element_type, is_model_type

from support import CORPUS, ROOT

INCLUDE = ["*-MgUser", "Get-JcSdkUserGroup*", "JumpCloud.SDK.DirectoryInsights"]
EXCLUDE = ["Get-JcSdkUserGroupTraverse*", "*-jcsdkeventcount"]  # any case


def project(root: Path, specs: Path, include: list[str] = INCLUDE, exclude: list[str] = EXCLUDE) -> Path:
    (root / "pyproject.toml").write_text(
        f'[tool.platygen]\nspecs = "{specs.as_posix()}"\noutput = "generated"\npackage = "corpus_sdk"\n'
        f"include = {include!r}\nexclude = {exclude!r}\n".replace("'", '"'),
        encoding="utf-8",
    )
    return root


def selected(name: str, module: str, include: list[str] = INCLUDE, exclude: list[str] = EXCLUDE) -> bool:
    def hit(patterns: list[str]) -> bool:
        return any(fnmatch.fnmatch(n.lower(), p.lower()) for p in patterns for n in (name, module))

    return hit(include) and not hit(exclude)


@pytest.fixture(scope="module")
def corpus_cmdlets() -> list[Cmdlet]:
    files = sorted(CORPUS.rglob("*.md"))
    results = [read_bytes(p.relative_to(CORPUS).as_posix(), p.read_bytes()) for p in files]
    return [r.cmdlet for r in results if r.cmdlet is not None]


@pytest.fixture(scope="module")
def selected_build(tmp_path_factory: pytest.TempPathFactory):
    root = project(tmp_path_factory.mktemp("selected"), CORPUS)
    return pipeline.build(config_module.load(root))


def test_exactly_the_selected_cmdlets_are_generated(selected_build, corpus_cmdlets: list[Cmdlet]) -> None:
    project_, _, files_read, _ = selected_build
    wanted = {c.name for c in corpus_cmdlets if selected(c.name, c.module)}
    assert {"Get-MgUser", "Get-JcSdkUserGroup", "Get-JcSdkUserGroupMember", "Get-JcSdkEvent"} <= wanted
    assert not {"Get-JcSdkUserGroupTraverseUser", "Get-JcSdkEventCount"} & wanted
    assert {c.name for c in project_.cmdlets} == wanted
    assert {op.cmdlet.name for op in project_.operations} == wanted
    # Read: those cmdlets' files and the page of the module selected by name (skipped with its info).
    assert files_read == len([c for c in corpus_cmdlets if selected(c.name, c.module)]) + 1


def _reached(cmdlets: list[Cmdlet]) -> set[str]:
    """Every model type a cmdlet names: its parameters, inputs, outputs and NOTES trees, all the way down."""
    found: set[str] = set()

    def add(ref: TypeRef) -> None:
        for item in [element_type(ref), *(element_type(a) for a in ref.args)]:
            if is_model_type(item):
                found.add(item.name)

    def walk(nodes: list[PropertyNode]) -> None:
        for node in nodes:
            add(node.type)
            walk(node.children)

    for cmdlet in cmdlets:
        for parameter in cmdlet.parameters:
            if parameter.type:
                add(parameter.type)
        for doc in cmdlet.inputs + cmdlet.outputs:
            if doc.type:
                add(doc.type)
        for tree in cmdlet.property_trees:
            add(tree.type)
            walk(tree.properties)
    return found


def test_exactly_the_types_the_selected_cmdlets_reach(selected_build, corpus_cmdlets: list[Cmdlet]) -> None:
    project_, _, _, _ = selected_build
    classes = {c.source_type for m in project_.model_modules for c in m.classes}
    chosen = [c for c in corpus_cmdlets if selected(c.name, c.module)]
    assert classes == _reached(chosen)
    everything = _reached(corpus_cmdlets)
    assert len(classes) < len(everything) / 4  # the rest of the folder brings hundreds more


def test_selecting_from_the_folder_is_generating_from_those_files_alone(
    tmp_path: Path, selected_build
) -> None:
    chosen_project, _, _, _ = selected_build
    subset = tmp_path / "subset"
    for path in sorted(CORPUS.rglob("*.md")):
        result = read_bytes(path.relative_to(CORPUS).as_posix(), path.read_bytes())
        if result.cmdlet is not None and selected(result.cmdlet.name, result.cmdlet.module):
            target = subset / path.relative_to(CORPUS)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    alone, _, _, _ = pipeline.build(config_module.load(project(tmp_path, subset, ["*"], [])))

    def models(p):
        return {(m.name, c.name, tuple(f.name for f in c.fields)) for m in p.model_modules for c in m.classes}

    assert models(chosen_project) == models(alone)
    assert {c.name for c in chosen_project.cmdlets} == {c.name for c in alone.cmdlets}


def test_the_unselected_files_are_never_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    real = pipeline._parse

    def spy(shown: str, data: bytes):
        parsed.append(shown)
        return real(shown, data)

    monkeypatch.setattr(pipeline, "_parse", spy)
    root = project(tmp_path, CORPUS, ["Get-JcSdkUserGroup", "*-MgUser"], [])
    built, _, _, _ = pipeline.build(config_module.load(root), jobs=1)
    assert sorted(c.name for c in built.cmdlets) == ["Get-JcSdkUserGroup", "Get-MgUser"]
    assert sorted(Path(p).name for p in parsed) == ["Get-JcSdkUserGroup.md", "Get-MgUser.md"]


def test_every_corpus_file_is_known_by_the_names_the_reader_gives_it() -> None:
    """What decides the selection without parsing is what the reader decides with it."""
    for path in sorted(CORPUS.rglob("*.md")):
        shown = path.relative_to(CORPUS).as_posix()
        data = path.read_bytes()
        result = read_bytes(shown, data)
        found = identity(shown, data)
        if result.cmdlet is None:
            continue
        assert found is not None, shown
        assert result.cmdlet.name.lower() in [n.lower() for n in found.names], shown
        assert found.module == result.cmdlet.module, shown


def test_a_selection_keeps_each_modules_noun_prefix(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "tests" / "fixtures" / "docs_folder", tmp_path / "specs")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.platygen]\ninclude = ["Get-XYCluster"]\n', encoding="utf-8"
    )
    built, diagnostics, _, _ = pipeline.build(config_module.load(tmp_path))
    assert [c.name for c in built.cmdlets] == ["Get-XYCluster"]
    # Alone, Get-XYCluster could not tell its prefix; the module's other files, unread, still do.
    assert built.noun_prefixes == {"Fabrikam.Kube": "XY"}
    assert not [d for d in diagnostics if d.rule in ("PG085", "PG082")]  # routes.yaml names unselected ones


def test_routes_yaml_naming_a_cmdlet_no_file_describes_is_still_reported(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "tests" / "fixtures" / "docs_folder", tmp_path / "specs")
    (tmp_path / "specs" / "routes.yaml").write_text(
        "cmdlets:\n  Get-XYJWTtoken: {method: GET, path: /tokens}\n  Get-XYNothing: {method: GET, path: /x}\n",
        encoding="utf-8",
    )
    (tmp_path / "pyproject.toml").write_text(
        '[tool.platygen]\ninclude = ["Get-XYCluster"]\n', encoding="utf-8"
    )
    _, diagnostics, _, _ = pipeline.build(config_module.load(tmp_path))
    assert [d.message for d in diagnostics if d.rule == "PG082"] == [
        "routes file names Get-XYNothing, which no spec describes"
    ]


def test_changing_the_selection_regenerates_and_going_back_gives_the_first_output(project: Path) -> None:
    """`project`: a copy of specs/; the cache and the no-op path follow the selection."""
    pyproject = project / "pyproject.toml"
    settings = pyproject.read_text(encoding="utf-8")
    cache = Cache.for_project(project)

    def run(include: str) -> pipeline.Outcome:
        text = settings.replace(
            "[tool.platygen]\n", f"[tool.platygen]\ninclude = [{include!r}]\n".replace("'", '"')
        )
        pyproject.write_text(text, encoding="utf-8")
        return pipeline.generate(config_module.load(project), cache=cache)

    first = run("*-MgUser")
    assert not first.failed and not first.up_to_date
    assert run("*-MgUser").up_to_date
    other = run("*-MgBetaUser*")
    assert not other.up_to_date and other.files != first.files
    assert "def update_user_outlook_master_category(" in other.files["graph_sdk/client.pyi"]
    assert "def update_user_outlook_master_category(" not in first.files["graph_sdk/client.pyi"]
    back = run("*-MgUser")
    assert not back.up_to_date  # the output folder holds the other selection's files
    assert back.files == first.files


def test_include_and_exclude_settings() -> None:
    cfg = config_module.Config(ROOT, ROOT, ROOT, include=("*-MgUser", "JumpCloud.*"), exclude=("*Count",))
    assert cfg.selects("Get-MgUser", "Microsoft.Graph.Users")
    assert cfg.selects("get-mguser", "microsoft.graph.users")  # PowerShell's names have no case
    assert cfg.selects("Get-JcSdkSystem", "JumpCloud.SDK.V1")  # by its module
    assert not cfg.selects("Get-JcSdkSystemCount", "JumpCloud.SDK.V1")  # exclude wins
    assert not cfg.selects("Get-MgGroup", "Microsoft.Graph.Groups")
    assert config_module.Config(ROOT, ROOT, ROOT).selects("Get-Anything", "Any")


def test_include_must_be_patterns(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.platygen]\ninclude = "*-MgUser"\nexclude = []\n', encoding="utf-8"
    )
    assert config_module.load(tmp_path).include == ("*-MgUser",)
    (tmp_path / "pyproject.toml").write_text("[tool.platygen]\ninclude = [1]\n", encoding="utf-8")
    with pytest.raises(
        config_module.ConfigError, match="include must be a list of cmdlet or module name patterns"
    ):
        config_module.load(tmp_path)


def test_a_utf16_file_is_known_by_its_names_too() -> None:
    path = CORPUS / "jumpcloud" / "JumpCloud.SDK.V2" / "Get-JcSdkUserGroup.md"
    wide = "\ufeff".encode("utf-16-le") + path.read_bytes().decode("utf-8").encode("utf-16-le")
    found = identity("docs/Get-JcSdkUserGroup.md", wide)
    assert found is not None and found.module == "JumpCloud.SDK.V2" and "Get-JcSdkUserGroup" in found.names
