"""Compliance bundles: what an auditor takes away, and how anyone checks it.

A bundle (a ``.zip`` or a directory) holds, per fax, the archived objects exactly as stored
(original as received, fax.pdf, text.json, optionally fax.tif), plus:

- ``manifest.json`` / ``manifest.csv``: every fax and every file with SHA-256, size, archive
  key, version id and retain-until;
- ``audit.jsonl``: the audit chain from the first entry about these faxes to the head at
  export time. Entries about other faxes carry their details' SHA-256 instead of the details,
  which is enough to check every link and hash of the chain without disclosing them;
- ``SHA256SUMS`` (``sha256sum -c``), and ``README.txt`` for the auditor.

Files stream from the archive into the bundle (ZIP64 for large bundles): memory stays flat
whatever the number of faxes.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from storage.archive import Archive
from storage.audit import GENESIS, details_digest, entry_hash
from storage.catalog import Catalog
from storage.search import CONTROL

BUNDLE_VERSION = 1
CHUNK = 1024 * 1024
CSV_COLUMNS = ["fax_id", "provider", "provider_fax_id", "from", "to", "received_at",
               "status", "pages", "spam_verdict", "purpose", "path", "sha256", "size",
               "archive_key", "version_id", "retain_until"]
FILE_NAMES = {"original": "original", "pdf": "fax.pdf", "tiff": "fax.tif", "text": "text.json",
              "meta": "fax.json"}
# Manifest fields that must agree with the fax's archived sidecar (fax.json).
SIDECAR_FIELDS = ("provider", "provider_fax_id", "from_raw", "from_number", "to_raw",
                  "to_number", "received_at", "provider_status", "pages")
README = """\
faxvault export bundle
======================

This bundle was exported from a faxvault archive. It lets you check, without trusting the
operator, that the faxes in it are exactly the ones archived, and who did what with them.

Contents
  faxes/<fax id>/original.<ext>  the fax exactly as received (unchanged bytes)
  faxes/<fax id>/fax.pdf         searchable PDF made from it
  faxes/<fax id>/text.json       the OCR text, per page
  faxes/<fax id>/fax.tif         multipage TIFF (only if requested)
  faxes/<fax id>/fax.json        the fax's record as archived (sender, times, page text)
  manifest.json, manifest.csv    every fax and file: SHA-256, size, archive key, version,
                                 retain-until date, sender, recipient, receive time, status
  audit.jsonl                    the audit log's hash chain from the first entry about these
                                 faxes to the head at export time, one JSON entry per line
  SHA256SUMS                     SHA-256 of every other file in the bundle

Checking it with standard tools
  unzip the bundle (if it is a .zip), then in its top directory:
      sha256sum -c SHA256SUMS
  Every line must say OK. The SHA-256 of each fax file is also in manifest.csv, and in the
  audit entry "fax.archived" written when the fax was archived.

Checking it with faxvault (any installation, no access to the archive needed)
      faxvault verify-export <bundle>
  This checks every hash, that no file is missing or extra, that the manifest agrees with
  the files and with the audit log, and that the audit chain is unbroken: each entry's hash
  is SHA-256 over the JSON array [seq, at, actor, action, fax_id, sha256(details),
  prev_hash] and each entry names its predecessor's hash. Entries about faxes outside this
  bundle carry only sha256(details). The last hash is the chain head at export time
  (manifest.json: audit.head_hash); the archive also keeps periodic copies of the head under
  audit/heads/, written once, to compare it with.
"""


@dataclass
class ExportSummary:
    faxes: int
    files: int
    bytes: int
    head_seq: int
    head_hash: str


class _Writer:
    """Files into a zip (streamed, ZIP64) or a directory, hashed as they are written."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.is_zip = target.suffix.lower() == ".zip"
        self.sums: list[tuple[str, str]] = []
        if self.is_zip:
            if target.exists():
                raise FileExistsError(f"{target} exists")
            self._zip = zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED,
                                        allowZip64=True)
        elif target.exists() and any(target.iterdir()):
            raise FileExistsError(f"{target} exists and is not empty")
        else:
            target.mkdir(parents=True, exist_ok=True)

    def add(self, name: str, chunks: Iterator[bytes], *, summed: bool = True,
            compress: bool = True) -> tuple[str, int]:
        digest, size = hashlib.sha256(), 0
        if self.is_zip:
            info = zipfile.ZipInfo(name, date_time=time.gmtime()[:6])
            # Fax images and PDFs are compressed already: deflating them again costs time
            # for nothing. Text (JSON, CSV, the audit log) shrinks well.
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            with self._zip.open(info, "w", force_zip64=True) as out:
                for chunk in chunks:
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
        else:
            path = self.target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "wb") as out:
                for chunk in chunks:
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
        if summed:
            self.sums.append((digest.hexdigest(), name))
        return digest.hexdigest(), size

    def add_bytes(self, name: str, data: bytes, *, summed: bool = True) -> None:
        self.add(name, iter([data]), summed=summed)

    def close(self) -> None:
        sums = "".join(f"{sha}  {name}\n" for sha, name in self.sums)
        self.add_bytes("SHA256SUMS", sums.encode(), summed=False)
        if self.is_zip:
            self._zip.close()


