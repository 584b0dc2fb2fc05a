"""End to end on PostgreSQL through the real console script: the catalog and the queue in a
real server (tests/postgres.py), real tesseract, the local archive."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.cliutil import run_cli
from tests.conftest import write_config


@pytest.fixture
def pg_env(tmp_path: Path, postgres_url: str) -> tuple[Path, Path, dict[str, str]]:
    config = write_config(tmp_path / "faxvault.toml", tmp_path / "var")
    return config, tmp_path / "var", {"FAXVAULT_CATALOG_URL": postgres_url}


def test_ingest_wait_then_show_status_and_audit_verify_on_postgresql(
        pg_env: tuple[Path, Path, dict[str, str]], sample_fax: Path, postgres_url: str) -> None:
    config, data_dir, env = pg_env
    [row] = run_cli(config, "ingest", str(sample_fax), "--from", "+1 334-304-0000", "--wait",
                    "--json", env=env).json()
    assert row["state"] == "archived" and row["pages"] == 3 and not row["duplicate"]
    [again] = run_cli(config, "ingest", str(sample_fax), "--from", "+1 334-304-0000",
                      "--wait", "--json", env=env).json()
    assert again["duplicate"] and again["fax_id"] == row["fax_id"]

    doc = run_cli(config, "show", row["fax_id"][:12], "--text", "--json", env=env).json()
    assert doc["id"] == row["fax_id"] and doc["from_number"] == "+13343040000"
    assert [p["page_no"] for p in doc["pages_detail"]] == [1, 2, 3]
    assert "zeppelin" in doc["pages_detail"][2]["text"]
    assert {o["purpose"] for o in doc["archive"]} == {"original", "pdf", "tiff", "text", "meta"}

    status = run_cli(config, "status", "--json", env=env).json()
    assert status["faxes"] == {"archived": 1}
    assert status["jobs"]["done"] == 2 and status["jobs"]["failed"] == 0

    out = tmp_path_of(config) / "o.tif"
    run_cli(config, "get", row["fax_id"], "--format", "original", "-o", str(out), env=env)
    assert out.read_bytes() == sample_fax.read_bytes()

    bundle = tmp_path_of(config) / "bundle"
    exported = run_cli(config, "export", "-o", str(bundle), "--json", env=env).json()
    assert exported["faxes"] == 1
    assert run_cli(config, "verify-export", str(bundle), "--json", env=env).json()["ok"]
    # Search and export --query read the server's full-text index: a word, a close match
    # (a letter lost), and a code typed without the space the page has.
    def search(*query: str) -> list[tuple[int, str]]:
        hits = run_cli(config, "search", "--json", "--", *query, env=env).json()
        assert all(h["fax_id"] == row["fax_id"] for h in hits)
        return [(h["page_no"], h["match"]) for h in hits]

    assert search("zeppelin") == [(3, "exact")]
    assert search("zepelin quartz") == [(3, "fuzzy")]
    assert search("MRN448812") == [(1, "exact")]
    assert search("zeppelin invoice") == []
    [hit] = run_cli(config, "search", "--json", "quartz", env=env).json()
    assert "[quartz]" in hit["snippet"]
    queried = run_cli(config, "export", "-o", str(tmp_path_of(config) / "q"), "--json",
                      "--query", "zeppelin quartz", env=env).json()
    assert queried["faxes"] == 1
    assert run_cli(config, "export", "-o", str(tmp_path_of(config) / "n"), "--json",
                   "--query", "zeppelin albatross", env=env).json()["faxes"] == 0

    verified = run_cli(config, "audit", "verify", "--json", env=env).json()
    assert verified["ok"] and verified["entries"] >= 5  # journaled, ocr, archived, reads

    # The catalog really is the server's: no SQLite file appeared in the data dir.
    assert not (data_dir / "faxvault.sqlite3").exists()


def test_a_catalog_url_password_is_never_printed(pg_env: tuple[Path, Path, dict[str, str]],
                                                 postgres_url: str) -> None:
    config, _, env = pg_env
    password = urlsplit(postgres_url).password
    assert password
    wrong = postgres_url.replace(password, password + "-wrong")
    result = run_cli(config, "status", "--json", env={"FAXVAULT_CATALOG_URL": wrong},
                     expect=None)
    assert result.code != 0
    assert password not in result.out + result.err
    assert "catalog" in result.err.lower()
    ok = run_cli(config, "status", "--json", env=env)
    assert password not in ok.out + ok.err


def tmp_path_of(config: Path) -> Path:
    return config.parent


def test_catalog_copy_moves_a_sqlite_catalog_to_postgresql_with_its_chain_intact(
        pg_env: tuple[Path, Path, dict[str, str]], sample_fax: Path, postgres_url: str) -> None:
    config, data_dir, env = pg_env
    # A SQLite catalog with a processed fax, reads, an operator verdict and a legal hold.
    [row] = run_cli(config, "ingest", str(sample_fax), "--wait", "--json").json()
    run_cli(config, "show", row["fax_id"], "--json")
    run_cli(config, "spam", "unmark", row["fax_id"])
    run_cli(config, "hold", "set", row["fax_id"], "--reason", "litigation")
    before = run_cli(config, "audit", "verify", "--json").json()
    assert before["ok"]

    copied = run_cli(config, "catalog", "copy", "--json", env=env).json()
    assert copied["rows"]["faxes"] == 1 and copied["rows"]["pages"] == 3
    assert copied["rows"]["jobs"] == 2 and copied["rows"]["archive_objects"] == 5
    assert copied["rows"]["audit_log"] == before["entries"]

    # From here on the configured catalog is PostgreSQL: the same fax, pages, hold, verdict.
    doc = run_cli(config, "show", row["fax_id"], "--text", "--json", env=env).json()
    assert doc["id"] == row["fax_id"] and "zeppelin" in doc["pages_detail"][2]["text"]
    assert all(o["legal_hold"] for o in doc["archive"])
    assert doc["spam_verdict"] == "ham"
    # Its pages are searchable there, close matches too (the close-word index came along).
    hits = run_cli(config, "search", "--json", "zepelin", env=env).json()
    assert [(h["page_no"], h["match"]) for h in hits] == [(3, "fuzzy")]
    status = run_cli(config, "status", "--json", env=env).json()
    assert status["faxes"] == {"archived": 1} and status["jobs"]["done"] == 2
    after = run_cli(config, "audit", "verify", "--json", env=env).json()
    # The copied chain, the copy's own entry, and the reads since.
    assert after["ok"] and after["entries"] > before["entries"]

    # New work continues after the copied ids; a second copy is refused (never merged).
    from storage.backend import CatalogLocation, open_catalog

    catalog = open_catalog(CatalogLocation(sqlite_path=data_dir / "unused", url=postgres_url))
    try:
        assert catalog.jobs.enqueue("process") == 3
    finally:
        catalog.close()
    refused = run_cli(config, "catalog", "copy", env=env, expect=1)
    assert "not empty" in refused.err


def test_user_commands_on_postgresql(pg_env: tuple[Path, Path, dict[str, str]],
                                     postgres_url: str) -> None:
    """``faxvault user ...`` keeps people in the server: added, listed, changed, disabled,
    with only the argon2 hash stored and the last admin kept."""
    import psycopg

    from tests.webworld import PASSWORD, add_user

    config, data_dir, _ = pg_env
    on_pg = write_config(config.parent / "pg.toml", data_dir,
                         extra=f'[catalog]\nurl = "{postgres_url}"\n')
    out = add_user(on_pg, "user", "add", "ada", "--role", "admin", "--password-stdin")
    assert "/ui/" in out
    add_user(on_pg, "user", "add", "nina", "--role", "viewer", "--mailbox", "front",
             "--mailbox", "billing", "--password-stdin")
    run_cli(on_pg, "user", "add", "nina", "--role", "viewer", expect=1)  # exists
    listed = {u["name"]: u for u in run_cli(on_pg, "user", "list", "--json").json()}
    assert listed["nina"]["mailboxes"] == ["billing", "front"]
    assert listed["ada"]["role"] == "admin" and not listed["ada"]["disabled"]
    run_cli(on_pg, "user", "set", "nina", "--role", "operator", "--mailbox", "front")
    refused = run_cli(on_pg, "user", "disable", "ada", expect=None)
    assert refused.code != 0 and "last enabled admin" in refused.err
    run_cli(on_pg, "user", "disable", "nina")
    listed = {u["name"]: u for u in run_cli(on_pg, "user", "list", "--json").json()}
    assert listed["nina"] == {**listed["nina"], "role": "operator", "mailboxes": ["front"],
                              "disabled": True}
    with psycopg.connect(postgres_url) as conn:
        hashes = [r[0] for r in conn.execute("SELECT password_hash FROM users")]
    assert len(hashes) == 2 and all(h.startswith("$argon2id$") for h in hashes)
    assert PASSWORD not in "".join(hashes)
    assert not (data_dir / "faxvault.sqlite3").exists()
