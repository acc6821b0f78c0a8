"""Graph cmdlets bound to CSDL paths by the Graph PowerShell naming rules, never guessed."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

from generator.api.csdl import read_csdl
from generator.api.model import ApiDescription, ApiType, Format, Kind, Location
from generator.bind.graph import bind_graph
from generator.bind.model import BindResult
from generator.ir import Cmdlet
from generator.pipeline import find_specs, read_all
from generator.resolve.nouns import noun_prefixes

from help_files import help_cmdlet
from support import CORPUS, ROOT, SPECS, line_of

GRAPH_CSDL = CORPUS / "api" / "graph" / "v1.0.csdl"
V1 = "https://graph.microsoft.com/v1.0"
BETA = "https://graph.microsoft.com/beta"


def _literal_routes() -> dict[tuple[str, str], tuple[str, str]]:
    """The table of real routes in tests/resolve/test_routes.py (one table, not a copy of it)."""
    spec = importlib.util.spec_from_file_location(
        "routes_table", ROOT / "tests" / "resolve" / "test_routes.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    table: dict[tuple[str, str], tuple[str, str]] = module.GRAPH_ROUTES
    return table


@pytest.fixture(scope="module")
def graph() -> ApiDescription:
    return read_csdl(GRAPH_CSDL.read_bytes(), "api/graph/v1.0.csdl")


def _read(folder: Path) -> list[Cmdlet]:
    return [r.cmdlet for r in read_all(find_specs(folder), folder) if r.cmdlet]


def _bind(graph: ApiDescription, cmdlets: list[Cmdlet]) -> BindResult:
    return bind_graph(graph, cmdlets, noun_prefixes(cmdlets, {}))


def _routes_by_operation(
    result: BindResult, cmdlets: list[Cmdlet]
) -> dict[tuple[str, str], set[tuple[str, str]]]:
    """(cmdlet, set name without ViaIdentity/Expanded) → {(method, URL)}, the shape of the literal table."""
    modules = {c.name: c.module for c in cmdlets}
    seen: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for binding in result.bindings:
        base = BETA if ".Beta." in modules[binding.cmdlet] else V1
        operation = binding.parameter_set.replace("ViaIdentity", "").replace("Expanded", "")
        seen.setdefault((binding.cmdlet, operation), set()).add((binding.method, base + binding.path))
    return seen


@pytest.mark.parametrize("folder", [SPECS, CORPUS / "graph"], ids=["specs", "corpus-graph"])
def test_every_set_gets_its_real_route_from_the_csdl_alone(graph: ApiDescription, folder: Path) -> None:
    """No routes.yaml, no `segments:` hints: `synchronization/jobs` and `outlook/masterCategories` come
    from the CSDL's navigation properties."""
    cmdlets = _read(folder)
    started = time.perf_counter()
    result = _bind(graph, cmdlets)
    elapsed = time.perf_counter() - started
    sets = sum(len(c.parameter_sets) for c in cmdlets)
    print(
        f"\n{folder.name}: {len(result.bindings)}/{sets} sets of {len(cmdlets)} cmdlets bound in {elapsed:.3f} s"
    )
    assert result.unbound == [] and result.diagnostics == []
    assert len(result.bindings) == sets
    seen = _routes_by_operation(result, cmdlets)
    expected = _literal_routes()
    assert {key: {route} for key, route in expected.items()} == seen


