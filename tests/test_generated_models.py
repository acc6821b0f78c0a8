"""The committed generated package works: import, build, dump to the wire, parse back, type-check."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pydantic
import pytest

from support import GENERATED, mypy_strict

pytestmark = pytest.mark.usefixtures("generated_on_path")

EXPECTED_JOB = {
    "id": "job-1",
    "templateId": "AzureAD2AAD",
    "schedule": {"expiration": "2026-12-31T23:00:00Z", "interval": "PT40M", "state": "Active"},
    "schema": {
        "directories": [
            {
                "name": "Azure Active Directory",
                "objects": [
                    {"name": "User", "attributes": [{"name": "mail", "anchor": False, "type": "String"}]}
                ],
            }
        ],
        "synchronizationRules": [{"id": "rule-1", "priority": 1, "sourceDirectoryName": "AAD"}],
    },
    "status": {
        "code": "Active",
        "lastExecution": {"state": "Succeeded", "timeBegan": "2026-11-01T08:00:00Z"},
        "progress": [{"completedUnits": 10, "totalUnits": 20, "units": "users"}],
    },
    "synchronizationJobSettings": [{"name": "QuarantineTooManyDeletesThreshold", "value": "500"}],
}


def build_job():  # type: ignore[no-untyped-def]
    from graph_sdk.models import (
        AttributeDefinition,
        DirectoryDefinition,
        KeyValuePair,
        ObjectDefinition,
        SynchronizationJob,
        SynchronizationProgress,
        SynchronizationRule,
        SynchronizationSchedule,
        SynchronizationSchema,
        SynchronizationStatus,
        SynchronizationTaskExecution,
    )

    utc = dt.timezone.utc
    return SynchronizationJob(
        id="job-1",
        template_id="AzureAD2AAD",
        schedule=SynchronizationSchedule(
            expiration=dt.datetime(2026, 12, 31, 23, 0, tzinfo=utc),
            interval=dt.timedelta(minutes=40),
            state="Active",
        ),
        schema_=SynchronizationSchema(
            directories=[
                DirectoryDefinition(
                    name="Azure Active Directory",
                    objects=[
                        ObjectDefinition(
                            name="User",
                            attributes=[AttributeDefinition(name="mail", anchor=False, type_="String")],
                        )
                    ],
                )
            ],
            synchronization_rules=[SynchronizationRule(id="rule-1", priority=1, source_directory_name="AAD")],
        ),
        status=SynchronizationStatus(
            code="Active",
            last_execution=SynchronizationTaskExecution(
                state="Succeeded", time_began=dt.datetime(2026, 11, 1, 8, tzinfo=utc)
            ),
            progress=[SynchronizationProgress(completed_units=10, total_units=20, units="users")],
        ),
        synchronization_job_settings=[KeyValuePair(name="QuarantineTooManyDeletesThreshold", value="500")],
    )


def test_the_seed_job_dumps_to_the_camel_case_wire_json() -> None:
    job = build_job()
    assert job.to_wire() == EXPECTED_JOB
    assert json.loads(job.to_json()) == EXPECTED_JOB


def test_the_wire_json_parses_back_into_equal_models() -> None:
    from graph_sdk.models import SynchronizationJob, SynchronizationStatus

    parsed = SynchronizationJob.from_wire(EXPECTED_JOB)
    assert parsed == build_job()
    assert isinstance(parsed.status, SynchronizationStatus)
    assert parsed.schedule is not None and parsed.schedule.interval == dt.timedelta(minutes=40)
    assert parsed.schedule.expiration == dt.datetime(2026, 12, 31, 23, 0, tzinfo=dt.timezone.utc)


def test_unset_fields_are_not_sent_but_fields_set_to_none_are() -> None:
    from graph_sdk.models import SynchronizationJob

    assert SynchronizationJob().to_wire() == {}
    assert SynchronizationJob(template_id=None).to_wire() == {"templateId": None}


def test_open_models_keep_properties_the_help_does_not_list() -> None:
    from graph_sdk.models import SynchronizationJob

    job = SynchronizationJob.from_wire(
        {"id": "1", "@odata.type": "#microsoft.graph.synchronizationJob", "newThing": 3}
    )
    assert job.to_wire() == {"id": "1", "@odata.type": "#microsoft.graph.synchronizationJob", "newThing": 3}


def test_datetimes_must_carry_a_time_zone() -> None:
    from graph_sdk.models import SynchronizationSchedule

    with pytest.raises(pydantic.ValidationError):
        SynchronizationSchedule(expiration=dt.datetime(2026, 1, 1))


def test_wrong_types_are_rejected_with_the_field_named() -> None:
    from graph_sdk.models import SynchronizationProgress

    with pytest.raises(pydantic.ValidationError) as error:
        SynchronizationProgress.from_wire({"completedUnits": "many"})
    assert "completedUnits" in str(error.value)


def test_models_are_imported_lazily_class_by_class() -> None:
    import graph_sdk.models as models

    assert "graph_sdk.models.synchronization_job" not in sys.modules
    assert models.SynchronizationJob.__module__ == "graph_sdk.models.synchronization_job"
    # The classes it names are imported when it is first validated, not when it is imported.
    assert "graph_sdk.models.synchronization_schedule" not in sys.modules
    job = models.SynchronizationJob.from_wire({"schedule": {"interval": "PT40M", "state": "Active"}})
    assert "graph_sdk.models.synchronization_schedule" in sys.modules
    assert "graph_sdk.models.user" not in sys.modules  # not reached from a job
    assert job.schedule is not None and job.schedule.state == "Active"
    with pytest.raises(AttributeError):
        models.NoSuchModel  # noqa: B018


def test_the_generated_package_passes_mypy_strict() -> None:
    assert "Success" in mypy_strict(GENERATED, "graph_sdk")


def test_every_generated_file_says_it_is_generated_and_has_no_timestamp() -> None:
    import re

    for path in sorted(GENERATED.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# Code generated by platygen"), path
        assert "DO NOT EDIT" in text.splitlines()[0], path
        comments = "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
        assert not re.search(r"20\d\d-\d\d-\d\d|\d\d:\d\d:\d\d|version \d", comments), path


def test_every_class_is_exported_once_under_its_own_name() -> None:
    import re

    import graph_sdk.models as models

    defined, enums = [], []
    for path in sorted((GENERATED / "graph_sdk" / "models").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        defined += re.findall(r"^class (\w+)\(", text, flags=re.M)
        enums += re.findall(r"^(\w+) = _t\.Annotated\[", text, flags=re.M)
    names = defined + enums
    assert len(names) == len(set(names)), "two model modules define the same name"
    assert sorted(names) == sorted(models.__all__)
    for name in defined:
        assert getattr(models, name).__name__ == name
    assert enums, "the enums of Graph's CSDL are exported too"


def test_the_seeds_flattened_properties_are_sent_nested() -> None:
    from graph_sdk.models import SynchronizationJob

    assert "schedule_expiration" not in SynchronizationJob.model_fields
    assert "schema_directories" not in SynchronizationJob.model_fields
    assert {"schedule", "schema_", "status"} <= set(SynchronizationJob.model_fields)
