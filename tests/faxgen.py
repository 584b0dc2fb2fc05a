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


def image_pdf(out: Path, tiff: Path) -> Path:
    """Each page of a G4 TIFF as a PDF page that is just that image (img2pdf keeps the CCITT
    data as it is, page size = pixels / DPI per axis): what fax providers deliver."""
    import img2pdf

    out = Path(out)
    out.write_bytes(img2pdf.convert(Path(tiff).read_bytes()))
    return out


def bilevel_flate_pdf(out: Path, tiff: Path, *, as_stencil: bool = False) -> Path:
    """A one-page PDF whose page is the TIFF's first page as a 1-bit Flate image (or, with
    ``as_stencil``, an image mask painted in black), placed the way img2pdf places images."""
    import zlib

    import pikepdf
    from PIL import Image

    with Image.open(tiff) as image:
        image.load()
        xdpi, ydpi = (float(v) for v in image.info["dpi"])
        bits = image.convert("1")
    width_pt, height_pt = bits.width / xdpi * 72, bits.height / ydpi * 72
    pdf = pikepdf.new()
    # PIL's mode "1" packs rows MSB first with 1 = white: DeviceGray's sense, and an image
    # mask's too (0 = paint) under its default Decode.
    stream = pikepdf.Stream(pdf, zlib.compress(bits.tobytes()))
    stream.Type, stream.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    stream.Width, stream.Height, stream.BitsPerComponent = bits.width, bits.height, 1
    stream.Filter = pikepdf.Name.FlateDecode
    if as_stencil:
        stream.ImageMask = True
    else:
        stream.ColorSpace = pikepdf.Name.DeviceGray
    page = pdf.add_blank_page(page_size=(width_pt, height_pt))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=stream))
    page.Contents = pikepdf.Stream(
        pdf, f"q 0 g {width_pt:.4f} 0 0 {height_pt:.4f} 0 0 cm /Im0 Do Q".encode())
    pdf.save(out)
    return Path(out)


def with_visible_text(out: Path, pdf_path: Path, text: str) -> Path:
    """The PDF with a visible line of text drawn over its first page (a cover stamp)."""
    import pikepdf

    with pikepdf.open(pdf_path) as pdf:
        page = pdf.pages[0]
        font = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))
        page.add_resource(font, pikepdf.Name.Font, pikepdf.Name("/Stamp"))
        page.contents_add(pikepdf.Stream(
            pdf, b"BT /Stamp 14 Tf 72 40 Td " + _ps_string(text).encode("latin-1") + b" Tj ET"))
        pdf.save(out)
    return Path(out)


def concatenate_pdfs(out: Path, parts: Sequence[Path]) -> Path:
    """The pages of ``parts`` in order, as one PDF."""
    import pikepdf

    with pikepdf.new() as pdf:
        sources = [pikepdf.open(part) for part in parts]
        try:
            for source in sources:
                pdf.pages.extend(source.pages)
            pdf.save(out)
        finally:
            for source in sources:
                source.close()
    return Path(out)


def chained_ifd_tiff(out: Path, directories: int) -> Path:
    """A little-endian TIFF of ``directories`` chained image directories, each a 1x1 page
    (114 bytes a page: 11 MB claims 100,000 pages)."""
    out = Path(out)
    entry_tags = [(256, 3, 1, 1), (257, 3, 1, 1), (258, 3, 1, 1), (259, 3, 1, 1),
                  (262, 3, 1, 0), (273, 4, 1, 8), (277, 3, 1, 1), (278, 3, 1, 1),
                  (279, 4, 1, 1)]
    ifd_size = 2 + 12 * len(entry_tags) + 4
    data = bytearray(b"II*\x00" + (9).to_bytes(4, "little") + b"\x00")  # pixel byte at 8
    for index in range(directories):
        offset = len(data)
        data += len(entry_tags).to_bytes(2, "little")
        for tag, kind, count, value in entry_tags:
            data += tag.to_bytes(2, "little") + kind.to_bytes(2, "little")
            data += count.to_bytes(4, "little") + value.to_bytes(4, "little")
        last = index == directories - 1
        data += (0 if last else offset + ifd_size).to_bytes(4, "little")
    out.write_bytes(bytes(data))
    return out


def g3_pdf(out: Path, tiff: Path) -> Path:
    """A one-page PDF whose page is the TIFF's first page as CCITT Group 3 (1-D, K=0) data,
    the image filling the page at the TIFF's resolution."""
    import io

    import pikepdf
    from PIL import Image

    with Image.open(tiff) as image:
        image.load()
        xdpi, ydpi = (float(v) for v in image.info["dpi"])
        bits = image.convert("1")
    encoded = io.BytesIO()
    bits.save(encoded, format="TIFF", compression="group3", strip_size=2**30)
    with Image.open(encoded) as g3:
        [offset], [length] = g3.tag_v2[273], g3.tag_v2[279]
    width_pt, height_pt = bits.width / xdpi * 72, bits.height / ydpi * 72
    pdf = pikepdf.new()
    # Pillow writes mode "1" as "min is black": its G3 codes say white where a PDF decoder
    # says black unless told BlackIs1.
    stream = pikepdf.Stream(pdf, encoded.getvalue()[offset:offset + length])
    stream.Type, stream.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    stream.Width, stream.Height, stream.BitsPerComponent = bits.width, bits.height, 1
    stream.ColorSpace, stream.Filter = pikepdf.Name.DeviceGray, pikepdf.Name.CCITTFaxDecode
    stream.DecodeParms = pikepdf.Dictionary(K=0, Columns=bits.width, Rows=bits.height,
                                            EndOfLine=True, BlackIs1=True)
    page = pdf.add_blank_page(page_size=(width_pt, height_pt))
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=stream))
    page.Contents = pikepdf.Stream(
        pdf, f"q {width_pt:.4f} 0 0 {height_pt:.4f} 0 0 cm /Im0 Do Q".encode())
    pdf.save(out)
    return Path(out)
