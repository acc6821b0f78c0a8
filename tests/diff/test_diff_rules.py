"""Every rule of `platygen diff`, from one edit to a committed project: `platygen diff HEAD` reports it
on the subject edited, at the level its rule has."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import contoso
from contoso import MODELS, WIDGET_NOTES
from workspace import Param
from generator.diff.rules import RULES
from workspace import Workspace, help_file  # noqa: E402

WIDGET = "specs/Contoso.Widgets/Update-CoWidget.md"
GET = "specs/Contoso.Widgets/Get-CoWidget.md"
GADGET = "specs/Contoso.Widgets/Remove-CoGadget.md"
ROUTES = "specs/routes.yaml"
THING = "specs/Things/Update-ExThing.md"
API = "api/things.json"


@dataclass(frozen=True)
class Case:
    rule: str
    subject: str  # the change's subject, exactly
    edit: Callable[[Workspace], None]
    things: dict[str, object] | None = None  # the Things module (an OpenAPI description), with these options
    message: str = ""  # a part of the message
    absent: tuple[str, ...] = ()  # rules that must not be reported: what the change is not


def params(**changed: Param | None) -> list[Param]:
    """Update-CoWidget's parameters with some replaced (or dropped: None) or added."""
    found = {p.name: p for p in contoso.update_params()}
    for name, param in changed.items():
        if param is None:
            del found[name]
        else:
            found[name] = param
    return list(found.values())


def notes(old: str, new: str) -> str:
    assert old in WIDGET_NOTES
    return WIDGET_NOTES.replace(old, new)


def widget(**changed: Param | None) -> Callable[[Workspace], None]:
    return lambda ws: ws.write(WIDGET, contoso.update_widget(params(**changed)))


def widget_notes(old: str, new: str) -> Callable[[Workspace], None]:
    return lambda ws: ws.write(WIDGET, contoso.update_widget(notes=notes(old, new)))


def routes(old: str, new: str) -> Callable[[Workspace], None]:
    return lambda ws: ws.replace(ROUTES, old, new)


def api(**options: object) -> Callable[[Workspace], None]:
    return lambda ws: ws.write(API, contoso.description(**options))  # type: ignore[arg-type]


def both(*edits: Callable[[Workspace], None]) -> Callable[[Workspace], None]:
    def edit(ws: Workspace) -> None:
        for one in edits:
            one(ws)

    return edit


UPDATE = "Update-CoWidget"
OPTIONAL = {"UpdateExpanded": False}
ROUTE_OF_GADGET = "  Remove-CoGadget:\n    method: DELETE\n    path: /gadgets/{gadget-id}\n"

