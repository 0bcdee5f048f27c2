"""The DOCX zip, made reproducible: the same minutes give the same bytes, run after run.

python-docx stamps every zip entry with the time of saving, so two renders of one draft
differed in nothing but their entries' dates — enough to defeat a batch's content hashes
and a cluster's check that a retried document came out the same. Entries are dated from
the document itself instead (midnight of the date its properties carry), keeping their
order, names and compression.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

ZIP_EPOCH = dt.date(1980, 1, 1)   # the earliest date a zip entry can carry
ENTRY_MODE = 0o600 << 16          # rw for the owner: what zipfile gives a fresh file, fixed


def dated_zip(data: bytes, when: dt.date) -> bytes:
    """``data`` (a zip) rewritten with every entry dated ``when`` at 00:00:00."""
    day = max(when, ZIP_EPOCH)
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for entry in src.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=stamp)
            fixed.compress_type = entry.compress_type
            fixed.external_attr = ENTRY_MODE
            dst.writestr(fixed, src.read(entry))
    return out.getvalue()
