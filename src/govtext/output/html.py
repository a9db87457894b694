"""``--format html``: one self-contained page (no network, no external assets) showing each
report's text with every finding highlighted in place, its message on hover or click, a summary
by category and rule, and filters by category."""

from __future__ import annotations

import html
import itertools
from collections import Counter
from collections.abc import Sequence

from govtext.document import Document
from govtext.model import Finding

CATEGORY_NAMES = {
    "placeholder": "占位符 placeholder",
    "structure": "结构 structure",
    "punctuation": "标点 punctuation",
    "consistency": "数据一致 consistency",
    "wording": "用词 wording",
    "boilerplate": "网页残留 boilerplate",
}
CATEGORY_COLOURS = {
    "placeholder": "#ffb3b3",
    "structure": "#ffd89b",
    "punctuation": "#c9e4ff",
    "consistency": "#e0c8ff",
    "wording": "#c8f0c8",
    "boilerplate": "#dddddd",
}

_CSS = """
:root{--fg:#1d1d1f;--muted:#6e6e73;--line:#e5e5ea;--bg:#fafafa}
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:var(--fg);background:var(--bg)}
header{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--line);padding:10px 24px}
h1{font-size:18px;margin:0 0 8px}
h2{font-size:16px;margin:24px 0 8px}
.summary{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.cats label{display:inline-flex;align-items:center;gap:6px;margin:2px 12px 2px 0;font-size:14px;cursor:pointer}
.swatch{display:inline-block;width:12px;height:12px;border-radius:3px}
table.rules{border-collapse:collapse;font-size:13px}
table.rules td,table.rules th{padding:2px 8px;border-bottom:1px solid var(--line);text-align:left}
main{max-width:1400px;margin:0 auto;padding:8px 24px 48px}
details.rules{margin:12px 0;font-size:13px}
section.doc{background:#fff;border:1px solid var(--line);border-radius:8px;margin:16px 0;padding:8px 16px 16px}
.cols{display:flex;gap:24px;align-items:flex-start}
.cols .text{flex:3;min-width:0}
.cols aside{flex:2;min-width:260px;position:sticky;top:64px;max-height:calc(100vh - 80px);overflow:auto;border-left:1px solid var(--line);padding-left:12px}
.meta{color:var(--muted);font-size:13px}
ol.text{list-style:none;margin:8px 0;padding:0;font-size:15px;line-height:1.9}
ol.text li{display:flex;gap:12px;white-space:pre-wrap;word-break:break-all}
ol.text li .n{flex:0 0 3.5em;text-align:right;color:#aeaeb2;font-size:12px;user-select:none;padding-top:3px}
ol.text li .t{flex:1}
mark{border-radius:3px;padding:0 1px;cursor:pointer;color:inherit}
mark.sev-error{outline:1px solid rgba(200,0,0,.35)}
mark:target,mark.focus{outline:2px solid #0071e3}
.hidden-cat mark{background:none!important;outline:none}
ul.findings{font-size:13px;padding-left:18px}
ul.findings li{margin:3px 0}
ul.findings a{color:inherit}
.code{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:600}
.sev{font-size:11px;border-radius:3px;padding:0 4px;color:#fff}
.sev.error{background:#d70015}.sev.warning{background:#c93400}.sev.info{background:#0071a4}
#tip{position:fixed;display:none;max-width:420px;background:#1d1d1f;color:#fff;font-size:13px;padding:8px 10px;border-radius:6px;z-index:10;box-shadow:0 4px 16px rgba(0,0,0,.2)}
.clean{color:#248a3d}
"""

_JS = """
document.querySelectorAll('.cats input').forEach(function(box){
  box.addEventListener('change',function(){
    var cat=box.value;
    document.querySelectorAll('[data-cat="'+cat+'"]').forEach(function(el){
      if(el.tagName==='MARK'){el.style.background=box.checked?el.dataset.bg:'none';el.style.outline=box.checked?'':'none';}
      else{el.style.display=box.checked?'':'none';}
    });
  });
});
var tip=document.getElementById('tip');
function show(el,x,y){tip.textContent=el.dataset.msg;tip.style.display='block';
  tip.style.left=Math.min(x+12,window.innerWidth-440)+'px';tip.style.top=(y+16)+'px';}
document.querySelectorAll('mark').forEach(function(m){
  m.addEventListener('mouseenter',function(e){show(m,e.clientX,e.clientY);});
  m.addEventListener('mousemove',function(e){show(m,e.clientX,e.clientY);});
  m.addEventListener('mouseleave',function(){tip.style.display='none';});
  m.addEventListener('click',function(e){show(m,e.clientX,e.clientY);});
});
"""


