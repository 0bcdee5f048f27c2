"""One entry point for every output: minutes → layout once → the formats asked for."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_atomic
from ..errors import DocgenError
from ..layout.pages import Layout, typeset
from ..model.minutes import Minutes
from ..model.profile import Profile, load_profile

FORMATS = ("pdf", "docx", "html")


@dataclass
class Rendered:
    layout: Layout
    profile: Profile


def prepare(m: Minutes, profile: Profile | None = None) -> Rendered:
    profile = profile or load_profile(m.profile)
    return Rendered(typeset(m, profile), profile)


def render_bytes(m: Minutes, fmt: str, profile: Profile | None = None,
                 template_dir: Path | None = None, prepared: Rendered | None = None) -> bytes:
    """The document in one format, as bytes; layout is computed once per call of prepare()."""
    r = prepared or prepare(m, profile)
    created = m.printed.date if m.printed else m.date
    if fmt in ("pdf", "html"):
        from .html import render_html
        html = render_html(r.layout, r.profile, template_dir, created=created)
        if fmt == "html":
            return html.encode("utf-8")
        from .pdf import html_to_pdf
        return html_to_pdf(html)
    if fmt == "docx":
        from .docx import render_docx
        return render_docx(m, r.layout, r.profile, created=created)
    raise DocgenError.one(f"不支持的格式“{fmt}”", hint="可选 " + "、".join(FORMATS))


def parse_formats(text: str) -> list[str]:
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise DocgenError.one(f"不支持的格式“{','.join(unknown) or text}”",
                              hint="--format 可选 pdf,docx,html")
    return formats


def render_to_dir(m: Minutes, stem: str, out_dir: Path, formats: list[str],
                  profile: Profile | None = None, template_dir: Path | None = None) -> list[Path]:
    """Write <stem>.<fmt> for each format; each file appears whole or not at all."""
    prepared = prepare(m, profile)
    outputs = {fmt: render_bytes(m, fmt, template_dir=template_dir, prepared=prepared)
               for fmt in formats}
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt, data in outputs.items():
        path = out_dir / f"{stem}.{fmt}"
        write_atomic(path, data)
        written.append(path)
    return written


