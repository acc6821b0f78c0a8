"""Noun prefixes: read from all of a module's cmdlets, its name and the other modules; unsure ones said."""

from __future__ import annotations

import pytest

from generator.ir import Cmdlet
from generator.resolve.nouns import infer, named_by, noun_words, pascal_words


def cmdlet(name: str, module: str) -> Cmdlet:
    return Cmdlet(
        name=name,
        module=module,
        path=f"{module}/{name}.md",
        schema="2.0.0",
        front_matter={},
        synopsis="",
        description="",
        aliases=[],
        parameter_sets=[],
        parameters=[],
        inputs=[],
        outputs=[],
        examples=[],
        property_trees=[],
        related_links=[],
        line=7,
    )


def prefixes(modules: dict[str, list[str]], configured: dict[str, str] | None = None):
    found = infer([cmdlet(n, m) for m, names in modules.items() for n in names], configured or {})
    return found.prefixes, {d.path.split("/")[0]: d for d in found.diagnostics}


@pytest.mark.parametrize(
    ("module", "names", "prefix"),
    [
        # An all-capitals two-letter prefix before acronyms: where the nouns part, not where words would.
        ("Fabrikam.Kube", ["Get-XYK8SNamespace", "Get-XYJWTtoken", "Get-XYCluster"], "XY"),
        ("Fabrikam.Kube", ["Get-XYK8SNamespace", "Get-XYJWTtoken"], "XY"),
        # A mixed-case prefix is not split into its words (`Ab` + `C`).
        ("Contoso.Tools", ["Get-AbCUser", "Get-AbCDNSRecord", "Set-AbCGroup"], "AbC"),
        ("PnP.PowerShell", ["Get-PnPList", "Get-PnPAADUser", "Get-PnPSite"], "PnP"),
        # The module's own name: a cmdlet named after it is all prefix, and proves it.
        ("Contoso", ["Connect-Contoso", "Get-ContosoAsset", "Get-ContosoUser"], "Contoso"),
        ("Contoso", ["Connect-Contoso"], "Contoso"),
        ("Northwind", ["Get-NorthwindAsset"], "Northwind"),
        # Its words, whole or abbreviated, in order: initials, and a qualifier segment.
        ("Microsoft.Graph.Users", ["Get-MgUser"], "Mg"),
        (
            "Microsoft.Graph.Beta.Users",
            ["Get-MgBetaUser", "Update-MgBetaUserOutlookMasterCategory"],
            "MgBeta",
        ),
        ("Microsoft.Graph.Users.Beta", ["Get-MgBetaUser", "Get-MgBetaUserManager"], "MgBeta"),
        ("JumpCloud.SDK.V2", ["Get-JcSdkUserGroup", "Get-JcSdkSystem"], "JcSdk"),
        ("ExchangeOnlineManagement", ["Get-EXOMailbox", "Get-EXORecipient"], "EXO"),
        # The last segment names the module's area: the nouns, not the prefix, even when all share it.
        ("Microsoft.Graph.Education", ["Get-MgEducationClass", "Get-MgEducationUser"], "Mg"),
        ("Microsoft.Graph.Identity.Application", ["Update-MgApplicationSynchronizationJob"], "Mg"),
        # A noun that is the candidate proves it is none (`Get-MgApplication`).
        ("Microsoft.Graph.Applications", ["Get-MgApplication", "Get-MgApplicationOwner"], "Mg"),
        # A few outliers among many keep their nouns; they do not cancel the prefix.
        (
            "AzureAD",
            [
                "Get-AzureADUser",
                "Get-AzureADMSGroup",
                "Get-AzureADGroup",
                "Get-AzureADDevice",
                "Get-CrossCloudVerificationCode",
            ],
            "AzureAD",
        ),
        # No prefix: one plain noun, or nouns without a common start.
        ("Microsoft.PowerShell.Management", ["Get-ChildItem"], ""),
        ("Microsoft.PowerShell.Utility", ["Get-Date", "Export-Csv"], ""),
        # The same noun in several files is one noun (Get-ChildItem's variants made `Child` a prefix).
        ("Microsoft.PowerShell.Management", ["Get-ChildItem", "Get-ChildItem", "Get-ChildItem"], ""),
    ],
)
def test_the_prefix_of_a_module(module: str, names: list[str], prefix: str) -> None:
    found, unsure = prefixes({module: names})
    assert found[module] == prefix
    assert unsure == {}


