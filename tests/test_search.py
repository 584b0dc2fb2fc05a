"""Search finds pages through OCR errors: look-alike characters in codes, a letter or two off in
long words; exact hits come first, numbers never match a different number."""

from __future__ import annotations

import contextlib
import json
import random
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from rapidfuzz.distance import Levenshtein

from storage.backend import Catalog, CatalogLocation, FeatureUnavailable, PostgresSettings
from storage.backend import open_catalog as open_any_catalog
from storage.catalog import MIGRATIONS, open_catalog
from storage.pg import apply_migrations
from storage.pg.schema import add_search_terms
from storage.pg.search import narrowed
from storage.pg.tsvector import page_tsvector
from storage.search import (
    AllOf,
    AnyOf,
    IndexedVocabulary,
    Phrase,
    SearchFilters,
    allowed_edits,
    fuzzy_match,
    search_pages,
)
from storage.terms import (
    INDEX_TOKENIZER,
    close_lookup,
    fold_lookalikes,
    fold_lookalikes_sql,
    index_terms,
    lookup_keys,
    pair_keys,
    pieces,
    term_keys,
)
from tests.cliutil import run_cli
from tests.conftest import write_config

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


# Every test that takes a catalog runs on both backends: SQLite, and a real PostgreSQL server
# (tests/postgres.py), one fresh database per test.
@pytest.fixture(params=["sqlite", "postgres"])
def new_catalog(request: pytest.FixtureRequest, tmp_path: Path
                ) -> Iterator[Callable[[], Catalog]]:
    url = request.getfixturevalue("postgres_url") if request.param == "postgres" else None
    opened: list[Catalog] = []

    def new() -> Catalog:
        assert not opened, "one catalog per test"
        opened.append(open_any_catalog(CatalogLocation(sqlite_path=tmp_path / "c.sqlite3",
                                                       url=url)))
        return opened[0]

    yield new
    for catalog in opened:
        catalog.close()


def add_fax(catalog: Catalog, fax_id: str, received_at: str = "now",
            mailbox: str | None = None) -> None:
    catalog.insert_fax_row({"id": fax_id, "provider": "local", "provider_fax_id": fax_id,
                            "received_at": received_at, "mailbox": mailbox,
                            "created_at": "now", "updated_at": "now"})


def add_page(catalog: Catalog, fax_id: str, text: str, received_at: str = "now",
             page_no: int = 1) -> None:
    if page_no == 1:
        add_fax(catalog, fax_id, received_at)
    catalog.replace_page(fax_id, {"page_no": page_no, "width_px": 1, "height_px": 1,
                                  "xdpi": 204, "ydpi": 98, "text": text, "confidence": 90})


@pytest.fixture()
def catalog(new_catalog: Callable[[], Catalog]) -> Catalog:
    catalog = new_catalog()
    for fax_id, text in PAGES.items():
        add_page(catalog, fax_id, text, f"2026-11-2{ord(fax_id) - 64}T00:00:00Z")
    return catalog


def found(catalog: Catalog, query: str, **filters) -> list[tuple[str, str]]:
    return [(h["fax_id"], h["match"])
            for h in search_pages(catalog, query, SearchFilters(**filters))]


@pytest.mark.parametrize(("query", "fax_id"), [
    ("R07.9", "A"), ("Okonkwo", "C"), ("coronary I25.10", "A"), ("E11.9", "F"),
])
def test_lookalike_characters_match(catalog: Catalog, query: str, fax_id: str) -> None:
    assert found(catalog, query) == [(fax_id, "fuzzy")]


def test_a_code_matches_with_its_letter_misread_or_lost(catalog: Catalog) -> None:
    assert found(catalog, "I25.10") == [("A", "fuzzy"), ("F", "fuzzy")]
    assert found(catalog, "HX-22872") == [] and found(catalog, "I26.10") == []


def test_a_code_matches_with_a_letter_group_misread(catalog: Catalog) -> None:
    assert found(catalog, "KX-4471-B") == [("D", "exact"), ("G", "fuzzy")]
    assert found(catalog, "TH-9921") == [("G", "exact")]  # "1TH-9921": a digit run into it
    assert found(catalog, "KX-4472-B") == []
    assert found(catalog, "KX") == [("D", "exact")]  # alone, a short word matches exactly


def test_exact_hits_come_first_then_close_ones(catalog: Catalog) -> None:
    assert found(catalog, "authorizes") == [("C", "exact"), ("B", "fuzzy")]
    hit = search_pages(catalog, "authorizes")[1]
    assert "\x02authonzes\x03" in hit["snippet"]  # the word that matched is highlighted


def test_exact_mode_matches_only_what_was_typed(catalog: Catalog) -> None:
    assert found(catalog, "authorizes", fuzzy=False) == [("C", "exact")]
    assert found(catalog, "I25.10", fuzzy=False) == []


def test_raw_queries_are_fts5_on_sqlite_and_refused_on_postgresql(catalog: Catalog) -> None:
    if catalog.backend == "postgresql":
        with pytest.raises(FeatureUnavailable, match="FTS5"):
            found(catalog, "authorizes", raw=True)
    else:
        assert found(catalog, "authorizes", raw=True) == [("C", "exact")]


def test_numbers_never_match_a_different_number(catalog: Catalog) -> None:
    assert found(catalog, "555-410-2290") == []
    assert found(catalog, "555-410-2280") == [("B", "exact")]
    assert found(catalog, "$567.98") == []


