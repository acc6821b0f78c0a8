"""A small project to edit, one change at a time: Contoso's widgets (a list/get cmdlet, an update with
an expanded and a body set, a NOTES tree with a nested type) and gadgets (a delete), routed by
routes.yaml; optionally an OpenAPI description of things with enums."""

from __future__ import annotations

import json
from typing import Any

from workspace import Param, Workspace, help_file

SETTINGS = '[tool.platygen.base-urls]\n"Contoso.*" = "https://api.contoso.com/v1"\n'

ROUTES = """cmdlets:
  Get-CoWidget:
    sets:
      List:
        method: GET
        path: /widgets
      Get:
        method: GET
        path: /widgets/{widget-id}
  Update-CoWidget:
    method: PATCH
    path: /widgets/{widget-id}
  Remove-CoGadget:
    method: DELETE
    path: /gadgets/{gadget-id}
"""

WIDGET_NOTES = """BODYPARAMETER <IWidget>: A widget.
  - `Kind <String>`: What it is.
  - `[(Any) <Object>]`: This indicates any property can be added to this object.
  - `[Dimensions <IDimensions>]`: How big it is.
    - `[Height <Int32>]`: Its height.
    - `[Width <Int32>]`: Its width.
  - `[Foo_Bar <String>]`: An odd name.
  - `[Id <String>]`: Its id.
  - `[Name <String>]`: Its name.
  - `[Size <Int32>]`: Its size.
  - `[Weight <Int32>]`: Its weight.
"""

MODELS = "Contoso.Widgets.Models"


def get_widget(
    sets: list[str] | None = None, default: str | None = None, extra: list[Param] | None = None
) -> str:
    return help_file(
        "Get-CoWidget",
        [
            Param("Filter", sets={"List": False}),
            Param("WidgetId", sets={"Get": True}),
            *(extra or []),
        ],
        sets=sets or ["List", "Get"],
        default=default,
        output=f"{MODELS}.IWidget",
    )


def update_widget(
    params: list[Param] | None = None, notes: str = WIDGET_NOTES, synopsis: str = "Updates a widget."
) -> str:
    return help_file(
        "Update-CoWidget",
        params if params is not None else update_params(),
        sets=["UpdateExpanded", "Update"],
        notes=notes,
        synopsis=synopsis,
    )


def update_params() -> list[Param]:
    return [
        Param("WidgetId", sets={"UpdateExpanded": True, "Update": True}, aliases=["Key"]),
        Param("BodyParameter", f"{MODELS}.IWidget", sets={"Update": True}),
        Param("Color", sets={"UpdateExpanded": False}, accepted=["Red", "Blue"]),
        Param("Foo_Bar", sets={"UpdateExpanded": False}),
        Param("Kind", sets={"UpdateExpanded": False}),
        Param("Name", sets={"UpdateExpanded": False}),
        Param("Tags", "System.String[]", sets={"UpdateExpanded": False}),
    ]


def remove_gadget(module: str = "Contoso.Widgets", output: str = "System.Boolean", text: str = "") -> str:
    return help_file(
        "Remove-CoGadget",
        [Param("GadgetId", sets={"Delete": True})],
        sets=["Delete"],
        module=module,
        output=output,
        text=text,
    )


def contoso(ws: Workspace) -> None:
    ws.write("specs/routes.yaml", ROUTES)
    ws.write("specs/Contoso.Widgets/Get-CoWidget.md", get_widget())
    ws.write("specs/Contoso.Widgets/Update-CoWidget.md", update_widget())
    ws.write("specs/Contoso.Widgets/Remove-CoGadget.md", remove_gadget())


# --- an AutoRest module with an OpenAPI description -------------------------------------------------------


def description(
    state: list[str] | None = None,
    evolvable: bool = False,
    color: bool = True,
    shade: dict[str, Any] | None = None,
    size_name: str = "size",
) -> str:
    """Things: `thing` has a named enum `state` (x-ms-enum modelAsString when evolvable), a `shade`
    string (an inline enum when given), and `size`."""
    schemas: dict[str, Any] = {
        "thing": {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "state": {"$ref": "#/components/schemas/state"},
                "shade": shade or {"type": "string"},
                size_name: {"type": "integer", "format": "int32"},
            },
        },
        "state": {"type": "string", "enum": state or ["on", "off"]},
    }
    if evolvable:
        schemas["state"]["x-ms-enum"] = {"name": "state", "modelAsString": True}
    if color:
        schemas["color"] = {"type": "string", "enum": ["red", "green"]}
        schemas["thing"]["properties"]["color"] = {"$ref": "#/components/schemas/color"}
    thing = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/thing"}}}}
    return json.dumps(
        {
            "openapi": "3.0.1",
            "info": {"title": "Things", "version": "1"},
            "servers": [{"url": "https://things.example.com/v1"}],
            "components": {"schemas": schemas},
            "paths": {
                "/things/{id}": {
                    "patch": {
                        "operationId": "Things_Update",
                        "parameters": [
                            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                        ],
                        "requestBody": {"required": True, **thing},
                        "responses": {"200": {"description": "", **thing}},
                    }
                }
            },
        },
        indent=1,
    )


THING_NOTES = """BODYPARAMETER <IThing>: A thing.
  - `[Id <String>]`: Its id.
  - `[Shade <String>]`: Its shade.
  - `[Size <Int32>]`: Its size.
  - `[State <String>]`: Its state.
"""

API_SETTINGS = '[tool.platygen.api-descriptions]\n"Things" = ["api/things.json"]\n[tool.platygen.noun-prefixes]\n"Things" = "Ex"\n'


def update_thing(notes: str = THING_NOTES) -> str:
    return help_file(
        "Update-ExThing",
        [
            Param("Id", sets={"UpdateExpanded": True, "Update": True}),
            Param("BodyParameter", "Things.Models.IThing", sets={"Update": True}),
            Param("Shade", sets={"UpdateExpanded": False}),
            Param("Size", "System.Int32", sets={"UpdateExpanded": False}),
            Param("State", sets={"UpdateExpanded": False}),
        ],
        sets=["UpdateExpanded", "Update"],
        notes=notes,
        module="Things",
        output="Things.Models.IThing",
    )


def things(ws: Workspace, **options: Any) -> None:
    ws.write("api/things.json", description(**options))
    ws.write("specs/Things/Update-ExThing.md", update_thing())
