"""Names are stable: a new property, cmdlet or type that wants a name another already has does not
take it, so `platygen diff` reports the newcomer and nothing else. (What the policy cannot keep
stable is reported as breaking: PD080, PD083 in test_diff_rules.)"""

from __future__ import annotations

from pathlib import Path

import contoso
from generator import config, pipeline
from workspace import Param, Workspace, help_file

WIDGET = "specs/Contoso.Widgets/Update-CoWidget.md"


def rules(found: list[dict[str, object]]) -> list[tuple[object, object]]:
    return [(c["rule"], c["subject"]) for c in found]


def test_a_colliding_property_renames_no_field(tmp_path: Path) -> None:
    ws = Workspace(tmp_path, contoso.SETTINGS)
    contoso.contoso(ws)
    plain = contoso.WIDGET_NOTES.replace("`[Foo_Bar <String>]`: An odd name.", "`[FooBar <String>]`: Plain.")
    ws.write(WIDGET, contoso.update_widget(notes=plain))
    ws.commit()
    # FOO_BAR is foo_bar in Python too, and sorts before FooBar: sorted order alone would give it foo_bar.
    loud = plain.replace("  - `[Id <String>]`", "  - `[FOO_BAR <String>]`: Loud.\n  - `[Id <String>]`")
    ws.write(WIDGET, contoso.update_widget(notes=loud))
    found = ws.changes("HEAD")
    assert rules(found) == [("PD043", "IWidget.FOO_BAR")]
    assert "field foo_bar_2" in str(found[0]["message"])  # FooBar keeps foo_bar


def test_a_colliding_cmdlet_renames_no_method(tmp_path: Path) -> None:
    ws = Workspace(tmp_path, contoso.SETTINGS)
    contoso.contoso(ws)
    ws.write("specs/Contoso.Widgets/Get-CoWidgetById.md", help_file("Get-CoWidgetById", [Param("Id")]))
    ws.replace(
        "specs/routes.yaml",
        "cmdlets:\n",
        "cmdlets:\n  Get-CoWidgetById:\n    method: GET\n    path: /widgets/{id}\n",
    )
    ws.commit()
    # Another module with the same noun prefix: get_widget_by_id as well, and sorted before.
    ws.write(
        "specs/Contoso.Legacy/Get-CoWidgetByID.md",
        help_file("Get-CoWidgetByID", [Param("Id")], module="Contoso.Legacy"),
    )
    ws.replace(
        "specs/routes.yaml",
        "cmdlets:\n",
        "cmdlets:\n  Get-CoWidgetByID:\n    method: GET\n    path: /legacy/{id}\n",
    )
    assert rules(ws.changes("HEAD")) == [("PD002", "Get-CoWidgetByID")]
    project, *_ = pipeline.build(config.load(ws.root))
    methods = {op.cmdlet.name: op.method for op in project.operations if op.sets}
    assert (methods["Get-CoWidgetById"], methods["Get-CoWidgetByID"]) == (
        "get_widget_by_id",
        "get_widget_by_id_2",
    )


def test_a_type_whose_own_name_is_the_class_name_keeps_it(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    ws.write(
        "specs/Acme/Get-AcApplication.md",
        help_file("Get-AcApplication", [Param("Id")], module="Acme", output="Acme.Models.IApplication"),
    )
    ws.commit()
    # Graph's IMicrosoftGraphApplication is `Application` too once its vendor prefix goes.
    ws.write(
        "specs/Microsoft.Graph.Applications/Get-MgApplication.md",
        help_file(
            "Get-MgApplication",
            [Param("ApplicationId")],
            module="Microsoft.Graph.Applications",
            output="Microsoft.Graph.PowerShell.Models.IMicrosoftGraphApplication",
        ),
    )
    found = ws.changes("HEAD")
    assert sorted(rules(found)) == [("PD002", "Get-MgApplication"), ("PD041", "IMicrosoftGraphApplication")]
    assert "class MicrosoftGraphPowerShellApplication" in str(found[-1]["message"]) + str(found[0]["message"])


def test_a_beta_namespace_leaves_the_v1_names(tmp_path: Path) -> None:
    ws = Workspace(tmp_path)
    user = "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphUser"
    ws.write(
        "specs/Users/Get-MgUser.md",
        help_file("Get-MgUser", [Param("UserId")], module="Microsoft.Graph.Users", output=user),
    )
    ws.commit()
    ws.write(
        "specs/Beta.Users/Get-MgBetaUser.md",
        help_file(
            "Get-MgBetaUser",
            [Param("UserId")],
            module="Microsoft.Graph.Beta.Users",
            output=user.replace("Graph.", "Graph.Beta.", 1),
        ),
    )
    found = ws.changes("HEAD")
    assert sorted(rules(found)) == [
        ("PD002", "Get-MgBetaUser"),
        ("PD041", "Microsoft.Graph.Beta.PowerShell.Models.IMicrosoftGraphUser"),
    ]