def test_words_run_together_by_ocr_match(catalog: Catalog) -> None:
    assert found(catalog, "Hemoglobin") == [("E", "fuzzy")]
    # A number typed in parts is the same characters as the parts run together: exact.
    assert found(catalog, "1.42") == [("E", "exact")]
    assert found(catalog, "Creatinine 1.42") == [("E", "exact")]
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
                                       "authorizes", "i25", "22871")] == [0, 1, 1, 2, 2, 1, 0]


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


# -- codes and numbers are found as typed, through `faxvault search` -------------------------
# Pages print a code, date or phone number in many ways; OCR read them right. Each query is
# typed as a user types it and must find every page with the same characters, as an exact
# match, and no page with a different number.
PRINTED = {
    "ndc-hyphens": "Drug: apixaban NDC 60505-2580-09, qty 60",
    "ndc-plain": "Drug: apixaban NDC 60505258009 qty 60",
    "brg-hyphens": "Bearing BRG-6204-2RS sealed, qty 4",
    "brg-joined": "Bearing BRG6204-2RS sealed, qty 4",
    "brg-spaced": "Bearing BRG 6204 2RS sealed",
    "plc-hyphens": "Controller PLC-S7-1214C spare",
    "plc-joined": "Controller PLCS7-1214C spare",
    "inc-hyphen": "Ticket INC-0048812 opened",
    "inc-joined": "Ticket INC0048812 opened",
    "date-slashes": "Coverage expires 12/31/2026.",
    "date-plain": "Coverage expires 12312026",
    "date-glued": "Coverage Exp12/31/2026",  # OCR lost the space after a label
    "phone-parens": "Questions: call (503) 555-0116 today",
    "phone-hyphens": "Questions: call 503-555-0116 today",
    "phone-dots": "Questions: call 503.555.0116 today",
    "phone-intl": "Questions: call +1 503 555 0116 today",
    "phone-plain": "Questions: call 5035550116 today",
    "hba1c-apart": "Hemoglobin A1c 7.8 %",
    "hba1c-joined": "HemoglobinA1c 7.8 %",
    # Digits spaced apart by OCR (a proportional font), a hyphen read as "=".
    "claim-hyphens": "Claim no.: 26-318-004417-00 Statement date: 11/18/2026",
    "claim-spaced": "Claim no.: 26-3 18-0044 17-00 Statement date: 11/18/2026",
    "auth-spaced": "estimate $820.00, ref. AUTH=558 13.",
    # Different numbers that share parts with the ones searched.
    "other-ndc": "NDC 60505-2580-08",
    "other-brg": "Bearing BRG-6205-2RS",
    "other-inc": "Ticket INC-0048813",
    "other-date": "Expires 12/31/2025",
    "other-date-glued": "Reference 512/31/2026",  # 512, not 12
    "other-phone": "Call (971) 555-0116, office at 503 Main St",
    "other-claim": "Claim no.: 26-318-004417-01 Statement date: 11/18/2026",
    "other-auth": "ref. AUTH=558 14.",
}

# Every number of one to four digits, as a catalog of any size holds them: a long code then
# has hundreds of spellings whose every piece is an index term, and must still be found.
EVERY_SHORT_NUMBER = " ".join(f"{n:0{width}d}" for width in range(1, 5)
                              for n in range(10 ** width))

TYPED = [
    ("60505-2580-09", ["ndc-hyphens", "ndc-plain"]),
    ("60505258009", ["ndc-hyphens", "ndc-plain"]),
    ("BRG-6204-2RS", ["brg-hyphens", "brg-joined", "brg-spaced"]),
    ("brg62042rs", ["brg-hyphens", "brg-joined", "brg-spaced"]),
    ("PLC-S7-1214C", ["plc-hyphens", "plc-joined"]),
    ("INC-0048812", ["inc-hyphen", "inc-joined"]),
    ("INC0048812", ["inc-hyphen", "inc-joined"]),
    ("12/31/2026", ["date-slashes", "date-plain", "date-glued"]),
    ("12312026", ["date-slashes", "date-plain", "date-glued"]),
    ("(503) 555-0116", ["phone-parens", "phone-hyphens", "phone-dots", "phone-intl",
                        "phone-plain"]),
    ("+1 503 555 0116", ["phone-parens", "phone-hyphens", "phone-dots", "phone-intl",
                         "phone-plain"]),
    ("5035550116", ["phone-parens", "phone-hyphens", "phone-dots", "phone-intl",
                    "phone-plain"]),
    ("Hemoglobin A1c", ["hba1c-apart", "hba1c-joined"]),
    ("HemoglobinA1c", ["hba1c-apart", "hba1c-joined"]),
    ("26-318-004417-00", ["claim-hyphens", "claim-spaced"]),
    ("AUTH-55813", ["auth-spaced"]),
]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def printed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[tuple[Path, dict[str, str]]]:
    """A data dir whose catalog (on each backend) holds the PRINTED pages, its config, and the
    environment that points the CLI at that catalog."""
    root = tmp_path_factory.mktemp("printed")
    config = write_config(root / "faxvault.toml", root / "var")
    with contextlib.ExitStack() as stack:
        url = stack.enter_context(request.getfixturevalue("postgres_server").database()) \
            if request.param == "postgres" else None
        catalog = open_any_catalog(CatalogLocation(sqlite_path=root / "var" / "faxvault.sqlite3",
                                                   url=url))
        for fax_id, text in PRINTED.items():
            add_page(catalog, fax_id, text)
        add_page(catalog, "every-number", EVERY_SHORT_NUMBER)
        catalog.close()
        yield config, ({"FAXVAULT_CATALOG_URL": url} if url else {})


