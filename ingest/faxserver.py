"""What on-premises fax servers tell about a received fax: HylaFAX TIFF tags and the optional
JSON sidecar written beside a file (same stem, ``.json``).

HylaFAX records the call in the TIFF itself: tag 270 ImageDescription holds the sender's TSI on
its first line, then caller-id lines ``label<TAB>value``; 306 DateTime the receive time; 34909
the subaddress; 34910 the receive time in seconds.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path
from typing import Any

from PIL import Image

IMAGE_DESCRIPTION, DATE_TIME, SUBADDRESS, RECEIVE_SECONDS = 270, 306, 34909, 34910
SIDECAR_KEYS = {"from", "to", "received_at", "provider", "provider_fax_id"}
MAX_SIDECAR_BYTES = 64 * 1024
CLOUD_PROVIDERS = {"faxplus", "dropbox", "local"}


class SidecarError(ValueError):
    """The sidecar is unreadable or has unexpected content (the fax is refused with it)."""


def _text(value: Any) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if isinstance(value, (tuple, list)) and value:
        value = value[0]
    if isinstance(value, str):
        value = value.replace("\x00", "").strip()
        return value or None
    return None


def parse_description(description: str) -> dict[str, str]:
    """TSI from the first line; caller-id ``label<TAB>value`` lines as caller_<label>."""
    lines = [line.strip() for line in description.splitlines() if line.strip()]
    result: dict[str, str] = {}
    if lines and "\t" not in lines[0]:
        result["tsi"] = lines.pop(0)[:100]
    for line in lines:
        label, sep, value = line.partition("\t")
        if sep and value.strip():
            key = "caller_" + "".join(c if c.isalnum() else "_" for c in label.lower())[:30]
            result[key] = value.strip()[:200]
    return result


def parse_tiff_datetime(value: str) -> str | None:
    """TIFF DateTime ``YYYY:MM:DD HH:MM:SS`` (HylaFAX writes the server's clock; taken as UTC)."""
    try:
        parsed = dt.datetime.strptime(value.strip(), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    return parsed.strftime("%Y-%m-%dT%H:%M:%SZ")


def hylafax_metadata(path: Path) -> dict[str, Any]:
    """Fax-server metadata from a TIFF's first page; {} for anything else."""
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=UserWarning, module="PIL")
            with Image.open(path) as image:
                if image.format != "TIFF":
                    return {}
                tags = dict(image.tag_v2)
    except Exception:  # not a readable TIFF: the pipeline will say why
        return {}
    meta: dict[str, Any] = {}
    description = _text(tags.get(IMAGE_DESCRIPTION))
    if description:
        meta.update(parse_description(description))
    when = _text(tags.get(DATE_TIME))
    if when and (received := parse_tiff_datetime(when)):
        meta["received_at"] = received
    subaddress = _text(tags.get(SUBADDRESS))
    if subaddress:
        meta["subaddress"] = subaddress[:100]
    seconds = tags.get(RECEIVE_SECONDS)
    if isinstance(seconds, (tuple, list)) and seconds:
        seconds = seconds[0]
    if isinstance(seconds, int) and seconds >= 0:
        meta["receive_seconds"] = seconds
    return meta


def read_sidecar(path: Path) -> dict[str, str]:
    """The JSON sidecar beside a fax file: only known keys, only strings."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SidecarError(f"sidecar {path.name}: {exc.strerror}") from None
    if len(raw) > MAX_SIDECAR_BYTES:
        raise SidecarError(f"sidecar {path.name}: larger than {MAX_SIDECAR_BYTES} bytes")
    try:
        doc = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise SidecarError(f"sidecar {path.name}: not valid JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise SidecarError(f"sidecar {path.name}: not a JSON object")
    unknown = set(doc) - SIDECAR_KEYS
    if unknown:
        raise SidecarError(f"sidecar {path.name}: unknown keys {sorted(unknown)}; "
                           f"expected some of {sorted(SIDECAR_KEYS)}")
    bad = [k for k, v in doc.items() if not isinstance(v, str) or len(v) > 200]
    if bad:
        raise SidecarError(f"sidecar {path.name}: {bad} must be strings of at most 200 chars")
    if doc.get("provider") in CLOUD_PROVIDERS:
        raise SidecarError(f"sidecar {path.name}: provider {doc['provider']!r} is reserved for "
                           "webhook deliveries; name the fax server (e.g. hylafax)")
    return doc
