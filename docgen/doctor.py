"""`docgen doctor`: what this machine has for docgen, and the command that fixes what is missing."""

from __future__ import annotations

import ctypes.util
import importlib.metadata
import platform
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass

from .environment import fontconfig_file
from .errors import DocgenError
from .layout.fonts import FACES, ROLE_NAMES, face

SETUP = "make setup"
PACKAGES = ["pydantic", "PyYAML", "Jinja2", "weasyprint", "pydyf", "uharfbuzz", "fonttools",
            "python-docx", "PyMuPDF"]
DOCX_NAMES = ["仿宋_GB2312", "黑体", "楷体_GB2312", "宋体", "方正小标宋简体", "Times New Roman"]


@dataclass
class Check:
    what: str
    ok: bool
    detail: str
    fix: str = ""
    needed: bool = True


def checks() -> list[Check]:
    out = [Check("Python", True, platform.python_version())]
    out += [_package(name) for name in PACKAGES]
    out.append(_pango())
    out.append(_harfbuzz_subset())
    out += [_font(role) for role in FACES]
    out.append(_fontconfig())
    out += [_alias(name) for name in DOCX_NAMES]
    out.append(_tool("LibreOffice", "soffice", ["--version"], "apt-get install -y "
                     "--no-install-recommends libreoffice-writer-nogui", needed=False))
    out.append(_tool("poppler (pdftoppm)", "pdftoppm", ["-v"], "apt-get install -y poppler-utils",
                     needed=False))
    return out


def _package(name: str) -> Check:
    try:
        return Check(name, True, importlib.metadata.version(name))
    except importlib.metadata.PackageNotFoundError:
        return Check(name, False, "未安装", SETUP)


def _pango() -> Check:
    try:
        from .environment import ensure_fontconfig_env
        ensure_fontconfig_env()
        from weasyprint.text.ffi import pango
        major, rest = divmod(pango.pango_version(), 10000)
        return Check("Pango", True, f"{major}.{rest // 100}.{rest % 100}")
    except Exception as exc:   # missing system library: say so, do not crash the doctor
        return Check("Pango", False, f"无法加载：{exc}", "apt-get install -y libpango-1.0-0")


def _harfbuzz_subset() -> Check:
    found = ctypes.util.find_library("harfbuzz-subset")
    return Check("HarfBuzz 子集化", bool(found), found or "缺失（PDF 会慢约 35 倍）",
                 "apt-get install -y libharfbuzz-subset0")


def _font(role: str) -> Check:
    try:
        f = face(role)
        return Check(f"字体·{ROLE_NAMES[role]}", True, f"{f.family} ← {f.path}")
    except DocgenError as exc:
        return Check(f"字体·{ROLE_NAMES[role]}", False, str(exc), SETUP)


def _fontconfig() -> Check:
    path = fontconfig_file()
    return Check("fontconfig 配置", path.is_file(), str(path), SETUP)


def _alias(name: str) -> Check:
    """What LibreOffice gets when a DOCX asks for an official font name."""
    if not shutil.which("fc-match") or not fontconfig_file().is_file():
        return Check(f"字体名 {name}", False, "fc-match 或 fonts.conf 缺失", SETUP, needed=False)
    env = {"FONTCONFIG_FILE": str(fontconfig_file())}
    result = subprocess.run(["fc-match", "-f", "%{family[0]} %{style[0]}", name], env=env,
                            capture_output=True, text=True, timeout=20)
    return Check(f"字体名 {name}", result.returncode == 0, f"→ {result.stdout.strip()}",
                 SETUP, needed=False)


def _tool(what: str, exe: str, args: list[str], fix: str, needed: bool) -> Check:
    path = shutil.which(exe)
    if not path:
        return Check(what, False, "未安装", fix, needed)
    result = subprocess.run([path, *args], capture_output=True, text=True, timeout=60)
    first = (result.stdout or result.stderr).strip().splitlines()
    return Check(what, True, first[0] if first else path, needed=needed)


def _cells(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def report() -> tuple[str, int]:
    """The table for the terminal, and the exit code: 1 when something needed is missing."""
    rows = checks()
    width = max(_cells(c.what) for c in rows)
    lines = []
    for c in rows:
        mark = "✓" if c.ok else ("✗" if c.needed else "!")
        line = f"{mark} {c.what}{' ' * (width - _cells(c.what))}  {c.detail}"
        if not c.ok and c.fix:
            line += f"\n  {' ' * width}  修复：{c.fix}"
        lines.append(line)
    missing = [c for c in rows if c.needed and not c.ok]
    lines.append("一切就绪。" if not missing else f"缺少 {len(missing)} 项必需组件，请按“修复”一栏处理。")
    return "\n".join(lines), 1 if missing else 0
