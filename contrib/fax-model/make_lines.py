"""Training lines for the fax model: pages of generated text, faxed, prepared as faxvault
prepares a page for reading, cut into the lines tesseract finds, each with the text it printed.

    make_lines.py OUTDIR FIRST_SEED COUNT

writes, for pages FIRST_SEED .. FIRST_SEED+COUNT-1, ``l<seed>_<line>.png`` (the prepared
line, at the resolution tesseract is told) and ``.gt.txt`` (its text) into OUTDIR.

A page is 12-30 lines of one URW font (Ghostscript's base 35) at 8-12 pt: sentences, names
and addresses, dates, record numbers and phone numbers, table rows with amounts, from Faker
(its locales' words, accents taken off: the English model's alphabet has no accented letter
but é, and a letter the model cannot write cannot be learnt). It is faxed at 204x98 (3 in
4) or 204x196, clean (Ghostscript's fax device) or through one of the two degradation
models the page preparation was tuned on: tests/ocr_corpus.py's blur-noise-threshold and
tests/ocr_layouts.py's transmission model. The other models (copier, thermal, burst,
non-ECM, faded: tests/ocr_layouts*.py) and every page the benchmarks read are kept apart, so
that they measure the model on what it did not learn from.

A line is matched to the printed line whose place on the page it is at (the page is one
column at known heights), not to the text it was read as: a line read badly is what the
model must learn from. Lines read as far from their text as to be another line (an edit
distance over 60% of it) are left out.
"""

from __future__ import annotations

import random
import subprocess
import sys
import unicodedata
from pathlib import Path

import tesserocr
from faker import Faker
from PIL import Image
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from ocr.engine import CLEAN_PAGE_SEGMENTATION, PAGE_SEGMENTATION, find_tessdata  # noqa: E402
from ocr.fax_model import LSTM_UNICHARSET, read_components  # noqa: E402
from ocr.normalize import normalize_fax_geometry  # noqa: E402
from tests.ocr_corpus import degrade  # noqa: E402
from tests.ocr_layouts import LayoutDoc, postscript, transmit  # noqa: E402

FONTS = ["Times-Roman", "Helvetica", "Courier", "Bookman-Light", "Palatino-Roman",
         "NewCenturySchlbk-Roman", "AvantGarde-Book", "Helvetica-Narrow", "Times-Bold",
         "Helvetica-Bold", "Courier-Bold", "Times-Italic"]
SIZES = [8, 8.5, 9, 9.5, 10, 10.5, 11, 12]
LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL"]
CONDITIONS = ["clean", "degraded", "transmitted", "transmitted"]
# As tests/ocr_layouts.py's postscript() lays a page out: lines from 72 pt below the top,
# 1.6 font sizes apart.
LEADING = 1.6
TOP = 72.0
MAX_DISTANCE = 0.6
GS_TIMEOUT = 60


def model_letters() -> set[str]:
    """The ASCII letters of the installed English model's alphabet."""
    data = (Path(find_tessdata()) / "eng.traineddata").read_bytes()
    unicharset = read_components(data)[LSTM_UNICHARSET] or b""
    lines = unicharset.decode("utf-8").splitlines()[1:]
    return {line.split(" ")[0] for line in lines if line} | {" "}


LETTERS = model_letters()


def fold(text: str) -> str:
    """``text`` in ASCII letters the model can write: accents taken off, the rest dropped."""
    out = []
    for char in text:
        bare = "".join(c for c in unicodedata.normalize("NFKD", char)
                       if not unicodedata.combining(c))
        out.append("".join(c for c in bare if c in LETTERS and c.isascii()))
    return "".join(out)


def text_line(fake: Faker, rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        line = fake.sentence(nb_words=rng.randint(5, 12))
    elif kind < 0.6:
        line = f"{fake.name()}   {fake.street_address()}"
    elif kind < 0.7:
        date = fake.date(pattern=rng.choice(["%m/%d/%Y", "%d.%m.%Y", "%Y-%m-%d"]))
        line = (f"{rng.choice(['Patient', 'Name', 'Insured', 'Client', 'Attn'])}: "
                f"{fake.name()}  {rng.choice(['DOB', 'Date', 'Born'])}: {date}")
    elif kind < 0.8:
        code = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(rng.randint(1, 3)))
        code += "".join(rng.choice("0123456789") for _ in range(rng.randint(4, 8)))
        label = rng.choice(["MRN", "Ref", "Policy no.", "Invoice", "Claim #", "Member ID"])
        line = (f"{label}: {code}   {rng.choice(['Tel', 'Fax', 'Phone'])}: "
                f"{fake.phone_number()}")
    elif kind < 0.9:
        quantity, price = rng.randint(1, 500), rng.randint(1, 99999) / 100
        line = (f"{rng.randint(1, 40):>3}  {fake.bs().title()[:38]}  {quantity}  "
                f"${price:,.2f}  ${quantity * price:,.2f}")
    else:
        line = f"{fake.city()}, {fake.postcode()}  {fake.email()}"
    return fold(line)