def test_placeholders_bind_to_the_key_parameters_in_path_order(graph: ApiDescription) -> None:
    result = _bind(graph, _read(SPECS))
    by_set = {(b.cmdlet, b.parameter_set): b for b in result.bindings}
    job = by_set["Get-MgApplicationSynchronizationJob", "Get"]
    assert job.placeholders == (
        ("application-id", "ApplicationId"),
        ("synchronizationJob-id", "SynchronizationJobId"),
    )
    assert (
        job.provenance
        == "CSDL path /applications/{application-id}/synchronization/jobs/{synchronizationJob-id}"
    )
    assert job.description == "api/graph/v1.0.csdl"
    # The syntax lists -OutlookCategoryId first; the path's order wins. The key is named after the
    # navigation property's entity type (outlookCategory), not after the property (masterCategories).
    category = by_set["Update-MgBetaUserOutlookMasterCategory", "Update"]
    assert category.placeholders == (("user-id", "UserId"), ("outlookCategory-id", "OutlookCategoryId"))
    # An identity set binds the same placeholders to the -InputObject's properties of those names.
    identity = by_set["Suspend-MgApplicationSynchronizationJob", "PauseViaIdentity"]
    assert identity.placeholders == job.placeholders
    # The older help's "key: application-id of application" names the placeholder itself.
    older = by_set["Update-MgApplicationSynchronizationJob", "UpdateExpanded"]
    assert older.path.endswith("/{synchronizationJob-id}")


def test_the_synthesised_operations(graph: ApiDescription) -> None:
    result = _bind(graph, _read(SPECS))
    by_set = {(b.cmdlet, b.parameter_set): b.operation for b in result.bindings}
    csdl = GRAPH_CSDL.read_bytes()

    add = by_set["Add-MgApplicationPassword", "AddExpanded"]
    assert (add.method, add.body, add.body_required) == ("POST", ApiType(Kind.OBJECT), False)
    assert [(p.name, p.type) for p in add.body_properties] == [
        ("passwordCredential", ApiType(Kind.REF, ref="microsoft.graph.passwordCredential"))
    ]
    assert add.response == ApiType(Kind.REF, ref="microsoft.graph.passwordCredential")
    assert add.origin == "api/graph/v1.0.csdl:%d" % line_of(csdl, '<Action Name="addPassword"')
    assert [(p.name, p.location, p.required) for p in add.parameters] == [
        ("application-id", Location.PATH, True)
    ]

    update = by_set["Update-MgApplicationSynchronizationJob", "Update"]
    job = ApiType(Kind.REF, ref="microsoft.graph.synchronizationJob")
    assert (update.method, update.body, update.body_required, update.no_content) == ("PATCH", job, True, True)
    assert update.origin == "api/graph/v1.0.csdl:%d" % line_of(
        csdl, 'Name="jobs" Type="Collection(graph.synchronizationJob)"'
    )
    assert [p.description for p in update.parameters] == [
        "The unique identifier of application",
        "The unique identifier of synchronizationJob",
    ]

    listed = by_set["Get-MgApplicationSynchronizationJob", "List"]
    assert (listed.response, listed.pageable) == (ApiType(Kind.ARRAY, items=job), "@odata.nextLink")
    count = by_set["Get-MgApplicationSynchronizationJobCount", "Get"]
    assert count.response == ApiType(Kind.INTEGER, "int32")
    pause = by_set["Suspend-MgApplicationSynchronizationJob", "Pause"]
    assert (pause.body, pause.response, pause.no_content) == (None, None, True)
    ref = by_set["New-MgApplicationOwnerByRef", "CreateExpanded"]
    assert [p.name for p in ref.body_properties] == ["@odata.id"] and ref.no_content
    created = by_set["New-MgApplication", "Create"]
    assert created.body == created.response == ApiType(Kind.REF, ref="microsoft.graph.application")