@pytest.mark.parametrize(("query", "pages"), TYPED)
def test_codes_and_numbers_are_found_as_typed(printed: tuple[Path, dict[str, str]], query: str,
                                              pages: list[str]) -> None:
    config, env = printed
    hits = run_cli(config, "search", "--json", "--limit", "50", "--", query, env=env).json()
    assert sorted((h["fax_id"], h["match"]) for h in hits) == sorted((p, "exact") for p in pages)


def test_a_code_typed_exactly_finds_its_other_spellings_with_exact(
        printed: tuple[Path, dict[str, str]]) -> None:
    config, env = printed
    hits = run_cli(config, "search", "--json", "--exact", "BRG-6204-2RS", env=env).json()
    assert sorted(h["fax_id"] for h in hits) == ["brg-hyphens", "brg-joined", "brg-spaced"]


# Letters and digits OCR read for each other in codes (the truth in the comments).
LETTER_FOR_DIGIT = {
    "vin": "2020 Honda Accord EX-L VIN THGCV1F34LA062815",  # 1HGCV1F34LA062815
    "tracking": "Tracking: 38ABC4418827130 Route: NB-14",  # 3SABC4418827130
    "sample": "W4-94-02 12/01/26 08:55 GW 2 HNO3 Metals",  # W4-Q4-02
}


def test_a_code_is_found_with_a_letter_read_as_the_digit_it_looks_like(
        new_catalog: Callable[[], Catalog]) -> None:
    catalog = new_catalog()
    add_page(catalog, "every-number", EVERY_SHORT_NUMBER)
    for fax_id, text in LETTER_FOR_DIGIT.items():
        add_page(catalog, fax_id, text)
    assert found(catalog, "1HGCV1F34LA062815") == [("vin", "fuzzy")]
    assert found(catalog, "3SABC4418827130") == [("tracking", "fuzzy")]
    assert found(catalog, "W4-Q4-02") == [("sample", "fuzzy")]
    # A digit read for another digit is another code; a letter only for its look-alike.
    for other in ("2HGCV1F34LA062815", "3SABC4418827131", "W4-Q4-03", "W4-Q5-02",
                  "3KABC4418827130"):
        assert found(catalog, other) == [], other


# -- close matches stay within the documented bounds ------------------------------------------
BOUNDS_PAGES = {
    "organisation": "Plan: organisation du travail et des equipes",
    "interferes": "Noise that interferes with the reading",
    "assiqamrent": "or to the party who accepts assiqamrent",  # 3 edits from assignment
    "hypertensoin": "history of hypertensoin",  # 2 edits from hypertension
    "rellease": "authorize the rellease of records",  # 1 edit from release
}


@pytest.fixture()
def bounds(new_catalog: Callable[[], Catalog]) -> Catalog:
    catalog = new_catalog()
    for fax_id, text in BOUNDS_PAGES.items():
        add_page(catalog, fax_id, text)
    return catalog


@pytest.mark.parametrize("query", ["réalisation", "intérieure", "assignment"])
def test_close_matches_stop_at_two_edits(bounds: Catalog, query: str) -> None:
    assert found(bounds, query) == []


@pytest.mark.parametrize(("query", "fax_id"), [("hypertension", "hypertensoin"),
                                               ("release", "rellease")])
def test_close_matches_within_the_bounds_are_found(bounds: Catalog, query: str,
                                                   fax_id: str) -> None:
    assert found(bounds, query) == [(fax_id, "fuzzy")]


def rows_of(catalog: Catalog, query: str) -> list[tuple]:
    """What ``query`` reads, through either backend's own connection (the SQL is the same)."""
    with catalog.transaction() as conn:
        return [tuple(row) for row in conn.execute(query).fetchall()]


def index_keys(catalog: Catalog) -> set[tuple[str, str]]:
    return {(r[0], r[1]) for r in rows_of(catalog, "SELECT key, term FROM search_term_keys")}


def expected_keys(catalog: Catalog) -> set[tuple[str, str]]:
    return {(key, r[0]) for r in rows_of(catalog, "SELECT term FROM search_terms")
            for key in term_keys(r[0])}


def test_close_word_index_follows_pages_written_and_deleted(catalog: Catalog) -> None:
    assert index_keys(catalog) == expected_keys(catalog) and ("5/2/0:0k", "okonkwo") not in \
        index_keys(catalog)
    add_page(catalog, "H", "Referral for Okonkwo")
    assert ("7/2/0:0k0", "okonkwo") in index_keys(catalog)
    with catalog.transaction():
        catalog.delete_pages("C")  # "0konkwo" and "records" are on no other page
    assert index_keys(catalog) == expected_keys(catalog)
    assert not {term for _, term in index_keys(catalog)} & {"0konkwo", "records"}
    assert found(catalog, "Okonkwo") == [("H", "exact")]


