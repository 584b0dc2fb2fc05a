"""Reading a dropped TIFF's tags: the bounded first-IFD reader the hot folder uses against
Pillow's full tag dictionary (what it used before), side by side in one run, on a HylaFAX-
tagged fax page and on a "tag bomb" (the same page plus one tag of two million rationals).

    python benchmarks/tiff_tags.py [--values 2000000] [--repeat 200]

Prints seconds and peak traced Python memory per read, and the ratios.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image, TiffImagePlugin

from ingest.faxserver import read_tiff_tags
from tests.tiff_bomb import write_bomb


def pillow_tags(path: Path) -> dict:
    """The previous reader: every tag of the first IFD, unpacked."""
    with Image.open(path) as image:
        return dict(image.tag_v2)


def fax_page(path: Path) -> Path:
    image = Image.new("1", (1728, 1100), 1)
    info = TiffImagePlugin.ImageFileDirectory_v2()
    info[270] = "ACME MEDICAL\nNumber\t+1 555 201 4477"
    info[305] = "HylaFAX (tm) Version 7.0.7"
    info[306] = "2026:11:20 09:15:00"
    image.save(path, format="TIFF", compression="group4", tiffinfo=info, dpi=(204, 98))
    return path


def measure(read: Callable[[Path], dict], path: Path, repeat: int) -> tuple[float, int]:
    started = time.perf_counter()
    for _ in range(repeat):
        read(path)
    seconds = (time.perf_counter() - started) / repeat
    tracemalloc.start()
    read(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", type=int, default=2_000_000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        page = fax_page(Path(tmp) / "page.tif")
        bomb = write_bomb(page, Path(tmp) / "bomb.tif", args.values)
        print(f"bomb: {bomb.stat().st_size / 1e6:.1f} MB, {args.values} rationals in one tag")
        for name, path, repeat in (("fax page", page, args.repeat), ("tag bomb", bomb, 1)):
            pillow = measure(pillow_tags, path, repeat)
            bounded = measure(read_tiff_tags, path, max(repeat, 20))
            print(f"{name}: Pillow {pillow[0] * 1e3:.2f} ms {pillow[1] / 1e6:.2f} MB | "
                  f"bounded {bounded[0] * 1e3:.3f} ms {bounded[1] / 1e6:.3f} MB | "
                  f"time {pillow[0] / bounded[0]:.0f}x, memory "
                  f"{pillow[1] / max(bounded[1], 1):.0f}x less")


if __name__ == "__main__":
    main()
