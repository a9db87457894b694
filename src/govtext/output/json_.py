"""``--format json``: one JSON list of findings for the whole run (``[]`` when clean)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from govtext.model import Finding


def render_json(findings: Sequence[Finding]) -> str:
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=1)
