"""The clerk's and the archivist's commands, driven as they drive them: in subprocesses.

``docgen new`` → ``docgen render``; ``docgen preview`` through real HTTP requests while the
file is edited and broken; ``docgen batch`` over a folder holding one bad file.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import http.client
import os
import queue
import re
import shutil
import signal
import subprocess
import struct
import sys
import termios
import threading
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest

from docgen.model import load_minutes

ROOT = Path(__file__).resolve().parent.parent
SEED_YAML = ROOT / "fixtures" / "suzhou-2020-96.yaml"
SEED_TXT = ROOT / "fixtures" / "suzhou-2020-96.txt"


def run(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "docgen", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout)


def new_draft(folder: Path, name: str, *extra: str) -> Path:
    result = run("new", "-o", name, *extra, cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / name


# --------------------------------------------------------------------------- new


def test_new_then_render_pdf(tmp_path):
    draft = new_draft(tmp_path, "draft.yaml")
    m = load_minutes(draft).minutes
    assert m.session == 1 and m.date == dt.date.today()
    assert m.preamble is None  # composed from the topics when rendered
    result = run("render", "draft.yaml", "-o", "out", "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "out" / "draft.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    import pymupdf
    with pymupdf.open(pdf) as doc:
        text = re.sub(r"\s", "", "".join(page.get_text() for page in doc))
    assert "主持召开市政府第1次常务会议" in text


@pytest.mark.parametrize("profile, head", [("suzhou", "市长"), ("doumen", "区长"),
                                           ("tongjiang", "县长"), ("hunan", "省长")])
def test_new_writes_the_offices_own_head_and_the_term_its_header_prints(profile, head):
    """A district's draft has its 区长 chair the 区政府's meeting; where the header prints
    the 届次 (斗门: "五届2次") the draft asks for it, and check says it is missing."""
    from docgen.draft import draft_text
    from docgen.model import load_minutes_text, load_profile
    loaded = load_minutes_text(draft_text(profile=load_profile(profile), profile_ref=profile))
    m = loaded.minutes
    assert m.chair.title == head
    term_warned = [w for w in loaded.warnings if w.path == "term"]
    assert bool(term_warned) == (profile == "doumen")
    assert all("届次" in w.message for w in term_warned)


def test_new_takes_the_next_session_from_the_folder(tmp_path):
    shutil.copy(SEED_YAML, tmp_path / "suzhou-2020-96.yaml")
    (tmp_path / "notes.yaml").write_text("随手记的东西\n", encoding="utf-8")  # not minutes
    (tmp_path / "plenary.yaml").write_text(  # another meeting's numbering does not count
        "meeting: 全体会议\nsession: 400\n", encoding="utf-8")
    result = run("new", "-o", "next.yaml", "--date", "2020-05-06", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "97" in result.stdout and "suzhou-2020-96.yaml" in result.stdout
    m = load_minutes(tmp_path / "next.yaml").minutes
    assert m.session == 97 and m.date == dt.date(2020, 5, 6)
    # an explicit --session wins, silently
    result = run("new", "-o", "other.yaml", "--session", "5", cwd=tmp_path)
    assert result.returncode == 0 and "97" not in result.stdout
    assert load_minutes(tmp_path / "other.yaml").minutes.session == 5


# --------------------------------------------------------------------------- preview


class Server:
    """``docgen preview FILE --port 0`` in a subprocess, and plain HTTP to it."""

    def __init__(self, file: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "docgen", "preview", str(file), "--port", "0"],
            cwd=file.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            encoding="utf-8")
        self.lines: queue.Queue[str] = queue.Queue()
        self.stdout: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()
        self.url = self._wait_for_url()
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.stdout.append(line)
            self.lines.put(line)

    def _wait_for_url(self) -> str:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                if self.proc.poll() is not None:
                    raise AssertionError(f"preview exited: {self.proc.stderr.read()}")  # type: ignore[union-attr]
                continue
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if found:
                return found.group(0)
        raise AssertionError("preview printed no URL")

    def get(self, path: str = "") -> tuple[int, str, bytes]:
        try:
            with self.opener.open(self.url + path.lstrip("/"), timeout=30) as response:
                return response.status, response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers.get("Content-Type", ""), exc.read()

    def page(self) -> str:
        status, kind, body = self.get("/")
        assert status == 200 and kind.startswith("text/html")
        return body.decode("utf-8")

    def version(self) -> str:
        return self.get("/version")[2].decode()

    def wait_for_new_version(self, old: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            current = self.version()
            if current != old:
                return current
            time.sleep(0.1)
        raise AssertionError("the preview did not notice the edit")

    def raw_status(self, path: str, host: str | None = None) -> int:
        address, port = self.url[len("http://"):-1].split(":")
        conn = http.client.HTTPConnection(address, int(port), timeout=10)
        try:
            # sent as written: no client-side normalisation
            conn.request("GET", path, headers={"Host": host} if host else {})
            response = conn.getresponse()
            response.read()
            return response.status
        finally:
            conn.close()

    def stop(self, sig: int = signal.SIGTERM) -> tuple[int, str, str]:
        self.proc.send_signal(sig)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise
        stderr = self.proc.stderr.read()  # type: ignore[union-attr]
        time.sleep(0.1)
        return self.proc.returncode, "".join(self.stdout), stderr

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def visible(page: str) -> str:
    """The page's text as a reader sees it: no markup, no line breaks, entities decoded."""
    import html
    page = re.sub(r"<(style|script)\b.*?</\1>", "", page, flags=re.S)
    return re.sub(r"\s", "", html.unescape(re.sub(r"<[^>]+>", "", page)))


