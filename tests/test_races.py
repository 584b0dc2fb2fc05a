"""Two workers or two nodes at once: what PostgreSQL runs side by side (read committed) and
SQLite runs one after the other must end the same way: no fax dropped, no search term
forgotten under a page that uses it, no stale worker's failure recorded over a live run."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from ingest.compliance import (
    DELETING,
    HoldRefused,
    RetentionRefused,
    delete_fax,
    set_legal_hold,
)
from ingest.jobs import JobKind
from ingest.journal import DeliveryRecord, NewFax, journal_delivery
from ingest.local import LocalMetadata, ingest_file, journal_blob
from ingest.pipeline import Services, open_services, release_spool
from ingest.worker import run_job, worker_loop
from storage.archive import ArchiveError
from storage.pg.catalog import TERMS_LOCK
from tests.cliutil import wait_until
from tests.conftest import make_config
from tests.postgres import waiting_on_a_lock


def _cli_fax(catalog, name: str) -> str:
    """A fax journaled as the CLI journals a file (no job, no bytes): its id."""
    return journal_delivery(catalog, DeliveryRecord(
        provider="cli", idem_key=f"cli:{name}", event_type="file",
        fax=NewFax(provider="cli", provider_fax_id=name, received_at=None))).fax_id


async def test_a_worker_whose_lease_was_taken_over_leaves_the_fax_to_the_new_one(
        services: Services) -> None:
    """A worker that stalled past its lease fails late: nothing it says is recorded, the
    fax is not marked failed while the worker that took the job over is running it."""
    catalog = services.catalog
    journaled = journal_delivery(catalog, DeliveryRecord(
        provider="cli", idem_key="cli:stalled", event_type="file", job_kind=JobKind.PROCESS,
        fax=NewFax(provider="cli", provider_fax_id="stalled", received_at=None,
                   original_sha256="0" * 64)))  # not in the spool: the process step fails
    stalled = catalog.jobs.lease(-1)  # a lease that has already run out
    assert stalled is not None
    taken_over = catalog.jobs.lease(60)
    assert taken_over is not None and taken_over.id == stalled.id
    await run_job(services, stalled)
    fax = catalog.get_fax(journaled.fax_id)
    assert fax["state"] != "failed" and fax["error"] is None
    assert catalog.jobs.failed_jobs() == []
    assert catalog.jobs.renew(taken_over, 60)  # still the new worker's
    await run_job(services, taken_over)  # its own failure is recorded
    assert catalog.get_fax(journaled.fax_id)["state"] == "failed"
    assert "not in the spool" in catalog.get_fax(journaled.fax_id)["error"]


@pytest.fixture
def two_nodes(postgres_url: str, tmp_path: Path) -> Iterator[tuple[Services, Services]]:
    nodes = [open_services(make_config(tmp_path / name, catalog={"url": postgres_url}),
                           with_pool=False) for name in ("a", "b")]
    try:
        yield nodes[0], nodes[1]
    finally:
        for node in nodes:
            node.close()


def test_two_nodes_taking_one_fax_server_id_with_other_bytes_keep_both(
        two_nodes: tuple[Services, Services], postgres_url: str, sample_fax: Path) -> None:
    """Node b looks the id up before node a commits it, then inserts after: its fax is the
    same id with other bytes, kept apart, never dropped as a duplicate of a's."""
    a, b = two_nodes
    meta = LocalMetadata(provider="hylafax", provider_fax_id="faxhost:000000042")
    blob_a = a.spool.store_file(sample_fax, a.config.limits.max_file_bytes)
    blob_b = b.spool.store_chunks([sample_fax.read_bytes() + b"\0other"],
                                  b.config.limits.max_file_bytes)
    results: list[object] = []

    def node_b() -> None:
        try:
            results.append(journal_blob(b, blob_b, "b.tif", meta))
        except BaseException as exc:  # reported below
            results.append(exc)

    with a.catalog.transaction():  # a's journal, not committed yet
        first = journal_blob(a, blob_a, "a.tif", meta)
        thread = threading.Thread(target=node_b)
        thread.start()
        # b found no fax with this id and now waits for a's insert to commit or roll back.
        wait_until(lambda: waiting_on_a_lock(postgres_url), 30, "node b waiting on a")
    thread.join(30)
    assert not thread.is_alive()
    [second] = results
    assert not isinstance(second, BaseException), second
    assert not second.duplicate and second.fax_id != first.fax_id
    fax = b.catalog.get_fax(second.fax_id)
    assert fax["original_sha256"] == blob_b.sha256
    assert fax["provider_fax_id"] == f"faxhost:000000042/sha256:{blob_b.sha256}"
    assert fax["metadata"]["id_collision"]["other_fax"] == first.fax_id
    assert b.spool.blob_path(blob_b.sha256).is_file()  # not dropped as a duplicate's copy
    assert a.catalog.get_fax(first.fax_id)["original_sha256"] == blob_a.sha256


