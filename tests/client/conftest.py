"""Fixtures of the client tests: the generated package, the fake Graph, clients pointed at it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from pytest_httpserver import HTTPServer

from graph_fake import TOKEN, FakeGraph
from support import GENERATED


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    """pytest-httpserver listens on 127.0.0.1 (any free port), never on a public interface."""
    return ("127.0.0.1", 0)


@pytest.fixture(scope="module")
def sdk() -> Iterator[SimpleNamespace]:
    """The committed generated package, imported as a user would (see `generated_on_path` in
    tests/conftest.py), once per test module: importing it afresh for every test would cost seconds."""
    sys.path.insert(0, str(GENERATED))
    try:
        import graph_sdk
        import graph_sdk._operations
        import graph_sdk._runtime
        import graph_sdk.client
        import graph_sdk.models

        yield SimpleNamespace(
            package=graph_sdk,
            client=graph_sdk.client,
            models=graph_sdk.models,
            operations=graph_sdk._operations,
            runtime=graph_sdk._runtime,
            Client=graph_sdk.client.Client,
            AsyncClient=graph_sdk.client.AsyncClient,
        )
    finally:
        sys.path.remove(str(GENERATED))
        for name in [m for m in sys.modules if m == "graph_sdk" or m.startswith("graph_sdk.")]:
            del sys.modules[name]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.when == "call":
        item.stash[_CALL_PASSED] = report.passed
    return report


_CALL_PASSED = pytest.StashKey[bool]()


@pytest.fixture
def graph(httpserver: HTTPServer, request: pytest.FixtureRequest) -> Iterator[FakeGraph]:
    fake = FakeGraph(httpserver)
    yield fake
    httpserver.check_assertions()
    if request.node.stash.get(_CALL_PASSED, False):  # a test that passed used every reply it queued
        assert not fake.replies, f"{len(fake.replies)} queued replies were never asked for"


@pytest.fixture
def sleeps() -> list[float]:
    """The delays the client asked to sleep, instead of sleeping."""
    return []


@pytest.fixture(scope="module")
def shared_http() -> Iterator[httpx.Client]:
    """One httpx.Client for a module's sync clients (injected with `http_client=`): building one costs ~40 ms
    of TLS set-up per test. The async tests and `test_default_http_client` use the client's own."""
    with httpx.Client() as http:
        yield http


@pytest.fixture
def make_client(
    sdk: SimpleNamespace, graph: FakeGraph, sleeps: list[float], shared_http: httpx.Client
) -> Iterator[Callable[..., Any]]:
    """`make_client(credential=TOKEN, **options)`: a sync Client pointed at the fake Graph, sleeping into `sleeps`."""
    made: list[Any] = []

    def make(credential: Any = TOKEN, **options: Any) -> Any:
        options.setdefault("base_url", graph.origin)
        options.setdefault("sleep", sleeps.append)
        if "transport" not in options:
            options.setdefault("http_client", shared_http)
        client = sdk.Client(credential, **options)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def client(make_client: Callable[..., Any]) -> Any:
    return make_client()
