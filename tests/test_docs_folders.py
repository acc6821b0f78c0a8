"""A module's docs folder as it is published (tests/fixtures/docs_folder/): README, index, about_, table of
contents and module pages beside the help; noun prefixes no word splitter gets right; a hand-written
module's class-named types and an H1 with a stray dot. `generate` exits 0 and the routes use the right
nouns."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import config as config_module
from generator import pipeline
from generator.cli import main

from support import ROOT

FOLDER = ROOT / "tests" / "fixtures" / "docs_folder"

SETTINGS = """
[tool.platygen]
specs = "specs"
output = "generated"
package = "fabrikam_sdk"
# These services name their routes as Microsoft Graph does, so the conventions may place them.
graph-conventions = ["Fabrikam.*", "Contoso.*", "Northwind", "Wingtip"]
{extra}
[tool.platygen.base-urls]
{base_urls}
"""
BASE_URLS = """\
"Fabrikam.*" = "https://kube.fabrikam.test/api"
"Contoso.*" = "https://tools.contoso.test"
"Northwind" = "https://northwind.test/v2"
"Wingtip" = "https://wingtip.test"
"""


def make_project(root: Path, base_urls: str = BASE_URLS, extra: str = "") -> Path:
    shutil.copytree(FOLDER, root / "specs")
    (root / "pyproject.toml").write_text(SETTINGS.format(base_urls=base_urls, extra=extra), encoding="utf-8")
    return root


def generate(root: Path, *args: str):
    return CliRunner().invoke(main, ["--root", str(root), "generate", *args])


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    root = make_project(tmp_path_factory.mktemp("docs_folder"))
    return pipeline.build(config_module.load(root))


def test_generate_exits_0_and_reports_each_page_once_as_an_info(tmp_path: Path) -> None:
    result = generate(make_project(tmp_path), "-v", "--no-cache")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert not [line for line in lines if ": error:" in line]
    skipped = sorted(line.split(":")[0] for line in lines if "[PG007]" in line or "[PG004]" in line)
    assert skipped == [
        "specs/Fabrikam.Kube/Fabrikam.Kube.md",
        "specs/README.md",
        "specs/TOC.md",
        "specs/about_Fabrikam.md",
        "specs/getting-started.md",
        "specs/site/index.md",
        "specs/site/reference.md",
    ]
    assert (tmp_path / "generated" / "fabrikam_sdk" / "client.py").is_file()
    assert "cmdlets callable" not in result.stderr  # every module has a callable cmdlet


def test_the_noun_prefixes_are_the_modules_own(built) -> None:
    project, diagnostics, _, _ = built
    assert project.noun_prefixes == {
        "Contoso.Tools": "AbC",
        "Fabrikam.Kube": "XY",
        "Northwind": "Northwind",
        "Wingtip": "Wingtip",
    }
    assert [d for d in diagnostics if d.rule == "PG085"] == []


def test_the_routes_use_the_right_nouns(built) -> None:
    project, _, _, _ = built
    routes = {
        (r.cmdlet, r.parameter_set): (r.method, r.base_url + r.path, r.confidence) for r in project.routes
    }
    kube, tools = "https://kube.fabrikam.test/api", "https://tools.contoso.test"
    assert routes[("Get-XYCluster", "List")] == ("GET", kube + "/clusters", "high")
    assert routes[("Get-XYCluster", "Get")] == ("GET", kube + "/clusters/{cluster-id}", "high")
    # routes.yaml's `segments: {K8SNamespace: k8s/namespaces}` applies: the noun is K8SNamespace.
    assert routes[("Get-XYK8SNamespace", "Get")] == (
        "GET",
        kube + "/k8s/namespaces/{k8SNamespace-id}",
        "high",
    )
    assert routes[("Get-XYJWTtoken", "")][1] == kube + "/tokens"
    assert routes[("Get-AbCUser", "List")] == ("GET", tools + "/users", "high")
    assert routes[("Get-AbCGroup", "Get")] == ("GET", tools + "/groups/{group-id}", "high")
    assert routes[("Get-AbCDNSRecord", "List")] == ("GET", tools + "/dnsRecords", "high")
    assert routes[("Get-NorthwindAsset", "Get")] == (
        "GET",
        "https://northwind.test/v2/assets/{asset-id}",
        "high",
    )
    assert routes[("Get-WingtipUser", "List")] == ("GET", "https://wingtip.test/users", "high")
    # No route keeps a piece of a prefix: `/xY...`, `/c/users`, `/northwindAssets`.
    assert not [
        path for _, path, _ in routes.values() if "/xY" in path or "/c/" in path or "northwind" in path[20:]
    ]


def test_client_methods_and_commands_are_named_without_the_prefix(built) -> None:
    project, _, _, _ = built
    methods = {op.cmdlet.name: op.method for op in project.operations}
    assert methods["Get-XYCluster"] == "get_cluster"
    assert methods["Get-XYK8SNamespace"].startswith("get_k8")
    assert methods["Get-AbCUser"] == "get_user"
    assert methods["Get-NorthwindAsset"] == "get_asset"
    assert methods["Set-WingtipUserLicense"] == "set_user_license"


def test_an_h1_with_a_stray_dot_names_no_cmdlet_with_the_dot(built) -> None:
    project, diagnostics, _, _ = built
    names = {c.name for c in project.cmdlets}
    assert "Set-WingtipUserLicense" in names and "Set-WingtipUserLicense." not in names
    assert not [d for d in diagnostics if d.rule == "PG023"]


def test_types_named_as_classes_are_models_expanded_where_notes_describe_them(built) -> None:
    project, diagnostics, _, _ = built
    classes = {c.source_type: c for m in project.model_modules for c in m.classes}
    licenses = classes["AssignedLicenses"]
    assert licenses.expanded and [f.name for f in licenses.fields] == ["add_licenses", "remove_licenses"]
    assert "AssignedLicense" in licenses.fields[0].annotation
    assert classes["AssignedLicense"].expanded  # nested in the NOTES tree, without the interface's I
    assert [f.name for f in classes["AssignedLicense"].fields] == ["disabled_plans", "sku_id"]
    options = classes["LicenseOptions"]  # Wingtip.Model.LicenseOptions: named, never described
    assert not options.expanded and options.allow_extra and options.namespace == "Wingtip.Model"
    assert any(d.rule == "PG060" and "LicenseOptions" in d.message for d in diagnostics)
    # .NET's and PowerShell's own types stay what they are.
    assert not {"PSCredential", "DateTime", "Hashtable", "SwitchParameter", "String"} & set(classes)
    [operation] = [op for op in project.operations if op.cmdlet.name == "Set-WingtipUserLicense"]
    annotations = {a.parameter: a.annotation for a in operation.arguments}
    assert "AssignedLicenses" in annotations["AssignedLicenses"]
    assert "LicenseOptions" in annotations["Options"]
    assert annotations["StartDate"] == "_pd.AwareDatetime"


def test_modules_without_a_base_url_are_named_in_one_line_at_the_end(tmp_path: Path) -> None:
    root = make_project(tmp_path, base_urls='"Fabrikam.*" = "https://kube.fabrikam.test/api"\n')
    result = generate(root, "-q")
    assert result.exit_code == 0, result.output
    last = result.stderr.splitlines()[-1]
    assert last == (
        "2 of 9 cmdlets callable: set [tool.platygen.base-urls] for modules Contoso.Tools, Northwind, "
        "Wingtip, or bind an API description"
    )
    # The same line on the no-op path, which reads nothing.
    again = generate(root, "-q")
    assert again.stderr.splitlines()[-1] == last and "already up to date" in again.stderr


def test_no_callable_cmdlet_at_all_says_so(tmp_path: Path) -> None:
    result = generate(make_project(tmp_path, base_urls=""), "-q", "--no-cache")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == (
        "0 of 9 cmdlets callable: set [tool.platygen.base-urls] for modules Contoso.Tools, Fabrikam.Kube, "
        "Northwind and 1 more, or bind an API description"
    )


@pytest.mark.parametrize(
    ("module", "root"),
    [
        ("Microsoft.Graph.Users", "https://graph.microsoft.com/v1.0"),
        ("Microsoft.Graph.Beta.Users", "https://graph.microsoft.com/beta"),
        ("Microsoft.Graph.Users.Beta", "https://graph.microsoft.com/beta"),
        ("Microsoft.Graph.Identity.Beta.SignIns", "https://graph.microsoft.com/beta"),
        ("Microsoft.Graph.Beta", "https://graph.microsoft.com/beta"),
        ("Microsoft.Graph.Betamax", "https://graph.microsoft.com/v1.0"),
        ("Contoso.Beta", ""),
    ],
)
def test_a_beta_segment_anywhere_in_a_graph_modules_name_means_the_beta_root(module: str, root: str) -> None:
    assert config_module.Config(ROOT, ROOT, ROOT).base_url(module) == root
