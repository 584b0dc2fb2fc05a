"""Line errors of a fax received without error correction (ECM), put on a bilevel page: a
model for ocr/line_errors.py's line-error repair, written from how T.4 coding fails, apart from
tests/ocr_layouts_g.py's "burst" model (which was not read for it).

T.4 codes a page line by line, with a 1-D coded line every K lines (K = 2 at 98 lpi, 4 at
196 lpi) and 2-D coded lines, each relative to the line above, between them. A burst of line
noise corrupts a line from some point on; the decoder loses step there, and what it puts in
the rest of the line is not the page's:

- ``white``: the rest of the line is paper (the decoder gave up and filled it);
- ``shift``: the rest of the line's runs, shifted sideways (a run length misread);
- ``garbage``: runs decoded from the wrong bits (short black runs among longer white ones);
- ``run``: one black run to the end of the line (a run length misread as a long one);
- ``repeat``: the whole line is the last good line again (a receiver that checks copy
  quality prints it in place of a bad line).

Each 2-D line after it, up to the next 1-D line, is coded against the damaged line and
repeats the damage (here: the same, with a few pixels flipped; after a ``run``, each such
line either the same black run or, where the decoder gave up on it, paper; after a
``repeat``, the last good line again).
"""

from __future__ import annotations

import numpy as np

KINDS = ("white", "shift", "garbage", "garbage")  # garbage twice as often


def _garbage(width: int, rng: np.random.Generator) -> np.ndarray:
    runs = np.zeros(width, bool)
    x, black = 0, False
    while x < width:
        length = int(rng.geometric(1 / 4 if black else 1 / 25))
        runs[x:x + length] = black
        x += length
        black = not black
    return runs


def with_line_errors(ink: np.ndarray, ydpi: float, rng: np.random.Generator,
                     rate: float, kinds: tuple[str, ...] = KINDS) -> np.ndarray:
    """A copy of ``ink`` (True = ink) with line errors of ``kinds`` starting on a share
    ``rate`` of its lines."""
    height, width = ink.shape
    k = 2 if ydpi < 150 else 4
    out = ink.copy()
    row = 0
    while row < height:
        if rng.random() >= rate:
            row += 1
            continue
        start = int(rng.integers(0, width))
        kind = rng.choice(kinds)
        end = row + 1
        while end < height and end % k:
            end += 1
        shift = int(rng.integers(-40, 41))
        garbage = _garbage(width - start, rng) if kind == "garbage" else None
        for damaged in range(row, end):
            if kind == "white":
                out[damaged, start:] = False
            elif kind == "shift":
                out[damaged, start:] = np.roll(ink[damaged, start:], shift)
            elif kind == "repeat":
                out[damaged] = out[row - 1] if row else False
            elif kind == "run":
                out[damaged, start:] = damaged == row or bool(rng.random() < 0.5)
            elif damaged == row:
                out[damaged, start:] = garbage
            else:
                out[damaged, start:] = garbage ^ (rng.random(width - start) < 0.05)
        row = end
    return out
