"""The HTTP runtime's pure functions, where they are written (generator/runtime/_runtime.py): choosing
the parameter set, building paths and bodies, retries, errors and redaction, without a server."""

from __future__ import annotations

import email.utils
import time
from typing import Any

import httpx
import pytest

from generator.runtime import _runtime as rt
from generator.runtime._base import Model

GRAPH = "https://graph.microsoft.com/v1.0"


def a_set(name: str, required: str, allowed: str, default: bool = False) -> rt.SetSpec:
    return rt.SetSpec(
        name, default, "GET", rt.Service(GRAPH), "/things", "item", rt.names(required), rt.names(allowed), ()
    )


def an_operation(*sets: rt.SetSpec) -> rt.OperationSpec:
    return rt.OperationSpec("Get-MgThing", (), sets)


def a_request(method: str = "GET") -> rt.PreparedRequest:
    return rt.PreparedRequest(method, f"{GRAPH}/things/1", {"Authorization": rt.REDACTED})


# ------------------------------------------------------------------------------- parameter sets
def test_the_one_set_whose_required_and_allowed_arguments_fit_is_chosen() -> None:
    op = an_operation(a_set("List", "", "filter top", default=True), a_set("Get", "thing_id", "thing_id"))
    assert rt.choose_set(op, {"thing_id"}).name == "Get"
    assert rt.choose_set(op, {"filter"}).name == "List"


def test_among_sets_that_fit_the_one_needing_most_of_what_was_given_wins_then_the_default() -> None:
    op = an_operation(a_set("Any", "", "thing_id"), a_set("Get", "thing_id", "thing_id"))
    assert rt.choose_set(op, {"thing_id"}).name == "Get"
    tie = an_operation(a_set("A", "", "filter"), a_set("B", "", "filter", default=True))
    assert rt.choose_set(tie, set()).name == "B"


def test_no_set_fitting_names_each_set_with_what_is_missing_or_not_taken() -> None:
    op = an_operation(a_set("", "", "filter", default=True), a_set("Get", "thing_id", "thing_id"))
    with pytest.raises(TypeError) as caught:
        rt.choose_set(op, {"filter", "thing_id"}, method="get_thing")
    assert str(caught.value) == (
        "get_thing() matches no parameter set of Get-MgThing:\n"
        "  (default): does not take thing_id\n"
        "  Get: does not take filter"
    )
    with pytest.raises(TypeError, match="Get: missing thing_id"):
        rt.choose_set(an_operation(a_set("Get", "thing_id", "thing_id")), set())


def test_two_sets_fitting_equally_without_a_default_is_an_error() -> None:
    with pytest.raises(TypeError, match="matches several parameter sets"):
        rt.choose_set(an_operation(a_set("A", "", "filter"), a_set("B", "", "filter")), {"filter"})


def test_names_spells_a_set_of_argument_names_compactly() -> None:
    assert rt.names("b a") == frozenset({"a", "b"}) and rt.names("") == frozenset()


# ------------------------------------------------------------------------------ paths and bodies
@pytest.mark.parametrize(
    ("value", "segment"),
    [
        ("plain", "plain"),
        ("a/b c", "a%2Fb%20c"),
        ("?#'@", "%3F%23%27%40"),
        ("a.b", "a.b"),
        (".", "%2E"),
        ("..", "%2E%2E"),
        (42, "42"),
    ],
)
def test_a_path_value_stays_one_segment(value: Any, segment: str) -> None:
    assert rt._segment(value) == segment


def test_an_expanded_body_argument_lands_at_its_json_path() -> None:
    fields: dict[str, Any] = {}
    rt._place(fields, ("schedule", "state"), "Active")
    rt._place(fields, ("displayName",), "Job")
    assert fields == {"schedule": {"state": "Active"}, "displayName": "Job"}


def test_a_parent_given_whole_is_copied_before_a_nested_argument_adds_to_it() -> None:
    schedule = {"interval": "PT40M"}
    fields: dict[str, Any] = {}
    rt._place(fields, ("schedule",), schedule)
    rt._place(fields, ("schedule", "state"), "Active")
    assert fields == {"schedule": {"interval": "PT40M", "state": "Active"}}
    assert schedule == {"interval": "PT40M"}


