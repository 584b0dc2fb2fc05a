"""A fax's files for people: PDF, TIFF and original bytes, and page images for the screen.

Page images are rendered on the server from the fax's TIFF at screen resolution with the
page's real proportions (a 204x98 dpi page is twice as tall in inches as its pixel rows
suggest), as PNG, and cached under ``<data_dir>/ui-cache`` (0600, like every data file).
The browser never gets the original bytes inline. Everything here is blocking file work:
callers run it in a thread, and none of it touches the catalog (one connection per thread).
"""

from __future__ import annotations

import io
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ingest.pipeline import Services

SCREEN_DPI = 110  # a page 8.5 in wide is ~935 px: readable, and small to send
FORMATS = {"pdf": ("application/pdf", "pdf"), "tiff": ("image/tiff", "tif"),
           "original": ("application/octet-stream", None)}


class FileMissing(LookupError):
    """The fax has no such file yet (still processing, or failed)."""


@dataclass(frozen=True)
class FileSource:
    """Where one of a fax's files is: an archive key, or a spool path before archiving."""

    archive_key: str | None
    version_id: str | None
    spool_path: Path | None


def source_of(services: Services, fax: dict, objects: list[dict], fmt: str) -> FileSource:
    """Decided on the loop thread (it reads the catalog's rows, passed in)."""
    by_purpose = {o["purpose"]: o for o in objects}
    if fmt in by_purpose:
        return FileSource(by_purpose[fmt]["key"], by_purpose[fmt]["version_id"], None)
    work = services.spool.work / fax["id"]
    path = {"original": services.spool.blob_path(fax["original_sha256"] or "-"),
            "pdf": work / "fax.pdf", "tiff": work / "fax.tif"}[fmt]
    return FileSource(None, None, path)


def read_file(services: Services, source: FileSource, max_bytes: int) -> bytes:
    """The file's bytes (capped: the cap is the ingest limit, so a kept fax always fits)."""
    if source.archive_key is not None:
        with services.archive.open(source.archive_key, source.version_id) as stream:
            data = stream.read(max_bytes + 1)
    else:
        assert source.spool_path is not None
        try:
            fd = os.open(source.spool_path, os.O_RDONLY | os.O_NOFOLLOW)
        except FileNotFoundError:
            raise FileMissing("not there yet") from None
        with os.fdopen(fd, "rb") as stream:
            data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise FileMissing("larger than limits.max_file_bytes")
    return data


def screen_size(page: dict) -> tuple[int, int]:
    """Pixels on screen for a page of ``width_px`` x ``height_px`` at ``xdpi`` x ``ydpi``."""
    width_in = page["width_px"] / (page["xdpi"] or 204)
    height_in = page["height_px"] / (page["ydpi"] or 196)
    return max(1, round(width_in * SCREEN_DPI)), max(1, round(height_in * SCREEN_DPI))


def cache_path(services: Services, fax_id: str, page_no: int) -> Path:
    return services.config.data_dir / "ui-cache" / fax_id / f"page-{page_no:04d}.png"


def page_png(services: Services, source: FileSource, page: dict, max_bytes: int) -> bytes:
    """The page as PNG at screen size, from the cache or rendered (then cached)."""
    cached = cache_path(services, page["fax_id"], page["page_no"])
    try:
        fd = os.open(cached, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        pass
    else:
        with os.fdopen(fd, "rb") as stream:
            return stream.read()
    tiff = read_file(services, source, max_bytes)
    with Image.open(io.BytesIO(tiff)) as image:
        image.seek(page["page_no"] - 1)
        shown = image.convert("L").resize(screen_size(page), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    shown.save(out, "PNG", optimize=True)
    png = out.getvalue()
    _write_private(cached, png)
    return png


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "wb") as stream:
        stream.write(data)
    os.replace(tmp, path)


def forget_pages(services: Services, fax_id: str) -> None:
    """Drop a fax's cached page images (after its pages change or it is deleted)."""
    shutil.rmtree(services.config.data_dir / "ui-cache" / fax_id, ignore_errors=True)
