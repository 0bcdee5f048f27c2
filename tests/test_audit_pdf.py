"""docgen audit on PDFs: docgen's own seed passes; plain WeasyPrint pages that break one rule
of GB/T 9704 each are reported with that rule and no other.

The non-conforming documents are written here as plain HTML (not docgen's output edited),
so what audit measures is a layout another tool made.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from docgen.audit import audit_pdf_bytes
from docgen.gbt9704 import GRID, LINE_PITCH_PT, PAGE, mm

# The grid pitch rounded down: 22 lines of it must fit the 225 mm 版心 exactly.
PITCH = int(LINE_PITCH_PT * 1000) / 1000
HANZI = ("会议研究城市建设交通运输安全生产防汛准备户籍制度改革金融支持小微企业稳定发展"
         "外贸企业政策意见国土空间规划编制工作情况汇报审议通过总体应急预案")


def _text(count: int, seed: int) -> str:
    return "".join(HANZI[(seed * 7 + i) % len(HANZI)] for i in range(count))


def _paragraphs(count: int, chars: int, start: int = 0) -> str:
    """``count`` paragraphs of two full lines each: a first line indented two cells."""
    return "".join(f"<p>{_text(2 * chars - 2, start + i)}</p>" for i in range(count))


def _opening(chars: int, second: str, heading_face: str, indent: bool, comma: str,
             overflow: bool) -> str:
    """Page one's four paragraphs: a 一、 heading, a （一） item, a paragraph that ends short
    (with a comma in it), and one more; the page-two heading is ``second``、."""
    short = _text(2 * chars - 8, 2)
    return (f'<p><span style="font-family: {heading_face}">一、</span>{_text(2 * chars - 4, 0)}</p>'
            f'<p><span style="font-family: 楷体">（一）</span>{_text(2 * chars - 5, 1)}</p>'
            f"<p>{short[:10]}{comma}{short[10:]}</p>"
            f'<p style="{"" if indent else "text-indent: 0;"}{"margin-right: -20mm" if overflow else ""}">'
            f'{_text(2 * chars - (2 if indent else 0), 3)}</p>'), \
        f'<span style="font-family: 黑体">{second}、</span>'


def minutes_html(*, margins=(PAGE.top_mm, PAGE.right_mm, PAGE.bottom_mm, PAGE.left_mm),
                 chars: int = GRID.chars, body_font: str = "仿宋_GB2312", body_size: float = 16,
                 mark_colour: str = "#E60012", folio: str = "sides", colophon_page: int = 2,
                 second: str = "二", heading_face: str = "黑体", indent: bool = True,
                 comma: str = "，", overflow: bool = False, hanging: bool = True,
                 printed_spread: bool = True, rule_colour: str = "#E60012",
                 colophon_rules: bool = True) -> str:
    """A two- or three-page 纪要 laid out by hand in CSS to GB/T 9704, with one knob per rule."""
    top, right, bottom, left = margins
    opening, heading = _opening(chars, second, heading_face, indent, comma, overflow)
    cell = mm(PAGE.body_width_mm) / chars
    rest = _paragraphs(9, chars, 20)
    rest = f"<p>{heading}{_text(2 * chars - 4, 19)}</p>" + rest[rest.index("</p>") + 4:]
    # the last paragraph, two lines: an 出席 list wrapping under its first name, or not
    hang = (f"padding-left: {5 * cell:.3f}pt; text-indent: {-3 * cell:.3f}pt" if hanging
            else f"text-indent: {2 * cell:.3f}pt")
    rest = (rest[:rest.rindex("<p>")] + f'<p style="{hang}"><span style="font-family: 黑体">出席：</span>'
            f"{_text(chars + 2, 5)}</p>")
    folio_css = ('font: 14pt/14pt "宋体"; vertical-align: top; padding-top: 7mm; '
                 'content: "— " counter(page) " —";')
    if folio == "sides":
        pages = (f"@page :right {{ @bottom-right {{ {folio_css} text-align: right; padding-right: 14pt; }} }}"
                 f"@page :left {{ @bottom-left {{ {folio_css} text-align: left; padding-left: 14pt; }} }}")
    else:
        pages = f"@page {{ @bottom-center {{ {folio_css} text-align: center; }} }}"
    colophon = ('<div class="colophon"><p class="label">分送：各市、区人民政府，市各有关部门。</p>'
                '<p class="printed"><span>苏州市人民政府办公室</span>　<span>2020年6月1日印发</span></p></div>')
    middle = "".join(f'<div class="page body">{_paragraphs(11, chars, 40)}</div>'
                     for _ in range(colophon_page - 2))
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: {top}mm {right}mm {bottom}mm {left}mm; }}
{pages}
body {{ margin: 0; font-family: "仿宋_GB2312"; font-size: 16pt; line-height: {PITCH:.3f}pt; }}
p {{ margin: 0; }}
.body span {{ line-height: 1; }}
.body p {{ font-family: "{body_font}"; font-size: {body_size}pt; letter-spacing: {cell - body_size - 0.005:.3f}pt;
          text-indent: {2 * cell:.3f}pt; text-align: justify; }}
.mark {{ color: {mark_colour}; font: 22pt/22pt "方正小标宋简体"; text-align: center; margin-top: 34.4mm; }}
.issue {{ text-align: center; margin-top: 20pt; }}
.office {{ padding: 0 16pt; }}
.office span {{ float: right; }}
.printed {{ display: flex; justify-content: {"space-between" if printed_spread else "flex-start"}; }}
.rule {{ border-top: 1pt solid {rule_colour}; margin: 4pt 0 {PITCH:.3f}pt; }}
.page {{ break-before: page; }}
.colophon {{ margin-top: {2 * PITCH - (2.7 if colophon_rules else 0):.3f}pt; font-size: 14pt; }}
.colophon p {{ padding: 0 14pt; }}
{".colophon .label { border-top: 0.99pt solid black; } .colophon .printed { border-top: 0.71pt solid black; border-bottom: 0.99pt solid black; }" if colophon_rules else ""}
</style></head><body>
<p class="mark">苏州市人民政府常务会议纪要</p>
<p class="issue">第96次</p>
<p class="office">苏州市人民政府办公室<span>2020年6月1日</span></p>
<div class="rule"></div>
<div class="body">{opening}</div>
{middle}
<div class="page"><div class="body">{rest}</div>{colophon}</div>
</body></html>"""


