"""Every client method against a real HTTP server: the request Microsoft Graph expects, the parsed answer.

Each expected route is Microsoft Graph's real one (v1.0 or beta), written out literally. `test_<method>`
is the canonical test of each method; `test_every_operation_has_a_test` keeps that list complete.
"""

from __future__ import annotations

import datetime as dt
import sys
from types import SimpleNamespace
from typing import Any

import pytest

from graph_fake import TOKEN, FakeGraph, assert_sent_by_client

UTC = dt.timezone.utc
APP = "0f3c8d2e-7a41-4c55-9a4b-1d2e3f4a5b6c"
JOB = "AzureAD2AAD.e4bbf65ad3bd4f4bb0d0b8e2b0c4f7a1.0b6c1b2e-8f0e-4c3a-a7a6-2d6b4f7e9c10"
USER = "87d349ed-44d7-43e1-9a83-5f2406dee5bd"
JOBS = f"/v1.0/applications/{APP}/synchronization/jobs"

JOB_JSON = {
    "id": JOB,
    "templateId": "AzureAD2AAD",
    "schedule": {"expiration": "2026-12-31T23:00:00Z", "interval": "PT40M", "state": "Active"},
    "status": {
        "code": "Active",
        "lastExecution": {"state": "Succeeded", "timeBegan": "2026-11-01T08:00:00Z"},
    },
}


def test_every_method_has_a_test(sdk: SimpleNamespace) -> None:
    methods = sdk.operations.METHODS
    assert len(methods) == 24  # 20 cmdlets; a Get- cmdlet's lists are methods of their own
    assert len({cmdlet for cmdlet, _ in methods.values()}) == 20
    tests = {name for name in vars(sys.modules[__name__]) if name.startswith("test_")}
    assert sorted(name for name in methods if f"test_{name}" not in tests) == []
    for name in methods:  # and every one is a method of both clients
        assert callable(getattr(sdk.Client, name)) and callable(getattr(sdk.AsyncClient, name))


