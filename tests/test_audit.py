from pathlib import Path

from storage import audit
from storage.catalog import open_catalog


def test_chain_verifies_and_names_the_first_tampered_entry(tmp_path: Path) -> None:
    catalog = open_catalog(tmp_path / "c.sqlite3")
    for n in range(5):
        audit.record(catalog, "cli:test", "fax.viewed", f"FAX{n}", {"n": n})
    assert audit.verify_chain(catalog).ok
    catalog.conn.execute("UPDATE audit_log SET actor = 'cli:mallory' WHERE seq = 3")
    report = audit.verify_chain(catalog)
    assert (report.first_broken_seq, report.problem) == (3, "entry content does not match its hash")


def test_deleted_entry_is_detected(tmp_path: Path) -> None:
    catalog = open_catalog(tmp_path / "c.sqlite3")
    for n in range(4):
        audit.record(catalog, "system", "x", None, {"n": n})
    catalog.conn.execute("DELETE FROM audit_log WHERE seq = 2")
    report = audit.verify_chain(catalog)
    assert report.first_broken_seq == 2 and "missing" in report.problem
