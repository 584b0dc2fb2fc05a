"""Accuracy floors on a small subset of the OCR corpus, so a regression fails CI. The full
measurement is benchmarks/ocr_quality.py (figures in benchmarks/RESULTS.md)."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image, ImageOps

from ingest.local import ingest_file
from ingest.pipeline import open_services
from ingest.worker import worker_loop
from ocr import PageText, make_engine, recognize_page_image
from ocr import turned as turn
from ocr.correct import capital_i_reading, code_readings, joined_code
from ocr.engine import ReadWord, Word, alternative_spellings, page_text
from ocr.normalize import normalize_fax_geometry
from ocr.rereads import add_unprepared_readings
from storage.search import SearchFilters, search_pages
from tests.cliutil import run_cli
from tests.conftest import make_config, write_config
from tests.faxgen import render_fax
from tests.ocr_corpus import DOCS, HELD_OUT_DOCS, error_rates, make_page, tokens_found
from tests.ocr_layouts import REPORT_LAYOUTS, TUNING_LAYOUTS, make_layout_page
from tests.ocr_names import (
    HELDOUT_2_LOCALES,
    HELDOUT_6_LOCALES,
    HELDOUT_7_LOCALES,
    HELDOUT_8_LOCALES,
    HELDOUT_9_LOCALES,
    HELDOUT_10_LOCALES,
    HELDOUT_14_LOCALES,
    REPORT_LOCALES,
    TUNING_LOCALES,
    make_askew_form_page,
    make_form_page,
    referral_forms,
    words_of,
)

REFERRAL = next(d for d in DOCS if d.name == "referral")
SMALL_PRINT = next(d for d in DOCS if d.name == "smallprint")


@pytest.fixture(scope="module")
def engine(fax_model_dirs):
    """The engine as the pipeline runs it by default (word correction on, the fax model for
    damaged pages)."""
    tessdata, damaged = fax_model_dirs
    return make_engine("tesserocr", ["eng"], tessdata, correct_words=True,
                       damaged_tessdata=damaged)


def read_page(engine, path: Path) -> PageText:
    with Image.open(path) as image:
        image.load()
        xdpi, ydpi = (float(v) for v in image.info["dpi"])
        return recognize_page_image(image, xdpi, ydpi, engine=engine)


def read(engine, path: Path) -> str:
    return read_page(engine, path).text


TABLE = next(d for d in DOCS if d.name == "table")


# Floors set a little above today's measurement (benchmarks/RESULTS.md), on the corpus the
# preparation was tuned on. The text is what the engine read (corrections are only added as
# searchable forms), so small print at 204x98 is no longer mended in the text (3% -> 4.7%).
@pytest.mark.parametrize(("doc", "resolution", "condition", "max_cer", "min_tokens"), [
    (REFERRAL, "204x98", "clean", 0.012, 7),
    (REFERRAL, "204x98", "degraded", 0.025, 7),
    (REFERRAL, "204x196", "degraded", 0.015, 7),
    (SMALL_PRINT, "204x196", "clean", 0.01, 6),
    (SMALL_PRINT, "204x98", "degraded", 0.05, 6),
    # 2.25% before noisy pages' smoothed strokes were darkened, 3.6% after ("mmol/L" read
    # "mmoVL"), though the corpus's degraded 204x98 pages read better on the whole (mean
    # 1.81% -> 1.59%, seeds 13-14).
    (TABLE, "204x98", "degraded", 0.04, 6),
])
def test_accuracy_floor(engine, tmp_path: Path, doc, resolution: str, condition: str,
                        max_cer: float, min_tokens: int) -> None:
    page = read_page(engine, make_page(tmp_path, doc, resolution, condition))
    cer, _ = error_rates("\n".join(doc.lines), page.text)
    assert cer <= max_cer, f"CER {cer:.2%}"
    # Key tokens in what is indexed: the reading and its added forms.
    assert tokens_found(page.text + " " + " ".join(page.added_forms),
                        doc.key_tokens) >= min_tokens


def test_squaring_beats_reading_the_page_as_received(engine, tmp_path: Path) -> None:
    path = make_page(tmp_path, REFERRAL, "204x98", "degraded")
    with Image.open(path) as image:
        image.load()
        as_received = engine.recognize(image.convert("L"), 204).text
    truth = "\n".join(REFERRAL.lines)
    assert error_rates(truth, read(engine, path))[0] < error_rates(truth, as_received)[0]


@pytest.mark.parametrize("degrees", [180, 90, 270])
def test_turned_degraded_page_reads_as_well_as_upright(engine, tmp_path: Path,
                                                       degrees: int) -> None:
    upright = make_page(tmp_path, REFERRAL, "204x98", "degraded")
    turned = tmp_path / f"turned{degrees}.tif"
    with Image.open(upright) as image:
        page, xdpi, ydpi = turn(image, *image.info["dpi"], degrees)
        page.save(turned, format="TIFF", compression="group4", dpi=(xdpi, ydpi))
    truth = "\n".join(REFERRAL.lines)
    upright_cer = error_rates(truth, read(engine, upright))[0]
    turned_cer = error_rates(truth, read(engine, turned))[0]
    assert turned_cer <= upright_cer + 0.005, (turned_cer, upright_cer)


def test_word_correction_adds_forms_and_changes_no_reading(tmp_path: Path) -> None:
    """On texts other than the corpus: corrections are added as searchable forms, mend
    misreadings, and the page text stays what the engine read. (Read with the installed
    model, ocr.fax_model = false: the fax model misreads too few of these words to show it.)"""
    as_read = make_engine("tesserocr", ["eng"])
    engine = make_engine("tesserocr", ["eng"], correct_words=True)
    added: list[str] = []
    for doc in HELD_OUT_DOCS:
        path = make_page(tmp_path, doc, "204x98", "degraded")
        raw, corrected = read_page(as_read, path), read_page(engine, path)
        assert corrected.text == raw.text
        assert [w.text for w in corrected.words] == [w.text for w in raw.words]
        added += corrected.added_forms
    truth = {w.strip(".,:;()") for doc in HELD_OUT_DOCS for line in doc.lines
             for w in line.split()}
    assert len([form for form in added if form in truth]) >= 5, added


def ingest_and_wait(services, paths: list[Path]) -> list[str]:
    ids = [ingest_file(services, path).fax_id for path in paths]
    asyncio.run(worker_loop(services, asyncio.Event(), fax_ids=ids, until_idle=True))
    return ids


def found_by_search(services, fax_id: str, query: str) -> bool:
    return fax_id in {hit["fax_id"] for hit in search_pages(services.catalog, query,
                                                            SearchFilters(), limit=100)}


def test_pipeline_keeps_the_reading_and_indexes_corrections_beside_it(tmp_path: Path) -> None:
    # Read with the installed model (ocr.fax_model = false): the fax model reads these words
    # right, and a correction is shown on a word misread.
    path = make_page(tmp_path, SMALL_PRINT, "204x98", "degraded")
    plain = open_services(make_config(tmp_path / "plain", ocr={
        "workers": 1, "correct_words": False, "fax_model": False}))
    try:
        as_read = asyncio.run(plain.pool.recognize(path, 204, 98))
    finally:
        plain.close()
    services = open_services(make_config(tmp_path / "var", ocr={"workers": 1,
                                                                "fax_model": False}))
    try:
        [fax_id] = ingest_and_wait(services, [path])
        [page] = services.catalog.pages(fax_id)
        assert "benelits" in as_read.text and "benefits" not in as_read.text
        assert "benelits" in page["text"]  # what the engine read stays the text
        assert "assignmont" in page["text"] and "assignment" not in page["text"]
        # ("eligibility", read "atigibility" and corrected here before, is read right since
        # noisy pages' smoothed strokes are darkened.)
        assert {"benefits", "assignment"} <= set(page["added_forms"].split())
        exact = SearchFilters(fuzzy=False)
        for word in ("benelits", "benefits", "assignmont", "assignment"):
            assert fax_id in {h["fax_id"] for h in search_pages(services.catalog, word, exact)}
    finally:
        services.close()


def test_a_name_read_right_is_not_corrected_away(tmp_path: Path) -> None:
    """A clean 14 pt fax: tesseract reads "Quillon Brastow" right; the text, the PDF's
    text layer and `faxvault search` keep it (a correction to "Quillen Breslow" was once put
    in its place)."""
    fax = render_fax(tmp_path / "referral.tif", [["Patient: Quillon Brastow",
                                                   "Referred by Dr. Amadou Keita"]],
                     device="tiffg3", font_size=14)
    config = write_config(tmp_path / "faxvault.toml", tmp_path / "var")
    [fax_id] = [line.split()[0] for line in
                run_cli(config, "ingest", str(fax), "--wait").out.split("\n") if line.strip()]
    hits = run_cli(config, "search", "Brastow", "--json").json()
    assert [hit["fax_id"] for hit in hits] == [fax_id]
    shown = run_cli(config, "show", fax_id, "--text", "--json").json()
    assert "Patient: Quillon Brastow" in shown["pages_detail"][0]["text"]
    # The dictionary's guess is kept too, as an added searchable form, not as the text.
    assert "Breslow" in shown["pages_detail"][0]["added_forms"].split()
    human = run_cli(config, "show", fax_id, "--text").out
    assert "Patient: Quillon Brastow" in human and "also searchable as:" in human
    out = tmp_path / "fax.pdf"
    run_cli(config, "get", fax_id, "-o", str(out))
    layer = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                           check=True, timeout=60).stdout
    assert "Quillon Brastow" in layer


# A few report referral forms (names, streets, cities, record numbers from many locales;
# benchmarks/ocr_quality.py --set names reads 30). The seventh has a record number,
# JS8857759, that plain tesseract reads and the prepared page read J88857759 until its rows
# were smoothed: only the near choices of its reread kept it then (ocr/engine.py,
# alternative_spellings). The page reads it as printed now.
NAME_FORMS = referral_forms(REPORT_LOCALES, count=7, seed=2)


@pytest.fixture
def plain_reading():
    """The words plain tesseract (the engine's defaults, the 204x98 page as received) reads
    on a page."""
    import tesserocr

    from ocr.engine import find_tessdata

    plain = tesserocr.PyTessBaseAPI(path=find_tessdata().rstrip("/") + "/", lang="eng")

    def read(path: Path) -> set[str]:
        with Image.open(path) as image:
            plain.SetImage(image.convert("L"))
        plain.SetSourceResolution(204)
        return words_of(plain.GetUTF8Text())

    yield read
    plain.End()


def test_no_word_plain_tesseract_reads_right_is_lost(ocr_pool, plain_reading,
                                                     tmp_path: Path) -> None:
    paths = [make_form_page(tmp_path, doc) for doc in NAME_FORMS]
    services = open_services(make_config(tmp_path / "var"), pool=ocr_pool)
    try:
        ids = ingest_and_wait(services, paths)
        right = lost = missed = 0
        for doc, path, fax_id in zip(NAME_FORMS, paths, ids, strict=True):
            read_right = [t for t in doc.key_tokens if t in plain_reading(path)]
            [page] = services.catalog.pages(fax_id)
            kept = words_of(page["text"]) | set(page["added_forms"].split())
            right += len(read_right)
            lost += len([t for t in read_right if t not in kept])
            missed += len([t for t in read_right if not found_by_search(services, fax_id, t)])
        assert right >= 50
        assert (lost, missed) == (0, 0)
    finally:
        services.close()


def _doubtful_reading(engine, path: Path, printed: str, misread: str,
                      confidence: float) -> tuple[PageText, PageText]:
    """The page at ``path`` read, and a copy of that reading in which the word ``printed``
    was read ``misread`` with ``confidence`` (its box as read) and its rereads added: how the
    page read before its rows were smoothed, when the prepared page misread such words."""
    with Image.open(path) as image:
        image.load()
        read = recognize_page_image(image, 204, 98, engine=engine)
        box = next(w for w in read.words if w.text.strip(",.") == printed)
        doubtful = PageText(text=read.text.replace(printed, misread), confidence=None,
                            words=[Word(misread, box.x0, box.y0, box.x1, box.y1, confidence)])
        add_unprepared_readings(doubtful, image, 204, 98, engine)
    return read, doubtful


# Fresh forms of names-heldout-7 (made before any reading; benchmarks/RESULTS.md, "Smoothing
# the repeated rows"): on these six, the page as prepared before its rows were smoothed read
# "Carl", "Cox", "Clarence" and "Clara" with a G, and "FZ2636993" and "KZ8720172" with a 2,
# and the rereads did not bring them back. Of the set's 2,928 words plain tesseract reads
# right, 14 were lost then and none since.
FRESH_FORMS = [referral_forms(HELDOUT_7_LOCALES, count=166, seed=9)[i]
               for i in (3, 63, 138, 141, 150, 165)]


def test_no_word_plain_tesseract_reads_right_is_lost_on_fresh_forms(engine, plain_reading,
                                                                     tmp_path: Path) -> None:
    right, lost = 0, []
    for doc in FRESH_FORMS:
        path = make_form_page(tmp_path, doc)
        read_right = [t for t in doc.key_tokens if t in plain_reading(path)]
        page = read_page(engine, path)
        kept = words_of(page.text) | set(page.added_forms)
        right += len(read_right)
        lost += [t for t in read_right if t not in kept]
    assert right >= 50
    assert lost == []


# Forms of names-heldout-8 (a development set) printed and scanned askew: sheared straight in
# the page's rows, "Bryanport" (form 224, 1.1 degrees) and "Roy" (form 120, 1.2 degrees)
# were lost; sheared in the repeated rows they are kept (ocr/normalize.py, "Skew").
ASKEW_FORMS = [(referral_forms(HELDOUT_8_LOCALES, count=225, seed=10)[i], degrees)
               for i, degrees in ((224, -1.107), (120, -1.232))]


def test_no_word_plain_tesseract_reads_right_is_lost_on_forms_scanned_askew(
        engine, plain_reading, tmp_path: Path) -> None:
    right, lost = 0, []
    for doc, degrees in ASKEW_FORMS:
        path = make_askew_form_page(tmp_path, doc, degrees)
        with Image.open(path) as image:
            assert normalize_fax_geometry(image, 204, 98)[1].shear
        read_right = [t for t in doc.key_tokens if t in plain_reading(path)]
        page = read_page(engine, path)
        right += len(read_right)
        lost += [t for t in read_right if t not in words_of(page.text) | set(page.added_forms)]
    assert right >= 15
    assert lost == []


def test_a_doubtful_word_is_read_again_on_the_page_as_received_and_added_beside(
        engine, tmp_path: Path) -> None:
    """Tuning form 7: Helvetica "Ievaport" (I and l are one glyph at fax resolution) was read
    "levaport" with 85 confidence on the prepared page before its rows were smoothed; read
    again on the page as received it reads "Ievaport", which becomes searchable while the
    text keeps what was read."""
    doc = referral_forms(TUNING_LOCALES, count=8, seed=1)[7]
    assert "Ievaport" in doc.key_tokens
    read, doubtful = _doubtful_reading(engine, make_form_page(tmp_path, doc), "Ievaport",
                                       "levaport", 85.0)
    assert "Ievaport" in words_of(read.text)  # the smoothed page reads it right
    assert "levaport" in words_of(doubtful.text) and "Ievaport" in doubtful.added_forms


def test_a_word_read_as_a_dictionary_word_is_not_read_again(engine, tmp_path: Path) -> None:
    """The same word, had the prepared page read it as the dictionary word "report" with the
    same doubt, is left as read: rereads go to the doubtful words no dictionary explains."""
    doc = referral_forms(TUNING_LOCALES, count=8, seed=1)[7]
    assert "report" in engine.dictionary
    _, doubtful = _doubtful_reading(engine, make_form_page(tmp_path, doc), "Ievaport",
                                    "report", 85.0)
    assert "report" in words_of(doubtful.text) and doubtful.added_forms == []


def test_a_line_read_on_its_own_says_which_spellings_it_nearly_chose(engine,
                                                                    tmp_path: Path) -> None:
    """A reread line keeps the recogniser's near choices (``lstm_choice_mode``): a word with
    an ambiguous glyph (here tuning form 7's record number, its "3" nearly a "2", as read on
    the page as received) comes back with spellings one letter apart (ocr/engine.py,
    alternative_spellings)."""
    doc = referral_forms(TUNING_LOCALES, count=8, seed=1)[7]
    with Image.open(make_form_page(tmp_path, doc)) as image:
        image.load()
        box = next(w for w in recognize_page_image(image, 204, 98, engine=engine).words
                   if w.text == "Record")
        line = image.convert("L").crop((0, int(box.y0) - 2, image.width, int(box.y1) + 3))
    words = engine.read_line(ImageOps.expand(line, 10, fill=255), 204)
    near = [(word.text, spelling) for word in words for spelling in word.alternatives]
    assert near, words
    for word, spelling in near:
        assert len(spelling) == len(word) and \
            sum(a != b for a, b in zip(word, spelling, strict=True)) == 1


def test_a_doubtful_code_is_read_again_with_the_label_before_it(engine,
                                                                tmp_path: Path) -> None:
    """Held-out-2 form 20 (Courier, looked at once measured): the prepared page, before its
    rows were smoothed, read the record number "CP3825475" with 85 confidence. Its reread
    strip is two word heights on paper each side, so it holds the "no:" before it and reads
    "CP3925475"; one height on paper (two in the page's squashed 204x98 pixels, as strips were
    once measured) reads "crPss25475"."""
    from ocr import rereads as rereads_module

    doc = referral_forms(HELDOUT_2_LOCALES, count=21, seed=4)[20]
    assert "CP3925475" in doc.key_tokens
    path = make_form_page(tmp_path, doc)
    read, doubtful = _doubtful_reading(engine, path, "CP3925475", "CP3825475", 85.0)
    assert "CP3925475" in words_of(read.text)
    assert "CP3825475" in words_of(doubtful.text)  # what the engine read stays the text
    assert "CP3925475" in doubtful.added_forms
    margin = rereads_module.REREAD_MARGIN_HEIGHTS
    try:
        rereads_module.REREAD_MARGIN_HEIGHTS = margin / 2
        assert "CP3925475" not in _doubtful_reading(engine, path, "CP3925475", "CP3825475",
                                                     85.0)[1].added_forms
    finally:
        rereads_module.REREAD_MARGIN_HEIGHTS = margin


def assert_added_beside_the_reading(read: list[ReadWord], text: str, form: str) -> None:
    """``form`` is added to the page read as ``read``, whose text stays ``text``; with
    corrections off (no lexicon) nothing is added."""
    page = page_text(read, 200, frozenset({"record"}))
    assert page.text == text and form in page.added_forms
    assert page_text(read, 200, frozenset()).added_forms == []


def test_a_code_with_a_glyph_no_code_has_gets_the_look_alike_spelling_added() -> None:
    # A symbol inside a code, a letter between digits (also the glyph read twice: "2Z" for
    # "2"), a digit among a code's leading letters.
    assert "LG8323640" in code_readings("LG&323640", 55.0)
    assert "ES3151072" in code_readings("E$3151072", 27.2)
    assert "UD2342079" in code_readings("UD2Z342079", 48.2)
    assert "ZW8063513" in code_readings("7W8063513", 92.2)
    # A glyph read twice, kept as either reading; a 2 for a Z after a lone first letter.
    assert {"L25993046", "LZ5993046"} <= set(code_readings("L2Z5993046", 58.9))
    assert "SH1131532" in code_readings("S$H1131532", 45.7)
    assert "FZ7593373" in code_readings("F27593373", 89.7)
    assert "NZ3541911" in code_readings("N23541911", 76.4)
    assert "PN0184339" in code_readings("PNO184339", 61.9)  # an O before the digits
    assert code_readings("$V2928272", 19.0) == ["SV2928272"]  # a symbol before a letter
    # A code read whole, an amount, a plain number, a word, and a sure reading: nothing.
    for word in ("SZ2090518", "$5000", "00448812", "Hemoglobin", "A1c"):
        assert code_readings(word, 40.0) == [], word
    assert code_readings("LG&323640", 96.0) == []
    # Added beside the reading, never in its place; not with corrections off.
    read = [ReadWord("Record", 0, 0, 60, 20, 96.0, 0, 0),
            ReadWord("no:", 70, 0, 100, 20, 95.0, 0, 0),
            ReadWord("LG&323640", 110, 0, 230, 20, 55.0, 0, 0)]
    assert_added_beside_the_reading(read, "Record no: LG&323640", "LG8323640")


def test_a_code_read_in_two_pieces_gets_its_joined_spelling_added() -> None:
    assert joined_code("HJ3", 0.0, "100668", 0.0) == "HJ3100668"
    assert joined_code("CC3", 91.1, "168590", 96.8) == "CC3168590"  # one piece unsure
    # A word without a digit, a piece with punctuation, too short, both sure: nothing.
    for left, right in (("Diagonal", "174Y"), ("I20.9,", "I10"), ("A1", "2")):
        assert joined_code(left, 40.0, right, 40.0) == "", (left, right)
    assert joined_code("120", 96.0, "80", 97.0) == ""
    # Added beside the reading, the pieces stay the text; not with corrections off.
    read = [ReadWord("no:", 70, 0, 100, 20, 95.0, 0, 0),
            ReadWord("HJ3", 110, 0, 150, 20, 0.0, 0, 0),
            ReadWord("100668", 158, 0, 250, 20, 0.0, 0, 0)]
    assert_added_beside_the_reading(read, "no: HJ3 100668", "HJ3100668")


def test_a_record_number_read_with_a_space_inside_is_found_as_printed(engine,
                                                                       tmp_path: Path) -> None:
    """Held-out-8 form 133 (Times 11; a development set since its two lost words were looked
    at): the page reads the record number "HJ3100668", which plain tesseract reads whole, as
    "HJ3 100668". The two unsure pieces joined are added."""
    doc = referral_forms(HELDOUT_8_LOCALES, count=134, seed=10)[133]
    assert "HJ3100668" in doc.key_tokens
    page = read_page(engine, make_form_page(tmp_path, doc))
    assert "HJ3 100668" in page.text  # what the engine read stays the text
    assert "HJ3100668" in page.added_forms


def test_a_sans_serif_capital_i_read_as_an_l_gets_the_capital_spelling_added() -> None:
    assert capital_i_reading("lvan", 88.7) == "Ivan"
    assert capital_i_reading("lVAN", 60.0) == "IVAN"
    # A second l is a consonant here (names-heldout-13's "Ilyrska" read "llyrska").
    assert capital_i_reading("llyrska", 87.0) == "Ilyrska"
    # Words do begin with an l before a vowel or a y; a sure reading stays.
    for word in ("line", "lyre", "l", "l5"):
        assert capital_i_reading(word, 40.0) == "", word
    assert capital_i_reading("lvan", 96.0) == ""
    read = [ReadWord("Next", 0, 0, 40, 20, 96.0, 0, 0),
            ReadWord("lvan", 50, 0, 90, 20, 88.7, 0, 0)]
    assert_added_beside_the_reading(read, "Next lvan", "Ivan")


def test_a_name_whose_capital_i_is_read_as_an_l_is_found_as_printed(engine,
                                                                    tmp_path: Path) -> None:
    """Held-out-9 form 135 (Helvetica 10; a development set since its lost words were looked
    at): plain tesseract reads "Ivan"; the prepared page reads "lvan"."""
    doc = referral_forms(HELDOUT_9_LOCALES, count=136, seed=11)[135]
    assert "Ivan" in doc.key_tokens
    page = read_page(engine, make_form_page(tmp_path, doc))
    assert "lvan" in words_of(page.text)  # what the engine read stays the text
    assert "Ivan" in page.added_forms


def test_a_record_number_whose_z_is_read_twice_is_found_as_printed(engine,
                                                                   tmp_path: Path) -> None:
    """Held-out-10 form 290 (Courier 10; a development set since its lost word was looked at):
    the page reads the record number "LZ5993046" as "L2Z5993046", the Z as a 2 and as
    itself. The spelling without the 2 is added."""
    doc = referral_forms(HELDOUT_10_LOCALES, count=291, seed=12)[290]
    assert "LZ5993046" in doc.key_tokens
    page = read_page(engine, make_form_page(tmp_path, doc))
    assert "L2Z5993046" in words_of(page.text)  # what the engine read stays the text
    assert "LZ5993046" in page.added_forms


def test_a_record_number_misread_with_a_digit_for_a_letter_is_found_as_printed(
        engine, tmp_path: Path) -> None:
    """Held-out-6 form 50 (Helvetica 12; a development set since its misses were looked
    at): the page reads the record number "ZV2280184" as "2V2280184", with confidence.
    Reading the leading "2" as the "Z" it looks like adds the printed number."""
    doc = referral_forms(HELDOUT_6_LOCALES, count=51, seed=8)[50]
    assert "ZV2280184" in doc.key_tokens
    page = read_page(engine, make_form_page(tmp_path, doc))
    assert "2V2280184" in words_of(page.text)  # what the engine read stays the text
    assert "ZV2280184" in page.added_forms


def test_the_least_sure_word_is_read_again_with_more_of_its_line(engine, plain_reading,
                                                                 tmp_path: Path) -> None:
    """Held-out-14 form 207 (Helvetica 10; a development set since its lost words were looked
    at): the page reads the record number "DC8056553" as "DG8056553", the least sure word on
    the page (48). Its reread strip reads "DC 8056553" in two pieces; a wider strip of its line,
    read again on the page as received, reads "DC8056553", as plain tesseract reads the page.
    Form 285's "BC8949417" is kept only by the wider strip the same way (plain tesseract told
    the page's resolution reads it "BC8S49417"; told none, right)."""
    from ocr import rereads as rereads_module

    forms = referral_forms(HELDOUT_14_LOCALES, count=286, seed=16)
    for doc, printed, plain_reads_it in ((forms[207], "DC8056553", True),
                                         (forms[285], "BC8949417", False)):
        path = make_form_page(tmp_path, doc)
        assert (printed in plain_reading(path)) == plain_reads_it
        page = read_page(engine, path)
        assert printed not in words_of(page.text)  # what the engine read stays the text
        assert printed in page.added_forms
        with narrow_strips_only(rereads_module):
            assert printed not in read_page(engine, path).added_forms


@contextmanager
def narrow_strips_only(rereads_module) -> Iterator[None]:
    """No wider strip for any word (ocr/rereads.py), while the block runs."""
    saved = (rereads_module.LINE_REREAD_BELOW_CONFIDENCE,
             rereads_module.PROPER_NAME_REREAD_BELOW_CONFIDENCE)
    try:
        rereads_module.LINE_REREAD_BELOW_CONFIDENCE = 0.0
        rereads_module.PROPER_NAME_REREAD_BELOW_CONFIDENCE = 0.0
        yield
    finally:
        (rereads_module.LINE_REREAD_BELOW_CONFIDENCE,
         rereads_module.PROPER_NAME_REREAD_BELOW_CONFIDENCE) = saved


def test_a_doubtful_name_is_read_again_with_more_of_its_line(engine, plain_reading,
                                                             tmp_path: Path) -> None:
    """Held-out-14 form 237 (a development set since its lost words were looked at): the
    page reads "Court", which plain tesseract reads right, as "Gourt" (86), too sure a word
    for the wider strip of the least sure (under 70). As a doubtful name with a capital it
    is read in the wider strip, not the narrow one, which reads "Gourt" again. The label
    "City:", the page's least sure word (25), is not read again: its strip added "Gity" and
    "Sity", and took a strip from the names."""
    from ocr import rereads as rereads_module

    doc = referral_forms(HELDOUT_14_LOCALES, count=238, seed=16)[237]
    path = make_form_page(tmp_path, doc)
    assert "Court" in plain_reading(path)
    page = read_page(engine, path)
    assert "Court" not in words_of(page.text)  # what the engine read stays the text
    assert "Court" in page.added_forms
    assert not {"Gity", "Sity"} & set(page.added_forms)
    with narrow_strips_only(rereads_module):
        assert "Court" not in read_page(engine, path).added_forms


def test_near_choices_are_one_letter_swapped_within_reach() -> None:
    letters = [[("l", 85.0), ("I", 83.0), ("T", 39.0)], [("e", 91.0), ("c", 0.0)],
               [("v", 94.0)], [("a", 90.0), ("o", 80.0), ("e", 74.0)]]
    # Closest first; "T" is too far below "l", "e" 16 points below "a"; at most two.
    assert alternative_spellings(letters) == ("Ieva", "levo")
    assert alternative_spellings([[("J", 95.0), ("I", 9.0)], [("8", 92.0), ("S", 44.0)]]) == ()


PURCHASE = next(d for d in REPORT_LAYOUTS if d.name == "purchase")
MEMO = next(d for d in REPORT_LAYOUTS if d.name == "memo")
WIRE = next(d for d in REPORT_LAYOUTS if d.name == "wire")
CLAIM = next(d for d in REPORT_LAYOUTS if d.name == "claim")


# Held-out pages (tests/ocr_layouts.py REPORT_LAYOUTS, nothing tuned on them), floors a little
# above the measurement (benchmarks/RESULTS.md). Read with tesseract's automatic layout
# analysis, the purchase order's table came out column by column (CER 63-64%), and the memo
# and wire instructions under the transmission model at 12.5% and 3.7%.
@pytest.mark.parametrize(("doc", "resolution", "condition", "max_cer"), [
    (PURCHASE, "204x98", "clean", 0.015),
    (PURCHASE, "204x196", "clean", 0.01),
    (MEMO, "204x98", "transmitted", 0.02),
    (WIRE, "204x196", "transmitted", 0.03),
    (CLAIM, "204x196", "transmitted", 0.03),
])
def test_held_out_accuracy_floor(engine, tmp_path: Path, doc, resolution: str, condition: str,
                                 max_cer: float) -> None:
    text = read(engine, make_layout_page(tmp_path, doc, resolution, condition))
    cer, _ = error_rates("\n".join(doc.lines), text)
    assert cer <= max_cer, f"CER {cer:.2%}\n{text}"


def test_table_rows_and_two_column_lines_read_as_printed(engine, tmp_path: Path) -> None:
    text = read(engine, make_layout_page(tmp_path, PURCHASE, "204x98", "clean"))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "QS-1180 Suture kit, absorbable 40 6.25 250.00" in lines
    assert "Vendor: Quintero Surgical Ship via: ground" in lines


def test_phrase_printed_on_one_line_is_found(ocr_pool, tmp_path: Path) -> None:
    services = open_services(make_config(tmp_path / "var"), pool=ocr_pool)
    try:
        [fax_id] = ingest_and_wait(services, [make_layout_page(tmp_path, PURCHASE, "204x98",
                                                               "clean")])
        for phrase in ('"Skin stapler, 35W 12 14.80"', '"PURCHASE ORDER PO 55-10442"',
                       '"Irrigation tray 25"'):
            assert found_by_search(services, fax_id, phrase), phrase
    finally:
        services.close()


# Tuning pages under the transmission model at 204x98 (tests/ocr_layouts.py TUNING_LAYOUTS):
# a light-threshold Courier bill of lading (strokes broken up), a letterhead, and the account
# statement that tesseract cut into two blocks at its table's gap. Before streaks were removed,
# smoothed strokes darkened and split lines joined: 26.5%, 7.9% and 46.5% (mean 27%); now
# 12.1%, 8.1% and 2.9% (benchmarks/RESULTS.md).
TRANSMITTED_TUNING_PAGES = [("shipping", 6), ("letterhead", 9), ("statement", 10)]


def test_transmitted_standard_resolution_floor(engine, tmp_path: Path) -> None:
    rates = []
    for name, seed in TRANSMITTED_TUNING_PAGES:
        doc = next(d for d in TUNING_LAYOUTS if d.name == name)
        text = read(engine, make_layout_page(tmp_path, doc, "204x98", "transmitted", seed))
        rates.append(error_rates("\n".join(doc.lines), text)[0])
    assert sum(rates) / len(rates) <= 0.10, rates
    assert max(rates) <= 0.16, rates  # no page cut into blocks read one after the other
