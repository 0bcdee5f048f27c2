"""The clerk's desk in a real headless Chromium (Debian's, driven by Playwright): minutes
made from nothing, saved and downloaded; the seed's text pasted into the form; mistakes
shown at their field while the pages keep the last good rendering. The screenshots in
docs/ (shown in the README) are taken here."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")

from desk_browser import Desk, environ_ok, launch, pages_text, settle, wait_rendered  # noqa: E402

from docgen.model import load_minutes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SEED_TXT = ROOT / "fixtures" / "suzhou-2020-96.txt"
SEED_YAML = ROOT / "fixtures" / "suzhou-2020-96.yaml"

pytestmark = pytest.mark.skipif(not environ_ok(), reason="chromium 未安装（make setup 会安装）")


@pytest.fixture(scope="module")
def browser_context():
    with playwright_api.sync_playwright() as p:
        context, profile = launch(p)
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    page.close()
    assert not errors, errors          # no JavaScript error on the way


def open_desk(page, desk: Desk) -> None:
    page.goto(desk.url)
    page.wait_for_selector("body[data-ready]")


def fill(page, path: str, value: str) -> None:
    page.fill(f'[name="{path}"]', value)


def add(page, list_path: str) -> None:
    page.click(f'[data-path="{list_path}"] > .add')


def shot(page, name: str) -> None:
    DOCS.mkdir(exist_ok=True)
    page.screenshot(path=str(DOCS / name))


def pdf_pages(data: bytes) -> list[list[tuple]]:
    """Each page's words with their positions, as PyMuPDF reads them."""
    import pymupdf
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return [[(round(w[0], 1), round(w[1], 1), w[4]) for w in p.get_text("words")] for p in doc]


def test_a_clerk_makes_minutes_from_nothing(page, tmp_path):
    path = tmp_path / "第12次常务会议.yaml"
    desk = Desk(path)
    try:
        open_desk(page, desk)
        shot(page, "desk-empty.png")
        fill(page, "session", "12")
        fill(page, "date", "2024-03-05")
        page.select_option('[name="period"]', "下午")
        fill(page, "chair.name", "王明")
        fill(page, "chair.title", "市长")
        add(page, "topics")
        fill(page, "topics[0].title", "审议《苏州市公共停车场管理办法》")
        add(page, "topics[0].items")
        fill(page, "topics[0].items[0].text", "原则同意《苏州市公共停车场管理办法》。")
        add(page, "topics[0].items")
        fill(page, "topics[0].items[1].text", "由市交通局根据会议意见修改完善后印发。")
        first = wait_rendered(page)
        assert "审议《苏州市公共停车场管理办法》" in pages_text(page)

        add(page, "topics")
        fill(page, "topics[1].title", "听取市发改委关于一季度经济运行情况的汇报")
        add(page, "topics[1].items")
        fill(page, "topics[1].items[0].text", "原则同意市发改委的汇报。")
        add(page, "attendance.present")
        fill(page, "attendance.present[0]", "李华")
        add(page, "attendance.present")
        fill(page, "attendance.present[1]", "赵强")
        add(page, "attendance.on_leave")
        fill(page, "attendance.on_leave[0].name", "钱平")
        fill(page, "attendance.on_leave[0].reason", "出差")
        fill(page, "recorder", "孙丽")
        fill(page, "distribution", "各市、区人民政府，市各委办局。")
        fill(page, "printed.by", "苏州市人民政府办公室")
        fill(page, "printed.date", "2024-03-08")
        wait_rendered(page, after=first)
        settle(page)
        text = re.sub(r"\s", "", pages_text(page))      # names of two characters are spaced
        for seen in ("听取市发改委关于一季度经济运行情况的汇报", "（一）原则同意《苏州市公共停车场管理办法》",
                     "请假：钱平（出差）", "记录：孙丽", "李华"):
            assert seen in text, seen
        assert not page.locator(".problem.error").count()
        shot(page, "desk-filled.png")

        page.click("#save")
        page.wait_for_function("() => document.getElementById('status').textContent.startsWith('已保存')")
        saved = load_minutes(path).minutes
        assert [t.title for t in saved.topics] == ["审议《苏州市公共停车场管理办法》",
                                                    "听取市发改委关于一季度经济运行情况的汇报"]
        assert sum(len(t.items) for t in saved.topics) == 3
        assert saved.attendance.present == ["李华", "赵强"]
        assert [(a.name, a.reason) for a in saved.attendance.on_leave] == [("钱平", "出差")]
        assert str(saved.date) == "2024-03-05" and saved.period == "下午" and saved.session == 12
        assert path.read_text(encoding="utf-8").startswith("# ")

        downloads = {}
        for fmt in ("docx", "pdf"):
            with page.expect_download() as info:
                page.click(f"#{fmt}")
            target = tmp_path / f"download.{fmt}"
            info.value.save_as(target)
            assert info.value.suggested_filename == f"第12次常务会议.{fmt}"
            downloads[fmt] = target.read_bytes()
        assert downloads["docx"][:4] == b"PK\x03\x04"

        out = tmp_path / "out"
        subprocess.run([sys.executable, "-m", "docgen", "render", str(path), "-o", str(out),
                        "--format", "pdf,docx"], check=True, capture_output=True)
        rendered = (out / "第12次常务会议.pdf").read_bytes()
        assert pdf_pages(rendered) == pdf_pages(downloads["pdf"])
        assert (out / "第12次常务会议.docx").read_bytes() == downloads["docx"]
    finally:
        desk.stop()


