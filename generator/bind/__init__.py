"""Bind each parameter set of each cmdlet to one operation of the module's API description.

Between read and resolve: `binder.bind` picks the description configured for each module and hands
the cmdlets to the binder of its kind — `autorest` (OpenAPI / Swagger operations named by
autorest.powershell's rules and the module's directives) or `graph` (OData CSDL paths named by the
Microsoft Graph PowerShell rules). A set is bound to exactly one operation or reported unbound.
"""
