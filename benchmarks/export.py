"""Export throughput, and `verify-export` hashing speed against `sha256sum -c` over the same
bundle, side by side in one run. Bundles are signed, and verified against the public key,
as `faxvault export` and `verify-export --public-key` do.

    python benchmarks/export.py [--faxes 500] [--kb 200]

Faxes are synthetic archived records (an original of --kb KB each, random bytes) written
through the real archive and catalog code; no OCR is involved.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ingest.config import config_from_mapping
from ingest.pipeline import build_sidecar, open_services
from storage import audit
from storage.export import select_faxes, verify_bundle_report, write_bundle


def populate(services, faxes: int, size: int, scratch: Path) -> None:
    for n in range(faxes):
        data = os.urandom(size)
        blob = scratch / "blob"
        blob.write_bytes(data)
        sha = hashlib.sha256(data).hexdigest()
        fax_id = f"01BENCH{n:019d}"
        with services.catalog.transaction() as conn:
            conn.execute("INSERT INTO faxes (id, provider, provider_fax_id, received_at, state,"
                         " original_sha256, created_at, updated_at) VALUES (?, 'local', ?,"
                         " '2026-11-01T00:00:00Z', 'archived', ?, 'now', 'now')",
                         (fax_id, sha, sha))
            stored = services.archive.put_file(f"originals/b/{fax_id}/original.tif", blob, sha)
            sidecar = json.dumps(build_sidecar(services.catalog.get_fax(fax_id), [], {}))
            (scratch / "meta").write_text(sidecar)
            meta_sha = hashlib.sha256(sidecar.encode()).hexdigest()
            meta = services.archive.put_file(f"meta/b/{fax_id}/fax.json", scratch / "meta",
                                             meta_sha)
            for purpose, obj in (("original", stored), ("meta", meta)):
                services.catalog.record_archive_object(fax_id, {
                    "purpose": purpose, "key": obj.key, "sha256": obj.sha256,
                    "size": obj.size, "version_id": None, "retain_until": None})
            audit.append(services.catalog, "system", "fax.archived", fax_id,
                         {"objects": {"original": {"key": stored.key, "sha256": sha},
                                      "meta": {"key": meta.key, "sha256": meta_sha}}})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faxes", type=int, default=500)
    parser.add_argument("--kb", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        config = config_from_mapping({"paths": {"data_dir": str(root / "var")}}, env={})
        services = open_services(config, with_pool=False)
        populate(services, args.faxes, args.kb * 1024, root)
        faxes = select_faxes(services.catalog)
        results = {}
        key = Ed25519PrivateKey.generate()
        for kind, out in (("zip", root / "bundle.zip"), ("directory", root / "bundle")):
            started = time.perf_counter()
            summary = write_bundle(services.catalog, services.archive, faxes, out,
                                   signing_key=key)
            results[kind] = time.perf_counter() - started
        services.close()
        mb = summary.bytes / 1e6
        bundle = root / "bundle"
        subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=bundle, check=True)
        started = time.perf_counter()
        subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=bundle, check=True)
        sums = time.perf_counter() - started
        started = time.perf_counter()
        report = verify_bundle_report(bundle, public_key=key.public_key())
        assert report.ok, report.problems
        verify = time.perf_counter() - started
    print(f"{args.faxes} faxes, {mb:.0f} MB of originals")
    for kind, seconds in results.items():
        print(f"  export to {kind:<9}  {seconds:6.2f} s  {mb / seconds:7.1f} MB/s  "
              f"{args.faxes / seconds:6.0f} faxes/s")
    print(f"  sha256sum -c (baseline)  {sums:6.2f} s  {mb / sums:7.1f} MB/s")
    print(f"  faxvault verify-export   {verify:6.2f} s  {mb / verify:7.1f} MB/s  "
          f"ratio {sums / verify:.2f}x")


if __name__ == "__main__":
    main()
