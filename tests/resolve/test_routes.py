"""Routes: routes.yaml, curl samples and the Graph naming conventions, with their confidence."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator import config as config_module
from generator.cli import main
from generator.pipeline import build, find_specs, read_all
from generator.read import routes_file
from generator.read.reader import read_bytes
from generator.resolve.nouns import noun_prefixes
from generator.resolve.operations import method_names
from generator.resolve.routes import plural, route_table
from generator.serialize import to_json
from support import CORPUS, ROOT, SPECS

# Microsoft Graph's real routes (learn.microsoft.com/graph/api), per cmdlet and kind of parameter set.
V1 = "https://graph.microsoft.com/v1.0"
JOB = "/applications/{application-id}/synchronization/jobs/{synchronizationJob-id}"
GRAPH_ROUTES = {
    ("Add-MgApplicationPassword", "Add"): ("POST", V1 + "/applications/{application-id}/addPassword"),
    ("Get-MgApplication", "List"): ("GET", V1 + "/applications"),
    ("Get-MgApplication", "Get"): ("GET", V1 + "/applications/{application-id}"),
    ("Get-MgApplicationCount", "Get"): ("GET", V1 + "/applications/$count"),
    ("Get-MgApplicationOwner", "List"): ("GET", V1 + "/applications/{application-id}/owners"),
    ("Get-MgApplicationSynchronizationJob", "List"): (
        "GET",
        V1 + "/applications/{application-id}/synchronization/jobs",
    ),
    ("Get-MgApplicationSynchronizationJob", "Get"): ("GET", V1 + JOB),
    ("Get-MgApplicationSynchronizationJobCount", "Get"): (
        "GET",
        V1 + "/applications/{application-id}/synchronization/jobs/$count",
    ),
    ("Get-MgApplicationSynchronizationJobSchema", "Get"): ("GET", V1 + JOB + "/schema"),
    ("New-MgApplication", "Create"): ("POST", V1 + "/applications"),
    ("New-MgApplicationOwnerByRef", "Create"): ("POST", V1 + "/applications/{application-id}/owners/$ref"),
    ("New-MgApplicationSynchronizationJob", "Create"): (
        "POST",
        V1 + "/applications/{application-id}/synchronization/jobs",
    ),
    ("Remove-MgApplication", "Delete"): ("DELETE", V1 + "/applications/{application-id}"),
    ("Remove-MgApplicationSynchronizationJob", "Delete"): ("DELETE", V1 + JOB),
    ("Restart-MgApplicationSynchronizationJob", "Restart"): ("POST", V1 + JOB + "/restart"),
    ("Start-MgApplicationSynchronizationJob", "Start"): ("POST", V1 + JOB + "/start"),
    ("Suspend-MgApplicationSynchronizationJob", "Pause"): ("POST", V1 + JOB + "/pause"),
    ("Update-MgApplicationSynchronizationJob", "Update"): ("PATCH", V1 + JOB),
    ("Update-MgApplicationSynchronizationJobSchema", "Update"): ("PATCH", V1 + JOB + "/schema"),
    ("Get-MgUser", "List"): ("GET", V1 + "/users"),
    ("Get-MgUser", "Get"): ("GET", V1 + "/users/{user-id}"),
    ("Get-MgBetaUser", "List"): ("GET", "https://graph.microsoft.com/beta/users"),
    ("Get-MgBetaUser", "Get"): ("GET", "https://graph.microsoft.com/beta/users/{user-id}"),
    ("Update-MgBetaUserOutlookMasterCategory", "Update"): (
        "PATCH",
        "https://graph.microsoft.com/beta/users/{user-id}/outlook/masterCategories/{outlookCategory-id}",
    ),
}


def _routes(specs: Path, routes_text: str | None = None):
    cfg = config_module.load(ROOT)
    cmdlets = [r.cmdlet for r in read_all(find_specs(specs), specs) if r.cmdlet]
    file = routes_file.RoutesFile("routes.yaml")
    if routes_text is not None:
        target = specs / "routes.yaml"
        target.write_text(textwrap.dedent(routes_text), encoding="utf-8")
        file = routes_file.load(target, "routes.yaml")
    return route_table(cmdlets, file, cfg, noun_prefixes(cmdlets, cfg.noun_prefixes))


@pytest.fixture(scope="module")
def spec_routes():
    project, _, _, _ = build(config_module.load(ROOT))
    return project.routes


def test_every_graph_cmdlet_in_specs_gets_its_real_v1_or_beta_route(spec_routes) -> None:
    operation_of = {"Get": "Get", "List": "List"}
    seen = {}
    for route in spec_routes:
        base = route.parameter_set.replace("ViaIdentity", "").replace("Expanded", "")
        seen.setdefault((route.cmdlet, operation_of.get(base, base)), set()).add(
            (route.method, route.base_url + route.path)
        )
    for key, expected in GRAPH_ROUTES.items():
        assert seen.get(key) == {expected}, key
    assert {key[0] for key in seen} == {key[0] for key in GRAPH_ROUTES}
    assert all(route.usable for route in spec_routes)


def test_placeholders_are_bound_to_the_key_parameters(spec_routes) -> None:
    job = next(
        r
        for r in spec_routes
        if r.cmdlet == "Get-MgApplicationSynchronizationJob" and r.parameter_set == "Get"
    )
    assert job.placeholders == (
        ("application-id", "ApplicationId"),
        ("synchronizationJob-id", "SynchronizationJobId"),
    )
    category = next(
        r
        for r in spec_routes
        if r.cmdlet == "Update-MgBetaUserOutlookMasterCategory" and r.parameter_set == "Update"
    )
    # The syntax lists -OutlookCategoryId first; the path follows the noun.
    assert category.placeholders == (("user-id", "UserId"), ("outlookCategory-id", "OutlookCategoryId"))


def test_without_a_segments_entry_an_ambiguous_noun_is_low_confidence_and_reported(tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    shutil.copytree(SPECS / "Microsoft.Graph.Applications", specs / "Microsoft.Graph.Applications")
    routes, diagnostics = _routes(specs)
    job = next(
        r
        for r in routes
        if r.cmdlet == "Update-MgApplicationSynchronizationJob" and r.parameter_set == "Update"
    )
    assert job.confidence == "low" and not job.usable
    assert "segments" in job.note
    warned = [
        d
        for d in diagnostics
        if d.rule == "PG080" and "Update-MgApplicationSynchronizationJob (set Update)" in d.message
    ]
    assert warned and warned[0].path.endswith("Update-MgApplicationSynchronizationJob.md")
    # The unambiguous ones still stand.
    assert next(r for r in routes if r.cmdlet == "Get-MgApplication" and r.parameter_set == "Get").usable


def test_a_routes_file_entry_wins_over_the_conventions_and_binds_its_placeholders(tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    shutil.copytree(SPECS / "Microsoft.Graph.Applications", specs / "Microsoft.Graph.Applications")
    routes, diagnostics = _routes(
        specs,
        """\
        cmdlets:
          Get-MgApplication:
            method: GET
            path: /apps/{application-id}
            sets:
              List: {path: /apps}
          Get-Nothing:
            method: GET
            path: /nothing
        """,
    )
    by_set = {r.parameter_set: r for r in routes if r.cmdlet == "Get-MgApplication"}
    assert (by_set["List"].method, by_set["List"].path, by_set["List"].source) == (
        "GET",
        "/apps",
        "routes.yaml",
    )
    assert by_set["Get"].path == "/apps/{application-id}"
    assert by_set["Get"].placeholders == (("application-id", "ApplicationId"),)
    assert by_set["Get"].origin == "routes.yaml:2"
    stray = [d for d in diagnostics if d.rule == "PG082"]
    assert stray and stray[0].line == 7 and "Get-Nothing" in stray[0].message


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ("cmdlets:\n  A: [1\n", 3, "not valid YAML"),
        ("cmdlets:\n  Get-MgApplication:\n    method: FETCH\n    path: /x\n", 2, "FETCH"),
        ("cmdlets:\n  Get-MgApplication:\n    method: GET\n    path: no-slash\n", 2, "must start with /"),
        ("segments:\n  synchronizationJob: a/b\n", 2, "PascalCase"),
    ],
)
def test_a_broken_routes_file_is_an_error_at_its_line(
    tmp_path: Path, text: str, line: int, needle: str
) -> None:
    (tmp_path / "routes.yaml").write_text(text, encoding="utf-8")
    loaded = routes_file.load(tmp_path / "routes.yaml", "specs/routes.yaml")
    errors = [d for d in loaded.diagnostics if d.rule == "PG081"]
    assert errors and errors[0].line == line and needle in errors[0].message, loaded.diagnostics


def test_unknown_keys_in_the_routes_file_are_warned_about(tmp_path: Path) -> None:
    (tmp_path / "routes.yaml").write_text("segment:\n  A: b\n", encoding="utf-8")
    loaded = routes_file.load(tmp_path / "routes.yaml", "routes.yaml")
    assert [(d.rule, d.line) for d in loaded.diagnostics] == [("PG084", 1)]


SAMPLE = """\
# Get-ContosoThing