# Real cmdlets of other Graph modules and their documented routes (learn.microsoft.com/graph/api and
# the Graph PowerShell reference): set name → parameters (keys described as Graph describes them).
G, U, M, C, D = (
    "Microsoft.Graph.Groups",
    "Microsoft.Graph.Users",
    "Microsoft.Graph.Mail",
    "Microsoft.Graph.Calendar",
    "Microsoft.Graph.Identity.DirectoryManagement",
)
REAL = [
    ("Get-MgGroupMember", G, {"List": ["GroupId"]}, {"List": ("GET", "/groups/{group-id}/members")}),
    (
        "Confirm-MgGroupMemberGroup",
        G,
        {
            "CheckExpanded": ["GroupId"],
            "Check": ["GroupId", "BodyParameter"],
            "CheckViaIdentity": ["InputObject", "BodyParameter"],
        },
        {
            s: ("POST", "/groups/{group-id}/checkMemberGroups")
            for s in ("CheckExpanded", "Check", "CheckViaIdentity")
        },
    ),
    (
        "Copy-MgUserMessage",
        M,
        {"CopyExpanded": ["MessageId", "UserId"], "CopyViaIdentityExpanded": ["InputObject"]},
        {
            s: ("POST", "/users/{user-id}/messages/{message-id}/copy")
            for s in ("CopyExpanded", "CopyViaIdentityExpanded")
        },
    ),
    (
        "Get-MgSubscribedSku",
        D,
        {"List": [], "Get": ["SubscribedSkuId"]},
        {"List": ("GET", "/subscribedSkus"), "Get": ("GET", "/subscribedSkus/{subscribedSku-id}")},
    ),
    ("Get-MgDeviceCount", D, {"Get": []}, {"Get": ("GET", "/devices/$count")}),
    (
        "Get-MgUserCalendarEvent",
        C,
        {
            "List": ["CalendarId", "UserId"],
            "Get": ["CalendarId", "EventId", "UserId"],
            "GetViaIdentity": ["InputObject"],
        },
        {
            "List": ("GET", "/users/{user-id}/calendars/{calendar-id}/events"),
            "Get": ("GET", "/users/{user-id}/calendars/{calendar-id}/events/{event-id}"),
            "GetViaIdentity": ("GET", "/users/{user-id}/calendars/{calendar-id}/events/{event-id}"),
        },
    ),
    (
        "Remove-MgChatMember",
        "Microsoft.Graph.Teams",
        {"Delete": ["ChatId", "ConversationMemberId"]},
        {"Delete": ("DELETE", "/chats/{chat-id}/members/{conversationMember-id}")},
    ),
    (
        "Get-MgUserMemberOf",
        U,
        {"List": ["UserId"], "Get": ["DirectoryObjectId", "UserId"]},
        {
            "List": ("GET", "/users/{user-id}/memberOf"),
            "Get": ("GET", "/users/{user-id}/memberOf/{directoryObject-id}"),
        },
    ),
    (
        "Get-MgGroupMemberAsUser",
        G,
        {"List": ["GroupId"], "Get": ["DirectoryObjectId", "GroupId"]},
        {
            "List": ("GET", "/groups/{group-id}/members/microsoft.graph.user"),
            "Get": ("GET", "/groups/{group-id}/members/{directoryObject-id}/microsoft.graph.user"),
        },
    ),
    ("Get-MgUserDelta", U, {"Delta": []}, {"Delta": ("GET", "/users/delta()")}),
    (
        "New-MgGroupMemberByRef",
        G,
        {"CreateExpanded": ["GroupId", "OdataId"]},
        {"CreateExpanded": ("POST", "/groups/{group-id}/members/$ref")},
    ),
    (
        "Remove-MgGroupMemberByRef",
        G,
        {"Delete": ["DirectoryObjectId", "GroupId"]},
        {"Delete": ("DELETE", "/groups/{group-id}/members/{directoryObject-id}/$ref")},
    ),
    (
        "Get-MgUserMailboxSetting",
        U,
        {"Get": ["UserId"]},
        {"Get": ("GET", "/users/{user-id}/mailboxSettings")},
    ),
    (
        "Get-MgGroupMemberGroup",
        G,
        {"GetExpanded": ["GroupId"]},
        {"GetExpanded": ("POST", "/groups/{group-id}/getMemberGroups")},
    ),
    (
        "Get-MgDirectoryObjectById",
        "Microsoft.Graph.DirectoryObjects",
        {"GetExpanded": []},
        {"GetExpanded": ("POST", "/directoryObjects/getByIds")},
    ),
    (
        "Set-MgUserLicense",
        U,
        {"AssignExpanded": ["UserId"]},
        {"AssignExpanded": ("POST", "/users/{user-id}/assignLicense")},
    ),
    (
        "Send-MgUserMail",
        U,
        {"SendExpanded": ["UserId"]},
        {"SendExpanded": ("POST", "/users/{user-id}/sendMail")},
    ),
    (
        "Set-MgUserManagerByRef",
        U,
        {"SetExpanded": ["UserId", "OdataId"]},
        {"SetExpanded": ("PUT", "/users/{user-id}/manager/$ref")},
    ),
    ("Get-MgUserMemberOfCount", U, {"Get": ["UserId"]}, {"Get": ("GET", "/users/{user-id}/memberOf/$count")}),
    (
        "Get-MgGroupMemberCountAsUser",
        G,
        {"Get": ["GroupId"]},
        {"Get": ("GET", "/groups/{group-id}/members/microsoft.graph.user/$count")},
    ),
    ("Get-MgUserPhotoContent", U, {"Get": ["UserId"]}, {"Get": ("GET", "/users/{user-id}/photo/$value")}),
    (
        "Get-MgPolicyAuthorizationPolicy",
        "Microsoft.Graph.Identity.SignIns",
        {"Get": []},
        {"Get": ("GET", "/policies/authorizationPolicy")},
    ),
    (
        "Get-MgUserEventInstance",
        C,
        {"List": ["EventId", "UserId"], "Get": ["EventId", "EventId1", "UserId"]},
        {
            "List": ("GET", "/users/{user-id}/events/{event-id}/instances"),
            "Get": ("GET", "/users/{user-id}/events/{event-id}/instances/{event-id1}"),
        },
    ),
    (
        "Restore-MgDirectoryDeletedItem",
        D,
        {"Restore": ["DirectoryObjectId"]},
        {"Restore": ("POST", "/directory/deletedItems/{directoryObject-id}/restore")},
    ),
    (
        "Get-MgReportEmailActivityCount",
        "Microsoft.Graph.Reports",
        {"Get": ["Period"]},
        {"Get": ("GET", "/reports/getEmailActivityCounts(period='{period}')")},
    ),
    ("Get-MgUserCalendarView", C, {"List": ["UserId"]}, {"List": ("GET", "/users/{user-id}/calendarView")}),
    (
        "Get-MgTeamChannelMessage",
        "Microsoft.Graph.Teams",
        {"Get": ["ChannelId", "ChatMessageId", "TeamId"]},
        {"Get": ("GET", "/teams/{team-id}/channels/{channel-id}/messages/{chatMessage-id}")},
    ),
]


