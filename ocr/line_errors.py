"""Line errors on a bilevel fax page, found and repaired before OCR (``normalize_fax_geometry``
runs ``repair_line_errors`` on every bilevel page).

Bands. A fax sent without error correction (ECM) loses a scan line to a burst of line noise:
the decoder loses step and fills the rest of the line, and of each 2-D coded line after it up
to the next 1-D one (every 2nd line at 98 lpi, every 4th at 196), with runs that are not the
page's, or with paper, or with the line's own runs moved sideways. Tesseract reads such a band
as a line of text ("- - fae: mim") or into the words it crosses, and spends up to three times
as long on the page. A band of one or two lines (four at 196 lpi) is known from where its
damage starts to the end of the line by two signs, each counted a column at a time: where the
lines above and below it are paper, it has ink in short runs, close together (a decoder out of
step makes many short runs; print there would join ink above or below; a noisy page's specks
are few and far apart), or one run to the end of the line (a run misread as a long one: no
print reaches the sheet's edge; a run from the line's first tenth on is a rule across the
sheet); where both have a narrow stroke, it breaks the stroke (a vertical stroke of a letter,
not the gap between two strokes across; nor the gap between i's dots and their stems, as tall
as a band in many fonts at 8-12 pt: see DOT_LINE_INK_SHARE). A stroke it carries on counts
against it. The band is the stretch to the end of the line where the signs outweigh the
strokes carried on by the most, and the smallest band that explains nearly as much wins. A run
misread through a line of print (a decoder out of step that swaps paper and ink) carries the
letters' strokes on, so no sign counts there: the band was found only from where the print
ends, and the letters kept a line struck through them ("Patient: Íñigo Echeverría", struck
from "Echeverría" on, read "itigo-Eebeveria-Satazar"). So the band's start then moves left
over the print as far as the band has ink in more than half of the columns where the lines
just above and below it are paper, or breaks their strokes (a band's height of print is mostly
what the lines around it are). It takes the lines above and below it, the upper half the line
above, as fax receivers regenerate a bad line; then the page is searched again, twice at most,
for bands next to those repaired (the 2-D lines of a burst can alternate between paper and a
long run; a deeper burst leaves damage the first repairs copied in). A few bursts leave too
few specks to make a page noisy, so clean pages are searched too. The search runs on the
page's rows packed 64 pixels to a word. On development sets it reads pages with line errors
far better; on sets held out from it, better than the margin search it replaced at both
resolutions on L and M, 204x196 pages better and 204x98 pages about as well on K, and 204x98
pages a little worse on G's bursts (benchmarks/RESULTS.md, "Line errors found in the whole
line", "Held-out set J", "Runs to the sheet's edge", "Lines printed again", "Held-out set L"
and "Held-out set M"; the start in print: "Line errors through print" and "Held-out set U").

Lines printed again. A receiver that checks copy quality prints the last good line again in
place of a bad one, and of each 2-D line after it up to the next 1-D one: three lines or
more the same to the pixel (the last good line and its repeats), where the page had print
changing from line to line. The line after the repeats is the next good one, so their lower
half takes it (their upper half already is the last good line). Paper and rules repeat line
after line, so repeats count only where their line crosses print in many runs of ink, and
for less than a tenth of an inch (a bar code's bars are the same line for longer); a scan
finer than a fax's fine resolution repeats lines of print of itself, and a page whose lines
all come in pairs (a standard resolution fax stored at fine) repeats every line, and such
pages are left alone. Of 2,430 clean pages of every set, one has such repeats, a certificate
in AvantGarde at 204x196 (benchmarks/RESULTS.md, "Lines printed again" and "A page-by-page
reading of set J").
"""

from __future__ import annotations

import numpy as np

from ocr.bitrows import dense, in_long_runs, moved, packed_rows, unpacked, widened

