"""What an API description changes in the requests a generated client sends: the service's URL and its
variables, the security scheme the credential goes in, and the values models accept.

A small AutoRest-style module is written here (OpenAPI 3 + platyPS help), generated, imported and
called against a server on 127.0.0.1.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pydantic
import pytest
from pytest_httpserver import HTTPServer

from support import generate_package, imported

PACKAGE = "things_sdk"
THING = str(uuid.UUID(int=7))

DESCRIPTION: dict[str, Any] = {
    "openapi": "3.0.1",
    "info": {"title": "Things", "version": "1"},
    "servers": [
        {
            "url": "https://{region}.example.com/v1",
            "variables": {"region": {"default": "us", "enum": ["us", "eu"]}},
        }
    ],
    "components": {
        "securitySchemes": {
            "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
            "reportKey": {"type": "apiKey", "in": "query", "name": "api_key"},
        },
        "schemas": {
            "thing": {
                "type": "object",
                "properties": {
                    "id": {"type": "string", "format": "uuid"},
                    "state": {"type": "string", "enum": ["on", "off"]},
                    "displayName": {"type": "string"},
                },
            }
        },
    },
    "security": [{"key": []}],
    "paths": {
        "/things": {
            "get": {
                "operationId": "Things_List",
                "responses": {
                    "200": {
                        "description": "",
                        "content": {
                            "application/json": {
                                "schema": {"type": "array", "items": {"$ref": "#/components/schemas/thing"}}
                            }
                        },
                    }
                },
            }
        },
        "/things/{id}": {
            "get": {
                "operationId": "Things_Get",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {
                    "200": {
                        "description": "",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/thing"}}},
                    }
                },
            }
        },
        # A Get set (not List) whose answer is an array: AutoRest's traversal cmdlets, JumpCloud's v2.
        "/things/{id}/parts": {
            "get": {
                "operationId": "ThingPart_Get",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {
                    "200": {
                        "description": "",
                        "content": {
                            "application/json": {
                                "schema": {"type": "array", "items": {"$ref": "#/components/schemas/thing"}}
                            }
                        },
                    }
                },
            }
        },
        "/health": {
            "get": {"operationId": "Health_Get", "security": [], "responses": {"204": {"description": ""}}}
        },
        "/reports": {
            "get": {
                "operationId": "Reports_List",
                "security": [{"reportKey": []}],
                "responses": {"200": {"description": ""}},
            }
        },
    },
}

PARAMETER = """### -{name}
{text}