@pytest.mark.parametrize(("name", "module", "sets", "expected"), REAL, ids=[r[0] for r in REAL])
def test_graph_cmdlets_of_other_modules_bind_to_their_real_route(
    graph: ApiDescription,
    name: str,
    module: str,
    sets: dict[str, list[str]],
    expected: dict[str, tuple[str, str]],
) -> None:
    cmdlet = help_cmdlet(name, module, sets, {"Period": "Usage: period='{period}'"})
    result = bind_graph(graph, [cmdlet], {module: "Mg"})
    assert result.unbound == [] and result.diagnostics == []
    assert {b.parameter_set: (b.method, b.path) for b in result.bindings} == expected


def test_other_modules_table_is_bound_quickly(graph: ApiDescription) -> None:
    cmdlets = [help_cmdlet(n, m, s, {"Period": "Usage: period='{period}'"}) for n, m, s, _ in REAL]
    started = time.perf_counter()
    result = bind_graph(graph, cmdlets, {m: "Mg" for _, m, _, _ in REAL})
    elapsed = time.perf_counter() - started
    print(f"\nother modules: {len(result.bindings)} sets of {len(cmdlets)} cmdlets bound in {elapsed:.3f} s")
    assert len(result.bindings) == sum(len(s) for _, _, s, _ in REAL)
    assert elapsed < 5.0


