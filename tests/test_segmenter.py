"""govtext.segment: lexicon terms whole, exact offsets, jieba's algorithm, user dictionaries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govtext
from govtext.document import Document, normalise
from govtext.errors import ConfigError
from govtext.segmenter import (
    _HAN_BLOCK,
    Segmenter,
    Token,
    government_dictionary,
    jieba_dictionary,
    read_lexicon,
    segment,
    segmenter,
)
from tests.conftest import needs_shared, seed_paths

# An invented county department report, in the genre (not taken from ../shared).
REPORT = (
    "临江县生态环境局2024年工作总结\n"
    "一年来，局党组坚持以习近平生态文明思想为指导，把全面从严治党作为“压舱石”，"
    "教育党员干部增强“四个意识”、做到“两个维护”，严格落实“三会一课”和主题党日制度，"
    "驻局纪检监察组全程参与重大事项监督。\n"
    "坚决打好污染防治攻坚战：打赢蓝天保卫战，深化碧水保卫战，推进净土保卫战；"
    "全面推行河长制，配合做好中央生态环境保护督察“回头看”反馈问题整改，"
    "持续深化“放管服”改革，落实“双随机一公开”监管。\n"
)
TERMS = [
    "生态环境局",
    "习近平生态文明思想",
    "全面从严治党",
    "四个意识",
    "两个维护",
    "三会一课",
    "纪检监察组",
    "污染防治攻坚战",
    "蓝天保卫战",
    "碧水保卫战",
    "净土保卫战",
    "河长制",
    "中央生态环境保护督察",
    "回头看",
    "放管服",
    "双随机一公开",
]


def words(text: str, **kw: object) -> list[str]:
    return [t.text for t in segment(text, **kw)]  # type: ignore[arg-type]


def test_lexicon_terms_come_out_as_one_token() -> None:
    got = words(REPORT)
    for term in TERMS:
        assert term in got, term
    # The lexicon is what does it: plain jieba breaks most of these terms.
    plain = jieba.lcut(REPORT)
    assert sum(term not in plain for term in TERMS) >= 10


def test_tokens_carry_the_lexicon_tag() -> None:
    tags = {t.text: t.pos for t in segment(REPORT)}
    assert tags["生态环境局"] == "nt" and tags["三会一课"] == "nz" and tags["放管服"] == "j"
    assert tags["坚持"] is None  # an ordinary word: no tag from the lexicon


def test_ordinary_words_around_terms_are_not_broken() -> None:
    # 生态环境部 is a lexicon term, but "生态环境部门" means the environment departments.
    assert words("全县生态环境部门要主动作为") == ["全县", "生态环境", "部门", "要", "主动", "作为"]
    assert "生态环境部" in words("生态环境部印发通知")
    # 中央八项规定 is a term; in 党中央八项规定 the text means 党中央 + 八项规定.
    assert words("落实党中央八项规定精神")[:2] == ["落实", "党中央"]


def test_offsets_point_into_the_original_text() -> None:
    text = "２０２４年，全县ＰＭ２.５均值下降３.２％。\r\n二是落实河长制。\r\n\u3000\u3000三是抓好“三会一课”。"
    toks = segment(text)
    assert all(text[t.start : t.end] == t.text for t in toks)
    # Full-width digits are cut like ASCII ones: "２０２４" is one token, as "2024" would be.
    assert toks[0] == Token("２０２４", 0, 4, None)
    # ... and the whole text is cut exactly as its ASCII normalised view is.
    assert [(t.start, t.end) for t in toks] == [(t.start, t.end) for t in segment(normalise(text))]
    # Whitespace (CRLF, ideographic spaces) is never a token; every other character is in one.
    covered = {i for t in toks for i in range(t.start, t.end)}
    assert covered == {i for i, ch in enumerate(text) if not ch.isspace()}
    assert "河长制" in [t.text for t in toks] and "三会一课" in [t.text for t in toks]
    assert [t.start for t in toks] == sorted(t.start for t in toks)


def test_document_input_uses_its_text_and_offsets() -> None:
    doc = Document.from_text("一、工作回顾\r\n落实“放管服”改革。")
    toks = segment(doc)
    assert [t.text for t in toks][:4] == ["一", "、", "工作", "回顾"]
    assert ("放管服", 11, 14) in [(t.text, t.start, t.end) for t in toks]


def _reference_tokenizer() -> jieba.Tokenizer:
    """A jieba.Tokenizer that holds exactly govtext's dictionary."""
    d = government_dictionary()
    ref = jieba.Tokenizer()
    ref.FREQ, ref.total, ref.initialized = dict(d.freq), d.total, True
    return ref