def test_a_module_with_one_cmdlet_borrows_what_another_module_settled_at_a_word_boundary() -> None:
    found, unsure = prefixes(
        {"Fabrikam.Kube": ["Get-XYCluster", "Get-XYNode"], "Fabrikam.Storage": ["Get-XYVolume"]}
    )
    assert found["Fabrikam.Storage"] == "XY"
    assert unsure == {}


def test_no_borrowing_inside_a_run_of_capitals_an_unsure_module_is_said_once_with_the_setting() -> None:
    # `XY` is Fabrikam.Kube's prefix; `XYZNAsset` alone cannot say whether it is XY + ZNAsset (which
    # made `/zN/assets`), XYZN + Asset or a noun without prefix.
    found, unsure = prefixes(
        {
            "Fabrikam.Kube": ["Get-XYK8SNamespace", "Get-XYJWTtoken"],
            "Fabrikam.Storage": ["Get-XYZNAsset", "Set-XYZNAsset"],
        }
    )
    assert found["Fabrikam.Storage"] == ""
    assert list(unsure) == ["Fabrikam.Storage"]
    warning = unsure["Fabrikam.Storage"]
    assert (warning.rule, warning.severity.value, warning.line) == ("PG085", "warning", 7)
    assert '[tool.platygen.noun-prefixes] "Fabrikam.Storage" = "XY"' in warning.message
    assert '"XYZN"' in warning.message


def test_nouns_that_share_more_than_the_name_explains_are_unsure_and_the_setting_settles_them() -> None:
    modules = {"Fabrikam.Kube": ["Get-XYK8SNamespace", "New-XYK8SCluster", "Remove-XYK8SCluster"]}
    found, unsure = prefixes(modules)
    assert found["Fabrikam.Kube"] == "XYK8S"  # where they part; `XY` would do as well
    assert list(unsure) == ["Fabrikam.Kube"]
    assert 'could be "XY"' in unsure["Fabrikam.Kube"].message
    assert '"XYK8"' not in unsure["Fabrikam.Kube"].message  # it would leave a lone `S`
    found, unsure = prefixes(modules, {"Fabrikam.*": "XY"})
    assert found["Fabrikam.Kube"] == "XY" and unsure == {}


def test_a_single_noun_that_starts_like_a_prefix_is_unsure_a_plain_one_is_not() -> None:
    found, unsure = prefixes({"Widgets": ["Get-XyWidget"], "Microsoft.PowerShell.Core": ["Get-Module"]})
    assert found == {"Widgets": "", "Microsoft.PowerShell.Core": ""}
    assert list(unsure) == ["Widgets"]


def test_unselected_cmdlets_still_count() -> None:
    alone = infer([cmdlet("Get-XYCluster", "Fabrikam.Kube")], {})
    assert alone.prefixes["Fabrikam.Kube"] == ""
    helped = infer(
        [cmdlet("Get-XYCluster", "Fabrikam.Kube")],
        {},
        [("Fabrikam.Kube", "Get-XYK8SNamespace"), ("Fabrikam.Kube", "Get-XYJWTtoken")],
    )
    assert helped.prefixes == {"Fabrikam.Kube": "XY"}  # only the generated modules are listed
    assert helped.diagnostics == []


@pytest.mark.parametrize(
    ("prefix", "module", "named"),
    [
        ("Mg", "Microsoft.Graph.Users", True),
        ("MgBeta", "Microsoft.Graph.Beta.Users", True),
        ("MgUser", "Microsoft.Graph.Users", False),  # the area, and `User` is no abbreviation of `Users`
        ("JcSdk", "JumpCloud.SDK.DirectoryInsights", True),
        ("EXO", "ExchangeOnlineManagement", True),
        ("AzureAD", "AzureAD", True),
        ("XY", "Fabrikam.Kube", False),
        ("gM", "Microsoft.Graph.Users", False),  # in order
    ],
)
def test_named_by(prefix: str, module: str, named: bool) -> None:
    assert named_by(prefix, module) is named


def test_words_of_a_noun_keep_acronyms_with_digits_together() -> None:
    assert pascal_words("K8SNamespace") == ["K8S", "Namespace"]
    assert pascal_words("PolicyB2CAuthentication") == ["Policy", "B2C", "Authentication"]
    assert pascal_words("ODataType") == ["O", "Data", "Type"]
    assert pascal_words("Oauth2PermissionGrant") == ["Oauth2", "Permission", "Grant"]
    assert noun_words(cmdlet("Get-XYK8SNamespace", "Fabrikam.Kube"), "XY") == ["K8S", "Namespace"]
    assert noun_words(cmdlet("Connect-Contoso", "Contoso"), "Contoso") == ["Contoso"]
