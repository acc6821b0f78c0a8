"""JumpCloud end to end: its three Swagger 2.0 descriptions and AutoRest configurations, and the help of
its 332 cmdlets (all of them, from ../shared/corpus), bound set by set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.api.autorest_config import read_autorest_config, read_autorest_description
from generator.api.model import ApiDescription
from generator.bind.autorest import bind_autorest, sample_agrees
from generator.bind.model import BindResult
from generator.ir import Cmdlet
from generator.resolve.nouns import noun_prefixes
from support import CORPUS, ROOT, read_corpus

MODULES = ("JumpCloud.SDK.V1", "JumpCloud.SDK.V2", "JumpCloud.SDK.DirectoryInsights")

# Samples in the help that are not the request the cmdlet sends: errors in JumpCloud's own docs.
WRONG_SAMPLES = {
    ("Get-JcSdkRadiusServer", "PUT /api/radiusservers/{ServerID}"),  # Set-JcSdkRadiusServer's sample, copied
    (
        "Get-JcSdkLdapServerSambaDomain",
        "GET /api/v2/ldapservers/ldapservers/{LDAP_ID}/sambadomains/{SAMBA_ID}",
    ),  # `ldapservers` twice
    (
        "Get-JcSdkRadiusServerTraverseUser",
        "GET /api/v2/ldapservers/{LDAP_ID}/users",
    ),  # the LDAP server's sample
    ("Get-JcSdkSystemTraversePolicy", "GET /api/v2/{System_ID}/policies"),  # `systems/` missing
}


@dataclass
class Module:
    name: str
    description: ApiDescription
    cmdlets: list[Cmdlet]
    result: BindResult


@pytest.fixture(scope="module")
def modules() -> dict[str, Module]:
    found = {}
    for name in MODULES:
        api = CORPUS / "api" / "jumpcloud" / name
        config_path = api.with_name(f"{name}.autorest.yaml")
        config = read_autorest_config(config_path.read_bytes(), f"api/jumpcloud/{config_path.name}")
        description = read_autorest_description(
            api.with_name(f"{name}.json").read_bytes(), f"api/jumpcloud/{name}.json", config
        )
        cmdlets = []
        for path in sorted((CORPUS / "jumpcloud" / name).glob("*-*.md")):
            read = read_corpus(str(path.relative_to(CORPUS)))
            if read.cmdlet is not None:
                cmdlets.append(read.cmdlet)
        result = bind_autorest(description, config, cmdlets, noun_prefixes(cmdlets, {}))
        found[name] = Module(name, description, cmdlets, result)
    return found


def test_the_corpus_is_what_these_tests_expect(modules: dict[str, Module]) -> None:
    assert sum(len(m.cmdlets) for m in modules.values()) == 332
    assert [len(m.description.operations) for m in modules.values()] == [57, 299, 7]
    assert all(m.description.diagnostics == [] for m in modules.values())


def test_every_parameter_set_is_bound(modules: dict[str, Module]) -> None:
    sets = sum(len(c.parameter_sets) for m in modules.values() for c in m.cmdlets)
    bound = sum(len(m.result.bindings) for m in modules.values())
    unbound = [u for m in modules.values() for u in m.result.unbound]
    assert bound / sets >= 0.99, unbound
    assert (bound, sets, unbound) == (725, 725, [])
    assert not any(
        d.rule in ("PG092", "PG093", "PG094") for m in modules.values() for d in m.result.diagnostics
    )


def test_placeholders_cover_every_path_parameter_and_name_a_parameter_of_the_set(
    modules: dict[str, Module],
) -> None:
    for module in modules.values():
        sets = {(c.name, s.name): s for c in module.cmdlets for s in c.parameter_sets}
        for binding in module.result.bindings:
            path_parameters = [p.name for p in binding.operation.path_parameters]
            assert sorted(ph for ph, _ in binding.placeholders) == sorted(path_parameters), binding
            names = {p.name for p in sets[(binding.cmdlet, binding.parameter_set)].parameters}
            for placeholder, parameter in binding.placeholders:
                if "ViaIdentity" in binding.parameter_set:
                    assert "InputObject" in names and parameter, binding  # the identity carries it
                else:
                    assert parameter in names, (binding.cmdlet, binding.parameter_set, placeholder)


def test_curl_samples_agree_with_the_binding_but_four_wrong_ones(modules: dict[str, Module]) -> None:
    agree, disagree = 0, set()
    for module in modules.values():
        base = urlsplit(module.description.servers[0].url).path
        bound: dict[str, list[tuple[str, str]]] = {}
        for binding in module.result.bindings:
            bound.setdefault(binding.cmdlet, []).append((binding.method, binding.path))
        for cmdlet in module.cmdlets:
            for sample in cmdlet.samples:
                path = urlsplit(sample.url).path
                if any(sample.method == m and sample_agrees(path, p, base) for m, p in bound[cmdlet.name]):
                    agree += 1
                else:
                    disagree.add((cmdlet.name, f"{sample.method} {path}"))
    assert (agree, disagree) == (218, WRONG_SAMPLES)
    reported = {
        d.message.split(":")[0] for m in modules.values() for d in m.result.diagnostics if d.rule == "PG098"
    }
    assert reported == {name for name, _ in WRONG_SAMPLES}


def test_the_binding_table(modules: dict[str, Module], snapshot) -> None:  # type: ignore[no-untyped-def]
    lines = ["cmdlet\tset\tmethod\tpath\toperationId"]
    for module in modules.values():
        for b in sorted(module.result.bindings, key=lambda b: (b.cmdlet, b.parameter_set)):
            lines.append(f"{b.cmdlet}\t{b.parameter_set}\t{b.method}\t{b.path}\t{b.operation.operation_id}")
    snapshot.snapshot_dir = ROOT / "tests" / "snapshots" / "bind"
    snapshot.assert_match("\n".join(lines) + "\n", "jumpcloud_autorest_bindings.tsv")


def test_the_config_transform_renames_the_property_autorest_calls_system_id(
    modules: dict[str, Module],
) -> None:
    v1 = modules["JumpCloud.SDK.V1"].description
    assert v1.schemas["commandresultbycommandid"].properties["system"].client_name == "systemId"
    assert v1.schemas["commandresultssearchlist.results[]"].properties["system"].client_name == "systemId"


def test_servers_and_security_of_the_corpus(modules: dict[str, Module]) -> None:
    v2 = modules["JumpCloud.SDK.V2"].description
    assert v2.servers[0].url == "https://{consoleHost}.jumpcloud.com/api/v2"
    assert (v2.servers[0].variables[0].name, v2.servers[0].variables[0].default) == ("consoleHost", "console")
    assert v2.security_schemes["x-api-key"].parameter == "x-api-key"
    assert Path(v2.operations[0].origin.split(":")[0]).name == "JumpCloud.SDK.V2.json"