def test_the_seeds_text_pasted_gives_the_seeds_data(page, tmp_path):
    path = tmp_path / "pasted.yaml"
    desk = Desk(path)
    try:
        open_desk(page, desk)
        page.click("#paste summary")
        page.fill("#paste-text", SEED_TXT.read_text(encoding="utf-8"))
        page.click("#paste-go")
        seed = load_minutes(SEED_YAML).minutes
        page.wait_for_selector(f'[name="topics[{len(seed.topics) - 1}].title"]')
        assert page.input_value('[name="topics[1].title"]') == seed.topics[1].title
        assert page.input_value('[name="topics[0].items[3].text"]') == seed.topics[0].items[3].text
        assert page.input_value('[name="attendance.present[0]"]') == seed.attendance.present[0]
        assert page.input_value('[name="date"]') == "2020-04-29"
        wait_rendered(page)
        page.click("#save")
        page.wait_for_function("() => document.getElementById('status').textContent.startsWith('已保存')")
        assert load_minutes(path).minutes == seed
    finally:
        desk.stop()


def test_a_mistake_is_shown_at_its_field_and_the_pages_stay(page, tmp_path):
    path = tmp_path / "seed.yaml"
    shutil.copy(SEED_YAML, path)
    desk = Desk(path)
    try:
        open_desk(page, desk)
        good = wait_rendered(page)
        settle(page)
        before = pages_text(page)
        title = load_minutes(SEED_YAML).minutes.topics[1].title
        assert title in before.replace("\n", "")

        fill(page, "topics[1].title", "")
        page.wait_for_selector('[data-path="topics[1].title"] .problem.error')
        assert page.inner_text('[data-path="topics[1].title"] .problem.error') == "不能为空"
        fill(page, "date", "2020-02-30")
        page.wait_for_selector('[data-path="date"] .problem.error')
        assert "这个月没有这一天" in page.inner_text('[data-path="date"] .problem.error')
        settle(page)
        assert page.get_attribute("body", "data-rendered") == good       # no new pages…
        assert pages_text(page) == before                                  # …and the old ones kept
        assert "错误" in page.inner_text("#summary")
        shot(page, "desk-error.png")

        page.reload()                          # unsaved edits survive a reload
        page.wait_for_selector("body[data-ready]")
        assert page.input_value('[name="date"]') == "2020-02-30"
        assert path.read_bytes() == SEED_YAML.read_bytes()

        fill(page, "date", "2020-04-29")
        fill(page, "topics[1].title", title)
        wait_rendered(page)
        assert not page.locator(".problem.error").count()
    finally:
        desk.stop()


def test_saving_over_a_file_changed_on_disk_asks_first(page, tmp_path):
    path = tmp_path / "seed.yaml"
    shutil.copy(SEED_YAML, path)
    desk = Desk(path)
    try:
        open_desk(page, desk)
        wait_rendered(page)
        path.write_text(SEED_YAML.read_text(encoding="utf-8") + "# 同事改过\n", encoding="utf-8")
        fill(page, "recorder", "张三")
        asked: list[str] = []

        def answer(dialog, accept: bool) -> None:
            asked.append(dialog.message)
            dialog.accept() if accept else dialog.dismiss()

        page.once("dialog", lambda d: answer(d, False))
        page.click("#save")
        page.wait_for_function("() => document.getElementById('status').textContent.includes('已被修改')")
        assert "已被修改" in asked[0]
        assert path.read_text(encoding="utf-8").endswith("# 同事改过\n")     # refused: kept

        page.once("dialog", lambda d: answer(d, True))
        page.click("#save")
        page.wait_for_function("() => document.getElementById('status').textContent.startsWith('已保存')")
        assert len(asked) == 2 and load_minutes(path).minutes.recorder == "张三"
    finally:
        desk.stop()


