"""Fax fixtures rendered from known text with Ghostscript's fax devices, so tests (and
benchmarks) can assert on the words."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

GS_TIMEOUT = 120


def _ps_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def postscript(pages: Sequence[Sequence[str]], font_size: float = 12) -> str:
    """A letter-size PostScript document: each page's lines from the top-left margin."""
    out = ["%!PS-Adobe-3.0", "<< /PageSize [612 792] >> setpagedevice"]
    for lines in pages:
        out.append(f"/Helvetica findfont {font_size} scalefont setfont")
        y = 720.0
        for line in lines:
            out.append(f"72 {y:.1f} moveto {_ps_string(line)} show")
            y -= font_size * 1.6
        out.append("showpage")
    return "\n".join(out) + "\n"


def render_fax(out: Path, pages: Sequence[Sequence[str]], *, device: str = "tiffg4",
               resolution: str = "204x98", font_size: float = 12) -> Path:
    """Render pages of text lines to ``out`` with a Ghostscript device (tiffg4, tiffg3,
    tiffg32d, tiffcrle, pdfwrite ...) at ``resolution`` (e.g. 204x98, 204x196)."""
    out = Path(out)
    source = out.with_suffix(out.suffix + ".ps")
    source.write_text(postscript(pages, font_size), encoding="latin-1")
    subprocess.run(
        ["gs", "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", f"-sDEVICE={device}",
         f"-r{resolution}", f"-sOutputFile={out}", str(source)],
        check=True, timeout=GS_TIMEOUT, capture_output=True,
    )
    source.unlink()
    return out


def as_jbig(tiff: bytes) -> bytes:
    """The same little-endian TIFF claiming JBIG compression (tag 259 = 34661) in its first
    directory: what a fax server configured for JBIG writes, which Pillow cannot decode."""
    data = bytearray(tiff)
    ifd = int.from_bytes(data[4:8], "little")
    for i in range(int.from_bytes(data[ifd:ifd + 2], "little")):
        entry = ifd + 2 + 12 * i
        if int.from_bytes(data[entry:entry + 2], "little") == 259:
            data[entry + 8:entry + 10] = (34661).to_bytes(2, "little")
    return bytes(data)


SAMPLE_PAGES = [
    ["REFERRAL for cardiology consult", "Patient Jane Doe, MRN 448812",
     "Diagnosis code I25.10 hypertension"],
    ["Invoice 4471 from Acme Medical Supplies", "Total due 1,250.00 by December"],
    ["Please call back about the zeppelin quartz order"],
]
