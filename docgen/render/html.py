"""Positioned pages → HTML, through Jinja2 templates (autoescaped; user templates sandboxed)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup
from jinja2.exceptions import SecurityError

from ..environment import REPO_ROOT
from ..errors import DocgenError
from ..layout.fonts import FACES, FALLBACKS
from ..layout.pages import Layout
from ..model.minutes import Minutes
from ..model.profile import Profile
from .placeholders import placeholders
from .provenance import GENERATOR
from .sandbox import UserSandbox, bounded_render
from .view import COLUMN, build_views, drawn_pt

TEMPLATE_DIR = REPO_ROOT / "templates"
DEFAULT_TEMPLATE = "minutes.html.j2"


class StyleSheet:
    """Per-line styles as shared classes, collected while the body renders.

    WeasyPrint shares one computed style between elements whose rules match, never for an
    element with a ``style`` attribute; a 纪要 has hundreds of text pieces but only a few
    dozen distinct offsets and spacings, and computing their styles one by one was a third
    of WeasyPrint's layout time (benchmarks/README.md).
    """

    def __init__(self) -> None:
        self._names: dict[str, str] = {}

    def cls(self, declarations: str) -> str:
        return self._names.setdefault(declarations, f"s{len(self._names)}")

    def css(self) -> Markup:
        return Markup("\n".join(f".{name} {{ {rule} }}" for rule, name in self._names.items()))


@lru_cache(maxsize=None)
def environment(user_dir: str | None = None) -> jinja2.Environment:
    """The built-in templates, or a user's folder searched first, in a sandbox."""
    dirs = [str(TEMPLATE_DIR)] if user_dir is None else [user_dir, str(TEMPLATE_DIR)]
    cls = jinja2.Environment if user_dir is None else UserSandbox
    env = cls(loader=jinja2.FileSystemLoader(dirs), autoescape=True,
              trim_blocks=False, lstrip_blocks=False, undefined=jinja2.StrictUndefined)
    env.filters["pt"] = drawn_pt
    return env


def font_table(profile: Profile) -> list[dict[str, object]]:
    """CSS families per role: the measured face first, then the office's own font name,
    so the HTML also looks right in a browser on a PC that has only the Windows fonts."""
    office = profile.fonts.model_dump()
    return [{"role": role, "family": family(role), "weight": FACES[role][3],
             "office": office.get(role, "")} for role in FACES]


def family(role: str) -> str:
    """The fontconfig family of a role, from the table: naming a face in CSS needs no
    metrics, so a fallback face no glyph of the document uses is never loaded."""
    return FACES[role][2]


def render_html(m: Minutes, layout: Layout, profile: Profile, template_dir: Path | None = None,
                created: dt.date | None = None) -> str:
    """The page template, with the views to draw and the placeholders an office's header
    or 版记 may print (``render.placeholders``); an office's folder runs bounded."""
    env = environment(str(template_dir) if template_dir else None)
    doc = layout.document
    context = placeholders(m, doc, profile) | dict(
        author=doc.author, created=(created or dt.date.today()).isoformat(),
        fonts=font_table(profile), fallbacks=[family(role) for role in FALLBACKS],
        pages=build_views(layout, profile), column=COLUMN, sheet=StyleSheet(),
        generator=GENERATOR)
    try:
        template = env.get_template(DEFAULT_TEMPLATE)
        if template_dir is None:
            return template.render(context)
        return bounded_render(template, context)
    except SecurityError as exc:
        raise DocgenError.one(f"模板试图执行不安全的操作，已阻止：{exc}",
                              file=str(template_dir or TEMPLATE_DIR)) from None
    except jinja2.TemplateSyntaxError as exc:
        raise DocgenError.one(f"模板语法错误：{exc.message}", file=exc.filename or exc.name,
                              line=exc.lineno) from None
    except jinja2.TemplateError as exc:
        raise DocgenError.one(f"模板出错：{exc}", file=str(template_dir or TEMPLATE_DIR)) from None
    except (UnicodeDecodeError, RecursionError, ArithmeticError, TypeError, ValueError,
            LookupError, AttributeError) as exc:
        if template_dir is None:
            raise                       # docgen's own template: a bug, with its traceback
        kind = "不是 UTF-8 编码" if isinstance(exc, UnicodeDecodeError) else f"{type(exc).__name__}: {exc}"
        raise DocgenError.one(f"模板出错：{kind}", file=str(template_dir)) from None
