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
from typing import Sequence

TIMEOUT_SECONDS = 180
FAILED = "LibreOffice 未能把这个 DOCX 转成 PDF，版面相关各项未检查"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(data: bytes) -> tuple[bytes | None, str]:
    """(the PDF, "") or (None, why not, in Chinese)."""
    pdfs, why = docx_to_pdfs([data])
    return pdfs.get(0), why


def docx_to_pdfs(docs: Sequence[bytes]) -> tuple[dict[int, bytes], str]:
    """Many DOCX in one LibreOffice run (its start-up is most of a conversion's time):
    {index: PDF} for those it converted, and why none were, in Chinese."""
    from ..environment import ensure_fontconfig_env
    program = soffice()
    if program is None:
        return {}, "未安装 LibreOffice（soffice），版面相关各项未检查（apt-get install libreoffice-writer-nogui）"
    ensure_fontconfig_env()
    with tempfile.TemporaryDirectory(prefix="docgen-audit-") as folder:
        sources = [Path(folder) / f"audit-{i}.docx" for i in range(len(docs))]
        for source, data in zip(sources, docs):
            source.write_bytes(data)
        env = dict(os.environ, HOME=folder)
        timeout = TIMEOUT_SECONDS * max(1, len(docs))
        try:
            subprocess.run([program, f"-env:UserInstallation=file://{folder}/profile", "--headless",
                            "--norestore", "--convert-to", "pdf", "--outdir", folder,
                            *map(str, sources)],
                           env=env, capture_output=True, timeout=timeout,
                           check=False)
        except subprocess.TimeoutExpired:
            return {}, f"LibreOffice 转换超过 {timeout} 秒，版面相关各项未检查"
        except OSError as exc:
            return {}, f"无法运行 LibreOffice（{exc}），版面相关各项未检查"
        pdfs = {i: out.read_bytes() for i, source in enumerate(sources)
                if (out := source.with_suffix(".pdf")).is_file()}
        return pdfs, "" if pdfs else FAILED
