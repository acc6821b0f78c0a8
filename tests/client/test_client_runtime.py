"""The runtime behind every method, against a real HTTP server: auth, retries, errors, paging, dry runs."""

from __future__ import annotations

import datetime as dt
import warnings
import email.utils
import socket
import ssl
from collections.abc import Callable, Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from graph_fake import TOKEN, FakeGraph, assert_sent_by_client

APP = "0f3c8d2e-7a41-4c55-9a4b-1d2e3f4a5b6c"
JOB = "AzureAD2AAD.e4bbf65ad3bd4f4bb0d0b8e2b0c4f7a1.0b6c1b2e"
NOT_FOUND = {
    "error": {
        "code": "Request_ResourceNotFound",
        "message": f"Resource '{APP}' does not exist or one of its queried reference-property objects are not present.",
        "innerError": {"date": "2026-11-02T10:00:00", "request-id": "abc", "client-request-id": "abc"},
    }
}


# ------------------------------------------------------------------------------------------- auth
def test_default_http_client(sdk: SimpleNamespace, graph: FakeGraph) -> None:
    """Without `http_client=` the client builds and closes its own httpx.Client."""
    graph.reply(200, {"id": APP})
    with sdk.Client(TOKEN, base_url=graph.origin) as client:
        assert client.get_application(application_id=APP).id == APP
    assert client._http.is_closed
    assert_sent_by_client(graph.only(), body=False)


def test_https_keeps_certificate_checks_and_plain_http_loads_no_ca_bundle(
    sdk: SimpleNamespace, graph: FakeGraph
) -> None:
    """The client's own transport is built per scheme on first use: plain http never builds a
    TLS-verifying one (its CA bundle costs ~20 ms), https gets httpx's verifying default."""
    graph.reply(200, {"id": APP})
    with sdk.Client(TOKEN, base_url=graph.origin, max_retries=0) as client:
        client.get_application(application_id=APP)
        transports = client._http._transport._by_scheme
        assert list(transports) == ["http"]
        https_origin = graph.origin.replace("http://", "https://")
        # The same httpx.Client (so the same transport) against https: the fake speaks plain http, so
        # the TLS handshake fails before anything is sent.
        over_https = sdk.Client(TOKEN, base_url=https_origin, max_retries=0, http_client=client._http)
        with pytest.raises(sdk.client.ApiConnectionError):
            over_https.get_application(application_id=APP)
        assert sorted(transports) == ["http", "https"]
        context = transports["https"]._pool._ssl_context
        assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert graph.only().path.endswith(APP)


def test_token_callable_is_asked_per_request(graph: FakeGraph, make_client: Callable[..., Any]) -> None:
    tokens = iter(["token-1", "token-2"])
    client = make_client(lambda: next(tokens))
    graph.reply(200, {"id": APP}).reply(200, {"id": APP})
    client.get_application(application_id=APP)
    client.get_application(application_id=APP)
    assert [r.headers["Authorization"] for r in graph.received] == ["Bearer token-1", "Bearer token-2"]


