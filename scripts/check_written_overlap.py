"""Check that no written unit of corpus/themes/labels.jsonl copies text from ../shared.

    python scripts/check_written_overlap.py          # every written unit
    python scripts/check_written_overlap.py --n 12   # another run length

The written units (``"how": "written"``) must be govtext's own sentences: none may share a
run of 15 characters (``--n``) with any text under ../shared — the State Council reports,
the seeds, the .docx reports (their ``word/document.xml`` text) and the other text files.
Both sides are compared after ``govtext.document.normalise`` with whitespace removed, so a
run that differs only in full-width forms or line breaks still counts. Exits 1 and lists
the units when one does.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govtext.document import normalise  # noqa: E402

LABELS = ROOT / "corpus" / "themes" / "labels.jsonl"
SHARED = ROOT.parent / "shared"
RUN = 15
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]+>")


def flat(text: str) -> str:
    return _SPACE.sub("", normalise(text))


def shared_texts(root: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of every readable text under ``root``; JSON lines give their strings."""
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = str(path.relative_to(root))
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as zf:
                xml = zf.read("word/document.xml").decode("utf-8", "replace")
            yield name, _TAG.sub("", xml.replace("</w:p>", "\n"))
            continue
        try:
            raw = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if path.suffix == ".jsonl":
            for i, line in enumerate(raw.splitlines()):
                if line.strip():
                    values = json.loads(line).values()
                    yield f"{name}:{i}", "\n".join(v for v in values if isinstance(v, str))
        else:
            yield name, raw


def overlaps(units: dict[str, str], root: Path, n: int = RUN) -> dict[str, tuple[str, str]]:
    """Unit id -> (shared file, the shared run) for every unit sharing an ``n``-character run."""
    runs: dict[str, list[str]] = {}
    for uid, text in units.items():
        t = flat(text)
        for i in range(len(t) - n + 1):
            runs.setdefault(t[i : i + n], []).append(uid)
    found: dict[str, tuple[str, str]] = {}
    for name, text in shared_texts(root):
        t = flat(text)
        for i in range(len(t) - n + 1):
            hit = runs.get(t[i : i + n])
            if hit:
                for uid in hit:
                    found.setdefault(uid, (name, t[i : i + n]))
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=RUN, help="run length in characters")
    args = ap.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"{SHARED} is needed")
    records = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    units = {r["id"]: r["text"] for r in records if r.get("how") == "written"}
    found = overlaps(units, SHARED, args.n)
    for uid, (name, run) in sorted(found.items()):
        print(f"{uid}: shares {run!r} with {name}")
    print(f"{len(units)} written units, {len(found)} share a {args.n}-character run with {SHARED}")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
