"""A page in another language is read again with ocr.other_languages (ocr/languages.py): its
accents come out right, what the first reading had stays searchable, and a page in the
configured language is read once, as before."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PIL import Image

from ingest.local import ingest_file
from ingest.pipeline import open_services
from ingest.worker import worker_loop
from ocr import PageText, make_engine, recognize_page_image
from ocr.engine import bare_word
from ocr.languages import keep_first_reading, reads_as_another_language
from storage.search import SearchFilters, search_pages
from tests.conftest import make_config
from tests.ocr_layouts import LayoutDoc, text
from tests.ocr_layouts_f import render_layout_page

GERMAN = LayoutDoc("brief", "Helvetica", 11, [text(line) for line in [
    "Sehr geehrte Frau Müller-Lüdenscheidt,",
    "für die Überprüfung Ihres Antrags benötigen wir noch folgende Unterlagen:",
    "die Bescheinigung über Ihre Krankenversicherung und eine Kopie",
    "Ihres Führerscheins. Bitte senden Sie diese bis zum 15. Januar",
    "an unsere Geschäftsstelle in der Königstraße 12, 70173 Stuttgart.",
    "Für Rückfragen stehen wir Ihnen gerne zur Verfügung.",
    "Mit freundlichen Grüßen",
    "Jürgen Größmann, Sachbearbeiter",
]], ["Überprüfung", "Grüßen", "Königstraße", "Größmann", "Geschäftsstelle"])

# A Finnish service report whose header English, read first, kept reading as English.
FINNISH = LayoutDoc("huolto", "Helvetica", 11, [text(line) for line in [
    "HISSIHUOLTO KÄRKKÄINEN OY",
    "Työmääräin: TM-2026/11874",
    "Päivämäärä: 04.12.2026",
    "Vikailmoitus: ovi ei sulkeudu viidennessä kerroksessa.",
    "Tehdyt toimenpiteet: ovioperaattorin säätö, kynnyskiskon puhdistus,",
    "valokennon vaihto ja toiminnan testaus kaikissa kerroksissa.",
    "Hissi palautettu käyttöön klo 14.30. Seuraava huolto tammikuussa.",
    "Asentaja: Jyrki Mäkelä",
]], ["KÄRKKÄINEN", "Työmääräin"])

ENGLISH = LayoutDoc("letter", "Helvetica", 11, [text(line) for line in [
    "Dear Dr. Whitfield,",
    "Please find enclosed the discharge summary for your patient, who was",
    "admitted on November 12 with community acquired pneumonia and treated",
    "with intravenous antibiotics. She is to continue oral amoxicillin for",
    "five more days and to see you for a follow-up examination next week.",
    "Please call the ward if you have any questions about her medication.",
    "Sincerely, Margaret Holloway, Attending Physician",
]], ["Whitfield", "pneumonia", "amoxicillin", "Holloway"])

# An English declaration with a Lisbon consignee: English by most of its words, so read once,
# in English, which reads the Portuguese accents as other letters ("Laboratério", "Saude").
DECLARATION = LayoutDoc("declaration", "Helvetica", 10, [text(line) for line in [
    "SHIPPER'S DECLARATION FOR DANGEROUS GOODS",
    "Consignee: Instituto Nacional de Saúde Doutor Ricardo Jorge",
    "Avenida Padre Cruz, 1649-016 Lisboa, Portugal",
    "Attention: Laboratório de Referência, Unidade de Microbiologia",
    "This shipment is within the limitations prescribed for passenger and",
    "cargo aircraft. Air waybill 057-84412736, one package of 50 mL.",
    "Emergency telephone: +1 503 555 0187. Signatory: Harold Beaumont",
]], ["Saúde", "Laboratório", "Referência"])


def page_of(tmp_path: Path, doc: LayoutDoc, resolution: str) -> Path:
    return render_layout_page(tmp_path, doc, resolution, "clean", 0, "language", {})


def read(engine, path: Path) -> PageText:
    with Image.open(path) as image:
        image.load()
        xdpi, ydpi = (float(v) for v in image.info["dpi"])
        return recognize_page_image(image, xdpi, ydpi, engine=engine)


@pytest.fixture(scope="module")
def english_only():
    return make_engine("tesserocr", ["eng"], correct_words=True)


@pytest.fixture(scope="module")
def with_latin():
    return make_engine("tesserocr", ["eng"], correct_words=True, other_languages=["Latin"])


@pytest.mark.parametrize("resolution", ["204x98", "204x196"])
def test_a_page_in_another_language_is_read_again_with_its_accents(
        english_only, with_latin, tmp_path: Path, resolution: str) -> None:
    path = page_of(tmp_path, GERMAN, resolution)
    first = read(english_only, path)
    assert not any(token in first.text for token in GERMAN.key_tokens)  # English alone
    result = read(with_latin, path)
    assert all(token in result.text for token in GERMAN.key_tokens)
    # What the first reading had stays searchable: none of its words is lost.
    kept = result.forms()
    assert {bare_word(w) for w in first.text.split()} - {""} <= kept


@pytest.mark.parametrize("resolution", ["204x98", "204x196"])
def test_the_other_languages_lead_the_second_reading_from_the_first_line(
        with_latin, tmp_path: Path, resolution: str) -> None:
    """Tesseract reads a word in the language that read the word before it: led by English,
    the second reading read the header's "KÄRKKÄINEN" and "Työmääräin" as English
    ("KARKKAINEN", "Tyémaarain")."""
    result = read(with_latin, page_of(tmp_path, FINNISH, resolution))
    assert all(token in result.text for token in FINNISH.key_tokens), result.text


def test_the_command_line_engine_reads_it_again_too(tmp_path: Path) -> None:
    path = page_of(tmp_path, GERMAN, "204x196")
    engine = make_engine("pytesseract", ["eng"], correct_words=True, other_languages=["Latin"])
    result = read(engine, path)
    assert all(token in result.text for token in GERMAN.key_tokens)
    assert read(make_engine("pytesseract", ["eng"]), path).text != result.text


def test_a_page_in_the_configured_language_is_read_once(english_only, with_latin,
                                                        tmp_path: Path) -> None:
    path = page_of(tmp_path, ENGLISH, "204x98")
    once, also_latin = read(english_only, path), read(with_latin, path)
    assert all(token in once.text for token in ENGLISH.key_tokens)
    assert (also_latin.text, also_latin.added_forms) == (once.text, once.added_forms)


@pytest.mark.parametrize("resolution", ["204x98", "204x196"])
def test_words_in_another_language_on_an_english_page_are_reread_in_it(
        english_only, with_latin, tmp_path: Path, resolution: str) -> None:
    """The page's reading has letters beyond ASCII, so its reread strips are read in the
    other languages too: "Laboratório" becomes searchable beside what English read."""
    path = page_of(tmp_path, DECLARATION, resolution)
    once, also_latin = read(english_only, path), read(with_latin, path)
    assert also_latin.text == once.text  # read once, in English
    assert "Laboratório" not in once.forms()
    assert "Laboratório" in also_latin.added_forms


DICTIONARY = frozenset({"please", "enclosed", "summary", "patient", "admitted", "treated",
                        "antibiotics", "continue", "examination", "questions", "medication"})


@pytest.mark.parametrize(("page", "other"), [
    ("Please find enclosed the summary of the patient, admitted and treated with "
     "antibiotics; continue the medication until the examination. Questions: Whitfield.",
     False),
    ("Bitte senden Sie die Bescheinigung über Ihre Krankenversicherung und eine Kopie "
     "Ihres Führerscheins an unsere Geschäftsstelle, patient summary.", True),
    ("Bitte senden Sie die Kopie.", False),  # too few longer words to tell
])
def test_another_language_is_told_by_the_words_in_no_dictionary(page: str,
                                                                 other: bool) -> None:
    assert reads_as_another_language(PageText(page, 90.0), DICTIONARY) is other
    assert reads_as_another_language(PageText(page, 90.0), frozenset()) is False


def test_the_first_reading_is_added_beside_the_second() -> None:
    second = PageText("Mit freundlichen Grüßen, Jürgen", 90.0, added_forms=["Jurgen"])
    first = PageText("Mit freundlichen GriBen, Jirgen", 80.0, added_forms=["Jurgen", "Jargen"])
    assert keep_first_reading(second, first).added_forms == ["Jurgen", "GriBen", "Jirgen",
                                                              "Jargen"]


def test_the_service_reads_a_german_fax_in_german_by_default(tmp_path: Path) -> None:
    path = page_of(tmp_path, GERMAN, "204x196")
    services = open_services(make_config(tmp_path / "var", ocr={"workers": 1}))
    try:
        [fax_id] = [ingest_file(services, path).fax_id]
        asyncio.run(worker_loop(services, asyncio.Event(), fax_ids=[fax_id], until_idle=True))
        [page] = services.catalog.pages(fax_id)
        assert all(token in page["text"] for token in GERMAN.key_tokens)
        # The English reading's "GriBen" is indexed beside the text, and found as typed.
        assert "GriBen" in page["added_forms"].split()
        exact = SearchFilters(fuzzy=False)
        for word in ("Grüßen", "Größmann", "GriBen"):
            assert fax_id in {h["fax_id"] for h in search_pages(services.catalog, word, exact)}
    finally:
        services.close()
