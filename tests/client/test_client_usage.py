"""The client as a Python user expects it (issue 13), against a real HTTP server: a base URL written
with the service path, input checked before anything is sent, OData options by their Python names,
pages that fetch the next one, and the package root's exports."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest

from graph_fake import FakeGraph
from support import GENERATED

APP = "0f3c8d2e-7a41-4c55-9a4b-1d2e3f4a5b6c"
JOB = "AzureAD2AAD.e4bbf65ad3bd4f4bb0d0b8e2b0c4f7a1"


# ------------------------------------------------------------------------------------- base URL
@pytest.mark.parametrize("path", ["", "/", "/v1.0", "/v1.0/", "/beta"])
def test_a_base_url_with_or_without_the_service_path_is_never_doubled(
    graph: FakeGraph, make_client: Callable[..., Any], path: str
) -> None:
    client = make_client(base_url=graph.origin + path)
    graph.reply(200, {"id": "u-1"}).reply(200, {"id": "u-2"})
    client.get_user(user_id="u-1")
    client.get_beta_user(user_id="u-2")
    v1, beta = graph.received
    assert v1.path == "/v1.0/users/u-1"  # not /v1.0/v1.0/..., nor /beta/... for a v1.0 call
    assert beta.path == "/beta/users/u-2"  # not /v1.0/beta/...


# -------------------------------------------------------------------------------- checked input
def test_a_dict_body_with_an_unknown_name_is_refused_with_the_nearest_one(
    graph: FakeGraph, client: Any
) -> None:
    with pytest.raises(
        ValueError, match=r"body: SynchronizationJob has no property 'shedule'; did you mean 'schedule'\?"
    ):
        client.update_application_synchronization_job(
            application_id=APP, synchronization_job_id=JOB, body={"shedule": {"state": "Active"}}
        )
    assert graph.received == []


def test_a_value_of_the_wrong_form_names_where_it_is_and_what_is_expected(
    graph: FakeGraph, client: Any, sdk: SimpleNamespace
) -> None:
    with pytest.raises(sdk.client.ArgumentError) as caught:
        client.update_application_synchronization_job(
            application_id=APP, synchronization_job_id=JOB, body={"schedule": {"interval": "40m"}}
        )
    assert str(caught.value) == (
        "body.schedule.interval: expected an ISO 8601 duration such as PT40M, got '40m'"
    )
    with pytest.raises(sdk.client.ArgumentError, match=r"^schedule_interval: expected an ISO 8601 duration"):
        client.update_application_synchronization_job(
            application_id=APP, synchronization_job_id=JOB, schedule_interval="40m"
        )
    assert graph.received == []


def test_a_json_text_body_is_sent_as_the_object_it_spells(graph: FakeGraph, client: Any) -> None:
    graph.reply(204)
    client.update_application_synchronization_job(
        application_id=APP, synchronization_job_id=JOB, body='{"schedule": {"interval": "PT40M"}}'
    )
    assert graph.only().json() == {"schedule": {"interval": "PT40M"}}
    with pytest.raises(ValueError, match=r"^body: not valid JSON"):
        client.update_application_synchronization_job(
            application_id=APP, synchronization_job_id=JOB, body="{"
        )


def test_closed_models_refuse_unknown_names_and_open_ones_take_them(sdk: SimpleNamespace) -> None:
    import pydantic

    with pytest.raises(pydantic.ValidationError, match=r"no property 'intervl'; did you mean 'interval'\?"):
        sdk.models.SynchronizationSchedule(intervl="PT40M")
    user = sdk.models.User(display_name="Adele", extension_abc_department="HR")  # user is an open type
    assert user.model_extra == {"extension_abc_department": "HR"}
    # What the service sends is kept, even on a closed type.
    schedule = sdk.models.SynchronizationSchedule.from_wire({"interval": "PT40M", "addedLater": 1})
    assert schedule.model_extra == {"addedLater": 1}


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_path_value_is_refused(graph: FakeGraph, client: Any, value: str) -> None:
    with pytest.raises(ValueError, match=r"^application_id: a value in the URL's path must not be empty"):
        client.get_application(application_id=value)
    assert graph.received == []


# ------------------------------------------------------------------------------------------ OData
def test_odata_options_by_their_python_names_and_their_powershell_aliases(
    graph: FakeGraph, client: Any
) -> None:
    graph.reply(200, {"value": []}).reply(200, {"value": []})
    client.list_users(select=["id", "displayName"], expand=["manager"], order_by=["displayName"], top=2)
    client.list_users(
        property=["id", "displayName"], expand_property=["manager"], sort=["displayName"], top=2
    )
    first, second = graph.received
    assert (
        first.query
        == second.query
        == {
            "$select": "id,displayName",
            "$expand": "manager",
            "$orderby": "displayName",
            "$top": "2",
        }
    )
    with pytest.raises(TypeError, match=r"unexpected keyword argument 'selct'; did you mean 'select'\?"):
        client.list_users(selct=["id"])


# ----------------------------------------------------------------------------------------- paging
def test_async_pages_fetch_the_next_page_and_iterate_without_await(
    graph: FakeGraph, sdk: SimpleNamespace
) -> None:
    graph.reply(200, {"value": [{"id": "u-1"}], "@odata.nextLink": graph.url("/v1.0/users?$skiptoken=2")})
    graph.reply(200, {"value": [{"id": "u-2"}]})
    graph.reply(200, {"value": [{"id": "u-1"}], "@odata.nextLink": graph.url("/v1.0/users?$skiptoken=2")})
    graph.reply(200, {"value": [{"id": "u-2"}]})

    async def body() -> tuple[list[str], list[str]]:
        async with sdk.AsyncClient("t", base_url=graph.origin) as client:
            page = await client.list_users()
            following = await page.anext_page()
            assert following is not None and await following.anext_page() is None
            every = [u.id async for u in client.list_users(all=True)]
            return [u.id for u in page + following], every

    paged, every = asyncio.run(body())
    assert paged == every == ["u-1", "u-2"]


# --------------------------------------------------------------------------------- package root
ROOT_IMPORT = """
import sys
import graph_sdk
print(sorted(m for m in ("graph_sdk.client", "httpx", "pydantic") if m in sys.modules))
from graph_sdk import ApiError, AsyncClient, Client, models
print(Client.__module__, AsyncClient.__name__, issubclass(graph_sdk.NotFoundError, ApiError), models.__name__)
"""


def test_the_package_root_exports_the_client_lazily() -> None:
    done = subprocess.run(
        [sys.executable, "-c", ROOT_IMPORT], cwd=GENERATED, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == ["[]", "graph_sdk.client AsyncClient True graph_sdk.models"]