def test_close_word_index_is_built_for_an_older_catalog(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for version, script in enumerate(MIGRATIONS[:5], start=1):
        conn.executescript(f"BEGIN;{script}PRAGMA user_version = {version};COMMIT;")
    conn.execute("INSERT INTO faxes (id, provider, provider_fax_id, received_at, created_at, "
                 "updated_at) VALUES ('OLD', 'local', 'x', 'now', 'now', 'now')")
    conn.execute("INSERT INTO pages (fax_id, page_no, width_px, height_px, xdpi, ydpi, text) "
                 "VALUES ('OLD', 1, 1, 1, 204, 98, 'Referral for 0konkwo')")
    conn.execute("INSERT INTO search_terms VALUES ('referral', 'referra1'), ('for', 'f0r'), "
                 "('0konkwo', '0k0nkw0')")
    conn.close()
    catalog = open_catalog(path)
    assert index_keys(catalog) == expected_keys(catalog) != set()
    assert found(catalog, "Okonkwo") == [("OLD", "fuzzy")]


def test_pair_keys_are_added_to_a_catalog_from_before_them(tmp_path: Path) -> None:
    """A catalog at schema 11 (close-word keys without pairs of quarters) gets them when
    opened, and finds a long word's term two edits away as long as the word."""
    path = tmp_path / "v11.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.create_function("faxvault_term_keys", 1, lambda term: json.dumps(
        [k for k in term_keys(term) if k not in pair_keys(fold_lookalikes(term))]))
    for version, script in enumerate(MIGRATIONS[:11], start=1):
        conn.executescript(f"BEGIN;{script}PRAGMA user_version = {version};COMMIT;")
    conn.execute("INSERT INTO faxes (id, provider, provider_fax_id, received_at, created_at, "
                 "updated_at) VALUES ('OLD', 'local', 'x', 'now', 'now', 'now')")
    conn.execute("INSERT INTO pages (fax_id, page_no, width_px, height_px, xdpi, ydpi, text) "
                 "VALUES ('OLD', 1, 1, 1, 204, 98, 'Referral for Fernandes-Okonkwo')")
    conn.execute("INSERT INTO search_terms (term, folded) SELECT value, value FROM json_each("
                 "'[\"referral\", \"for\", \"fernandes\", \"okonkwo\"]')")
    conn.execute("UPDATE search_terms SET folded = " + fold_lookalikes_sql("term"))
    conn.execute("INSERT INTO search_term_keys SELECT k.value, t.term FROM search_terms t, "
                 "json_each(faxvault_term_keys(t.term)) k")
    assert not conn.execute("SELECT 1 FROM search_term_keys WHERE key LIKE '%/4/%'").fetchone()
    conn.close()
    catalog = open_catalog(path)
    assert index_keys(catalog) == expected_keys(catalog)
    assert ("9/4/13:rn.de5", "fernandes") in index_keys(catalog)
    assert found(catalog, "Hernandez") == [("OLD", "fuzzy")]  # two letters changed


# -- words split as the index splits them ---------------------------------------------------
# Pages printing signs a copy of the tokenizer's rules split otherwise than the index: the two
# backends indexed different words (on PostgreSQL "85 m2" found "85 m²", and "nº" every page
# with "no"; on SQLite neither), and SQLite's close-word index held terms its index did not.
SIGNS = {
    "ordinal": "Certificado Nº 4471 emitido em Lisboa",
    "degree": "Certificat N° 8812 délivré à Lyon",
    "area": "Área útil 85 m² no rés-do-chão",
    "dose": "Take ½ tablet twice daily",
}


@pytest.mark.parametrize(("query", "fax_id"), [
    ('"n° 4471"', "ordinal"),  # the sign OCR reads for the ordinal indicator
    ('"nº 4471"', "ordinal"), ("Nº 8812", "degree"), ("n.º 8812", "degree"),
    ("85 m²", "area"), ("½ tablet", "dose"),
])
def test_signs_are_found_as_printed_on_both_backends(
        new_catalog: Callable[[], Catalog], query: str, fax_id: str) -> None:
    catalog = new_catalog()
    for sign, text in SIGNS.items():
        add_page(catalog, sign, text)
    assert found(catalog, query, fuzzy=False) == [(fax_id, "exact")]


def test_both_backends_find_the_same_pages_for_signs(
        new_catalog: Callable[[], Catalog]) -> None:
    catalog = new_catalog()
    for sign, text in SIGNS.items():
        add_page(catalog, sign, text)
    assert {query: found(catalog, query, fuzzy=False) for query in (
        "85 m2", "1/2 tablet", "No 4471", "certificado no 4471", "nº")} == {
        "85 m2": [], "1/2 tablet": [], "No 4471": [], "certificado no 4471": [],
        "nº": [("ordinal", "exact"), ("degree", "exact")]}


# Characters of the blocks a fax's text draws on, each inside a word, at a word's start and
# at its end: Latin-1 and Latin Extended, combining marks, spacing modifiers, Greek and
# Cyrillic, super- and subscripts, letterlike symbols, number forms, ligatures, full width.
TOKENIZER_PROBES = [*range(0x20, 0x530), *range(0x2070, 0x2190), *range(0xFB00, 0xFB50),
                    *range(0xFF00, 0xFFF0)]


def test_index_terms_are_the_terms_of_the_catalogs_own_index(tmp_path: Path) -> None:
    catalog = open_catalog(tmp_path / "c.sqlite3")
    text = " ".join(f"ab{chr(cp)}cd x{chr(cp)} {chr(cp)}y" for cp in TOKENIZER_PROBES)
    add_page(catalog, "probe", text)
    catalog.conn.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, pages_fts, "
                         "instance)")
    indexed = [term for (term,) in catalog.conn.execute(
        "SELECT term FROM temp.terms WHERE col = 'text' ORDER BY offset")]
    assert index_terms(text) == indexed
    assert index_terms("Nº 12, n.º 12, N° 12, 85 m², ½") == ["n", "12", "n", "12", "n", "12",
                                                           "85", "m²", "½"]
    assert index_terms("Müller\udcfc 12") == ["muller", "12"]  # bytes that were not UTF-8