CASES = [
    # Cmdlets and parameter sets
    Case("PD001", "Remove-CoGadget", lambda ws: ws.remove(GADGET)),
    Case(
        "PD002",
        "New-CoGadget",
        lambda ws: ws.write(
            "specs/Contoso.Widgets/New-CoGadget.md", help_file("New-CoGadget", [Param("Name")])
        ),
    ),
    Case(
        "PD003",
        "Remove-CoGadget",
        lambda ws: ws.write(GADGET, contoso.remove_gadget(module="Contoso.Gadgets")),
    ),
    Case("PD010", "Get-CoWidget [Get]", lambda ws: ws.write(GET, contoso.get_widget(sets=["List"]))),
    Case(
        "PD011",
        "Get-CoWidget [ByName]",
        lambda ws: ws.write(GET, contoso.get_widget(sets=["List", "Get", "ByName"])),
    ),
    Case(
        "PD012",
        "Get-CoWidget",
        lambda ws: ws.write(GET, contoso.get_widget(default="Get")),
        message="List → Get",
    ),
    # Parameters
    Case("PD020", f"{UPDATE} -Tags", widget(Tags=None)),
    Case("PD021", f"{UPDATE} -Etag", widget(Etag=Param("Etag", sets={"UpdateExpanded": True}))),
    Case("PD022", f"{UPDATE} -Note", widget(Note=Param("Note", sets=OPTIONAL))),
    Case("PD023", f"{UPDATE} -Name", widget(Name=Param("Name", sets={"UpdateExpanded": True}))),
    Case(
        "PD024",
        f"{UPDATE} -WidgetId",
        widget(WidgetId=Param("WidgetId", sets={"UpdateExpanded": True, "Update": False}, aliases=["Key"])),
    ),
    Case(
        "PD025",
        f"{UPDATE} -Tags",
        widget(Tags=Param("Tags", sets=OPTIONAL)),
        message="String[] → String",
        absent=("PD085",),  # the argument's type follows the parameter's: said once
    ),
    Case(
        "PD026",
        f"{UPDATE} -WidgetId",
        widget(WidgetId=Param("WidgetId", sets={"UpdateExpanded": True, "Update": True})),
    ),
    Case("PD027", f"{UPDATE} -Name", widget(Name=Param("Name", sets=OPTIONAL, aliases=["DisplayName"]))),
    Case("PD028", f"{UPDATE} -Color", widget(Color=Param("Color", sets=OPTIONAL, accepted=["Red"]))),
    Case(
        "PD029",
        f"{UPDATE} -Color",
        widget(Color=Param("Color", sets=OPTIONAL, accepted=["Red", "Blue", "Green"])),
    ),
    Case(
        "PD031", "Remove-CoGadget", lambda ws: ws.write(GADGET, contoso.remove_gadget(output="System.String"))
    ),
    # Complex types and properties
    Case(
        "PD040",
        "IDimensions",
        widget_notes(
            "  - `[Dimensions <IDimensions>]`: How big it is.\n    - `[Height <Int32>]`: Its height.\n    - `[Width <Int32>]`: Its width.\n",
            "",
        ),
    ),
    Case(
        "PD041",
        "IOwner",
        widget_notes(
            "  - `[Id <String>]`",
            "  - `[Owner <IOwner>]`: Who owns it.\n    - `[Email <String>]`: Their mail.\n  - `[Id <String>]`",
        ),
    ),
    Case("PD042", "IWidget.Size", widget_notes("  - `[Size <Int32>]`: Its size.\n", "")),
    Case(
        "PD043",
        "IWidget.Color",
        widget_notes("  - `[Id <String>]`", "  - `[Color <String>]`: Its colour.\n  - `[Id <String>]`"),
    ),
    Case(
        "PD044",
        "IWidget.Code",
        widget_notes("  - `[Id <String>]`", "  - `Code <String>`: Its code.\n  - `[Id <String>]`"),
    ),
    Case("PD045", "IWidget.Name", widget_notes("`[Name <String>]`", "`Name <String>`")),
    Case("PD046", "IWidget.Kind", widget_notes("`Kind <String>`", "`[Kind <String>]`")),
    Case("PD047", "IWidget.Size", widget_notes("`[Size <Int32>]`", "`[Size <String>]`"), message="int → str"),
    Case(
        "PD048", "IWidget.Kind", widget_notes("`Kind <String>`", "`Kind <Int32?>`"), message="may now be null"
    ),
    Case(
        "PD049",
        "IWidget.Size",
        lambda ws: ws.write(
            "pyproject.toml", ws.read("pyproject.toml") + '[tool.platygen.wire-names]\nSize = "sizeInCm"\n'
        ),
        message="size → sizeInCm",
    ),
    Case(
        "PD050",
        "IThing.Shade",
        api(shade={"type": "string", "enum": ["dark"]}),
        things={"shade": {"type": "string", "enum": ["dark", "light"]}},
        message="light removed",
    ),
    Case(
        "PD051",
        "State",
        api(state=["on", "off", "standby"]),
        things={},
        message="standby added",
        absent=("PD085",),  # -State's Literal grows with it: the enum says it
    ),
    Case(
        "PD052",
        "IWidget",
        widget_notes(
            "  - `[(Any) <Object>]`: This indicates any property can be added to this object.\n", ""
        ),
    ),
    Case(
        "PD053",
        "IDimensions",
        widget_notes(
            "    - `[Height <Int32>]`",
            "    - `[(Any) <Object>]`: This indicates any property can be added to this object.\n    - `[Height <Int32>]`",
        ),
    ),
    Case("PD054", "State", api(state=["on", "off", "standby"], evolvable=True), things={"evolvable": True}),
    Case("PD055", "Color", api(color=False), things={}),
    Case("PD056", "Color", api(color=True), things={"color": False}),
    # Routes
    Case("PD060", "Remove-CoGadget [Delete]", routes("method: DELETE", "method: POST")),
    Case(
        "PD061",
        "Update-CoWidget [Update]",
        routes("path: /widgets/{widget-id}\n  Remove", "path: /v2/widgets/{widget-id}\n  Remove"),
    ),
    Case(
        "PD062",
        "Remove-CoGadget [Delete]",
        routes(
            "    path: /gadgets/{gadget-id}\n",
            "    path: /gadgets/{gadget-id}\n    base-url: https://gadgets.contoso.com\n",
        ),
    ),
    Case(
        "PD063",
        "Get-CoWidget [Get]",
        routes("      Get:\n        method: GET\n        path: /widgets/{widget-id}\n", ""),
    ),
    Case(
        "PD064",
        "Remove-CoGadget [Delete]",
        lambda ws: ws.replace(ROUTES, "cmdlets:\n", "cmdlets:\n" + ROUTE_OF_GADGET),
        message="now callable",
    ),
    Case(
        "PD065",
        "Remove-CoGadget [Delete]",
        routes(ROUTE_OF_GADGET, ""),
        message="routes.yaml → sample",
        # The sample splits the same URL elsewhere (https://api.contoso.com + /v1/gadgets/{GadgetId}).
        absent=("PD061", "PD062"),
    ),
    # The Python surface
    Case(
        "PD080",
        "Contoso.Widgets.Models.IWidget",
        lambda ws: ws.write(
            "specs/Contoso/Get-CoWidgetBase.md",
            help_file("Get-CoWidgetBase", [Param("Id")], module="Contoso", output="Contoso.Models.IWidget"),
        ),
        message="class Widget renamed WidgetsWidget",
    ),
    Case(
        "PD081",
        "IMImport",
        lambda ws: ws.write(
            "specs/Contoso.Widgets/Get-CoImport.md",
            help_file("Get-CoImport", [Param("Id")], output=f"{MODELS}.IImport"),
        ),
        message="from models.m_import to models.m_import_2",
    ),
    Case(
        "PD082",
        "IWidget.Foo_Bar",
        widget_notes("  - `[Id <String>]`", "  - `[FooBar <String>]`: A plain name.\n  - `[Id <String>]`"),
        message="foo_bar renamed Widget.foo_bar_2",
    ),
    Case(
        "PD083",
        "Get-CoWidget",
        lambda ws: ws.write(
            "specs/Other/Get-Widget.md", help_file("Get-Widget", [Param("Id")], module="Other")
        ),
        message="get_widget renamed get_co_widget",
    ),
    Case(
        "PD084",
        f"{UPDATE} -Foo_Bar",
        widget(FooBar=Param("FooBar", sets=OPTIONAL)),
        message="foo_bar=) renamed foo_bar_2=",
    ),
    Case(
        "PD085",
        "Update-ExThing -Shade",
        api(shade={"type": "string", "enum": ["dark", "light"]}),
        things={},
        absent=("PD025",),
    ),
    Case(
        "PD086",
        "Color",
        lambda ws: ws.write(
            "specs/Things/Get-ExColor.md",
            help_file("Get-ExColor", [Param("Id")], module="Things", output="Things.Models.IColor"),
        ),
        things={},
        message="Color renamed Color2",
    ),
    Case("PD087", "Remove-CoGadget", routes(ROUTE_OF_GADGET, ""), message="remove_gadget removed"),
    Case(
        "PD088",
        "Remove-CoGadget",
        lambda ws: ws.replace(ROUTES, "cmdlets:\n", "cmdlets:\n" + ROUTE_OF_GADGET),
    ),
    # Text
    Case(
        "PD090",
        UPDATE,
        lambda ws: ws.write(WIDGET, contoso.update_widget(synopsis="Changes a widget.")),
        message="synopsis changed",
    ),
    Case("PD091", f"{UPDATE} -Name", widget(Name=Param("Name", sets=OPTIONAL, text="What it is called."))),
    Case("PD092", "IWidget.Size", widget_notes("Its size.", "How large it is, in cm.")),
]

