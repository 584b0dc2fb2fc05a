"""The real service: health route, and a worker killed mid-job whose job is taken again and
finishes exactly once."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from ingest.app import init_app
from tests.cliutil import FAXVAULT, run_cli, wait_until
from tests.conftest import free_port, make_config, write_config
from tests.faxgen import render_fax


async def test_healthz_reports_db_and_queue(aiohttp_client, tmp_path: Path) -> None:
    client = await aiohttp_client(init_app(make_config(tmp_path / "var"), start_workers=False))
    response = await client.get("/healthz")
    assert response.status == 200
    body = await response.json()
    assert body["ok"] is True and body["jobs"]["queued"] == 0


def start_serve(config: Path, log: Path, new_session: bool = False) -> subprocess.Popen:
    """``faxvault serve``; with ``new_session`` it leads its own process group, as a shell
    job does in a terminal."""
    env = {**os.environ, "FAXVAULT_CONFIG": str(config), "OMP_THREAD_LIMIT": "1"}
    return subprocess.Popen([FAXVAULT, "serve"], env=env, stdout=open(log, "ab"),
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=new_session)


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as resp:
            return resp.status == 200
    except OSError:
        return False


def job_rows(db_path: Path) -> list[tuple]:
    with sqlite3.connect(db_path) as db:
        return db.execute("SELECT kind, state, attempts FROM jobs ORDER BY id").fetchall()


def test_worker_killed_mid_job_is_retaken_and_finishes_once(tmp_path: Path) -> None:
    port = free_port()
    # A short lease, so the orphaned one runs out soon after the kill; long enough that the
    # live worker's renewals (a third of it apart) survive a second or two of a starved
    # event loop while both cores OCR and the test's own commands start.
    config = write_config(tmp_path / "faxvault.toml", tmp_path / "var",
                          f"[server]\nport = {port}\n", worker="lease_seconds = 4\n")
    pages = [[f"Page {n} of the crash test mentions walrus{n}"] for n in range(1, 9)]
    fax = render_fax(tmp_path / "long.tif", pages, resolution="204x196")
    db = tmp_path / "var" / "faxvault.sqlite3"

    [row] = run_cli(config, "ingest", str(fax), "--json").json()  # journaled, not processed
    server = start_serve(config, tmp_path / "serve.log")
    try:
        wait_until(lambda: ("process", "running", 1) in job_rows(db), what="job running")
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
    assert ("process", "running", 1) in job_rows(db)  # killed mid-job: the lease is orphaned

    server = start_serve(config, tmp_path / "serve.log")
    try:
        wait_until(lambda: healthy(port), what="service up")
        wait_until(lambda: run_cli(config, "show", row["fax_id"], "--json").json()["state"]
                   == "archived", timeout=120, what="fax archived")
    finally:
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=60) == 0  # Ctrl-C drains and exits cleanly

    assert job_rows(db) == [("process", "done", 2), ("archive", "done", 1)]
    doc = run_cli(config, "show", row["fax_id"], "--json").json()
    assert doc["pages"] == 8 and len(doc["pages_detail"]) == 8
    assert len(doc["archive"]) == 5
    for n in (1, 8):
        hits = run_cli(config, "search", f"walrus{n}", "--json").json()
        assert [(h["fax_id"], h["page_no"]) for h in hits] == [(row["fax_id"], n)]


def test_ctrl_c_in_a_terminal_lets_the_running_job_finish(tmp_path: Path) -> None:
    """A terminal's Ctrl-C reaches the whole process group, OCR processes included; the job
    in hand still finishes on its first attempt, and serve exits cleanly."""
    config = write_config(tmp_path / "faxvault.toml", tmp_path / "var",
                          f"[server]\nport = {free_port()}\n")
    pages = [[f"Page {n} of the drain test mentions narwhal{n}"] for n in range(1, 9)]
    fax = render_fax(tmp_path / "long.tif", pages, resolution="204x196")
    db = tmp_path / "var" / "faxvault.sqlite3"
    run_cli(config, "ingest", str(fax), "--json")
    server = start_serve(config, tmp_path / "serve.log", new_session=True)
    try:
        wait_until(lambda: ("process", "running", 1) in job_rows(db), what="job running")
        os.killpg(server.pid, signal.SIGINT)  # as the terminal does
        assert server.wait(timeout=60) == 0
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
    assert job_rows(db)[0] == ("process", "done", 1)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_serve_stops_cleanly(tmp_path: Path, signum: int) -> None:
    port = free_port()
    config = write_config(tmp_path / "faxvault.toml", tmp_path / "var",
                          f"[server]\nport = {port}\n")
    server = start_serve(config, tmp_path / "serve.log")
    try:
        wait_until(lambda: healthy(port), what="service up")
    finally:
        server.send_signal(signum)
        assert server.wait(timeout=60) == 0


def test_missing_language_pack_stops_serve_naming_the_package(tmp_path: Path) -> None:
    config = write_config(tmp_path / "faxvault.toml", tmp_path / "var",
                          '[server]\nport = 0\n')
    config.write_text(config.read_text().replace("[ocr]\n", '[ocr]\nlanguages = ["eng", "zzz"]\n'))
    result = run_cli(config, "serve", expect=2, timeout=60)
    assert "apt-get install tesseract-ocr-zzz" in result.err


async def test_started_service_audits_its_configuration(aiohttp_client, tmp_path: Path) -> None:
    import json
    import sqlite3

    config = make_config(tmp_path / "var", faxplus={"token": "s3cret-token"})
    await aiohttp_client(init_app(config, start_workers=False))
    with sqlite3.connect(tmp_path / "var" / "faxvault.sqlite3") as db:
        [(details,)] = db.execute(
            "SELECT details FROM audit_log WHERE action = 'config.applied'").fetchall()
    assert "s3cret-token" not in details
    assert json.loads(details)["config"]["faxplus"]["token"] == "**********"


def test_access_log_of_a_running_service_never_shows_a_webhook_token(tmp_path: Path) -> None:
    """The real access log of `faxvault serve`, for a right token, a wrong one (which could
    be a real token of another site, or ours mistyped) and the same token spelled so it
    dodges a naive match: the request lines are logged, the tokens are not."""
    import json

    right, wrong = "Tok3n-right-0123456789", "Tok3n-wrong-9876543210"
    port = free_port()
    config = write_config(tmp_path / "faxvault.toml", tmp_path / "var",
                          f"[server]\nport = {port}\n"
                          f'[faxplus]\nwebhook_token = "{right}"\n'
                          f'[dropbox]\nwebhook_token = "{right}"\n')
    log = tmp_path / "serve.log"
    server = start_serve(config, log)
    body = json.dumps({"hook": {"event": "fax_sent"}, "data": {"id": "fx1"}}).encode()
    base = f"http://127.0.0.1:{port}"
    statuses = {}
    try:
        wait_until(lambda: healthy(port), what="service up")
        for path in (f"/webhooks/faxplus/{right}", f"/webhooks/faxplus/{wrong}",
                     f"/webhooks/dropbox/{wrong}", f"/webhooks/faxplus/{right}/",
                     f"/web%68ooks/faxplus%2F{right}", f"/webhooks/{right}"):
            request = urllib.request.Request(
                base + path, data=body, method="POST",
                headers={"Content-Type": "application/json",
                         "Referer": f"https://fax.example.org/webhooks/faxplus/{right}"})
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    statuses[path] = response.status
            except urllib.error.HTTPError as refused:
                statuses[path] = refused.code
        # A malformed request line: aiohttp logs it raw in the error it reports.
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
            raw.sendall(f"POST /webhooks/faxplus/{right} HTTP/9.x\r\n\r\n".encode())
            assert raw.recv(100).startswith(b"HTTP/1.0 400")
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=60) == 0
    assert statuses[f"/webhooks/faxplus/{right}"] == 200
    assert statuses[f"/webhooks/faxplus/{wrong}"] == 404
    text = log.read_text()
    assert right not in text and wrong not in text
    assert "Tok3n" not in text
    access = [line for line in text.splitlines() if "aiohttp.access" in line]
    assert sum('"POST /webhooks/faxplus/[redacted] HTTP/1.1" 200' in line
               for line in access) == 1
    assert sum('"POST /webhooks/faxplus/[redacted] HTTP/1.1" 404' in line
               for line in access) == 3  # wrong token, trailing slash, escaped spelling
    assert sum('"POST /webhooks/dropbox/[redacted] HTTP/1.1" 404' in line
               for line in access) == 1
    assert sum('"POST /webhooks/[redacted]/[redacted] HTTP/1.1" 404' in line
               for line in access) == 1
    assert all("https://fax.example.org/webhooks/faxplus/[redacted]" in line
               for line in access if "/webhooks/" in line)
    assert "b'POST /webhooks/faxplus/[redacted] HTTP/9.x'" in text  # the error, redacted