def test_the_set_keys_decide_between_paths_of_the_same_name(graph: ApiDescription) -> None:
    """/users/{id}/calendar/events and /users/{id}/calendars/{calendar-id}/events both make
    UserCalendarEvent; autorest numbers the second path's sets (List1, GetViaIdentity1)."""
    cmdlet = help_cmdlet(
        "Get-MgUserCalendarEvent",
        C,
        {
            "List": ["UserId"],
            "List1": ["CalendarId", "UserId"],
            "Get": ["EventId", "UserId"],
            "Get1": ["CalendarId", "EventId", "UserId"],
            "GetViaIdentity": ["InputObject"],
            "GetViaIdentity1": ["InputObject"],
        },
    )
    result = bind_graph(graph, [cmdlet], {C: "Mg"})
    assert result.unbound == []
    assert {b.parameter_set: b.path for b in result.bindings} == {
        "List": "/users/{user-id}/calendar/events",
        "List1": "/users/{user-id}/calendars/{calendar-id}/events",
        "Get": "/users/{user-id}/calendar/events/{event-id}",
        "Get1": "/users/{user-id}/calendars/{calendar-id}/events/{event-id}",
        # An identity set has no keys of its own: its sibling without ViaIdentity decides.
        "GetViaIdentity": "/users/{user-id}/calendar/events/{event-id}",
        "GetViaIdentity1": "/users/{user-id}/calendars/{calendar-id}/events/{event-id}",
    }


def test_paths_still_tied_are_reported_with_their_candidates_never_picked(graph: ApiDescription) -> None:
    cmdlet = help_cmdlet("Get-MgUserCalendarEvent", C, {"GetViaIdentity": ["InputObject"]})
    result = bind_graph(graph, [cmdlet], {C: "Mg"})
    assert result.bindings == []
    [unbound] = result.unbound
    assert unbound.candidates == (
        "GET /users/{user-id}/calendar/events/{event-id}",
        "GET /users/{user-id}/calendars/{calendar-id}/events/{event-id}",
    )
    [problem] = result.diagnostics
    assert problem.rule == "PG093" and problem.path == "Microsoft.Graph.Calendar/Get-MgUserCalendarEvent.md"
    assert problem.line == cmdlet.parameter_sets[0].line


def test_an_exact_reading_wins_over_one_with_merged_repeated_words(graph: ApiDescription) -> None:
    """UserCalendarView is /users/{id}/calendarView; /users/{id}/calendar/calendarView reads as
    UserCalendarCalendarView and fits only with `calendar` merged, so it does not tie."""
    cmdlet = help_cmdlet("Get-MgUserCalendarView", C, {"List": ["UserId"]})
    [binding] = bind_graph(graph, [cmdlet], {C: "Mg"}).bindings
    assert binding.path == "/users/{user-id}/calendarView"
    merged = help_cmdlet("Get-MgUserCalendarView", C, {"List": ["CalendarId", "UserId"]})
    [binding] = bind_graph(graph, [merged], {C: "Mg"}).bindings
    assert binding.path == "/users/{user-id}/calendars/{calendar-id}/calendarView"


@pytest.mark.parametrize(
    ("name", "sets", "why"),
    [
        ("Get-MgGroupNothing", {"List": ["GroupId"]}, "no CSDL path is named Get-GroupNothing (list)"),
        # Graph's action is checkMemberGroups; a cmdlet for `checkMemberGroup` has no path.
        ("Confirm-MgGroupMemberGroupX", {"Check": ["GroupId"]}, "no CSDL path"),
        # The verb must be the one the action word maps to: pause is Suspend, not Stop.
        (
            "Stop-MgApplicationSynchronizationJob",
            {"Pause": ["ApplicationId", "SynchronizationJobId"]},
            "no CSDL path",
        ),
        # Two collections are named so, and neither takes exactly these keys.
        ("Get-MgUserCalendarEvent", {"List": ["ContactFolderId"]}, "exactly the set's keys"),
    ],
)
def test_names_that_no_path_has_are_unbound_pg092(
    graph: ApiDescription, name: str, sets: dict[str, list[str]], why: str
) -> None:
    cmdlet = help_cmdlet(name, "Microsoft.Graph.Test", sets)
    result = bind_graph(graph, [cmdlet], {"Microsoft.Graph.Test": "Mg"})
    assert result.bindings == []
    [unbound] = result.unbound
    assert why in unbound.reason
    assert [d.rule for d in result.diagnostics] == ["PG092"]