# Cases whose base differs from the plain project: written before the commit.
BASE_EDITS: dict[str, Callable[[Workspace], None]] = {
    # No route for the gadget yet (PD064, PD088); a sample in its help (PD065) that routes.yaml overrides.
    "PD064": routes(ROUTE_OF_GADGET, ""),
    "PD088": routes(ROUTE_OF_GADGET, ""),
    "PD065": lambda ws: ws.write(
        GADGET,
        contoso.remove_gadget(
            text="\n```\ncurl -X DELETE https://api.contoso.com/v1/gadgets/{GadgetId}\n```\n"
        ),
    ),
    # Class MImport's module is m_import; class Import (a keyword) wants it too and sorts first (PD081).
    "PD081": lambda ws: ws.write(
        "specs/Contoso.Widgets/Get-CoMImport.md",
        help_file("Get-CoMImport", [Param("Id")], output=f"{MODELS}.IMImport"),
    ),
}


def test_every_rule_has_a_case() -> None:
    assert sorted({case.rule for case in CASES}) == sorted(RULES)


@pytest.mark.parametrize("case", CASES, ids=[case.rule for case in CASES])
def test_rule(case: Case, tmp_path: Path) -> None:
    settings = contoso.SETTINGS + (contoso.API_SETTINGS if case.things is not None else "")
    ws = Workspace(tmp_path, settings)
    contoso.contoso(ws)
    if case.things is not None:
        contoso.things(ws, **case.things)
    if case.rule in BASE_EDITS:
        BASE_EDITS[case.rule](ws)
    ws.commit()
    assert ws.changes("HEAD") == [], "the committed project differs from itself"
    case.edit(ws)
    found = ws.changes("HEAD")
    matching = [c for c in found if c["rule"] == case.rule and c["subject"] == case.subject]
    assert matching, "\n".join(f"{c['rule']} {c['subject']}: {c['message']}" for c in found)
    change = next((c for c in matching if case.message in str(c["message"])), None)
    assert change is not None, [c["message"] for c in matching]
    assert change["level"] == RULES[case.rule].level.value
    assert change["text_only"] is RULES[case.rule].text_only
    assert change["base"] or change["head"], "a change says where it is"
    assert not [c for c in found if c["rule"] in case.absent]
