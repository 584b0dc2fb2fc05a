"""The catalog's interface, the same on SQLite and on PostgreSQL (a real server from
tests/postgres.py): faxes, the journal, pages, holds, spam feedback, the audit chain."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ingest.journal import DeliveryRecord, NewFax, journal_delivery
from storage import audit
from storage.backend import Catalog, CatalogLocation, PostgresSettings, open_catalog
from storage.catalog import NotFound
from storage.terms import index_terms
from tests.cliutil import wait_until
from tests.postgres import waiting_on_a_lock

PAGE = {"width_px": 1728, "height_px": 2200, "xdpi": 204.0, "ydpi": 196.0, "confidence": 91.0}


def _location(request: pytest.FixtureRequest, tmp_path: Path) -> CatalogLocation:
    url = (request.getfixturevalue("postgres_url") if request.param == "postgres" else None)
    return CatalogLocation(sqlite_path=tmp_path / "c.sqlite3", url=url,
                           postgres=PostgresSettings(pool_max_size=4))


@pytest.fixture(params=["sqlite", "postgres"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> CatalogLocation:
    return _location(request, tmp_path)


@pytest.fixture
def catalog(location: CatalogLocation) -> Iterator[Catalog]:
    opened = open_catalog(location)
    try:
        yield opened
    finally:
        opened.close()


def _race_on_two_nodes(nodes: list[Catalog],
                       work: Callable[[Catalog, int], None]) -> list[BaseException]:
    """Run ``work(catalog, thread)`` in four threads at once, two on each node's catalog;
    what any of them raised."""
    errors: list[BaseException] = []

    def run(catalog: Catalog, thread: int) -> None:
        try:
            work(catalog, thread)
        except BaseException as exc:  # reported to the caller
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(nodes[i % 2], i)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def _delivery(n: int, *, provider_fax_id: str | None = None) -> DeliveryRecord:
    return DeliveryRecord(
        provider="cli", idem_key=f"key-{n}", event_type="file", body=b"\x00raw",
        headers={"x": "y"}, job_kind="process",
        fax=NewFax(provider="cli", provider_fax_id=provider_fax_id or f"fax-{n}",
                   received_at=None, from_number="+15551230000",
                   original_sha256="ab" * 32, metadata={"door": "test"}))


def test_a_delivery_is_journaled_once_with_its_fax_job_and_audit_entry(catalog: Catalog) -> None:
    first = journal_delivery(catalog, _delivery(1))
    again = journal_delivery(catalog, _delivery(1))
    assert not first.duplicate and again.duplicate and again.fax_id == first.fax_id
    fax = catalog.get_fax(first.fax_id)
    assert fax["metadata"] == {"door": "test"} and fax["state"] == "received"
    assert catalog.get_fax(first.fax_id[:10].lower())["id"] == first.fax_id  # a prefix
    assert catalog.find_fax("cli", "fax-1")["id"] == first.fax_id
    assert catalog.jobs.counts_by_state()["queued"] == 1
    assert catalog.jobs.lease(60).fax_id == first.fax_id
    assert [d.deliveries for d in catalog.delivery_summaries()] == [1]
    assert audit.head(catalog)[0] == 1 and audit.verify_chain(catalog).ok
    with pytest.raises(NotFound):
        catalog.get_fax("%%%%%%")  # no wildcard lookups by a typed prefix


def test_update_fax_and_the_status_read_models(catalog: Catalog) -> None:
    fax_id = journal_delivery(catalog, _delivery(1)).fax_id
    catalog.update_fax(fax_id, state="processed", pages=2, spam_verdict="ham",
                       metadata='{"door": "again"}')
    assert catalog.get_fax(fax_id)["metadata"] == {"door": "again"}
    assert catalog.fax_counts_by_state() == {"processed": 1}
    assert catalog.spam_verdict_counts() == {"ham": 1}
    assert catalog.unfinished_count([fax_id]) == 1
    assert catalog.count_faxes_needing_original("ab" * 32) == 1
    assert catalog.count_faxes_needing_original("ab" * 32, excluding=fax_id) == 0
    assert catalog.is_original("ab" * 32)


def test_pages_are_replaced_trimmed_and_their_words_forgotten(catalog: Catalog) -> None:
    fax_id = journal_delivery(catalog, _delivery(1)).fax_id
    with catalog.transaction():
        for n, text in enumerate(["Invoice Ñandú", "second page", "third zebra"], start=1):
            catalog.replace_page(fax_id, {**PAGE, "page_no": n, "text": text})
        catalog.replace_page(fax_id, {**PAGE, "page_no": 2, "text": "replaced page"})
        catalog.delete_pages_after(fax_id, 2)
    pages = catalog.pages(fax_id)
    assert [(p["page_no"], p["text"]) for p in pages] == [(1, "Invoice Ñandú"),
                                                          (2, "replaced page")]
    assert set(pages[0]) == {"id", "fax_id", "page_no", "width_px", "height_px", "xdpi",
                             "ydpi", "text", "confidence", "added_forms"}
    assert index_terms("Ñandú") == ["nandu"]
    catalog.delete_pages(fax_id)
    assert catalog.pages(fax_id) == []


def test_archive_objects_holds_spam_feedback_and_retention(catalog: Catalog) -> None:
    fax_id = journal_delivery(catalog, _delivery(1)).fax_id
    catalog.replace_page(fax_id, {**PAGE, "page_no": 1, "text": "buy now"})
    for purpose in ("original", "pdf"):
        catalog.record_archive_object(fax_id, {"purpose": purpose, "key": f"k/{purpose}",
                                               "sha256": "cd" * 32, "size": 10,
                                               "version_id": None,
                                               "retain_until": "2030-01-01T00:00:00Z"})
    catalog.set_legal_hold(fax_id, True)
    assert [o["legal_hold"] for o in catalog.archive_objects(fax_id)] == [1, 1]
    [row] = catalog.retention_rows()
    assert (row["objects"], row["legal_hold"], row["retain_until"]) == (2, 1,
                                                                       "2030-01-01T00:00:00Z")
    assert len(catalog.archived_objects()) == 2
    catalog.record_spam_feedback(fax_id, "spam", "op")
    catalog.record_spam_feedback(fax_id, "ham", "op2")
    assert catalog.spam_feedback(fax_id)["verdict"] == "ham"
    assert catalog.spam_feedback_texts() == [("ham", "buy now")]
    assert catalog.spam_feedback_texts(exclude=fax_id) == []
    catalog.delete_archive_objects(fax_id)
    assert catalog.archive_objects(fax_id) == []


def test_the_spam_training_revision_moves_with_verdicts_and_judged_texts_only(
        catalog: Catalog) -> None:
    """The learned signal's model is trained again only when this revision moves, so it must
    move whenever what training reads changes: a verdict given or changed, a judged fax's
    page added, read again or dropped; and stand still for faxes nobody judged."""
    judged, other = (journal_delivery(catalog, _delivery(n)).fax_id for n in (1, 2))
    catalog.replace_page(judged, {**PAGE, "page_no": 1, "text": "buy now"})
    catalog.replace_page(other, {**PAGE, "page_no": 1, "text": "lab results"})
    revisions = [catalog.spam_training_revision()]

    def moved() -> bool:
        revisions.append(catalog.spam_training_revision())
        return revisions[-1] != revisions[-2]

    catalog.record_spam_feedback(judged, "spam", "op")
    assert moved()
    catalog.record_spam_feedback(judged, "ham", "op2")
    assert moved()
    catalog.replace_page(judged, {**PAGE, "page_no": 1, "text": "buy now, read again"})
    assert moved()
    catalog.replace_page(judged, {**PAGE, "page_no": 2, "text": "order form"})
    assert moved()
    with catalog.transaction():
        catalog.delete_pages_after(judged, 1)
    assert moved()
    catalog.replace_page(other, {**PAGE, "page_no": 1, "text": "lab results, read again"})
    catalog.replace_page(other, {**PAGE, "page_no": 2, "text": "second page"})
    with catalog.transaction():
        catalog.delete_pages_after(other, 1)
    catalog.set_legal_hold(judged, True)
    assert not moved()


def test_a_verdict_and_the_page_writes_of_its_fax_wait_for_each_other(
        postgres_url: str, tmp_path: Path) -> None:
    """On two nodes, a verdict given while its fax's pages are being written waits for
    them, and page writes begun while a verdict is being given wait for it and then count
    as a judged fax's: either way the training revision moves after the last of the two,
    so no node keeps a model trained on the text from before (PostgreSQL; SQLite's writers
    run one at a time)."""
    location = CatalogLocation(sqlite_path=tmp_path / "unused.sqlite3", url=postgres_url)
    nodes = [open_catalog(location), open_catalog(location)]
    try:
        first, second = (journal_delivery(nodes[0], _delivery(n)).fax_id for n in (1, 2))
        for fax_id in (first, second):
            nodes[0].replace_page(fax_id, {**PAGE, "page_no": 1, "text": "old words"})
        # The pages first: the verdict waits for them.
        verdict = threading.Thread(
            target=lambda: nodes[1].record_spam_feedback(first, "spam", "op"))
        with nodes[0].transaction():
            nodes[0].replace_page(first, {**PAGE, "page_no": 1, "text": "zebra print"})
            verdict.start()
            wait_until(lambda: waiting_on_a_lock(postgres_url), 30,
                       "the verdict waiting for the page write")
        verdict.join(30)
        assert nodes[1].spam_feedback(first)["verdict"] == "spam"
        # The verdict first: the page write waits, then raises the revision itself.
        pages = threading.Thread(target=lambda: nodes[1].replace_page(
            second, {**PAGE, "page_no": 1, "text": "quokka print"}))
        with nodes[0].transaction():
            nodes[0].record_spam_feedback(second, "ham", "op")
            pages.start()
            wait_until(lambda: waiting_on_a_lock(postgres_url), 30,
                       "the page write waiting for the verdict")
            judged = nodes[0].spam_training_revision()  # the verdict's raise, uncommitted
        pages.join(30)
        assert nodes[0].spam_training_revision() > judged
    finally:
        for node in nodes:
            node.close()


def test_the_export_selection_keeps_to_the_mailboxes_given(catalog: Catalog) -> None:
    ids = {}
    for n, mailbox in ((1, "cardiology"), (2, "front"), (3, None)):
        ids[mailbox] = journal_delivery(catalog, _delivery(n)).fax_id
        catalog.update_fax(ids[mailbox], state="archived", mailbox=mailbox)
    assert set(catalog.archived_fax_ids()) == set(ids.values())  # None: every mailbox
    assert catalog.archived_fax_ids(mailboxes=("cardiology",)) == [ids["cardiology"]]
    assert set(catalog.archived_fax_ids(mailboxes=("front", "cardiology"))) == {
        ids["front"], ids["cardiology"]}
    assert catalog.archived_fax_ids(mailboxes=()) == []  # no mailbox granted: nothing


def test_a_nested_transaction_that_fails_is_undone_alone(catalog: Catalog) -> None:
    with catalog.transaction():
        journal_delivery(catalog, _delivery(1))
        with pytest.raises(RuntimeError), catalog.transaction():
            journal_delivery(catalog, _delivery(2))
            raise RuntimeError("this delivery fails")
        journal_delivery(catalog, _delivery(3))
    assert catalog.find_fax("cli", "fax-2") is None
    assert catalog.find_fax("cli", "fax-1") and catalog.find_fax("cli", "fax-3")
    assert catalog.jobs.counts_by_state()["queued"] == 2
    assert audit.verify_chain(catalog).ok and audit.head(catalog)[0] == 2


def test_an_edited_audit_entry_breaks_the_chain(location: CatalogLocation,
                                                catalog: Catalog) -> None:
    for n in range(3):
        audit.record(catalog, "op", "fax.viewed", None, {"n": n})
    with catalog.transaction() as conn:  # an edit behind faxvault's back
        conn.execute("UPDATE audit_log SET details = '{\"n\":9}' WHERE seq = 2")
    report = audit.verify_chain(catalog)
    assert report.first_broken_seq == 2


def test_nodes_appending_at_once_keep_one_unbroken_chain(postgres_url: str,
                                                         tmp_path: Path) -> None:
    """Two nodes (each its own pool) appending together: every append is in the chain,
    numbered without gaps or forks (the audit lock orders them across nodes)."""
    location = CatalogLocation(sqlite_path=tmp_path / "unused.sqlite3", url=postgres_url,
                               postgres=PostgresSettings(pool_max_size=4))
    nodes = [open_catalog(location) for _ in range(2)]

    def node_appends(catalog: Catalog, node: int) -> None:
        for n in range(40):
            audit.record(catalog, f"node{node}", "fax.viewed", None, {"n": n})

    errors = _race_on_two_nodes(nodes, node_appends)
    try:
        assert errors == []
        report = audit.verify_chain(nodes[0])
        assert report.ok and report.entries == 160
    finally:
        for node in nodes:
            node.close()


async def test_an_idle_worker_wakes_when_another_node_queues_a_job(postgres_url: str,
                                                                   tmp_path: Path) -> None:
    """Workers poll every 60 s here: a job queued on another node is taken long before."""
    from ingest.pipeline import open_services
    from ingest.worker import WorkerGroup
    from tests.cliutil import wait_until_async
    from tests.conftest import make_config

    config = make_config(tmp_path / "var", catalog={"url": postgres_url},
                         worker={"poll_seconds": 60.0, "concurrency": 2})
    services = open_services(config, with_pool=False)
    other_node = open_catalog(config.catalog_location)
    group = WorkerGroup(services)
    try:
        group.start()
        for n in range(2):  # the first proves the workers are up; the second finds them idle
            # A kind no handler knows fails at once: the job's end shows it was taken.
            other_node.jobs.enqueue(f"no-such-kind-{n}")
            await wait_until_async(lambda n=n: other_node.jobs.counts_by_state()["failed"]
                                   == n + 1, timeout=15, what=f"job {n} taken")
    finally:
        await group.stop(drain_seconds=5)
        other_node.close()
        services.close()


async def test_a_wake_up_scheduled_before_the_worker_waits_is_not_lost(postgres_url: str,
                                                                      tmp_path: Path) -> None:
    """A job queued on another node while an idle worker's lease runs (and finds nothing):
    the listening thread schedules its wake-up on the event loop before the worker starts
    waiting. The wait must still end at once, not at the next poll (60 s here)."""
    import asyncio

    from ingest.pipeline import open_services
    from ingest.wakeups import JobWakeups
    from tests.conftest import make_config

    config = make_config(tmp_path / "var", catalog={"url": postgres_url})
    services = open_services(config, with_pool=False)
    wakeups = JobWakeups.for_catalog(services.catalog)
    assert wakeups is not None
    try:
        stop = asyncio.Event()
        seen = wakeups.generation  # as the worker does before its lease
        # What the listening thread does (call_soon_threadsafe), done while this "lease" is
        # still on the loop: the wake-up runs only once the worker has begun to wait.
        asyncio.get_running_loop().call_soon(wakeups._pulse)
        await asyncio.wait_for(wakeups.wait(stop, 60.0, since=seen), 10)
        # The same, with the wake-up run before the wait begins (wait_for starts it later).
        seen = wakeups.generation
        asyncio.get_running_loop().call_soon(wakeups._pulse)
        await asyncio.sleep(0)
        await asyncio.wait_for(wakeups.wait(stop, 60.0, since=seen), 10)
        # A wait whose lease began after the last wake-up waits for the next one.
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(wakeups.wait(stop, 60.0, since=wakeups.generation), 0.5)
        # And a real notification from another node still wakes it.
        other_node = open_catalog(config.catalog_location)
        try:
            waiting = asyncio.ensure_future(wakeups.wait(stop, 60.0))
            await asyncio.sleep(0)  # the wait has begun
            other_node.jobs.enqueue("no-such-kind")
            await asyncio.wait_for(waiting, 10)
        finally:
            other_node.close()
    finally:
        await asyncio.to_thread(wakeups.close)
        services.close()


async def test_group_journal_commits_a_batch_and_a_bad_record_fails_alone(
        location: CatalogLocation, catalog: Catalog) -> None:
    import asyncio

    from ingest.journal import GroupJournal

    bad = DeliveryRecord(provider="cli", idem_key="bad", event_type="file",
                         fax=NewFax(provider=None, provider_fax_id="x",  # type: ignore[arg-type]
                                    received_at=None))
    journal = GroupJournal(lambda: open_catalog(location))
    try:
        outcomes = await asyncio.gather(
            *(journal.journal(rec) for rec in (_delivery(1), bad, _delivery(2))),
            return_exceptions=True)
    finally:
        journal.close()
    assert not outcomes[0].duplicate and not outcomes[2].duplicate
    assert isinstance(outcomes[1], Exception)
    assert catalog.find_fax("cli", "fax-1") and catalog.find_fax("cli", "fax-2")
    assert catalog.find_fax("cli", "x") is None
    assert catalog.jobs.counts_by_state()["queued"] == 2
    assert audit.verify_chain(catalog).entries == 2


def test_a_journaled_body_reads_back_byte_for_byte(catalog: Catalog) -> None:
    journal_delivery(catalog, _delivery(1))
    assert catalog.event_body("key-1") == b"\x00raw"
    assert catalog.event_body("key-2") is None

def _webhook(n: int) -> DeliveryRecord:
    return DeliveryRecord(provider="faxplus", idem_key=f"hook-{n}", event_type="fax_received",
                          headers={"n": str(n)}, body=f'{{"n": {n}}}'.encode(),
                          job_kind="fetch", job_payload={"n": n})


@pytest.mark.parametrize("kind", ["transaction", "batch_transaction"])
def test_deliveries_written_together_are_the_rows_written_one_by_one(
        catalog: Catalog, kind: str) -> None:
    from ingest.journal import record_deliveries

    journal_delivery(catalog, _webhook(0))
    # 0 is journaled already; 2 comes twice in the batch: the first one counts.
    batch = [_webhook(n) for n in (1, 2, 0, 3, 2, 4)]
    with getattr(catalog, kind)():
        outcomes = record_deliveries(catalog, batch)
    assert [o.duplicate for o in outcomes] == [False, False, True, False, True, False]
    assert all(o.fax_id is None for o in outcomes)
    assert [o.job_id is None for o in outcomes] == [False, False, True, False, True, False]
    ids = [o.job_id for o in outcomes if o.job_id is not None]
    assert ids == sorted(ids) and len(set(ids)) == 4
    # Each job is its own delivery's (ids in delivery order), and nothing else was queued.
    leased = [catalog.jobs.lease(60) for _ in range(6)]
    assert [(job.id, job.payload) for job in leased if job] == \
        [(ids[0] - 1, {"n": 0}), *zip(ids, ({"n": n} for n in (1, 2, 3, 4)), strict=True)]
    assert [d.deliveries for d in catalog.delivery_summaries()] == [5]
    # The audit log: the one delivery written alone has an entry of its own; the four new
    # ones written together share one, listing them in the order they were written.
    chain = audit.verify_chain(catalog)
    assert chain.ok and chain.entries == 2
    alone, together = catalog.audit_entries()
    assert (alone["action"], json.loads(alone["details"])["idem_key"]) == \
        ("delivery.journaled", "hook-0")
    assert together["action"] == "deliveries.journaled"
    assert together["actor"] == "system" and together["fax_id"] is None
    assert [d["idem_key"] for d in json.loads(together["details"])["deliveries"]] == \
        [f"hook-{n}" for n in (1, 2, 3, 4)]


def test_a_batch_transaction_is_pipelined_on_postgres_and_undone_whole_on_error(
        catalog: Catalog) -> None:
    from ingest.journal import record_deliveries

    if catalog.backend == "postgresql":
        from psycopg import pq

        with catalog.batch_transaction() as conn:
            # Statements go out together: BEGIN and the rest wait for a result to be read.
            assert conn.pgconn.pipeline_status == pq.PipelineStatus.ON
    with pytest.raises(RuntimeError), catalog.batch_transaction():
        record_deliveries(catalog, [_webhook(1), _webhook(2)])
        raise RuntimeError("the commit does not happen")
    assert catalog.delivery_summaries() == [] and audit.verify_chain(catalog).entries == 0
    with catalog.batch_transaction():  # the connection is fit for the next batch
        record_deliveries(catalog, [_webhook(1)])
    assert [d.deliveries for d in catalog.delivery_summaries()] == [1]
    assert catalog.jobs.counts_by_state()["queued"] == 1
    assert audit.verify_chain(catalog).ok


def test_group_commits_of_two_nodes_at_once_keep_one_unbroken_chain(
        postgres_url: str, tmp_path: Path) -> None:
    """Batches written as the journal writes them (batch transaction, head asked for before
    the events and read after) by two nodes at once, beside single appends: no gap, no fork."""
    from ingest.journal import record_deliveries

    location = CatalogLocation(sqlite_path=tmp_path / "unused.sqlite3", url=postgres_url,
                               postgres=PostgresSettings(pool_max_size=4))
    nodes = [open_catalog(location) for _ in range(2)]

    def node_writes(catalog: Catalog, node: int) -> None:
        for n in range(15):
            with catalog.batch_transaction():
                record_deliveries(catalog, [_webhook(node * 1000 + n * 10 + k)
                                            for k in range(3)])
            audit.record(catalog, f"node{node}", "fax.viewed", None, {"n": n})

    errors = _race_on_two_nodes(nodes, node_writes)
    try:
        assert errors == []
        report = audit.verify_chain(nodes[0])
        # Four threads, 15 rounds each: a batch (one entry for its three deliveries) and a
        # single append.
        assert report.ok and report.entries == 4 * 15 * 2
        keys = [d["idem_key"] for e in nodes[0].audit_entries()
                if e["action"] == "deliveries.journaled"
                for d in json.loads(e["details"])["deliveries"]]
        assert sorted(keys) == sorted(f"hook-{t * 1000 + n * 10 + k}" for t in range(4)
                                      for n in range(15) for k in range(3))
    finally:
        for node in nodes:
            node.close()


def test_the_audit_head_asked_for_early_holds_the_lock_until_the_end(
        postgres_url: str, tmp_path: Path) -> None:
    import psycopg

    from storage.pg.catalog import AUDIT_LOCK

    location = CatalogLocation(sqlite_path=tmp_path / "unused.sqlite3", url=postgres_url)
    catalog = open_catalog(location)
    try:
        audit.record(catalog, "system", "config.applied", None, {})
        with psycopg.connect(postgres_url, autocommit=True) as other:
            def other_node_may_append() -> bool:
                return other.execute("SELECT pg_try_advisory_xact_lock(%s)",
                                     (AUDIT_LOCK,)).fetchone()[0]

            with catalog.batch_transaction():
                read = catalog.audit_head_later()
                head = read()
                assert head is not None and head[0] == 1
                assert not other_node_may_append()
            assert other_node_may_append()
    finally:
        catalog.close()


def test_the_lock_on_an_original_holds_other_nodes_off_until_the_end(
        postgres_url: str, tmp_path: Path) -> None:
    """A release counting who needs some bytes and a fax taking them as its original never
    run side by side on PostgreSQL (read committed would let the count miss the fax)."""
    import psycopg

    from storage.pg.catalog import AUDIT_LOCK, original_lock_key

    sha = "ab" * 32
    assert original_lock_key(sha) not in (AUDIT_LOCK, original_lock_key("cd" * 32))
    location = CatalogLocation(sqlite_path=tmp_path / "unused.sqlite3", url=postgres_url)
    catalog = open_catalog(location)
    try:
        with psycopg.connect(postgres_url, autocommit=True) as other:
            def other_node_may_take(key: int) -> bool:
                return other.execute("SELECT pg_try_advisory_xact_lock(%s)",
                                     (key,)).fetchone()[0]

            with catalog.transaction():
                catalog.lock_original(sha)
                assert catalog.count_faxes_needing_original(sha) == 0
                assert not other_node_may_take(original_lock_key(sha))
                assert other_node_may_take(original_lock_key("cd" * 32))  # other bytes: free
            assert other_node_may_take(original_lock_key(sha))
    finally:
        catalog.close()


def test_only_faxes_still_to_archive_need_their_spool_copy(catalog: Catalog) -> None:
    fax_id = journal_delivery(catalog, _delivery(1)).fax_id  # original "ab" * 32
    for state, needed in (("received", 1), ("failed", 1), ("archived", 0), ("deleting", 0),
                          ("deleted", 0)):
        with catalog.transaction():
            catalog.update_fax(fax_id, state=state)
        assert catalog.count_faxes_needing_original("ab" * 32) == needed, state
    assert catalog.count_faxes_needing_original("ab" * 32, excluding=fax_id) == 0
