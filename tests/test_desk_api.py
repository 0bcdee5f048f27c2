"""The desk's JSON endpoints (Starlette's TestClient), and the real server refusing a
request without its token or with another Host."""

from __future__ import annotations

import http.client
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from docgen.desk.app import make_app  # noqa: E402
from docgen.model import load_minutes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED_TXT = ROOT / "fixtures" / "suzhou-2020-96.txt"
SEED_YAML = ROOT / "fixtures" / "suzhou-2020-96.yaml"

TOKEN = "test-token-123"


def client(path: Path) -> TestClient:
    return TestClient(make_app(path, TOKEN), base_url="http://127.0.0.1",
                      headers={"X-Docgen-Token": TOKEN})


@pytest.fixture
def draft(tmp_path) -> Path:
    path = tmp_path / "seed.yaml"
    shutil.copy(SEED_YAML, path)
    return path


def seed_data(c: TestClient) -> dict:
    return c.get("/api/load").json()["data"]


def loaded(c: TestClient) -> tuple[dict, str]:
    """The form's data and the digest of the file it was loaded from (the page's base)."""
    body = c.get("/api/load").json()
    return body["data"], body["base"]


def test_load_gives_the_models_data(draft):
    with client(draft) as c:
        body = c.get("/api/load").json()
    assert body["errors"] == [] and body["exists"]
    assert body["data"] == load_minutes(SEED_YAML).minutes.model_dump(mode="json", exclude_none=True)


def test_a_new_file_loads_empty(tmp_path):
    with client(tmp_path / "new.yaml") as c:
        body = c.get("/api/load").json()
    assert body["exists"] is False and body["data"] is None


def test_validate_names_the_field_in_chinese(draft):
    with client(draft) as c:
        data = seed_data(c)
        data["topics"][1]["title"] = ""
        data["date"] = "2020-13-01"
        r = c.post("/api/validate", json={"data": data})
    assert r.status_code == 422
    by_path = {e["path"]: e["message"] for e in r.json()["errors"]}
    assert by_path["topics[1].title"] == "不能为空"
    assert "月份" in by_path["date"]


def test_pages_are_the_html_the_pdf_is_drawn_from(draft):
    from docgen.render.api import render_bytes
    with client(draft) as c:
        r = c.post("/api/pages", json={"data": seed_data(c)})
    assert r.status_code == 200
    html = r.json()["html"]
    expected = render_bytes(load_minutes(SEED_YAML).minutes, "html").decode("utf-8")
    assert html.count('class="page') == expected.count('class="page') > 0
    assert html.replace(html[html.find("<style>\n@font-face"):html.find("</style>\n</head>") + 9], "") \
        == expected
    assert f"?token={TOKEN}" in html          # the fonts are fetched with the token


def test_save_keeps_the_header_and_round_trips(draft):
    original = draft.read_text(encoding="utf-8")
    header = [line for line in original.splitlines() if line.startswith("#")]
    with client(draft) as c:
        data, base = loaded(c)
        data["recorder"] = "张三"
        r = c.post("/api/save", json={"data": data, "base": base})
    assert r.status_code == 200, r.text
    saved = draft.read_text(encoding="utf-8")
    assert saved.splitlines()[:len(header)] == header
    again = load_minutes(draft).minutes
    assert again.recorder == "张三"
    assert again.model_copy(update={"recorder": load_minutes(SEED_YAML).minutes.recorder}) \
        == load_minutes(SEED_YAML).minutes


def test_save_refuses_a_file_changed_on_disk_unless_confirmed(draft):
    with client(draft) as c:
        data, base = loaded(c)
        draft.write_text(draft.read_text(encoding="utf-8") + "\n# 同事改过\n", encoding="utf-8")
        assert c.get("/api/status", params={"base": base}).json()["changed_on_disk"] is True
        r = c.post("/api/save", json={"data": data, "base": base})
        assert r.status_code == 409 and "已被修改" in r.json()["errors"][0]["message"]
        assert draft.read_text(encoding="utf-8").endswith("# 同事改过\n")
        r = c.post("/api/save", json={"data": data, "base": base, "confirm": True})
        assert r.status_code == 200
        assert c.get("/api/status", params={"base": r.json()["base"]}).json()["changed_on_disk"] is False


