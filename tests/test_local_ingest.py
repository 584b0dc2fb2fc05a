"""``faxvault ingest`` and the spool's door for local files: opened once, never through a
link; dates checked; a shared blob never released under a fax that is about to name it;
every failure explained on stderr."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest

from ingest.faxserver import checked_received_at
from ingest.fetch import adopt_original
from ingest.jobs import JobKind
from ingest.journal import DeliveryRecord, NewFax, journal_delivery
from ingest.local import BlobReleased, LocalMetadata, ingest_file, journal_blob
from ingest.pipeline import Services, release_spool, retain_until
from ingest.worker import worker_loop
from storage.spool import NotRegularFile
from tests.cliutil import run_cli
from tests.conftest import write_config


def test_ingest_never_follows_a_symlink(services: Services, sample_fax: Path,
                                        tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"not a fax, not yours\n")
    link = tmp_path / "fax.tif"
    link.symlink_to(secret)
    with pytest.raises(NotRegularFile, match="symbolic link"):
        ingest_file(services, link)
    assert not services.spool.blob_path(hashlib.sha256(secret.read_bytes()).hexdigest()).exists()
    assert services.catalog.conn.execute("SELECT count(*) FROM faxes").fetchone()[0] == 0


def test_cli_ingest_of_a_symlink_fails_with_the_reason(tmp_path: Path,
                                                       sample_fax: Path) -> None:
    config = write_config(tmp_path / "faxvault.toml", tmp_path / "var")
    link = tmp_path / "link.tif"
    link.symlink_to(sample_fax)
    result = run_cli(config, "ingest", str(link), expect=1)
    assert "symbolic link; not read" in result.err
    fifo = tmp_path / "fifo.tif"
    os.mkfifo(fifo)  # nobody writes to it: opening it must not wait
    result = run_cli(config, "ingest", str(fifo), expect=1, timeout=60)
    assert "is a FIFO; not read" in result.err


@pytest.mark.parametrize("claimed, reason", [
    ("2999-01-01T00:00:00Z", "in the future"), ("1969-12-31T23:59:59Z", "before 1970"),
    ("last tuesday", "not an ISO 8601 time"), ("2026-01-01T00:00:00", "no time zone")])
def test_a_claimed_receive_time_is_checked(services: Services, sample_fax: Path,
                                           claimed: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        ingest_file(services, sample_fax, received_at=claimed)
    assert services.catalog.conn.execute("SELECT count(*) FROM faxes").fetchone()[0] == 0


def test_receive_times_are_normalised_to_utc() -> None:
    assert checked_received_at("2026-11-20T10:15:03+01:00") == "2026-11-20T09:15:03Z"
    assert checked_received_at(" 2026-11-20T09:15:03Z ") == "2026-11-20T09:15:03Z"


def test_retention_starts_at_the_later_of_claimed_and_journaled_time() -> None:
    assert retain_until("1990-01-01T00:00:00Z", 10, journaled_at="2026-12-01T00:00:00Z") \
        == "2026-12-11T00:00:00Z"
    assert retain_until("2026-12-05T00:00:00Z", 10, journaled_at="2026-12-01T00:00:00Z") \
        == "2026-12-15T00:00:00Z"
    assert retain_until("2026-12-05T00:00:00Z", 0, journaled_at="2026-12-01T00:00:00Z") is None
    with pytest.raises(ValueError, match="received_at 'soon' is not an ISO 8601 time"):
        retain_until("soon", 10)


async def test_a_blob_released_before_its_fax_is_journaled_is_put_back_from_the_hold(
        services: Services, sample_fax: Path) -> None:
    """Two faxes with the same bytes: the first is archived and its release runs while the
    second has copied the bytes into the spool but not yet journaled them. The second's
    hold keeps the bytes: it is journaled with its original in the spool, nothing copied
    again."""
    first = ingest_file(services, sample_fax)
    await worker_loop(services, asyncio.Event(), fax_ids=[first.fax_id], until_idle=True)
    assert services.catalog.get_fax(first.fax_id)["state"] == "archived"
    blob = services.spool.store_file(sample_fax, services.config.limits.max_file_bytes)
    release_spool(services, services.catalog.get_fax(first.fax_id))  # the first's release
    assert not blob.path.exists() and blob.hold is not None and blob.hold.is_file()
    second = LocalMetadata(provider="hylafax", provider_fax_id="faxhost:000000009")
    journaled = journal_blob(services, blob, "again.tif", second)
    assert not journaled.duplicate
    assert services.catalog.find_fax("hylafax", "faxhost:000000009")["id"] == journaled.fax_id
    assert services.spool.blob_path(journaled.sha256).read_bytes() == sample_fax.read_bytes()
    assert not blob.hold.exists()  # released with the journal
    await worker_loop(services, asyncio.Event(), fax_ids=[journaled.fax_id], until_idle=True)
    assert services.catalog.get_fax(journaled.fax_id)["state"] == "archived"


async def test_a_blob_whose_bytes_are_gone_is_never_referenced(
        services: Services, sample_fax: Path) -> None:
    """Without a hold (released early), a blob whose address went journals nothing."""
    first = ingest_file(services, sample_fax)
    await worker_loop(services, asyncio.Event(), fax_ids=[first.fax_id], until_idle=True)
    blob = services.spool.store_file(sample_fax, services.config.limits.max_file_bytes)
    services.spool.release_hold(blob)
    release_spool(services, services.catalog.get_fax(first.fax_id))
    second = LocalMetadata(provider="hylafax", provider_fax_id="faxhost:000000010")
    with pytest.raises(BlobReleased, match="released before it was journaled"):
        journal_blob(services, blob, "again.tif", second)
    assert services.catalog.find_fax("hylafax", "faxhost:000000010") is None
    # The door copies the file again and journals it then.
    result = ingest_file(services, sample_fax)
    assert result.duplicate and result.fax_id == first.fax_id


def test_a_repeat_of_a_failed_fax_says_why_on_stderr(tmp_path: Path) -> None:
    config = write_config(tmp_path / "faxvault.toml", tmp_path / "var")
    (tmp_path / "empty.tif").write_bytes(b"")
    (tmp_path / "empty.pdf").write_bytes(b"")
    first = run_cli(config, "ingest", "--wait", str(tmp_path / "empty.tif"), expect=1)
    assert "empty file (0 bytes)" in first.err
    again = run_cli(config, "ingest", "--wait", str(tmp_path / "empty.pdf"), expect=1)
    assert "empty.pdf: fax" in again.err and "ingested before) failed" in again.err
    assert "empty file (0 bytes)" in again.err


def test_now_is_not_in_the_future() -> None:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert checked_received_at(now) == now


async def test_a_download_whose_address_went_is_adopted_from_its_hold(
        services: Services, sample_fax: Path) -> None:
    """The provider door's side of the same race: a fetch job downloaded bytes that an
    archived fax also had, and that fax's release ran before the job recorded them. The
    download is adopted as it is, not fetched again."""
    catalog = services.catalog
    first = ingest_file(services, sample_fax)
    await worker_loop(services, asyncio.Event(), fax_ids=[first.fax_id], until_idle=True)
    journaled = journal_delivery(catalog, DeliveryRecord(
        provider="faxplus", idem_key="faxplus:fp-31", event_type="fax_received",
        fax=NewFax(provider="faxplus", provider_fax_id="fp-31", received_at=None),
        job_kind=JobKind.FAXPLUS_FAX))
    job = catalog.jobs.lease(60, fax_ids=[journaled.fax_id])
    assert job is not None and job.kind == JobKind.FAXPLUS_FAX
    blob = services.spool.store_file(sample_fax, services.config.limits.max_file_bytes)
    release_spool(services, catalog.get_fax(first.fax_id))  # the first's release
    assert not blob.path.exists()
    fields = {"metadata": {}, "from_raw": "+15035550116", "to_raw": None,
              "provider_status": "success", "received_at": None, "partial": False}
    await adopt_original(services, job, catalog.get_fax(journaled.fax_id), blob, fields)
    fax = catalog.get_fax(journaled.fax_id)
    assert fax["state"] == "fetched" and fax["original_sha256"] == blob.sha256
    assert blob.path.read_bytes() == sample_fax.read_bytes()
    services.spool.release_hold(blob)  # what fetch_fax does after
    await worker_loop(services, asyncio.Event(), fax_ids=[journaled.fax_id], until_idle=True)
    assert catalog.get_fax(journaled.fax_id)["state"] == "archived"


async def test_spool_copies_no_fax_needs_are_freed_at_start(services: Services,
                                                            sample_fax: Path,
                                                            tmp_path: Path) -> None:
    """A node stopped between archiving a fax and freeing its spool copy leaves the copy
    behind; the next start frees it, and keeps every copy a fax still needs."""
    from ingest.pipeline import release_unneeded_spool

    archived = ingest_file(services, sample_fax)
    await worker_loop(services, asyncio.Event(), fax_ids=[archived.fax_id], until_idle=True)
    left = services.spool.store_file(sample_fax, services.config.limits.max_file_bytes)
    services.spool.release_hold(left)  # the archived fax's bytes, back as after a kill
    other = tmp_path / "other.tif"
    other.write_bytes(sample_fax.read_bytes() + b"\0")
    waiting = ingest_file(services, other)  # journaled, not processed: needs its copy
    assert services.spool.blob_names() == {left.sha256, waiting.sha256}
    assert release_unneeded_spool(services) == 1
    assert services.spool.blob_names() == {waiting.sha256}
    assert release_unneeded_spool(services) == 0