def test_the_index_is_built_with_the_tokenizer_terms_are_split_by(tmp_path: Path) -> None:
    catalog = open_catalog(tmp_path / "c.sqlite3")
    [(definition,)] = catalog.conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'pages_fts'")
    assert f"tokenize='{INDEX_TOKENIZER.replace(chr(39), chr(39) * 2)}'" in definition


def _split_as_before(text: str) -> list[str]:
    """Terms as the copy of the tokenizer's rules split them until migration 14."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return re.findall(r"[^\W_]+", "".join(ch for ch in decomposed
                                          if not unicodedata.combining(ch)))


def _vocabulary(catalog: Catalog) -> set[str]:
    return {r[0] for r in rows_of(catalog, "SELECT term FROM search_terms")}


def test_an_older_catalog_is_indexed_again_with_the_tokenizer(tmp_path: Path) -> None:
    """A catalog at schema 13 (indexed without the ordinal indicators as separators, its
    search terms split by the copy of the rules) finds the signs as printed once opened,
    and its search terms are the index's."""
    path = tmp_path / "v13.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.create_function("faxvault_term_keys", 1, lambda term: json.dumps(term_keys(term)))
    conn.create_function("faxvault_pair_keys", 1,
                         lambda term: json.dumps(pair_keys(fold_lookalikes(term))))
    for version, script in enumerate(MIGRATIONS[:13], start=1):
        conn.executescript(f"BEGIN;{script}PRAGMA user_version = {version};COMMIT;")
    for sign, text in SIGNS.items():
        conn.execute("INSERT INTO faxes (id, provider, provider_fax_id, received_at, "
                     "created_at, updated_at) VALUES (?, 'local', ?, 'now', 'now', 'now')",
                     (sign, sign))
        conn.execute("INSERT INTO pages (fax_id, page_no, width_px, height_px, xdpi, ydpi, "
                     "text) VALUES (?, 1, 1, 1, 204, 98, ?)", (sign, text))
        for term in _split_as_before(text):
            conn.execute("INSERT OR IGNORE INTO search_terms VALUES (?, ?)",
                         (term, fold_lookalikes(term)))
    conn.execute("INSERT INTO search_term_keys SELECT k.value, t.term FROM search_terms t, "
                 "json_each(faxvault_term_keys(t.term)) k")
    conn.close()
    catalog = open_catalog(path)
    assert found(catalog, '"n° 4471"', fuzzy=False) == [("ordinal", "exact")]
    assert found(catalog, "85 m²", fuzzy=False) == [("area", "exact")]
    vocabulary = _vocabulary(catalog)
    assert {"m²", "½", "n"} <= vocabulary and not {"m2", "nº", "1", "2"} & vocabulary
    assert vocabulary == {t for text in SIGNS.values() for t in index_terms(text)}
    assert index_keys(catalog) == expected_keys(catalog)


def test_an_older_postgresql_catalog_is_split_again_with_the_tokenizer(
        postgres_url: str, tmp_path: Path) -> None:
    """As above, on PostgreSQL at schema 10: pages' terms and tsvectors written again."""
    catalog = open_any_catalog(CatalogLocation(sqlite_path=tmp_path / "c.sqlite3",
                                               url=postgres_url))
    try:
        for sign, text in SIGNS.items():
            add_page(catalog, sign, text)
        with psycopg.connect(postgres_url, autocommit=True) as conn:
            for sign, text in SIGNS.items():  # as schema 10 wrote them
                terms = _split_as_before(text)
                conn.execute("UPDATE pages SET terms = %s, search = %s::tsvector "
                             "WHERE fax_id = %s", (terms, page_tsvector(terms, []), sign))
                add_search_terms(conn, terms)
            conn.execute("UPDATE schema_version SET version = 10")
            assert found(catalog, "85 m²", fuzzy=False) == []
            assert apply_migrations(conn) == 11
        assert found(catalog, '"n° 4471"', fuzzy=False) == [("ordinal", "exact")]
        assert found(catalog, "85 m²", fuzzy=False) == [("area", "exact")]
        vocabulary = _vocabulary(catalog)
        assert {"m²", "½", "n"} <= vocabulary and not {"m2", "nº", "1", "2"} & vocabulary
        assert index_keys(catalog) == expected_keys(catalog)
    finally:
        catalog.close()


def test_pieces_split_evenly_and_cover_the_term() -> None:
    assert pieces(7, 2) == [(0, 3), (3, 4)] and pieces(8, 3) == [(0, 2), (2, 3), (5, 3)]
    assert term_keys("hx2") == ["3/2/0:h", "3/2/1:x2", "<2xh"]
    # Every term within the allowed edits is reached through one of the word's keys.
    for word, term in [("okonkwo", "0konkwa"), ("hernandez", "hemandes"), ("kx", "x"),
                       ("hypertension", "hypertensoin"), ("assignment", "assiqanment")]:
        edits = 2 if len(word) >= 8 else 1
        assert set(lookup_keys(word, edits)) & set(term_keys(term)), (word, term)


