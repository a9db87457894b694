"""``govtext tokens``: words of a report (jieba + government lexicon), and its keywords."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

import typer

from govtext.cli.common import read_input

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


class TokensFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


@app.command()
def tokens(
    files: Annotated[
        list[str], typer.Argument(help="Report files (.txt, .md, .docx), or - for stdin.")
    ],
    format: Annotated[
        TokensFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: the words of each paragraph on one line, space-separated; "
            "jsonl: one JSON object per document with every token's offsets.",
        ),
    ] = TokensFormat.text,
    keywords: Annotated[
        int,
        typer.Option(
            "--keywords", "-k", min=0, help="Also give the top N TF-IDF keywords of each document."
        ),
    ] = 0,
    encoding: Annotated[
        str | None, typer.Option(help="Force a text encoding (default: detect).")
    ] = None,
) -> None:
    """Cut reports into words; slogans, programmes and institutions stay whole.

    User dictionaries (`user-dictionaries` in `[tool.govtext]`) are found upward from each file.

    Example:
        govtext tokens report.txt --keywords 10
    """
    import json

    from govtext.config import find_config
    from govtext.errors import GovtextError
    from govtext.model import SCHEMA
    from govtext.segmenter import segmenter
    from govtext.tfidf import keywords as top_keywords

    failed = 0
    for path in files:
        try:
            doc = read_input(path, encoding)
            seg = segmenter(find_config(doc.path).user_dictionaries)
            toks = seg.tokens(doc)
            top = top_keywords(doc, keywords, segmenter=seg) if keywords else []
        except GovtextError as exc:
            typer.echo(str(exc), err=True)
            failed += 1
            continue
        if format is TokensFormat.jsonl:
            record: dict[str, Any] = {
                "schema": SCHEMA,
                "path": doc.path,
                "tokens": [t.to_dict() for t in toks],
            }
            if keywords:
                record["keywords"] = [{"term": w, "score": s} for w, s in top]
            typer.echo(json.dumps(record, ensure_ascii=False))
            continue
        if len(files) > 1:
            typer.echo(f"==> {doc.path} <==")
        starts = doc.line_starts
        line = 0
        words: list[str] = []
        for t in toks:
            while line + 1 < len(starts) and t.start >= starts[line + 1]:
                if words:
                    typer.echo(" ".join(words))
                    words = []
                line += 1
            words.append(t.text)
        if words:
            typer.echo(" ".join(words))
        if keywords:
            typer.echo("")
            typer.echo("# keywords (TF-IDF)")
            for w, s in top:
                typer.echo(f"{w}\t{s:.4f}")
    if failed:
        raise typer.Exit(2)
