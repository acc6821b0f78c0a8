"""The command line's engine where it is written (generator/runtime/_cli.py): JSON option values,
output formats, usage errors, and a program built from one command, run without sending anything."""

from __future__ import annotations

import io
import json
import sys
import types
from pathlib import Path
from typing import Any

import click
import httpx
import pytest
from click.testing import CliRunner

from generator.runtime import _cli, _constants
from generator.runtime import _runtime as rt


# ---------------------------------------------------------------------------------- JSON values
def test_json_is_read_inline_from_a_file_or_from_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "body.json").write_text('{"state": "Active"}', encoding="utf-8")
    assert _cli.load_json("[1, 2]") == [1, 2]
    assert _cli.load_json(f"@{tmp_path / 'body.json'}") == {"state": "Active"}
    monkeypatch.setattr("sys.stdin", io.StringIO('"from stdin"'))
    assert _cli.load_json("-") == "from stdin"


def test_bad_json_says_where_with_line_and_column(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"^not valid JSON: Expecting value at line 1 column 7$"):
        _cli.load_json('{"a": }')
    (tmp_path / "bad.json").write_text('{\n  "a": }', encoding="utf-8")
    with pytest.raises(
        ValueError, match=r"not valid JSON in .*bad\.json: Expecting value at line 2 column 8"
    ):
        _cli.load_json(f"@{tmp_path / 'bad.json'}")


def test_a_file_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"cannot read .*missing\.json: No such file or directory"):
        _cli.load_json(f"@{tmp_path / 'missing.json'}")


# --------------------------------------------------------------------------------------- output
ROWS = [{"id": "1", "displayName": "Ann", "tags": ["a"]}, {"id": "2", "accountEnabled": False}]


def test_json_output_is_indented_and_keeps_non_ascii() -> None:
    assert _cli.render({"name": "é"}, "json") == '{\n  "name": "é"\n}'


def test_table_and_tsv_show_the_scalar_properties_in_order_of_appearance() -> None:
    assert _cli.render(ROWS, "tsv") == "1\tAnn\t\n2\t\tfalse"
    assert _cli.render(ROWS, "table") == (
        "id  displayName  accountEnabled\n--  -----------  --------------\n1   Ann\n2                false"
    )


def test_table_cells_longer_than_sixty_characters_are_cut() -> None:
    line = _cli.render([{"text": "x" * 70}], "table")
    assert line is not None and line.split("\n")[2] == "x" * 57 + "..."


def test_nothing_is_printed_for_no_content_and_scalars_print_as_they_are() -> None:
    assert _cli.render(None, "json") is None
    assert _cli.render(7, "table") == "7"
    assert _cli.render(["a", "b"], "tsv") == "a\nb"


# -------------------------------------------------------------------------------------- a program
OPERATION = rt.OperationSpec(
    "Update-MgThing",
    (
        rt.Arg("thing_id", "path", flags=("--thing-id", "--id")),
        rt.Arg("state", "field", path=("schedule", "state"), choices=("Active", "Paused")),
    ),
    (
        rt.SetSpec(
            "Update",
            True,
            "PATCH",
            rt.Service("https://graph.example/v1.0"),
            "/things/{thing-id}",
            "item",
            rt.names("thing_id"),
            rt.names("thing_id state"),
            (("thing-id", "ThingId", "thing_id"),),
        ),
    ),
    noun="thing",
    verb="update",
)


@pytest.fixture(autouse=True)
def operation_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """The index and the one operation module a generated package would have, at the source."""
    index = types.ModuleType("generator.runtime._operations")
    index.METHODS = {"update_thing": ("Update-MgThing", "")}  # type: ignore[attr-defined]
    index.CMDLETS = {"Update-MgThing": ("thing", "UPDATE_THING")}  # type: ignore[attr-defined]
    index.COMMANDS = {"thing": {"update": "Update-MgThing"}}  # type: ignore[attr-defined]
    module = types.ModuleType("generator.runtime._operations.thing")
    module.UPDATE_THING = OPERATION  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "generator.runtime._operations", index)
    monkeypatch.setitem(sys.modules, "generator.runtime._operations.thing", module)
    _cli._cmdlets.cache_clear()


def run(*args: str) -> Any:
    return CliRunner().invoke(_cli.build(), list(args), env={_constants.TOKEN_ENV: "s3cret"})