def test_a_key_with_no_place_in_the_path_is_pg094_and_not_sent(graph: ApiDescription) -> None:
    cmdlet = help_cmdlet("Get-MgUserMessage", M, {"Get": ["MessageId", "MailFolderId", "UserId"]})
    result = bind_graph(graph, [cmdlet], {M: "Mg"})
    [binding] = result.bindings
    assert binding.path == "/users/{user-id}/messages/{message-id}"
    assert binding.placeholders == (("user-id", "UserId"), ("message-id", "MessageId"))
    [problem] = result.diagnostics
    assert problem.rule == "PG094" and "-MailFolderId has no place" in problem.message


def test_a_path_key_the_set_lacks_is_pg094_and_unbound(graph: ApiDescription) -> None:
    cmdlet = help_cmdlet("Get-MgChatMember", "Microsoft.Graph.Teams", {"Get": ["ConversationMemberId"]})
    result = bind_graph(graph, [cmdlet], {"Microsoft.Graph.Teams": "Mg"})
    assert result.bindings == []
    [unbound] = result.unbound
    assert unbound.candidates == ("GET /chats/{chat-id}/members/{conversationMember-id}",)
    assert "needs -ChatId" in unbound.reason
    assert [d.rule for d in result.diagnostics] == ["PG094"]


def test_an_identity_without_a_placeholders_property_is_pg094(graph: ApiDescription) -> None:
    text = (SPECS / "Microsoft.Graph.Applications" / "Suspend-MgApplicationSynchronizationJob.md").read_text()
    text = text.replace(
        "  [SynchronizationJobId <String>]: The unique identifier of synchronizationJob\n", ""
    )
    from generator.read.reader import read_bytes

    cmdlet = read_bytes("Suspend.md", text.encode()).cmdlet
    assert cmdlet is not None
    result = bind_graph(graph, [cmdlet], {"Microsoft.Graph.Applications": "Mg"})
    assert len(result.bindings) == 2
    [problem] = result.diagnostics
    assert (
        problem.rule == "PG094"
        and "SynchronizationJobId" in problem.message
        and "PauseViaIdentity" in problem.message
    )


def test_a_description_without_an_entity_model_binds_nothing_and_does_not_raise() -> None:
    broken = read_csdl(b"<oops", "broken.csdl")
    cmdlet = help_cmdlet("Get-MgUser", U, {"List": [], "Get": ["UserId"]})
    result = bind_graph(broken, [cmdlet], {U: "Mg"})
    assert result.bindings == [] and [u.parameter_set for u in result.unbound] == ["List", "Get"]
    openapi = ApiDescription("x.json", Format.OPENAPI3)
    assert len(bind_graph(openapi, [cmdlet], {}).unbound) == 2


# A service of its own, to pin the rules down apart from Graph's data.
SHOP = b"""<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="shop" Alias="s" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="item" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="store" BaseType="s.item">
        <NavigationProperty Name="shelves" Type="Collection(s.shelf)" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="shelf" BaseType="s.item">
        <NavigationProperty Name="boxes" Type="Collection(s.box)" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="box" BaseType="s.item" />
      <EntityType Name="crate" BaseType="s.box" />
      <Action Name="archive" IsBound="true">
        <Parameter Name="bindingParameter" Type="s.item" />
        <Parameter Name="reason" Type="Edm.String" Nullable="false" />
      </Action>
      <EntityContainer Name="Shop">
        <EntitySet Name="stores" EntityType="s.store" />
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"""


