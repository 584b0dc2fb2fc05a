"""The words tesseract knows: the word list inside each language's model, read out with the
two programs the Debian ``tesseract-ocr`` package ships for that (``combine_tessdata`` to take
the dictionary out of the ``.traineddata`` file, ``dawg2wordlist`` to spell it out).

Using the model's own dictionary keeps the lexicon in step with the configured languages and
brings no word list of our own to maintain: for ``eng`` it is about 145,000 words of five
letters or more, medical, legal and proper names included.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ocr.errors import OcrSetupError

PROGRAM_TIMEOUT_SECONDS = 60
# Only words that could be a correction are kept (see ocr/correct.py: it corrects words of
# six letters or more, and "rn" read for "m" makes a five-letter word six).
MIN_LEXICON_WORD = 5
PROGRAMS = ("combine_tessdata", "dawg2wordlist")


def _program(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise OcrSetupError(f"{name} not found; install the Debian package tesseract-ocr, "
                            "or set ocr.correct_words = false")
    return path


def check_lexicon_programs() -> None:
    """Fail, saying what to install, when the programs that read the dictionaries are
    missing."""
    for name in PROGRAMS:
        _program(name)


def _run(program: str, *args: str) -> str:
    """Run a tesseract tool; returns what it printed (they print to stderr)."""
    path = _program(program)
    try:
        done = subprocess.run([path, *args], check=True, capture_output=True, text=True,
                              errors="replace", timeout=PROGRAM_TIMEOUT_SECONDS)
        return done.stdout + done.stderr
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or exc.stdout or "").strip()
        raise OcrSetupError(f"{program} failed: {detail[-300:]}") from None
    except subprocess.TimeoutExpired:
        raise OcrSetupError(f"{program} took longer than {PROGRAM_TIMEOUT_SECONDS} s") from None


def _model_words(traineddata: Path, workdir: Path) -> list[str]:
    """The words of one model's LSTM dictionary; none when the model carries no dictionary."""
    # -d lists the model's components ("19:lstm-word-dawg:size=...", one a line); -e fails
    # on a component the model lacks (osd, legacy-only models have no LSTM dictionary).
    listed = _run("combine_tessdata", "-d", str(traineddata))
    components = {line.split(":")[1] for line in listed.splitlines() if line.count(":") >= 2}
    if not {"lstm-word-dawg", "lstm-unicharset"} <= components:
        return []
    dawg = workdir / f"{traineddata.stem}.lstm-word-dawg"
    charset = workdir / f"{traineddata.stem}.lstm-unicharset"
    _run("combine_tessdata", "-e", str(traineddata), str(dawg), str(charset))
    listing = workdir / f"{traineddata.stem}.words"
    _run("dawg2wordlist", str(charset), str(dawg), str(listing))
    return listing.read_text(encoding="utf-8", errors="replace").split()


def load_lexicon(languages: list[str], tessdata: str) -> frozenset[str]:
    """Lower-cased words of ``MIN_LEXICON_WORD`` ASCII letters or more from the dictionaries
    of ``languages`` (models in ``tessdata``)."""
    words: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="faxvault-lexicon-") as tmp:
        for language in languages:
            model = Path(tessdata) / f"{language}.traineddata"
            words.update(w.lower() for w in _model_words(model, Path(tmp))
                         if len(w) >= MIN_LEXICON_WORD and w.isascii() and w.isalpha())
    return frozenset(words)