def test_a_long_word_reaches_shorter_terms_through_its_deletions() -> None:
    """Under two edits, terms shorter than the word are looked up from the word's deletions:
    two letters shorter, by folded form; one shorter, by the halves of a one-letter deletion
    in place. Every such term is reached, and the thirds of short terms are not read."""
    for word, term in [("fernandez", "fenandz"), ("fernandez", "femandez"),
                       ("fernandez", "ferrnandz"), ("okonkwoa", "0konkw"),
                       ("hypertension", "hyperension"), ("hypertension", "hypertensoin")]:
        where = close_lookup(word, 2)
        assert set(term_keys(term)) & where.keys or fold_lookalikes(term) in where.folded, \
            (word, term)
    where = close_lookup("fernandez", 2)
    assert fold_lookalikes("fnandez") in where.folded  # two letters deleted
    assert {len(f) for f in where.folded} == {7}
    assert not {key for key in where.keys if key.startswith(("7/3/", "8/3/"))}
    # One edit: a term one letter shorter is one of the word's deletions, exactly.
    assert close_lookup("lidell", 1).folded == {"1de11", "11e11", "11d11", "11de1"}
    assert not {key for key in close_lookup("lidell", 1).keys if key.startswith("5/")}


def two_edits(word: str, rng: random.Random, letters: str) -> str:
    """``word`` with two random edits (substitution, insertion or deletion, anywhere)."""
    for _ in range(2):
        at = rng.randrange(len(word) + 1)
        kind = rng.randrange(3) if at < len(word) else 1
        word = (word[:at] + rng.choice(letters) + word[at + (kind == 0):] if kind < 2
                else word[:at] + word[at + 1:])
    return word


def test_a_long_word_reaches_terms_as_long_or_longer_through_two_quarters() -> None:
    """Under two edits, terms as long as the word or longer are looked up by pairs of their
    quarters, every edit at every place (the edits of ``two_edits``, 3,000 times), and the
    thirds are not read."""
    rng = random.Random(8)
    letters = "abcdeghiklmnorstuz015"
    for _ in range(3000):
        word = "".join(rng.choice(letters) for _ in range(rng.randint(8, 13)))
        term = two_edits(word, rng, letters)
        if len(term) < len(word):
            continue
        where = close_lookup(word, 2)
        assert set(term_keys(term)) & where.keys, (word, term)
        assert not {key for key in where.keys if "/3/" in key}
    assert pair_keys("prticu1a") == ["8/4/01:pr.ti", "8/4/02:pr.cu", "8/4/03:pr.1a",
                                     "8/4/12:ti.cu", "8/4/13:ti.1a", "8/4/23:cu.1a"]
    assert pair_keys("prticu1") == []  # seven letters: one edit, or two by deletions


def test_terms_two_letters_shorter_are_found_and_forgotten_with_their_page(
        new_catalog: Callable[[], Catalog]) -> None:
    catalog = new_catalog()
    add_page(catalog, "S", "Referral for Fenandz")  # "Fernandez" with two letters lost
    add_page(catalog, "T", "Referral for Femandez")  # ... and "rn" read as "m"
    assert sorted(found(catalog, "Fernandez")) == [("S", "fuzzy"), ("T", "fuzzy")]
    with catalog.transaction():
        catalog.delete_pages("S")
    assert "fenandz" not in {r[0] for r in rows_of(catalog, "SELECT term FROM search_terms")}
    assert found(catalog, "Fernandez") == [("T", "fuzzy")]


def test_the_close_word_index_finds_what_a_scan_of_every_term_finds(
        new_catalog: Callable[[], Catalog]) -> None:
    """For every edit budget search uses, the terms found through the index's keys are
    exactly those a comparison with every indexed term finds (but for one character read as
    another: a lone letter of a code is not matched by a different lone letter)."""
    rng = random.Random(3)
    letters = "abcdeghiklmnorstuz015"
    catalog = new_catalog()
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 12)))
             for _ in range(3000)]
    add_page(catalog, "W", " ".join(words))
    terms = [r[0] for r in rows_of(catalog, "SELECT term FROM search_terms")]
    vocabulary = IndexedVocabulary(catalog)
    for word in rng.sample(terms, 150) + [w[:-1] + "x" for w in rng.sample(terms, 150)]:
        for edits in (1, 2) if len(word) >= 8 else (1,):
            scanned = {t for t in terms if Levenshtein.distance(
                fold_lookalikes(word), fold_lookalikes(t)) <= (edits if len(word + t) > 2 else 0)}
            assert set(vocabulary.close_to(word, edits)) == scanned, (word, edits)


def test_the_close_word_index_finds_a_long_word_s_terms_two_edits_away(
        new_catalog: Callable[[], Catalog]) -> None:
    """Long words, each with terms two edits away of every kind (shorter, as long, longer):
    the index finds exactly what a comparison with every indexed term finds."""
    rng = random.Random(4)
    letters = "abcdeghiklmnorstuz015"
    catalog = new_catalog()
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(8, 12)))
             for _ in range(120)]
    variants = [two_edits(word, rng, letters) for word in words for _ in range(6)]
    add_page(catalog, "W", " ".join(words + variants))
    terms = [r[0] for r in rows_of(catalog, "SELECT term FROM search_terms")]
    vocabulary = IndexedVocabulary(catalog)
    reached = 0
    for word in words + [two_edits(w, rng, letters) for w in words]:
        if len(word) < 8:
            continue
        scanned = {t for t in terms
                   if Levenshtein.distance(fold_lookalikes(word), fold_lookalikes(t)) <= 2}
        assert set(vocabulary.close_to(word, 2)) == scanned, word
        reached += len(scanned - {word})
    assert reached > 500  # the comparison is not over words alone