def _pdf(html: str) -> bytes:
    from docgen.environment import ensure_fontconfig_env
    ensure_fontconfig_env()
    import weasyprint
    return weasyprint.HTML(string=html).write_pdf()


def _rules(pdf: bytes) -> set[str]:
    return audit_pdf_bytes(pdf, "test.pdf").rule_ids()


def test_seed_pdf_conforms(seed_pdf):
    """The seed's layout conforms; its text keeps the six half-width commas of the printed
    original (fixtures/suzhou-2020-96.yaml says where): audit lists exactly those, as a
    提示 of wording that does not make the layout non-conforming."""
    report = audit_pdf_bytes(seed_pdf, "seed.pdf")
    assert report.conforms and report.breaches == []
    assert [f.rule.id for f in report.advisories] == ["body.punctuation"]
    assert "“,”6 个" in report.advisories[0].measured
    assert report.measured["chars_per_line"] == GRID.chars
    assert report.measured["lines_per_page"] == GRID.lines
    assert report.measured["colophon_page"] == 12
    assert all(abs(v - want) <= 0.3 for v, want in zip(report.measured["margins_mm"].values(),
                                                       (PAGE.left_mm, PAGE.right_mm, PAGE.top_mm,
                                                        PAGE.bottom_mm)))


def test_hand_made_page_conforms():
    """The baseline of every variant below: nothing to report, so each finding is its own."""
    report = audit_pdf_bytes(_pdf(minutes_html()), "plain.pdf")
    assert report.findings == [], [f.as_dict() for f in report.findings]
    assert report.measured["lines_per_page"] == GRID.lines


