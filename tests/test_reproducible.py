"""The same minutes give the same bytes in every format, render after render.

A batch records each output's hash and a cluster may render a document twice (a retried
task): both rely on outputs that depend on the minutes alone, not on the moment of saving.
"""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile

import pytest

from docgen.render.api import prepare, render_bytes


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_two_renders_are_byte_identical(seed_minutes, fmt):
    first = render_bytes(seed_minutes, fmt, prepared=prepare(seed_minutes))
    time.sleep(2.1)  # zip entry times have a resolution of two seconds
    second = render_bytes(seed_minutes, fmt, prepared=prepare(seed_minutes))
    assert first == second


def test_docx_entries_are_dated_from_the_document(seed_minutes):
    data = render_bytes(seed_minutes, "docx")
    day: dt.date = seed_minutes.printed.date if seed_minutes.printed else seed_minutes.date
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        stamps = {info.date_time for info in z.infolist()}
        assert stamps == {(day.year, day.month, day.day, 0, 0, 0)}
        assert z.testzip() is None
        assert "word/document.xml" in z.namelist()