def test_forgetting_search_terms_waits_for_pages_being_added(
        two_nodes: tuple[Services, Services], postgres_url: str) -> None:
    """A page write holds the vocabulary shared; forgetting terms takes it alone, so its
    "no page holds this term" sees every page added before it."""
    a, _ = two_nodes
    catalog = a.catalog
    fax_ids = [_cli_fax(catalog, str(n)) for n in (1, 2)]
    page = {"width_px": 1728, "height_px": 2200, "xdpi": 204.0, "ydpi": 196.0,
            "confidence": 91.0, "page_no": 1, "text": "quokka wombat"}
    catalog.replace_page(fax_ids[0], page)
    with psycopg.connect(postgres_url, autocommit=True) as other:
        def may_take(how: str) -> bool:
            return other.execute(f"SELECT pg_try_advisory_xact_lock{how}(%s)",
                                 (TERMS_LOCK,)).fetchone()[0]

        with catalog.transaction():
            catalog.replace_page(fax_ids[1], page)
            assert not may_take("") and may_take("_shared")  # adders run side by side
        with catalog.transaction():
            catalog.delete_pages(fax_ids[0])  # fax 2's page still holds both words
            assert not may_take("_shared")  # no page added until this commits
        assert may_take("")
        kept = other.execute("SELECT term FROM search_terms WHERE term IN ('quokka', 'wombat')"
                             " ORDER BY term").fetchall()
    assert kept == [("quokka",), ("wombat",)]  # fax 2's page still uses them


async def test_a_hold_and_a_deletion_of_one_fax_never_decide_side_by_side(
        services: Services, sample_fax: Path) -> None:
    """Each decides holding the fax's row: a deletion under way refuses a new hold, a hold
    refuses the deletion; a hold the store refuses leaves the catalog as it was."""
    catalog = services.catalog
    fax_id = ingest_file(services, sample_fax).fax_id
    await worker_loop(services, asyncio.Event(), fax_ids=[fax_id], until_idle=True)

    def held() -> list[int]:
        return [o["legal_hold"] for o in catalog.archive_objects(fax_id)]

    with catalog.transaction():  # a deletion that has decided and is deleting objects
        catalog.update_fax(fax_id, state=DELETING)
    with pytest.raises(HoldRefused, match="deleting"):
        set_legal_hold(services, fax_id, True, "test", "case 7")
    assert not any(held())
    with catalog.transaction():
        catalog.update_fax(fax_id, state="archived")
    set_legal_hold(services, fax_id, True, "test", "case 7")
    with pytest.raises(RetentionRefused, match="legal hold"):
        delete_fax(services, fax_id, "test", "too early")
    assert catalog.get_fax(fax_id)["state"] == "archived" and all(held())
    assert all(services.archive.exists(o["key"]) for o in catalog.archive_objects(fax_id))
    set_legal_hold(services, fax_id, False, "test", "case closed")
    # The store refuses (an object gone from the local archive): nothing recorded.
    [first, *_] = catalog.archive_objects(fax_id)
    (services.archive.root / first["key"]).unlink()
    with pytest.raises(ArchiveError, match="not in the archive"):
        set_legal_hold(services, fax_id, True, "test", "case 8")
    assert not any(held())
    actions = [e["action"] for e in catalog.audit_entries()
               if e["fax_id"] == fax_id and e["action"].startswith("hold.")]
    assert actions == ["hold.set", "hold.released"]
    objects = len(held())
    assert delete_fax(services, fax_id, "test", "retention over") == objects
    assert catalog.get_fax(fax_id)["state"] == "deleted"