@pytest.mark.parametrize("hmm", [True, False])
def test_same_words_as_jieba_with_the_same_dictionary(hmm: bool) -> None:
    text = normalise(
        REPORT + "2024年PM2.5浓度32.5μg/m³，同比下降4.1%。青川河、白沙河流域 qq 群\t测试。"
    )
    ours = Segmenter(hmm=hmm)
    assert [text[s:e] for s, e in ours.spans(text)] == _reference_tokenizer().lcut(text, HMM=hmm)


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet="生态环境局部门污染防治攻坚战三会一课打好的了一是，。、“”0123456789XY%.  \r\n\t",
        max_size=40,
    )
)
def test_pieces_tile_the_text_and_match_jieba(text: str) -> None:
    seg = segmenter()
    norm = normalise(text)
    pieces = [norm[s:e] for s, e in seg.spans(text, norm)]
    assert "".join(pieces) == norm
    assert pieces == _reference_tokenizer().lcut(norm)


def test_user_dictionary_keeps_the_office_names_whole(tmp_path: Path) -> None:
    text = "青川河湿地保护站开展巡河。"
    assert "青川河" not in words(text)
    userdict = tmp_path / "office.txt"
    userdict.write_text("# the office's own names\n青川河 nz\n湿地保护站 20 nt\n", encoding="utf-8")
    toks = segment(text, user_dictionaries=[userdict])
    assert [(t.text, t.pos) for t in toks][:2] == [("青川河", "nz"), ("湿地保护站", "nt")]
    # The shared segmenter without the user dictionary is unchanged.
    assert "青川河" not in words(text)


def test_bad_user_dictionaries_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"GT-E200 .*missing\.txt: cannot read user dictionary"):
        segment("测试", user_dictionaries=[tmp_path / "missing.txt"])
    bad = tmp_path / "bad.txt"
    bad.write_text("青川河 0 nz\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 1: frequency must be positive"):
        Segmenter([bad]).tokens("测试")
    bad.write_text("# comment\n青川 河 nz\n", encoding="utf-8")
    with pytest.raises(
        ConfigError, match=r"bad\.txt: line 2: expected `word \[frequency\] \[tag\]`"
    ):
        Segmenter([bad]).tokens("测试")


def test_the_dictionary_loads_once_and_global_jieba_is_untouched() -> None:
    segment("第一次")
    assert segmenter() is segmenter()
    assert jieba_dictionary.cache_info().currsize == 1
    assert government_dictionary.cache_info().currsize == 1
    # govtext's words never reach the global jieba dictionary.
    assert "污染防治攻坚战" not in jieba.lcut("打好污染防治攻坚战")
    assert not jieba.dt.FREQ.get("三会一课")


def test_lexicon_entries_are_well_formed() -> None:
    entries = read_lexicon()
    terms = [t for t, _, _ in entries]
    assert len(terms) == len(set(terms)) and len(terms) >= 300
    for term, tag, source in entries:
        # jieba only looks words up inside runs of these characters: a term with anything else
        # (、, “, a space) could never come out whole.
        assert _HAN_BLOCK.fullmatch(term), term
        assert tag.isalpha() and tag.islower(), term
        assert len(source) >= 6, f"{term}: every entry cites a source"


def test_import_govtext_does_not_import_jieba() -> None:
    code = (
        "import sys, govtext\n"
        "seg = govtext.segment\n"  # the name resolves lazily, still without jieba
        "print('jieba' in sys.modules)\n"
        "seg('测试')\n"
        "print('jieba' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
    assert out.stderr == ""  # jieba's "Building prefix dict" chatter is silenced


def test_public_names() -> None:
    assert govtext.segment is segment and govtext.Token is Token and govtext.Segmenter is Segmenter
    with pytest.raises(AttributeError):
        _ = govtext.no_such_name  # type: ignore[attr-defined]


@needs_shared
def test_lexicon_terms_stay_whole_on_the_seeds() -> None:
    """Each occurrence of a lexicon term in a seed report comes out as one token (or inside a
    longer one: 中国共产党 holds 共产党), except where the text runs an ordinary word across the
    term's edge ("生态环境部门" is 生态环境 + 部门, not the ministry 生态环境部). A term cut into
    pieces that all lie inside it would be a lexicon failure: there must be none."""
    terms = [t for t, _, _ in read_lexicon()]
    seg = segmenter()
    checked = whole = straddled = 0
    broken = []
    for path in seed_paths():
        norm = normalise(path.read_text(encoding="utf-8"))
        ends = seg.ends(norm)
        starts = [0, *ends[:-1]]
        cuts = set(starts)
        for term in terms:
            i = norm.find(term)
            while i >= 0:
                j = i + len(term)
                checked += 1
                if not any(k in cuts for k in range(i + 1, j)):
                    whole += 1
                elif any(s < i < e or s < j < e for s, e in zip(starts, ends, strict=True)):
                    straddled += 1
                else:
                    broken.append((path.name[:3], term))
                i = norm.find(term, j)
    assert checked > 800  # 838 occurrences of 163 terms in the five seeds
    assert broken == []
    assert whole / checked > 0.97, (checked, whole, straddled)


def test_docstring_examples() -> None:
    import doctest

    import govtext.segmenter
    import govtext.tfidf

    for module in (govtext.segmenter, govtext.tfidf):
        result = doctest.testmod(module)
        assert result.attempted and not result.failed, module.__name__
