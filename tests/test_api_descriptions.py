"""specs/ bound to Microsoft Graph's CSDL, and JumpCloud's help to its Swagger documents: exact routes,
enums, formats and wire names; descriptions read once; a description that cannot serve never stops
the help from serving."""

from __future__ import annotations

import re
import subprocess
import sys
import typing
import uuid
from pathlib import Path
from typing import Any

import pydantic
import pytest

from generator import config, pipeline
from generator.api import load as api_load
from generator.api.csdl import read_csdl
from generator.bind.binder import bind
from generator.cache import Cache
from generator.config import Config
from generator.read.routes_file import RoutesFile
from generator.resolve.model import ResolvedProject
from generator.resolve.nouns import noun_prefixes
from generator.resolve.routes import route_table

from support import CORPUS, ROOT, SPECS

CSDL = SPECS / "api" / "graph" / "v1.0.csdl"


@pytest.fixture(scope="module")
def graph() -> tuple[ResolvedProject, list[Any]]:
    project, diagnostics, _, _ = pipeline.build(config.load(ROOT))
    return project, diagnostics


def test_every_set_in_specs_is_bound_to_the_csdl_without_routes_yaml(graph: Any) -> None:
    project, _ = graph
    assert "segments" not in (SPECS / "routes.yaml").read_text(encoding="utf-8").split("#")[0]
    assert len(project.routes) == 56
    assert {(r.source, r.confidence) for r in project.routes} == {("api", "high")}
    assert all(r.provenance.startswith("specs/api/graph/v1.0.csdl: CSDL path /") for r in project.routes)


def test_every_enum_a_model_uses_has_the_csdls_members(graph: Any) -> None:
    project, _ = graph
    description = read_csdl(CSDL.read_bytes(), "v1.0.csdl")
    enums = [e for m in project.model_modules for e in m.enums]
    assert len({e.source_type for e in enums}) >= 20
    for enum in enums:
        schema = next(
            s
            for s in description.schemas.values()
            if s.is_enum and s.origin.endswith(":" + enum.origin.rpartition(":")[2])
        )
        assert enum.values == schema.enum and enum.evolvable == schema.evolvable, enum.name
    state = next(e for e in enums if e.name == "SynchronizationScheduleState")
    assert state.values == ("Active", "Disabled", "Paused")


def test_the_wire_name_is_the_csdls_where_the_help_cased_it_otherwise(graph: Any) -> None:
    project, diagnostics = graph
    behaviors = next(
        c for m in project.model_modules for c in m.classes if c.name == "AuthenticationBehaviors"
    )
    field = next(f for f in behaviors.fields if f.source_name == "BlockAzureAdGraphAccess")
    assert field.wire_name == "blockAzureADGraphAccess"
    assert any(d.rule == "PG095" and "blockAzureADGraphAccess" in d.message for d in diagnostics)


def test_users_properties_come_from_the_csdl_where_the_help_lists_none(graph: Any) -> None:
    project, diagnostics = graph
    user = next(c for m in project.model_modules for c in m.classes if c.name == "User")
    fields = {f.wire_name: f for f in user.fields}
    assert {"id", "displayName", "userPrincipalName", "accountEnabled", "assignedLicenses"} <= set(fields)
    assert fields["assignedLicenses"].source == "specs/api/graph/v1.0.csdl"
    assert not fields["assignedLicenses"].nullable  # Collection(...) Nullable="false"
    assert user.allow_extra  # an OpenType: extension properties are kept
    assert any(d.rule == "PG096" and "IMicrosoftGraphUser" in d.message for d in diagnostics)


def test_the_seeds_schedule_state_takes_the_csdls_values(generated_on_path: None) -> None:
    from graph_sdk.client import Client
    from graph_sdk.models import SynchronizationSchedule

    assert SynchronizationSchedule(state="Paused").state == "Paused"
    with pytest.raises(pydantic.ValidationError, match="Active"):
        SynchronizationSchedule(state="Sleeping")
    assert SynchronizationSchedule.from_wire({"state": "Sleeping"}).state == "Sleeping"  # a value added later
    client = Client("t")
    with pytest.raises(
        ValueError, match="schedule_state: expected one of Active, Disabled or Paused, got 'Sleeping'"
    ):
        client.prepare(
            client.update_application_synchronization_job,
            application_id="a",
            synchronization_job_id="j",
            schedule_state="Sleeping",
        )


def test_guids_dates_and_non_nullable_properties_are_typed_as_the_csdl_says(generated_on_path: None) -> None:
    from graph_sdk.models import Application, PasswordCredential

    hints = typing.get_type_hints(PasswordCredential)
    assert hints["key_id"] == uuid.UUID | None
    with pytest.raises(pydantic.ValidationError):
        PasswordCredential(key_id="not-a-guid")
    # Collection(Edm.String) Nullable="false": never null on the wire, unset until given.
    assert typing.get_type_hints(Application)["identifier_uris"] == list[str]
    assert "identifier_uris" not in Application().to_wire()


def test_the_client_sends_the_csdls_wire_name(generated_on_path: None) -> None:
    from graph_sdk.client import Client

    client = Client("t")
    request = client.prepare(
        client.new_application, authentication_behaviors={"blockAzureADGraphAccess": True}
    )
    assert request.json == {"authenticationBehaviors": {"blockAzureADGraphAccess": True}}


