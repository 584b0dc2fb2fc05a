"""Audit trail, export bundles and retention, end to end through the CLI."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import hashlib
import json
import shutil
import sqlite3
import subprocess
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from ingest.local import ingest_file
from ingest.pipeline import open_services
from ingest.worker import worker_loop
from storage import audit
from storage.catalog import open_catalog
from storage.export import select_faxes, verify_bundle, write_bundle
from tests.cliutil import run_cli
from tests.conftest import make_config, write_config
from tests.faxgen import render_fax


@pytest.fixture(scope="module")
def archive_env(tmp_path_factory: pytest.TempPathFactory, ocr_pool):
    """Three archived faxes: two from one sender in Q3, one from another in Q4."""
    root = tmp_path_factory.mktemp("compliance")
    config_path = write_config(root / "faxvault.toml", root / "var",
                               "[archive]\nretention_days = 3650\n")
    services = open_services(make_config(root / "var", archive={"retention_days": 3650}),
                             pool=ocr_pool)
    plan = [("2026-07-02T09:00:00Z", "+1 555 201 4477", "July referral about a heron"),
            ("2026-08-15T14:30:00Z", "+1 555 201 4477", "August invoice about a bison"),
            ("2026-10-01T08:00:00Z", "+1 555 999 0000", "October memo about a yak")]
    ids = []
    for n, (when, sender, text) in enumerate(plan):
        fax = render_fax(root / f"f{n}.tif", [[text]])
        ids.append(ingest_file(services, fax, from_raw=sender, received_at=when).fax_id)
    asyncio.run(worker_loop(services, asyncio.Event(), fax_ids=ids, until_idle=True))
    services.close()
    return config_path, root, ids


def export(config: Path, out: Path, *args: str) -> dict:
    return run_cli(config, "export", "-o", str(out), "--json", *args).json()


def test_export_of_a_date_range_holds_exactly_those_faxes(archive_env, tmp_path: Path) -> None:
    config, _, ids = archive_env
    bundle = tmp_path / "q3.zip"
    summary = export(config, bundle, "--since", "2026-07-01", "--until", "2026-10-01",
                     "--from", "(555) 201-4477")
    assert summary["faxes"] == 2
    shutil.unpack_archive(bundle, tmp_path / "q3")
    manifest = json.loads((tmp_path / "q3" / "manifest.json").read_text())
    assert [f["id"] for f in manifest["faxes"]] == ids[:2]
    # The auditor's standard tool agrees.
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=tmp_path / "q3",
                           capture_output=True, text=True)
    assert check.returncode == 0 and "FAILED" not in check.stdout
    assert "OK" in run_cli(config, "verify-export", str(bundle)).out
    # The export is in the audit log, with its actor, for each fax it disclosed.
    with sqlite3.connect(Path(config).parent / "var" / "faxvault.sqlite3") as db:
        rows = db.execute("SELECT actor, fax_id FROM audit_log WHERE action = 'fax.exported'"
                          ).fetchall()
    assert {fax for _, fax in rows} >= set(ids[:2]) and all(a.startswith("cli:") for a, _ in rows)


def test_query_selects_by_text(archive_env, tmp_path: Path) -> None:
    config, _, _ids = archive_env
    assert export(config, tmp_path / "yak", "--query", "yak")["faxes"] == 1


@pytest.fixture
def bundle_dir(archive_env, tmp_path: Path) -> Path:
    config, _, _ = archive_env
    out = tmp_path / "bundle"
    export(config, out)
    assert verify_bundle(out) == []
    return out


def resum(bundle: Path) -> None:
    """What a careful forger does after editing: recompute SHA256SUMS."""
    lines = []
    for path in sorted(p for p in bundle.rglob("*") if p.is_file()
                       and p.name not in ("SHA256SUMS", "SIGNATURE.json")):
        name = path.relative_to(bundle).as_posix()
        lines.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {name}\n")
    (bundle / "SHA256SUMS").write_text("".join(lines))


def fax_file(bundle: Path, name: str) -> Path:
    return next(bundle.glob(f"faxes/*/{name}"))


def test_flipped_byte_is_named(bundle_dir: Path) -> None:
    pdf = fax_file(bundle_dir, "fax.pdf")
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 0x01
    pdf.write_bytes(bytes(data))
    problems = verify_bundle(bundle_dir)
    assert any("fax.pdf: SHA-256 does not match SHA256SUMS" in p for p in problems)
    resum(bundle_dir)  # even with the sums redone, the manifest and the audit log disagree
    problems = verify_bundle(bundle_dir)
    assert any("fax.pdf: does not match manifest.json" in p for p in problems)


def test_removed_and_added_files_are_named(bundle_dir: Path) -> None:
    removed = fax_file(bundle_dir, "text.json")
    removed.unlink()
    (bundle_dir / "faxes" / "note.txt").write_text("slipped in")
    problems = verify_bundle(bundle_dir)
    assert any(p.startswith("missing file faxes/") and "text.json" in p for p in problems)
    assert "extra file faxes/note.txt (not in SHA256SUMS)" in problems


def test_edited_manifest_is_caught_even_with_sums_redone(bundle_dir: Path) -> None:
    manifest = json.loads((bundle_dir / "manifest.json").read_text())
    manifest["faxes"][0]["from_number"] = "+15550000000"
    (bundle_dir / "manifest.json").write_text(json.dumps(manifest))
    assert "manifest.json: SHA-256 does not match SHA256SUMS" in verify_bundle(bundle_dir)
    resum(bundle_dir)
    problems = verify_bundle(bundle_dir)
    assert any("from_number is '+15550000000', its archived record says" in p
               for p in problems)


def test_altered_audit_entry_is_caught(bundle_dir: Path) -> None:
    lines = (bundle_dir / "audit.jsonl").read_text().splitlines()
    entry = json.loads(lines[0])
    entry["actor"] = "cli:nobody"
    lines[0] = json.dumps(entry, sort_keys=True)
    (bundle_dir / "audit.jsonl").write_text("\n".join(lines) + "\n")
    resum(bundle_dir)
    problems = verify_bundle(bundle_dir)
    assert f"audit entry {entry['seq']}: content does not match its hash" in problems


def test_verify_export_cli_exits_1_naming_problems(bundle_dir: Path, archive_env) -> None:
    config, _, _ = archive_env
    fax_file(bundle_dir, "fax.json").unlink()
    result = run_cli(config, "verify-export", str(bundle_dir), expect=1)
    assert "fax.json" in result.err


def test_rewritten_history_is_caught_by_the_anchor(tmp_path: Path, archive_env) -> None:
    _config, root, _ids = archive_env
    copy = tmp_path / "copy"
    shutil.copytree(root / "var", copy / "var")
    copied_config = write_config(tmp_path / "faxvault.toml", copy / "var")
    run_cli(copied_config, "audit", "anchor")
    db = sqlite3.connect(copy / "var" / "faxvault.sqlite3")
    db.execute("UPDATE audit_log SET actor = 'cli:mallory' WHERE seq = 2")
    prev = db.execute("SELECT hash FROM audit_log WHERE seq = 1").fetchone()[0]
    for seq, at, actor, action, fax_id, details in db.execute(
            "SELECT seq, at, actor, action, fax_id, details FROM audit_log WHERE seq >= 2"
            " ORDER BY seq").fetchall():
        digest = audit.entry_hash(seq, at, actor, action, fax_id,
                                  audit.details_digest(details), prev)
        db.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?",
                   (prev, digest, seq))
        prev = digest
    db.commit()
    db.close()
    result = run_cli(copied_config, "audit", "verify", "--json", expect=1).json()
    assert result["first_broken_seq"] is None  # the chain itself was forged consistently
    assert any("differs from its anchor" in p for p in result["anchor_problems"])


FORGED = b"II*\x00 a different fax, put in its place"


def _rechain(lines: list[dict], start: int) -> None:
    """Recompute every hash from entry index ``start`` on, as a forger would."""
    prev = lines[start]["prev_hash"]
    for entry in lines[start:]:
        entry["prev_hash"] = prev
        entry["hash"] = audit.entry_hash(entry["seq"], entry["at"], entry["actor"],
                                         entry["action"], entry["fax_id"],
                                         entry["details_sha256"], prev)
        prev = entry["hash"]


def forge_original(bundle: Path) -> None:
    """Replace a fax's original and make everything in the bundle agree with it again:
    manifest, manifest.csv, the fax's archived record, the audit details and every hash of
    the chain after them, SHA256SUMS. Only a key or the WORM store can tell."""
    original = fax_file(bundle, "original.tif")
    fax_id = original.parent.name
    original.write_bytes(FORGED)
    new_sha = hashlib.sha256(FORGED).hexdigest()
    record_path = original.parent / "fax.json"
    record = json.loads(record_path.read_text())
    record["objects"]["original"].update(sha256=new_sha, size=len(FORGED))
    record_path.write_text(json.dumps(record, indent=1, sort_keys=True))
    record_sha = hashlib.sha256(record_path.read_bytes()).hexdigest()
    manifest = json.loads((bundle / "manifest.json").read_text())
    for fax in manifest["faxes"]:
        for f in fax["files"] if fax["id"] == fax_id else []:
            if f["purpose"] == "original":
                f.update(sha256=new_sha, archived_sha256=new_sha, size=len(FORGED))
            if f["purpose"] == "meta":
                f.update(sha256=record_sha, archived_sha256=record_sha,
                         size=record_path.stat().st_size)
    lines = [json.loads(line) for line in (bundle / "audit.jsonl").read_text().splitlines()]
    index = next(n for n, e in enumerate(lines)
                 if e["action"] == "fax.archived" and e["fax_id"] == fax_id)
    objects = lines[index]["details"]["objects"]
    objects["original"]["sha256"], objects["meta"]["sha256"] = new_sha, record_sha
    lines[index]["details_sha256"] = audit.details_digest(json.dumps(
        lines[index]["details"], sort_keys=True, ensure_ascii=False, separators=(",", ":")))
    _rechain(lines, index)
    (bundle / "audit.jsonl").write_text(
        "".join(json.dumps(e, sort_keys=True, ensure_ascii=False) + "\n" for e in lines))
    manifest["audit"]["head_hash"] = lines[-1]["hash"]
    (bundle / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
    rows = list(csv.reader((bundle / "manifest.csv").read_text().splitlines()))
    for row in rows[1:]:
        if row[0] == fax_id and row[9] in ("original", "meta"):
            row[11], row[12] = ((new_sha, str(len(FORGED))) if row[9] == "original"
                                else (record_sha, str(record_path.stat().st_size)))
    with open(bundle / "manifest.csv", "w", newline="") as out:
        csv.writer(out).writerows(rows)
    resum(bundle)


def sign_with_another_key(bundle: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from storage import signing

    signature = signing.sign(Ed25519PrivateKey.generate(), "SHA256SUMS",
                             (bundle / "SHA256SUMS").read_bytes())
    (bundle / "SIGNATURE.json").write_bytes(signature.to_json())


def test_forged_bundle_fails_against_the_published_key(bundle_dir: Path, archive_env,
                                                       tmp_path: Path) -> None:
    config, _, _ = archive_env
    published = run_cli(config, "export-key", "--json").json()
    assert "OK" in run_cli(config, "verify-export", str(bundle_dir), "--fingerprint",
                           published["fingerprint"]).out
    forge_original(bundle_dir)
    # Every hash agrees (hashes alone prove nothing); only the old signature is now wrong.
    assert verify_bundle(bundle_dir) == ["the signature over SHA256SUMS does not verify"]
    bad = run_cli(config, "verify-export", str(bundle_dir), "--fingerprint",
                  published["fingerprint"], expect=1)
    assert "the signature over SHA256SUMS does not verify" in bad.err
    # Re-signed with the forger's own key: valid, but not the published key.
    sign_with_another_key(bundle_dir)
    key_file = tmp_path / "published.pem"
    key_file.write_text(published["public_key_pem"])
    for pin in (["--fingerprint", published["fingerprint"]], ["--public-key", str(key_file)],
                ["--public-key", published["public_key"]]):
        bad = run_cli(config, "verify-export", str(bundle_dir), *pin, expect=1)
        assert f"not by the expected key {published['fingerprint']}" in bad.err
    # Unsigned: refused when a key is expected.
    (bundle_dir / "SIGNATURE.json").unlink()
    bad = run_cli(config, "verify-export", str(bundle_dir), "--fingerprint",
                  published["fingerprint"], expect=1)
    assert "the bundle is not signed" in bad.err


def test_key_and_fingerprint_must_name_the_same_key(bundle_dir: Path, archive_env) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from storage.export import verify_bundle_report

    config, _, _ = archive_env
    published = run_cli(config, "export-key", "--json").json()
    bare_hex = published["fingerprint"].removeprefix("SHA256:")
    assert verify_bundle_report(bundle_dir, fingerprint=bare_hex).ok
    stranger = Ed25519PrivateKey.generate().public_key()
    report = verify_bundle_report(bundle_dir, public_key=stranger,
                                  fingerprint=published["fingerprint"])
    assert any("they are not the same key" in p for p in report.problems)


def test_signing_key_is_private_stable_and_matches_its_fingerprint(archive_env) -> None:
    import base64

    config, root, _ = archive_env
    first = run_cli(config, "export-key", "--json").json()
    assert run_cli(config, "export-key", "--json").json() == first
    key_file = Path(first["key_file"])
    assert key_file == root / "var" / "export-signing-key.pem"
    assert key_file.stat().st_mode & 0o777 == 0o600
    raw = base64.b64decode(first["public_key"])
    assert first["fingerprint"] == "SHA256:" + hashlib.sha256(raw).hexdigest()
    assert first["fingerprint"] in run_cli(config, "export-key").out


def test_forged_bundle_fails_against_the_archive(bundle_dir: Path, archive_env) -> None:
    """With the archive (read access only), even a bundle re-signed by a stranger fails:
    the forged original is not the archived one, and the rewritten chain no longer
    matches the head anchored at export time."""
    config, _, _ = archive_env
    good = run_cli(config, "verify-export", str(bundle_dir), "--archive", str(config))
    assert "files match their archived versions" in good.out
    forge_original(bundle_dir)
    sign_with_another_key(bundle_dir)
    bad = run_cli(config, "verify-export", str(bundle_dir), "--archive", str(config),
                  "--json", expect=1).json()
    assert any("original.tif: the archived version" in p for p in bad["problems"])
    assert any("differs from its anchor" in p for p in bad["problems"])


def test_zip_whose_sums_inflate_to_gigabytes_is_reported_not_read(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for name in ("manifest.json", "manifest.csv", "audit.jsonl"):
            bundle.writestr(name, b"{}")
        sums = zipfile.ZipInfo("SHA256SUMS")
        sums.compress_type = zipfile.ZIP_DEFLATED
        with bundle.open(sums, "w", force_zip64=True) as out:
            block = b"0" * (16 * 1024 * 1024)
            for _ in range(128):  # 2 GiB of text, about 2 MB deflated
                out.write(block)
    assert bomb.stat().st_size < 4 * 1024 * 1024
    tracemalloc.start()
    problems = verify_bundle(bomb)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert problems == ["SHA256SUMS: larger than 64 MiB; not read"]
    assert peak < 8 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_fax_file_that_inflates_like_a_bomb_is_not_hashed(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    name = "faxes/01BOMB/original.tif"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        with bundle.open(name, "w", force_zip64=True) as out:
            for _ in range(8):
                out.write(bytes(16 * 1024 * 1024))  # 128 MiB of zeros
        bundle.writestr("SHA256SUMS", f"{'0' * 64}  {name}\n")
        for other in ("manifest.json", "manifest.csv", "audit.jsonl"):
            bundle.writestr(other, b"{}")
    problems = verify_bundle(bomb)
    assert any(p.startswith(f"{name}: inflates ") and p.endswith("; not read")
               for p in problems), problems


def test_long_audit_line_is_reported_not_read(bundle_dir: Path) -> None:
    with open(bundle_dir / "audit.jsonl", "ab") as out:
        out.write(b"x" * (5 * 1024 * 1024))
    resum(bundle_dir)
    assert "audit.jsonl: a line longer than 4 MiB; not read" in verify_bundle(bundle_dir)


def test_symlink_in_a_directory_bundle_is_not_followed(bundle_dir: Path,
                                                       tmp_path: Path) -> None:
    """A link to a file with the very bytes expected would pass if it were followed."""
    pdf = fax_file(bundle_dir, "fax.pdf")
    outside = tmp_path / "outside.pdf"
    shutil.copyfile(pdf, outside)
    pdf.unlink()
    pdf.symlink_to(outside)
    problems = verify_bundle(bundle_dir)
    name = pdf.relative_to(bundle_dir).as_posix()
    assert f"{name}: a symbolic link (not followed)" in problems
    assert f"missing file {name} (listed in SHA256SUMS)" in problems


def test_reads_are_anchored_at_once_and_local_anchors_say_what_they_prove(
        tmp_path: Path, archive_env) -> None:
    _config, root, ids = archive_env
    copy = tmp_path / "copy"
    shutil.copytree(root / "var", copy / "var")
    config = write_config(tmp_path / "faxvault.toml", copy / "var")
    run_cli(config, "show", ids[0], "--json")
    report = run_cli(config, "audit", "verify", "--json").json()
    head = report["entries"]
    assert report["unanchored_entries"] == 0 and report["last_anchored_seq"] == head
    [target] = report["targets"]
    assert target["checked"][-1]["seq"] == head
    assert "prove nothing against the operator" in target["assurance"]
    human = run_cli(config, "audit", "verify").out
    assert "prove nothing against the operator" in " ".join(human.split())
    # The tail a read leaves is anchored: dropping it is caught.
    db = sqlite3.connect(copy / "var" / "faxvault.sqlite3")
    db.execute("DELETE FROM audit_log WHERE seq = ?", (head,))
    db.commit()
    db.close()
    bad = run_cli(config, "audit", "verify", "--json", expect=1).json()
    assert f"anchored entry {head} is missing from the log" in " ".join(bad["anchor_problems"])


def test_retention_report_and_refused_deletion(archive_env) -> None:
    config, _, ids = archive_env
    report = run_cli(config, "retention", "report", "--json").json()
    # By retain-until: 3650 days from when faxvault received each fax (the received_at given
    # on ingest lies earlier, and never shortens retention).
    assert [r["id"] for r in report] == ids
    journaled = json.loads(run_cli(config, "show", ids[0], "--json").out)["created_at"]
    until = (dt.datetime.fromisoformat(journaled.replace("Z", "+00:00"))
             + dt.timedelta(days=3650)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert report[0]["retain_until"] == until
    result = run_cli(config, "delete", ids[0], "--reason", "test", expect=1)
    assert f"must be kept until {until}" in result.err


def test_deletion_after_retention_is_allowed_and_audited(tmp_path: Path, ocr_pool) -> None:
    config = write_config(tmp_path / "faxvault.toml", tmp_path / "var")  # no retention
    [row] = run_cli(config, "ingest", "--wait", "--json",
                    str(render_fax(tmp_path / "x.tif", [["Disposable fax"]]))).json()
    run_cli(config, "ingest", "--wait", str(render_fax(tmp_path / "y.tif", [["Durable fax"]])))
    run_cli(config, "delete", row["fax_id"], "--reason", "retention ended")
    fax = run_cli(config, "show", row["fax_id"], "--json").json()
    assert fax["state"] == "deleted" and fax["archive"] == []
    assert not list((tmp_path / "var" / "archive").rglob(f"{row['fax_id']}/*"))
    assert not run_cli(config, "search", "Disposable", "--json").json()
    # Its words are gone from the search terms too; words other faxes hold stay.
    catalog = open_catalog(tmp_path / "var" / "faxvault.sqlite3")
    terms = {r[0] for r in catalog.conn.execute("SELECT term FROM search_terms")}
    catalog.close()
    assert "disposable" not in terms and {"durable", "fax"} <= terms


def test_a_thousand_fax_export_runs_in_bounded_memory(tmp_path: Path) -> None:
    """Files stream through: peak Python memory stays far below the bundle's size."""
    services = open_services(make_config(tmp_path / "var"), with_pool=False)
    try:
        blob = tmp_path / "blob"
        for n in range(1000):
            data = n.to_bytes(4, "big") + bytes(64 * 1024)  # 64 KB, distinct per fax
            blob.write_bytes(data)
            fax_id = f"01TEST{n:020d}"
            sha = hashlib.sha256(data).hexdigest()
            with services.catalog.transaction() as conn:
                conn.execute(
                    "INSERT INTO faxes (id, provider, provider_fax_id, received_at, state,"
                    " original_sha256, created_at, updated_at) VALUES (?, 'local', ?, ?,"
                    " 'archived', ?, 'now', 'now')",
                    (fax_id, sha, "2026-11-01T00:00:00Z", sha))
                stored = services.archive.put_file(f"originals/x/{fax_id}/original.tif", blob,
                                                   sha)
                services.catalog.record_archive_object(fax_id, {
                    "purpose": "original", "key": stored.key, "sha256": sha,
                    "size": stored.size, "version_id": None, "retain_until": None})
                audit.append(services.catalog, "system", "fax.archived", fax_id,
                             {"objects": {"original": {"key": stored.key, "sha256": sha}}})
        faxes = select_faxes(services.catalog)
        assert len(faxes) == 1000
        tracemalloc.start()
        summary = write_bundle(services.catalog, services.archive, faxes,
                               tmp_path / "big.zip")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    finally:
        services.close()
    assert summary.bytes > 64_000_000
    assert peak < 16 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"
