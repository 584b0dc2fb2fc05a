"""Webhooks on a PostgreSQL node when the database goes away: a delivery whose group commit
failed is answered 503 (the provider delivers it again), never 200, and the commit after it
runs on a new connection. Failovers are played with a real server: the writer's backend is
terminated, as a restart or a promoted standby would cut it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import psycopg
import pytest

from ingest.app import init_app
from storage import audit
from storage.pg.catalog import AUDIT_LOCK, open_postgres_catalog
from tests.conftest import make_config
from tests.world import FP_HOOK, faxplus_event

TERMINATE_WAITING_APPENDERS = (
    # Backends waiting for the audit lock: the group journal's writer, stuck behind the
    # transaction that holds it. The second argument waits until each one is gone.
    "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 10000)) FROM pg_locks"
    " WHERE locktype = 'advisory' AND NOT granted AND objid = %s")


@pytest.fixture
async def node(postgres_url: str, aiohttp_client, tmp_path: Path) -> AsyncIterator:
    config = make_config(tmp_path / "var", catalog={"url": postgres_url},
                         faxplus={"webhook_token": FP_HOOK})
    yield await aiohttp_client(init_app(config, start_workers=False))


async def _post(client, fax_id: str):
    return await client.post(f"/webhooks/faxplus/{FP_HOOK}",
                             data=json.dumps(faxplus_event(fax_id)).encode(),
                             headers={"Content-Type": "application/json"})


def _journaled_faxes(url: str) -> list[str]:
    """The fax ids of the journaled deliveries (``faxplus:<event>:<fax id>:...`` keys)."""
    with psycopg.connect(url) as conn:
        return sorted(key.split(":")[2] for (key,) in conn.execute("SELECT idem_key FROM events"))


def journaled_in_audit(catalog) -> list[str]:
    """The fax ids of the deliveries the audit log says were journaled, in its order: one
    per ``delivery.journaled`` entry, the list of a ``deliveries.journaled`` one."""
    ids = []
    for entry in catalog.audit_entries():
        details = json.loads(entry["details"])
        if entry["action"] == "delivery.journaled":
            ids.append(details["idem_key"].split(":")[2])
        elif entry["action"] == "deliveries.journaled":
            ids += [d["idem_key"].split(":")[2] for d in details["deliveries"]]
    return ids


async def test_a_group_cut_off_mid_commit_is_answered_503_and_nothing_is_lost(
        postgres_url: str, node) -> None:
    assert (await _post(node, "before")).status == 200  # the writer has its connection
    low = AUDIT_LOCK & 0xFFFFFFFF  # pg_locks shows an advisory key as two 32-bit halves
    with psycopg.connect(postgres_url) as holder, psycopg.connect(
            postgres_url, autocommit=True) as admin:
        # Hold the audit lock: every commit of the writer waits for it mid-transaction,
        # events written, nothing committed; then cut the writer off there, each time.
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (AUDIT_LOCK,))
        posts = [asyncio.ensure_future(_post(node, f"cut-{n}")) for n in range(5)]
        cut = 0
        while not all(post.done() for post in posts):
            [[killed]] = await asyncio.to_thread(
                lambda: admin.execute(TERMINATE_WAITING_APPENDERS, (low,)).fetchall())
            cut += killed
            await asyncio.wait(posts, timeout=0.05)
        holder.rollback()
    answers = [await post for post in posts]
    assert cut >= 1
    assert [r.status for r in answers] == [503] * 5
    assert all(r.headers["Retry-After"] == "5" for r in answers)
    # None of them was acknowledged, and none is half there.
    assert _journaled_faxes(postgres_url) == ["before"]
    # The provider delivers them again: the next commits reconnect and journal them all.
    again = await asyncio.gather(*(_post(node, f"cut-{n}") for n in range(5)))
    assert [r.status for r in again] == [200] * 5
    assert [(await r.json())["duplicate"] for r in again] == [False] * 5
    assert _journaled_faxes(postgres_url) == ["before"] + [f"cut-{n}" for n in range(5)]
    catalog = open_postgres_catalog(postgres_url)
    try:
        assert catalog.jobs.counts_by_state()["queued"] == 6
        chain = audit.verify_chain(catalog)
        assert chain.ok and journaled_in_audit(catalog) == ["before"] + \
            [f"cut-{n}" for n in range(5)]
    finally:
        catalog.close()


async def test_a_connection_dropped_between_commits_costs_no_delivery(
        postgres_url: str, node) -> None:
    assert (await _post(node, "first")).status == 200
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        # A restart between two group commits: every connection of the node is cut.
        admin.execute("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity"
                      " WHERE datname = current_database() AND pid <> pg_backend_pid()")
    answers = await asyncio.gather(*(_post(node, f"after-{n}") for n in range(5)))
    # The writer lends its connection unchecked: the commit on the dead one fails, and the
    # same deliveries are committed again on a new one before anyone is answered.
    assert [r.status for r in answers] == [200] * 5
    assert _journaled_faxes(postgres_url) == [f"after-{n}" for n in range(5)] + ["first"]
