"""Compliance bundles: what an auditor takes away, and how anyone checks it.

A bundle (a ``.zip`` or a directory) holds, per fax, the archived objects exactly as stored
(original as received, fax.pdf, text.json, optionally fax.tif), plus:

- ``manifest.json`` / ``manifest.csv``: every fax and every file with SHA-256, size, archive
  key, version id and retain-until;
- ``audit.jsonl``: the audit chain from the first entry about these faxes to the head at
  export time. Entries about other faxes carry their details' SHA-256 instead of the details,
  which is enough to check every link and hash of the chain without disclosing them;
- ``SHA256SUMS`` (``sha256sum -c``), and ``README.txt`` for the auditor;
- ``SIGNATURE.json``: an Ed25519 signature over ``SHA256SUMS`` (which names every other file),
  with the signer's public key and fingerprint;
- in ``manifest.json``, the anchors of the chain that fall inside it (the head at export
  time included), with the anchor objects' keys, version ids and retain-until dates.

Three checks, three different claims (README "For auditors"):
- hashes: the bundle is intact, as written (against accident, not against a forger);
- the signature, against a key published out of band: the bundle came from the key holder;
- ``--archive``: the chain's anchored heads and the files match what the WORM store holds.

Files stream from the archive into the bundle (ZIP64 for large bundles): memory stays flat
whatever the number of faxes. Verification streams too, and caps every file it must read
whole, so a small zip that inflates to gigabytes is a problem reported, not a crash.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import os
import stat
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from storage import signing
from storage.archive import Archive, ArchiveError
from storage.audit import (
    GENESIS,
    check_anchors_against,
    details_digest,
    entry_hash,
    read_stored_anchors,
    recorded_anchors,
)
from storage.catalog import Catalog
from storage.search import CONTROL

BUNDLE_VERSION = 2
CHUNK = 1024 * 1024
SIGNATURE_FILE = "SIGNATURE.json"
# Caps on what verification reads whole (a bundle is untrusted input): beyond them a file is
# reported, not read. Sized for ~200,000 files; lines of the streamed files are capped too.
MAX_LISTING_BYTES = 64 * 1024 * 1024  # SHA256SUMS, manifest.json
MAX_RECORD_BYTES = 64 * 1024 * 1024  # one fax.json (all of a fax's page text)
MAX_LINE_BYTES = 4 * 1024 * 1024  # one line of audit.jsonl or manifest.csv
MAX_SIGNATURE_BYTES = 64 * 1024
# Fax images and PDFs barely compress; a member that inflates more than this, past 64 MiB, is
# a decompression bomb and is not hashed (which would only burn time).
MAX_INFLATION = 1000
CSV_COLUMNS = ["fax_id", "provider", "provider_fax_id", "from", "to", "received_at",
               "status", "pages", "spam_verdict", "purpose", "path", "sha256", "size",
               "archive_key", "version_id", "retain_until"]
FILE_NAMES = {"original": "original", "email": "message.eml", "pdf": "fax.pdf",
              "tiff": "fax.tif", "text": "text.json", "meta": "fax.json"}
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
  SIGNATURE.json                 Ed25519 signature over SHA256SUMS, with the signer's public
                                 key and its fingerprint

Checking it with standard tools
  unzip the bundle (if it is a .zip), then in its top directory:
      sha256sum -c SHA256SUMS
  Every line must say OK. The SHA-256 of each fax file is also in manifest.csv, and in the
  audit entry "fax.archived" written when the fax was archived.

What each check proves
  Hashes (sha256sum, or faxvault verify-export alone) prove the bundle is intact as it was
  written: nothing was damaged or lost on the way. They do not prove who wrote it: anyone
  can edit a file and recompute every hash.
  The signature proves the bundle was made by whoever holds the signing key, provided you
  compare the key with one the operator published to you by another channel:
      faxvault verify-export <bundle> --fingerprint SHA256:<hex>
  The archive check proves the audit chain matches the heads anchored in the write-once
  (Object Lock) store, and each file matches its locked archived version; it needs only
  read access to the store, described in a config file of your own:
      faxvault verify-export <bundle> --archive auditor.toml

Checking it with faxvault (any installation, no access to the archive needed)
      faxvault verify-export <bundle>
  This checks every hash, that no file is missing or extra, that the manifest agrees with
  the files and with the audit log, and that the audit chain is unbroken: each entry's hash
  is SHA-256 over the JSON array [seq, at, actor, action, fax_id, sha256(details),
  prev_hash] and each entry names its predecessor's hash. Entries about faxes outside this
  bundle carry only sha256(details). The last hash is the chain head at export time
  (manifest.json: audit.head_hash); the archive keeps copies of heads under audit/heads/,
  written once, listed in manifest.json (audit.anchors) with their version ids.
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

    def close(self, signing_key: Ed25519PrivateKey | None = None) -> None:
        """Write SHA256SUMS (and sign it, when given a key: only a complete bundle is)."""
        sums = "".join(f"{sha}  {name}\n" for sha, name in self.sums).encode()
        self.add_bytes("SHA256SUMS", sums, summed=False)
        if signing_key is not None:
            signature = signing.sign(signing_key, "SHA256SUMS", sums)
            self.add_bytes(SIGNATURE_FILE, signature.to_json(), summed=False)
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
    first = catalog.first_audit_seq_of(fax_ids)
    if first is None:
        return
    for row in catalog.audit_entries(first):
        entry = {k: row[k] for k in ("seq", "at", "actor", "action", "fax_id", "prev_hash",
                                     "hash")}
        entry["details_sha256"] = details_digest(row["details"])
        if row["fax_id"] in fax_ids:
            entry["details"] = json.loads(row["details"])
        yield entry


def select_faxes(catalog: Catalog, *, since: str | None = None, until: str | None = None,
                 from_number: str | None = None, query: str | None = None,
                 include_spam: bool = False,
                 mailboxes: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """Archived faxes matching the filters (in ``mailboxes`` when given), oldest first."""
    words = CONTROL.sub(" ", query) if query else None
    if words is not None and not words.strip():
        return []
    ids = catalog.archived_fax_ids(since=since, until=until, from_number=from_number,
                                   words=words, include_spam=include_spam,
                                   mailboxes=mailboxes)
    return [catalog.get_fax(fax_id) for fax_id in ids]


def write_bundle(catalog: Catalog, archive: Archive, faxes: list[dict[str, Any]], out: Path,
                 *, include_tiff: bool = False, created_by: str = "system",
                 filters: dict[str, Any] | None = None,
                 signing_key: Ed25519PrivateKey | None = None,
                 anchor: Callable[[int, str], object] | None = None,
                 progress: Callable[[int], None] = lambda n: None) -> ExportSummary:
    """Write the bundle. ``anchor(seq, hash)`` anchors the head the bundle ends at (and notes
    it in the catalog) before the manifest is written, so the manifest can cite it; the
    bundle is signed with ``signing_key`` once complete."""
    writer = _Writer(out)
    manifest_faxes, csv_rows, total = [], [], 0
    complete = False
    try:
        for fax in faxes:
            objects = {o["purpose"]: o for o in catalog.archive_objects(fax["id"])}
            files = []
            for purpose in FILE_NAMES:
                obj = objects.get(purpose)
                if obj is None or (purpose == "tiff" and not include_tiff):
                    continue
                name = FILE_NAMES[purpose]
                if purpose == "original":
                    name = PurePosixPath(obj["key"]).name
                path = f"faxes/{fax['id']}/{name}"
                sha, size = writer.add(path, _chunks(archive.open(obj["key"],
                                                                  obj["version_id"]), progress),
                                       compress=purpose in ("email", "text", "meta"))
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
        anchors: list[dict[str, Any]] = []
        if head_seq:
            if anchor is not None:
                anchor(head_seq, head_hash)
            first_seq = head_seq - segment["entries"] + 1
            anchors = [asdict(a) for a in recorded_anchors(catalog, first_seq, head_seq)]
        manifest = {
            "faxvault_bundle": BUNDLE_VERSION, "created_by": created_by,
            "filters": filters or {}, "faxes": manifest_faxes,
            "audit": {"file": "audit.jsonl", "entries": segment["entries"],
                      "first_prev_hash": segment["first_prev"], "head_seq": head_seq,
                      "head_hash": head_hash, "anchors": anchors},
        }
        writer.add_bytes("manifest.json", json.dumps(manifest, indent=1, sort_keys=True,
                                                     ensure_ascii=False).encode())
        text = io.StringIO()
        table = csv.writer(text)
        table.writerow(CSV_COLUMNS)
        table.writerows(csv_rows)
        writer.add_bytes("manifest.csv", text.getvalue().encode())
        writer.add_bytes("README.txt", README.encode())
        complete = True
    finally:
        writer.close(signing_key if complete else None)
    return ExportSummary(len(faxes), len(csv_rows), total, head_seq, head_hash)


# -- verification -------------------------------------------------------------------------------
class TooLarge(Exception):
    """A bundle file is larger than verification will read whole."""


class _Reader:
    """A bundle's files, read without trusting it: sizes capped, links never followed."""

    def __init__(self, bundle: Path) -> None:
        self.is_zip = bundle.is_file()
        self.problems: list[str] = []
        self.names: set[str] = set()
        if self.is_zip:
            self._zip = zipfile.ZipFile(bundle)
            for info in self._zip.infolist():
                if info.is_dir():
                    continue
                if info.filename in self.names:
                    self.problems.append(f"{info.filename}: more than one file by this name")
                self.names.add(info.filename)
        else:
            self.root = bundle
            self._walk()

    def _walk(self) -> None:
        for folder, dirs, files in os.walk(self.root, followlinks=False):
            for name in [*dirs, *files]:
                path = Path(folder) / name
                rel = path.relative_to(self.root).as_posix()
                mode = path.lstat().st_mode
                if stat.S_ISLNK(mode):
                    self.problems.append(f"{rel}: a symbolic link (not followed)")
                elif stat.S_ISREG(mode):
                    self.names.add(rel)
                elif not stat.S_ISDIR(mode):
                    self.problems.append(f"{rel}: not a regular file")

    def open(self, name: str) -> BinaryIO:
        if self.is_zip:
            return self._zip.open(name)
        fd = os.open(self.root / name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise OSError(f"{name}: not a regular file")
        return os.fdopen(fd, "rb")

    def read(self, name: str, cap: int) -> bytes:
        """The whole file, if it is at most ``cap`` bytes (TooLarge otherwise). A zip's
        recorded size is checked first, and the read is bounded whatever it says."""
        if self.is_zip and self._zip.getinfo(name).file_size > cap:
            raise TooLarge(f"{name}: larger than {cap // (1024 * 1024)} MiB; not read")
        with self.open(name) as stream:
            data = stream.read(cap + 1)
        if len(data) > cap:
            raise TooLarge(f"{name}: larger than {cap // (1024 * 1024)} MiB; not read")
        return data

    def lines(self, name: str) -> Iterator[bytes]:
        """Lines of at most MAX_LINE_BYTES each (TooLarge on a longer one), streamed."""
        with self.open(name) as stream:
            while line := stream.readline(MAX_LINE_BYTES + 1):
                if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                    raise TooLarge(f"{name}: a line longer than "
                                   f"{MAX_LINE_BYTES // (1024 * 1024)} MiB; not read")
                yield line.rstrip(b"\r\n")

    def sha256(self, name: str, progress: Callable[[int], None]) -> tuple[str, int]:
        if self.is_zip:
            info = self._zip.getinfo(name)
            if (info.file_size > MAX_LISTING_BYTES
                    and info.file_size > MAX_INFLATION * max(info.compress_size, 1)):
                raise TooLarge(f"{name}: inflates {info.file_size // max(info.compress_size, 1)}"
                               f" times, to {info.file_size} bytes; not read")
        digest, size = hashlib.sha256(), 0
        with self.open(name) as stream:
            for chunk in iter(lambda: stream.read(CHUNK), b""):
                digest.update(chunk)
                size += len(chunk)
                progress(len(chunk))
        return digest.hexdigest(), size


@dataclass
class BundleReport:
    """What verification found: problems (none = it verifies) and, check by check, what
    was established, worded for the auditor."""

    problems: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    signer: str | None = None  # fingerprint of the key the bundle is signed with

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Chain:
    """The bundle's audit segment as verification saw it."""

    hashes: dict[int, str] = field(default_factory=dict)
    archived: dict[str, dict[str, Any]] = field(default_factory=dict)
    first_seq: int = 0
    head_seq: int = 0


def _check_audit(reader: _Reader, manifest: dict[str, Any], files_by_fax: dict[str, list],
                 problems: list[str]) -> _Chain:
    audit_info = manifest.get("audit", {})
    prev, count, last_hash = audit_info.get("first_prev_hash"), 0, GENESIS
    chain = _Chain()
    expected_seq = None
    try:
        for number, line in enumerate(reader.lines("audit.jsonl"), start=1):
            try:
                entry = json.loads(line)
                seq = int(entry["seq"])
            except (ValueError, KeyError, TypeError):
                problems.append(f"audit.jsonl line {number}: not an audit entry")
                return chain
            count += 1
            if expected_seq is not None and seq != expected_seq:
                problems.append(f"audit entry {expected_seq} is missing (next is {seq})")
                return chain
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
            if entry.get("action") == "fax.archived" and isinstance(entry.get("details"), dict):
                chain.archived[entry["fax_id"]] = entry["details"].get("objects", {})
            chain.hashes[seq] = str(entry.get("hash"))
            chain.first_seq = chain.first_seq or seq
            chain.head_seq = seq
            prev, last_hash, expected_seq = entry.get("hash"), entry.get("hash"), seq + 1
    except TooLarge as exc:
        problems.append(str(exc))
        return chain
    if count != audit_info.get("entries"):
        problems.append(f"audit.jsonl has {count} entries, manifest says "
                        f"{audit_info.get('entries')}")
    if count and not hmac.compare_digest(str(last_hash), str(audit_info.get("head_hash"))):
        problems.append("audit chain does not end at the head recorded in manifest.json")
    # Tie each file to the hash the audit log recorded when the fax was archived.
    for fax_id, files in files_by_fax.items():
        recorded = chain.archived.get(fax_id)
        if recorded is None:
            problems.append(f"fax {fax_id}: no fax.archived entry in audit.jsonl")
            continue
        for f in files:
            want = recorded.get(f["purpose"], {}).get("sha256")
            if want and not hmac.compare_digest(want, f["sha256"]):
                problems.append(f"{f['path']}: differs from the hash in the audit log")
    return chain


def _read_sums(reader: _Reader, report: BundleReport) -> dict[str, str] | None:
    try:
        text = reader.read("SHA256SUMS", MAX_LISTING_BYTES).decode("utf-8", "replace")
    except TooLarge as exc:
        report.problems.append(str(exc))
        return None
    sums: dict[str, str] = {}
    for line in text.splitlines():
        sha, sep, name = line.partition("  ")
        if not sep:
            report.problems.append(f"SHA256SUMS: malformed line {line[:200]!r}")
            continue
        sums[name] = sha
    return sums


def _check_signature(reader: _Reader, report: BundleReport,
                     trusted: Ed25519PublicKey | None, trusted_fingerprint: str | None) -> None:
    pinned = trusted is not None or trusted_fingerprint is not None
    if SIGNATURE_FILE not in reader.names:
        if pinned:
            report.problems.append("the bundle is not signed (no SIGNATURE.json), but a "
                                   "signing key was given to check it against")
        else:
            report.checks.append("signature: none (the bundle is unsigned); nothing shows "
                                 "who made it")
        return
    try:
        document = reader.read(SIGNATURE_FILE, MAX_SIGNATURE_BYTES)
        signed = reader.read("SHA256SUMS", MAX_LISTING_BYTES)
    except TooLarge as exc:
        report.problems.append(str(exc))
        return
    signature, problem = signing.check(document, signed)
    if problem or signature is None:
        report.problems.append(problem or "SIGNATURE.json: unreadable")
        return
    if signature.signed_file != "SHA256SUMS":
        report.problems.append(f"SIGNATURE.json signs {signature.signed_file!r}, "
                               "not SHA256SUMS")
        return
    report.signer = signature.fingerprint
    if trusted_fingerprint is not None:  # "SHA256:<hex>", or the hex alone
        hex_part = trusted_fingerprint.strip().lower().removeprefix("sha256:")
        trusted_fingerprint = f"SHA256:{hex_part}"
    want = signing.fingerprint(trusted) if trusted is not None else trusted_fingerprint
    if trusted is not None and trusted_fingerprint is not None and not hmac.compare_digest(
            want.lower(), trusted_fingerprint.lower()):
        report.problems.append(f"the key given is {want}, the fingerprint given is "
                               f"{trusted_fingerprint}: they are not the same key")
        return
    if want is not None:
        if not hmac.compare_digest(want.strip().lower(), signature.fingerprint.lower()):
            report.problems.append(f"signed by key {signature.fingerprint}, not by the "
                                   f"expected key {want}")
            return
        report.checks.append(f"signature: valid, by the expected key {signature.fingerprint}:"
                             " the bundle is as its key holder wrote it")
    else:
        report.checks.append(f"signature: valid, by key {signature.fingerprint}; NOT compared"
                             " with a published key (give --public-key or --fingerprint), so "
                             "it does not yet show who made the bundle")


def verify_bundle(bundle: Path, progress: Callable[[int], None] = lambda n: None) -> list[str]:
    """Every problem found, worded for the auditor; [] means the bundle verifies."""
    return verify_bundle_report(bundle, progress=progress).problems


def verify_bundle_report(bundle: Path, *, public_key: Ed25519PublicKey | None = None,
                         fingerprint: str | None = None, archives: list[tuple[str, Archive]]
                         | None = None, progress: Callable[[int], None] = lambda n: None
                         ) -> BundleReport:
    """Check a bundle: hashes and internal agreement always; the signature against a given
    key or fingerprint; the chain and files against ``archives`` ((name, store) pairs, the
    first being the archive holding the files) when given."""
    report = BundleReport()
    problems = report.problems
    reader = _Reader(bundle)
    problems += reader.problems
    required = {"SHA256SUMS", "manifest.json", "manifest.csv", "audit.jsonl"}
    missing = required - reader.names
    if missing:
        problems += [f"missing {name}" for name in sorted(missing)]
        return report
    sums = _read_sums(reader, report)
    if sums is None:
        return report
    _check_signature(reader, report, public_key, fingerprint)
    for name in sorted(set(sums) - reader.names):
        problems.append(f"missing file {name} (listed in SHA256SUMS)")
    for name in sorted(reader.names - set(sums) - {"SHA256SUMS", SIGNATURE_FILE}):
        problems.append(f"extra file {name} (not in SHA256SUMS)")
    actual: dict[str, tuple[str, int]] = {}
    for name in sorted(set(sums) & reader.names):
        try:
            actual[name] = reader.sha256(name, progress)
        except TooLarge as exc:
            problems.append(str(exc))
            continue
        if not hmac.compare_digest(actual[name][0], sums[name]):
            problems.append(f"{name}: SHA-256 does not match SHA256SUMS")
    try:
        manifest = json.loads(reader.read("manifest.json", MAX_LISTING_BYTES))
        faxes = manifest["faxes"]
    except TooLarge as exc:
        return BundleReport([*problems, str(exc)], report.checks, report.signer)
    except (ValueError, KeyError, TypeError):
        problems.append("manifest.json is not a faxvault manifest")
        return report
    files_by_fax = _check_manifest(reader, faxes, actual, problems)
    _check_csv(reader, files_by_fax, problems)
    chain = _check_audit(reader, manifest, files_by_fax, problems)
    report.checks.insert(0, f"hashes: {len(actual)} files checked against SHA256SUMS, the "
                            "manifest and the audit log (integrity against accident; anyone "
                            "can recompute them)")
    for name, archive in archives or []:
        _check_archive(name, archive, manifest, chain, report,
                       files=files_by_fax if archive is archives[0][1] else None)
    return report


def _check_manifest(reader: _Reader, faxes: list[dict[str, Any]],
                    actual: dict[str, tuple[str, int]], problems: list[str]
                    ) -> dict[str, list[dict[str, Any]]]:
    files_by_fax: dict[str, list[dict]] = {}
    listed: set[str] = set()
    for fax in faxes:
        for f in fax.get("files", []):
            listed.add(f["path"])
            files_by_fax.setdefault(fax["id"], []).append(f)
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
            document = json.loads(reader.read(sidecar["path"], MAX_RECORD_BYTES))
            record, objects = document["fax"], document.get("objects") or {}
        except TooLarge as exc:
            problems.append(str(exc))
            continue
        except (ValueError, KeyError, TypeError, AttributeError):
            problems.append(f"{sidecar['path']}: not a faxvault record")
            continue
        for name in ("id", *SIDECAR_FIELDS):
            if record.get(name) != fax.get(name):
                problems.append(f"manifest.json: fax {fax.get('id')} {name} is "
                                f"{fax.get(name)!r}, its archived record says "
                                f"{record.get(name)!r}")
        for f in fax.get("files", []):  # the record names the hash of each file archived
            want = (objects.get(f["purpose"]) or {}).get("sha256")
            if f["purpose"] != "meta" and want and want != f["sha256"]:
                problems.append(f"{f['path']}: differs from the hash in its archived record")
    for name in sorted(n for n in reader.names if n.startswith("faxes/") and n not in listed):
        problems.append(f"extra file {name} (not in manifest.json)")
    return files_by_fax


def _check_csv(reader: _Reader, files_by_fax: dict[str, list[dict[str, Any]]],
               problems: list[str]) -> None:
    expected = sorted([fax_id, f["path"], f["sha256"], str(f["size"])]
                      for fax_id, files in files_by_fax.items() for f in files)
    try:
        rows = csv.reader(line.decode("utf-8", "replace") for line in
                          reader.lines("manifest.csv"))
        header = next(rows, None)
        if header != CSV_COLUMNS:
            problems.append("manifest.csv: unexpected header")
            return
        index = [CSV_COLUMNS.index(c) for c in ("fax_id", "path", "sha256", "size")]
        got = sorted([r[i] for i in index] for r in rows if len(r) == len(CSV_COLUMNS))
    except (TooLarge, csv.Error) as exc:
        problems.append(f"manifest.csv: {exc}")
        return
    if got != expected:
        problems.append("manifest.csv does not agree with manifest.json")


def _check_archive(name: str, archive: Archive, manifest: dict[str, Any], chain: _Chain,
                   report: BundleReport, files: dict[str, list[dict[str, Any]]] | None) -> None:
    """The bundle against a store the auditor reads with their own (read-only) credentials:
    every anchor there that falls inside the bundle's chain must match it, the head must be
    anchored, and each file must match its archived version."""
    problems = report.problems
    seqs = range(chain.first_seq, chain.head_seq + 1)
    try:
        stored = read_stored_anchors(name, archive, seqs)
    except ArchiveError as exc:
        problems.append(f"{name}: anchors could not be read: {exc}")
        return
    problems += check_anchors_against(chain.hashes.get, stored, seqs)
    inside = [a for a in stored if not a.problem and a.hash and a.seq in seqs]
    locked = [a for a in inside if a.lock_mode]
    head = next((a for a in inside if a.seq == chain.head_seq
                 and a.hash == chain.hashes.get(chain.head_seq)), None)
    if head is None:
        problems.append(f"{name}: the bundle's chain head (entry {chain.head_seq}) is not "
                        "anchored in this store")
    by_key = {a.key: a for a in stored}
    for cited in manifest.get("audit", {}).get("anchors", []):
        if cited.get("target") != name:
            continue
        found = by_key.get(cited.get("key"))
        if found is None:
            problems.append(f"{name}: anchor {cited.get('key')} cited by the manifest is not "
                            "in this store")
        elif cited.get("version_id") and cited["version_id"] != found.version_id:
            problems.append(f"{name}: anchor {cited['key']} cited as version "
                            f"{cited['version_id']}, the store's first version is "
                            f"{found.version_id}")
    if head is not None:
        report.checks.append(
            f"{name}: {len(inside)} anchored head(s) within entries {chain.first_seq}-"
            f"{chain.head_seq} match the chain ({len(locked)} under Object Lock); the head "
            f"{chain.head_seq} is anchored at {head.key} version {head.version_id or '-'}"
            + (f", {head.lock_mode} until {head.retain_until}" if head.lock_mode else
               ", NOT locked (a store without Object Lock proves nothing against its owner)"))
    if files is not None:
        _check_files(name, archive, files, report)


def _check_files(name: str, archive: Archive, files: dict[str, list[dict[str, Any]]],
                 report: BundleReport) -> None:
    checked = locked = 0
    for fax_files in files.values():
        for f in fax_files:
            try:
                info = archive.describe(f["archive_key"], f.get("version_id"))
            except ArchiveError as exc:
                report.problems.append(f"{f['path']}: {exc}")
                continue
            checked += 1
            locked += bool(info.lock_mode)
            if not info.sha256 or not hmac.compare_digest(info.sha256, f["sha256"]):
                report.problems.append(f"{f['path']}: the archived version "
                                       f"{info.version_id or '-'} has SHA-256 {info.sha256}")
    report.checks.append(f"{name}: {checked} files match their archived versions "
                         f"({locked} under Object Lock)")