def test_a_mailbox_filter_is_applied_before_the_limit(new_catalog: Callable[[], Catalog]
                                                      ) -> None:
    """A person's search runs over their mailboxes only: many hits elsewhere never crowd out
    theirs, exact or close, and no grant means no hit."""
    catalog = new_catalog()
    faxes = [(f"B{n:03d}", "billing") for n in range(300)] + [("A001", "cardiology")]
    with catalog.transaction():
        for fax_id, mailbox in faxes:
            add_fax(catalog, fax_id, "2026-11-20T00:00:00Z", mailbox)
            catalog.replace_page(fax_id, {"page_no": 1, "width_px": 1, "height_px": 1,
                                          "xdpi": 204, "ydpi": 98, "confidence": 80,
                                          "text": "Referral for Brastow, echocardiogram"})
    mine = SearchFilters(mailboxes=("cardiology",))
    assert [h["fax_id"] for h in search_pages(catalog, "referral", mine, 20)] == ["A001"]
    assert [(h["fax_id"], h["match"])
            for h in search_pages(catalog, "Brastaw", mine, 20)] == [("A001", "fuzzy")]
    assert search_pages(catalog, "referral", SearchFilters(mailboxes=()), 20) == []
    assert len(search_pages(catalog, "referral", SearchFilters(), 20)) == 20


def test_postgresql_ranks_the_newest_matching_pages_that_pass_the_filters(
        postgres_url: str, tmp_path: Path) -> None:
    """A word on more pages than ``catalog.search_ranked_pages`` is ranked among its newest
    matching pages (ranking reads each page's index terms: every page of a common word would
    be seconds of work on a large archive); filters apply before that bound, so a page
    filtered out takes no ranked place; up to the bound every matching page is ranked."""
    catalog = open_any_catalog(CatalogLocation(
        sqlite_path=tmp_path / "unused.sqlite3", url=postgres_url,
        postgres=PostgresSettings(search_ranked_pages=4)))
    try:
        # Written oldest first; P0 names the invoice most often of all, P3 of the newest.
        add_page(catalog, "P0", "invoice invoice invoice invoice invoice, second notice")
        for n in range(1, 7):
            twice = "invoice " if n == 3 else ""
            add_page(catalog, f"P{n}", f"{twice}invoice number {n}, payment in thirty days")
        for fax_id in ("P5", "P6"):
            catalog.update_fax(fax_id, spam_verdict="spam")

        def hits(query: str, limit: int, **filters: object) -> list[str]:
            return [h["fax_id"] for h in search_pages(catalog, query, SearchFilters(**filters),
                                                      limit)]

        # The best of the newest four, then the oldest of those ranked alike (as SQLite).
        assert hits("invoice", 2) == ["P3", "P1"]
        assert sorted(hits("invoice", 4, include_spam=True)) == ["P3", "P4", "P5", "P6"]
        # A search asking for more pages than the bound ranks as many as it asks for.
        assert hits("invoice", 20)[0] == "P0"
        assert hits("notice", 2) == ["P0"]  # a word on fewer pages than the bound: all ranked
    finally:
        catalog.close()


def test_a_query_narrowed_to_its_rarer_words_keeps_every_part() -> None:
    """Options that match only through common terms are left out (a phrase is as rare as its
    rarest term); a part with no rarer option stays whole beside a narrowed one, and a query
    whose every way to match is common has no narrower form."""
    common = frozenset({"cena", "la", "de"})
    name = AnyOf((Phrase("cadena"), Phrase("cena"), Phrase("la cena"), Phrase("de cadena")))
    assert narrowed(name, common) == AnyOf((Phrase("cadena"), Phrase("de cadena")))
    assert narrowed(AllOf((name, Phrase("la"))), common) == \
        AllOf((AnyOf((Phrase("cadena"), Phrase("de cadena"))), Phrase("la")))
    assert narrowed(AllOf((Phrase("cena"), Phrase("la de"))), common) is None
    assert narrowed(Phrase("knee"), common) == Phrase("knee")


def test_postgresql_tries_a_common_close_word_after_the_rarer_ones(
        postgres_url: str, tmp_path: Path) -> None:
    """A close word that is one of the archive's most common words (PostgreSQL's statistics:
    on more pages than a search ranks) is tried after the rarer ones: the page holding the
    name a misread query was meant for is not crowded out by the newest pages of a common
    word one letter away, and those pages still fill what is left."""
    catalog = open_any_catalog(CatalogLocation(
        sqlite_path=tmp_path / "unused.sqlite3", url=postgres_url,
        postgres=PostgresSettings(search_ranked_pages=4)))
    try:
        add_page(catalog, "OLD", "Referral for Marta Cadena, knee pain")  # the oldest page
        for n in range(12):
            add_page(catalog, f"C{n:02d}", f"Menu {n}: la cena de Navidad, postre y cafe")
        with psycopg.connect(postgres_url) as conn:
            conn.execute("ANALYZE pages")  # what autovacuum does on a real archive
        hits = [(h["fax_id"], h["match"])
                for h in search_pages(catalog, "Cdena", SearchFilters(), 3)]
        assert hits[0] == ("OLD", "fuzzy")
        assert [match for _, match in hits] == ["fuzzy"] * 3
        assert {fax_id for fax_id, _ in hits[1:]} <= {f"C{n:02d}" for n in range(12)}
    finally:
        catalog.close()