def test_two_tabs_on_one_draft_each_save_over_only_what_they_loaded(draft):
    """Tab A saves; tab B, still showing the file as it was, is asked before it overwrites
    A's save (the desk once kept one digest for all its pages, and B saved silently)."""
    with client(draft) as c:
        data_a, base_a = loaded(c)
        data_b, base_b = loaded(c)
        data_a["recorder"] = "钱玥"
        saved = c.post("/api/save", json={"data": data_a, "base": base_a})
        assert saved.status_code == 200 and saved.json()["base"] != base_a
        data_b["distribution"] = "各区人民政府。"
        r = c.post("/api/save", json={"data": data_b, "base": base_b})
        assert r.status_code == 409 and "另一个标签页" in r.json()["errors"][0]["message"]
        assert load_minutes(draft).minutes.recorder == "钱玥"
        again = c.post("/api/save", json={"data": data_a, "base": saved.json()["base"]})
        assert again.status_code == 200                      # A saves again over its own save


def test_an_invalid_form_is_never_saved(draft):
    before = draft.read_bytes()
    with client(draft) as c:
        data, base = loaded(c)
        data["topics"] = []
        r = c.post("/api/save", json={"data": data, "base": base})
    assert r.status_code == 422 and r.json()["errors"][0]["path"] == "topics"
    assert draft.read_bytes() == before


def test_a_new_file_is_saved_with_a_header(tmp_path):
    path = tmp_path / "new.yaml"
    data = {"date": "2024-03-05", "preamble": "会议研究了工作。",
            "topics": [{"title": "研究工作", "items": ["同意。"]}]}
    with client(path) as c:
        base = c.get("/api/load").json()["base"]
        assert base == ""                                # no file yet
        assert c.post("/api/save", json={"data": data, "base": base}).status_code == 200
    assert path.read_text(encoding="utf-8").startswith("# ")
    assert load_minutes(path).minutes.topics[0].items[0].text == "同意。"


def test_pasted_text_gives_the_seeds_data(draft):
    with client(draft) as c:
        r = c.post("/api/parse", json={"text": SEED_TXT.read_text(encoding="utf-8")})
    assert r.status_code == 200
    parsed = r.json()["data"]
    seed = load_minutes(SEED_YAML).minutes.model_dump(mode="json", exclude_none=True)
    assert parsed["topics"] == seed["topics"] and parsed["attendance"] == seed["attendance"]
    assert isinstance(r.json()["warnings"], list)


def test_downloads_are_the_documents(draft):
    import pymupdf
    with client(draft) as c:
        data = seed_data(c)
        pdf = c.post("/api/download/pdf", json={"data": data})
        docx = c.post("/api/download/docx", json={"data": data})
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"] == \
        'attachment; filename="seed.pdf"; filename*=UTF-8\'\'seed.pdf'
    assert pymupdf.open(stream=pdf.content, filetype="pdf").page_count == 12
    assert docx.content[:4] == b"PK\x03\x04"


def test_a_chinese_file_name_is_downloaded_under_its_name(tmp_path):
    path = tmp_path / "第96次.yaml"
    shutil.copy(SEED_YAML, path)
    with client(path) as c:
        r = c.post("/api/download/docx", json={"data": seed_data(c)})
    assert r.status_code == 200
    assert r.headers["content-disposition"].endswith("filename*=UTF-8''%E7%AC%AC96%E6%AC%A1.docx")


