"""platygen: PowerShell cmdlet help (platyPS markdown) → typed Python SDK.

The pipeline reads as its packages: read (markdown → IR) → resolve (names, types, modules) →
render (Jinja templates, black, atomic write). `pipeline.generate` runs it top to bottom.
"""

__version__ = "0.1.0"
