"""Rendering beyond the seed: a clerk's new draft, the CLI, templates, metadata."""

from __future__ import annotations

import subprocess
import sys

import pymupdf
import pytest

from docgen.model import load_minutes_text
from docgen.render.api import prepare, render_bytes
from pdfread import read_lines

DRAFT = """\
date: 2024-03-05
period: 下午
session: 12
chair: {name: 王伟, title: 市长}
preamble: 2024年3月5日下午，王伟市长主持召开市政府第12次常务会议，审议《关于推进GB/T 9704—2012公文格式的实施意见》。
topics:
  - title: 审议《关于推进GB/T 9704—2012公文格式的实施意见（2024—2026年）》并提出贯彻落实的工作要求和具体分工安排
    items:
      - 原则同意。由市政府办公室根据本次会议讨论意见作进一步修改完善后，于2024年3月31日前按程序印发。
      - text: 各地各部门要抓好落实：
        items:
          - 明确责任分工。
          - 加强督查检查，确保“三个到位”。
  - title: 听取关于安全生产工作情况的汇报
    body: ["会议要求，各地各部门要“两手抓、两手硬”……。"]
attendance:
  present: [王伟, 李明华, 张强]
  on_leave: [{name: 赵敏, reason: 出差}]
  attending:
    - 陈红
    - {unit: 中国人民银行苏州市中心支行营业管理部综合办公室, names: [周晓东]}
recorder: 刘洋
distribution: 各市、区人民政府；市各有关部门和单位。
printed: {by: 苏州市人民政府办公室, date: 2024-03-08}
"""


@pytest.fixture(scope="module")
def draft():
    return load_minutes_text(DRAFT).minutes


@pytest.fixture(scope="module")
def draft_pdf(draft):
    return render_bytes(draft, "pdf")


def test_draft_pdf_passes_the_audit(draft_pdf):
    """One oracle of the PDF backend: GB/T 9704 as docgen audit measures it, independently
    of the typesetter's own numbers."""
    from docgen.audit import audit_pdf_bytes
    report = audit_pdf_bytes(draft_pdf, "draft.pdf")
    assert report.findings == [], [f.as_dict() for f in report.findings]
    assert report.measured["chars_per_line"] == 28 and report.measured["colophon_page"] % 2 == 0


def test_draft_pages_even_with_version_last(draft):
    layout = prepare(draft).layout
    assert len(layout.pages) % 2 == 0
    assert layout.pages[-1].colophon


def test_draft_lines_obey_the_grid(draft):
    layout = prepare(draft).layout
    for _, placed in layout.body_lines():
        line = placed.line
        assert line.natural <= line.available + 0.5 + 1e-6
        assert line.text and line.text[0] not in "，。、；：？！）》”"


def test_draft_pdf_holds_every_word(draft, draft_pdf):
    pages = read_lines(draft_pdf)
    text = "".join(line.clean for page in pages for line in page)
    for needle in ("请假：赵　敏（出差）", "列席：陈　红", "中国人民银行苏州市中心支行营业管理部综合办公室周晓东",
                   "1.明确责任分工。", "（2）" if False else "2.加强督查检查", "记录：刘洋",
                   "GB/T9704—2012", "分送：各市、区人民政府；市各有关部门和单位。"):
        assert needle.replace("\u3000", "") in text.replace("\u3000", ""), needle


def test_a_long_mark_is_narrowed_and_stays_centred():
    """A mark wider than the 版心 is scaled to 98 % of it about its own centre."""
    from docgen.gbt9704 import PAGE, mm
    text = DRAFT.replace("preamble:", "issuer: 新疆维吾尔自治区伊犁哈萨克自治州人民政府\npreamble:")
    pdf = render_bytes(load_minutes_text(text).minutes, "pdf")
    mark = next(line for line in read_lines(pdf)[0] if line.text.endswith("纪要"))
    left, right = mm(PAGE.left_mm), mm(PAGE.left_mm + PAGE.body_width_mm)
    assert left <= mark.x0 and mark.x1 <= right, (mark.x0, mark.x1)
    assert abs((mark.x0 + mark.x1) / 2 - (left + right) / 2) < 1.0
    assert mark.x1 - mark.x0 > 0.9 * (right - left)


