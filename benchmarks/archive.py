"""Archive speed: upload MB/s to a local SeaweedFS, and `faxvault verify` hashing speed
against `sha256sum` over the same bytes, side by side in one run.

    python benchmarks/archive.py [--small 200] [--large 4] [--large-mb 32]

`small` objects are fax-sized (60 KB), `large` ones exercise multipart uploads. On a bucket
with Object Lock (versioned), reading by the first version (what faxvault does for an object
with no recorded version id, and for audit anchors) is timed against reading by the recorded
version id.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storage.archive import LocalArchive
from storage.integrity import verify_objects
from storage.s3 import S3Archive, S3Settings
from tests.seaweed import ACCESS_KEY, SECRET_KEY, Seaweed


def make_files(root: Path, count: int, size: int, tag: str) -> list[tuple[Path, str]]:
    files = []
    for n in range(count):
        path = root / f"{tag}-{n:04d}.bin"
        data = os.urandom(size)
        path.write_bytes(data)
        files.append((path, hashlib.sha256(data).hexdigest()))
    return files


def upload(archive, files: list[tuple[Path, str]], prefix: str) -> tuple[float, list[dict]]:
    objects = []
    started = time.perf_counter()
    for path, sha in files:
        stored = archive.put_file(f"{prefix}/{path.name}", path, sha)
        objects.append({"fax_id": "-", "purpose": "bench", "key": stored.key,
                        "sha256": sha, "size": stored.size, "version_id": stored.version_id})
    return time.perf_counter() - started, objects


def timed_verify(archive, objects: list[dict]) -> float:
    started = time.perf_counter()
    problems = verify_objects(archive, objects)
    assert not problems, problems
    return time.perf_counter() - started


def timed_sha256sum(paths: list[Path]) -> float:
    started = time.perf_counter()
    subprocess.run(["sha256sum", *map(str, paths)], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def timed_reads(archive, objects: list[dict], by_version: bool) -> float:
    started = time.perf_counter()
    for obj in objects:
        with archive.open(obj["key"], obj["version_id"] if by_version else None) as stream:
            stream.read()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--large", type=int, default=4)
    parser.add_argument("--large-mb", type=int, default=32)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        store = Seaweed(root / "seaweed")
        store.start()
        try:
            files_dir = root / "files"
            files_dir.mkdir()
            small = make_files(files_dir, args.small, 60 * 1024, "small")
            large = make_files(files_dir, args.large, args.large_mb * 1024 * 1024, "large")
            s3 = S3Archive(S3Settings(bucket="bench", endpoint_url=store.endpoint,
                                      access_key_id=ACCESS_KEY, secret_access_key=SECRET_KEY,
                                      create_bucket=True, multipart_threshold_bytes=8 << 20))
            s3.ensure_bucket()
            local = LocalArchive(root / "archive")
            rows = []
            for label, files in (("small (60 KB)", small), (f"large ({args.large_mb} MB)", large)):
                mb = sum(p.stat().st_size for p, _ in files) / 1e6
                s3_up, s3_objects = upload(s3, files, label[:5])
                _, local_objects = upload(local, files, label[:5])
                local_paths = [local.root / o["key"] for o in local_objects]
                for _ in range(2):  # warm the page cache for both readers alike
                    timed_sha256sum(local_paths)
                sha = min(timed_sha256sum(local_paths) for _ in range(3))
                verify_local = min(timed_verify(local, local_objects) for _ in range(3))
                verify_s3 = timed_verify(s3, s3_objects)
                rows.append((label, len(files), mb, s3_up, sha, verify_local, verify_s3))
            locked = S3Archive(S3Settings(bucket="bench-locked", endpoint_url=store.endpoint,
                                          access_key_id=ACCESS_KEY,
                                          secret_access_key=SECRET_KEY, create_bucket=True,
                                          lock_mode="GOVERNANCE"))
            _, locked_objects = upload(locked, small[:50], "locked")
            by_version = min(timed_reads(locked, locked_objects, True) for _ in range(3))
            by_first = min(timed_reads(locked, locked_objects, False) for _ in range(3))
        finally:
            store.stop()
    for label, n, mb, up, sha, v_local, v_s3 in rows:
        print(f"{label}: {n} objects, {mb:.1f} MB")
        print(f"  upload to SeaweedFS (put + HEAD verify)  {mb / up:8.1f} MB/s "
              f"({n / up:.0f} objects/s)")
        print(f"  sha256sum (baseline)                     {mb / sha:8.1f} MB/s")
        print(f"  faxvault verify, local archive           {mb / v_local:8.1f} MB/s  "
              f"ratio {sha / v_local:.2f}x")
        print(f"  faxvault verify, S3 (over HTTP)          {mb / v_s3:8.1f} MB/s  "
              f"ratio {sha / v_s3:.2f}x")
    n = len(locked_objects)
    print(f"locked bucket, {n} fax-sized objects read one by one")
    print(f"  by recorded version id (baseline)        {1000 * by_version / n:8.1f} ms each")
    print(f"  by first version (list + get)            {1000 * by_first / n:8.1f} ms each  "
          f"ratio {by_version / by_first:.2f}x")


if __name__ == "__main__":
    main()