def test_pages_dropped_after_a_shorter_reading_leave_no_words_behind(
        new_catalog: Callable[[], Catalog]) -> None:
    """A fax read again that comes out shorter drops its extra pages through the catalog,
    so words only they held are forgotten (no close match reaches a page that is gone)."""
    catalog = new_catalog()
    with catalog.transaction():
        add_fax(catalog, "F1")
        for page_no, text in ((1, "Referral letter"), (2, "Quillon Brastow echocardiogram")):
            catalog.replace_page("F1", {"page_no": page_no, "width_px": 1, "height_px": 1,
                                        "xdpi": 204, "ydpi": 98, "confidence": 80,
                                        "text": text})
        catalog.delete_pages_after("F1", 1)
    terms = {row[0] for row in rows_of(catalog, "SELECT term FROM search_terms")}
    assert "brastow" not in terms and "referral" in terms
    assert search_pages(catalog, "Brastaw", SearchFilters()) == []
    assert [h["page_no"] for h in search_pages(catalog, "referral", SearchFilters())] == [1]


def test_a_postgresql_catalog_from_before_search_gets_its_close_word_index(
        postgres_url: str, tmp_path: Path) -> None:
    """A PostgreSQL catalog made before search (schema 4: terms and a tsvector from
    PostgreSQL's own parser, no close-word index) is searchable once upgraded: every term
    keyed, phrases found at their places."""
    import psycopg

    from storage.pg.schema import MIGRATIONS as PG_MIGRATIONS

    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE schema_version (version integer NOT NULL)")
        conn.execute("INSERT INTO schema_version VALUES (4)")
        for script in PG_MIGRATIONS[:4]:
            conn.execute(script)
        conn.execute("INSERT INTO faxes (id, provider, provider_fax_id, received_at, created_at,"
                     " updated_at) VALUES ('OLD', 'local', 'x', 'now', 'now', 'now')")
        conn.execute("INSERT INTO pages (fax_id, page_no, width_px, height_px, xdpi, ydpi, text,"
                     " terms, search) VALUES ('OLD', 1, 1, 1, 204, 98, %(text)s, %(terms)s,"
                     " to_tsvector('simple', %(text)s))",
                     {"text": "Referral for 0konkwo re 1TH-9921",
                      "terms": ["referral", "for", "0konkwo", "re", "1th", "9921"]})
        conn.execute("INSERT INTO search_terms SELECT t, t FROM unnest(%s::text[]) t",
                     (["referral", "for", "0konkwo", "re", "1th", "9921"],))
    catalog = open_any_catalog(CatalogLocation(sqlite_path=tmp_path / "unused", url=postgres_url))
    try:
        assert index_keys(catalog) == expected_keys(catalog) != set()
        assert found(catalog, "Okonkwo") == [("OLD", "fuzzy")]
        assert found(catalog, '"for 0konkwo"') == [("OLD", "exact")]
        assert found(catalog, "TH-9921") == [("OLD", "exact")]
    finally:
        catalog.close()


def test_a_postgresql_catalog_from_before_pair_keys_gets_them(postgres_url: str,
                                                               tmp_path: Path) -> None:
    """A PostgreSQL catalog at schema 7 (close-word keys without pairs of quarters) gets them
    when opened, and finds a long word's term two edits away as long as the word."""
    catalog = open_any_catalog(CatalogLocation(sqlite_path=tmp_path / "unused", url=postgres_url))
    try:
        add_page(catalog, "OLD", "Referral for Fernandes-Okonkwo")
        with catalog.transaction() as conn:  # as schema 7 filed them
            conn.execute("DELETE FROM search_term_keys WHERE key LIKE '%/4/%'")
            # ... and without what schema 10 added (the spam training revision)
            conn.execute("DROP TABLE spam_training; "
                         "DROP FUNCTION spam_training_changed, judged_page_changed CASCADE")
            conn.execute("UPDATE schema_version SET version = 7")
    finally:
        catalog.close()
    assert not {key for key, _ in index_keys_at(postgres_url) if "/4/" in key}
    catalog = open_any_catalog(CatalogLocation(sqlite_path=tmp_path / "unused", url=postgres_url))
    try:
        assert index_keys(catalog) == expected_keys(catalog)
        assert ("9/4/13:rn.de5", "fernandes") in index_keys(catalog)
        assert found(catalog, "Hernandez") == [("OLD", "fuzzy")]
        # The trigram index the planner took for lookups by folded form is gone.
        assert rows_of(catalog, "SELECT indexname FROM pg_indexes "
                                "WHERE indexname = 'search_terms_folded'") == []
    finally:
        catalog.close()


def index_keys_at(url: str) -> set[tuple[str, str]]:
    import psycopg

    with psycopg.connect(url) as conn:
        return {(key, term) for key, term in conn.execute(
            "SELECT key, term FROM search_term_keys")}


def test_a_phrase_does_not_run_from_the_text_into_the_added_forms(
        new_catalog: Callable[[], Catalog]) -> None:
    """The page's text and the searchable forms added to it are indexed apart (two FTS5
    columns on SQLite, two runs of places on PostgreSQL): a phrase is found in either, not
    across the seam."""
    catalog = new_catalog()
    add_fax(catalog, "X")
    catalog.replace_page("X", {"page_no": 1, "width_px": 1, "height_px": 1, "xdpi": 204,
                               "ydpi": 98, "confidence": 90, "text": "total due bison",
                               "added_forms": "heron quartz"})
    assert found(catalog, '"due bison"') == [("X", "exact")]
    assert found(catalog, '"heron quartz"') == [("X", "exact")]
    assert found(catalog, '"bison heron"') == []