def save(path: Path, text: str) -> None:
    """Save as an editor does, and make sure the modification time moves on."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


def test_preview_serves_the_page_and_follows_edits(tmp_path):
    draft = new_draft(tmp_path, "draft.yaml", "--session", "12", "--date", "2024-03-05")
    server = Server(draft)
    try:
        # the page: the same positioned HTML as the PDF, with the minutes' text
        page = server.page()
        text = visible(page)
        assert 'class="page"' in page and "苏州市人民政府第12次常务会议纪要" in page
        assert "听取全市安全生产工作情况的汇报" in text
        assert "2024年3月5日上午，张三市长主持召开市政府第12次常务会议" in text  # composed
        assert 'fetch("/version?after="' in page and "<script src" not in page  # no external JS

        # the fonts the PDF uses, served from /fonts/ only
        urls = re.findall(r'url\("(/fonts/[^"]+)"\)', page)
        assert "/fonts/fangsong.otf" in urls and len(urls) >= 6
        status, kind, body = server.get("/fonts/fangsong.otf")
        from docgen.layout.fonts import face
        assert status == 200 and kind == "font/otf"
        assert body == face("fangsong").path.read_bytes()
        for path in ("/fonts/../../../../etc/passwd", "/fonts/%2e%2e/%2e%2e/etc/passwd",
                     "/fonts/FandolFang-Regular.otf", f"/fonts/{face('fangsong').path}",
                     "/../pyproject.toml", "/draft.yaml"):
            assert server.raw_status(path) == 404, path
        # a page elsewhere that rebinds its host name to 127.0.0.1 gets nothing
        assert server.raw_status("/", host="evil.example.com") == 421
        assert server.raw_status("/", host=f"localhost:{server.url.rsplit(':', 1)[1][:-1]}") == 200

        # an edit is seen: /version moves on and the page changes
        version = server.version()
        original = draft.read_text(encoding="utf-8")
        save(draft, original.replace("张三", "王伟"))
        version = server.wait_for_new_version(version)
        text = visible(server.page())
        assert "王伟市长主持召开" in text and "张三" not in text

        # a broken file: the errors are in the page (escaped), the server keeps going
        save(draft, original.replace("张三", "王伟") + '"<b>坏</b>": 1\n')
        version = server.wait_for_new_version(version)
        page = server.page()
        assert "有错误" in page and "未知字段" in page and "draft.yaml" in page
        assert "&lt;b&gt;坏&lt;/b&gt;" in page and "<b>坏</b>" not in page
        assert "王伟市长主持召开" in visible(page)  # the last good rendering stays below the errors

        # fixed again: the banner goes
        save(draft, original)
        server.wait_for_new_version(version)
        page = server.page()
        assert "有错误" not in page and "张三市长主持召开" in visible(page)

        code, out, err = server.stop(signal.SIGTERM)
        assert code == 0, err
        assert "Traceback" not in err and "预览已停止" in out
    finally:
        server.close()


def test_a_held_version_request_answers_at_the_save_and_ctrl_c_still_stops(tmp_path):
    """The page's /version?after=N is held until the draft changes (no poll interval),
    and an open one does not keep Ctrl-C waiting."""
    draft = new_draft(tmp_path, "draft.yaml", "--session", "12")
    server = Server(draft)
    try:
        version = server.version()
        assert server.get(f"/version?after={int(version) + 5}")[2].decode() == version  # not N
        answer: list[tuple[str, float]] = []

        def held() -> None:
            body = server.get(f"/version?after={version}")[2].decode()
            answer.append((body, time.monotonic()))

        waiting = threading.Thread(target=held)
        waiting.start()
        time.sleep(1.0)
        assert not answer                               # still held: nothing changed
        saved = time.monotonic()
        save(draft, draft.read_text(encoding="utf-8").replace("张三", "王伟"))
        waiting.join(timeout=20)
        assert answer and answer[0][0] == str(int(version) + 1)
        assert answer[0][1] - saved < 10               # at the save, not at the 25 s limit
        assert "王伟市长主持召开" in visible(server.page())

        threading.Thread(target=lambda: server.get(f"/version?after={answer[0][0]}"),
                         daemon=True).start()
        time.sleep(0.5)
        stopping = time.monotonic()
        code, _, err = server.stop(signal.SIGINT)
        assert code == 0 and "Traceback" not in err
        assert time.monotonic() - stopping < 10
    finally:
        server.close()


def test_preview_follows_edits_of_the_drafts_own_profile(tmp_path):
    profile = tmp_path / "wuxi.yaml"
    profile.write_text("name: wuxi\nissuer: 无锡市人民政府\noffice: 无锡市人民政府办公室\n",
                       encoding="utf-8")
    draft = new_draft(tmp_path, "draft.yaml", "--session", "7")
    text = draft.read_text(encoding="utf-8")
    draft.write_text(re.sub(r"(?m)^(profile|issuer): .*$", "", text) + f"profile: {profile}\n",
                     encoding="utf-8")
    server = Server(draft)
    try:
        assert "无锡市人民政府第7次常务会议纪要" in server.page()
        version = server.version()
        save(profile, profile.read_text(encoding="utf-8").replace("无锡", "常州"))
        version = server.wait_for_new_version(version)
        assert "常州市人民政府第7次常务会议纪要" in server.page()
        save(profile, profile.read_text(encoding="utf-8") + 'issue_line: "第{sesion}次"\n')
        server.wait_for_new_version(version)
        page = server.page()
        assert "有错误" in page and "wuxi.yaml" in page and "{sesion}" in page
        code, _, err = server.stop(signal.SIGTERM)
        assert code == 0 and "Traceback" not in err
    finally:
        server.close()


def test_preview_of_a_broken_file_shows_the_error_and_stops_on_ctrl_c(tmp_path):
    draft = tmp_path / "bad.yaml"
    draft.write_text("date: 2024-02-30\ntopics: []\n", encoding="utf-8")
    server = Server(draft)
    try:
        page = server.page()
        assert "有错误" in page and "bad.yaml" in page and "第1行" in page
        code, _, err = server.stop(signal.SIGINT)  # what Ctrl-C sends
        assert code == 0 and "Traceback" not in err
    finally:
        server.close()


def test_preview_refuses_a_missing_file(tmp_path):
    result = run("preview", "missing.yaml", "--port", "0", cwd=tmp_path, timeout=30)
    assert result.returncode == 2 and "missing.yaml" in result.stderr
    assert "Traceback" not in result.stderr


# --------------------------------------------------------------------------- batch


@pytest.fixture
def folder(tmp_path) -> Path:
    """Two good drafts and one bad one."""
    inputs = tmp_path / "drafts"
    inputs.mkdir()
    new_draft(inputs, "a.yaml", "--session", "1", "--date", "2024-03-05")
    new_draft(inputs, "b.yaml", "--session", "2", "--date", "2024-03-12")
    (inputs / "bad.yaml").write_text("date: 2024-03-19\ntopics:\n  - title: 没有内容的议题\n",
                                     encoding="utf-8")
    return tmp_path


def test_batch_goes_past_a_bad_file_and_skips_on_rerun(folder):
    result = run("batch", "drafts", "-o", "out", "-j", "2", "--format", "html,pdf", cwd=folder)
    assert result.returncode == 1
    assert "bad.yaml" in result.stderr and "topics[0]" in result.stderr
    assert "Traceback" not in result.stderr
    out = folder / "out"
    assert sorted(p.name for p in out.iterdir()) == ["a.html", "a.pdf", "b.html", "b.pdf",
                                                      "docgen-batch.jsonl"]
    assert (out / "a.pdf").read_bytes().startswith(b"%PDF-")
    # not a terminal: one plain line per file, then the summary naming the failure
    assert re.search(r"^\[\d/3\] 已生成 out/a\.html、out/a\.pdf$", result.stdout, re.M)
    assert "生成 2 个" in result.stdout and "失败 1 个" in result.stdout
    assert re.search(r"失败的文件：\n  drafts/bad\.yaml：", result.stdout)

    # a re-run skips what is up to date and still reports the bad file
    def outputs() -> dict[str, int]:  # the manifest records the bad file again: not an output
        return {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.suffix != ".jsonl"}

    stamps = outputs()
    result = run("batch", "drafts", "-o", "out", "--format", "html,pdf", cwd=folder)
    assert result.returncode == 1
    assert "跳过 2 个" in result.stdout and "bad.yaml" in result.stderr
    assert outputs() == stamps

    # an edited input is rendered again; --force redoes everything
    draft = folder / "drafts" / "b.yaml"
    save(draft, draft.read_text(encoding="utf-8").replace("张三", "王伟"))
    (folder / "drafts" / "bad.yaml").unlink()
    result = run("batch", "drafts", "-o", "out", "--format", "html,pdf", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert "生成 1 个" in result.stdout and "跳过 1 个" in result.stdout
    assert "王伟" in (out / "b.html").read_text(encoding="utf-8")
    assert (out / "a.html").stat().st_mtime_ns == stamps["a.html"]
    result = run("batch", "drafts", "-o", "out", "--format", "html", "--force", cwd=folder)
    assert result.returncode == 0 and "生成 2 个" in result.stdout
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temp files left


def test_batch_parses_archived_minutes_then_renders(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(SEED_TXT, archive / "2020-96.txt")
    (archive / "broken.txt").write_text("这不是一份纪要。\n", encoding="utf-8")
    result = run("batch", "archive", "-o", "regen", "-j", "1", "--format", "html", cwd=tmp_path)
    assert result.returncode == 1
    assert "broken.txt" in result.stderr and "Traceback" not in result.stderr
    regen = tmp_path / "regen"
    assert sorted(p.name for p in regen.iterdir()) == ["2020-96.html", "2020-96.yaml",
                                                        "docgen-batch.jsonl"]
    parsed = load_minutes(regen / "2020-96.yaml").minutes
    seed = load_minutes(SEED_YAML).minutes
    assert parsed.session == 96 and len(parsed.topics) == len(seed.topics)
    assert "李亚平市长主持召开" in (regen / "2020-96.html").read_text(encoding="utf-8")

    # the archivist corrects the parsed YAML: a re-run renders it, without parsing again
    fixed = (regen / "2020-96.yaml").read_text(encoding="utf-8").replace("栗涛", "栗涛涛")
    save(regen / "2020-96.yaml", fixed)
    (archive / "broken.txt").unlink()
    result = run("batch", "archive", "-o", "regen", "--format", "html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "栗涛涛" in (regen / "2020-96.yaml").read_text(encoding="utf-8")
    assert "栗涛涛" in (regen / "2020-96.html").read_text(encoding="utf-8")


def test_batch_never_overwrites_its_input(tmp_path):
    (tmp_path / "old.pdf").write_bytes(b"%PDF-1.4 not really\n")
    result = run("batch", ".", "-o", ".", "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 1 and "old.pdf" in result.stderr and "覆盖" in result.stderr
    assert (tmp_path / "old.pdf").read_bytes() == b"%PDF-1.4 not really\n"


def test_batch_usage_errors(tmp_path):
    result = run("batch", "nothing-here", "-o", "out", cwd=tmp_path)
    assert result.returncode == 1 and "nothing-here" in result.stderr
    (tmp_path / "empty").mkdir()
    result = run("batch", "empty", "-o", "out", cwd=tmp_path)
    assert result.returncode == 2 and "没有找到可处理的文件" in result.stderr
    result = run("batch", "empty", "-o", "out", "--format", "odt", cwd=tmp_path)
    assert result.returncode == 2 and "odt" in result.stderr
    result = run("batch", "empty", cwd=tmp_path)  # -o is required
    assert result.returncode == 2


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_batch_draws_a_bar_on_a_terminal(folder):
    primary, secondary = os.openpty()
    # a terminal of 24 × 80, as a real one has (a fresh pseudo-terminal says 0 × 0)
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    try:
        proc = subprocess.run([sys.executable, "-m", "docgen", "batch", "drafts", "-o", "out",
                               "-j", "1", "--format", "html"], cwd=folder, stdout=subprocess.PIPE,
                              stderr=secondary, timeout=120)
        os.close(secondary)
        secondary = -1
        seen = b""
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(primary)
        if secondary >= 0:
            os.close(secondary)
    terminal = seen.decode("utf-8", "replace")
    assert proc.returncode == 1
    assert re.search(r"100%\|[█]+\| 3/3", terminal) and "\r" in terminal  # tqdm's bar, finished
    assert "错误：" in terminal and "bad.yaml" in terminal      # the failure printed above it
    assert "bad.yaml" in terminal
    assert "[1/3]" not in proc.stdout.decode("utf-8")  # no plain lines when there is a bar


# --------------------------------------------------------------------------- what is kept


def _draft(folder: Path, name: str = "m96.yaml") -> Path:
    shutil.copy(SEED_YAML, folder / name)
    return folder / name


def test_render_keeps_files_docgen_did_not_write(tmp_path):
    """An archived original, or a DOCX saved in Word, is not replaced; docgen's own output is."""
    draft = _draft(tmp_path)
    original = tmp_path / "m96.pdf"
    original.write_bytes(b"%PDF-1.4 the printed original")
    result = run("render", "m96.yaml", "-o", ".", "--format", "docx,pdf", cwd=tmp_path)
    assert result.returncode == 2 and "不是 docgen 生成的" in result.stderr and "m96.pdf" in result.stderr
    assert original.read_bytes() == b"%PDF-1.4 the printed original"
    assert not (tmp_path / "m96.docx").exists()            # nothing written when one is refused

    assert run("render", "m96.yaml", "-o", "out", cwd=tmp_path).returncode == 0
    assert run("render", "m96.yaml", "-o", "out", cwd=tmp_path).returncode == 0   # its own: replaced

    import zipfile
    docx = tmp_path / "out" / "m96.docx"
    with zipfile.ZipFile(docx) as z:                        # as Word saves it
        parts = {n: z.read(n) for n in z.namelist()}
    parts["docProps/app.xml"] = parts["docProps/app.xml"].replace(
        b"<Application>docgen</Application>", b"<Application>Microsoft Office Word</Application>")
    with zipfile.ZipFile(docx, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    edited = docx.read_bytes()
    result = run("render", str(draft), "-o", "out", cwd=tmp_path)
    assert result.returncode == 2 and docx.read_bytes() == edited
    assert run("render", str(draft), "-o", "out", "--force", cwd=tmp_path).returncode == 0
    assert docx.read_bytes() != edited


def test_render_refuses_before_writing_anything(tmp_path):
    _draft(tmp_path)
    (tmp_path / "o" / "m96.pdf").mkdir(parents=True)
    (tmp_path / "o" / "m96.docx").write_bytes(b"old")
    result = run("render", "m96.yaml", "-o", "o", "--format", "docx,pdf", cwd=tmp_path)
    assert result.returncode == 2 and "文件夹" in result.stderr
    assert (tmp_path / "o" / "m96.docx").read_bytes() == b"old"

    (tmp_path / "afile").write_text("x")
    for target in ("afile", "afile/sub"):
        result = run("render", "m96.yaml", "-o", target, cwd=tmp_path)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert "内部错误" not in result.stderr and "afile" in result.stderr


def test_render_refuses_two_drafts_with_one_name(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        _draft(tmp_path / sub, "x.yaml")
    result = run("render", "a/x.yaml", "b/x.yaml", "-o", "out", cwd=tmp_path)
    assert result.returncode == 2 and "同名" in result.stderr and "b/x.yaml" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["x.docx", "x.pdf"]


def test_batch_in_place_keeps_the_archived_original(tmp_path):
    archive = tmp_path / "m96.txt"
    shutil.copy(SEED_TXT, archive)
    original = tmp_path / "m96.pdf"
    original.write_bytes(b"%PDF-1.4 the printed original")
    _draft(tmp_path)
    result = run("batch", ".", "-o", ".", "-j", "1", cwd=tmp_path, timeout=300)
    assert result.returncode == 1 and "不是 docgen 生成的" in result.stdout + result.stderr
    assert original.read_bytes() == b"%PDF-1.4 the printed original"
    assert archive.read_bytes() == SEED_TXT.read_bytes()


# --------------------------------------------------------------------------- render -o FILE


def test_render_to_a_named_file(tmp_path):
    """"-o 纪要.pdf" writes that one file (a clerk's expectation), not a folder called so;
    what cannot be one file is refused before anything is written."""
    hunan = ROOT / "fixtures" / "hunan-2024-50.yaml"
    done = run("render", str(hunan), "-o", "纪要.pdf", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "纪要.pdf").is_file() and (tmp_path / "纪要.pdf").read_bytes()[:5] == b"%PDF-"
    docx = run("render", str(hunan), "-o", "sub/c.docx", cwd=tmp_path)
    assert docx.returncode == 0 and zipfile.is_zipfile(tmp_path / "sub" / "c.docx"), docx.stderr
    two = run("render", str(hunan), str(SEED_YAML), "-o", "a.docx", cwd=tmp_path)
    clash = run("render", str(hunan), "-o", "b.docx", "--format", "pdf", cwd=tmp_path)
    for refused, needle in ((two, "只能排一份"), (clash, "后缀不一致")):
        assert refused.returncode == 2 and needle in refused.stderr and "Traceback" not in refused.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sub", "纪要.pdf"]


def test_render_with_another_profile_checks_against_that_one(tmp_path):
    """render --profile: what the header will not print is said of the profile used."""
    fixture = ROOT / "fixtures" / "yongkang-2011-80.yaml"
    result = run("render", str(fixture), "--profile", "suzhou", "-o", "out", "--format", "html",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "不会印出" in line]
    assert said and all("版式 suzhou" in line for line in said)
    assert any("term" in line for line in said) and any("doc_number" in line for line in said)