def test_a_whole_parent_given_after_a_nested_argument_keeps_the_nested_value() -> None:
    fields: dict[str, Any] = {}
    rt._place(fields, ("schedule", "state"), "Active")
    rt._place(fields, ("schedule",), {"state": "Paused", "interval": "PT1H"})
    assert fields == {"schedule": {"state": "Active", "interval": "PT1H"}}


def test_a_model_is_placed_as_its_wire_json() -> None:
    class Schedule(Model):
        state: str | None = None

    fields: dict[str, Any] = {}
    rt._place(fields, ("schedule",), Schedule(state="Active"))
    assert fields == {"schedule": {"state": "Active"}}


def test_base_url_replaces_scheme_and_host_and_keeps_the_service_path() -> None:
    assert rt._with_origin(GRAPH, "http://127.0.0.1:8080/") == "http://127.0.0.1:8080/v1.0"
    assert rt._with_origin(GRAPH, None) == GRAPH


ROOTS = ("/v1.0", "/beta")
BETA = "https://graph.microsoft.com/beta"


@pytest.mark.parametrize(
    ("root", "base_url", "expected"),
    [
        # How every Graph user writes it: the service path is not doubled...
        (GRAPH, "https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/v1.0"),
        (GRAPH, "https://graph.microsoft.com/v1.0/", "https://graph.microsoft.com/v1.0"),
        # ... and a beta call given the v1.0 URL still goes to /beta.
        (BETA, "https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/beta"),
        (GRAPH, "https://graph.microsoft.com/beta", "https://graph.microsoft.com/v1.0"),
        (BETA, "http://127.0.0.1:9/", "http://127.0.0.1:9/beta"),
        # Any other path is where the services are mounted (a proxy), the service path after it.
        (GRAPH, "https://proxy.example/graph", "https://proxy.example/graph/v1.0"),
        (BETA, "https://proxy.example/graph/v1.0", "https://proxy.example/graph/beta"),
        # JumpCloud: /api and /api/v2 are two services; either given sends each call to its own.
        (
            "https://console.jumpcloud.com/api/v2",
            "https://console.eu.jumpcloud.com/api",
            "https://console.eu.jumpcloud.com/api/v2",
        ),
        (
            "https://console.jumpcloud.com/api",
            "https://console.eu.jumpcloud.com/api/v2",
            "https://console.eu.jumpcloud.com/api",
        ),
    ],
)
def test_base_url_with_or_without_a_service_path_never_doubles_or_swaps_it(
    root: str, base_url: str, expected: str
) -> None:
    roots = ROOTS if "graph" in root else ("/api", "/api/v2")
    assert rt._with_origin(root, base_url, roots) == expected


# ------------------------------------------------------------------------------------- retries
def answer(status: int, **headers: str) -> httpx.Response:
    return httpx.Response(status, headers=headers)


def test_retry_after_in_seconds_milliseconds_or_an_http_date() -> None:
    assert rt._retry_after(answer(429, **{"Retry-After": "7"})) == 7.0
    assert rt._retry_after(answer(429, **{"retry-after-ms": "1500", "Retry-After": "7"})) == 1.5
    soon = email.utils.formatdate(time.time() + 60, usegmt=True)
    assert 55 <= (rt._retry_after(answer(503, **{"Retry-After": soon})) or 0) <= 60
    assert rt._retry_after(answer(429, **{"Retry-After": "soon"})) is None
    assert rt._retry_after(None) is None


def test_throttling_waits_as_long_as_the_server_asks_up_to_four_times_the_cap() -> None:
    policy = rt.RetryPolicy(max_backoff=10.0)
    assert policy.delay(0, answer(429, **{"Retry-After": "7"}), "GET") == 7.0
    assert policy.delay(0, answer(429, **{"Retry-After": "3600"}), "GET") == 40.0


