"""A TIFF whose first IFD carries one huge tag (a "tag bomb"): a valid fax page plus, say,
two million RATIONAL values in a private tag that no reader needs."""

from __future__ import annotations

import struct
from pathlib import Path

RATIONAL = 5
BOMB_TAG = 65000


def add_bomb_tag(source: bytes, values: int = 2_000_000, tag: int = BOMB_TAG) -> bytes:
    """``source`` (a little-endian classic TIFF) with its first IFD rewritten at the end of
    the file, one ``tag`` of ``values`` rationals added (its data appended as well)."""
    if source[:4] != b"II*\x00":
        raise ValueError("expects a little-endian TIFF")
    (ifd,) = struct.unpack_from("<I", source, 4)
    (count,) = struct.unpack_from("<H", source, ifd)
    entries = [source[ifd + 2 + 12 * n: ifd + 14 + 12 * n] for n in range(count)]
    (next_ifd,) = struct.unpack_from("<I", source, ifd + 2 + 12 * count)
    data_at = len(source) + (len(source) % 2)
    data = struct.pack("<II", 1, 3) * values
    new_ifd = data_at + len(data)
    entries.append(struct.pack("<HHII", tag, RATIONAL, values, data_at))
    entries.sort(key=lambda entry: struct.unpack_from("<H", entry)[0])
    body = bytearray(source)
    body[4:8] = struct.pack("<I", new_ifd)
    body += b"\x00" * (data_at - len(source)) + data
    body += struct.pack("<H", len(entries)) + b"".join(entries) + struct.pack("<I", next_ifd)
    return bytes(body)


def write_bomb(fax_page: Path, target: Path, values: int = 2_000_000) -> Path:
    target.write_bytes(add_bomb_tag(fax_page.read_bytes(), values))
    return target
