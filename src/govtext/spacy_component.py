"""spaCy adapter (extra ``[spacy]``): govtext's parse as span groups on a ``Doc``.

Two plug-ins, registered through entry points so that any spaCy pipeline can name them:

* the ``govtext`` pipe (``nlp.add_pipe("govtext")``) runs :func:`govtext.pipeline.parse_document`
  on ``doc.text`` and writes each record list into ``doc.spans["govtext_<list>"]``
  (``govtext_sections``, ``govtext_headings``, ``govtext_tasks``, ``govtext_slogans``,
  ``govtext_metrics``, ``govtext_placeholders``, ``govtext_findings``). Every span carries its
  record as ``span._.govtext`` (the record's ``to_dict()``), and the document's theme scores go
  to ``doc.cats`` when the parse has themes. Spans have exactly the records' character offsets:
  a token that a record boundary falls inside is split there first (for example "X%" when "X"
  is a placeholder), so ``alignment_mode="expand"`` never has to widen a span;
* the ``govtext.jieba_tokenizer.v1`` tokenizer cuts with :class:`govtext.segmenter.Segmenter`
  (jieba plus the government lexicon and optional user dictionaries), tokens aligned to the
  characters exactly.

:func:`load` builds both on ``spacy.blank("zh")``. spaCy is imported by this module and
:mod:`govtext.spacy` only; nothing else in govtext imports it. The pipe keeps no state: its
settings are its config, so ``nlp.to_disk``/``spacy.load`` need no pickled data.
"""

from __future__ import annotations

import itertools
import json
import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry
from spacy.vocab import Vocab

# record list of the parse -> span group; "headings" are the sections' heading lines.
GROUPS = ("sections", "headings", "tasks", "slogans", "metrics", "placeholders", "findings")
SPANS_PREFIX = "govtext_"
USER_DATA_KEY = "govtext"  # doc.user_data["govtext"]: span id -> record dict

if not Span.has_extension("govtext"):
    Span.set_extension(
        "govtext",
        getter=lambda span: span.doc.user_data.get(USER_DATA_KEY, {}).get(span.id_),
    )


class JiebaTokenizer:
    """A spaCy tokenizer over :class:`govtext.segmenter.Segmenter`: ``doc.text`` is the input
    exactly; a single space after a word becomes that token's trailing whitespace, as spaCy
    does for its own Chinese tokenizer, and any other whitespace is a token of its own."""

    def __init__(self, vocab: Vocab, user_dictionaries: Sequence[str] = ()) -> None:
        self.vocab = vocab
        self.user_dictionaries = list(user_dictionaries)

    def __call__(self, text: str) -> Doc:
        from govtext.document import normalise
        from govtext.segmenter import segmenter

        ends = segmenter(self.user_dictionaries).ends(normalise(text))
        words: list[str] = []
        spaces: list[bool] = []
        start = 0
        for end in ends:
            piece = text[start:end]
            if piece == " " and words and not spaces[-1]:
                spaces[-1] = True
            else:
                words.append(piece)
                spaces.append(False)
            start = end
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    # Serialisation: the settings as JSON (spaCy calls these from nlp.to_disk / from_disk).
    def to_bytes(self, **kwargs: Any) -> bytes:
        return json.dumps({"user_dictionaries": self.user_dictionaries}).encode("utf-8")

    def from_bytes(self, data: bytes, **kwargs: Any) -> JiebaTokenizer:
        self.user_dictionaries = list(json.loads(data.decode("utf-8"))["user_dictionaries"])
        return self

    def to_disk(self, path: str | os.PathLike[str], **kwargs: Any) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "govtext_tokenizer.json").write_bytes(self.to_bytes())

    def from_disk(self, path: str | os.PathLike[str], **kwargs: Any) -> JiebaTokenizer:
        return self.from_bytes((Path(path) / "govtext_tokenizer.json").read_bytes())


def create_jieba_tokenizer(
    user_dictionaries: list[str] | None = None,
) -> Callable[[Language], JiebaTokenizer]:
    """Config: ``[nlp.tokenizer] @tokenizers = "govtext.jieba_tokenizer.v1"``."""

    def make(nlp: Language) -> JiebaTokenizer:
        return JiebaTokenizer(nlp.vocab, user_dictionaries or [])

    return make


registry.tokenizers.register("govtext.jieba_tokenizer.v1", func=create_jieba_tokenizer)


def _records(report: Any, group: str) -> list[tuple[int, int, dict[str, Any]]]:
    """``(start, end, record dict)`` of one group; a list the parse does not have is empty."""
    if group == "headings":
        return [(s.start, s.heading_end, s.to_dict()) for s in report.sections]
    return [(r.start, r.end, r.to_dict()) for r in getattr(report, group, None) or []]


