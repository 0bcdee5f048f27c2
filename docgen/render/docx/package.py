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
import struct
import zipfile

ZIP_EPOCH = dt.date(1980, 1, 1)   # the earliest date a zip entry can carry
ENTRY_MODE = 0o600 << 16          # rw for the owner: what zipfile gives a fresh file, fixed


def dated_zip(data: bytes, when: dt.date) -> bytes:
    """``data`` (a zip) with every entry dated ``when`` at 00:00:00 and given ENTRY_MODE.

    The date and mode sit at fixed places of each entry's two headers (PKWARE APPNOTE
    §4.3.7, §4.3.12), so they are set in place: rewriting the zip inflated and deflated
    every part again, ~10 ms of a ~50 ms DOCX."""
    day = max(when, ZIP_EPOCH)
    dos_time, dos_date = 0, (day.year - 1980) << 9 | day.month << 5 | day.day
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        entries, at = len(z.infolist()), z.start_dir
        for info in z.infolist():
            _check(out, info.header_offset, _LOCAL)
            struct.pack_into("<HH", out, info.header_offset + 10, dos_time, dos_date)
    for _ in range(entries):
        _check(out, at, _CENTRAL)
        struct.pack_into("<HH", out, at + 12, dos_time, dos_date)
        struct.pack_into("<I", out, at + 38, ENTRY_MODE)
        name, extra, comment = struct.unpack_from("<HHH", out, at + 28)
        at += 46 + name + extra + comment
    return bytes(out)


_LOCAL, _CENTRAL = b"PK\x03\x04", b"PK\x01\x02"


def _check(data: bytearray, at: int, signature: bytes) -> None:
    if data[at:at + 4] != signature:
        raise ValueError(f"not a zip header at {at}")
