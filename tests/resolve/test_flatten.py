"""AutoRest's flattened body properties (`ScheduleExpiration` = `schedule.expiration`) fold into the nested one."""

from __future__ import annotations

from test_resolver import body, by_source, config, fields

from generator.resolve.resolver import resolve

GRAPH = "Microsoft.Graph.PowerShell.Models"

NESTED = """  - `[Id <String>]`: Read-only.
  - `[Schedule <IMicrosoftGraphSynchronizationSchedule>]`: synchronizationSchedule
    - `[Expiration <DateTime?>]`: When the job expires.
    - `[State <String>]`: synchronizationScheduleState
"""
FLAT = """  - `[Id <String>]`: Read-only.
  - `[ScheduleExpiration <DateTime?>]`:
  - `[ScheduleState <String>]`: synchronizationScheduleState
  - `[ScheduleColour <String>]`: not a property of the schedule
"""


def job_fields(*cmdlets):  # type: ignore[no-untyped-def]
    project = resolve(list(cmdlets), config())
    job = by_source(project)[(GRAPH, "IMicrosoftGraphSynchronizationJob")]
    return fields(job), project


def test_flat_properties_with_a_nested_counterpart_are_dropped_with_an_info() -> None:
    job, project = job_fields(
        body("New-MgJob", "IMicrosoftGraphSynchronizationJob", NESTED),
        body("Update-MgJob", "IMicrosoftGraphSynchronizationJob", FLAT),
    )
    assert list(job) == ["Id", "Schedule", "ScheduleColour"]
    notes = sorted(d.message for d in project.diagnostics if d.rule == "PG064")
    assert notes == [
        "IMicrosoftGraphSynchronizationJob.ScheduleExpiration is the flattened form of Schedule.Expiration; "
        "the model keeps the nested property",
        "IMicrosoftGraphSynchronizationJob.ScheduleState is the flattened form of Schedule.State; "
        "the model keeps the nested property",
    ]


def test_without_the_nested_property_the_flat_ones_stay() -> None:
    job, project = job_fields(body("Update-MgJob", "IMicrosoftGraphSynchronizationJob", FLAT))
    assert list(job) == ["Id", "ScheduleExpiration", "ScheduleState", "ScheduleColour"]
    assert not [d for d in project.diagnostics if d.rule == "PG064"]


def test_a_flat_property_of_another_type_than_the_nested_one_stays() -> None:
    other = FLAT.replace("[ScheduleExpiration <DateTime?>]", "[ScheduleExpiration <Int32?>]")
    job, _ = job_fields(
        body("New-MgJob", "IMicrosoftGraphSynchronizationJob", NESTED),
        body("Update-MgJob", "IMicrosoftGraphSynchronizationJob", other),
    )
    assert "ScheduleExpiration" in job and "ScheduleState" not in job
