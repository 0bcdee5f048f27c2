"""Inputs that are not minutes get a clear refusal (DocgenError, Chinese, naming the file),
in bounded time and memory: empty, binary, plain prose, over 50 MB, broken PDFs, zip bombs."""

from __future__ import annotations

import io
import re
import struct
import time
import zipfile
from pathlib import Path

import pytest

from docgen.diff import cmd_diff
from docgen.errors import DocgenError
from docgen.parse.api import cmd_parse, parse_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "suzhou-2020-96.txt"


def refused(path: Path, *words: str, seconds: float = 5.0) -> str:
    start = time.monotonic()
    with pytest.raises(DocgenError) as info:
        parse_file(path)
    assert time.monotonic() - start < seconds
    text = str(info.value)
    assert str(path) in text, text
    for word in words:
        assert word in text, text
    return text


def test_empty(tmp_path):
    for name in ("empty.txt", "empty.pdf", "empty.docx"):
        path = tmp_path / name
        path.write_bytes(b"")
        refused(path, "空")
    blank = tmp_path / "blank.txt"
    blank.write_text("\n \n\u3000\n", encoding="utf-8")
    refused(blank, "空")


def test_binary(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes(bytes(range(256)) * 64)
    refused(path, "二进制")


def test_pdf_named_txt(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes(b"%PDF-1.7\n" + b"x" * 100)
    refused(path, "PDF")


def test_not_minutes(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("今天天气晴朗，市民出游踊跃。\n各景区接待游客12万人次。\n", encoding="utf-8")
    refused(path, "不是一份会议纪要")


def test_too_large(tmp_path):
    for name in ("big.txt", "big.pdf", "big.docx"):
        path = tmp_path / name
        with open(path, "wb") as handle:       # sparse: 51 MB on paper, nothing on disk
            handle.truncate(51 * 1024 * 1024)
        refused(path, "过大", seconds=1.0)


def test_broken_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n" + b"\x00" * 50)
    refused(path)
    path.write_bytes(b"not a pdf at all")
    refused(path, "PDF")


def test_docx_that_is_not_a_zip(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 2000)     # an old binary .doc
    refused(path, "DOCX")
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    refused(path)


def _bomb(size: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return buffer.getvalue()


def test_zip_bomb(tmp_path):
    data = _bomb(100 * 1024 * 1024)             # 100 MB of zeros in ~100 KB
    assert len(data) < 1024 * 1024
    path = tmp_path / "bomb.docx"
    path.write_bytes(data)
    refused(path, "ZIP 炸弹", seconds=2.0)


def test_zip_bomb_with_lying_sizes(tmp_path):
    """A member that declares 1 KB but inflates to 100 MB: never inflated past 1 KB."""
    data = bytearray(_bomb(100 * 1024 * 1024))
    name = b"word/document.xml"
    # local file header: uncompressed size at offset 22; central directory entry: offset 24
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := data.find(signature, at)) >= 0:
            name_len_at = 26 if signature == b"PK\x03\x04" else 28
            name_len = struct.unpack_from("<H", data, at + name_len_at)[0]
            start = at + (30 if signature == b"PK\x03\x04" else 46)
            if bytes(data[start:start + name_len]) == name:
                struct.pack_into("<I", data, at + size_at, 1024)
            at += 4
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(data))
    text = refused(path, seconds=3.0)
    assert "损坏" in text or "无法读取" in text


def test_unknown_suffix(tmp_path):
    path = tmp_path / "minutes.odt"
    path.write_bytes(b"x")
    refused(path, "不支持")


def test_missing_file(tmp_path):
    refused(tmp_path / "nothing.txt", "不存在")


def test_cmd_parse_exit_codes(tmp_path, capsys):
    out = tmp_path / "out.yaml"
    assert cmd_parse(SEED, out) == 0
    assert out.read_text(encoding="utf-8").count("- title:") == 10
    err = capsys.readouterr().err
    assert "警告" in err and "半角" in err
    before = out.read_bytes()
    assert cmd_parse(SEED, out) == 2                      # never overwrites by accident
    assert "已存在" in capsys.readouterr().err and out.read_bytes() == before
    assert cmd_parse(SEED, out, force=True) == 0
    news = tmp_path / "news.txt"
    news.write_text("今天天气晴朗，市民出游踊跃。\n", encoding="utf-8")
    assert cmd_parse(news, tmp_path / "news.yaml") == 2
    assert not (tmp_path / "news.yaml").exists()
    assert "错误" in capsys.readouterr().err


def test_cmd_parse_to_stdout(capsys):
    assert cmd_parse(SEED, None) == 0
    assert "session: 96" in capsys.readouterr().out


def test_cmd_diff_exit_codes(tmp_path, capsys):
    yaml_path = FIXTURES / "suzhou-2020-96.yaml"
    assert cmd_diff(yaml_path, SEED) == 0
    changed = tmp_path / "changed.yaml"
    changed.write_text(yaml_path.read_text(encoding="utf-8").replace("市资源规划局关于", "市资源局关于"),
                       encoding="utf-8")
    capsys.readouterr()
    assert cmd_diff(yaml_path, changed) == 1
    out = capsys.readouterr().out
    assert "topics[2].items[0]" in out and "市资源规划局" in out and "市资源局" in out
    assert cmd_diff(yaml_path, tmp_path / "missing.yaml") == 2


def test_parse_and_diff_commands(tmp_path, capsys):
    """docgen parse writes the YAML; docgen diff finds it equal to the fixture, then not."""
    from docgen.cli import main
    out = tmp_path / "seed.yaml"
    assert main(["parse", str(SEED), "-o", str(out)]) == 0 and out.exists()
    assert main(["parse", str(SEED), "-o", str(out)]) == 2          # never overwrites silently
    assert main(["diff", str(out), str(FIXTURES / "suzhou-2020-96.yaml")]) == 0
    assert "相同" in capsys.readouterr().out
    out.write_text(out.read_text(encoding="utf-8").replace("栗涛", "栗波"), encoding="utf-8")
    assert main(["diff", str(out), str(FIXTURES / "suzhou-2020-96.yaml")]) == 1
    assert "recorder" in capsys.readouterr().out


def _pdf(objects: list[bytes]) -> bytes:
    """A small PDF with a correct cross-reference table, from its objects' bodies."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


CONTENT = b"<< /Length 36 >>\nstream\nBT /F1 12 Tf 72 700 Td (Hello) Tj ET\nendstream"


@pytest.mark.parametrize("pages", [
    b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",          # the tree contains itself
    b"<< /Type /Pages /Kids [3 0 R] /Count 999999999 >>",        # a billion pages
])
def test_damaged_pdf_is_a_clear_error(tmp_path, pages):
    path = tmp_path / "damaged.pdf"
    path.write_bytes(_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", pages,
                           b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                           CONTENT]))
    with pytest.raises(DocgenError) as info:
        parse_file(path)
    assert str(path) in str(info.value) and "PDF" in str(info.value)


def test_damaged_docx_attribute_is_a_clear_error(tmp_path):
    from docgen.model import load_minutes_text
    from docgen.render.api import render_bytes
    m = load_minutes_text("date: 2024-03-05\ntopics:\n  - title: 听取汇报\n    items: [原则同意。]\n"
                          "preamble: 2024年3月5日，市政府召开常务会议。\n").minutes
    data = render_bytes(m, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:pPr>", b'<w:pPr><w:numPr><w:ilvl w:val="abc"/><w:numId w:val="1"/></w:numPr>', 1)
    path = tmp_path / "damaged.docx"
    with zipfile.ZipFile(path, "w") as z:
        for n, body in parts.items():
            z.writestr(n, body)
    with pytest.raises(DocgenError) as info:            # python-docx: ValueError on "abc"
        parse_file(path)
    assert str(path) in str(info.value) and "DOCX" in str(info.value)


def test_a_pdf_too_big_to_be_minutes_is_refused_in_bounded_time(tmp_path, monkeypatch):
    from docgen.parse import pdf
    from docgen.render.api import render_bytes
    from docgen.model import load_minutes
    data = render_bytes(load_minutes(FIXTURES / "suzhou-2020-96.yaml").minutes, "pdf")
    path = tmp_path / "m.pdf"
    path.write_bytes(data)
    monkeypatch.setattr(pdf, "MAX_LINES", 50)
    refused(path, "过于庞大")


def test_control_characters_of_a_copied_text_are_dropped(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("苏州市突发事件", "苏州\x1b[31m市突\u202e发事件", 1)
    path = tmp_path / "evil.txt"
    path.write_text(text, encoding="utf-8")
    minutes, _ = parse_file(path)
    dumped = minutes.model_dump_json()
    assert "\\u001b" not in dumped and "\u202e" not in dumped and "苏州[31m市突发事件" in dumped


def test_parse_never_writes_over_its_input(tmp_path, capsys):
    path = tmp_path / "m.txt"
    path.write_bytes(SEED.read_bytes())
    assert cmd_parse(path, path, force=True) == 2
    assert path.read_bytes() == SEED.read_bytes()
    assert "输入文件" in capsys.readouterr().err


def test_a_cut_short_pdf_or_a_docx_of_exploding_entities_is_refused_in_chinese(tmp_path, seed_pdf):
    """No English from the readers reaches the archivist: a PDF cut short in copying, and a
    DOCX whose XML expands entities ("billion laughs"), say what they are and what to do."""
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(seed_pdf[:len(seed_pdf) // 10])
    laughs = tmp_path / "laughs.docx"
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "哈" * 10}">' for i in range(9))
    with zipfile.ZipFile(laughs, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" '
                   'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", f'<?xml version="1.0"?><!DOCTYPE d [{entities}]>'
                   '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   '<w:body><w:p><w:r><w:t>&l8;</w:t></w:r></w:p></w:body></w:document>')
    for path, said in ((cut, "不完整"), (laughs, "XML")):
        with pytest.raises(DocgenError) as info:
            parse_file(path)
        text = str(info.value)
        assert str(path) in text and said in text
        assert not re.search(r"Error|Failed|exceeded|stream|line \d", text), text