@pytest.mark.parametrize(
    ("name", "sets", "expected"),
    [
        # Three levels of containment, each key named after its type.
        (
            "Get-ShopStoreShelfBox",
            {"Get": ["StoreId", "ShelfId", "BoxId"]},
            ("GET", "/stores/{store-id}/shelves/{shelf-id}/boxes/{box-id}"),
        ),
        # An action bound to the abstract base applies to every entity deriving from it.
        (
            "Invoke-ShopArchiveStoreShelf",
            {"Archive": ["StoreId", "ShelfId"]},
            ("POST", "/stores/{store-id}/shelves/{shelf-id}/archive"),
        ),
        # A derived type is a cast segment, `As` + its name in the noun.
        (
            "Get-ShopStoreShelfBoxAsCrate",
            {"List": ["StoreId", "ShelfId"]},
            ("GET", "/stores/{store-id}/shelves/{shelf-id}/boxes/shop.crate"),
        ),
        ("Get-ShopStoreShelfCount", {"Get": ["StoreId"]}, ("GET", "/stores/{store-id}/shelves/$count")),
    ],
)
def test_the_rules_on_a_small_service(
    name: str, sets: dict[str, list[str]], expected: tuple[str, str]
) -> None:
    shop = read_csdl(SHOP, "shop.csdl")
    assert shop.diagnostics == []
    result = bind_graph(shop, [help_cmdlet(name, "Shop", sets)], {"Shop": "Shop"})
    assert result.unbound == []
    [binding] = result.bindings
    assert (binding.method, binding.path) == expected


def test_an_action_body_is_its_parameters(graph: ApiDescription) -> None:
    shop = read_csdl(SHOP, "shop.csdl")
    result = bind_graph(
        shop, [help_cmdlet("Invoke-ShopArchiveStore", "Shop", {"Archive": ["StoreId"]})], {"Shop": "Shop"}
    )
    [binding] = result.bindings
    [reason] = binding.operation.body_properties
    assert (reason.name, reason.type, reason.required) == ("reason", ApiType(Kind.STRING), True)
    assert binding.operation.body_required and binding.operation.no_content
    assert binding.operation.origin == "shop.csdl:%d" % line_of(SHOP, '<Action Name="archive"')


def test_specs_binding_table(graph: ApiDescription, snapshot) -> None:  # type: ignore[no-untyped-def]
    result = _bind(graph, _read(SPECS))
    lines = [
        f"{b.cmdlet} [{b.parameter_set}] {b.method} {b.path} <- "
        + ", ".join(f"{{{p}}}={q}" for p, q in b.placeholders)
        + f"  @{b.origin.rpartition(':')[2]}"
        for b in sorted(result.bindings, key=lambda b: (b.cmdlet, b.parameter_set, b.path))
    ]
    snapshot.snapshot_dir = ROOT / "tests" / "snapshots" / "bind"
    snapshot.assert_match("\n".join(lines) + "\n", "specs_graph_bindings.txt")


@pytest.mark.parametrize(
    "name", ["Foo", "Get-", "Get-Mg", "Get-MgÜser", "Get-Mg-User", "Invoke-Mg", "-MgUser", "Get-MgUser$count"]
)
def test_odd_cmdlet_names_give_values_never_exceptions(graph: ApiDescription, name: str) -> None:
    cmdlet = help_cmdlet("Get-MgUser", U, {"List": [], "ViaIdentity": ["InputObject"], "Get1": ["UserId"]})
    cmdlet.name = name
    result = bind_graph(graph, [cmdlet], {U: "Mg"})
    assert len(result.bindings) + len(result.unbound) == 3
    cmdlet.parameter_sets = []  # one unnamed syntax block: the verb alone says what it does
    result = bind_graph(graph, [cmdlet], {U: "Mg"})
    assert len(result.bindings) + len(result.unbound) == 1


def test_a_cmdlet_with_one_unnamed_set_takes_the_operation_its_keys_fit(graph: ApiDescription) -> None:
    cmdlet = help_cmdlet("Get-MgUser", U, {"Get": ["UserId"]})
    cmdlet.parameter_sets[0].name = ""
    [binding] = bind_graph(graph, [cmdlet], {U: "Mg"}).bindings
    assert (binding.parameter_set, binding.method, binding.path) == ("", "GET", "/users/{user-id}")