def test_two_tabs_keep_their_own_edits_and_the_second_save_asks(page, browser_context, tmp_path):
    """Two tabs on one draft: each keeps its own unsaved form (a reload of one does not
    bring the other's), and the tab that did not save last is asked before it overwrites."""
    path = tmp_path / "seed.yaml"
    shutil.copy(SEED_YAML, path)
    desk = Desk(path)
    other = browser_context.new_page()
    try:
        open_desk(page, desk)
        open_desk(other, desk)
        fill(page, "recorder", "钱玥")
        fill(other, "distribution", "各区人民政府。")
        other.reload()
        other.wait_for_selector("body[data-ready]")
        assert other.input_value('[name="recorder"]') != "钱玥"         # A's edit is A's
        assert other.input_value('[name="distribution"]') == "各区人民政府。"
        page.click("#save")
        page.wait_for_function("() => document.getElementById('status').textContent.startsWith('已保存')")
        asked: list[str] = []
        other.on("dialog", lambda d: (asked.append(d.message), d.dismiss()))
        other.click("#save")
        other.wait_for_function("() => document.getElementById('status').textContent.includes('已被修改')")
        assert "另一个标签页" in asked[0] and "载入磁盘上的文件" in asked[1]
        assert load_minutes(path).minutes.recorder == "钱玥"               # A's save is kept
    finally:
        other.close()
        desk.stop()


def test_an_intro_left_empty_stays_empty_when_saved(page, tmp_path):
    """decisions_intro: "" prints no intro; left out, the model's 会议议定以下意见： is printed.
    Opening and saving such a draft, or clearing the field, must not bring it back."""
    path = tmp_path / "seed.yaml"
    path.write_text(SEED_YAML.read_text(encoding="utf-8").replace(
        "decisions_intro: 会议议定以下意见：", 'decisions_intro: ""'), encoding="utf-8")
    other = tmp_path / "other.yaml"
    shutil.copy(SEED_YAML, other)
    desks = [Desk(path), Desk(other)]
    try:
        open_desk(page, desks[0])
        page.click("#save")
        page.wait_for_function("() => document.getElementById('status').textContent.startsWith('已保存')")
        assert load_minutes(path).minutes.decisions_intro == ""
        open_desk(page, desks[1])
        fill(page, "decisions_intro", "")
        page.click("#save")
        page.wait_for_function("() => document.getElementById('status').textContent.startsWith('已保存')")
        assert load_minutes(other).minutes.decisions_intro == ""
    finally:
        for desk in desks:
            desk.stop()


def test_preview_shows_a_save_in_place(page, tmp_path):
    """``docgen preview`` in Chromium: a save puts the new pages in the same page (no
    reload: a value set in the page survives), an error shows its banner, a fix removes it."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.preview import _save, _start
    draft = tmp_path / "seed.yaml"
    original = SEED_YAML.read_text(encoding="utf-8")
    draft.write_text(original, encoding="utf-8")
    proc, url = _start([sys.executable, "-m", "docgen"], draft)
    try:
        page.goto(url)
        page.wait_for_selector(".page")
        page.evaluate("window.docgenKept = 1")
        _save(draft, original.replace("李亚平", "王大明"))
        page.wait_for_function("() => document.body.innerText.includes('王大明')", timeout=30_000)
        assert "李亚平" not in page.inner_text("body")
        assert page.evaluate("window.docgenKept") == 1          # the same page, not a reload
        page.mouse.wheel(0, 1500)                               # the clerk reads further down
        page.wait_for_function("() => window.scrollY > 1000")
        _save(draft, original + "未知字段: 1\n")
        page.wait_for_selector(".docgen-errors", timeout=30_000)
        assert page.evaluate("window.scrollY") > 1000               # still where the clerk was
        top = page.evaluate("document.querySelector('.docgen-errors').getBoundingClientRect().top")
        assert 0 <= top < 100                                       # and the errors in view
        assert "未知字段" in page.inner_text(".docgen-errors") and "王大明" in page.inner_text("body")
        _save(draft, original)
        page.wait_for_function("() => !document.querySelector('.docgen-errors')", timeout=30_000)
        assert page.evaluate("window.docgenKept") == 1
    finally:
        proc.terminate()
        proc.wait(timeout=30)