def test_the_lock_on_a_fax_holds_another_node_off_until_the_end(
        two_nodes: tuple[Services, Services], postgres_url: str) -> None:
    a, _ = two_nodes
    fax_id = _cli_fax(a.catalog, "locked")
    with psycopg.connect(postgres_url, autocommit=True) as other:
        def other_node_may_lock() -> bool:
            try:
                other.execute("SELECT 1 FROM faxes WHERE id = %s FOR UPDATE NOWAIT", (fax_id,))
            except psycopg.errors.LockNotAvailable:
                return False
            return True

        with a.catalog.transaction():
            a.catalog.lock_fax(fax_id)
            assert not other_node_may_lock()
        assert other_node_may_lock()


@pytest.fixture
def two_nodes_one_spool(postgres_url: str,
                        tmp_path: Path) -> Iterator[tuple[Services, Services]]:
    """Two processes of one node: their own catalog connections, one data directory."""
    config = make_config(tmp_path / "node", catalog={"url": postgres_url})
    nodes = [open_services(config, with_pool=False) for _ in range(2)]
    try:
        yield nodes[0], nodes[1]
    finally:
        for node in nodes:
            node.close()


def test_a_release_beside_a_journal_of_the_same_bytes_keeps_them(
        two_nodes_one_spool: tuple[Services, Services], postgres_url: str,
        sample_fax: Path) -> None:
    """An archived fax's release counts who needs its bytes while another process journals
    a new fax with them: it waits for that journal and keeps the spool copy."""
    a, b = two_nodes_one_spool
    first = ingest_file(a, sample_fax)
    with a.catalog.transaction():
        a.catalog.update_fax(first.fax_id, state="archived")
    blob = a.spool.store_file(sample_fax, a.config.limits.max_file_bytes)
    done: list[object] = []

    def release() -> None:
        try:
            release_spool(b, b.catalog.get_fax(first.fax_id))
            done.append(True)
        except BaseException as exc:  # reported below
            done.append(exc)

    thread = threading.Thread(target=release)
    with a.catalog.transaction():  # the journal of the same bytes, not committed yet
        second = journal_blob(a, blob, "again.tif", LocalMetadata(
            provider="hylafax", provider_fax_id="faxhost:000000077"))
        thread.start()
        wait_until(lambda: waiting_on_a_lock(postgres_url), 30, "the release waiting")
    thread.join(30)
    assert done == [True]
    assert not second.duplicate
    assert a.spool.blob_path(blob.sha256).read_bytes() == sample_fax.read_bytes()


def test_a_deletion_beside_a_hold_on_another_node_sees_the_hold(
        two_nodes: tuple[Services, Services], postgres_url: str) -> None:
    a, b = two_nodes
    fax_id = _cli_fax(a.catalog, "held")
    with a.catalog.transaction():
        a.catalog.record_archive_object(fax_id, {
            "purpose": "original", "key": f"faxes/{fax_id}/original.tif", "sha256": "ab" * 32,
            "size": 10, "version_id": None, "retain_until": None,
            "archived_at": "2026-12-03T16:00:00Z"})
        a.catalog.update_fax(fax_id, state="archived")
    refused: list[BaseException] = []

    def delete() -> None:
        try:
            delete_fax(b, fax_id, "test", "beside a hold")
        except BaseException as exc:  # reported below
            refused.append(exc)

    thread = threading.Thread(target=delete)
    with a.catalog.transaction():  # a hold deciding: the fax's row is its own
        a.catalog.lock_fax(fax_id)
        thread.start()
        wait_until(lambda: waiting_on_a_lock(postgres_url), 30, "the deletion waiting")
        a.catalog.set_legal_hold(fax_id, True)
    thread.join(30)
    assert len(refused) == 1 and isinstance(refused[0], RetentionRefused), refused
    assert b.catalog.get_fax(fax_id)["state"] == "archived"
