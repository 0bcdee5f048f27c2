"""Property: valid minutes → render (PDF, DOCX) → parse → the same data.

The generated minutes are what a clerk writes: topics and items from a vocabulary of
Chinese sentences (digits, 《》, “”), names from surnames and given names, units from the
parser's knowledge base. The opening paragraph follows the 苏州 formula, so date, period,
chair and 第N次 are in it, as they are in every printed 纪要.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docgen.diff import diff
from docgen.model.minutes import Minutes
from docgen.parse.api import parse_bytes
from docgen.parse.units import KNOWN_UNITS
from docgen.render.api import render_bytes

HAS_DOCX = importlib.util.find_spec("docgen.render.docx") is not None

SENTENCES = [
    "原则同意市应急局关于一季度安全生产情况的汇报。",
    "由市发改委根据本次会议讨论意见修改完善后按程序发文。",
    "各地各部门要按照“1+27”专项整治的要求，持续深化安全生产督查工作。",
    "全年计划完成投资120亿元，同比增长8.5%，新建5G基站3000个。",
    "原则同意《苏州市城市更新试点实施方案》。",
    "要坚持“两手硬”，主动走访企业提供精准服务，坚决不留死角、不留盲区。",
    "市财政局要会同有关部门抓紧制定配套政策，确保2024年底前全面完成。",
    "审议通过《关于进一步支持外贸企业稳定发展的政策意见》，自印发之日起施行。",
    "各板块要结合自身特点抓紧细化完善；市级部门要加强指导。",
    "对列入计划的36个项目实行清单管理，每月通报进展情况。",
    "要加强应急处置演练，提高应急队伍实战能力，强化公众忧患意识。",
    "开放型经济是苏州的特色和优势，稳住外贸基本盘意义重大。",
]
TITLES = [
    "审议《苏州市突发事件总体应急预案》",
    "听取全市防汛准备工作情况的汇报",
    "传达全省国土空间规划工作推进会议精神",
    "审议《关于加快培育生产性服务业领军企业的若干意见》",
    "听取关于完善市级国有金融资本管理的汇报",
    "研究2024年为民办实事项目安排",
]
CLOSINGS = ["会议还研究了其他事项。", "会议还审议并原则通过了其它议题和有关事项。"]
SURNAMES = "王李张刘陈杨黄吴周徐孙朱胡高林郭何罗郑谢宋唐许韩冯邓曹彭曾萧蔡潘田董袁于余叶蒋杜苏魏程吕丁沈任姚卢钟姜崔谭陆范汪廖石金贾韦夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志文红玉兰春云飞鹏辉宇浩然晨阳欣怡"
UNITS = [u for u in KNOWN_UNITS if not any(u != k and k.startswith(u) for k in KNOWN_UNITS)]


@st.composite
def person(draw) -> str:
    surname = draw(st.sampled_from(SURNAMES))
    given_name = draw(st.text(alphabet=GIVEN, min_size=1, max_size=2))
    return surname + given_name


def people(min_size: int, max_size: int):
    return st.lists(person(), min_size=min_size, max_size=max_size, unique=True)


def paragraph():
    return st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3).map("".join)


@st.composite
def item(draw, level: int):
    text = draw(paragraph())
    if level < 3 and draw(st.integers(0, 4)) == 0:
        return {"text": text, "items": draw(st.lists(item(level + 1), min_size=1, max_size=2))}
    return text


@st.composite
def topic(draw):
    items = draw(st.lists(item(1), min_size=0, max_size=3))
    body = draw(st.lists(paragraph(), min_size=0 if items else 1, max_size=2))
    out = {"title": draw(st.sampled_from(TITLES))}
    if items:
        out["items"] = items
    if body:
        out["body"] = body
    return out


@st.composite
def attendance(draw):
    everyone = draw(people(6, 24))
    it = iter(everyone)
    present = [next(it) for _ in range(draw(st.integers(1, 6)))]
    rest = list(it)
    k = draw(st.integers(0, min(2, len(rest))))
    on_leave = []
    for name in rest[:k]:
        reason = draw(st.sampled_from([None, "出差", "因公外出"]))
        on_leave.append({"name": name, "reason": reason} if reason else name)
    rest = rest[k:]
    plain = rest[:draw(st.integers(0, min(4, len(rest))))]
    rest = rest[len(plain):]
    units = draw(st.lists(st.sampled_from(UNITS), min_size=0, max_size=8, unique=True))
    entries = []
    for unit in units:
        if not rest:
            break
        n = draw(st.integers(1, min(2, len(rest))))
        entries.append({"unit": unit, "names": rest[:n]})
        rest = rest[n:]
    reps = draw(st.lists(st.sampled_from(UNITS), min_size=0, max_size=4, unique=True))
    out = {"present": present, "on_leave": on_leave, "attending": plain + entries,
           "representatives_of": reps}
    return {k: v for k, v in out.items() if v}


@st.composite
def minutes(draw) -> Minutes:
    date = draw(st.dates(dt.date(2015, 1, 1), dt.date(2024, 12, 31)))
    period = draw(st.sampled_from([None, "上午", "下午"]))
    chair = draw(person())
    title = draw(st.sampled_from(["市长", "副市长", "常务副市长"]))
    session = draw(st.integers(1, 150))
    term = draw(st.sampled_from([None, None, "十三届"]))
    topics = draw(st.lists(topic(), min_size=1, max_size=4))
    heard = "，".join(t["title"] for t in topics)
    preamble = (f"{date.year}年{date.month}月{date.day}日{period or ''}，{chair}{title}主持召开市政府"
                f"{term or ''}第{session}次常务会议，{heard}。")
    data = {
        "issuer": "苏州市人民政府", "session": session, "date": date, "chair": {"name": chair, "title": title},
        "preamble": preamble, "topics": topics,
        "decisions_intro": draw(st.sampled_from(["会议议定以下意见：", None, "会议研究了以下事项："])),
    }
    if term:
        data["term"] = term
    if period:
        data["period"] = period
    if draw(st.booleans()):
        data["closing"] = [draw(st.sampled_from(CLOSINGS))]
    later = date + dt.timedelta(days=draw(st.integers(0, 40)))
    if draw(st.integers(0, 3)):
        data["attendance"] = draw(attendance())
        data["recorder"] = draw(person())
    if draw(st.booleans()):
        data["compiled_by"] = "苏州市人民政府办公室"
        data["compiled_date"] = later
    if draw(st.booleans()):
        data["disclosure"] = draw(st.sampled_from(["此件公开发布", "此件依申请公开"]))
    if draw(st.booleans()):
        data["distribution_label"] = draw(st.sampled_from(["分送", "抄送"]))
        data["distribution"] = "各市、区人民政府，苏州工业园区、苏州高新区；市各有关部门和单位。"
    if draw(st.integers(0, 3)):
        data["printed"] = {"by": "苏州市人民政府办公室", "date": later}
    return Minutes.model_validate(data)


def roundtrip(m: Minutes, fmt: str) -> None:
    data = render_bytes(m, fmt)
    parsed, _ = parse_bytes(data, f".{fmt}", f"<generated.{fmt}>")
    differences = diff(m, parsed)
    assert differences == [], "\n".join(differences)
    assert parsed.model_dump() == m.model_dump()


SETTINGS = settings(max_examples=15, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(minutes())
def test_generated_minutes_survive_pdf(m):
    roundtrip(m, "pdf")


@pytest.mark.skipif(not HAS_DOCX, reason="docgen.render.docx is not there yet")
@SETTINGS
@given(minutes())
def test_generated_minutes_survive_docx(m):
    roundtrip(m, "docx")


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(not HAS_DOCX or not SOFFICE, reason="needs docgen.render.docx and LibreOffice")
@settings(max_examples=5, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(minutes())
def test_generated_minutes_survive_libreoffice_pdf(m):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder)
        (path / "m.docx").write_bytes(render_bytes(m, "docx"))
        subprocess.run([SOFFICE, f"-env:UserInstallation=file://{path}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", str(path), str(path / "m.docx")],
                       check=True, capture_output=True, timeout=180)
        parsed, _ = parse_bytes((path / "m.pdf").read_bytes(), ".pdf", "<libreoffice.pdf>")
    differences = diff(m, parsed)
    assert differences == [], "\n".join(differences)


TEXT_BOX = """<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
  xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
  xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
  xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
  xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>
 <mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>
  <w:txbxContent>{paras}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>
 </mc:Choice>
 <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict>
 </mc:Fallback></mc:AlternateContent></w:r>"""


def test_text_boxes_are_read_once_each_paragraph_its_own():
    """A PDF converted to DOCX (LibreOffice, Word) puts its lines in text boxes, each written
    twice (DrawingML and a VML fallback): read once, a box's paragraphs are paragraphs."""
    import io
    import docx
    from lxml import etree
    from docgen.parse.docx import docx_paragraphs
    lines = ["3月5日上午，市长王某主持召开市政府第7次常务会议。", "会议听取了市应急局的汇报。"]
    paras = "".join(f'<w:p><w:r><w:t>{t}</w:t></w:r></w:p>' for t in lines)
    document = docx.Document()
    anchor = document.add_paragraph("会议纪要")
    anchor._p.append(etree.fromstring(TEXT_BOX.format(paras=paras)))
    document.add_paragraph("会议还研究了其他事项。")
    out = io.BytesIO()
    document.save(out)
    read = [p.plain for p in docx_paragraphs(docx.Document(io.BytesIO(out.getvalue())))]
    assert read == ["会议纪要", *lines, "会议还研究了其他事项。"]
