"""A real PostgreSQL for tests: Debian's initdb and pg_ctl (package ``postgresql``, installed by
``make``), one cluster per test session in a private temp dir, listening on 127.0.0.1 on a free
port and on a unix socket inside that dir, password-protected, stopped by pg_ctl and then by
its PID at the end of the session. Each test gets a database of its own.

PostgreSQL refuses to run as root; run as root (CI), the cluster belongs to the ``postgres``
system user the package creates, and its commands run as that user.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

SUPERUSER = "faxvault"
STOP_SECONDS = 30


def waiting_on_a_lock(url: str) -> bool:
    """Whether a session of ``url``'s database waits for a lock (another's row or advisory
    lock): how a race test knows its second party has reached the point it races on."""
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            " AND datname = current_database()").fetchone()[0] > 0


def pg_bin_dir() -> Path:
    """The newest installed server's bin dir (/usr/lib/postgresql/<major>/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parent.parent.name))
    if not found:
        raise RuntimeError("no PostgreSQL server (/usr/lib/postgresql/*/bin/initdb): "
                           "run the tests with `make test`, which installs `postgresql`")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _alive(pid: int) -> bool:
    """Whether the process runs (a zombie left for a PID 1 that never reaps counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


class PostgresServer:
    """One throwaway cluster: start() once, database() per test, stop() at the end."""

    def __init__(self, *, durable: bool = False) -> None:
        self.durable = durable  # fsync as in production (benchmarks), or not (tests)
        self.bin = pg_bin_dir()
        self.run_as = "postgres" if os.geteuid() == 0 else None
        self.root = Path(tempfile.mkdtemp(prefix="faxvault-pg-"))
        self.data = self.root / "data"
        self.sockets = self.root / "sock"
        self.password = secrets.token_urlsafe(24)
        self.port = 0
        self.pid: int | None = None
        self._databases = 0

    def _run(self, *args: str) -> None:
        """A PostgreSQL command as the cluster's owner, from a dir it may enter."""
        cmd = [str(self.bin / args[0]), *args[1:]]
        # As the owner with its own group and none of root's: the server holds no more.
        as_owner = ({"user": self.run_as, "group": self.run_as, "extra_groups": []}
                    if self.run_as else {})
        done = subprocess.run(cmd, cwd=self.root, capture_output=True, text=True, timeout=120,
                              env={"PATH": os.environ["PATH"], "LC_ALL": "C.UTF-8"}, **as_owner)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({done.returncode}): {done.stderr.strip()}"
                               f"\n{self._log_tail()}")

    def _log_tail(self) -> str:
        log = self.root / "server.log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else ""

    def start(self) -> None:
        self.sockets.mkdir()
        pwfile = self.root / "pwfile"
        pwfile.write_text(self.password + "\n")
        pwfile.chmod(0o600)
        if self.run_as:
            owner = pwd.getpwnam(self.run_as)
            for path in (self.root, self.sockets, pwfile):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, f"--pwfile={pwfile}",
                  "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        pwfile.unlink()
        with (self.data / "postgresql.conf").open("a") as conf:
            # Small, since the machine is shared; throwaway data needs no durability.
            conf.write(f"listen_addresses = '127.0.0.1'\n"
                       f"unix_socket_directories = '{self.sockets}'\n"
                       "shared_buffers = 32MB\nmax_connections = 60\n")
            if not self.durable:
                conf.write("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n")
        # A port found free may be taken before the server binds it: try a few.
        for attempt in range(3):
            self.port = _free_port()
            try:
                self._run("pg_ctl", "start", "-D", str(self.data), "-w", "-t", "60",
                          "-l", str(self.root / "server.log"), "-o", f"-p {self.port}")
                break
            except RuntimeError:
                if attempt == 2:
                    raise
        self.pid = int((self.data / "postmaster.pid").read_text().split()[0])

    def url(self, dbname: str = "postgres") -> str:
        return (f"postgresql://{SUPERUSER}:{self.password}@127.0.0.1:{self.port}/{dbname}"
                "?connect_timeout=10")

    def _admin(self) -> psycopg.Connection:
        return psycopg.connect(self.url(), autocommit=True)

    @contextlib.contextmanager
    def database(self) -> Iterator[str]:
        """A fresh, empty database for one test; its URL; dropped afterwards."""
        self._databases += 1
        name = f"test_{self._databases}"
        with self._admin() as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            yield self.url(name)
        finally:
            with self._admin() as admin:
                admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)")
                              .format(sql.Identifier(name)))

    def stop(self) -> None:
        """pg_ctl stop (fast); if the postmaster outlives it, SIGKILL by its PID."""
        pidfile = self.data / "postmaster.pid"
        if self.pid is None and pidfile.exists():  # start() failed after the server came up
            self.pid = int(pidfile.read_text().split()[0])
        try:
            if self.pid is not None and _alive(self.pid):
                with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
                    self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "fast", "-w",
                              "-t", str(STOP_SECONDS))
                deadline = time.monotonic() + STOP_SECONDS
                while _alive(self.pid) and time.monotonic() < deadline:
                    # pg_ctl -w has returned: this only covers a postmaster slow to exit.
                    time.sleep(0.05)
                if _alive(self.pid):
                    os.kill(self.pid, signal.SIGKILL)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """The URL of a fresh PostgreSQL database, for one test."""
    with postgres_server.database() as url:
        yield url
