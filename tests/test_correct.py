"""Word correction: a misread non-word becomes the one dictionary word that explains it, and
nothing else changes. The lexicon is read from the installed eng model."""

from __future__ import annotations

import re

import pytest

from ocr.correct import CORRECT_BELOW_CONFIDENCE, correct_word
from ocr.engine import OcrSetupError, find_tessdata
from ocr.lexicon import check_lexicon_programs, load_lexicon

LOW = 40.0  # a confidence tesseract gives its doubtful words


@pytest.fixture(scope="module")
def lexicon() -> frozenset[str]:
    return load_lexicon(["eng"], find_tessdata())


def test_lexicon_is_the_models_dictionary(lexicon: frozenset[str]) -> None:
    assert {"payment", "reference", "eligibility", "atorvastatin"} <= lexicon
    assert "paymant" not in lexicon
    assert len(lexicon) > 100_000
    assert all(len(word) >= 5 and word.islower() for word in list(lexicon)[:1000])


def test_a_model_without_a_dictionary_adds_no_words() -> None:
    # osd.traineddata (orientation and script) carries no LSTM word list.
    assert load_lexicon(["osd"], find_tessdata()) == frozenset()


@pytest.mark.parametrize(("read", "meant"), [
    ("paymant", "payment"),          # a for e
    ("Reterence", "Reference"),      # t for f, capital kept
    ("benelits,", "benefits,"),      # l for f, punctuation kept
    ("doournent", "document"),       # two confusions: o for c, rn for m
    ("CONTIDENTIAL.", "CONFIDENTIAL."),  # capitals kept
    ("McDonaid", "McDonald"),        # each letter's case kept
    ("(seryice)", "(service)"),
])
def test_misreadings_are_corrected(lexicon: frozenset[str], read: str, meant: str) -> None:
    assert correct_word(read, LOW, lexicon) == meant


@pytest.mark.parametrize("word", [
    "payment",        # a dictionary word
    "Szczepanski",    # a name the dictionary does not know and nothing explains
    "empagliflozin",  # nor a drug
    "Mensah",         # a name one confusion from a word ("mensch"), but s->c is not one
    "onginal",        # two words explain it ("original", "anginal"): left as read
    "Coust",          # five letters: too many words lie one confusion away
    "I25.10",         # a code
    "KX-4471-B",
    "555-410-2290",
    "$356.00",
    "Claims.",
])
def test_words_that_are_not_misreadings_are_kept(lexicon: frozenset[str], word: str) -> None:
    assert correct_word(word, LOW, lexicon) == word


def test_confident_words_are_trusted(lexicon: frozenset[str]) -> None:
    assert correct_word("paymant", CORRECT_BELOW_CONFIDENCE, lexicon) == "paymant"
    assert correct_word("paymant", CORRECT_BELOW_CONFIDENCE - 1, lexicon) == "payment"


def test_no_lexicon_no_correction() -> None:
    assert correct_word("paymant", LOW, frozenset()) == "paymant"


def test_missing_dictionary_program_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    message = ("combine_tessdata not found; install the Debian package tesseract-ocr, or set "
               "ocr.correct_words = false")
    with pytest.raises(OcrSetupError, match=re.escape(message)):
        check_lexicon_programs()