```yaml
Type: {type}
Parameter Sets: {sets}
Aliases:

Required: True
Position: Named
Default value: None
Accept pipeline input: False
Accept wildcard characters: False
```
"""


def help_file(name: str, sets: dict[str, list[str]], output: str = "", notes: str = "") -> str:
    """An AutoRest-style help file (schema 2.0.0) whose sets take the given string parameters."""
    syntax = "\n".join(
        f"### {set_name}{' (Default)' if i == 0 else ''}\n```\n{name} "
        + " ".join(f"-{p} <String>" for p in params)
        + " [<CommonParameters>]\n```\n"
        for i, (set_name, params) in enumerate(sets.items())
    )
    every = sorted({p for params in sets.values() for p in params})
    blocks = "\n".join(
        PARAMETER.format(
            name=p,
            text="Region of the service." if p == "Region" else "The thing's id.",
            type="System.String",
            sets=", ".join(s for s, params in sets.items() if p in params),
        )
        for p in every
    )
    outputs = f"## OUTPUTS\n\n### Things.Models.{output}\n\n" if output else ""
    notes_text = f"## NOTES\n\nCOMPLEX PARAMETER PROPERTIES\n\n{notes}\n" if notes else ""
    return (
        f"---\nModule Name: Things\nschema: 2.0.0\n---\n\n# {name}\n\n## SYNOPSIS\nDoes it.\n\n## SYNTAX\n\n{syntax}\n"
        f"## DESCRIPTION\nDoes it.\n\n## PARAMETERS\n\n{blocks}\n{outputs}{notes_text}"
    )


FILES = {
    # AutoRest makes the server's variables parameters of every cmdlet (JumpCloud's -ConsoleHost).
    "specs/Things/Get-ExThing.md": help_file(
        "Get-ExThing", {"List": ["Region"], "Get": ["Region", "Id"]}, output="IThing"
    ),
    "specs/Things/Get-ExThingPart.md": help_file(
        "Get-ExThingPart", {"Get": ["Region", "Id"]}, output="IThing"
    ),
    "specs/Things/Get-ExHealth.md": help_file("Get-ExHealth", {"Get": ["Region"]}),
    "specs/Things/Get-ExReport.md": help_file("Get-ExReport", {"List": ["Region"]}),
    "api/things.json": json.dumps(DESCRIPTION),
}
SETTINGS = '[tool.platygen.api-descriptions]\n"Things" = ["api/things.json"]\n'


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    output = generate_package(tmp_path_factory.mktemp("things"), FILES, SETTINGS, PACKAGE)
    with imported(output, PACKAGE) as package:
        import importlib

        yield importlib.import_module(f"{PACKAGE}.client"), importlib.import_module(f"{PACKAGE}.models")


def test_the_url_is_the_descriptions_server_with_its_variables(sdk: Any) -> None:
    client_module, _ = sdk
    client = client_module.Client("secret")
    assert client.prepare(client.get_thing, id=THING).url == f"https://us.example.com/v1/things/{THING}"
    # A client setting, or the cmdlet's own -Region, fills the variable.
    eu = client_module.Client("secret", server_variables={"region": "eu"})
    assert eu.prepare(eu.get_thing, id=THING).url.startswith("https://eu.example.com/v1/")
    assert client.prepare(client.list_things, region="eu").url == "https://eu.example.com/v1/things"


def test_the_credential_goes_where_the_security_scheme_says_and_is_never_shown(
    sdk: Any, httpserver: HTTPServer
) -> None:
    client_module, _ = sdk
    httpserver.expect_request(f"/v1/things/{THING}", headers={"X-Key": "secret"}).respond_with_json(
        {"id": THING, "state": "on"}
    )
    httpserver.expect_request("/v1/reports", query_string="api_key=secret").respond_with_json({})
    httpserver.expect_request("/v1/health").respond_with_data("", status=204)
    with client_module.Client("secret", base_url=httpserver.url_for("/v1")) as client:
        thing = client.get_thing(id=THING)
        assert "Authorization" not in httpserver.log[-1][0].headers  # an API key, not a bearer token
        client.list_reports()
        assert client.get_health() is None
        health = httpserver.log[-1][0]
        assert "X-Key" not in health.headers and "api_key" not in health.query_string.decode()
        shown = str(client.prepare(client.get_thing, id=THING)) + str(client.prepare(client.list_reports))
    assert thing.id == uuid.UUID(THING)  # format: uuid
    assert "secret" not in shown and "X-Key: [REDACTED]" in shown


def test_an_operation_that_answers_with_an_array_is_a_list_method_of_parsed_models(
    sdk: Any, httpserver: HTTPServer
) -> None:
    client_module, models = sdk
    assert not hasattr(client_module.Client, "get_thing_part")  # the help's set is named Get
    httpserver.expect_request(f"/v1/things/{THING}/parts").respond_with_json(
        [{"id": THING, "state": "on"}, {"displayName": "second"}]
    )
    with client_module.Client("secret", base_url=httpserver.url_for("/v1")) as client:
        page = client.list_thing_parts(id=THING)
        every = list(client.list_thing_parts(id=THING, all=True))
    assert isinstance(page, client_module.Page) and not page.has_next_page()
    assert [type(item) for item in page] == [models.Thing, models.Thing]
    assert page[0].state == "on" and page[1].display_name == "second"
    assert every == list(page)


def test_an_enum_of_the_description_takes_its_values_from_callers_and_anything_from_the_service(
    sdk: Any,
) -> None:
    _, models = sdk
    assert models.Thing(state="off").state == "off"
    with pytest.raises(pydantic.ValidationError):
        models.Thing(state="dimmed")
    assert models.Thing.from_wire({"state": "dimmed"}).state == "dimmed"  # added by the service later
    with pytest.raises(pydantic.ValidationError):
        models.Thing(id="not-a-uuid")


def test_the_command_line_offers_the_variables_and_says_what_the_credential_is(
    tmp_path: Path, sdk: Any
) -> None:
    from click.testing import CliRunner

    import importlib

    cli = importlib.import_module(f"{PACKAGE}.cli")
    result = CliRunner().invoke(cli.main, ["--help"])
    assert "--region [us|eu]" in result.output
    assert "the API key, sent as the X-Key header" in " ".join(result.output.split())
    run = CliRunner().invoke(
        cli.main, ["--region", "eu", "--token", "s3", "thing", "get", "--id", THING, "--dry-run"]
    )
    assert run.exit_code == 0, run.output
    assert run.output.startswith(f"GET https://eu.example.com/v1/things/{THING}\n")
    assert "X-Key: [REDACTED]" in run.output and "s3" not in run.output
