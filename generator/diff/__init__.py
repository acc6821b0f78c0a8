"""`platygen diff`: what a spec update changes in the API and its Python surface, breaking or not.

sides (what each side is made of) → snapshot (contract + surface, per entity, cached) → compare
(a rule per change) → report. `run.diff` runs it top to bottom.
"""
