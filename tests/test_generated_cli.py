"""The generated command line (`python -m graph_sdk`): parsing, help, errors and exit codes in-process with
click's CliRunner, then as a subprocess against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from click.testing import CliRunner

from support import GENERATED, ROOT

UPDATE_JOB = [
    "application-synchronization-job",
    "update",
    "--application-id",
    "A",
    "--synchronization-job-id",
    "J",
]
JOB_PATH = "/v1.0/applications/A/synchronization/jobs/J"


# ------------------------------------------------------------------------------------------ in-process
@pytest.fixture
def cli(generated_on_path: None) -> Any:
    import graph_sdk.cli

    return graph_sdk.cli


def invoke(cli: Any, *args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(
        cli.main, list(args), prog_name="graph-sdk", input=input, env={"GRAPH_SDK_TOKEN": ""}
    )


def _stable(text: str) -> str:
    return re.sub(r"client-request-id: [0-9a-f-]+", "client-request-id: <uuid>", text)


def test_help_of_the_program_and_of_a_command_snapshot(cli: Any, snapshot: Any) -> None:
    snapshot.snapshot_dir = ROOT / "tests" / "snapshots" / "cli"
    root = invoke(cli, "--help")
    noun = invoke(cli, "application-synchronization-job", "--help")
    update = invoke(cli, *UPDATE_JOB[:2], "--help")
    assert root.exit_code == noun.exit_code == update.exit_code == 0
    snapshot.assert_match(root.output, "root_help.txt")
    snapshot.assert_match(noun.output, "application_synchronization_job_help.txt")
    snapshot.assert_match(update.output, "application_synchronization_job_update_help.txt")


def test_help_shows_synopsis_sets_aliases_and_property_trees(cli: Any) -> None:
    text = invoke(cli, *UPDATE_JOB[:2], "--help").output
    assert "Update the navigation property jobs in applications" in text
    assert "PowerShell: Update-MgApplicationSynchronizationJob" in text
    assert "requires --application-id, --body, --synchronization-job-id" in text
    assert "--application-id, --object-id" in text  # the PowerShell alias ObjectId
    assert "--schedule <SynchronizationSchedule>" in text
    assert "state? <Active|Disabled|Paused>" in text  # the property tree comes from the models
    assert "--schedule-interval DURATION" in text and "(an ISO 8601 duration, e.g. PT40M)" in text
    assert "--dry-run, --what-if" in text


def test_the_cmdlet_name_is_a_hidden_alias_in_any_case(cli: Any) -> None:
    assert "Update-MgApplicationSynchronizationJob" not in invoke(cli, "--help").output
    for name in ("Update-MgApplicationSynchronizationJob", "update-mgapplicationsynchronizationjob"):
        result = invoke(cli, name, *UPDATE_JOB[2:], "--schedule-state", "Active", "--dry-run")
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"PATCH https://graph.microsoft.com{JOB_PATH}\n")


def test_dry_run_prints_the_request_with_authorization_redacted(cli: Any) -> None:
    result = invoke(cli, "--token", "s3cret", *UPDATE_JOB, "--schedule-state", "Active", "--what-if")
    assert result.exit_code == 0, result.output
    assert "s3cret" not in result.output
    assert _stable(result.output) == (
        f"PATCH https://graph.microsoft.com{JOB_PATH}\n"
        "Accept: application/json\n"
        "User-Agent: graph_sdk/generated (platygen; python-httpx)\n"
        "Content-Type: application/json\n"
        "client-request-id: <uuid>\n"
        "Authorization: [REDACTED]\n"
        "\n"
        '{\n  "schedule": {\n    "state": "Active"\n  }\n}\n'
    )


def test_base_url_replaces_scheme_and_host_and_keeps_the_service_path(cli: Any) -> None:
    result = invoke(
        cli, "--base-url", "http://localhost:8080/", "beta-user", "get", "--user-id", "u", "--dry-run"
    )
    assert result.output.startswith("GET http://localhost:8080/beta/users/u\n"), result.output


def test_repeated_options_and_odata_options(cli: Any) -> None:
    result = invoke(
        cli, "user", "get", "--property", "id", "--select", "displayName", "--top", "3", "--dry-run"
    )
    assert result.exit_code == 0, result.output
    assert (
        result.output.split("\n")[0]
        == "GET https://graph.microsoft.com/v1.0/users?$select=id,displayName&$top=3"
    )


def test_no_parameter_set_is_a_usage_error_naming_the_options(cli: Any) -> None:
    result = invoke(cli, *UPDATE_JOB[:4], "--schedule-state", "Active")
    assert result.exit_code == 2
    assert "the options match no parameter set of Update-MgApplicationSynchronizationJob" in result.output
    assert "UpdateExpanded: missing --synchronization-job-id" in result.output
    assert "Update: missing --body, --synchronization-job-id; does not take --schedule-state" in result.output


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('{"schedule": }', "not valid JSON: Expecting value at line 1 column 14"),
        (
            '{\n  "a": 1,\n}',
            "not valid JSON: Expecting property name enclosed in double quotes at line 3 column 1",
        ),
    ],
)
def test_bad_json_names_the_option_and_the_position(cli: Any, value: str, message: str) -> None:
    result = invoke(cli, *UPDATE_JOB, "--body", value)
    assert result.exit_code == 2
    assert f"Invalid value for '--body': {message}" in result.output


def test_body_from_a_file_and_from_stdin(cli: Any, tmp_path: Path) -> None:
    good = tmp_path / "job.json"
    good.write_text('{"schedule": {"state": "Paused"}}', encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('{\n"x": tru\n}', encoding="utf-8")
    from_file = invoke(cli, *UPDATE_JOB, "--body", f"@{good}", "--dry-run")
    from_stdin = invoke(cli, *UPDATE_JOB, "--body", "-", "--dry-run", input='{"templateId": "t"}')
    broken = invoke(cli, *UPDATE_JOB, "--body", f"@{bad}")
    missing = invoke(cli, *UPDATE_JOB, "--body", f"@{tmp_path / 'nope.json'}")
    assert '"state": "Paused"' in from_file.output
    assert '"templateId": "t"' in from_stdin.output
    assert broken.exit_code == missing.exit_code == 2
    assert f"not valid JSON in {bad}: Expecting value at line 2 column 6" in broken.output
    assert "cannot read" in missing.output and "nope.json" in missing.output


def test_yaml_and_jmespath_are_optional_with_a_clear_message(cli: Any, tmp_path: Path) -> None:
    body = tmp_path / "job.yaml"
    body.write_text("schedule:\n  state: Active\n", encoding="utf-8")
    try:
        import yaml  # noqa: F401
    except ImportError:
        result = invoke(cli, *UPDATE_JOB, "--body", f"@{body}", "--dry-run")
        assert result.exit_code == 2 and "needs PyYAML" in result.output
        assert "needs PyYAML" in invoke(cli, "--output", "yaml", "user", "get").output
    else:
        result = invoke(cli, *UPDATE_JOB, "--body", f"@{body}", "--dry-run")
        assert '"state": "Active"' in result.output
    try:
        import jmespath  # noqa: F401
    except ImportError:
        result = invoke(cli, "--query", "[].id", "user", "get")
        assert result.exit_code == 2 and "--query needs jmespath" in result.output


def test_render_formats(cli: Any) -> None:
    rows = [{"id": "1", "displayName": "Ann", "tags": ["a"]}, {"id": "2", "accountEnabled": False}]
    assert json.loads(cli.render(rows, "json")) == rows
    assert cli.render(rows, "tsv") == "1\tAnn\t\n2\t\tfalse"
    assert cli.render(rows, "table").split("\n") == [
        "id  displayName  accountEnabled",
        "--  -----------  --------------",
        "1   Ann",
        "2                false",
    ]
    assert cli.render(None, "json") is None
    assert cli.render(7, "table") == "7"


def test_an_unknown_option_is_a_usage_error(cli: Any) -> None:
    result = invoke(cli, *UPDATE_JOB, "--no-such-option", "x")
    assert result.exit_code == 2 and "No such option" in result.output


# ------------------------------------------------------------------------------------------ subprocess
@dataclass
class Received:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: Any


@dataclass
class Server:
    url: str
    requests: list[Received] = field(default_factory=list)
    # (method, path) → (status, JSON body or None, extra headers)
    answers: dict[tuple[str, str], tuple[int, Any, dict[str, str]]] = field(default_factory=dict)


@pytest.fixture
def server() -> Iterator[Server]:
    state = Server("")

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            state.requests.append(
                Received(
                    self.command,
                    parts.path,
                    dict(parse_qsl(parts.query)),
                    {k.lower(): v for k, v in self.headers.items()},
                    json.loads(raw) if raw else None,
                )
            )
            status, body, headers = state.answers.get((self.command, parts.path), (204, None, {}))
            data = json.dumps(body).encode() if body is not None else b""
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if data:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _answer

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


def run(server: Server, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(GENERATED),
        "PYTHONDONTWRITEBYTECODE": "1",
        "GRAPH_SDK_TOKEN": "tok-123",
    }
    return subprocess.run(
        [sys.executable, "-m", "graph_sdk", "--base-url", server.url, *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_get_with_odata_options_sends_the_query_and_prints_the_items(server: Server) -> None:
    server.answers[("GET", "/v1.0/users")] = (
        200,
        {"value": [{"id": "1", "displayName": "Ann"}, {"id": "2", "displayName": "Bo"}], "@odata.count": 2},
        {},
    )
    args = [
        "user",
        "get",
        "--filter",
        "startswith(displayName,'A')",
        "--property",
        "id",
        "--property",
        "displayName",
    ]
    result = run(server, *args, "--top", "2", "--count")
    assert result.returncode == 0, result.stderr
    (request,) = server.requests
    assert (request.method, request.path) == ("GET", "/v1.0/users")
    assert request.query == {
        "$filter": "startswith(displayName,'A')",
        "$select": "id,displayName",
        "$top": "2",
        "$count": "true",
    }
    assert request.headers["authorization"] == "Bearer tok-123"
    assert request.headers["consistencylevel"] == "eventual"
    assert json.loads(result.stdout) == [{"id": "1", "displayName": "Ann"}, {"id": "2", "displayName": "Bo"}]
    table = run(server, "--output", "table", *args)
    assert table.stdout.split("\n")[:3] == ["id  displayName", "--  -----------", "1   Ann"]


def test_update_with_expanded_options_patches_the_nested_property(server: Server) -> None:
    result = run(server, *UPDATE_JOB, "--schedule-state", "Active")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    (request,) = server.requests
    assert (request.method, request.path, request.body) == (
        "PATCH",
        JOB_PATH,
        {"schedule": {"state": "Active"}},
    )


def test_update_with_a_body_file(server: Server, tmp_path: Path) -> None:
    body = {"schedule": {"interval": "PT40M", "state": "Paused"}, "templateId": "AzureAD2AAD"}
    (tmp_path / "job.json").write_text(json.dumps(body), encoding="utf-8")
    result = run(server, *UPDATE_JOB, "--body", f"@{tmp_path / 'job.json'}")
    assert result.returncode == 0, result.stderr
    (request,) = server.requests
    assert (request.method, request.path, request.body) == ("PATCH", JOB_PATH, body)


def test_new_posts_and_prints_the_created_object(server: Server) -> None:
    created = {"id": "J2", "templateId": "AzureAD2AAD", "schedule": {"state": "Active"}}
    server.answers[("POST", "/v1.0/applications/A/synchronization/jobs")] = (201, created, {})
    result = run(
        server,
        "application-synchronization-job",
        "new",
        "--application-id",
        "A",
        "--template-id",
        "AzureAD2AAD",
    )
    assert result.returncode == 0, result.stderr
    (request,) = server.requests
    assert (request.method, request.path, request.body) == (
        "POST",
        "/v1.0/applications/A/synchronization/jobs",
        {"templateId": "AzureAD2AAD"},
    )
    assert json.loads(result.stdout) == created


def test_remove_and_suspend(server: Server) -> None:
    remove = run(server, "application-synchronization-job", "remove", *UPDATE_JOB[2:])
    suspend = run(server, "Suspend-MgApplicationSynchronizationJob", *UPDATE_JOB[2:])
    assert remove.returncode == suspend.returncode == 0, remove.stderr + suspend.stderr
    assert [(r.method, r.path) for r in server.requests] == [
        ("DELETE", JOB_PATH),
        ("POST", JOB_PATH + "/pause"),
    ]


def test_an_api_error_exits_1_with_status_code_message_and_request_id(server: Server) -> None:
    error = {
        "error": {
            "code": "Request_ResourceNotFound",
            "message": "No job J.",
            "innerError": {"request-id": "rid-9"},
        }
    }
    server.answers[("DELETE", JOB_PATH)] = (404, error, {})
    result = run(server, "application-synchronization-job", "remove", *UPDATE_JOB[2:])
    assert result.returncode == 1
    assert result.stdout == ""
    assert "404 Request_ResourceNotFound: No job J. (request-id rid-9)" in result.stderr
    assert "tok-123" not in result.stderr


def test_dry_run_sends_nothing(server: Server) -> None:
    result = run(server, *UPDATE_JOB, "--schedule-state", "Active", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert server.requests == []
    assert result.stdout.startswith(f"PATCH {server.url}{JOB_PATH}\n")
    assert "Authorization: [REDACTED]" in result.stdout and "tok-123" not in result.stdout


def test_confirm_declined_sends_nothing_and_debug_redacts(server: Server) -> None:
    declined = run(server, *UPDATE_JOB, "--schedule-state", "Active", "--confirm", stdin="n\n")
    assert declined.returncode == 1 and server.requests == []
    debug = run(server, "--debug", *UPDATE_JOB, "--schedule-state", "Active", "--confirm", stdin="y\n")
    assert debug.returncode == 0, debug.stderr
    assert len(server.requests) == 1
    assert f"PATCH {server.url}{JOB_PATH}" in debug.stderr and "tok-123" not in debug.stderr


def test_debug_shows_the_request_that_is_sent_with_its_client_request_id(server: Server) -> None:
    result = run(server, "--debug", *UPDATE_JOB, "--schedule-state", "Active")
    assert result.returncode == 0, result.stderr
    (request,) = server.requests
    shown = re.findall(r"^client-request-id: (\S+)$", result.stderr, re.MULTILINE)
    assert shown == [request.headers["client-request-id"]]


# ------------------------------------------------------------------------------------------ generator
def test_cli_name_setting_names_the_program_and_the_console_script(project: Path) -> None:
    from generator import config, pipeline
    from generator.render.renderer import render

    pyproject = project / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8").replace(
            "[tool.platygen]\n", '[tool.platygen]\ncli-name = "mg"\n'
        ),
        encoding="utf-8",
    )
    resolved, _, _, _ = pipeline.build(config.load(project))
    files = render(resolved)
    assert 'mg = "graph_sdk.cli:main"' in files["pyproject.toml"]
    assert 'PROG = "mg"' in files["graph_sdk/_constants.py"]
    assert 'TOKEN_ENV = "GRAPH_SDK_TOKEN"' in files["graph_sdk/_constants.py"]
    assert "main(prog_name=_constants.PROG)" in files["graph_sdk/__main__.py"]


def test_a_cli_name_that_is_no_command_name_is_a_config_error(project: Path) -> None:
    from generator import config

    pyproject = project / "pyproject.toml"
    pyproject.write_text(
        pyproject.read_text(encoding="utf-8").replace(
            "[tool.platygen]\n", '[tool.platygen]\ncli-name = "rm -rf"\n'
        ),
        encoding="utf-8",
    )
    with pytest.raises(config.ConfigError, match="cli-name"):
        config.load(project)
    assert config.load(ROOT).program == "graph-sdk"


def test_help_shows_the_examples_that_translate_to_command_lines(cli: Any) -> None:
    text = invoke(cli, "application", "remove", "--help").output
    assert "graph-sdk application remove --application-id 1bc44759-ef10-46de-b199-40c077768fff" in text


def test_all_follows_next_links_and_debug_logs_each_request(server: Server) -> None:
    server.answers[("GET", "/v1.0/users")] = (
        200,
        {"value": [{"id": "1"}], "@odata.nextLink": f"{server.url}/v1.0/users2?$skiptoken=x"},
        {},
    )
    server.answers[("GET", "/v1.0/users2")] = (200, {"value": [{"id": "2"}]}, {})
    result = run(server, "--debug", "--output", "tsv", "user", "get", "--all", "--page-size", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1\n2\n"
    assert [(r.path, r.query) for r in server.requests] == [
        ("/v1.0/users", {"$top": "1"}),
        ("/v1.0/users2", {"$skiptoken": "x"}),
    ]
    assert result.stderr.count("debug: GET") == 2 and "tok-123" not in result.stderr


def test_a_value_in_the_wrong_form_names_the_option_and_the_expected_form_and_sends_nothing(
    server: Server,
) -> None:
    result = run(server, *UPDATE_JOB, "--schedule-interval", "40m")
    assert result.returncode == 2
    assert (
        "Error: --schedule-interval: expected an ISO 8601 duration such as PT40M, got '40m'" in result.stderr
    )
    assert "validation error" not in result.stderr and "timedelta" not in result.stderr
    assert server.requests == []
    ok = run(server, *UPDATE_JOB, "--schedule-interval", "PT40M")
    assert ok.returncode == 0, ok.stderr
    assert server.requests[0].body == {"schedule": {"interval": "PT40M"}}


def test_the_odata_names_and_the_powershell_names_are_the_same_options(server: Server) -> None:
    by_odata = run(server, "user", "get", "--select", "id", "--order-by", "displayName", "--top", "1")
    by_powershell = run(server, "user", "get", "--property", "id", "--sort", "displayName", "--top", "1")
    assert by_odata.returncode == by_powershell.returncode == 0, by_odata.stderr + by_powershell.stderr
    first, second = server.requests
    assert first.path == second.path == "/v1.0/users"
    assert first.query == second.query == {"$select": "id", "$orderby": "displayName", "$top": "1"}
