"""AsyncClient: the same requests and answers as Client, awaited (each test runs its own event loop)."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable
from types import SimpleNamespace
from typing import Any

import pytest

from graph_fake import TOKEN, FakeGraph, assert_sent_by_client

APP = "0f3c8d2e-7a41-4c55-9a4b-1d2e3f4a5b6c"
JOB = "AzureAD2AAD.e4bbf65ad3bd4f4bb0d0b8e2b0c4f7a1.0b6c1b2e"


@pytest.fixture
def run(sdk: SimpleNamespace, graph: FakeGraph, sleeps: list[float]) -> Callable[..., Any]:
    """`run(body, **options)`: `await body(client)` with an AsyncClient pointed at the fake Graph, in a fresh
    event loop; the client's sleeps are recorded in `sleeps`."""

    async def record(seconds: float) -> None:
        sleeps.append(seconds)

    def run_(body: Callable[[Any], Awaitable[Any]], credential: Any = TOKEN, **options: Any) -> Any:
        async def main() -> Any:
            options.setdefault("base_url", graph.origin)
            options.setdefault("sleep", record)
            async with sdk.AsyncClient(credential, **options) as client:
                return await body(client)

        return asyncio.run(main())

    return run_


def test_get_parses_the_model(graph: FakeGraph, run: Callable[..., Any], sdk: SimpleNamespace) -> None:
    graph.reply(200, {"id": JOB, "templateId": "AzureAD2AAD", "schedule": {"interval": "PT40M"}})
    job = run(lambda c: c.get_application_synchronization_job(application_id=APP, synchronization_job_id=JOB))
    request = graph.only()
    assert (request.method, request.path) == ("GET", f"/v1.0/applications/{APP}/synchronization/jobs/{JOB}")
    assert_sent_by_client(request, body=False)
    assert isinstance(job, sdk.models.SynchronizationJob)
    assert job.schedule.interval == dt.timedelta(minutes=40)


def test_patch_body(graph: FakeGraph, run: Callable[..., Any], sdk: SimpleNamespace) -> None:
    graph.reply(204).reply(200, {"id": "cat-1", "color": "preset3"})
    schedule = sdk.models.SynchronizationSchedule(
        expiration=dt.datetime(2026, 12, 31, 23, tzinfo=dt.timezone.utc), interval=dt.timedelta(minutes=40)
    )

    async def body(client: Any) -> tuple[Any, Any]:
        updated = await client.update_application_synchronization_job(
            application_id=APP, synchronization_job_id=JOB, schedule=schedule
        )
        category = await client.update_user_outlook_master_category(
            input_object={"userId": "u-1", "outlookCategoryId": "cat-1"}, body={"color": "preset3"}
        )
        return updated, category

    updated, category = run(body)
    patch_job, patch_category = graph.received
    assert (patch_job.method, patch_job.path) == (
        "PATCH",
        f"/v1.0/applications/{APP}/synchronization/jobs/{JOB}",
    )
    assert patch_job.json() == {"schedule": {"expiration": "2026-12-31T23:00:00Z", "interval": "PT40M"}}
    assert_sent_by_client(patch_job, body=True)
    assert updated is None  # 204 No Content
    assert (patch_category.method, patch_category.path) == (
        "PATCH",
        "/beta/users/u-1/outlook/masterCategories/cat-1",
    )
    assert patch_category.json() == {"color": "preset3"}
    assert isinstance(category, sdk.models.OutlookCategory) and category.color == "preset3"


def test_count(graph: FakeGraph, run: Callable[..., Any]) -> None:
    graph.reply(200, text="17")
    assert run(lambda c: c.get_application_count(search='"displayName:HR"')) == 17
    request = graph.only()
    assert (request.path, request.query) == ("/v1.0/applications/$count", {"$search": '"displayName:HR"'})
    assert request.headers["ConsistencyLevel"] == "eventual"


def test_retry_after_then_success(graph: FakeGraph, run: Callable[..., Any], sleeps: list[float]) -> None:
    graph.error(429, "TooManyRequests", "slow down", headers={"Retry-After": "2"})
    graph.reply(200, {"id": APP})
    app = run(lambda c: c.get_application(application_id=APP))
    assert app.id == APP
    assert sleeps == [2]
    assert len(graph.received) == 2


