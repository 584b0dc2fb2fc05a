"""What on-premises fax servers tell about a received fax: HylaFAX TIFF tags and the JSON
sidecar its ``faxrcvd`` hook writes beside a file (same stem, ``.json``).

Call data (sender, caller id, subaddress) is taken only from fax-server evidence: the sidecar,
or a TIFF HylaFAX wrote itself. HylaFAX (faxd ``recvSetupTIFF``/``recvEndPage``) writes
Software ``HylaFAX ...`` and its private fax tags 34908 FaxRecvParams, 34909 FaxSubAddress,
34910 FaxRecvTime (seconds the page took), 34911 FaxDcs; in 270 ImageDescription the sender's
TSI on the first line, then caller-id lines ``label<TAB>value``; in 306 DateTime the server's
*local* clock, without a zone. Any other TIFF (a scanner's, netpbm's, ImageMagick's) says in
ImageDescription and DateTime whatever its writer put there: those are file tags, kept as
such, never read as a sender or a receive time.

Tags are read from the first IFD with bounded ``struct`` parsing: only the few tags named
below, only ASCII or a single SHORT/LONG, each at most :data:`MAX_TAG_BYTES`. A 16 MB tag of
two million rationals costs nothing, because it is never read.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import struct
from pathlib import Path
from typing import Any, BinaryIO

from ingest.providers import registry
from storage.spool import NotRegularFile, open_regular

IMAGE_DESCRIPTION, DATE_TIME, SOFTWARE = 270, 306, 305
FAX_RECV_PARAMS, SUBADDRESS, RECEIVE_SECONDS, FAX_DCS = 34908, 34909, 34910, 34911
# The text tags kept as a file's own metadata (labelled as file tags, not call data).
FILE_TEXT_TAGS = {269: "DocumentName", 270: "ImageDescription", 271: "Make", 272: "Model",
                  285: "PageName", 305: "Software", 306: "DateTime", 315: "Artist",
                  316: "HostComputer", SUBADDRESS: "FaxSubAddress", FAX_DCS: "FaxDcs"}
NUMBER_TAGS = {FAX_RECV_PARAMS: "FaxRecvParams", RECEIVE_SECONDS: "FaxRecvTime"}
HYLAFAX_PRIVATE_TAGS = {FAX_RECV_PARAMS, SUBADDRESS, RECEIVE_SECONDS, FAX_DCS}
UNSPECIFIED = "<UNSPECIFIED>"  # HylaFAX's TSI when the sender sent none
MAX_IFD_ENTRIES = 1024   # a fax page has ~25; more is not a fax server's file
MAX_TAG_BYTES = 4096     # per text tag read (HylaFAX's description is a few lines)
MAX_FILE_TAG_CHARS = 200  # per tag kept in the metadata

SIDECAR_KEYS = {"from", "to", "received_at", "provider", "provider_fax_id"}
MAX_SIDECAR_BYTES = 64 * 1024
# Provider names a fax server may not claim: every registered provider, local ingest, and the
# polling and e-mail doors (ingest.doors.srfax.PROVIDER, ingest.doors.imap.PROVIDER; named
# here, as the doors import this module through ingest.local).
CLOUD_PROVIDERS = frozenset(registry.names()) | {"local", "srfax", "imap"}
# A receive time later than now by more than this is a wrong clock, not a fax.
CLOCK_SKEW = dt.timedelta(days=1)
EARLIEST = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

_TIFF_TYPES = {3: ("H", 2), 4: ("I", 4)}  # SHORT, LONG
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class SidecarError(ValueError):
    """The sidecar is unreadable or has unexpected content (the fax is refused with it)."""


# -- reading a TIFF's tags, bounded --------------------------------------------------------
def read_tiff_tags(path: Path) -> dict[int, str | int]:
    """The wanted tags of a TIFF's first page ({} for anything that is not a classic TIFF).
    ``path`` is our own spool copy; blocking: call it off the event loop."""
    with open(path, "rb") as stream:
        try:
            return _read_first_ifd(stream)
        except (struct.error, OSError, ValueError):
            return {}  # truncated or malformed: the decoder says why, with the pixels


def _read_first_ifd(stream: BinaryIO) -> dict[int, str | int]:
    header = stream.read(8)
    order = {b"II*\x00": "<", b"MM\x00*": ">"}.get(header[:4])
    if order is None:  # not a TIFF (or a BigTIFF, which no fax server writes)
        return {}
    (ifd_offset,) = struct.unpack(order + "I", header[4:8])
    stream.seek(ifd_offset)
    (count,) = struct.unpack(order + "H", stream.read(2))
    entries = stream.read(12 * min(count, MAX_IFD_ENTRIES))
    tags: dict[int, str | int] = {}
    for start in range(0, len(entries) - 11, 12):
        tag, kind, n, inline = struct.unpack(order + "HHI4s", entries[start:start + 12])
        if tag in FILE_TEXT_TAGS and kind == 2 and n > 0:
            size = min(n, MAX_TAG_BYTES)
            if n <= 4:
                raw = inline[:n]
            else:
                stream.seek(struct.unpack(order + "I", inline)[0])
                raw = stream.read(size)
            if text := _ascii_value(raw):
                tags[tag] = text
        elif tag in NUMBER_TAGS and kind in _TIFF_TYPES and n == 1:
            code, width = _TIFF_TYPES[kind]
            tags[tag] = struct.unpack(order + code, inline[:width])[0]
    return tags


def _ascii_value(raw: bytes) -> str:
    """TIFF ASCII: NUL-terminated; UTF-8 where it decodes (newer writers), else Latin-1."""
    raw = raw.split(b"\x00", 1)[0]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return _CONTROL.sub("", text).strip()


# -- what the tags mean --------------------------------------------------------------------
def is_hylafax_tiff(tags: dict[int, str | int]) -> bool:
    """Written by HylaFAX itself: its Software string or one of its private fax tags."""
    software = tags.get(SOFTWARE)
    return (isinstance(software, str) and software.startswith("HylaFAX")) or bool(
        HYLAFAX_PRIVATE_TAGS & tags.keys())


def parse_description(description: str) -> dict[str, str]:
    """TSI from the first line; caller-id ``label<TAB>value`` lines as caller_<label>.
    HylaFAX writes ``<UNSPECIFIED>`` when the sender sent no TSI: that is no sender."""
    lines = [line.strip() for line in description.splitlines() if line.strip()]
    result: dict[str, str] = {}
    if lines and "\t" not in lines[0]:
        tsi = lines.pop(0)[:100]
        if tsi != UNSPECIFIED:
            result["tsi"] = tsi
    for line in lines:
        label, sep, value = line.partition("\t")
        if sep and value.strip():
            key = "caller_" + "".join(c if c.isalnum() else "_" for c in label.lower())[:30]
            result[key] = value.strip()[:200]
    return result


def hylafax_call_data(tags: dict[int, str | int]) -> dict[str, Any]:
    """The call as HylaFAX recorded it in its TIFF. Only for a file with fax-server evidence
    (see :func:`is_hylafax_tiff` and the sidecar); DateTime is the server's local clock, kept
    as written, never taken as the (UTC) receive time."""
    call: dict[str, Any] = {}
    if isinstance(description := tags.get(IMAGE_DESCRIPTION), str):
        call.update(parse_description(description))
    if isinstance(subaddress := tags.get(SUBADDRESS), str):
        call["subaddress"] = subaddress[:100]
    if isinstance(seconds := tags.get(RECEIVE_SECONDS), int):
        call["receive_seconds"] = seconds
    if isinstance(local_time := tags.get(DATE_TIME), str):
        call["server_local_time"] = local_time[:40]
    return call


def file_tags(tags: dict[int, str | int]) -> dict[str, str]:
    """A file's own text tags by name, for the record: what its writer said, not call data."""
    return {FILE_TEXT_TAGS[tag]: value[:MAX_FILE_TAG_CHARS] for tag, value in sorted(tags.items())
            if tag in FILE_TEXT_TAGS and isinstance(value, str)}


