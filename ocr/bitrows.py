"""Bilevel rows packed 64 pixels to a word, and what the line-error search does with them:
move them sideways, widen their ink, find its long runs. Whole-page passes over packed rows
cost an eighth of passes over one byte a pixel; the few rows that need a column-by-column
look are unpacked."""

from __future__ import annotations

import numpy as np


def packed_rows(ink: np.ndarray) -> np.ndarray:
    """``ink``'s rows packed 64 pixels to a word: column x is bit x % 64 of word x // 64."""
    height, width = ink.shape
    padded = np.zeros((height, -(-width // 64) * 64), bool)
    padded[:, :width] = ink
    return np.packbits(padded, axis=1, bitorder="little").view("<u8")


def unpacked(words: np.ndarray, width: int) -> np.ndarray:
    """Packed rows back to one bool a pixel, ``width`` pixels a row."""
    return np.unpackbits(words.view(np.uint8), axis=1, bitorder="little")[:, :width].astype(bool)


def moved(words: np.ndarray, by: int) -> np.ndarray:
    """Packed rows moved ``by`` columns: to higher columns if positive, lower if negative;
    what moves off a row is gone, paper moves in."""
    whole, bits = divmod(abs(by), 64)
    out = np.zeros_like(words)
    count = words.shape[1] - whole
    if count <= 0:
        return out
    if by > 0:
        out[:, whole:] = words[:, :count] << np.uint64(bits)
        if bits:
            out[:, whole + 1:] |= words[:, :count - 1] >> np.uint64(64 - bits)
    else:
        out[:, :count] = words[:, whole:] >> np.uint64(bits)
        if bits:
            out[:, :count - 1] |= words[:, whole + 1:] << np.uint64(64 - bits)
    return out


def widened(words: np.ndarray, by: int) -> np.ndarray:
    """Packed rows with their ink spread ``by`` columns either way."""
    out, done = words, 0
    while done < by:
        step = min(done + 1, by - done)  # doubling: 1, 2, 4, ... columns at a time
        out = out | moved(out, step) | moved(out, -step)
        done += step
    return out


def in_long_runs(words: np.ndarray, longest_short: int) -> np.ndarray:
    """The packed ink that is in runs across of more than ``longest_short`` pixels."""
    # Where a long run starts (ink here and in the next longest_short columns), then spread
    # over the run: each by doubling, a window of 2^k columns made from two of 2^(k-1).
    span = longest_short + 1
    starts, covered = words, 1
    while 2 * covered <= span:
        starts = starts & moved(starts, -covered)
        covered *= 2
    if covered < span:
        starts = starts & moved(starts, covered - span)
    out, covered = starts, 1
    while 2 * covered <= span:
        out = out | moved(out, covered)
        covered *= 2
    if covered < span:
        out = out | moved(out, span - covered)
    return out


def dense(ink: np.ndarray, span: int, least: int) -> np.ndarray:
    """Of unpacked rows ``ink``, the ink with at least ``least`` pixels of it within ``span``
    columns either way."""
    height, width = ink.shape
    sums = np.zeros((height, width + 2 * span + 1), np.int32)
    np.cumsum(ink, axis=1, out=sums[:, span + 1:width + span + 1])
    sums[:, width + span + 1:] = sums[:, width + span:width + span + 1]
    return ink & (sums[:, 2 * span + 1:] - sums[:, :width] >= least)