def _chunks(stream: BinaryIO, progress: Callable[[int], None]) -> Iterator[bytes]:
    with stream:
        for chunk in iter(lambda: stream.read(CHUNK), b""):
            progress(len(chunk))
            yield chunk


def _audit_segment(catalog: Catalog, fax_ids: set[str]) -> Iterator[dict[str, Any]]:
    """Entries from the first about these faxes to the head; others without details."""
    if not fax_ids:
        return
    first = None
    for chunk_start in range(0, len(fax_ids), 500):
        ids = sorted(fax_ids)[chunk_start:chunk_start + 500]
        row = catalog.conn.execute(
            f"SELECT min(seq) FROM audit_log WHERE fax_id IN ({','.join('?' * len(ids))})",
            ids).fetchone()
        if row[0] is not None:
            first = row[0] if first is None else min(first, row[0])
    if first is None:
        return
    for row in catalog.conn.execute("SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq",
                                    (first,)):
        entry = {k: row[k] for k in ("seq", "at", "actor", "action", "fax_id", "prev_hash",
                                     "hash")}
        entry["details_sha256"] = details_digest(row["details"])
        if row["fax_id"] in fax_ids:
            entry["details"] = json.loads(row["details"])
        yield entry


def select_faxes(catalog: Catalog, *, since: str | None = None, until: str | None = None,
                 from_number: str | None = None, query: str | None = None,
                 include_spam: bool = False) -> list[dict[str, Any]]:
    """Archived faxes matching the filters, oldest first."""
    where, params = ["state = 'archived'"], []
    if since:
        where.append("received_at >= ?")
        params.append(since)
    if until:
        where.append("received_at < ?")
        params.append(until)
    if from_number:
        where.append("(from_number = ? OR from_raw = ?)")
        params += [from_number, from_number]
    if not include_spam:
        where.append("coalesce(spam_verdict, '') != 'spam'")
    if query:
        match = catalog.db.quote_fts(CONTROL.sub(" ", query))
        if not match.strip():
            return []
        where.append("id IN (SELECT p.fax_id FROM pages_fts JOIN pages p ON p.id = "
                     "pages_fts.rowid WHERE pages_fts MATCH ?)")
        params.append(match)
    rows = catalog.conn.execute(
        f"SELECT id FROM faxes WHERE {' AND '.join(where)} ORDER BY received_at, id", params)
    return [catalog.get_fax(r["id"]) for r in rows.fetchall()]


