"""Box files for line images: ``box_files.py LINE.png ...`` writes LINE.box beside each, every
letter of LINE.gt.txt boxed as the whole line (tesseract's LSTM training learns where each
letter is; tesstrain's generate_line_box.py does the same)."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from PIL import Image


def box_file(png: Path) -> str:
    text = unicodedata.normalize("NFC", png.with_suffix(".gt.txt").read_text("utf-8").strip())
    with Image.open(png) as image:
        width, height = image.size
    rows = [f"{char} 0 0 {width} {height} 0" for char in text]
    rows.append(f"\t {width} {height} {width + 1} {height + 1} 0")  # end of the line
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    for name in sys.argv[1:]:
        png = Path(name)
        png.with_suffix(".box").write_text(box_file(png), encoding="utf-8")