@pytest.mark.parametrize("knobs, expected", [
    ({"margins": (30, 33, 42, 21)}, {"page.margins"}),
    ({"chars": 30}, {"page.chars"}),
    ({"body_font": "宋体", "body_size": 14}, {"body.size", "body.face"}),
    ({"mark_colour": "#000000"}, {"header.mark.colour"}),
    ({"folio": "centre"}, {"folio.side"}),
    ({"colophon_page": 3}, {"colophon.page"}),
    ({"second": "三"}, {"body.numbering"}),
    ({"heading_face": "仿宋_GB2312"}, {"body.heading.face"}),
    ({"indent": False}, {"body.indent"}),
    ({"comma": ","}, {"body.punctuation"}),
    ({"overflow": True}, {"page.overflow"}),
    ({"hanging": False}, {"body.attendance"}),
    ({"printed_spread": False}, {"colophon.printed"}),
    ({"rule_colour": "#000000"}, {"header.rule"}),
    ({"colophon_rules": False}, {"colophon.rules"}),
], ids=["margins", "30-chars", "song-14pt", "black-mark", "centred-folios", "colophon-odd",
        "numbering-gap", "heading-in-fangsong", "no-indent", "half-width-comma", "into-the-margin",
        "attendance-not-hanging", "printed-date-not-right", "black-header-rule",
        "no-colophon-rules"])
def test_one_rule_broken_is_reported_alone(knobs, expected):
    report = audit_pdf_bytes(_pdf(minutes_html(**knobs)), "bad.pdf")
    assert report.rule_ids() == expected, [f.as_dict() for f in report.findings]
    assert report.conforms == (expected == {"body.punctuation"})
    for finding in report.findings:
        assert finding.fix and finding.where and finding.measured


def test_profile_sets_the_mark_size(seed_pdf):
    """The standard leaves the 纪要标志's size open; a profile fixes it (suzhou: 36 pt)."""
    from docgen.model import load_profile
    suzhou = load_profile("suzhou")
    assert "header.mark.size" not in audit_pdf_bytes(seed_pdf, "seed.pdf", suzhou).rule_ids()
    plain = _pdf(minutes_html())             # a 22 pt mark: fine by the standard alone
    assert audit_pdf_bytes(plain, "plain.pdf").rule_ids() == set()
    assert audit_pdf_bytes(plain, "plain.pdf", suzhou).rule_ids() == {"header.mark.size"}


def test_cli_text_and_json(tmp_path, seed_pdf):
    good = tmp_path / "good.pdf"
    good.write_bytes(seed_pdf)
    (tmp_path / "plain.pdf").write_bytes(_pdf(minutes_html()))
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(_pdf(minutes_html(mark_colour="#000000")))
    run = [sys.executable, "-m", "docgen", "audit"]
    ok = subprocess.run(run + [str(tmp_path / "plain.pdf")], capture_output=True, text=True)
    assert ok.returncode == 0 and "✓" in ok.stdout, ok.stdout + ok.stderr
    seed = subprocess.run(run + [str(good)], capture_output=True, text=True)
    assert seed.returncode == 0 and "✓" in seed.stdout, seed.stdout + seed.stderr
    assert "另有 1 条提示" in seed.stdout and "body.punctuation" in seed.stdout
    seed_json = json.loads(subprocess.run(run + [str(good), "--format", "json"], capture_output=True,
                                          text=True).stdout)
    assert seed_json["conforms"] and seed_json["findings"] == []
    assert [f["rule"] for f in seed_json["advisories"]] == ["body.punctuation"]
    found = subprocess.run(run + [str(bad), "--format", "json"], capture_output=True, text=True)
    assert found.returncode == 1, found.stderr
    data = json.loads(found.stdout)
    assert [f["rule"] for f in data["findings"]] == ["header.mark.colour"]
    assert data["findings"][0]["clause"] == "§10.3" and "红色" in data["findings"][0]["fix"]


@pytest.mark.parametrize("content, message", [
    (b"", "空"),
    (b"%PDF-1.4\n garbage", "损坏"),
    (b"hello, not a pdf at all", "不是 PDF"),
])
def test_unreadable_input_exits_2_without_traceback(tmp_path, content, message):
    path = tmp_path / "x.pdf"
    path.write_bytes(content)
    run = subprocess.run([sys.executable, "-m", "docgen", "audit", str(path)], capture_output=True, text=True)
    assert run.returncode == 2
    assert message in run.stderr and "Traceback" not in run.stderr and not run.stdout


def test_unsupported_suffix_refused(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("会议纪要", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "docgen", "audit", str(path)], capture_output=True, text=True)
    assert run.returncode == 2 and "不支持" in run.stderr
