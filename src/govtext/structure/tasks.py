"""Task items in depth: the verb-object core of an item's lead sentence.

"一是持续深化“放管服”改革，……" has the core "深化“放管服”改革": the adverbs in front are
dropped and the verb with its object kept, up to the first pause. Items whose lead is not a
verb phrase ("学习要经常", "存在的问题") have no core; the verbs and adverbs are data
(``data/task_verbs.txt``).
"""

from __future__ import annotations

from functools import lru_cache

from govtext.data import read_text

_MAX_CORE = 18
_PAUSE = "，,。；;：:！？!?（("
_NOT_OBJECT = set("要是的和与也都还就在了得")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[tuple[str, ...], tuple[str, ...]]:
    verbs: list[str] = []
    adverbs: list[str] = []
    for line in read_text("task_verbs.txt").splitlines():
        if not line or line.startswith("#"):
            continue
        word, kind = line.split("\t")[:2]
        (verbs if kind == "verb" else adverbs).append(word)
    return (
        tuple(sorted(verbs, key=len, reverse=True)),
        tuple(sorted(adverbs, key=len, reverse=True)),
    )


def task_core(title: str) -> str | None:
    """The verb-object core of a lead sentence, or ``None`` when it does not open with a verb.

    Example:
        >>> task_core("持续深化“放管服”改革，优化营商环境"), task_core("学习要经常")
        ('深化“放管服”改革', None)
    """
    verbs, adverbs = _lexicon()
    text = title.strip()
    for _ in range(3):
        adverb = next((a for a in adverbs if text.startswith(a)), None)
        if adverb is None or text.startswith(verbs):
            break
        text = text[len(adverb) :]
    verb = next((v for v in verbs if text.startswith(v)), None)
    if verb is None or text[len(verb) : len(verb) + 1] in _NOT_OBJECT:
        return None  # "学习要经常": the verb is the subject here
    end = len(text)
    for k, ch in enumerate(text):
        if ch in _PAUSE:
            end = k
            break
    core = text[:end]
    if len(core) <= len(verb) or len(core) > _MAX_CORE:
        return None  # a bare verb, or a lead too long to be one action
    return core


def verbs() -> tuple[str, ...]:
    """The task verbs, longest first."""
    return _lexicon()[0]