def document_themes(report: Any) -> dict[str, float] | None:
    """Theme scores of the whole document: the report's own, if the parse gives them, else the
    top-level sections' (or, without sections, the paragraphs') scores weighted by length."""
    own = getattr(report, "themes", None)
    if isinstance(own, dict) and own:
        return {str(k): float(v) for k, v in own.items()}
    for units in ([s for s in report.sections if s.level == 1], report.paragraphs):
        scored = [(u.end - u.start, u.themes) for u in units if getattr(u, "themes", None)]
        weight = sum(w for w, _ in scored)
        if weight:
            labels = sorted({label for _, themes in scored for label in themes})
            return {
                label: sum(w * themes.get(label, 0.0) for w, themes in scored) / weight
                for label in labels
            }
    return None


def _split_at(doc: Doc, cuts: set[int]) -> None:
    """Split every token that one of the character offsets ``cuts`` falls strictly inside."""
    todo = []
    for tok in doc:
        inside = sorted(c - tok.idx for c in cuts if tok.idx < c < tok.idx + len(tok.text))
        if inside:
            bounds = [0, *inside, len(tok.text)]
            todo.append((tok, [tok.text[a:b] for a, b in itertools.pairwise(bounds)]))
    if not todo:
        return
    with doc.retokenize() as retokenizer:
        for tok, orths in todo:
            retokenizer.split(tok, orths, heads=[(tok, 0)] * len(orths))


class GovtextComponent:
    """The ``govtext`` pipe: govtext's parse as span groups (see the module docstring)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "govtext",
        *,
        groups: Sequence[str] = GROUPS,
        findings: bool = True,
        themes: bool = True,
        spans_prefix: str = SPANS_PREFIX,
        indicators: str = "rules",
    ) -> None:
        unknown = [g for g in groups if g not in GROUPS]
        if unknown:
            raise ValueError(f"[govtext] unknown span groups {unknown}; known: {list(GROUPS)}")
        self.name = name
        self.groups = tuple(groups)
        self.findings = findings
        self.themes = themes
        self.spans_prefix = spans_prefix
        self.indicators = indicators

    def _parse(self, text: str) -> Any:
        from govtext.document import Document
        from govtext.errors import MissingExtraError, ModelError
        from govtext.pipeline import parse_document

        doc = Document.from_text(text)
        if self.themes:
            try:
                return parse_document(
                    doc, themes=True, findings=self.findings, indicators=self.indicators
                )
            except (ModelError, MissingExtraError) as exc:
                warnings.warn(f"[govtext] no themes: {exc}", stacklevel=3)
                self.themes = False
        return parse_document(doc, themes=False, findings=self.findings, indicators=self.indicators)

    def __call__(self, doc: Doc) -> Doc:
        report = self._parse(doc.text)
        found = {g: _records(report, g) for g in self.groups}
        _split_at(doc, {x for recs in found.values() for s, e, _ in recs for x in (s, e)})
        store: dict[str, dict[str, Any]] = doc.user_data.setdefault(USER_DATA_KEY, {})
        for group, recs in found.items():
            key = self.spans_prefix + group
            spans = []
            for i, (start, end, record) in enumerate(recs):
                span_id = f"{key}:{i}"
                label = str(record.get("code") or record.get("kind") or group)
                span = doc.char_span(
                    start, end, label=label, alignment_mode="expand", span_id=span_id
                )
                if span is None:  # an empty record (start == end) has no tokens
                    continue
                store[span_id] = record
                spans.append(span)
            doc.spans[key] = spans
        cats = document_themes(report)
        if cats:
            doc.cats.update(cats)
        return doc


@Language.factory(
    "govtext",
    assigns=["doc.spans", "doc.cats"],
    retokenizes=True,
    default_config={
        "groups": list(GROUPS),
        "findings": True,
        "themes": True,
        "indicators": "rules",
    },
)
def make_govtext_component(
    nlp: Language, name: str, groups: list[str], findings: bool, themes: bool, indicators: str
) -> GovtextComponent:
    """Factory of the ``govtext`` pipe (entry point ``spacy_factories``)."""
    return GovtextComponent(
        nlp, name, groups=groups, findings=findings, themes=themes, indicators=indicators
    )


def load(
    *,
    user_dictionaries: Sequence[str | os.PathLike[str]] = (),
    groups: Sequence[str] = GROUPS,
    findings: bool = True,
    themes: bool = True,
    indicators: str = "rules",
) -> Language:
    """``spacy.blank("zh")`` with govtext's tokenizer and the ``govtext`` pipe.

    ``indicators="ranked"`` has the learned ranker choose metric indicators (slower; see
    :mod:`govtext.extract.indicator_ranker`).

    Example:
        >>> nlp = load()
        >>> doc = nlp("一、工作回顾\\n严格落实“三会一课”制度。")
        >>> [s.text for s in doc.spans["govtext_headings"]]
        ['一、工作回顾']
    """
    import spacy

    dictionaries = [os.path.abspath(os.fspath(p)) for p in user_dictionaries]
    nlp = spacy.blank(
        "zh",
        config={
            "nlp": {
                "tokenizer": {
                    "@tokenizers": "govtext.jieba_tokenizer.v1",
                    "user_dictionaries": dictionaries,
                }
            }
        },
    )
    nlp.add_pipe(
        "govtext",
        config={
            "groups": list(groups),
            "findings": findings,
            "themes": themes,
            "indicators": indicators,
        },
    )
    return nlp
