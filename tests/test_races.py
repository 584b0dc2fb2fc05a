"""Two workers or two nodes at once: what PostgreSQL runs side by side (read committed) and
SQLite runs one after the other must end the same way: no fax dropped, no search term
forgotten under a page that uses it, no stale worker's failure recorded over a live run."""

from __future__ import annotations

from ingest.jobs import JobKind
from ingest.journal import DeliveryRecord, NewFax, journal_delivery
from ingest.pipeline import Services
from ingest.worker import run_job


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
