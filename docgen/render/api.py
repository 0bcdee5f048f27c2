"""One entry point for every output: minutes → layout once → the formats asked for."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic import make_dir, write_atomic
from ..errors import DocgenError, Problem
from ..layout.pages import Layout, typeset
from ..model.minutes import Minutes
from ..model.profile import Profile, load_profile

if TYPE_CHECKING:
    from .docx.reference import Reference

FORMATS = ("pdf", "docx", "html")
# Who draws docgen's own PDF: the typesetter's glyphs straight (render/glyphpdf.py, the
# default since issue 12: ~10× faster warm, no WeasyPrint import), or WeasyPrint from the
# HTML (DOCGEN_PDF_WRITER=weasyprint). A user template always goes through WeasyPrint.
PDF_WRITERS = ("direct", "weasyprint")


@dataclass
class Rendered:
    """The pages, the profile, the office's Word template if any, and what the template
    departs from (GB/T 9704 rules, the draft's 版记): warnings every front prints."""

    layout: Layout
    profile: Profile
    reference: Reference | None = None
    warnings: list[Problem] = field(default_factory=list)


def prepare(m: Minutes, profile: Profile | None = None, docx_template: Path | None = None,
            formats: tuple[str, ...] | list[str] = FORMATS) -> Rendered:
    """Typeset once; open and check the Word template (``--docx-template``, else the
    profile's) when a DOCX is among ``formats``, so a bad one fails before any output."""
    profile = profile or load_profile(m.profile)
    r = Rendered(typeset(m, profile), profile)
    path = docx_template or (profile.resolve(profile.docx_template) if profile.docx_template
                             else None)
    if "docx" in formats and path is not None:
        from .docx.reference import load_reference      # python-docx, only for a template
        from .placeholders import placeholders
        context = placeholders(m, r.layout.document, profile)
        r.reference = load_reference(path, profile, r.layout.document, context)
        r.warnings += r.reference.warnings
    return r


def pdf_writer(template_dir: Path | None = None, writer: str | None = None) -> str:
    """The PDF writer asked for (argument, else DOCGEN_PDF_WRITER), WeasyPrint for templates."""
    chosen = writer or os.environ.get("DOCGEN_PDF_WRITER") or "direct"
    if chosen not in PDF_WRITERS:
        raise DocgenError.one(f"不支持的 PDF 生成方式“{chosen}”", hint="可选 " + "、".join(PDF_WRITERS))
    return "weasyprint" if template_dir is not None else chosen


def template_folder(profile: Profile, override: Path | None = None) -> Path | None:
    """The HTML template folder: the one asked for (``--template-dir``), else the profile's
    ``html_template``, else None (docgen's own templates)."""
    if override is None and not profile.html_template:
        return None
    folder = override if override is not None else profile.resolve(profile.html_template)
    if not folder.is_dir():
        if override is not None:
            raise DocgenError.one("模板文件夹不存在", file=str(folder))
        raise DocgenError.one(f"版式指定的 HTML 模板文件夹不存在：{folder}",
                              file=profile.source, path="html_template",
                              hint="路径相对版式文件所在的文件夹")
    return folder


def render_bytes(m: Minutes, fmt: str, profile: Profile | None = None,
                 template_dir: Path | None = None, prepared: Rendered | None = None,
                 writer: str | None = None) -> bytes:
    """The document in one format, as bytes; layout is computed once per call of prepare()."""
    r = prepared or prepare(m, profile)
    created = m.printed.date if m.printed else (m.date or m.compiled_date)
    template_dir = template_folder(r.profile, template_dir)
    if fmt == "pdf" and pdf_writer(template_dir, writer) == "direct":
        from .glyphpdf import render_glyph_pdf
        return render_glyph_pdf(r.layout, r.profile, created=created)
    if fmt in ("pdf", "html"):
        from .html import render_html
        html = render_html(m, r.layout, r.profile, template_dir, created=created)
        if fmt == "html":
            return html.encode("utf-8")
        from .pdf import html_to_pdf
        return html_to_pdf(html)
    if fmt == "docx":
        from .docx import render_docx
        return render_docx(m, r.layout, r.profile, created=created, reference=r.reference)
    raise DocgenError.one(f"不支持的格式“{fmt}”", hint="可选 " + "、".join(FORMATS))


def parse_formats(text: str) -> list[str]:
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise DocgenError.one(f"不支持的格式“{','.join(unknown) or text}”",
                              hint="--format 可选 pdf,docx,html")
    return formats


@dataclass
class Written:
    """The files written, and the warnings of the render (a Word template's report)."""

    paths: list[Path]
    warnings: list[Problem]


def render_to_dir(m: Minutes, stem: str, out_dir: Path, formats: list[str],
                  profile: Profile | None = None, template_dir: Path | None = None,
                  force: bool = False, docx_template: Path | None = None) -> Written:
    """Write <stem>.<fmt> for each format; each file appears whole or not at all, and
    none is written when one of them cannot be (checked before any work is done)."""
    targets = {fmt: out_dir / f"{stem}.{fmt}" for fmt in formats}
    check_targets(out_dir, list(targets.values()), force)
    prepared = prepare(m, profile, docx_template, formats)
    outputs = {fmt: render_bytes(m, fmt, template_dir=template_dir, prepared=prepared)
               for fmt in formats}
    make_dir(out_dir)
    for fmt, data in outputs.items():
        write_atomic(targets[fmt], data)
    return Written(list(targets.values()), prepared.warnings)


def one_name_each(sources: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Two sources called a.* would write the same a.pdf: the later ones are refused."""
    keep: list[Path] = []
    refused: list[Problem] = []
    owner: dict[str, Path] = {}
    for path in sources:
        first = owner.setdefault(path.stem, path)
        if first == path:
            keep.append(path)
        else:
            refused.append(Problem(f"与 {first} 同名，输出文件会互相覆盖", file=str(path),
                                   hint="把其中一个改名，或分两次输出到不同的文件夹"))
    return keep, refused


def check_targets(out_dir: Path, targets: list[Path], force: bool = False) -> None:
    """Refuse, before writing anything, targets that are folders, and files docgen did not
    write (an archived original, a DOCX edited in Word) unless ``force``."""
    from .provenance import made_by_docgen
    if out_dir.exists() and not out_dir.is_dir():
        raise DocgenError.one("输出位置是一个文件，不是文件夹", file=str(out_dir),
                              hint="用 -o 指定一个文件夹")
    for target in targets:
        if target.is_dir():
            raise DocgenError.one("目标是一个文件夹", file=str(target))
        if os.path.lexists(target) and not force and not made_by_docgen(target):
            raise DocgenError.one(
                "已有同名文件，它不是 docgen 生成的（可能是原件，或已在 Word/WPS 中修改），不覆盖",
                file=str(target), hint="换一个输出文件夹（-o），或加 --force 覆盖")