# Line errors (see the note above). A band spans at most LINE_ERROR_ROWS_PER_98_LPI lines per 98 lpi
# (a burst's lines down to the next 1-D line); it is damaged when its signs outweigh the
# strokes it carries on by LINE_ERROR_SCORE columns per 204 dpi. Its ink counts where no ink
# is within LINE_ERROR_PAPER_COLUMNS columns (per 204 dpi) in the LINE_ERROR_PAPER_ROWS lines
# (per 98 lpi) above it and below it, in runs of at most LINE_ERROR_SHORT_RUN pixels (per 204
# dpi: a rule or a bar is no decoder's garbage; but a run that ends within
# LINE_ERROR_PAPER_COLUMNS of the line's end is one) and with LINE_ERROR_DENSE_INK such pixels
# within LINE_ERROR_DENSE_SPAN columns either way (per 204 dpi: a decoder's garbage is dense,
# a noisy page's leftover specks are not); a stroke through it counts where the lines above
# and below have ink in runs of at most LINE_ERROR_STROKE pixels. A band inside another
# is taken for it when it scores LINE_ERROR_INNER_SHARE of the other's. Chosen on tuning
# pages with tests/ocr_line_errors.py's line errors and on set H (benchmarks/RESULTS.md, "Line
# errors" and "Line errors found in the whole line"). The search runs again on the repaired
# page, for bands next to those repaired (not taken with them), LINE_ERROR_PASSES searches in
# all at most; a band elsewhere found then is print whose neighbourhood a repair made paper.
# A third search: a burst deeper than a band and the band next to it (packet loss on a VoIP
# call, at 196 lpi) has damaged lines around the first two repairs, and those repairs copied
# them in; two searches left more damage than the burst had (tests), a third takes it out
# (benchmarks/RESULTS.md, "A third search").
LINE_ERROR_ROWS_PER_98_LPI = 2
LINE_ERROR_SCORE = 16
LINE_ERROR_PAPER_COLUMNS = 8
LINE_ERROR_PAPER_ROWS = 4
LINE_ERROR_SHORT_RUN = 12
LINE_ERROR_DENSE_SPAN = 32
LINE_ERROR_DENSE_INK = 6
LINE_ERROR_STROKE = 4
LINE_ERROR_INNER_SHARE = 0.8
LINE_ERROR_PASSES = 3
# Lines repeated (see the note above): REPEATED_LINES identical lines or more, but fewer than
# REPEATED_LINES_MOST_INCHES of them (a bar code's bars are the same line for longer),
# crossing print (each in REPEATED_LINE_RUNS runs of ink or more: paper and rules repeat
# line after line), at a fax's resolutions (up to MAX_REPEATED_LINE_LPI: a finer scan
# repeats lines of print of itself). Chosen on set J (development); of 2,430 clean pages of
# every set, one has such a group.
REPEATED_LINES = 3
REPEATED_LINES_MOST_INCHES = 0.1
REPEATED_LINE_RUNS = 20
MAX_REPEATED_LINE_LPI = 200
# A page with more than PAIRED_LINES_SHARE of its lines with print the same as the line
# before has its lines in pairs: a standard resolution fax stored at fine (half of them),
# not a receiver's repeats (a few percent of a page's lines).
PAIRED_LINES_SHARE = 0.4
# Where the damage starts in print (see the note above): the start moves left to the column
# from which, by the most, the band's ink where the lines just above and below it are both
# paper, and the strokes of theirs it breaks, outnumber its paper where theirs is, weighed
# PRINT_PAPER_COST (1: ink in more than half of those columns), if by PRINT_DAMAGE_COLUMNS
# columns per 204 dpi or more. It replaced a first rule, read once on held-out set U, that
# counted any difference where the lines around agree (0.5 a column that agreed), which
# moved the start into the tops of Courier's capitals, whose slab serifs are ink over paper,
# and cut them. Chosen on the non-ECM pages of the development sets: H and J-T on seed 3,
# CER 7.36 -> 7.37% at 204x98 and 4.71 -> 4.69% at 204x196 against the first rule (no start
# moved: 7.49% and 4.86%); R, S and T on seed 4, 5.92 -> 5.91% and 3.09 -> 2.88%
# (benchmarks/RESULTS.md, "Line errors through print" and "The start in print, a second
# rule"). None of 208 clean pages changed with either.
PRINT_PAPER_COST = 1.0
PRINT_DAMAGE_COLUMNS = 8
# A run to the end of the line that starts in the first RULE_START_SHARE of it runs across
# the sheet: a rule, not a run misread.
RULE_START_SHARE = 0.1
# A line with less than DOT_LINE_INK_SHARE of the ink of the fullest of the lines just below
# it (LINE_ERROR_PAPER_ROWS per 98 lpi) is above a line of print's x-height: its narrow ink,
# up to a band's height (LINE_ERROR_ROWS_PER_98_LPI) with paper around above it, can be i's
# dots. The gap under them is no broken stroke where the band there is print: it carries
# strokes on (ascenders), and all its ink goes on above or below it. A line error leaves ink
# of its own (garbage, runs moved) or carries nothing on (a line gone white), and the stumps
# of ascenders it cut short, as short as dots at 98 lpi, stay broken strokes. Clean pages
# found with a band had it in that gap (set L's hospice election, Times 10 pt, at both
# resolutions; a line with many i's, in 10 of 80 fonts, sizes and resolutions:
# benchmarks/RESULTS.md, "i's dots"). A quarter left Times 10 pt's dots where a line has
# many ascenders.
DOT_LINE_INK_SHARE = 0.4