def test_the_program_is_named_from_the_constants_and_reads_its_token_variable() -> None:
    result = run("--help")
    assert result.exit_code == 0, result.output
    assert f"Usage: {_constants.PROG} [OPTIONS] COMMAND" in result.output
    assert _constants.TOKEN_ENV in result.output  # [env var: ...], wrapped as click likes
    assert "thing" in result.output and "Update-MgThing" not in result.output


def test_a_dry_run_prints_the_request_with_the_user_agent_and_no_token() -> None:
    result = run("thing", "update", "--id", "a/b", "--state", "active", "--dry-run")
    assert result.exit_code == 0, result.output
    lines = result.output.split("\n")
    assert lines[0] == "PATCH https://graph.example/v1.0/things/a%2Fb"
    assert f"User-Agent: {_constants.USER_AGENT}" in lines
    assert json.loads(result.output[result.output.index("\n\n") :]) == {"schedule": {"state": "Active"}}
    assert "s3cret" not in result.output


def test_a_run_prepares_its_request_once_and_sends_the_one_it_showed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    prepared: list[rt.PreparedRequest] = []
    sent: list[rt.PreparedRequest] = []
    prepare = rt.BaseClient._prepare

    def counting(self: rt.BaseClient, *args: Any) -> Any:
        chosen, request = prepare(self, *args)
        prepared.append(request)
        return chosen, request

    def send(self: rt.BaseClient, request: rt.PreparedRequest) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    monkeypatch.setattr(rt.BaseClient, "_prepare", counting)
    monkeypatch.setattr(rt.BaseClient, "_send", send)
    result = run("--debug", "thing", "update", "--id", "1", "--state", "Active")
    assert result.exit_code == 0, result.output
    assert len(prepared) == 1 and sent == prepared
    assert f"client-request-id: {sent[0].headers['client-request-id']}" in result.output


def test_the_help_is_made_only_when_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    made = _cli._help_text
    calls: list[str] = []

    def help_text(op: rt.OperationSpec, texts: dict[str, Any]) -> str:
        calls.append(op.cmdlet)
        return made(op, texts)

    monkeypatch.setattr(_cli, "_help_text", help_text)
    assert run("thing", "--help").exit_code == 0  # lists the verbs with their short help
    assert run("thing", "update", "--id", "1", "--dry-run").exit_code == 0
    assert calls == []
    result = run("thing", "update", "--help")
    assert result.exit_code == 0 and "Update: PATCH /things/{thing-id}" in result.output
    assert calls == ["Update-MgThing"]


def test_the_cmdlet_name_works_in_any_case() -> None:
    result = run("update-mgthing", "--thing-id", "1", "--what-if")
    assert result.exit_code == 0 and result.output.startswith("PATCH https://graph.example/v1.0/things/1\n")


def test_a_call_that_fits_no_set_is_a_usage_error_in_option_names() -> None:
    result = run("thing", "update", "--state", "Active")
    assert result.exit_code == 2
    assert "the options match no parameter set of Update-MgThing" in result.output
    assert "Update: missing --thing-id" in result.output


def test_the_usage_text_swaps_argument_names_for_option_names() -> None:
    message = "update_thing() matches no parameter set of Update-MgThing:\n  Update: missing thing_id; does not take state"
    assert _cli._usage_text(message, OPERATION) == (
        "the options match no parameter set of Update-MgThing:\n  Update: missing --thing-id; does not take --state"
    )
    argument = "schedule_interval: expected an ISO 8601 duration such as PT40M, got '40m'"
    assert _cli._usage_text(argument, OPERATION) == argument  # no option of that name here
    assert _cli._usage_text("state: expected one of Active, Paused", OPERATION) == (
        "--state: expected one of Active, Paused"
    )


def test_the_help_shows_the_sets_and_the_format_of_each_option() -> None:
    result = run("thing", "update", "--help")
    assert result.exit_code == 0, result.output
    assert "Update: PATCH /things/{thing-id}" in result.output and "requires --thing-id" in result.output
    assert "--thing-id, --id TEXT" in result.output and "--state [active|paused]" in result.output


def test_json_options_report_bad_json_as_a_bad_parameter() -> None:
    option = _cli._option(rt.Arg("body", "body", kind="json"), "")
    with pytest.raises(click.BadParameter, match="not valid JSON"):
        option.process_value(click.Context(click.Command("x")), "{")
