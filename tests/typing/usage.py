"""How a user writes against the generated client, checked by `mypy --strict` (tests/test_typing.py).

Each `reveal_type` states the type a call must have; a line ending in `# error: <code>` must fail.
This file is never run.
"""

from __future__ import annotations

import datetime as dt

from graph_sdk import AsyncClient, Client, models
from graph_sdk.models import SynchronizationJob


def sync_usage(client: Client) -> None:
    job = client.get_application_synchronization_job(application_id="a", synchronization_job_id="j")
    reveal_type(job)  # R: graph_sdk.models.synchronization_job.SynchronizationJob
    schedule = job.schedule
    if schedule is not None:
        reveal_type(schedule.interval)  # R: datetime.timedelta
    page = client.list_users(select=["id", "displayName"], top=5)
    reveal_type(page)  # R: graph_sdk._runtime.Page[graph_sdk.models.user.User]
    following = page.next_page()
    reveal_type(following)  # R: graph_sdk._runtime.Page[graph_sdk.models.user.User] | None
    for user in client.list_users(all=True, filter="accountEnabled eq true"):
        reveal_type(user)  # R: graph_sdk.models.user.User
    reveal_type(client.get_application_count())  # R: int
    password = client.add_application_password(application_id="a")
    reveal_type(password)  # R: graph_sdk.models.password_credential.PasswordCredential
    reveal_type(client.remove_application(application_id="a"))  # R: None
    reveal_type(client.prepare(client.get_user, user_id="u"))  # R: graph_sdk._runtime.PreparedRequest
    client.update_application_synchronization_job(
        application_id="a",
        synchronization_job_id="j",
        schedule_interval=dt.timedelta(minutes=40),
        schedule_state="Paused",
    )
    client.update_application_synchronization_job(schedule_state="Sleeping")  # error: arg-type
    client.get_user(usr_id="u")  # error: call-arg
    job.schedulee  # error: attr-defined


async def async_usage(client: AsyncClient) -> None:
    job = await client.get_application_synchronization_job(application_id="a", synchronization_job_id="j")
    reveal_type(job)  # R: graph_sdk.models.synchronization_job.SynchronizationJob
    async for user in client.list_users(all=True):
        reveal_type(user)  # R: graph_sdk.models.user.User
    page = await client.list_users()
    reveal_type(page)  # R: graph_sdk._runtime.AsyncPage[graph_sdk.models.user.User]
    reveal_type(await page.anext_page())  # R: graph_sdk._runtime.AsyncPage[graph_sdk.models.user.User] | None


def models_usage() -> None:
    job = SynchronizationJob(
        template_id="AzureAD2AAD", schedule=models.SynchronizationSchedule(state="Paused")
    )
    reveal_type(job.template_id)  # R: str | None
    reveal_type(models.User(display_name="Adele").display_name)  # R: str | None
    SynchronizationJob(templateId="AzureAD2AAD")  # error: call-arg
