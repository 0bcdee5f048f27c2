"""Inputs for batch tests: many drafts, archived copies in every format, and bad files.

Drafts are made from one ``docgen new`` draft with its 会次 changed, archived copies are
docgen's own renderings of such drafts (and the seed's text), so every kind of input the
batch reads is there without 100 slow ``docgen new`` runs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_TXT = ROOT / "fixtures" / "suzhou-2020-96.txt"


def docgen(*args: str, cwd: Path, timeout: float = 300, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "docgen", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout, **kw)


def draft_text(folder: Path) -> str:
    result = docgen("new", "-o", "template.yaml", "--session", "1", "--date", "2024-03-05",
                    cwd=folder)
    assert result.returncode == 0, result.stderr
    text = (folder / "template.yaml").read_text(encoding="utf-8")
    (folder / "template.yaml").unlink()
    return text


def drafts(folder: Path, count: int, start: int = 1, prefix: str = "d") -> list[Path]:
    """``count`` drafts, 会次 start, start+1 …"""
    folder.mkdir(parents=True, exist_ok=True)
    text = draft_text(folder)
    made = []
    for n in range(start, start + count):
        path = folder / f"{prefix}{n:03d}.yaml"
        path.write_text(text.replace("session: 1\n", f"session: {n}\n")
                            .replace("第1次常务会议", f"第{n}次常务会议"), encoding="utf-8")
        made.append(path)
    return made


BAD = {
    "bad-yaml.yaml": "date: 2024-03-19\ntopics:\n  - title: 没有内容的议题\n",
    "bad-syntax.yaml": "session: [1\n",
    "news.txt": "本报讯 昨天，市民公园的菊花展开幕，吸引了众多市民前来观赏。\n",
    "broken-pdf.pdf": "%PDF-1.4 not really a pdf\n",
    "broken-docx.docx": "PK not really a zip\n",
}


def mixed(folder: Path, *, drafts_n: int, txt_n: int, pdf_n: int, docx_n: int,
          bad: bool = True) -> tuple[list[Path], list[Path]]:
    """(good inputs, bad inputs) in ``folder``: drafts, archived .txt/.pdf/.docx, bad files."""
    folder.mkdir(parents=True, exist_ok=True)
    good = drafts(folder, drafts_n)
    source = folder.parent / "archived-sources"
    made = drafts(source, max(pdf_n, docx_n), start=500, prefix="a")
    if made:
        result = docgen("batch", str(source), "-o", str(source / "out"), "--format", "pdf,docx",
                        cwd=folder.parent)
        assert result.returncode == 0, result.stdout + result.stderr
    for i, path in enumerate(made[:pdf_n]):
        good.append(Path(shutil.copy(source / "out" / f"{path.stem}.pdf", folder / f"p{i:03d}.pdf")))
    for i, path in enumerate(made[:docx_n]):
        good.append(Path(shutil.copy(source / "out" / f"{path.stem}.docx", folder / f"w{i:03d}.docx")))
    seed = SEED_TXT.read_text(encoding="utf-8")
    for i in range(txt_n):
        target = folder / f"t{i:03d}.txt"
        target.write_text(seed.replace("第 96次", f"第 {100 + i}次"), encoding="utf-8")
        good.append(target)
    bad_files = []
    if bad:
        for name, text in BAD.items():
            (folder / name).write_text(text, encoding="utf-8")
            bad_files.append(folder / name)
    return good, bad_files


MANIFEST = "docgen-batch.jsonl"


def records(out: Path) -> dict[str, dict]:
    """The manifest's latest record per input, as the batch reads it (torn lines skipped)."""
    latest: dict[str, dict] = {}
    if not (out / MANIFEST).exists():
        return latest
    for line in (out / MANIFEST).read_text(encoding="utf-8").splitlines():
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        latest[rec["source"]] = rec
    return latest