def _suffix_scores(score: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each row of ``score``, the best sum over its columns from one on to the end of the
    row, and that column."""
    suffix = np.cumsum(score[:, ::-1], axis=1, dtype=np.int32)[:, ::-1]
    at = suffix.argmax(axis=1)
    return suffix[np.arange(len(at)), at], at


def _runs_to_the_end(ink: np.ndarray, within: int) -> tuple[np.ndarray, np.ndarray]:
    """The lines of ``ink`` whose last ink is within ``within`` columns of the line's end,
    and the ink of that last run in each of them: a decoder that lost step reads a long run
    to (nearly) the end of the line, where no print reaches. A run from the line's first
    tenth on (RULE_START_SHARE) is a rule across the sheet, and left out."""
    if not ink.shape[1]:
        return np.zeros(0, np.intp), np.zeros((0, 0), bool)
    rows = np.flatnonzero(ink[:, -within:].any(axis=1))
    lines = ink[rows]
    columns = np.arange(ink.shape[1])
    ends = ink.shape[1] - np.argmax(lines[:, ::-1], axis=1)  # after each line's last ink
    paper = ~lines & (columns < ends[:, None])  # bools: a whole page of rows costs little
    starts = np.where(paper.any(axis=1), ink.shape[1] - np.argmax(paper[:, ::-1], axis=1), 0)
    misread = starts >= RULE_START_SHARE * ink.shape[1]  # else a rule across the sheet
    return rows[misread], ((columns >= starts[:, None]) & (columns < ends[:, None]))[misread]


def _dot_feet(packed: np.ndarray, lines: np.ndarray, tallest: int,
              stroke: int) -> np.ndarray:
    """For each of ``lines`` (indices into the packed rows ``packed``), the columns where its
    ink is a dot's foot: ink in runs of at most ``stroke`` pixels in the line and in each
    line above it up to the dot's top, then paper within ``stroke`` columns, at most
    ``tallest`` lines up; with the rest of the foot's narrow ink within ``stroke`` columns (a
    round dot's top stands over its middle only). Only the lines asked for are looked at:
    few lines need it, and a page's worth costs 2 ms."""
    up = lines[:, None] - np.arange(tallest + 1)  # each line, then the lines above it
    window = packed[np.maximum(up, 0)]
    flat = window.reshape(-1, packed.shape[1])
    narrow = (flat & ~in_long_runs(flat, stroke)).reshape(window.shape)
    paper_near = (~widened(flat, stroke)).reshape(window.shape)
    narrow[up < 0] = 0  # above the page: paper
    paper_near[up < 0] = ~np.uint64(0)
    column = narrow[:, 0].copy()  # narrow ink from the line up so far
    feet = np.zeros_like(column)
    for k in range(1, tallest + 1):
        feet |= column & paper_near[:, k]
        column &= narrow[:, k]
    return widened(feet, stroke) & narrow[:, 0]


def _damage_start(ink: np.ndarray, first: int, rows: int, start: int, xdpi: float) -> int:
    """The column where the damage of the band of ``rows`` lines from ``first``, found from
    ``start`` on, starts in the print before it (see PRINT_PAPER_COST): ``start`` unless
    the band has ink there where the lines around it have paper, or breaks their strokes."""
    if start == 0:
        return 0
    above, below = ink[first - 1, :start], ink[first + rows, :start]
    band = ink[first:first + rows, :start]
    paper_around, stroke_through = ~above & ~below, above & below
    score = np.where(paper_around, np.where(band.any(axis=0), 1.0, -PRINT_PAPER_COST), 0.0)
    score += stroke_through & ~band.all(axis=0)  # a stroke broken
    gain = np.cumsum(score[::-1])  # gain[k]: over the k + 1 columns before start
    most = int(gain.argmax())
    return start - 1 - most if gain[most] >= PRINT_DAMAGE_COLUMNS * xdpi / 204 else start


def line_error_bands(ink: np.ndarray, xdpi: float,
                     ydpi: float) -> list[tuple[int, int, int]]:
    """Bands of scan lines damaged by a line error (see above), each as (first row, rows,
    first column damaged)."""
    height, width = ink.shape
    most_rows = max(1, round(LINE_ERROR_ROWS_PER_98_LPI * ydpi / 98))
    if height < most_rows + 2:
        return []
    threshold = LINE_ERROR_SCORE * xdpi / 204
    across = max(1, round(LINE_ERROR_PAPER_COLUMNS * xdpi / 204))
    reach = max(1, round(LINE_ERROR_PAPER_ROWS * ydpi / 98))
    stroke = max(1, round(LINE_ERROR_STROKE * xdpi / 204))
    dense_span = max(1, round(LINE_ERROR_DENSE_SPAN * xdpi / 204))
    dense_ink = max(1, round(LINE_ERROR_DENSE_INK * xdpi / 204))
    packed = packed_rows(ink)
    short = packed & ~in_long_runs(packed, max(1, round(LINE_ERROR_SHORT_RUN * xdpi / 204)))
    rows_to_the_end, runs_to_the_end = _runs_to_the_end(ink, across)
    short[rows_to_the_end] |= packed_rows(runs_to_the_end)
    near = widened(packed, across)
    ink_per_line = np.bitwise_count(packed).sum(axis=1, dtype=np.int32)
    ink_per_line = np.concatenate((ink_per_line, np.zeros(reach, np.int32)))  # past the end
    # Ink near, in the lines just above (up) or just below (down) each line.
    up, down = np.zeros_like(near), np.zeros_like(near)
    for k in range(1, reach + 1):
        up[k:] |= near[:-k]
        down[:-k] |= near[k:]
    candidates: dict[tuple[int, int], tuple[int, int]] = {}  # (first, rows): (score, column)
    band = packed[1:height - 1]  # band[i]: ink in lines 1 + i ... i + rows
    band_short = short[1:height - 1]
    for rows in range(1, most_rows + 1):
        if rows > 1:
            band = band[:-1] | packed[rows:height - 1]
            band_short = band_short[:-1] | short[rows:height - 1]
        n = band.shape[0]
        strokes = packed[:n] & packed[1 + rows:1 + rows + n]  # ink above and below
        strokes &= ~in_long_runs(strokes, stroke)
        carried = widened(band, 1)
        broken = strokes & ~carried
        paper_ink = band_short & ~up[1:1 + n] & ~down[rows:rows + n]
        # Most lines cannot reach the threshold even counting every sign: skip them.
        hopeful = np.flatnonzero(
            np.bitwise_count(broken | paper_ink).sum(axis=1, dtype=np.int32) >= threshold)
        if not len(hopeful):
            continue
        carried_on = unpacked(strokes[hopeful] & carried[hopeful], width)
        score = unpacked(broken[hopeful], width).astype(np.int16) + \
            dense(unpacked(paper_ink[hopeful], width), dense_span, dense_ink) - carried_on
        # Dots above the band (see DOT_LINE_INK_SHARE): the gap under them breaks no stroke
        # where the band carries strokes on and has no ink of its own.
        fullest_below = np.max([ink_per_line[hopeful + 1 + rows + k] for k in range(reach)],
                               axis=0)
        dotted = ink_per_line[hopeful] < DOT_LINE_INK_SHARE * fullest_below
        if dotted.any():
            _, start = _suffix_scores(score)
            after = np.arange(width) >= start[:, None]
            held = widened(packed[hopeful] | packed[hopeful + 1 + rows], max(1, stroke // 2))
            own = (unpacked(band[hopeful] & ~held, width) & after).sum(axis=1)
            gap = np.flatnonzero(dotted & ((carried_on & after).sum(axis=1) > 0) & (own == 0))
            if len(gap):
                feet = _dot_feet(packed, hopeful[gap], most_rows, stroke)
                score[gap] -= unpacked(broken[hopeful[gap]] & feet, width) & after[gap]
        for i, best, column in zip(hopeful, *_suffix_scores(score), strict=True):
            if best >= threshold:
                candidates[(int(i) + 1, rows)] = (int(best), int(column))
    taken = np.zeros(height, bool)
    bands = []
    for (first, rows), (score, column) in sorted(candidates.items(), key=lambda c: -c[1][0]):
        # A band inside this one that explains nearly as much is the damage; the rest of
        # this one is a line around it.
        inner = [(n, -candidates[(f, n)][0], f) for n in range(1, rows)
                 for f in range(first, first + rows - n + 1)
                 if candidates.get((f, n), (0, 0))[0] >= LINE_ERROR_INNER_SHARE * score]
        if inner:
            rows, _, first = min(inner)
            column = candidates[(first, rows)][1]
        if not taken[first - 1:first + rows + 1].any():
            taken[first:first + rows] = True
            bands.append((first, rows, _damage_start(ink, first, rows, column, xdpi)))
    return bands


def repeated_line_groups(ink: np.ndarray, ydpi: float) -> list[tuple[int, int]]:
    """Groups of lines a receiver printed again in place of bad ones (see above), each as
    (first repeat, repeats); the line before a group is the one repeated. None on a page
    whose lines with print come in pairs (PAIRED_LINES_SHARE)."""
    height = ink.shape[0]
    if ydpi > MAX_REPEATED_LINE_LPI or height < REPEATED_LINES + 1:
        return []
    packed = packed_rows(ink)
    same = (packed[1:] == packed[:-1]).all(axis=1)  # line i + 1 is line i
    printed = packed[1:].any(axis=1)
    if printed.any() and same[printed].mean() > PAIRED_LINES_SHARE:
        return []  # a standard resolution page stored at fine: every line twice
    same = np.flatnonzero(same)
    groups = []
    for run in np.split(same, np.flatnonzero(np.diff(same) != 1) + 1):
        identical = len(run) + 1  # the line repeated and its repeats
        if not REPEATED_LINES <= identical < REPEATED_LINES_MOST_INCHES * ydpi \
                or run[-1] + 2 >= height:
            continue
        line = packed[run[0]:run[0] + 1]
        if np.bitwise_count(line & ~moved(line, 1)).sum() >= REPEATED_LINE_RUNS:
            groups.append((int(run[0]) + 1, len(run)))
    return groups


def repair_line_errors(ink: np.ndarray, xdpi: float, ydpi: float) -> int:
    """Repair, in place, the line errors of ``ink``. First, groups of lines repeated in
    place of bad ones (``repeated_line_groups``) take the line after them in their lower
    half. Then the line-error bands (``line_error_bands``), from where each band's damage
    starts to the end of its lines: its upper half takes the line above it, its lower half
    the line below; the page is searched again for bands next to those repaired,
    LINE_ERROR_PASSES times in all at most. Returns the number of groups and bands."""
    groups = repeated_line_groups(ink, ydpi)
    for first, rows in groups:
        ink[first + (rows + 1) // 2:first + rows] = ink[first + rows]
    found = len(groups)
    repaired = np.zeros(ink.shape[0], bool)  # the lines the searches repaired
    for search in range(LINE_ERROR_PASSES):
        bands = line_error_bands(ink, xdpi, ydpi)
        if search:
            # Only a band next to one repaired: elsewhere a band found now is print whose
            # neighbourhood a repair made paper.
            bands = [(first, rows, start) for first, rows, start in bands
                     if repaired[max(0, first - 1):first + rows + 1].any()]
        for first, rows, start in bands:
            repaired[first:first + rows] = True
            above, below = ink[first - 1, start:].copy(), ink[first + rows, start:].copy()
            for i in range(rows):
                ink[first + i, start:] = above if i < (rows + 1) // 2 else below
        found += len(bands)
        if not bands:
            break
    return found
