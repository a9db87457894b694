"""Write the State Council reports of ../shared/corpus/national_gov_reports.jsonl out as one
UTF-8 .txt file per record (72 files), for batch runs, benchmarks and the lint audit.

    python scripts/export_national.py [OUT_DIR]      # default: out/national

File names are ``NNN_<year or 'resolution'>.txt`` with NNN the record's line index, so a file
maps back to its record; the text is the record's `content`, unchanged.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "national_gov_reports.jsonl"


def export(out_dir: Path, corpus: Path = CORPUS) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with corpus.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            rec = json.loads(line)
            kind = rec.get("year") or "resolution"
            path = out_dir / f"{i:03d}_{kind}.txt"
            path.write_text(rec["content"], encoding="utf-8")
            written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out" / "national"
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} not found (../shared is needed)")
    paths = export(target)
    print(f"wrote {len(paths)} files to {target}")