def test_without_retry_after_the_backoff_doubles_with_jitter_under_a_cap() -> None:
    policy = rt.RetryPolicy(backoff=0.5, max_backoff=3.0)
    for attempt, full in [(0, 0.5), (1, 1.0), (2, 2.0)]:
        wait = policy.delay(attempt, answer(503), "GET")
        assert wait is not None and full / 2 <= wait <= full
    capped = rt.RetryPolicy(backoff=0.5, max_backoff=3.0, max_retries=10).delay(8, answer(503), "GET")
    assert capped is not None and capped <= 3.0


def test_retries_stop_after_max_retries_and_on_statuses_that_are_not_transient() -> None:
    policy = rt.RetryPolicy(max_retries=2)
    assert policy.delay(2, answer(503), "GET") is None
    assert policy.delay(0, answer(500), "GET") is None
    assert policy.delay(0, answer(404), "GET") is None


def test_a_post_is_retried_only_when_it_cannot_have_been_processed() -> None:
    policy = rt.RetryPolicy()
    assert policy.delay(0, answer(504), "POST") is None
    assert policy.delay(0, answer(503, **{"Retry-After": "1"}), "POST") == 1.0
    assert policy.delay(0, answer(429), "PATCH") is not None
    assert policy.delay(0, None, "POST", httpx.ConnectError("refused")) is not None
    assert policy.delay(0, None, "POST", httpx.ReadTimeout("slow")) is None
    assert policy.delay(0, None, "GET", httpx.ReadTimeout("slow")) is not None


# -------------------------------------------------------------------------------------- errors
def test_graph_error_json_gives_class_code_message_and_request_id() -> None:
    body = {
        "error": {"code": "Request_ResourceNotFound", "message": "Gone.", "innerError": {"request-id": "r-1"}}
    }
    error = rt.error_from_response(httpx.Response(404, json=body), a_request())
    assert isinstance(error, rt.NotFoundError)
    assert (error.status, error.code, error.message, error.request_id) == (
        404,
        "Request_ResourceNotFound",
        "Gone.",
        "r-1",
    )
    assert str(error) == f"404 Request_ResourceNotFound: Gone. (request-id r-1) [GET {GRAPH}/things/1]"


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, rt.BadRequestError),
        (401, rt.AuthenticationError),
        (403, rt.PermissionDeniedError),
        (409, rt.ConflictError),
        (429, rt.RateLimitError),
        (502, rt.ServerError),
        (418, rt.ApiError),
    ],
)
def test_the_status_chooses_the_error_class(status: int, kind: type[rt.ApiError]) -> None:
    assert type(rt.error_from_response(httpx.Response(status), a_request())) is kind


def test_a_plain_text_or_message_only_error_body_is_the_message() -> None:
    text = rt.error_from_response(httpx.Response(500, text="upstream down"), a_request())
    assert text.message == "upstream down" and text.body == "upstream down" and text.code is None
    message = rt.error_from_response(httpx.Response(400, json={"message": "bad id"}), a_request())
    assert message.message == "bad id"
    headers = rt.error_from_response(httpx.Response(503, headers={"request-id": "h-1"}), a_request())
    assert headers.message == "Service Unavailable" and headers.request_id == "h-1"


def test_redact_hides_secret_headers_in_any_case_and_keeps_the_rest() -> None:
    headers = {
        "authorization": "Bearer s3cret",
        "Cookie": "c",
        "X-Api-Key": "k",
        "Accept": "application/json",
    }
    assert rt.redact(headers) == {
        "authorization": rt.REDACTED,
        "Cookie": rt.REDACTED,
        "X-Api-Key": rt.REDACTED,
        "Accept": "application/json",
    }


def test_a_prepared_request_prints_as_the_http_it_would_send() -> None:
    request = rt.PreparedRequest("PATCH", f"{GRAPH}/things/1", {"Accept": "application/json"}, {"name": "é"})
    assert str(request) == f'PATCH {GRAPH}/things/1\nAccept: application/json\n\n{{\n  "name": "é"\n}}'
