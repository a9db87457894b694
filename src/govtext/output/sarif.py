"""``--format sarif``: SARIF 2.1.0, as GitHub code scanning accepts it.

Columns are code points (``columnKind: unicodeCodePoints``), matching govtext's offsets.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any

from govtext.model import Finding

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str | None) -> str:
    if not path or path == "-":
        return "stdin"
    rel = os.path.relpath(path) if os.path.isabs(path) else path
    return rel.replace(os.sep, "/")


def render_sarif(findings: Sequence[Finding], *, version: str) -> str:
    from govtext.rules.registry import all_rules

    rules = list(all_rules())
    index = {r.code: i for i, r in enumerate(rules)}
    descriptors: list[dict[str, Any]] = []
    for r in rules:
        descriptors.append(
            {
                "id": r.code,
                "name": r.name,
                "shortDescription": {"text": r.summary()},
                "fullDescription": {"text": r.doc().split("\n\n", 1)[-1][:1000]},
                "help": {"text": r.doc(), "markdown": r.doc()},
                "defaultConfiguration": {"level": _LEVEL[r.severity.value]},
                "properties": {"category": r.category, "tags": [r.category]},
            }
        )
    results = []
    for f in findings:
        results.append(
            {
                "ruleId": f.code,
                "ruleIndex": index.get(f.code, 0),
                "level": _LEVEL.get(f.severity, "warning"),
                "message": {"text": f"{f.code} {f.message}"},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(f.path)},
                            "region": {
                                "startLine": f.line,
                                "startColumn": f.column,
                                "endLine": f.end_line,
                                "endColumn": f.end_column,
                                "charOffset": f.start,
                                "charLength": f.end - f.start,
                                "snippet": {"text": f.text},
                            },
                        }
                    }
                ],
                "partialFingerprints": {"govtext/v1": f"{f.code}:{f.path}:{f.line}:{f.text}"},
            }
        )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "govtext",
                        "version": version,
                        "informationUri": "https://pypi.org/project/govtext/",
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=1)