def write_bundle(catalog: Catalog, archive: Archive, faxes: list[dict[str, Any]], out: Path,
                 *, include_tiff: bool = False, created_by: str = "system",
                 filters: dict[str, Any] | None = None,
                 progress: Callable[[int], None] = lambda n: None) -> ExportSummary:
    writer = _Writer(out)
    manifest_faxes, csv_rows, total = [], [], 0
    try:
        for fax in faxes:
            objects = {o["purpose"]: o for o in catalog.archive_objects(fax["id"])}
            files = []
            for purpose in ("original", "pdf", "tiff", "text", "meta"):
                obj = objects.get(purpose)
                if obj is None or (purpose == "tiff" and not include_tiff):
                    continue
                name = FILE_NAMES[purpose]
                if purpose == "original":
                    name = PurePosixPath(obj["key"]).name
                path = f"faxes/{fax['id']}/{name}"
                sha, size = writer.add(path, _chunks(archive.open(obj["key"],
                                                                  obj["version_id"]), progress),
                                       compress=purpose in ("text", "meta"))
                total += size
                files.append({"purpose": purpose, "path": path, "sha256": sha, "size": size,
                              "archive_key": obj["key"], "version_id": obj["version_id"],
                              "retain_until": obj["retain_until"],
                              "archived_sha256": obj["sha256"]})
            entry = {k: fax.get(k) for k in ("id", "provider", "provider_fax_id", "from_raw",
                                              "from_number", "to_raw", "to_number",
                                              "received_at", "provider_status", "partial",
                                              "pages", "spam_verdict", "spam_score")}
            entry["files"] = files
            manifest_faxes.append(entry)
            for f in files:
                csv_rows.append([fax["id"], fax["provider"], fax["provider_fax_id"],
                                 fax["from_number"] or fax["from_raw"] or "",
                                 fax["to_number"] or fax["to_raw"] or "", fax["received_at"],
                                 fax["provider_status"] or "", fax["pages"] or "",
                                 fax["spam_verdict"] or "", f["purpose"], f["path"],
                                 f["sha256"], f["size"], f["archive_key"],
                                 f["version_id"] or "", f["retain_until"] or ""])
        segment = {"entries": 0, "first_prev": None, "head_seq": 0, "head_hash": GENESIS}

        def audit_lines() -> Iterator[bytes]:  # streamed: the segment can be long
            for entry in _audit_segment(catalog, {f["id"] for f in faxes}):
                if segment["first_prev"] is None:
                    segment["first_prev"] = entry["prev_hash"]
                segment.update(entries=segment["entries"] + 1, head_seq=entry["seq"],
                               head_hash=entry["hash"])
                yield json.dumps(entry, sort_keys=True, ensure_ascii=False).encode() + b"\n"

        writer.add("audit.jsonl", audit_lines())
        head_seq, head_hash = segment["head_seq"], segment["head_hash"]
        manifest = {
            "faxvault_bundle": BUNDLE_VERSION, "created_by": created_by,
            "filters": filters or {}, "faxes": manifest_faxes,
            "audit": {"file": "audit.jsonl", "entries": segment["entries"],
                      "first_prev_hash": segment["first_prev"], "head_seq": head_seq,
                      "head_hash": head_hash},
        }
        writer.add_bytes("manifest.json", json.dumps(manifest, indent=1, sort_keys=True,
                                                     ensure_ascii=False).encode())
        text = io.StringIO()
        table = csv.writer(text)
        table.writerow(CSV_COLUMNS)
        table.writerows(csv_rows)
        writer.add_bytes("manifest.csv", text.getvalue().encode())
        writer.add_bytes("README.txt", README.encode())
    finally:
        writer.close()
    return ExportSummary(len(faxes), len(csv_rows), total, head_seq, head_hash)


# -- verification -------------------------------------------------------------------------------
class _Reader:
    def __init__(self, bundle: Path) -> None:
        self.is_zip = bundle.is_file()
        if self.is_zip:
            self._zip = zipfile.ZipFile(bundle)
            self.names = {n for n in self._zip.namelist() if not n.endswith("/")}
        else:
            self.root = bundle
            self.names = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*")
                          if p.is_file()}

    def open(self, name: str) -> BinaryIO:
        return self._zip.open(name) if self.is_zip else open(self.root / name, "rb")

    def read(self, name: str) -> bytes:
        with self.open(name) as stream:
            return stream.read()

    def sha256(self, name: str, progress: Callable[[int], None]) -> tuple[str, int]:
        digest, size = hashlib.sha256(), 0
        with self.open(name) as stream:
            for chunk in iter(lambda: stream.read(CHUNK), b""):
                digest.update(chunk)
                size += len(chunk)
                progress(len(chunk))
        return digest.hexdigest(), size


def _check_audit(reader: _Reader, manifest: dict[str, Any], files_by_fax: dict[str, dict],
                 problems: list[str]) -> None:
    audit_info = manifest.get("audit", {})
    prev, count, last_hash = audit_info.get("first_prev_hash"), 0, GENESIS
    archived: dict[str, dict[str, str]] = {}
    expected_seq = None
    for number, line in enumerate(reader.read("audit.jsonl").splitlines(), start=1):
        try:
            entry = json.loads(line)
            seq = entry["seq"]
        except (ValueError, KeyError, TypeError):
            problems.append(f"audit.jsonl line {number}: not an audit entry")
            return
        count += 1
        if expected_seq is not None and seq != expected_seq:
            problems.append(f"audit entry {expected_seq} is missing (next is {seq})")
            return
        if "details" in entry:
            encoded = json.dumps(entry["details"], sort_keys=True, ensure_ascii=False,
                                 separators=(",", ":"))
            if details_digest(encoded) != entry.get("details_sha256"):
                problems.append(f"audit entry {seq}: details altered")
        if not hmac.compare_digest(str(entry.get("prev_hash")), str(prev)):
            problems.append(f"audit entry {seq}: does not link to the entry before it")
        digest = entry_hash(seq, entry.get("at"), entry.get("actor"), entry.get("action"),
                            entry.get("fax_id"), str(entry.get("details_sha256")),
                            str(entry.get("prev_hash")))
        if not hmac.compare_digest(digest, str(entry.get("hash"))):
            problems.append(f"audit entry {seq}: content does not match its hash")
        if entry.get("action") == "fax.archived" and "details" in entry:
            archived[entry["fax_id"]] = entry["details"].get("objects", {})
        prev, last_hash, expected_seq = entry.get("hash"), entry.get("hash"), seq + 1
    if count != audit_info.get("entries"):
        problems.append(f"audit.jsonl has {count} entries, manifest says "
                        f"{audit_info.get('entries')}")
    if count and not hmac.compare_digest(str(last_hash), str(audit_info.get("head_hash"))):
        problems.append("audit chain does not end at the head recorded in manifest.json")
    # Tie each file to the hash the audit log recorded when the fax was archived.
    for fax_id, files in files_by_fax.items():
        recorded = archived.get(fax_id)
        if recorded is None:
            problems.append(f"fax {fax_id}: no fax.archived entry in audit.jsonl")
            continue
        for f in files:
            want = recorded.get(f["purpose"], {}).get("sha256")
            if want and not hmac.compare_digest(want, f["sha256"]):
                problems.append(f"{f['path']}: differs from the hash in the audit log")


