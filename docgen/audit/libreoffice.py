"""LibreOffice's PDF of a DOCX: the layout a DOCX's settings lead to, where one is needed.

Which page the 版记 falls on, where the 纪要标志 sits, which pages carry a number: the
DOCX does not say, a layout does. LibreOffice runs headless in a throw-away profile (a
user's running LibreOffice is never disturbed), with docgen's fontconfig file so the
names a DOCX carries (仿宋_GB2312, 方正小标宋简体) find their free faces.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_SECONDS = 180


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(data: bytes) -> tuple[bytes | None, str]:
    """(the PDF, "") or (None, why not, in Chinese)."""
    from ..environment import ensure_fontconfig_env
    program = soffice()
    if program is None:
        return None, "未安装 LibreOffice（soffice），版面相关各项未检查（apt-get install libreoffice-writer-nogui）"
    ensure_fontconfig_env()
    with tempfile.TemporaryDirectory(prefix="docgen-audit-") as folder:
        source = Path(folder) / "audit.docx"
        source.write_bytes(data)
        env = dict(os.environ, HOME=folder)
        try:
            subprocess.run([program, f"-env:UserInstallation=file://{folder}/profile", "--headless",
                            "--norestore", "--convert-to", "pdf", "--outdir", folder, str(source)],
                           env=env, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            return None, f"LibreOffice 转换超过 {TIMEOUT_SECONDS} 秒，版面相关各项未检查"
        except OSError as exc:
            return None, f"无法运行 LibreOffice（{exc}），版面相关各项未检查"
        out = Path(folder) / "audit.pdf"
        if not out.is_file():
            return None, "LibreOffice 未能把这个 DOCX 转成 PDF，版面相关各项未检查"
        return out.read_bytes(), ""