class FakeCredential:
    """azure-identity style: get_token(*scopes) -> AccessToken(token, expires_on)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []

    def get_token(self, *scopes: str, **kwargs: Any) -> SimpleNamespace:
        self.calls.append(scopes)
        return SimpleNamespace(token=f"az-token-{len(self.calls)}", expires_on=4102444800)


def test_credential_with_get_token(graph: FakeGraph, make_client: Callable[..., Any]) -> None:
    credential = FakeCredential()
    client = make_client(credential, scopes=["https://graph.microsoft.com/.default"])
    graph.reply(204)
    client.remove_application(application_id=APP)
    assert credential.calls == [("https://graph.microsoft.com/.default",)]
    assert graph.only().headers["Authorization"] == "Bearer az-token-1"


def test_credential_scope_is_the_services_even_with_another_base_url(
    graph: FakeGraph, make_client: Callable[..., Any]
) -> None:
    credential = FakeCredential()
    client = make_client(credential)
    graph.reply(200, {"id": APP})
    client.get_application(application_id=APP)
    # base_url= sends the request to the test server; the token is still asked for Graph.
    assert credential.calls == [("https://graph.microsoft.com/.default",)]
    assert graph.only().headers["Authorization"] == "Bearer az-token-1"


def test_no_credential_sends_no_authorization_and_says_so_once(
    graph: FakeGraph, make_client: Callable[..., Any], sdk: SimpleNamespace
) -> None:
    client = make_client(None)
    graph.reply(200, {"id": APP}).reply(200, {"id": APP})
    with pytest.warns(sdk.client.MissingCredentialWarning, match="no credential given") as caught:
        client.get_application(application_id=APP)
    assert caught[0].filename == __file__  # it points at the call, not into the package
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        client.get_application(application_id=APP)  # once per client
    for request in graph.received:
        assert_sent_by_client(request, body=False, token=None)


def test_unusable_credential_is_a_type_error(make_client: Callable[..., Any]) -> None:
    with pytest.raises(TypeError, match="credential must be"):
        make_client(12345).get_application(application_id=APP)


# ---------------------------------------------------------------------------------------- retries
def test_429_with_retry_after_seconds_is_retried_once(
    graph: FakeGraph, client: Any, sleeps: list[float], sdk: SimpleNamespace
) -> None:
    graph.error(429, "TooManyRequests", "Too many requests", headers={"Retry-After": "2"})
    graph.reply(200, {"id": APP, "displayName": "Contoso HR"})
    result = client.get_application(application_id=APP)
    assert sleeps == [2]
    assert len(graph.received) == 2
    first, second = graph.received
    assert (second.method, second.path) == (first.method, first.path) == ("GET", f"/v1.0/applications/{APP}")
    assert second.headers["Authorization"] == f"Bearer {TOKEN}"
    assert isinstance(result, sdk.models.Application) and result.display_name == "Contoso HR"


def test_retry_after_ms(graph: FakeGraph, client: Any, sleeps: list[float]) -> None:
    graph.reply(429, headers={"retry-after-ms": "1500", "Retry-After": "7"}).reply(200, {"id": APP})
    client.get_application(application_id=APP)
    assert sleeps == [1.5]
    assert len(graph.received) == 2


def test_retry_after_http_date(graph: FakeGraph, client: Any, sleeps: list[float]) -> None:
    when = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=10)
    graph.reply(503, headers={"Retry-After": email.utils.format_datetime(when, usegmt=True)})
    graph.reply(200, {"id": APP})
    client.get_application(application_id=APP)
    assert len(sleeps) == 1 and 8.0 <= sleeps[0] <= 10.5
    assert len(graph.received) == 2


def test_503_retries_run_out(
    graph: FakeGraph, make_client: Callable[..., Any], sleeps: list[float], sdk: SimpleNamespace
) -> None:
    client = make_client(max_retries=2)
    for _ in range(3):
        graph.error(503, "serviceNotAvailable", "The service is temporarily unavailable.")
    with pytest.raises(sdk.client.ServerError) as caught:
        client.get_application_synchronization_job(application_id=APP, synchronization_job_id=JOB)
    assert caught.value.status == 503
    assert caught.value.code == "serviceNotAvailable"
    assert len(graph.received) == 3
    # no Retry-After: capped exponential backoff with jitter (0.5 s, then 1 s, each times 0.5..1)
    assert len(sleeps) == 2
    assert 0.25 <= sleeps[0] <= 0.5 and 0.5 <= sleeps[1] <= 1.0


def test_504_on_a_post_without_retry_after_is_not_retried(
    graph: FakeGraph, client: Any, sleeps: list[float], sdk: SimpleNamespace
) -> None:
    graph.error(504, "GatewayTimeout", "The gateway timed out.")
    with pytest.raises(sdk.client.ServerError) as caught:
        client.new_application(display_name="Contoso HR")
    assert caught.value.status == 504
    assert len(graph.received) == 1
    assert sleeps == []


def test_503_on_a_post_with_retry_after_is_retried(
    graph: FakeGraph, client: Any, sleeps: list[float]
) -> None:
    graph.reply(503, headers={"Retry-After": "1"}).reply(201, {"id": APP})
    client.new_application(display_name="Contoso HR")
    assert sleeps == [1]
    first, second = graph.received
    assert first.json() == second.json() == {"displayName": "Contoso HR"}


def test_other_errors_are_not_retried(
    graph: FakeGraph, client: Any, sleeps: list[float], sdk: SimpleNamespace
) -> None:
    graph.error(500, "generalException", "boom")
    with pytest.raises(sdk.client.ServerError):
        client.get_application(application_id=APP)
    assert len(graph.received) == 1 and sleeps == []


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_connection_refused(
    make_client: Callable[..., Any], sleeps: list[float], sdk: SimpleNamespace
) -> None:
    origin = f"http://127.0.0.1:{_closed_port()}"
    client = make_client(base_url=origin, max_retries=2)
    with pytest.raises(sdk.client.ApiConnectionError) as caught:
        client.new_application(display_name="Contoso HR")  # nothing was sent: safe to retry even a POST
    error = caught.value
    assert isinstance(error, sdk.client.ApiError)
    assert len(sleeps) == 2
    assert error.status is None
    assert (error.request.method, error.request.url) == ("POST", f"{origin}/v1.0/applications")
    assert TOKEN not in str(error) and TOKEN not in repr(error.request)


def test_timeout(graph: FakeGraph, make_client: Callable[..., Any], sdk: SimpleNamespace) -> None:
    client = make_client(timeout=0.1, max_retries=0)
    graph.reply(200, {"id": APP}, delay=0.4)
    with pytest.raises(sdk.client.ApiTimeoutError) as caught:
        client.get_application(application_id=APP)
    assert caught.value.request.headers["Authorization"] == "[REDACTED]"


# ----------------------------------------------------------------------------------------- errors
def test_not_found_error(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    graph.reply(404, NOT_FOUND)
    with pytest.raises(sdk.client.NotFoundError) as caught:
        client.get_application(application_id=APP)
    error = caught.value
    assert isinstance(error, sdk.client.ApiError)
    assert error.status == 404
    assert error.code == "Request_ResourceNotFound"
    assert error.message == NOT_FOUND["error"]["message"]
    assert error.request_id == "abc"
    assert error.body is not None and '"Request_ResourceNotFound"' in error.body
    text = str(error)
    assert text.startswith(f"404 Request_ResourceNotFound: Resource '{APP}' does not exist")
    assert "(request-id abc)" in text
    assert f"[GET {graph.origin}/v1.0/applications/{APP}]" in text
    assert error.request.headers["Authorization"] == "[REDACTED]"
    assert TOKEN not in text and TOKEN not in repr(error.request) and TOKEN not in str(error.request)


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (429, "RateLimitError"),
        (500, "ServerError"),
        (502, "ServerError"),
        (418, "ApiError"),
    ],
)
def test_status_maps_to_error_class(
    graph: FakeGraph, make_client: Callable[..., Any], sdk: SimpleNamespace, status: int, kind: str
) -> None:
    client = make_client(max_retries=0)
    graph.error(status, f"Code{status}", f"message {status}", request_id=f"rid-{status}")
    with pytest.raises(sdk.client.ApiError) as caught:
        client.update_user_outlook_master_category(user_id="u-1", outlook_category_id="c-1", color="preset1")
    assert type(caught.value) is getattr(sdk.client, kind)
    assert (caught.value.status, caught.value.code, caught.value.message, caught.value.request_id) == (
        status,
        f"Code{status}",
        f"message {status}",
        f"rid-{status}",
    )


def test_plain_text_error(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    graph.reply(403, text="Forbidden by policy", headers={"request-id": "hdr-rid"})
    with pytest.raises(sdk.client.PermissionDeniedError) as caught:
        client.get_application(application_id=APP)
    assert (caught.value.status, caught.value.code) == (403, None)
    assert caught.value.message == "Forbidden by policy"
    assert caught.value.request_id == "hdr-rid"


# ----------------------------------------------------------------------------------------- paging
def _three_pages(graph: FakeGraph) -> None:
    graph.reply(
        200,
        {
            "value": [{"id": "app-1"}, {"id": "app-2"}],
            "@odata.nextLink": graph.url("/v1.0/applications?$skiptoken=page-2"),
        },
    )
    graph.reply(
        200,
        {
            "value": [{"id": "app-3"}, {"id": "app-4"}],
            "@odata.nextLink": graph.url("/v1.0/applications?$skiptoken=page-3"),
        },
    )
    graph.reply(200, {"value": [{"id": "app-5"}]})


def test_all_pages_through_next_links(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    _three_pages(graph)
    result = client.list_applications(all=True, filter="startswith(displayName,'C')")
    assert isinstance(result, Iterator) and not isinstance(result, list)
    items = list(result)
    assert [a.id for a in items] == ["app-1", "app-2", "app-3", "app-4", "app-5"]
    assert all(isinstance(a, sdk.models.Application) for a in items)
    first, second, third = graph.received
    assert (first.method, first.path, first.query) == (
        "GET",
        "/v1.0/applications",
        {"$filter": "startswith(displayName,'C')"},
    )
    assert (second.path, second.query) == ("/v1.0/applications", {"$skiptoken": "page-2"})
    assert (third.path, third.query) == ("/v1.0/applications", {"$skiptoken": "page-3"})
    for request in graph.received:
        assert_sent_by_client(request, body=False)
    assert len({r.headers["client-request-id"] for r in graph.received}) == 3


def test_all_with_top_limits_the_total(graph: FakeGraph, client: Any) -> None:
    _three_pages(graph)
    graph.replies.pop()  # the third page is never asked for
    items = list(client.list_applications(all=True, top=3))
    assert [a.id for a in items] == ["app-1", "app-2", "app-3"]
    assert len(graph.received) == 2
    assert graph.received[0].query == {"$top": "3"}


def test_all_with_top_stops_at_the_page_boundary(graph: FakeGraph, client: Any) -> None:
    _three_pages(graph)
    graph.replies.pop()
    items = list(client.list_applications(all=True, top=4, page_size=2))
    assert [a.id for a in items] == ["app-1", "app-2", "app-3", "app-4"]
    assert len(graph.received) == 2


def test_all_with_page_size(graph: FakeGraph, client: Any) -> None:
    _three_pages(graph)
    items = list(client.list_application_owners(application_id=APP, all=True, page_size=2, top=10))
    assert len(items) == 5
    first = graph.received[0]
    assert (first.path, first.query) == (f"/v1.0/applications/{APP}/owners", {"$top": "2"})
    assert len(graph.received) == 3


def test_without_all_one_page(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    _three_pages(graph)
    graph.replies.pop()
    graph.replies.pop()
    page = client.list_applications(top=2)
    assert isinstance(page, sdk.client.Page)
    assert [a.id for a in page] == ["app-1", "app-2"]
    assert page.next_link == graph.url("/v1.0/applications?$skiptoken=page-2") and page.has_next_page()
    assert graph.only().query == {"$top": "2"}


def test_paging_retries_a_throttled_page(graph: FakeGraph, client: Any, sleeps: list[float]) -> None:
    graph.reply(
        200, {"value": [{"id": "app-1"}], "@odata.nextLink": graph.url("/v1.0/applications?$skiptoken=2")}
    )
    graph.reply(429, headers={"Retry-After": "3"})
    graph.reply(200, {"value": [{"id": "app-2"}]})
    assert [a.id for a in client.list_applications(all=True)] == ["app-1", "app-2"]
    assert sleeps == [3]
    assert [r.query for r in graph.received] == [{}, {"$skiptoken": "2"}, {"$skiptoken": "2"}]


# ---------------------------------------------------------------------------------------- dry run
def test_dry_run_sends_nothing(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    prepared = client.prepare(
        client.update_application_synchronization_job,
        application_id=APP,
        synchronization_job_id=JOB,
        schedule_interval=dt.timedelta(hours=1),
        headers={"Authorization": "Bearer other-secret"},
    )
    assert isinstance(prepared, sdk.client.PreparedRequest)
    assert prepared.method == "PATCH"
    assert prepared.url == f"{graph.origin}/v1.0/applications/{APP}/synchronization/jobs/{JOB}"
    assert prepared.json == {"schedule": {"interval": "PT1H"}}
    assert prepared.headers["Authorization"] == "[REDACTED]"
    assert prepared.headers["Content-Type"] == "application/json"
    assert prepared.parameter_set == "UpdateExpanded"
    text = str(prepared)
    assert text.startswith(f"PATCH {graph.origin}/v1.0/applications/{APP}/synchronization/jobs/{JOB}\n")
    assert "Authorization: [REDACTED]" in text and '"interval": "PT1H"' in text
    assert TOKEN not in text + repr(prepared) and "other-secret" not in text + repr(prepared)
    assert graph.received == [] and graph.http.log == []


def test_dry_run_of_a_query(client: Any, graph: FakeGraph) -> None:
    prepared = client.prepare(client.list_users, search='"displayName:Adele"', count=True)
    assert prepared.url == f"{graph.origin}/v1.0/users?$search=%22displayName%3AAdele%22&$count=true"
    assert prepared.headers["ConsistencyLevel"] == "eventual"
    assert prepared.json is None
    assert graph.received == []


def test_dry_run_without_base_url_shows_graph(sdk: SimpleNamespace) -> None:
    client = sdk.Client(TOKEN)
    assert (
        client.prepare(client.get_beta_user, user_id="u 1").url
        == "https://graph.microsoft.com/beta/users/u%201"
    )
    assert client.prepare(client.get_user, user_id="u").url == "https://graph.microsoft.com/v1.0/users/u"


def test_dry_run_still_checks_parameter_sets(client: Any) -> None:
    with pytest.raises(TypeError, match="matches no parameter set"):
        client.prepare(client.get_application_synchronization_job, synchronization_job_id=JOB)


# ----------------------------------------------------------------------------------- cold start
IMPORT_FOOTPRINT = """
import sys
import graph_sdk.client
heavy = (
    "asyncio",
    "httpx._main",
    "click",
    "rich",
    "graph_sdk.models.application",
    "graph_sdk._operations.application",
)
print(sorted(name for name in heavy if name in sys.modules))
client = graph_sdk.client.Client("token")
client.prepare(client.get_application, application_id="a")  # its operation's module, no model yet
print(sorted(name for name in heavy if name in sys.modules))
import httpx._main  # hidden for graph_sdk's own import only: still importable afterwards
print(httpx._main.__name__)
"""


def test_importing_the_client_leaves_out_what_one_request_does_not_need() -> None:
    """What `make bench` measures as the cold start: no asyncio (async clients import it), no
    httpx command-line client (click, rich), no operation until a method is first used (then
    only its noun's module), no model module until a response needs one."""
    import subprocess
    import sys

    from support import GENERATED

    done = subprocess.run(
        [sys.executable, "-c", IMPORT_FOOTPRINT], cwd=GENERATED, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == ["[]", "['graph_sdk._operations.application']", "httpx._main"]