def test_refusals(draft):
    app = make_app(draft, TOKEN)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert c.get("/api/load").status_code == 403
        assert c.get("/api/load", headers={"X-Docgen-Token": "wrong"}).status_code == 403
        assert c.get(f"/api/load?token={TOKEN}").status_code == 200
        assert c.get(f"/api/load?token={TOKEN}", headers={"Host": "evil.example"}).status_code == 421
        big = b'{"text": "' + b"x" * (9 * 1024 * 1024) + b'"}'
        r = c.post("/api/parse", content=big, headers={"X-Docgen-Token": TOKEN})
        assert r.status_code == 413 and "请求太大" in r.json()["errors"][0]["message"]
        r = c.post("/api/pages", json={"data": {"profile": "../elsewhere.yaml", "topics": []}},
                   headers={"X-Docgen-Token": TOKEN})
        assert r.status_code == 422 and r.json()["errors"][0]["path"] == "profile"


def test_the_page_and_its_own_static_files(draft):
    with client(draft) as c:
        page = c.get(f"/?token={TOKEN}")
        assert page.status_code == 200 and f'window.DOCGEN_TOKEN = "{TOKEN}"' in page.text
        assert "__TOKEN__" not in page.text and "http" not in page.text   # no CDN
        for name in re.findall(r'/static/([\w.]+)\?token=', page.text):
            assert c.get(f"/static/{name}").status_code == 200
        assert c.get("/static/index.html").status_code == 404
        assert c.get("/static/../session.py").status_code == 404


def test_the_schema_labels_every_field_in_chinese(draft):
    with client(draft) as c:
        schema = c.get("/api/schema").json()
    models = [schema, *schema["$defs"].values()]
    titles = [p["title"] for m in models for p in m.get("properties", {}).values()]
    assert titles and all(re.search(r"[\u4e00-\u9fff]", t) for t in titles), titles
    assert "suzhou" in schema["properties"]["profile"]["examples"]


# --------------------------------------------------------------------------- the real server


def _start(path: Path) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "docgen", "edit", str(path), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l) for l in proc.stdout], daemon=True).start()
    try:
        first = lines.get(timeout=60)
    except queue.Empty:
        proc.kill()
        raise AssertionError(f"docgen edit printed nothing: {proc.stderr.read()}")
    return proc, first


def _status(port: int, target: str, host: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.putrequest("GET", target, skip_host=True)
    conn.putheader("Host", host)
    conn.endheaders()
    status = conn.getresponse().status
    conn.close()
    return status


def test_the_real_server_prints_its_address_and_refuses_strangers(draft):
    proc, first = _start(draft)
    try:
        found = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]+)\n", first)
        assert found, first
        port, token = int(found.group(1)), found.group(2)
        for _ in range(100):
            try:
                ok = _status(port, f"/api/load?token={token}", f"127.0.0.1:{port}")
                break
            except ConnectionRefusedError:
                time.sleep(0.1)
        assert ok == 200
        assert _status(port, f"/?token={token}", f"localhost:{port}") == 200
        assert _status(port, "/api/load", f"127.0.0.1:{port}") == 403
        assert _status(port, "/?token=nope", f"127.0.0.1:{port}") == 403
        assert _status(port, f"/api/load?token={token}", f"evil.example:{port}") == 421
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0                 # stopped cleanly, not killed
        err = proc.stderr.read()
        assert "Traceback" not in err, err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=20)


def test_the_pages_come_with_the_warnings_of_the_form_as_it_stands(draft):
    """A warning goes when the clerk fixes what it named, not at the next save."""
    with client(draft) as c:
        data = seed_data(c)
        data["term"] = "十七届"                       # suzhou's header prints no 届次
        said = c.post("/api/pages", json={"data": data}).json()["warnings"]
        assert any(w["path"] == "term" for w in said)
        del data["term"]
        assert not any(w["path"] == "term" for w in c.post("/api/pages", json={"data": data}).json()["warnings"])


def test_a_file_that_cannot_be_read_says_where_to_mend_it(draft):
    draft.write_text(draft.read_text(encoding="utf-8") + "topics: [oops\n", encoding="utf-8")
    with client(draft) as c:
        body = c.get("/api/load").json()
    assert body["data"] is None and body["text"].endswith("topics: [oops\n")
    lines = len(body["text"].splitlines())
    assert any(e["message"].startswith(f"文件 {draft.name} 第{lines}行") for e in body["errors"]), body["errors"]