def verify_bundle(bundle: Path, progress: Callable[[int], None] = lambda n: None) -> list[str]:
    """Every problem found, worded for the auditor; [] means the bundle verifies."""
    problems: list[str] = []
    reader = _Reader(bundle)
    required = {"SHA256SUMS", "manifest.json", "manifest.csv", "audit.jsonl"}
    missing = required - reader.names
    if missing:
        return [f"missing {name}" for name in sorted(missing)]
    sums: dict[str, str] = {}
    for line in reader.read("SHA256SUMS").decode("utf-8", "replace").splitlines():
        sha, sep, name = line.partition("  ")
        if not sep:
            problems.append(f"SHA256SUMS: malformed line {line!r}")
            continue
        sums[name] = sha
    for name in sorted(set(sums) - reader.names):
        problems.append(f"missing file {name} (listed in SHA256SUMS)")
    for name in sorted(reader.names - set(sums) - {"SHA256SUMS"}):
        problems.append(f"extra file {name} (not in SHA256SUMS)")
    actual: dict[str, tuple[str, int]] = {}
    for name in sorted(set(sums) & reader.names):
        actual[name] = reader.sha256(name, progress)
        if not hmac.compare_digest(actual[name][0], sums[name]):
            problems.append(f"{name}: SHA-256 does not match SHA256SUMS")
    try:
        manifest = json.loads(reader.read("manifest.json"))
        faxes = manifest["faxes"]
    except (ValueError, KeyError, TypeError):
        return [*problems, "manifest.json is not a faxvault manifest"]
    files_by_fax: dict[str, list[dict]] = {}
    listed: set[str] = set()
    csv_expected = []
    for fax in faxes:
        for f in fax.get("files", []):
            listed.add(f["path"])
            files_by_fax.setdefault(fax["id"], []).append(f)
            csv_expected.append([fax["id"], f["path"], f["sha256"], str(f["size"])])
            have = actual.get(f["path"])
            if have is None:
                problems.append(f"{f['path']}: in manifest.json but not in the bundle")
                continue
            if have[0] != f["sha256"] or have[1] != f["size"]:
                problems.append(f"{f['path']}: does not match manifest.json")
            if f.get("archived_sha256") and f["archived_sha256"] != f["sha256"]:
                problems.append(f"{f['path']}: differs from the archived object")
    for fax in faxes:
        sidecar = next((f for f in fax.get("files", []) if f["purpose"] == "meta"), None)
        if sidecar is None or sidecar["path"] not in actual:
            problems.append(f"fax {fax.get('id')}: its archived record (fax.json) is missing")
            continue
        try:
            record = json.loads(reader.read(sidecar["path"]))["fax"]
        except (ValueError, KeyError, TypeError):
            problems.append(f"{sidecar['path']}: not a faxvault record")
            continue
        for field in ("id", *SIDECAR_FIELDS):
            if record.get(field) != fax.get(field):
                problems.append(f"manifest.json: fax {fax.get('id')} {field} is "
                                f"{fax.get(field)!r}, its archived record says "
                                f"{record.get(field)!r}")
    for name in sorted(n for n in reader.names if n.startswith("faxes/") and n not in listed):
        problems.append(f"extra file {name} (not in manifest.json)")
    rows = list(csv.reader(io.StringIO(reader.read("manifest.csv").decode("utf-8", "replace"))))
    if not rows or rows[0] != CSV_COLUMNS:
        problems.append("manifest.csv: unexpected header")
    else:
        index = {c: i for i, c in enumerate(CSV_COLUMNS)}
        got = [[r[index["fax_id"]], r[index["path"]], r[index["sha256"]], r[index["size"]]]
               for r in rows[1:] if len(r) == len(CSV_COLUMNS)]
        if sorted(got) != sorted(csv_expected):
            problems.append("manifest.csv does not agree with manifest.json")
    _check_audit(reader, manifest, files_by_fax, problems)
    return problems