ALL = [
    # autorest drops the word `all` from names (autorest.powershell issue 1002), and Graph's Teams
    # directives put it in front of the noun (src/Teams/Teams.md): TeamChannel → AllTeamChannel.
    (
        "Get-MgAllTeamChannel",
        {"List": ["TeamId"], "Get": ["ChannelId", "TeamId"]},
        {
            "List": ("GET", "/teams/{team-id}/allChannels"),
            "Get": ("GET", "/teams/{team-id}/allChannels/{channel-id}"),
        },
    ),
    (
        "Get-MgAllTeamChannelCount",
        {"Get": ["TeamId"]},
        {"Get": ("GET", "/teams/{team-id}/allChannels/$count")},
    ),
    ("Get-MgAllTeamMessage", {"Get": []}, {"Get": ("GET", "/teams/getAllMessages()")}),
    ("Get-MgAllChatMessage", {"Get": []}, {"Get": ("GET", "/chats/getAllMessages()")}),
    # Without the `All` in front the channels are the team's own: `allChannels` is not read as them.
    (
        "Get-MgTeamChannel",
        {"List": ["TeamId"], "Get": ["ChannelId", "TeamId"]},
        {
            "List": ("GET", "/teams/{team-id}/channels"),
            "Get": ("GET", "/teams/{team-id}/channels/{channel-id}"),
        },
    ),
]


@pytest.mark.parametrize(("name", "sets", "expected"), ALL, ids=[a[0] for a in ALL])
def test_the_word_all_that_names_lose_and_nouns_start_with(
    graph: ApiDescription, name: str, sets: dict[str, list[str]], expected: dict[str, tuple[str, str]]
) -> None:
    result = bind_graph(
        graph, [help_cmdlet(name, "Microsoft.Graph.Teams", sets)], {"Microsoft.Graph.Teams": "Mg"}
    )
    assert result.unbound == [] and result.diagnostics == []
    assert {b.parameter_set: (b.method, b.path) for b in result.bindings} == expected


ALTERNATE = {
    "AppId": "Alternate key of application",
    "UniqueName": "Alternate key of application",
    "Name": "Alternate key of federatedIdentityCredential",
}


@pytest.mark.parametrize(
    ("name", "sets", "expected"),
    [
        (
            "Get-MgApplicationByAppId",
            {"Get": ["AppId"], "GetViaIdentity": ["InputObject"]},
            {
                "Get": ("GET", "/applications(appId='{appId}')"),
                "GetViaIdentity": ("GET", "/applications(appId='{appId}')"),
            },
        ),
        (
            "Update-MgApplicationByUniqueName",
            {"UpdateExpanded": ["UniqueName"]},
            {"UpdateExpanded": ("PATCH", "/applications(uniqueName='{uniqueName}')")},
        ),
        (
            "Get-MgApplicationFederatedIdentityCredentialByName",
            {"Get": ["ApplicationId", "Name"]},
            {"Get": ("GET", "/applications/{application-id}/federatedIdentityCredentials(name='{name}')")},
        ),
        (
            "Remove-MgServicePrincipalByAppId",
            {"Delete": ["AppId"]},
            {"Delete": ("DELETE", "/servicePrincipals(appId='{appId}')")},
        ),
    ],
)
def test_alternate_keys_are_by_their_alias(
    graph: ApiDescription, name: str, sets: dict[str, list[str]], expected: dict[str, tuple[str, str]]
) -> None:
    """Core.AlternateKeys: `By` + the key's alias in the noun, `(alias='{alias}')` in the path."""
    module = "Microsoft.Graph.Applications"
    result = bind_graph(graph, [help_cmdlet(name, module, sets, ALTERNATE)], {module: "Mg"})
    assert result.unbound == [] and result.diagnostics == []
    assert {b.parameter_set: (b.method, b.path) for b in result.bindings} == expected
    # The alias is the placeholder, and the parameter of the same name (or the identity's) fills it.
    alias = result.bindings[0].path.rpartition("(")[2].partition("=")[0]
    assert result.bindings[0].placeholders[-1] == (alias, alias[:1].upper() + alias[1:])