# -- dates -----------------------------------------------------------------------------------
def checked_received_at(value: str, now: dt.datetime | None = None) -> str:
    """A claimed receive time as the catalog's UTC ``...Z`` form. It must be ISO 8601 with a
    zone (``Z`` or an offset), not before 1970 and not later than now plus a day of clock
    skew. Raises ValueError saying which."""
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        raise ValueError(f"received_at {value!r} is not an ISO 8601 time "
                         "(e.g. 2026-11-20T09:15:00Z)") from None
    if parsed.tzinfo is None:
        raise ValueError(f"received_at {value!r} has no time zone (add Z for UTC)")
    now = now or dt.datetime.now(dt.UTC)
    if parsed > now + CLOCK_SKEW:
        raise ValueError(f"received_at {value!r} is in the future")
    if parsed < EARLIEST:
        raise ValueError(f"received_at {value!r} is before 1970")
    return parsed.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- the sidecar -------------------------------------------------------------------------------
def read_sidecar(path: Path, dir_fd: int | None = None) -> dict[str, str] | None:
    """The JSON sidecar beside a fax file (None if there is none): opened once without
    following links or waiting on a FIFO, only known keys, only strings, dates checked.
    ``dir_fd``: as for storage.spool.open_regular. Blocking: call it off the event loop."""
    name = repr(path.name)
    try:
        fd = open_regular(path, dir_fd)
    except FileNotFoundError:
        return None
    except NotRegularFile as exc:
        raise SidecarError(f"sidecar {exc}") from None
    except OSError as exc:
        raise SidecarError(f"sidecar {name}: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as stream:
        raw = stream.read(MAX_SIDECAR_BYTES + 1)
    if len(raw) > MAX_SIDECAR_BYTES:
        raise SidecarError(f"sidecar {name}: larger than {MAX_SIDECAR_BYTES} bytes")
    try:
        doc = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise SidecarError(f"sidecar {name}: not valid JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise SidecarError(f"sidecar {name}: not a JSON object")
    unknown = set(doc) - SIDECAR_KEYS
    if unknown:
        raise SidecarError(f"sidecar {name}: unknown keys {sorted(unknown)}; "
                           f"expected some of {sorted(SIDECAR_KEYS)}")
    bad = [k for k, v in doc.items() if not isinstance(v, str) or len(v) > 200]
    if bad:
        raise SidecarError(f"sidecar {name}: {bad} must be strings of at most 200 chars")
    if doc.get("provider") in CLOUD_PROVIDERS:
        raise SidecarError(f"sidecar {name}: provider {doc['provider']!r} is reserved for "
                           "webhook deliveries and faxvault's own doors; name the fax server "
                           "(e.g. hylafax)")
    if "received_at" in doc:
        try:
            doc["received_at"] = checked_received_at(doc["received_at"])
        except ValueError as exc:
            raise SidecarError(f"sidecar {name}: {exc}") from None
    return doc
