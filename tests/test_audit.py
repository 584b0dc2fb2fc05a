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


def anchoring_services(tmp_path: Path):
    from ingest.pipeline import open_services
    from tests.conftest import make_config

    config = make_config(tmp_path / "var", audit={"anchor_batch_seconds": 0.05,
                                                  "anchor_seconds": 3600.0})
    return open_services(config, with_pool=False)


def test_a_persons_entries_are_anchored_in_a_batch_the_services_on_the_timer(
        tmp_path: Path) -> None:
    from ingest.compliance import anchor_pending

    services = anchoring_services(tmp_path)
    try:
        audit.record(services.catalog, "system", "fax.archived", "FAX1", {})
        audit.record(services.catalog, "provider:faxplus", "delivery.journaled", "FAX2", {})
        assert anchor_pending(services) == []  # the service's own: left to the timer
        audit.record(services.catalog, "cli:alice", "fax.viewed", "FAX1", {})
        [record] = anchor_pending(services)
        assert (record.target, record.seq) == ("archive", 3)
        assert anchor_pending(services) == []  # nothing new: no second anchor
        stored = audit.read_stored_anchors("archive", services.archive)
        assert [(a.seq, a.hash) for a in stored] == [audit.head(services.catalog)]
    finally:
        services.close()


async def test_serve_anchors_a_read_within_a_batch_and_the_rest_on_the_way_out(
        tmp_path: Path) -> None:
    import asyncio

    from ingest.compliance import anchor_loop
    from tests.cliutil import wait_until_async

    services = anchoring_services(tmp_path)
    catalog = services.catalog
    try:
        audit.record(catalog, "system", "config.applied", None, {})
        loop = asyncio.create_task(anchor_loop(services, 3600.0))
        await wait_until_async(lambda: audit.last_anchored_seq(catalog, "archive") == 1,
                               what="the anchor at start")
        audit.record(catalog, "web:bob", "fax.viewed", "FAX1", {})  # a read in the web inbox
        await wait_until_async(lambda: audit.last_anchored_seq(catalog, "archive") == 2,
                               what="the read to be anchored")
        audit.record(catalog, "system", "fax.archived", "FAX2", {})
        loop.cancel()
        await asyncio.gather(loop, return_exceptions=True)
        assert audit.last_anchored_seq(catalog, "archive") == 3  # anchored as serve stops
    finally:
        services.close()
