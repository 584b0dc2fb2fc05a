"""Search finds pages through OCR errors: look-alike characters in codes, a letter or two off in
long words; exact hits come first, numbers never match a different number."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storage.catalog import MIGRATIONS, Catalog, open_catalog
from storage.search import SearchFilters, allowed_edits, fuzzy_match, search_pages
from storage.terms import fold_lookalikes, fold_lookalikes_sql

# What OCR made of each page (the truth is in the comments).
PAGES = {
    "A": "Diagnoses: 125.10 coronary artery disease, RO7.9 chest pain",  # I25.10, R07.9
    "B": "Terms: the patient authonzes release; call 555-410-2280",  # authorizes
    "C": "The patient authorizes release of records to 0konkwo",  # Okonkwo
    "D": "Invoice total $567.99, part KX-4471-B",
    "E": "HemoglobinAic 7.8 Creatinine 142 mg/dL",  # Hemoglobin A1c, 1.42
    "F": "Dx !25.10 and 11.9, plan HX-22871 assiqamrent",  # I25.10, E11.9, assignment
    "G": "4 X-4471-B Knee brace; 2 1TH-9921 thermometer",  # KX-4471-B, TH-9921
}


@pytest.fixture()
def catalog(tmp_path: Path) -> Catalog:
    catalog = open_catalog(tmp_path / "c.sqlite3")
    for fax_id, text in PAGES.items():
        with catalog.transaction() as conn:
            conn.execute("INSERT INTO faxes (id, provider, provider_fax_id, received_at, "
                         "created_at, updated_at) VALUES (?, 'local', ?, ?, 'now', 'now')",
                         (fax_id, fax_id, f"2026-11-2{ord(fax_id) - 64}T00:00:00Z"))
        catalog.replace_page(fax_id, {"page_no": 1, "width_px": 1, "height_px": 1, "xdpi": 204,
                                      "ydpi": 98, "text": text, "confidence": 80})
    return catalog


def found(catalog: Catalog, query: str, **filters) -> list[tuple[str, str]]:
    return [(h["fax_id"], h["match"])
            for h in search_pages(catalog, query, SearchFilters(**filters))]


@pytest.mark.parametrize(("query", "fax_id"), [
    ("R07.9", "A"), ("Okonkwo", "C"), ("coronary I25.10", "A"), ("E11.9", "F"),
    ("assignment", "F"),
])
def test_lookalike_characters_match(catalog: Catalog, query: str, fax_id: str) -> None:
    assert found(catalog, query) == [(fax_id, "fuzzy")]


def test_a_code_matches_with_its_letter_misread_or_lost(catalog: Catalog) -> None:
    assert found(catalog, "I25.10") == [("A", "fuzzy"), ("F", "fuzzy")]
    assert found(catalog, "HX-22872") == [] and found(catalog, "I26.10") == []


def test_a_code_matches_with_a_letter_group_misread(catalog: Catalog) -> None:
    assert found(catalog, "KX-4471-B") == [("D", "exact"), ("G", "fuzzy")]
    assert found(catalog, "TH-9921") == [("G", "fuzzy")]
    assert found(catalog, "KX-4472-B") == []
    assert found(catalog, "KX") == [("D", "exact")]  # alone, a short word matches exactly


def test_exact_hits_come_first_then_close_ones(catalog: Catalog) -> None:
    assert found(catalog, "authorizes") == [("C", "exact"), ("B", "fuzzy")]
    hit = search_pages(catalog, "authorizes")[1]
    assert "\x02authonzes\x03" in hit["snippet"]  # the word that matched is highlighted


def test_exact_mode_and_raw_queries_match_only_what_was_typed(catalog: Catalog) -> None:
    assert found(catalog, "authorizes", fuzzy=False) == [("C", "exact")]
    assert found(catalog, "I25.10", fuzzy=False) == []
    assert found(catalog, "authorizes", raw=True) == [("C", "exact")]


def test_numbers_never_match_a_different_number(catalog: Catalog) -> None:
    assert found(catalog, "555-410-2290") == []
    assert found(catalog, "555-410-2280") == [("B", "exact")]
    assert found(catalog, "$567.98") == []


def test_words_run_together_by_ocr_match(catalog: Catalog) -> None:
    assert found(catalog, "Hemoglobin") == [("E", "fuzzy")]
    assert found(catalog, "1.42") == [("E", "fuzzy")]
    assert found(catalog, "Creatinine 1.42") == [("E", "fuzzy")]
    assert found(catalog, "1.43") == [] and found(catalog, "Hemo") == []


def test_short_words_match_exactly(catalog: Catalog) -> None:
    assert found(catalog, "pan") == []  # not "pain"
    assert found(catalog, "chest") == [("A", "exact")]


def test_every_word_must_match(catalog: Catalog) -> None:
    assert found(catalog, "authorizes Okonkwo") == [("C", "fuzzy")]
    assert found(catalog, "authorizes zeppelin") == []


def test_filters_apply_to_close_matches(catalog: Catalog) -> None:
    assert found(catalog, "authorizes", since="2026-11-23") == [("C", "exact")]
    assert found(catalog, "authorizes", until="2026-11-23") == [("B", "fuzzy")]


def test_allowed_edits_grow_with_word_length() -> None:
    assert [allowed_edits(w) for w in ("pain", "chest", "Okonkwo", "hypertens",
                                       "authorizes", "i25", "22871")] == [0, 1, 1, 2, 3, 1, 0]


def test_fuzzy_query_is_quoted_index_terms(catalog: Catalog) -> None:
    query = fuzzy_match(catalog, 'NOT "I25.10 coronary" OR')
    assert query is not None and '"i25 10 coronary" OR "125 10 coronary"' in query
    assert fuzzy_match(catalog, "zeppelin") is None  # nothing close: the exact query suffices


def test_terms_indexed_before_the_term_table_existed_are_found(tmp_path: Path) -> None:
    """A catalog from before migration 5 gets its terms from the index when upgraded."""
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for version, script in enumerate(MIGRATIONS[:4], start=1):
        conn.executescript(f"BEGIN;{script}PRAGMA user_version = {version};COMMIT;")
    conn.execute("INSERT INTO faxes (id, provider, provider_fax_id, received_at, created_at, "
                 "updated_at) VALUES ('OLD', 'local', 'x', 'now', 'now', 'now')")
    conn.execute("INSERT INTO pages (fax_id, page_no, width_px, height_px, xdpi, ydpi, text) "
                 "VALUES ('OLD', 1, 1, 1, 204, 98, 'Diagnoses: 125.10 caronary disease')")
    conn.close()
    catalog = open_catalog(path)
    assert found(catalog, "I25.10 coronary") == [("OLD", "fuzzy")]


def test_sql_and_python_fold_alike() -> None:
    term = "oilszb-0123456789-okonkwo"
    conn = sqlite3.connect(":memory:")
    folded = conn.execute(f"SELECT {fold_lookalikes_sql('?')}", (term,)).fetchone()[0]
    assert folded == fold_lookalikes(term) == "011528-0123456789-0k0nkw0"