# ------------------------------------------------------------------------------- reading, caching
def test_a_description_is_read_once_and_then_comes_from_the_cache(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.api.csdl as csdl

    calls: list[str] = []
    real = csdl.read_csdl

    def counted(data: bytes, shown: str) -> Any:
        calls.append(shown)
        return real(data, shown)

    monkeypatch.setattr(csdl, "read_csdl", counted)
    cfg = config.load(project)
    cache = Cache.for_project(project)
    assert not pipeline.generate(cfg, cache=cache).failed
    spec = project / "specs" / "Microsoft.Graph.Users" / "Get-MgUser.md"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("Retrieve the properties", "Read the properties"),
        encoding="utf-8",
    )
    again = pipeline.generate(cfg, cache=cache)
    assert not again.failed and not again.up_to_date  # the pipeline ran, the description was not read
    assert calls == ["specs/api/graph/v1.0.csdl"]


def test_a_description_that_cannot_be_read_is_a_warning_and_the_help_alone_serves(project: Path) -> None:
    target = project / "specs" / "api" / "graph" / "v1.0.csdl"
    target.write_bytes(CSDL.read_bytes()[:100_000])  # truncated
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "generate"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"specs/api/graph/v1\.0\.csdl:\d+:\d+: warning: .*\[PG090\]", result.stderr)
    assert "PG092" not in result.stderr  # no description: nothing is reported as missing from it
    client = (project / "generated" / "graph_sdk" / "client.pyi").read_text(encoding="utf-8")
    assert "def get_application(" in client  # from Graph's conventions
    assert "def get_application_synchronization_job(" not in client  # synchronization/jobs: not guessed


def test_a_missing_description_is_a_warning_naming_it(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.platygen]\n[tool.platygen.api-descriptions]\n"X.*" = ["api/nowhere.json"]\n', encoding="utf-8"
    )
    loaded = api_load.load(config.load(tmp_path))
    [diagnostic] = loaded.diagnostics
    assert (diagnostic.path, diagnostic.rule) == ("api/nowhere.json", "PG090")


# --------------------------------------------------------------------------------------- JumpCloud
JUMPCLOUD = {
    module: (f"{CORPUS}/api/jumpcloud/{module}.json", f"{CORPUS}/api/jumpcloud/{module}.autorest.yaml")
    for module in ("JumpCloud.SDK.V1", "JumpCloud.SDK.V2", "JumpCloud.SDK.DirectoryInsights")
}


def _normal(route: Any) -> tuple[str, str]:
    """Method and URL with the server's variables at their defaults and every placeholder alike."""
    url = route.base_url + route.path
    for variable in route.variables:
        url = url.replace("{" + variable.name + "}", variable.default)
    return route.method, re.sub(r"\{[^}]*\}", "{}", url)


def test_without_a_description_nearly_every_callable_jumpcloud_route_is_the_apis() -> None:
    cmdlets = [
        r.cmdlet for r in pipeline.read_all(pipeline.find_specs(CORPUS / "jumpcloud"), CORPUS) if r.cmdlet
    ]
    plain = Config(root=ROOT, specs=CORPUS / "jumpcloud", output=ROOT / "unused")
    prefixes = noun_prefixes(cmdlets, {})
    guessed, _ = route_table(cmdlets, RoutesFile(""), plain, prefixes)
    described = Config(
        root=ROOT, specs=CORPUS / "jumpcloud", output=ROOT / "unused", api_descriptions=JUMPCLOUD
    )
    bound = bind(cmdlets, api_load.load(described), prefixes)
    truth, _ = route_table(cmdlets, RoutesFile(""), described, prefixes, bound)
    assert all(r.source == "api" for r in truth)
    real = {(r.cmdlet, r.parameter_set): _normal(r) for r in truth}
    callable_ = [r for r in guessed if r.usable]
    right = [r for r in callable_ if _normal(r) == real[(r.cmdlet, r.parameter_set)]]
    assert len(callable_) > 400
    assert len(right) / len(callable_) >= 0.95, sorted(
        {r.cmdlet for r in callable_} - {r.cmdlet for r in right}
    )


def test_binding_a_description_renames_no_class_field_or_method_of_the_help(graph: Any) -> None:
    described, _ = graph
    plain, _, _, _ = pipeline.build(Config(root=ROOT, specs=SPECS, output=ROOT / "unused"))

    def surface(project: ResolvedProject) -> tuple[dict[str, str], dict[tuple[str, str], str], set[str]]:
        classes = {
            c.source_type + "@" + c.namespace: c.name for m in project.model_modules for c in m.classes
        }
        fields = {
            (c.source_type + "@" + c.namespace, f.source_name): f.name
            for m in project.model_modules
            for c in m.classes
            for f in c.fields
            if not f.source
        }
        return classes, fields, {op.method for op in project.operations}

    plain_classes, plain_fields, _ = surface(plain)
    classes, fields, methods = surface(described)
    assert {k: classes[k] for k in plain_classes} == plain_classes
    assert {k: fields[k] for k in plain_fields if k in fields} == plain_fields
    assert set(plain_fields) - set(fields) == set()  # flattened folds aside, nothing is lost
    assert {op.method for op in plain.operations} <= methods