def _segments(text: str, findings: Sequence[Finding]) -> list[tuple[int, int, list[int]]]:
    """Split ``text`` at every finding boundary; each piece lists the findings covering it."""
    cuts = {0, len(text)}
    for f in findings:
        cuts.add(f.start)
        cuts.add(max(f.end, f.start + 1) if f.start < len(text) else f.end)
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    out = []
    for a, b in itertools.pairwise(points):
        cover = [i for i, f in enumerate(findings) if f.start <= a and max(f.end, f.start + 1) >= b]
        out.append((a, b, cover))
    return out


def _render_doc(k: int, doc: Document, findings: Sequence[Finding]) -> str:
    text = doc.text
    parts: list[str] = []
    for a, b, cover in _segments(text, findings):
        piece = html.escape(text[a:b])
        if not cover:
            parts.append(piece)
            continue
        f = findings[cover[0]]
        msg = " · ".join(f"{findings[i].code} {findings[i].message}" for i in cover)
        ident = f' id="d{k}f{cover[0]}"' if a == f.start else ""
        bg = CATEGORY_COLOURS.get(f.category, "#ffff99")
        parts.append(
            f'<mark{ident} class="sev-{f.severity}" data-cat="{f.category}" data-bg="{bg}" style="background:{bg}" '
            f'data-msg="{html.escape(msg, quote=True)}" title="{html.escape(msg, quote=True)}">{piece}</mark>'
        )
    body = "".join(parts).replace("\r\n", "\n").replace("\r", "\n")
    lines = body.split("\n")
    items = "".join(
        f'<li><span class="n">{i}</span><span class="t">{line or " "}</span></li>'
        for i, line in enumerate(lines, 1)
    )
    flist = "".join(
        f'<li data-cat="{f.category}"><a href="#d{k}f{i}">{f.line}:{f.column}</a> '
        f'<span class="sev {f.severity}">{f.severity}</span> <span class="code">{f.code}</span> '
        f"{html.escape(f.message)}</li>"
        for i, f in enumerate(findings)
    )
    name = html.escape(doc.path or "<stdin>")
    verdict = (
        f"{len(findings)} 条问题 findings"
        if findings
        else '<span class="clean">未发现问题 no findings</span>'
    )
    return (
        f'<section class="doc"><h2>{name}</h2><div class="meta">{verdict} · {html.escape(doc.format)}, '
        f"{html.escape(doc.encoding or '')}, {len(doc.line_starts)} lines</div>"
        f'<div class="cols"><ol class="text">{items}</ol>'
        f'<aside><ul class="findings">{flist}</ul></aside></div></section>'
    )


def render_html(
    results: Sequence[tuple[Document, Sequence[Finding]]], *, title: str = "govtext lint report"
) -> str:
    all_findings = [f for _, fs in results for f in fs]
    by_cat = Counter(f.category for f in all_findings)
    by_rule = Counter((f.code, f.rule, f.category) for f in all_findings)
    cats = "".join(
        f'<label><input type="checkbox" value="{c}" checked><span class="swatch" style="background:{CATEGORY_COLOURS[c]}"></span>'
        f"{CATEGORY_NAMES[c]} ({by_cat.get(c, 0)})</label>"
        for c in CATEGORY_NAMES
    )
    rows = "".join(
        f'<tr data-cat="{cat}"><td class="code">{code}</td><td>{html.escape(rule)}</td><td>{n}</td></tr>'
        for (code, rule, cat), n in sorted(by_rule.items())
    )
    table = (
        f'<table class="rules"><tr><th>code</th><th>rule</th><th>n</th></tr>{rows}</table>'
        if rows
        else ""
    )
    docs = "".join(_render_doc(k, doc, fs) for k, (doc, fs) in enumerate(results))
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{html.escape(title)} — {len(results)} 个文件, {len(all_findings)} 条问题</h1>"
        f'<div class="cats">{cats}</div></header>'
        f'<main><details class="rules"><summary>按规则统计 by rule</summary>{table}</details>{docs}</main>'
        f'<div id="tip"></div><script>{_JS}</script></body></html>'
    )