def test_retries_run_out(
    graph: FakeGraph, run: Callable[..., Any], sleeps: list[float], sdk: SimpleNamespace
) -> None:
    for _ in range(3):
        graph.error(503, "serviceNotAvailable", "unavailable")
    with pytest.raises(sdk.client.ServerError) as caught:
        run(lambda c: c.remove_application(application_id=APP), max_retries=2)
    assert caught.value.status == 503
    assert len(graph.received) == 3 and len(sleeps) == 2


def test_error_fields(graph: FakeGraph, run: Callable[..., Any], sdk: SimpleNamespace) -> None:
    graph.error(404, "Request_ResourceNotFound", "Resource does not exist.", request_id="abc")
    with pytest.raises(sdk.client.NotFoundError) as caught:
        run(lambda c: c.get_application(application_id=APP))
    error = caught.value
    assert (error.status, error.code, error.message, error.request_id) == (
        404,
        "Request_ResourceNotFound",
        "Resource does not exist.",
        "abc",
    )
    assert error.request.headers["Authorization"] == "[REDACTED]" and TOKEN not in str(error)


def test_paging_with_async_for(graph: FakeGraph, run: Callable[..., Any], sdk: SimpleNamespace) -> None:
    graph.reply(
        200,
        {"value": [{"id": "u-1"}, {"id": "u-2"}], "@odata.nextLink": graph.url("/beta/users?$skiptoken=2")},
    )
    graph.reply(200, {"value": [{"id": "u-3"}], "@odata.nextLink": graph.url("/beta/users?$skiptoken=3")})
    graph.reply(200, {"value": [{"id": "u-4"}]})

    async def body(client: Any) -> list[Any]:
        users = client.list_beta_users(all=True, filter="accountEnabled eq true")
        assert isinstance(users, AsyncIterator)  # no await: `async for` it directly
        return [user async for user in users]

    users = run(body)
    assert [u.id for u in users] == ["u-1", "u-2", "u-3", "u-4"]
    assert all(isinstance(u, sdk.models.BetaUser) for u in users)
    assert [(r.path, r.query) for r in graph.received] == [
        ("/beta/users", {"$filter": "accountEnabled eq true"}),
        ("/beta/users", {"$skiptoken": "2"}),
        ("/beta/users", {"$skiptoken": "3"}),
    ]
    for request in graph.received:
        assert_sent_by_client(request, body=False)


def test_paging_with_top(graph: FakeGraph, run: Callable[..., Any]) -> None:
    graph.reply(
        200,
        {"value": [{"id": "u-1"}, {"id": "u-2"}], "@odata.nextLink": graph.url("/v1.0/users?$skiptoken=2")},
    )
    graph.reply(200, {"value": [{"id": "u-3"}, {"id": "u-4"}]})

    async def body(client: Any) -> list[Any]:
        return [user async for user in client.list_users(all=True, top=3, page_size=2)]

    assert len(run(body)) == 3
    assert [r.query for r in graph.received] == [{"$top": "2"}, {"$skiptoken": "2"}]


def test_credential_and_dry_run(graph: FakeGraph, run: Callable[..., Any], sdk: SimpleNamespace) -> None:
    calls: list[tuple[str, ...]] = []

    class Credential:
        def get_token(self, *scopes: str) -> SimpleNamespace:
            calls.append(scopes)
            return SimpleNamespace(token="async-token", expires_on=0)

    graph.reply(204)

    async def body(client: Any) -> Any:
        prepared = client.prepare(
            client.start_application_synchronization_job, application_id=APP, synchronization_job_id=JOB
        )
        assert graph.received == []
        await client.start_application_synchronization_job(application_id=APP, synchronization_job_id=JOB)
        return prepared

    prepared = run(body, Credential(), scopes=["https://graph.microsoft.com/.default"])
    assert isinstance(prepared, sdk.client.PreparedRequest)
    assert (prepared.method, prepared.headers["Authorization"]) == ("POST", "[REDACTED]")
    request = graph.only()
    assert (request.method, request.path) == (
        "POST",
        f"/v1.0/applications/{APP}/synchronization/jobs/{JOB}/start",
    )
    assert request.headers["Authorization"] == "Bearer async-token"
    assert calls == [("https://graph.microsoft.com/.default",)]


def test_parameter_set_error(run: Callable[..., Any], graph: FakeGraph) -> None:
    with pytest.raises(TypeError, match="matches no parameter set"):
        run(lambda c: c.update_user_outlook_master_category(user_id="u-1", color="preset1"))
    assert graph.received == []
