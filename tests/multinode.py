"""Several ``faxvault serve`` nodes on one PostgreSQL and one SeaweedFS, for the multi-node
test (tests/test_multinode.py), ``python -m tests.chaos --nodes 2`` and the scale-out
benchmark: real processes on ephemeral 127.0.0.1 ports, a fake Fax.Plus API in this process,
one hot folder shared by every node, each node with a data dir (and spool) of its own.

Checks speak SQL to the shared catalog directly: they look at what the nodes did, not
through them.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import psycopg
from aiohttp import web

from tests.conftest import free_port, write_config
from tests.fakes import FakeProvider, faxplus_app
from tests.faxgen import postscript
from tests.seaweed import ACCESS_KEY, SECRET_KEY, Seaweed
from tests.world import FP_HOOK, faxplus_event, faxplus_record

FAXVAULT = str(Path(sys.executable).with_name("faxvault"))
API_TOKEN = "multinode-token"
BUCKET = "faxvault-multinode"

WORDS = ["albatross", "barracuda", "caracal", "dugong", "echidna", "fennec", "gharial",
         "hoatzin", "ibis", "jacana", "kinkajou", "lemming", "margay", "numbat", "okapi",
         "pangolin", "quoll", "rhea", "saiga", "tapir", "urial", "vicuna", "wapiti", "xerus"]
COLOURS = ["amber", "blue", "coral", "denim", "ebony", "fawn", "green", "hazel", "indigo",
           "jade", "khaki", "lilac", "mauve", "navy", "olive", "peach"]


def word_for(n: int) -> str:
    """A distinct, plainly spelled search word per fax (384 of them)."""
    return COLOURS[n // len(WORDS) % len(COLOURS)] + WORDS[n % len(WORDS)]


def render_strips(out_dir: Path, lines: list[str]) -> list[Path]:
    """One tiny one-page fax (a strip of letter width, one line of text) per line, all
    rendered by one Ghostscript run: quick to make and quick to OCR."""
    out_dir.mkdir(parents=True, exist_ok=True)
    source = out_dir / "strips.ps"
    doc = postscript([[line] for line in lines], font_size=14)
    # A page 612 x 60 pt instead of letter: the line sits near its top.
    doc = doc.replace("<< /PageSize [612 792] >>", "<< /PageSize [612 60] >>")
    doc = doc.replace("72 720.0 moveto", "36 24.0 moveto")
    source.write_text(doc, encoding="latin-1")
    subprocess.run(["gs", "-q", "-dSAFER", "-dNOPAUSE", "-dBATCH", "-sDEVICE=tiffg4",
                    "-r204x196", f"-sOutputFile={out_dir}/strip-%04d.tif", str(source)],
                   check=True, timeout=120, capture_output=True)
    source.unlink()
    return [out_dir / f"strip-{n:04d}.tif" for n in range(1, len(lines) + 1)]


@dataclass
class Node:
    name: str
    role: str
    port: int
    config: Path
    log: Path
    proc: asyncio.subprocess.Process | None = None
    role_flag: bool = False  # the role given as `serve --role` instead of in the config

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc is not None else None

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


@dataclass
class MultiNodeWorld:
    """One catalog (``catalog_url``), one bucket, one fake provider, one shared hot folder."""

    root: Path
    catalog_url: str
    seaweed: Seaweed
    fake: FakeProvider = field(default_factory=lambda: FakeProvider(token=API_TOKEN))
    nodes: dict[str, Node] = field(default_factory=dict)
    runner: web.AppRunner | None = None
    api_port: int = 0
    bucket: str = BUCKET

    @property
    def inbox(self) -> Path:
        return self.root / "inbox"

    async def start_provider(self) -> None:
        self.runner = web.AppRunner(faxplus_app(self.fake))
        await self.runner.setup()
        self.api_port = free_port()
        await web.TCPSite(self.runner, "127.0.0.1", self.api_port).start()
        self.inbox.mkdir(parents=True, exist_ok=True)

    def add_node(self, name: str, role: str = "all", *, poll_seconds: float = 0.05,
                 lease_seconds: float = 3.0, ocr_workers: int = 1,
                 hotfolder: bool = True, concurrency: int = 2, sqlite: bool = False,
                 role_flag: bool = False) -> Node:
        """A node's config (``sqlite``: its own SQLite catalog instead of the shared one;
        ``role_flag``: the config says role "all", the command line the role)."""
        port = free_port()
        catalog = "" if sqlite else f'[catalog]\nurl = "{self.catalog_url}"\npool_max_size = 6\n'
        extra = (
            f'[server]\nport = {port}\nrole = "{"all" if role_flag else role}"\n'
            f'node_name = "{name}"\n'
            "drain_seconds = 1.0\n" + catalog +
            f'[archive]\nbackend = "s3"\nendpoint_url = "{self.seaweed.endpoint}"\n'
            f'bucket = "{self.bucket}"\naccess_key_id = "{ACCESS_KEY}"\n'
            f'secret_access_key = "{SECRET_KEY}"\ncreate_bucket = true\n'
            "timeout_seconds = 10.0\nmax_attempts = 3\n"
            f'[faxplus]\napi_base = "http://127.0.0.1:{self.api_port}/v3"\n'
            f'token = "{self.fake.token}"\nwebhook_token = "{FP_HOOK}"\n'
            "[http]\ntimeout_seconds = 5.0\nretries = 3\nbackoff_base_seconds = 0.05\n"
            "allow_insecure = true\n"
            f'[hotfolder]\nenabled = {"true" if hotfolder else "false"}\n'
            f'path = "{self.inbox}"\nstability_seconds = 0.2\nrescan_seconds = 0.5\n'
            "claim_seconds = 5.0\n")
        config = write_config(
            self.root / f"{name}.toml", self.root / name / "var", extra,
            worker=f"lease_seconds = {lease_seconds}\nmax_attempts = 50\n"
                   f"concurrency = {concurrency}\n")
        # write_config sets poll_seconds 0.05 and [ocr] workers = 2: this node's own values.
        text = config.read_text().replace("poll_seconds = 0.05", f"poll_seconds = {poll_seconds}")
        config.write_text(text.replace("[ocr]\nworkers = 2", f"[ocr]\nworkers = {ocr_workers}"))
        node = Node(name, role, port, config, self.root / f"{name}.log", role_flag=role_flag)
        self.nodes[name] = node
        return node

    async def start(self, node: Node, timeout: float = 90) -> None:
        """Start the node's ``faxvault serve`` and wait until its /healthz answers."""
        flag = ["--role", node.role] if node.role_flag else []
        node.proc = await asyncio.create_subprocess_exec(
            FAXVAULT, "serve", *flag, stdin=asyncio.subprocess.DEVNULL,
            stdout=open(node.log, "ab"), stderr=asyncio.subprocess.STDOUT,  # noqa: SIM115
            env={**os.environ, "FAXVAULT_CONFIG": str(node.config), "OMP_THREAD_LIMIT": "1"})
        deadline = time.monotonic() + timeout
        async with aiohttp.ClientSession() as session:
            while time.monotonic() < deadline:
                if node.proc.returncode is not None:
                    raise AssertionError(f"node {node.name} exited: {node.log_text()[-2000:]}")
                try:
                    async with session.get(f"http://127.0.0.1:{node.port}/healthz") as answer:
                        if answer.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.05)
        raise AssertionError(f"node {node.name} did not come up: {node.log_text()[-2000:]}")

    async def kill(self, node: Node) -> None:
        """SIGKILL, by its PID: no drain, no release of its leases."""
        assert node.proc is not None and node.proc.returncode is None
        node.proc.send_signal(signal.SIGKILL)
        await node.proc.wait()

    async def stop_all(self) -> None:
        """SIGTERM every running node at once (each drains), SIGKILL one still up after 30 s."""
        async def stop(node: Node) -> None:
            assert node.proc is not None
            node.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(node.proc.wait(), 30)
            except TimeoutError:
                node.proc.send_signal(signal.SIGKILL)
                await node.proc.wait()

        await asyncio.gather(*(stop(node) for node in self.nodes.values()
                               if node.proc is not None and node.proc.returncode is None))
        if self.runner is not None:
            await self.runner.cleanup()
            self.runner = None

    # -- what the provider has, and what is dropped --------------------------------------------
    def offer(self, fax_id: str, tiff: Path) -> None:
        """A fax at the provider, ready to be announced."""
        self.fake.faxes[fax_id] = faxplus_record(fax_id, pages=1)
        self.fake.files[fax_id] = tiff.read_bytes()

    def drop(self, tiff: Path, name: str) -> None:
        """A file into the shared hot folder, atomically (as a fax server's rename)."""
        staged = self.inbox / f".{name}.part"
        staged.write_bytes(tiff.read_bytes())
        os.replace(staged, self.inbox / name)

    async def deliver(self, session: aiohttp.ClientSession, node: Node, fax_id: str) -> bool:
        """One webhook delivery to ``node``; True once acknowledged (200)."""
        try:
            async with session.post(
                    f"http://127.0.0.1:{node.port}/webhooks/faxplus/{FP_HOOK}",
                    json=faxplus_event(fax_id),
                    timeout=aiohttp.ClientTimeout(total=10)) as answer:
                return answer.status == 200
        except (aiohttp.ClientError, TimeoutError):
            return False

    # -- the shared catalog and bucket -----------------------------------------------------------
    @contextlib.contextmanager
    def db(self) -> Iterator[psycopg.Connection]:
        with psycopg.connect(self.catalog_url, autocommit=True) as conn:
            yield conn

    def counts(self) -> tuple[int, int]:
        """(faxes archived, jobs queued or running)."""
        with self.db() as conn:
            archived = conn.execute(
                "SELECT count(*) FROM faxes WHERE state = 'archived'").fetchone()[0]
            busy = conn.execute("SELECT count(*) FROM jobs WHERE state IN ('queued', 'running')"
                                ).fetchone()[0]
        return int(archived), int(busy)

    async def wait_settled(self, expected: int, timeout: float) -> None:
        """Poll until ``expected`` faxes are archived and no job is pending."""
        deadline = time.monotonic() + timeout
        archived = busy = -1
        while time.monotonic() < deadline:
            archived, busy = await asyncio.to_thread(self.counts)
            if archived >= expected and busy == 0:
                return
            await asyncio.sleep(0.2)
        raise AssertionError(f"not settled after {timeout}s: {archived} of {expected} "
                             f"archived, {busy} jobs pending")

    def keys(self, prefix: str) -> list[str]:
        client = self.seaweed.client()
        keys: list[str] = []
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket,
                                                                     Prefix=prefix):
            keys += [item["Key"] for item in page.get("Contents", [])]
        return keys

    def check(self, delivered: dict[str, str], dropped: dict[str, str]) -> list[str]:
        """Every delivery (provider fax id -> word) and dropped file (name -> word): exactly
        one archived fax, one original in the bucket, found by its word and only it, from
        every node's own configuration. Nothing left in the shared spool or the inbox."""
        from ingest.config import load_config
        from storage.backend import open_catalog
        from storage.search import search_pages

        problems: list[str] = []
        expected: dict[str, str] = {}  # fax id -> word
        with self.db() as conn:
            for fax_id, word in delivered.items():
                rows = conn.execute("SELECT id, state FROM faxes WHERE provider = 'faxplus'"
                                    " AND provider_fax_id = %s", (fax_id,)).fetchall()
                problems += _exactly_one(f"delivery {fax_id}", rows)
                if len(rows) == 1:
                    expected[rows[0][0]] = word
            for name, word in dropped.items():
                rows = conn.execute("SELECT id, state FROM faxes WHERE original_name = %s",
                                    (name,)).fetchall()
                problems += _exactly_one(f"file {name}", rows)
                if len(rows) == 1:
                    expected[rows[0][0]] = word
            total = conn.execute("SELECT count(*) FROM faxes").fetchone()[0]
            if total != len(delivered) + len(dropped):
                problems.append(f"{total} faxes in the catalog, expected "
                                f"{len(delivered) + len(dropped)}")
            records = conn.execute("SELECT fax_id, count(*) FROM archive_objects"
                                   " WHERE purpose = 'original' GROUP BY fax_id").fetchall()
            if sorted(records) != sorted((fax_id, 1) for fax_id in expected):
                problems.append(f"{len(records)} faxes with original records, expected "
                                f"{len(expected)} with one each")
            failed = conn.execute("SELECT id, kind, last_error FROM jobs"
                                  " WHERE state = 'failed'").fetchall()
            problems += [f"failed job {job}" for job in failed]
        originals = self.keys("originals/")
        if len(originals) != len(expected) or len({k.split("/")[4] for k in originals}) != len(
                expected):
            problems.append(f"{len(originals)} originals in the bucket, expected "
                            f"{len(expected)}, one per fax")
        if left := self.keys("spool/"):
            problems.append(f"{len(left)} objects left in the shared spool: {left[:3]}")
        if left := [p.name for p in self.inbox.iterdir() if p.is_file()]:
            problems.append(f"{len(left)} files left in the inbox: {left[:3]}")
        for node in self.nodes.values():
            catalog = open_catalog(load_config(node.config).catalog_location)
            try:
                for fax_id, word in expected.items():
                    hits = {hit["fax_id"] for hit in search_pages(catalog, word)}
                    if hits != {fax_id}:
                        problems.append(f"node {node.name}: {word!r} finds {sorted(hits)}, "
                                        f"expected {fax_id}")
            finally:
                catalog.close()
        return problems


def _exactly_one(what: str, rows: Iterable[Any]) -> list[str]:
    rows = list(rows)
    if len(rows) != 1:
        return [f"{what}: {len(rows)} faxes"]
    if rows[0][1] != "archived":
        return [f"{what}: {rows[0][1]}"]
    return []


def takes_by_node(world: MultiNodeWorld) -> dict[str, dict[str, int]]:
    """Per node, how many times it journaled each dropped file as new (its log)."""
    pattern = re.compile(r"hot folder: '([^']+)' -> fax \w+$", re.M)
    return {node.name: {name: pattern.findall(node.log_text()).count(name)
                        for name in set(pattern.findall(node.log_text()))}
            for node in world.nodes.values()}


def jobs_done_by_node(world: MultiNodeWorld) -> dict[str, int]:
    return {node.name: len(re.findall(r"job \d+ \(\w+, fax \w+\) done", node.log_text()))
            for node in world.nodes.values()}
