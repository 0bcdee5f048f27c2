"""What a user would do instead of docgen, on the same text and the same grid.

* Typst (``typst`` package, the ``bench`` extra): a reused ``typst.Compiler`` with the font
  folders of the faces docgen uses (toolchain.md §5: Typst calls FandolFang ``FandolFang R``).
* WeasyPrint "naive": the same paragraphs as ordinary flowing HTML with the same fonts and
  grid values, line breaking left to Pango (toolchain.md §3).
* LibreOffice: ``soffice --headless`` converting docgen's DOCX of the seed to PDF.

Each paragraph is a block of docgen's own document model (``build_document``), so all three
set exactly the text docgen sets: 纪要标志, 期号, preamble, topics, items, attendance, tail.
"""

from __future__ import annotations

import html as html_lib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docgen.gbt9704 import LINE_PITCH_PT, PAGE
from docgen.layout.blocks import build_document
from docgen.model import Minutes
from docgen.model.profile import load_profile

BODY_PT = 16.0
TRACKING_PT = -0.21          # 28 characters in 156 mm (toolchain.md §0)
HEADINGS = {"topic"}         # blocks set in 黑体


@dataclass
class Para:
    text: str
    kind: str                 # "mark", "issue", or the block kind
    role: str                 # font role of the first span


def paragraphs(m: Minutes) -> list[Para]:
    doc = build_document(m, load_profile(m.profile))
    paras = [Para(doc.mark, "mark", "xiaobiaosong")]
    if doc.issue_line:
        paras.append(Para(doc.issue_line, "issue", "fangsong"))
    for block in doc.body + doc.colophon:
        paras.append(Para(block.text, block.kind, block.spans[0].font))
    return paras


# ----------------------------------------------------------------------------- Typst

TYPST_FAMILY = {"fangsong": "FandolFang R", "hei": "FandolHei", "kai": "FandolKai",
                "song": "FandolSong", "xiaobiaosong": "Noto Serif CJK SC"}


def _typst_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typst_source(m: Minutes) -> str:
    pitch = LINE_PITCH_PT
    lines = [
        f'#set page(paper: "a4", margin: (top: {PAGE.top_mm}mm, bottom: {PAGE.bottom_mm}mm, '
        f'left: {PAGE.left_mm}mm, right: {PAGE.right_mm}mm), '
        f'footer: context align(center, text(font: "FandolSong", size: 14pt)'
        f'[— #counter(page).display() —]))',
        f'#set text(font: ("FandolFang R", "Noto Serif CJK SC"), size: {BODY_PT}pt, lang: "zh", '
        f'region: "cn", top-edge: 0.8em, bottom-edge: -0.2em, tracking: {TRACKING_PT}pt)',
        f'#set par(leading: {pitch - BODY_PT:.3f}pt, spacing: {pitch - BODY_PT:.3f}pt, '
        'justify: true, first-line-indent: (amount: 2em, all: true))',
    ]
    for p in paragraphs(m):
        body = f"#{_typst_string(p.text)}"
        if p.kind == "mark":
            lines.append(f'#align(center, text(font: "Noto Serif CJK SC", weight: "bold", '
                         f'size: 22pt, fill: rgb("#e60012"))[{body}])')
        elif p.kind == "issue":
            lines.append(f"#align(center)[{body}]")
        else:
            family = TYPST_FAMILY.get(p.role, "FandolFang R")
            lines.append(f'#text(font: ("{family}", "Noto Serif CJK SC"))[{body}]')
        lines.append("")
    return "\n".join(lines)


class TypstAnchor:
    """A reused compiler; ``None`` from :func:`typst_anchor` when the package is missing."""

    def __init__(self, font_dirs: list[Path]) -> None:
        import typst
        self.typst = typst
        self.version = getattr(typst, "__version__", "?")
        self.compiler = typst.Compiler(font_paths=[str(d) for d in font_dirs],
                                       ignore_system_fonts=True)

    def compile(self, source: str) -> bytes:
        return self.compiler.compile(input=source.encode("utf-8"), format="pdf")

    def check(self, source: str) -> list[str]:
        """Warnings (an unknown font family is one: Typst falls back silently)."""
        _, warnings = self.compiler.compile_with_warnings(input=source.encode("utf-8"),
                                                          format="pdf")
        return [str(w) for w in warnings]


def typst_anchor(font_dirs: list[Path]) -> TypstAnchor | None:
    try:
        return TypstAnchor(font_dirs)
    except ImportError:
        return None


# ----------------------------------------------------------------------------- WeasyPrint

def naive_html(m: Minutes) -> str:
    """Flowing paragraphs, same fonts and grid values; Pango breaks the lines."""
    css = f"""
@page {{ size: A4; margin: {PAGE.top_mm}mm {PAGE.right_mm}mm {PAGE.bottom_mm}mm {PAGE.left_mm}mm;
  @bottom-center {{ content: "— " counter(page) " —"; font: 14pt "FandolSong"; }} }}
body {{ font-family: "FandolFang", "Noto Serif CJK SC"; font-size: {BODY_PT}pt;
  line-height: {LINE_PITCH_PT:.3f}pt; letter-spacing: {TRACKING_PT}pt; margin: 0; }}
p {{ margin: 0; text-indent: 2em; text-align: justify; orphans: 1; widows: 1; }}
p.mark {{ font-family: "Noto Serif CJK SC"; font-weight: 700; font-size: 22pt; color: #e60012;
  text-align: center; text-indent: 0; line-height: {2 * LINE_PITCH_PT:.3f}pt; }}
p.issue {{ text-align: center; text-indent: 0; }}
.hei {{ font-family: "FandolHei", "Noto Serif CJK SC"; }}
.kai {{ font-family: "FandolKai", "Noto Serif CJK SC"; }}
.song {{ font-family: "FandolSong", "Noto Serif CJK SC"; }}
"""
    body = []
    for p in paragraphs(m):
        cls = p.kind if p.kind in ("mark", "issue") else p.role
        body.append(f'<p class="{cls}">{html_lib.escape(p.text)}</p>')
    return ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><style>"
            + css + "</style></head><body>\n" + "\n".join(body) + "\n</body></html>")


# ----------------------------------------------------------------------------- LibreOffice

def soffice_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


class Soffice:
    """``soffice --headless --norestore --convert-to pdf`` with a private HOME (its profile)."""

    def __init__(self, binary: str, fontconfig: Path | None) -> None:
        self.binary = binary
        self.folder = Path(tempfile.mkdtemp(prefix="docgen-bench-soffice-"))
        self.env = dict(os.environ, HOME=str(self.folder / "home"))
        if fontconfig:
            self.env["FONTCONFIG_FILE"] = str(fontconfig)

    def convert(self, docx: Path) -> bytes:
        out = self.folder / "out"
        out.mkdir(exist_ok=True)
        target = out / (docx.stem + ".pdf")
        target.unlink(missing_ok=True)
        subprocess.run([self.binary, "--headless", "--norestore", "--convert-to", "pdf",
                        "--outdir", str(out), str(docx)], env=self.env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        return target.read_bytes()

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