def _gs(source: Path, out: Path, *args: str) -> None:
    subprocess.run(["gs", "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", *args,
                    f"-sOutputFile={out}", str(source)], check=True, timeout=GS_TIMEOUT)


def faxed_page(work: Path, seed: int, lines: list[str], font: str, size: float,
               resolution: str, condition: str) -> Image.Image:
    source = work / f"p{seed}.ps"
    doc = LayoutDoc(f"lines-{seed}", font, size, [[(72.0, line)] for line in lines], [])
    source.write_text(postscript(doc), encoding="ascii")
    xdpi, ydpi = (float(v) for v in resolution.split("x"))
    try:
        if condition == "clean":
            _gs(source, work / f"p{seed}.tif", "-sDEVICE=tiffg4", f"-r{resolution}")
            with Image.open(work / f"p{seed}.tif") as page:
                page.load()
            return page
        page_dpi = round(max(xdpi, ydpi) * 2)
        _gs(source, work / f"p{seed}.png", "-sDEVICE=pnggray", "-dTextAlphaBits=4",
            f"-r{page_dpi}")
        with Image.open(work / f"p{seed}.png") as rendered:
            gray = rendered.convert("L")
        model = degrade if condition == "degraded" else transmit
        return model(gray, page_dpi, xdpi, ydpi, seed)
    finally:
        for suffix in (".ps", ".tif", ".png"):
            (work / f"p{seed}{suffix}").unlink(missing_ok=True)


def make_page_lines(out: Path, seed: int, apis: dict[int, tesserocr.PyTessBaseAPI]) -> int:
    rng = random.Random(seed)
    fake = Faker(rng.choice(LOCALES))
    fake.seed_instance(seed)
    font, size = rng.choice(FONTS), rng.choice(SIZES)
    count = min(rng.randint(12, 30), int(640 / (size * LEADING)))
    lines = [text_line(fake, rng)[:int(470 / (size * 0.55))] for _ in range(count)]
    resolution = "204x98" if rng.random() < 0.75 else "204x196"
    condition = rng.choice(CONDITIONS)
    page = faxed_page(out, seed, lines, font, size, resolution, condition)
    xdpi, ydpi = (float(v) for v in resolution.split("x"))
    prepared, geometry = normalize_fax_geometry(page, xdpi, ydpi)
    psm = CLEAN_PAGE_SEGMENTATION if page.mode == "1" and not geometry.cleaned \
        else PAGE_SEGMENTATION
    if psm not in apis:
        apis[psm] = tesserocr.PyTessBaseAPI(path=find_tessdata().rstrip("/") + "/",
                                            lang="eng", psm=psm)
    api = apis[psm]
    api.SetImage(prepared)
    api.SetSourceResolution(geometry.dpi)
    pitch = size * LEADING
    at_line: dict[int, list[tuple[int, int, int, int]]] = {}
    for _, box, _, _ in api.GetComponentImages(tesserocr.RIL.TEXTLINE, True):
        x, y, w, h = box["x"], box["y"], box["w"], box["h"]
        # The box's middle, back on the page, in points from the top; a line's middle is
        # about a third of the font size above its baseline.
        middle = ((y + h / 2) / geometry.scale_y + geometry.offset_y) / ydpi * 72
        n = round((middle - TOP + size * 0.35) / pitch)
        if 0 <= n < len(lines) and abs(middle - (TOP + n * pitch - size * 0.35)) <= 0.45 * pitch:
            at_line.setdefault(n, []).append((x, y, w, h))
    kept = 0
    for n, boxes in at_line.items():
        if len(boxes) != 1:  # a line found in pieces: which piece holds which words is unknown
            continue
        x, y, w, h = boxes[0]
        api.SetRectangle(x, y, w, h)
        truth = " ".join(lines[n].split())
        if Levenshtein.normalized_distance(api.GetUTF8Text().strip(), truth) > MAX_DISTANCE:
            continue
        pad = 4
        line = prepared.crop((max(0, x - pad), max(0, y - pad),
                              min(prepared.width, x + w + pad), min(prepared.height, y + h + pad)))
        line.save(out / f"l{seed}_{n}.png", dpi=(geometry.dpi, geometry.dpi))
        (out / f"l{seed}_{n}.gt.txt").write_text(truth + "\n", encoding="utf-8")
        kept += 1
    return kept


def main() -> None:
    out, first, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    apis: dict[int, tesserocr.PyTessBaseAPI] = {}
    kept = sum(make_page_lines(out, seed, apis) for seed in range(first, first + count))
    print(f"{kept} lines from pages {first}-{first + count - 1}")


if __name__ == "__main__":
    main()