def test_pdf_metadata(draft_pdf):
    meta = pymupdf.open(stream=draft_pdf, filetype="pdf").metadata
    assert meta["title"] == "苏州市人民政府第12次常务会议纪要"
    assert meta["author"] == "苏州市人民政府办公室"
    assert meta["creationDate"].startswith("D:20240308")


def test_html_is_the_same_layout(draft):
    html = render_bytes(draft, "html").decode()
    assert html.count('class="page"') == len(prepare(draft).layout.pages)
    assert "&lt;" not in DRAFT and "王伟" in html


def test_text_is_escaped_in_html():
    m = load_minutes_text(DRAFT.replace("原则同意。", "原则同意<b>&\"。")).minutes
    html = render_bytes(m, "html").decode()
    assert "<b>&" not in html and "&lt;b&gt;&amp;" in html


def test_user_template_runs_sandboxed(tmp_path, draft):
    (tmp_path / "minutes.html.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}",
                                              encoding="utf-8")
    from docgen.errors import DocgenError
    with pytest.raises(DocgenError, match="不安全"):
        render_bytes(draft, "html", template_dir=tmp_path)


@pytest.mark.parametrize("body", [
    "{{ 1/0 }}", '{{ "%d"|format("x") }}', "{{ pages + 1 }}",
    "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", '{{ "a" * 300000000 }}',
    "{{ 10 ** 100000000 }}", "{{ pages[99] }}",
])
def test_user_template_errors_are_clear(tmp_path, draft, body):
    (tmp_path / "minutes.html.j2").write_text(body, encoding="utf-8")
    from docgen.errors import DocgenError
    with pytest.raises(DocgenError, match="模板") as info:
        render_bytes(draft, "html", template_dir=tmp_path)
    assert str(tmp_path) in str(info.value)


def test_user_template_in_another_encoding_is_a_clear_error(tmp_path, draft):
    (tmp_path / "minutes.html.j2").write_bytes("<p>纪要</p>".encode("gbk"))
    from docgen.errors import DocgenError
    with pytest.raises(DocgenError, match="UTF-8"):
        render_bytes(draft, "html", template_dir=tmp_path)


def test_user_template_reads_no_files_and_no_network(tmp_path, draft):
    """A template may not pull a local file into the PDF or make a request."""
    import http.server
    import threading
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.handle_request, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/x.png"
    (tmp_path / "minutes.html.j2").write_text(
        f'<html><head><link rel="attachment" href="{secret.as_uri()}"></head>'
        f'<body><p>正文</p><img src="{url}"><img src="{secret.as_uri()}"></body></html>',
        encoding="utf-8")
    try:
        pdf = render_bytes(draft, "pdf", template_dir=tmp_path)
    finally:
        server.server_close()
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    assert doc.embfile_count() == 0 and "正文" in doc[0].get_text()
    assert b"\xe6\x9c\xba\xe5\xaf\x86" not in pdf and requests == []


def test_render_cli_writes_files_atomically(tmp_path):
    src = tmp_path / "draft.yaml"
    src.write_text(DRAFT, encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "docgen", "render", str(src), "-o", str(out),
                          "--format", "pdf,html"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in out.iterdir()) == ["draft.html", "draft.pdf"]
    bad = tmp_path / "bad.yaml"
    bad.write_text(DRAFT.replace("date: 2024-03-05", "date: 2024-02-30"), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "docgen", "render", str(bad), "-o", str(out),
                          "--format", "pdf"], capture_output=True, text=True)
    assert run.returncode == 2 and "Traceback" not in run.stderr and "bad.yaml" in run.stderr
    assert not (out / "bad.pdf").exists()
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_missing_font_role_is_a_clear_error(monkeypatch, draft):
    from docgen.errors import DocgenError
    from docgen.layout import fonts
    monkeypatch.setitem(fonts.FACES, "kai", ("NoSuchKai.otf", 0, "NoSuchKai", 400))
    fonts.clear_cache()
    try:
        with pytest.raises(DocgenError, match="楷体"):
            prepare(draft)
    finally:
        monkeypatch.undo()
        fonts.clear_cache()
