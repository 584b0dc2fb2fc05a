"""The S3 archive against a real S3-compatible server (SeaweedFS), started by the tests."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import shutil
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest.cli import cli
from ingest.config import ConfigError, config_from_mapping
from ingest.local import ingest_file
from ingest.pipeline import Services, open_services
from ingest.worker import worker_loop
from storage.archive import ArchiveError
from storage.search import SearchFilters, search_pages
from tests.conftest import make_config
from tests.seaweed import ACCESS_KEY, SECRET_KEY, Seaweed


@pytest.fixture(scope="module")
def seaweed(tmp_path_factory: pytest.TempPathFactory) -> Seaweed:
    server = Seaweed(tmp_path_factory.mktemp("seaweed"))
    server.start()
    yield server
    server.stop()


def s3_section(seaweed: Seaweed, bucket: str, **extra) -> dict:
    return {"backend": "s3", "endpoint_url": seaweed.endpoint, "bucket": bucket,
            "access_key_id": ACCESS_KEY, "secret_access_key": SECRET_KEY,
            "create_bucket": True, "timeout_seconds": 5.0, "max_attempts": 1, **extra}


def s3_services(tmp_path: Path, seaweed: Seaweed, pool, **archive) -> Services:
    config = make_config(tmp_path / "var", archive=s3_section(seaweed, **archive))
    return open_services(config, pool=pool)  # the first write checks the bucket


def write_toml(path: Path, services: Services, extra: str = "") -> Path:
    """The same configuration as a file, for the CLI (``extra`` goes under [archive])."""
    a = services.config.archive
    lines = [f'[paths]\ndata_dir = "{services.config.data_dir}"', "[archive]",
             'backend = "s3"', f'endpoint_url = "{a.endpoint_url}"', f'bucket = "{a.bucket}"',
             f'access_key_id = "{ACCESS_KEY}"', f'secret_access_key = "{SECRET_KEY}"',
             "max_attempts = 1", f'object_lock_mode = "{a.object_lock_mode}"',
             f"retention_days = {a.retention_days}", f'sse = "{a.sse}"',
             f"create_bucket = {str(a.create_bucket).lower()}", extra]
    for rule in a.lifecycle:
        lines += ["[[archive.lifecycle]]", f'id = "{rule.id}"', f'prefix = "{rule.prefix}"',
                  f"expiration_days = {rule.expiration_days}"]
    path.write_text("\n".join(lines) + "\n")
    path.chmod(0o600)
    return path


async def process(services: Services, fax_ids: list[str]) -> None:
    await worker_loop(services, asyncio.Event(), fax_ids=fax_ids, until_idle=True)


def bucket_name() -> str:
    return f"fax-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def locked(tmp_path: Path, seaweed: Seaweed, ocr_pool) -> Services:
    services = s3_services(tmp_path, seaweed, ocr_pool, bucket=bucket_name(),
                           object_lock_mode="GOVERNANCE", retention_days=2192)
    yield services
    services.close()


async def test_upload_is_verified_versioned_and_retained(locked: Services,
                                                         sample_fax: Path) -> None:
    result = ingest_file(locked, sample_fax)
    await process(locked, [result.fax_id])
    fax = locked.catalog.get_fax(result.fax_id)
    assert fax["state"] == "archived"
    objects = {o["purpose"]: o for o in locked.catalog.archive_objects(fax["id"])}
    assert set(objects) == {"original", "pdf", "tiff", "text", "meta"}
    original = objects["original"]
    assert original["sha256"] == result.sha256 and original["version_id"]
    received = dt.datetime.fromisoformat(fax["received_at"].replace("Z", "+00:00"))
    assert original["retain_until"] == (received + dt.timedelta(days=2192)).strftime(
        "%Y-%m-%dT%H:%M:%SZ")
    head = locked.archive.client.head_object(Bucket=locked.archive.bucket, Key=original["key"])
    assert head["ObjectLockMode"] == "GOVERNANCE"
    assert head["Metadata"]["sha256"] == result.sha256
    assert original["key"].startswith(f"originals/{fax['received_at'][:4]}/")
    # The spool copy went only after the verified upload.
    assert not locked.spool.blob_path(result.sha256).exists()


async def test_locked_version_cannot_be_deleted(locked: Services, sample_fax: Path) -> None:
    result = ingest_file(locked, sample_fax)
    await process(locked, [result.fax_id])
    [original] = [o for o in locked.catalog.archive_objects(result.fax_id)
                  if o["purpose"] == "original"]
    with pytest.raises(ArchiveError, match=r"AccessDenied|locked|retention"):
        locked.archive.delete(original["key"], original["version_id"])
    assert locked.archive.exists(original["key"])


async def test_legal_hold_set_and_release_are_audited(locked: Services, sample_fax: Path,
                                                      tmp_path: Path) -> None:
    result = ingest_file(locked, sample_fax)
    await process(locked, [result.fax_id])
    config = write_toml(tmp_path / "faxvault.toml", locked)
    runner = CliRunner()
    out = runner.invoke(cli, ["hold", "set", result.fax_id, "--reason", "case 42",
                              "--config", str(config)])
    assert out.exit_code == 0, out.output
    client, bucket = locked.archive.client, locked.archive.bucket
    for obj in locked.catalog.archive_objects(result.fax_id):
        hold = client.get_object_legal_hold(Bucket=bucket, Key=obj["key"],
                                            VersionId=obj["version_id"])
        assert hold["LegalHold"]["Status"] == "ON" and obj["legal_hold"] == 1
    out = runner.invoke(cli, ["hold", "release", result.fax_id, "--config", str(config)])
    assert out.exit_code == 0, out.output
    [obj, *_] = locked.catalog.archive_objects(result.fax_id)
    hold = client.get_object_legal_hold(Bucket=bucket, Key=obj["key"],
                                        VersionId=obj["version_id"])
    assert hold["LegalHold"]["Status"] == "OFF"
    actions = [r[0] for r in locked.catalog.conn.execute(
        "SELECT action FROM audit_log WHERE fax_id = ? AND action LIKE 'hold.%'",
        (result.fax_id,))]
    assert actions == ["hold.set", "hold.released"]


def test_lifecycle_diff_and_idempotent_apply(locked: Services, tmp_path: Path) -> None:
    config = write_toml(tmp_path / "faxvault.toml", locked)
    config.write_text(config.read_text() + "[[archive.lifecycle]]\nid = \"derived\"\n"
                      "prefix = \"derived/\"\nexpiration_days = 3650\n"
                      "noncurrent_expiration_days = 30\nabort_incomplete_days = 7\n")
    runner = CliRunner()

    def lifecycle(*extra: str) -> dict:
        out = runner.invoke(cli, ["archive", "lifecycle", "--json", *extra,
                                  "--config", str(config)])
        assert out.exit_code == 0, out.output
        return json.loads(out.output)

    before = lifecycle()
    assert before["add"] == ["derived"] and not before["in_sync"]
    assert before["bucket_object_lock"] is True
    assert lifecycle("--apply")["applied"] is True
    after = lifecycle("--apply")
    assert after["in_sync"] and after["applied"] is False  # nothing left to change
    [rule] = locked.archive.lifecycle_rules()
    assert rule["Expiration"]["Days"] == 3650
    assert rule["NoncurrentVersionExpiration"]["NoncurrentDays"] == 30


def test_rule_expiring_originals_before_retention_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"archive\.lifecycle\[0\] \(all\).*retention"):
        config_from_mapping({"archive": {"retention_days": 2192, "lifecycle": [
            {"id": "all", "prefix": "", "expiration_days": 365}]}}, env={})
    config_from_mapping({"archive": {"retention_days": 2192, "lifecycle": [
        {"id": "derived", "prefix": "derived/", "expiration_days": 365}]}}, env={})


def test_existing_bucket_without_object_lock_is_a_clear_error(tmp_path: Path, seaweed: Seaweed,
                                                              ocr_pool) -> None:
    bucket = bucket_name()
    seaweed.client().create_bucket(Bucket=bucket)
    config = make_config(tmp_path / "var", archive=s3_section(
        seaweed, bucket, object_lock_mode="COMPLIANCE", retention_days=1))
    services = open_services(config, pool=ocr_pool)
    try:
        with pytest.raises(ArchiveError, match="has no Object Lock"):
            services.archive.ensure_bucket()
    finally:
        services.close()


async def test_verify_detects_a_tampered_object(tmp_path: Path, seaweed: Seaweed, ocr_pool,
                                                sample_fax: Path) -> None:
    services = s3_services(tmp_path, seaweed, ocr_pool, bucket=bucket_name())  # no lock
    try:
        result = ingest_file(services, sample_fax)
        await process(services, [result.fax_id])
        config = write_toml(tmp_path / "faxvault.toml", services)
        runner = CliRunner()
        ok = runner.invoke(cli, ["verify", "--json", "--config", str(config)])
        assert ok.exit_code == 0 and json.loads(ok.output)["objects"] == 5
        [pdf] = [o for o in services.catalog.archive_objects(result.fax_id)
                 if o["purpose"] == "pdf"]
        services.archive.client.put_object(Bucket=services.archive.bucket, Key=pdf["key"],
                                           Body=b"%PDF-1.4 forged")
        bad = runner.invoke(cli, ["verify", "--json", "--config", str(config)])
        assert bad.exit_code == 1
        [problem] = json.loads(bad.output)["problems"]
        assert (problem["purpose"], problem["problem"]) == ("pdf", "mismatch")
    finally:
        services.close()


async def test_rebuild_catalog_from_sidecars_gives_the_same_search(
        locked: Services, sample_fax: Path, tmp_path: Path) -> None:
    result = ingest_file(locked, sample_fax)
    await process(locked, [result.fax_id])
    before = search_pages(locked.catalog, "zeppelin", SearchFilters())
    config = write_toml(tmp_path / "faxvault.toml", locked)
    locked.catalog.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(locked.config.catalog_path) + suffix).unlink(missing_ok=True)
    out = CliRunner().invoke(cli, ["rebuild-catalog", "--json", "--config", str(config)])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["restored"] == 1
    from storage.catalog import open_catalog

    locked.catalog = open_catalog(locked.config.catalog_path)
    after = search_pages(locked.catalog, "zeppelin", SearchFilters())
    assert [(h["fax_id"], h["page_no"], h["snippet"]) for h in after] == \
        [(h["fax_id"], h["page_no"], h["snippet"]) for h in before]
    assert len(locked.catalog.archive_objects(result.fax_id)) == 5


async def test_store_outage_backs_off_and_drains_once(tmp_path: Path, ocr_pool,
                                                      fixture_dir: Path) -> None:
    from tests.faxgen import render_fax

    store = Seaweed(tmp_path / "outage")
    store.start()
    services = s3_services(tmp_path, store, ocr_pool, bucket=bucket_name())
    try:
        store.stop()  # the store goes away
        ids = [ingest_file(services, render_fax(tmp_path / f"o{n}.tif",
                                                [[f"Outage fax {n} about a lemur"]])).fax_id
               for n in range(2)]
        stop = asyncio.Event()
        workers = asyncio.gather(*(worker_loop(services, stop) for _ in range(2)))

        def archive_attempts() -> list[int]:
            return [r[0] for r in services.catalog.conn.execute(
                "SELECT attempts FROM jobs WHERE kind = 'archive' AND state != 'done'")]

        deadline = asyncio.get_running_loop().time() + 120
        while not (len(archive_attempts()) == 2 and min(archive_attempts()) >= 2):
            assert asyncio.get_running_loop().time() < deadline, "archive never retried"
            await asyncio.sleep(0.05)
        errors = [r[0] for r in services.catalog.conn.execute(
            "SELECT last_error FROM jobs WHERE kind = 'archive'")]
        assert all("s3" in e for e in errors)
        assert services.catalog.conn.execute(
            "SELECT count(*) FROM jobs WHERE state = 'failed'").fetchone()[0] == 0

        store.start()  # it comes back
        while {services.catalog.get_fax(i)["state"] for i in ids} != {"archived"}:
            assert asyncio.get_running_loop().time() < deadline + 120, "backlog never drained"
            await asyncio.sleep(0.05)
        stop.set()
        await workers
        client = store.client()
        for fax_id in ids:
            for obj in services.catalog.archive_objects(fax_id):
                versions = client.list_object_versions(Bucket=services.archive.bucket,
                                                       Prefix=obj["key"])
                assert len(versions.get("Versions", [])) == 1, obj["key"]  # archived once
    finally:
        services.close()
        store.stop()


# -- anchors and reads by version -----------------------------------------------------------
def forge_history(catalog_path: Path, seq: int) -> None:
    """Rewrite entry ``seq`` and re-chain everything after it, as someone with the catalog
    file would: the chain itself then verifies."""
    import sqlite3

    from storage import audit

    db = sqlite3.connect(catalog_path)
    db.execute("UPDATE audit_log SET actor = 'cli:mallory' WHERE seq = ?", (seq,))
    prev = db.execute("SELECT prev_hash FROM audit_log WHERE seq = ?", (seq,)).fetchone()[0]
    for row in db.execute("SELECT seq, at, actor, action, fax_id, details FROM audit_log"
                          " WHERE seq >= ? ORDER BY seq", (seq,)).fetchall():
        digest = audit.entry_hash(*row[:5], audit.details_digest(row[5]), prev)
        db.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?",
                   (prev, digest, row[0]))
        prev = digest
    db.commit()
    db.close()


async def test_overwritten_anchor_does_not_hide_a_rewritten_log(
        locked: Services, sample_fax: Path, tmp_path: Path) -> None:
    from storage import audit

    result = ingest_file(locked, sample_fax)
    await process(locked, [result.fax_id])
    config = write_toml(tmp_path / "faxvault.toml", locked)
    run = CliRunner()
    assert run.invoke(cli, ["audit", "anchor", "--config", str(config)]).exit_code == 0
    client, bucket = locked.archive.client, locked.archive.bucket
    [version] = client.list_object_versions(Bucket=bucket, Prefix="audit/heads/")["Versions"]
    anchor = {"key": version["Key"], "version_id": version["VersionId"],
              **json.loads(client.get_object(Bucket=bucket, Key=version["Key"])["Body"].read())}
    forge_history(locked.config.catalog_path, 2)
    # A plain PUT on the anchor key: a new latest version holding the forged head.
    forged_seq, forged_hash = audit.head(locked.catalog)
    locked.archive.client.put_object(Bucket=bucket, Key=anchor["key"], Body=json.dumps(
        {"seq": anchor["seq"], "hash": forged_hash, "at": anchor["at"]}).encode())
    out = run.invoke(cli, ["audit", "verify", "--json", "--config", str(config)])
    assert out.exit_code == 1, out.output
    report = json.loads(out.output)
    assert report["first_broken_seq"] is None  # the chain itself was forged consistently
    problems = " ".join(report["anchor_problems"])
    assert f"entry {anchor['seq']} differs from its anchor" in problems
    assert "overwritten after anchoring (1 later version(s)" in problems
    [checked] = [a for a in report["targets"][0]["checked"] if a["key"] == anchor["key"]]
    assert checked["version_id"] == anchor["version_id"]  # the locked, first version
    assert checked["lock_mode"] == "GOVERNANCE" and checked["retain_until"]
    human = run.invoke(cli, ["audit", "verify", "--config", str(config)])
    assert f"version {anchor['version_id']} (GOVERNANCE until" in human.output
    assert forged_seq == anchor["seq"]


async def test_get_and_verify_read_the_locked_version(locked: Services, sample_fax: Path,
                                                      tmp_path: Path) -> None:
    result = ingest_file(locked, sample_fax)
    await process(locked, [result.fax_id])
    [original] = [o for o in locked.catalog.archive_objects(result.fax_id)
                  if o["purpose"] == "original"]
    locked.archive.client.put_object(Bucket=locked.archive.bucket, Key=original["key"],
                                     Body=b"II*\x00 not the fax that was received")
    config = write_toml(tmp_path / "faxvault.toml", locked)
    out = tmp_path / "out.tif"
    got = CliRunner().invoke(cli, ["get", result.fax_id, "--format", "original", "-o",
                                   str(out), "--config", str(config)])
    assert got.exit_code == 0, got.output
    assert out.read_bytes() == sample_fax.read_bytes()
    assert locked.archive.open(original["key"]).read() == sample_fax.read_bytes()
    # verify re-hashes the archived versions (intact) and names the version put on top.
    checked = CliRunner().invoke(cli, ["verify", "--json", "--config", str(config)])
    assert checked.exit_code == 1, checked.output
    [problem] = json.loads(checked.output)["problems"]
    assert (problem["key"], problem["problem"]) == (original["key"], "overwritten")
    assert problem["detail"].endswith(f"on top of the archived version {original['version_id']}")


async def test_export_cites_anchor_versions_and_is_checked_against_the_store(
        locked: Services, sample_fax: Path, tmp_path: Path) -> None:
    """An auditor with read-only access to the bucket checks a bundle against it; a forged
    bundle, even re-signed and internally consistent, fails there."""
    from tests.test_compliance import forge_original, sign_with_another_key

    result = ingest_file(locked, sample_fax)
    await process(locked, [result.fax_id])
    config = write_toml(tmp_path / "faxvault.toml", locked)
    run = CliRunner()
    bundle = tmp_path / "bundle"
    assert run.invoke(cli, ["export", "-o", str(bundle), "--config", str(config)]
                      ).exit_code == 0
    manifest = json.loads((bundle / "manifest.json").read_text())
    head = manifest["audit"]["anchors"][-1]
    assert head["seq"] == manifest["audit"]["head_seq"] and head["version_id"]
    assert head["retain_until"]
    good = run.invoke(cli, ["verify-export", str(bundle), "--archive", str(config), "--json"])
    assert good.exit_code == 0, good.output
    checks = " ".join(json.loads(good.output)["checks"])
    assert f"anchored at {head['key']} version {head['version_id']}, GOVERNANCE" in checks
    assert "4 files match their archived versions (4 under Object Lock)" in checks
    shutil.copytree(bundle, tmp_path / "forged")
    forge_original(tmp_path / "forged")
    sign_with_another_key(tmp_path / "forged")
    bad = run.invoke(cli, ["verify-export", str(tmp_path / "forged"), "--archive",
                           str(config), "--json"])
    assert bad.exit_code == 1
    problems = " ".join(json.loads(bad.output)["problems"])
    assert "original.tif: the archived version" in problems
    assert "differs from its anchor" in problems and "is not anchored" in problems


def test_ingest_wait_makes_a_fresh_bucket_with_object_lock(
        tmp_path: Path, seaweed: Seaweed, ocr_pool, sample_fax: Path) -> None:
    config = make_config(tmp_path / "var", archive=s3_section(
        seaweed, bucket_name(), object_lock_mode="COMPLIANCE", retention_days=1))
    services = Services(config=config, catalog=None, spool=None, archive=None)  # for TOML
    path = write_toml(tmp_path / "faxvault.toml", services)
    out = CliRunner().invoke(cli, ["ingest", "--wait", "--json", str(sample_fax),
                                   "--config", str(path)])
    assert out.exit_code == 0, out.output
    client, bucket = seaweed.client(), config.archive.bucket
    lock = client.get_object_lock_configuration(Bucket=bucket)["ObjectLockConfiguration"]
    assert lock["ObjectLockEnabled"] == "Enabled"
    [row] = json.loads(out.output)
    key = next(k["Key"] for k in client.list_objects_v2(Bucket=bucket)["Contents"]
               if row["fax_id"] in k["Key"] and "/original." in k["Key"])
    assert client.head_object(Bucket=bucket, Key=key)["ObjectLockMode"] == "COMPLIANCE"


async def test_sse_s3_is_asked_for_and_checked_on_every_upload(
        tmp_path: Path, seaweed: Seaweed, ocr_pool, sample_fax: Path) -> None:
    bucket = bucket_name()
    services = s3_services(tmp_path, seaweed, ocr_pool, bucket=bucket, sse="AES256")
    try:
        result = ingest_file(services, sample_fax)
        # An object left unencrypted at one of the fax's keys (say, from before SSE was set)
        # is not taken as already archived: it is stored again, encrypted.
        fax = services.catalog.get_fax(result.fax_id)
        from storage.archive import archive_key

        key = archive_key("original", fax["received_at"], fax["id"], fax["original_ext"])
        seaweed.client().put_object(Bucket=bucket, Key=key, Body=sample_fax.read_bytes(),
                                    Metadata={"sha256": result.sha256})
        await process(services, [result.fax_id])
        assert services.catalog.get_fax(result.fax_id)["state"] == "archived"
        for obj in services.catalog.archive_objects(result.fax_id):
            assert obj["version_id"] is None  # unversioned bucket: the key was replaced
            head = seaweed.client().head_object(Bucket=bucket, Key=obj["key"])
            assert head["ServerSideEncryption"] == "AES256", obj["key"]
    finally:
        services.close()


async def test_sse_kms_a_store_cannot_honour_fails_the_upload(
        tmp_path: Path, seaweed: Seaweed, ocr_pool, sample_fax: Path) -> None:
    """SeaweedFS here has no KMS: asking for SSE-KMS must fail loudly, never store the fax
    unencrypted."""
    services = s3_services(tmp_path, seaweed, ocr_pool, bucket=bucket_name(), sse="aws:kms",
                           sse_kms_key_id="faxvault-test-key")
    try:
        result = ingest_file(services, sample_fax)
        from storage.archive import ArchiveError as Refused
        from storage.archive import archive_key

        fax = services.catalog.get_fax(result.fax_id)
        blob = services.spool.blob_path(result.sha256)
        with pytest.raises(Refused, match="s3 put"):
            services.archive.put_file(archive_key("original", fax["received_at"], fax["id"],
                                                  "tif"), blob, result.sha256)
        assert not list(seaweed.client().list_objects_v2(
            Bucket=services.archive.bucket).get("Contents", []))
    finally:
        services.close()


async def test_second_anchor_in_a_locked_bucket_catches_a_local_rewrite(
        tmp_path: Path, seaweed: Seaweed, ocr_pool, sample_fax: Path) -> None:
    """A local archive's anchors can be rewritten with the log by whoever has the files; a
    second anchor in a locked bucket cannot."""
    import sqlite3

    from storage import audit

    bucket = bucket_name()
    second = s3_section(seaweed, bucket, object_lock_mode="GOVERNANCE", retention_days=1)
    config = make_config(tmp_path / "var", audit={"second_anchor": second})
    services = open_services(config, pool=ocr_pool)
    try:
        result = ingest_file(services, sample_fax)
        await process(services, [result.fax_id])
    finally:
        services.close()
    lines = [f'[paths]\ndata_dir = "{config.data_dir}"', "[audit.second_anchor]",
             *(f"{k} = {json.dumps(v)}" for k, v in second.items())]
    path = tmp_path / "faxvault.toml"
    path.write_text("\n".join(lines) + "\n")
    path.chmod(0o600)
    run = CliRunner()
    assert run.invoke(cli, ["audit", "anchor", "--config", str(path)]).exit_code == 0
    ok = json.loads(run.invoke(cli, ["audit", "verify", "--json", "--config", str(path)]
                               ).output)
    assert ok["ok"] and [t["name"] for t in ok["targets"]] == ["archive", "second"]
    assert "write-once" in ok["targets"][1]["assurance"]
    # Whoever has the data directory rewrites the log and the local anchors together.
    forge_history(config.catalog_path, 2)
    db = sqlite3.connect(config.catalog_path)
    head_seq, head_hash = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC"
                                     " LIMIT 1").fetchone()
    db.close()
    for anchor_file in (config.archive_dir / "audit").rglob("*.json"):
        body = json.loads(anchor_file.read_text())
        if body["seq"] == head_seq:
            anchor_file.write_bytes(audit.anchor_body(head_seq, head_hash, body["at"]))
    out = run.invoke(cli, ["audit", "verify", "--json", "--config", str(path)])
    assert out.exit_code == 1
    problems = json.loads(out.output)["anchor_problems"]
    assert [p for p in problems if "differs from its anchor" in p and "second" in p]
    assert not [p for p in problems if "archive audit/" in p]  # the local ones were redone