# ------------------------------------------------------------------------------- one test per method
def test_add_application_password(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    graph.reply(
        200,
        {
            "displayName": "CI secret",
            "endDateTime": "2027-01-01T00:00:00Z",
            "hint": "s3c",
            "keyId": "a1b2c3d4-0000-4000-8000-000000000001",
            "secretText": "s3cr3t-value",
        },
    )
    credential = sdk.models.PasswordCredential(
        display_name="CI secret", end_date_time=dt.datetime(2027, 1, 1, tzinfo=UTC)
    )
    result = client.add_application_password(application_id=APP, password_credential=credential)
    request = graph.only()
    assert (request.method, request.path) == ("POST", f"/v1.0/applications/{APP}/addPassword")
    assert request.query == {}
    assert request.json() == {
        "passwordCredential": {"displayName": "CI secret", "endDateTime": "2027-01-01T00:00:00Z"}
    }
    assert_sent_by_client(request, body=True)
    assert isinstance(result, sdk.models.PasswordCredential)
    assert result.secret_text == "s3cr3t-value"
    assert result.end_date_time == dt.datetime(2027, 1, 1, tzinfo=UTC)


def test_get_application(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    graph.reply(
        200, {"id": APP, "appId": "11111111-2222-3333-4444-555555555555", "displayName": "Contoso HR"}
    )
    result = client.get_application(application_id=APP, property=["id", "appId", "displayName"])
    request = graph.only()
    assert (request.method, request.path) == ("GET", f"/v1.0/applications/{APP}")
    assert request.query == {"$select": "id,appId,displayName"}
    assert "ConsistencyLevel" not in request.headers
    assert_sent_by_client(request, body=False)
    assert isinstance(result, sdk.models.Application)
    assert (result.id, result.display_name) == (APP, "Contoso HR")


def test_get_application_count(graph: FakeGraph, client: Any) -> None:
    graph.reply(200, text="42", headers={"Content-Type": "text/plain; charset=utf-8"})
    result = client.get_application_count(filter="startswith(displayName,'Contoso')")
    request = graph.only()
    assert (request.method, request.path) == ("GET", "/v1.0/applications/$count")
    assert request.query == {"$filter": "startswith(displayName,'Contoso')"}
    assert request.headers["ConsistencyLevel"] == "eventual"
    assert_sent_by_client(request, body=False)
    assert result == 42 and type(result) is int


def test_list_application_owners(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    graph.reply(
        200,
        {
            "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects",
            "value": [
                {"@odata.type": "#microsoft.graph.user", "id": USER, "displayName": "Adele Vance"},
                {"@odata.type": "#microsoft.graph.servicePrincipal", "id": "sp-1"},
            ],
        },
    )
    result = client.list_application_owners(application_id=APP)
    request = graph.only()
    assert (request.method, request.path) == ("GET", f"/v1.0/applications/{APP}/owners")
    assert request.query == {}
    assert_sent_by_client(request, body=False)
    assert isinstance(result, sdk.client.Page)
    assert [type(o) for o in result] == [sdk.models.DirectoryObject] * 2
    assert [o.id for o in result] == [USER, "sp-1"]
    assert result.next_link is None and result.total_count is None


def test_get_application_synchronization_job(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    graph.reply(200, JOB_JSON)
    result = client.get_application_synchronization_job(application_id=APP, synchronization_job_id=JOB)
    request = graph.only()
    assert (request.method, request.path) == ("GET", f"/v1.0/applications/{APP}/synchronization/jobs/{JOB}")
    assert_sent_by_client(request, body=False)
    assert isinstance(result, sdk.models.SynchronizationJob)
    assert result.template_id == "AzureAD2AAD"
    assert result.schedule.interval == dt.timedelta(minutes=40)
    assert result.schedule.expiration == dt.datetime(2026, 12, 31, 23, tzinfo=UTC)


def test_list_application_synchronization_jobs(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    graph.reply(200, {"value": [JOB_JSON]})
    result = client.list_application_synchronization_jobs(application_id=APP)
    request = graph.only()
    assert (request.method, request.path) == ("GET", JOBS)
    assert isinstance(result, sdk.client.Page)
    assert [j.id for j in result] == [JOB]
    assert isinstance(result[0], sdk.models.SynchronizationJob)


def test_get_application_synchronization_job_count(graph: FakeGraph, client: Any) -> None:
    graph.reply(200, text="\ufeff3")  # Graph's text/plain $count may start with a byte-order mark
    result = client.get_application_synchronization_job_count(application_id=APP)
    request = graph.only()
    assert (request.method, request.path) == ("GET", f"{JOBS}/$count")
    assert request.headers["ConsistencyLevel"] == "eventual"
    assert_sent_by_client(request, body=False)
    assert result == 3


def test_get_application_synchronization_job_count__filter_and_search(graph: FakeGraph, client: Any) -> None:
    graph.reply(200, text="1")
    client.get_application_synchronization_job_count(
        application_id=APP, filter="templateId eq 'AzureAD2AAD'", search='"templateId:Azure"'
    )
    assert graph.only().query == {"$filter": "templateId eq 'AzureAD2AAD'", "$search": '"templateId:Azure"'}


def test_get_application_synchronization_job_schema(
    graph: FakeGraph, client: Any, sdk: SimpleNamespace
) -> None:
    graph.reply(
        200,
        {
            "id": JOB,
            "version": "Date:2026-11-01T08:00:00Z",
            "synchronizationRules": [
                {"id": "rule-1", "priority": 1, "sourceDirectoryName": "Azure Active Directory"}
            ],
            "directories": [{"name": "Azure Active Directory", "objects": [{"name": "User"}]}],
        },
    )
    result = client.get_application_synchronization_job_schema(
        application_id=APP, synchronization_job_id=JOB, property=["directories", "version"]
    )
    request = graph.only()
    assert (request.method, request.path) == ("GET", f"{JOBS}/{JOB}/schema")
    assert request.query == {"$select": "directories,version"}
    assert_sent_by_client(request, body=False)
    assert isinstance(result, sdk.models.SynchronizationSchema)
    assert result.synchronization_rules[0].source_directory_name == "Azure Active Directory"
    assert result.directories[0].objects[0].name == "User"


def test_get_beta_user(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    graph.reply(200, {"id": USER, "userPrincipalName": "AdeleV@contoso.com", "employeeType": "Contractor"})
    result = client.get_beta_user(user_id="AdeleV@contoso.com", property=["id", "employeeType"])
    request = graph.only()
    assert (request.method, request.path) == ("GET", "/beta/users/AdeleV@contoso.com")
    assert request.raw_path == "/beta/users/AdeleV%40contoso.com"
    assert request.query == {"$select": "id,employeeType"}
    assert_sent_by_client(request, body=False)
    assert isinstance(result, sdk.models.BetaUser)
    # The help lists none of User's properties; Graph's CSDL gives them, with their exact wire names.
    assert (result.id, result.user_principal_name, result.employee_type) == (
        USER,
        "AdeleV@contoso.com",
        "Contractor",
    )
    assert result.model_extra == {}


def test_get_user(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    manager = {"@odata.type": "#microsoft.graph.user", "id": "m-1"}
    graph.reply(200, {"id": USER, "displayName": "Adele Vance", "manager": manager})
    result = client.get_user(user_id=USER, expand_property=["manager"])
    request = graph.only()
    assert (request.method, request.path) == ("GET", f"/v1.0/users/{USER}")
    assert request.query == {"$expand": "manager"}
    assert_sent_by_client(request, body=False)
    assert isinstance(result, sdk.models.User)
    assert (result.id, result.display_name) == (USER, "Adele Vance")
    # user is an open type in the CSDL: an expanded navigation property is kept as sent.
    assert result.model_extra == {"manager": manager}


def test_list_users(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    graph.reply(200, {"@odata.count": 1, "value": [{"id": USER, "displayName": "Adele Vance"}]})
    result = client.list_users(search='"displayName:Adele"', count=True, top=5)
    request = graph.only()
    assert (request.method, request.path) == ("GET", "/v1.0/users")
    assert request.query == {"$search": '"displayName:Adele"', "$top": "5", "$count": "true"}
    assert request.headers["ConsistencyLevel"] == "eventual"
    assert isinstance(result, sdk.client.Page) and isinstance(result[0], sdk.models.User)
    assert result.total_count == 1


def test_new_application(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    graph.reply(
        201,
        {
            "id": APP,
            "appId": "11111111-2222-3333-4444-555555555555",
            "displayName": "Contoso HR",
            "signInAudience": "AzureADMyOrg",
            "createdDateTime": "2026-11-02T10:00:00Z",
        },
    )
    result = client.new_application(
        display_name="Contoso HR", sign_in_audience="AzureADMyOrg", tags=["HR", "internal"]
    )
    request = graph.only()
    assert (request.method, request.path) == ("POST", "/v1.0/applications")
    assert request.json() == {
        "displayName": "Contoso HR",
        "signInAudience": "AzureADMyOrg",
        "tags": ["HR", "internal"],
    }
    assert_sent_by_client(request, body=True)
    assert isinstance(result, sdk.models.Application)
    assert result.created_date_time == dt.datetime(2026, 11, 2, 10, tzinfo=UTC)
    assert result.sign_in_audience == "AzureADMyOrg"


def test_new_application_owner_by_ref(graph: FakeGraph, client: Any) -> None:
    owner = f"https://graph.microsoft.com/v1.0/directoryObjects/{USER}"
    graph.reply(204).reply(204)
    assert client.new_application_owner_by_ref(application_id=APP, body={"@odata.id": owner}) is None
    assert client.new_application_owner_by_ref(application_id=APP, body=f'{{"@odata.id": "{owner}"}}') is None
    for request in graph.received:
        assert (request.method, request.path) == ("POST", f"/v1.0/applications/{APP}/owners/$ref")
        assert request.raw_path == f"/v1.0/applications/{APP}/owners/$ref"
        assert request.json() == {"@odata.id": owner}
        assert_sent_by_client(request, body=True)


def test_new_application_owner_by_ref__expanded_odata_id(graph: FakeGraph, client: Any) -> None:
    owner = f"https://graph.microsoft.com/v1.0/directoryObjects/{USER}"
    graph.reply(204)
    assert client.new_application_owner_by_ref(application_id=APP, odata_id=owner) is None
    request = graph.only()
    assert (request.method, request.path) == ("POST", f"/v1.0/applications/{APP}/owners/$ref")
    assert request.json() == {"@odata.id": owner}


def test_new_application_synchronization_job(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    graph.reply(201, {**JOB_JSON, "schedule": {"interval": "PT40M", "state": "Disabled"}})
    result = client.new_application_synchronization_job(application_id=APP, template_id="AzureAD2AAD")
    request = graph.only()
    assert (request.method, request.path) == ("POST", JOBS)
    assert request.json() == {"templateId": "AzureAD2AAD"}
    assert_sent_by_client(request, body=True)
    assert isinstance(result, sdk.models.SynchronizationJob)
    assert (result.id, result.schedule.state) == (JOB, "Disabled")


def test_remove_application(graph: FakeGraph, client: Any) -> None:
    graph.reply(204).reply(204)
    assert client.remove_application(application_id=APP) is None
    assert client.remove_application(application_id=APP, if_match='W/"etag-7"') is None
    first, second = graph.received
    for request in (first, second):
        assert (request.method, request.path) == ("DELETE", f"/v1.0/applications/{APP}")
        assert request.query == {}
        assert_sent_by_client(request, body=False)
    assert "If-Match" not in first.headers
    assert second.headers["If-Match"] == 'W/"etag-7"'


def test_remove_application_synchronization_job(graph: FakeGraph, client: Any) -> None:
    graph.reply(204)
    assert (
        client.remove_application_synchronization_job(application_id=APP, synchronization_job_id=JOB) is None
    )
    request = graph.only()
    assert (request.method, request.path) == ("DELETE", f"{JOBS}/{JOB}")
    assert_sent_by_client(request, body=False)


def test_restart_application_synchronization_job(graph: FakeGraph, client: Any) -> None:
    graph.reply(204)
    result = client.restart_application_synchronization_job(
        application_id=APP,
        synchronization_job_id=JOB,
        criteria={"resetScope": "Watermark, Escrows, QuarantineState"},
    )
    request = graph.only()
    assert (request.method, request.path) == ("POST", f"{JOBS}/{JOB}/restart")
    assert request.json() == {"criteria": {"resetScope": "Watermark, Escrows, QuarantineState"}}
    assert_sent_by_client(request, body=True)
    assert result is None


def test_start_application_synchronization_job(graph: FakeGraph, client: Any) -> None:
    graph.reply(204).reply(204)
    assert (
        client.start_application_synchronization_job(application_id=APP, synchronization_job_id=JOB) is None
    )
    assert (
        client.start_application_synchronization_job(
            input_object={"applicationId": APP, "synchronizationJobId": JOB}
        )
        is None
    )
    for request in graph.received:
        assert (request.method, request.path) == ("POST", f"{JOBS}/{JOB}/start")
        assert_sent_by_client(request, body=False)


def test_suspend_application_synchronization_job(graph: FakeGraph, client: Any) -> None:
    graph.reply(204)
    assert (
        client.suspend_application_synchronization_job(application_id=APP, synchronization_job_id=JOB) is None
    )
    request = graph.only()
    assert (request.method, request.path) == ("POST", f"{JOBS}/{JOB}/pause")
    assert_sent_by_client(request, body=False)


def test_update_application_synchronization_job(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    graph.reply(204).reply(204)
    schedule = sdk.models.SynchronizationSchedule(
        expiration=dt.datetime(2026, 12, 31, 23, tzinfo=UTC),
        interval=dt.timedelta(minutes=40),
        state="Active",
    )
    assert (
        client.update_application_synchronization_job(
            application_id=APP, synchronization_job_id=JOB, schedule=schedule
        )
        is None
    )
    assert (
        client.update_application_synchronization_job(
            application_id=APP, synchronization_job_id=JOB, schedule_state="Paused"
        )
        is None
    )
    first, second = graph.received
    for request in (first, second):
        assert (request.method, request.path) == (
            "PATCH",
            f"/v1.0/applications/{APP}/synchronization/jobs/{JOB}",
        )
        assert_sent_by_client(request, body=True)
    assert first.json() == {
        "schedule": {"expiration": "2026-12-31T23:00:00Z", "interval": "PT40M", "state": "Active"}
    }
    assert second.json() == {"schedule": {"state": "Paused"}}


def test_update_application_synchronization_job_schema(
    graph: FakeGraph, client: Any, sdk: SimpleNamespace
) -> None:
    graph.reply(204)
    rule = sdk.models.SynchronizationRule(
        id="rule-1",
        priority=1,
        source_directory_name="Azure Active Directory",
        target_directory_name="Contoso LDAP",
    )
    result = client.update_application_synchronization_job_schema(
        application_id=APP, synchronization_job_id=JOB, synchronization_rules=[rule], version="2"
    )
    request = graph.only()
    assert (request.method, request.path) == ("PATCH", f"{JOBS}/{JOB}/schema")
    assert request.json() == {
        "synchronizationRules": [
            {
                "id": "rule-1",
                "priority": 1,
                "sourceDirectoryName": "Azure Active Directory",
                "targetDirectoryName": "Contoso LDAP",
            }
        ],
        "version": "2",
    }
    assert_sent_by_client(request, body=True)
    assert result is None


def test_update_user_outlook_master_category(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    category = "bac262b7-485d-4bc8-a5d9-2f5b3e6a1b7c"
    graph.reply(200, {"id": category, "displayName": "Project Falcon", "color": "preset9"})
    result = client.update_user_outlook_master_category(
        user_id=USER, outlook_category_id=category, color="preset9"
    )
    request = graph.only()
    assert (request.method, request.path) == (
        "PATCH",
        f"/beta/users/{USER}/outlook/masterCategories/{category}",
    )
    assert request.json() == {"color": "preset9"}
    assert_sent_by_client(request, body=True)
    assert isinstance(result, sdk.models.OutlookCategory)
    assert (result.display_name, result.color) == ("Project Falcon", "preset9")


# ------------------------------------------------------------------------------- bodies and identities
def _job_body_variants(models: Any) -> dict[str, dict[str, Any]]:
    schedule = {"expiration": dt.datetime(2026, 12, 31, 23, tzinfo=UTC), "interval": dt.timedelta(minutes=40)}
    return {
        "expanded model": {
            "schedule": models.SynchronizationSchedule(**schedule),
            "template_id": "AzureAD2AAD",
        },
        "expanded dict": {
            "schedule": {"expiration": "2026-12-31T23:00:00Z", "interval": "PT40M"},
            "template_id": "AzureAD2AAD",
        },
        "expanded dotted": {
            "schedule_expiration": schedule["expiration"],
            "schedule_interval": schedule["interval"],
            "template_id": "AzureAD2AAD",
        },
        "body model": {
            "body": models.SynchronizationJob(
                schedule=models.SynchronizationSchedule(**schedule), template_id="AzureAD2AAD"
            )
        },
        "body dict": {
            "body": {
                "schedule": {"expiration": "2026-12-31T23:00:00Z", "interval": "PT40M"},
                "templateId": "AzureAD2AAD",
            }
        },
        "body dict with Python values": {"body": {"schedule": schedule, "templateId": "AzureAD2AAD"}},
    }


@pytest.mark.parametrize(
    "variant",
    [
        "expanded model",
        "expanded dict",
        "expanded dotted",
        "body model",
        "body dict",
        "body dict with Python values",
    ],
)
def test_body_forms_send_the_same_json(
    graph: FakeGraph, client: Any, sdk: SimpleNamespace, variant: str
) -> None:
    graph.reply(200, JOB_JSON)
    arguments = _job_body_variants(sdk.models)[variant]
    result = client.update_application_synchronization_job(
        application_id=APP, synchronization_job_id=JOB, **arguments
    )
    request = graph.only()
    assert (request.method, request.path) == ("PATCH", f"{JOBS}/{JOB}")
    assert request.json() == {
        "schedule": {"expiration": "2026-12-31T23:00:00Z", "interval": "PT40M"},
        "templateId": "AzureAD2AAD",
    }
    assert isinstance(result, sdk.models.SynchronizationJob)


def test_additional_properties_join_the_body(graph: FakeGraph, client: Any) -> None:
    graph.reply(201, {"id": APP})
    client.new_application(
        display_name="Contoso HR", additional_properties={"isDisabled": False, "notes": "n"}
    )
    assert graph.only().json() == {"displayName": "Contoso HR", "isDisabled": False, "notes": "n"}


def test_unset_and_none_differ(graph: FakeGraph, client: Any) -> None:
    """Only the arguments given go into the body; the model's other fields are not sent as null."""
    graph.reply(200, {"id": "cat"})
    client.update_user_outlook_master_category(user_id=USER, outlook_category_id="cat", display_name="Falcon")
    assert graph.only().json() == {"displayName": "Falcon"}


def test_expanded_object_and_its_dotted_property_merge(
    graph: FakeGraph, client: Any, sdk: SimpleNamespace
) -> None:
    graph.reply(204)
    client.update_application_synchronization_job(
        application_id=APP,
        synchronization_job_id=JOB,
        schedule=sdk.models.SynchronizationSchedule(interval=dt.timedelta(minutes=40)),
        schedule_state="Active",
    )
    assert graph.only().json() == {"schedule": {"interval": "PT40M", "state": "Active"}}


def test_expanded_arguments_are_not_mutated(graph: FakeGraph, client: Any) -> None:
    graph.reply(204)
    schedule = {"interval": "PT40M"}
    client.update_application_synchronization_job(
        application_id=APP, synchronization_job_id=JOB, schedule=schedule, schedule_state="Active"
    )
    assert graph.only().json() == {"schedule": {"interval": "PT40M", "state": "Active"}}
    assert schedule == {"interval": "PT40M"}


@pytest.mark.parametrize("form", ["dict", "camelCase dict", "model"])
def test_via_identity(graph: FakeGraph, client: Any, sdk: SimpleNamespace, form: str) -> None:
    identity = {
        "dict": {"ApplicationId": APP, "SynchronizationJobId": JOB},
        "camelCase dict": {"applicationId": APP, "synchronizationJobId": JOB},
        "model": sdk.models.ApplicationsIdentity(application_id=APP, synchronization_job_id=JOB),
    }[form]
    graph.reply(204).reply(200, JOB_JSON).reply(204)
    client.update_application_synchronization_job(input_object=identity, schedule_state="Active")
    job = client.get_application_synchronization_job(input_object=identity)
    client.suspend_application_synchronization_job(input_object=identity)
    patch, get, pause = graph.received
    assert (patch.method, patch.path) == ("PATCH", f"{JOBS}/{JOB}")
    assert patch.json() == {"schedule": {"state": "Active"}}
    assert (get.method, get.path) == ("GET", f"{JOBS}/{JOB}")
    assert isinstance(job, sdk.models.SynchronizationJob)
    assert (pause.method, pause.path) == ("POST", f"{JOBS}/{JOB}/pause")


def test_via_identity_with_body_on_beta(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    graph.reply(200, {"id": "cat-1", "color": "preset2"}).reply(200, {"id": USER})
    identity = sdk.models.BetaUsersIdentity(user_id=USER, outlook_category_id="cat-1")
    client.update_user_outlook_master_category(
        input_object=identity, body=sdk.models.OutlookCategory(color="preset2")
    )
    client.get_beta_user(input_object={"UserId": USER})
    patch, get = graph.received
    assert (patch.method, patch.path) == ("PATCH", f"/beta/users/{USER}/outlook/masterCategories/cat-1")
    assert patch.json() == {"color": "preset2"}
    assert (get.method, get.path) == ("GET", f"/beta/users/{USER}")


def test_identity_without_a_key_is_a_type_error(graph: FakeGraph, client: Any) -> None:
    with pytest.raises(TypeError, match=r"synchronizationJob-id"):
        client.get_application_synchronization_job(input_object={"applicationId": APP})
    assert graph.received == []


# ------------------------------------------------------------------------------------------ OData
def test_odata_options(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    graph.reply(
        200,
        {
            "@odata.count": 7,
            "value": [{"id": APP, "displayName": "Contoso HR"}],
            "@odata.nextLink": graph.url("/v1.0/applications?$skiptoken=X"),
        },
    )
    page = client.list_applications(
        filter="startswith(displayName,'Contoso')",
        select=["id", "displayName", "appId"],
        expand=["owners"],
        order_by=["displayName desc", "createdDateTime"],
        top=10,
        skip=5,
        search='"displayName:HR"',
        count=True,
    )
    request = graph.only()
    assert (request.method, request.path) == ("GET", "/v1.0/applications")
    assert request.query == {
        "$filter": "startswith(displayName,'Contoso')",
        "$select": "id,displayName,appId",
        "$expand": "owners",
        "$orderby": "displayName desc,createdDateTime",
        "$top": "10",
        "$skip": "5",
        "$search": '"displayName:HR"',
        "$count": "true",
    }
    assert "$select=id,displayName,appId" in request.raw_query  # literal `$` and commas, as Graph documents
    assert request.headers["ConsistencyLevel"] == "eventual"
    assert isinstance(page, sdk.client.Page) and isinstance(page, list)
    assert [a.display_name for a in page] == ["Contoso HR"]
    assert page.total_count == 7
    assert page.next_link == graph.url("/v1.0/applications?$skiptoken=X")


def test_list_applications(graph: FakeGraph, client: Any) -> None:
    """The PowerShell names of the OData options are taken too: `property` is `select`."""
    graph.reply(200, {"value": [{"id": APP}]})
    page = client.list_applications(property=["id"], expand_property=["owners"], sort=["displayName"])
    request = graph.only()
    assert request.query == {"$select": "id", "$expand": "owners", "$orderby": "displayName"}
    assert [a.id for a in page] == [APP] and not page.has_next_page() and page.next_page() is None


def test_list_beta_users(graph: FakeGraph, client: Any, sdk: SimpleNamespace) -> None:
    graph.reply(200, {"value": [{"id": USER}], "@odata.nextLink": graph.url("/beta/users?$skiptoken=2")})
    graph.reply(200, {"value": [{"id": "u-2"}]})
    first = client.list_beta_users(select=["id"])
    second = first.next_page()
    assert [u.id for u in first] == [USER] and [u.id for u in second] == ["u-2"]
    assert isinstance(second, sdk.client.Page) and second.next_page() is None
    listed, followed = graph.received
    assert (listed.path, listed.query) == ("/beta/users", {"$select": "id"})
    assert (followed.path, followed.query) == ("/beta/users", {"$skiptoken": "2"})


def test_filter_alone_needs_no_consistency_level(graph: FakeGraph, client: Any) -> None:
    graph.reply(200, {"value": []})
    assert client.list_applications(filter="appId eq '1'") == []
    request = graph.only()
    assert request.query == {"$filter": "appId eq '1'"}
    assert "ConsistencyLevel" not in request.headers


def test_explicit_consistency_level_and_headers(graph: FakeGraph, client: Any) -> None:
    graph.reply(200, {"value": []}).reply(200, {"id": USER})
    client.list_applications(consistency_level="eventual", filter="appId eq '1'")
    client.get_user(user_id=USER, headers={"Prefer": 'outlook.timezone="UTC"', "x-ms-trace": "t-1"})
    listed, got = graph.received
    assert listed.headers["ConsistencyLevel"] == "eventual"
    assert got.headers["Prefer"] == 'outlook.timezone="UTC"'
    assert got.headers["x-ms-trace"] == "t-1"
    assert got.headers["Authorization"] == f"Bearer {TOKEN}"


# --------------------------------------------------------------------------------- parameter sets
def test_no_matching_set_names_the_sets(graph: FakeGraph, client: Any) -> None:
    with pytest.raises(TypeError) as caught:
        client.update_application_synchronization_job(
            application_id=APP, synchronization_job_id=JOB, body={"templateId": "x"}, schedule_state="Active"
        )
    text = str(caught.value)
    assert "update_application_synchronization_job() matches no parameter set" in text
    assert "Update-MgApplicationSynchronizationJob" in text
    assert "UpdateExpanded: does not take body" in text
    assert "Update: does not take schedule_state" in text
    assert "UpdateViaIdentity: missing input_object" in text
    assert graph.received == []


def test_missing_key_names_what_is_missing(client: Any) -> None:
    with pytest.raises(TypeError) as caught:
        client.get_application_synchronization_job()
    text = str(caught.value)
    assert "matches no parameter set" in text
    assert "List:" not in text  # the list is `list_application_synchronization_jobs`
    assert "Get: missing application_id, synchronization_job_id" in text
    assert "GetViaIdentity: missing input_object" in text


def test_key_and_identity_together_conflict(client: Any) -> None:
    with pytest.raises(TypeError, match="matches no parameter set"):
        client.remove_application(application_id=APP, input_object={"applicationId": APP})


def test_list_options_on_a_get_set_conflict(client: Any) -> None:
    with pytest.raises(TypeError, match=r"Get: does not take filter"):
        client.get_application(application_id=APP, filter="x eq 1")
    with pytest.raises(TypeError, match=r"List: does not take application_id"):
        client.list_applications(application_id=APP)


def test_several_matching_sets_name_the_sets(sdk: SimpleNamespace) -> None:
    """No generated operation has two sets a call can tie on (the default set breaks ties), so this
    builds one: two non-default sets that both take exactly what is given."""
    r = sdk.runtime

    def one_set(name: str) -> Any:
        return r.SetSpec(
            name,
            False,
            "GET",
            r.Service("https://graph.microsoft.com/v1.0"),
            "/things",
            "list",
            r.names(""),
            r.names("filter"),
            (),
        )

    op = r.OperationSpec(
        "Get-MgThing",
        (r.Arg("filter", "query", "$filter"),),
        (one_set("ListA"), one_set("ListB")),
    )
    with pytest.raises(TypeError) as caught:
        r.choose_set(op, {"filter"}, "list", "list_things")
    text = str(caught.value)
    assert "list_things() matches several parameter sets of Get-MgThing" in text
    assert "ListA: matches too" in text and "ListB: matches too" in text


def test_unknown_keyword_is_a_type_error(graph: FakeGraph, client: Any) -> None:
    with pytest.raises(
        TypeError,
        match=r"new_application\(\) got an unexpected keyword argument 'display_nam'; did you mean 'display_name'\?",
    ):
        client.new_application(display_nam="Contoso HR")
    with pytest.raises(TypeError):
        client.get_application(APP)  # keyword-only, as in PowerShell's named parameters
    assert graph.received == []


# ----------------------------------------------------------------------------- path encoding
RESERVED_ID = "a/b?c#d'e@f g"


def test_reserved_characters_stay_in_one_segment(graph: FakeGraph, client: Any) -> None:
    graph.reply(200, {"id": "x"}).reply(204)
    client.get_application(application_id=RESERVED_ID)
    client.remove_application_synchronization_job(
        application_id="../users", synchronization_job_id="j/../../x?y=1"
    )
    get, delete = graph.received
    assert get.raw_path == "/v1.0/applications/a%2Fb%3Fc%23d%27e%40f%20g"
    assert get.path == "/v1.0/applications/" + RESERVED_ID
    assert get.query == {} and get.raw_query == ""
    assert delete.raw_path == "/v1.0/applications/..%2Fusers/synchronization/jobs/j%2F..%2F..%2Fx%3Fy%3D1"
    assert delete.query == {}


def test_reserved_characters_from_an_identity(graph: FakeGraph, client: Any) -> None:
    graph.reply(200, {"id": "x"})
    client.get_beta_user(input_object={"userId": "o'brien#1@contoso.com"})
    assert graph.only().raw_path == "/beta/users/o%27brien%231%40contoso.com"


@pytest.mark.parametrize("key", ["..", "."])
def test_dot_segment_ids_cannot_change_the_path(graph: FakeGraph, client: Any, key: str) -> None:
    graph.reply(204)
    client.remove_application(application_id=key)
    request = graph.only()
    assert request.method == "DELETE"
    assert request.raw_path == "/v1.0/applications/" + key.replace(".", "%2E")