## SYNOPSIS
Gets a thing.

## DESCRIPTION
#### Sample Request
```
curl -X GET https://api.contoso.com/v2/owners/{Owner_ID}/things/{ThingID}?expand=parts \\\\
  -H 'Accept: application/json'
```

## SYNTAX

### Get (Default)
```
Get-ContosoThing -OwnerId <String> -Id <String> [<CommonParameters>]
```

### List
```
Get-ContosoThing -OwnerId <String> [<CommonParameters>]
```

## PARAMETERS
"""


def test_a_curl_sample_gives_method_host_path_and_binds_placeholders_by_name() -> None:
    cmdlet = read_bytes("Contoso/Get-ContosoThing.md", SAMPLE.encode()).cmdlet
    assert cmdlet is not None
    [sample] = cmdlet.samples
    assert (sample.method, sample.url, sample.query, sample.line) == (
        "GET",
        "https://api.contoso.com/v2/owners/{Owner_ID}/things/{ThingID}",
        ["expand"],
        9,
    )
    cfg = config_module.load(ROOT)
    routes, _ = route_table([cmdlet], routes_file.RoutesFile(""), cfg, {"Contoso": "Contoso"})
    by_set = {r.parameter_set: r for r in routes}
    get = by_set["Get"]
    assert (get.source, get.confidence, get.base_url) == ("sample", "high", "https://api.contoso.com")
    assert get.placeholders == (("Owner_ID", "OwnerId"), ("ThingID", "Id"))
    # The list set has no -Id: the trailing item segment goes.
    assert by_set["List"].path == "/v2/owners/{Owner_ID}/things" and by_set["List"].usable


def _sample_routes(curl: str) -> dict[str, Any]:
    text = SAMPLE.replace(
        "curl -X GET https://api.contoso.com/v2/owners/{Owner_ID}/things/{ThingID}?expand=parts", curl
    )
    cmdlet = read_bytes("Contoso/Get-ContosoThing.md", text.encode()).cmdlet
    routes, _ = route_table(
        [cmdlet], routes_file.RoutesFile(""), config_module.load(ROOT), {"Contoso": "Contoso"}
    )
    return {r.parameter_set: r for r in routes}


@pytest.mark.parametrize(
    ("curl", "get_path", "usable", "note"),
    [
        # How docs write a command is not the route: a trailing slash goes.
        (
            "curl https://api.contoso.com/v2/owners/{Owner_ID}/things/{ThingID}/",
            "/v2/owners/{Owner_ID}/things/{ThingID}",
            True,
            "",
        ),
        # An identifier's value stands where the set's one unplaced key goes.
        (
            "curl https://api.contoso.com/v2/owners/{Owner_ID}/things/5a837ecd232e110d4291e6b9",
            "/v2/owners/{Owner_ID}/things/{Id}",
            True,
            "",
        ),
        (
            "curl https://api.contoso.com/v2/owners/{Owner_ID/things/{ThingID}",
            None,
            False,
            "unclosed placeholder",
        ),
        (
            "curl -X PUT https://api.contoso.com/v2/owners/{Owner_ID}/things/{ThingID}",
            None,
            False,
            "PUT request, which Get never sends",
        ),
        ("curl https://api.contoso.com/v2/owners/{Owner_ID}/things", None, False, "does not place -Id"),
    ],
)
def test_a_sample_confirms_a_route_only_when_it_fits_the_set(
    curl: str, get_path: str | None, usable: bool, note: str
) -> None:
    get = _sample_routes(curl)["Get"]
    assert get.usable is usable and note in get.note
    if get_path:
        assert get.path == get_path and dict(get.placeholders)[get_path.rsplit("{", 1)[1][:-1]] == "Id"


def test_a_get_may_be_a_post_search() -> None:
    get = _sample_routes("curl -X POST https://api.contoso.com/v2/owners/{Owner_ID}/things/{ThingID}/search")[
        "Get"
    ]
    assert get.usable and get.method == "POST"


def test_curl_without_x_is_get_unless_it_sends_data() -> None:
    text = SAMPLE.replace("curl -X GET", "curl --data '{}'")
    [sample] = read_bytes("Contoso/Get-ContosoThing.md", text.encode()).cmdlet.samples
    assert sample.method == "POST"
    text = SAMPLE.replace("curl -X GET", "curl")
    [sample] = read_bytes("Contoso/Get-ContosoThing.md", text.encode()).cmdlet.samples
    assert sample.method == "GET"


def test_noun_prefixes_are_found_per_module_and_borrowed_by_single_cmdlet_modules() -> None:
    cmdlets = [r.cmdlet for r in read_all(find_specs(SPECS), SPECS) if r.cmdlet]
    prefixes = noun_prefixes(cmdlets, {})
    assert prefixes["Microsoft.Graph.Applications"] == "Mg"
    assert prefixes["Microsoft.Graph.Beta.Users"] == "MgBeta"
    assert prefixes["Microsoft.Graph.Users"] == "Mg"  # one cmdlet: borrowed
    assert noun_prefixes(cmdlets, {"Microsoft.Graph.*": "M"})["Microsoft.Graph.Users"] == "M"
    names = method_names(cmdlets, prefixes)
    assert names["Get-MgUser"] == "get_user" and names["Get-MgBetaUser"] == "get_beta_user"
    assert names["Update-MgBetaUserOutlookMasterCategory"] == "update_user_outlook_master_category"


def test_jumpcloud_prefix_and_sample_routes() -> None:
    specs = CORPUS / "jumpcloud"
    routes, _ = _routes_readonly(specs)
    # Only samples name JumpCloud's host, and JumpCloud does not follow Graph's naming: without an API
    # description a convention route there is a guess, never callable, and says why.
    assert {r.source for r in routes if r.usable} == {"sample"}
    conventions = [r for r in routes if r.source == "convention"]
    assert conventions and all(r.confidence == "low" for r in conventions)
    assert all("does not follow Microsoft Graph's naming" in r.note for r in conventions)
    member = {r.parameter_set: r for r in routes if r.cmdlet == "Get-JcSdkUserGroupMember"}
    assert any(r.path == "/api/v2/usergroups/{GroupID}/members" and r.usable for r in member.values())


def _routes_readonly(specs: Path):
    cfg = config_module.load(ROOT)
    cmdlets = [r.cmdlet for r in read_all(find_specs(specs), specs) if r.cmdlet]
    return route_table(cmdlets, routes_file.RoutesFile(""), cfg, noun_prefixes(cmdlets, cfg.noun_prefixes))


@pytest.mark.parametrize("folder", ["specs", "jumpcloud"])
def test_route_table_snapshot(folder: str, snapshot) -> None:
    snapshot.snapshot_dir = ROOT / "tests" / "snapshots" / "routes"
    if folder == "specs":
        routes = build(config_module.load(ROOT))[0].routes
    else:
        routes = _routes_readonly(CORPUS / "jumpcloud")[0]
    rows = [
        f"{r.cmdlet} [{r.parameter_set}] {r.method} {r.base_url}{r.path} ({r.source}, {r.confidence}) "
        f"{r.provenance or r.note}".rstrip()
        for r in routes
    ]
    snapshot.assert_match("\n".join(rows) + "\n", f"{folder}.txt")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("application", "applications"),
        ("category", "categories"),
        ("day", "days"),
        ("address", "addresses"),
        ("child", "children"),
    ],
)
def test_plural(word: str, expected: str) -> None:
    assert plural(word) == expected


def _without_descriptions(project: Path) -> None:
    """The project as it would be without Graph's CSDL: routes from the conventions, taught the two
    noun parts they cannot split alone."""
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(
        text.replace('"Microsoft.Graph.*" = ["specs/api/graph/v1.0.csdl"]', ""), encoding="utf-8"
    )
    routes = project / "specs" / "routes.yaml"
    routes.write_text(
        routes.read_text(encoding="utf-8")
        + "segments:\n  SynchronizationJob: synchronization/jobs\n  OutlookMasterCategory: outlook/masterCategories\n",
        encoding="utf-8",
    )


def test_routes_write_adds_no_route_an_api_description_gives(project: Path) -> None:
    target = project / "specs" / "routes.yaml"
    original = target.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(project), "routes", "--write", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"source": "api"' in result.output
    assert target.read_text(encoding="utf-8") == original


def test_routes_write_adds_inferred_entries_and_keeps_what_people_wrote(project: Path) -> None:
    _without_descriptions(project)
    target = project / "specs" / "routes.yaml"
    original = target.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(project), "routes", "--write", "--format", "json"])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith(original.rstrip("\n").split("\ncmdlets:")[0])  # comments and segments untouched
    loaded = routes_file.load(target, "routes.yaml")
    assert not loaded.diagnostics
    assert loaded.cmdlets["Get-MgApplicationCount"][""].path == "/applications/$count"
    assert "# inferred from convention (high): review" in text
    # Regenerating from the written file gives the same routes, now from routes.yaml.
    again = CliRunner().invoke(main, ["--root", str(project), "routes", "--format", "json"])
    assert '"source": "routes.yaml"' in again.output and '"source": "convention"' not in again.output


def test_a_cmdlet_without_a_confident_route_is_left_out_of_the_client_and_listed(project: Path) -> None:
    _without_descriptions(project)
    (project / "specs" / "routes.yaml").unlink()
    result = CliRunner().invoke(main, ["--root", str(project), "generate", "-q"])
    assert result.exit_code == 0, result.output
    package = project / "generated" / "graph_sdk"
    client = (package / "client.py").read_text(encoding="utf-8")
    stub = (package / "client.pyi").read_text(encoding="utf-8")
    index = (package / "_operations" / "__init__.py").read_text(encoding="utf-8")
    assert "def suspend_application_synchronization_job" not in stub
    assert "- Suspend-MgApplicationSynchronizationJob" in client  # in the module docstring's list
    assert "def get_application(" in stub
    assert '"Get-MgApplicationSynchronizationJob"' not in index and '"Get-MgApplication"' in index
    assert "PG080" in result.output
