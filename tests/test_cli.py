"""End to end through the real console script: ingest → OCR → index → assemble → archive."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from ocr.engine import find_tessdata
from tests.cliutil import FAXVAULT, cli_env, run_cli, wait_until
from tests.conftest import free_port, write_config
from tests.faxgen import render_fax


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory, sample_fax: Path):
    """One data dir with the three-page sample ingested and processed."""
    root = tmp_path_factory.mktemp("cli")
    config = write_config(root / "faxvault.toml", root / "var")
    [row] = run_cli(config, "ingest", str(sample_fax), "--from", "+1 334-304-0000", "--wait",
                    "--json").json()
    return config, root, row


def test_ingest_wait_processes_and_archives(env) -> None:
    _, _, row = env
    assert row["state"] == "archived" and row["pages"] == 3 and not row["duplicate"]


@pytest.mark.parametrize(("word", "page"), [("cardiology", 1), ("Acme", 2), ("zeppelin", 3)])
def test_search_finds_words_on_their_page(env, word: str, page: int) -> None:
    config, _, row = env
    hits = run_cli(config, "search", word, "--json").json()
    assert [(h["fax_id"], h["page_no"]) for h in hits] == [(row["fax_id"], page)]
    assert f"[{word}]" in hits[0]["snippet"]


def test_search_filters(env) -> None:
    config, _, _ = env
    assert run_cli(config, "search", "zeppelin", "--from", "(334) 304-0000", "--json").json()
    assert not run_cli(config, "search", "zeppelin", "--from", "+15550000000", "--json").json()
    assert not run_cli(config, "search", "zeppelin", "--since", "2999-01-01", "--json").json()
    assert run_cli(config, "search", "zeppelin", "--until", "2999-01-01", "--json").json()


@pytest.mark.parametrize("query", ['"', "NOT", "zeppelin AND (", "col:umn", "a*b ^c", "NEAR(",
                                   "-zeppelin", "''", "\u00e9t\u00e9 \u2603"])
def test_no_query_raises_a_syntax_error(env, query: str) -> None:
    config, _, _ = env
    run_cli(config, "search", "--json", "--", query)


def test_show_lists_pages_and_archive_objects(env) -> None:
    config, _, row = env
    doc = run_cli(config, "show", row["fax_id"], "--text", "--json").json()
    assert doc["from_number"] == "+13343040000" and doc["pages"] == 3
    assert [p["page_no"] for p in doc["pages_detail"]] == [1, 2, 3]
    assert "zeppelin" in doc["pages_detail"][2]["text"]
    assert {o["purpose"] for o in doc["archive"]} == {"original", "pdf", "tiff", "text", "meta"}
    assert all(o["key"].endswith(f"/{row['fax_id']}/" + o["key"].rsplit("/", 1)[1])
               for o in doc["archive"])


def test_get_writes_original_unchanged_and_derived_files(env, sample_fax: Path,
                                                         tmp_path: Path) -> None:
    config, _, row = env
    run_cli(config, "get", row["fax_id"], "--format", "original", "-o", str(tmp_path / "o.tif"))
    assert (tmp_path / "o.tif").read_bytes() == sample_fax.read_bytes()
    run_cli(config, "get", row["fax_id"], "-o", str(tmp_path / "f.pdf"))
    with pikepdf.open(tmp_path / "f.pdf") as pdf:
        assert len(pdf.pages) == 3
    run_cli(config, "get", row["fax_id"], "--format", "tiff", "-o", str(tmp_path / "f.tif"))
    with Image.open(tmp_path / "f.tif") as tiff:
        assert tiff.n_frames == 3


def test_original_is_archived_content_addressed_and_spool_is_freed(env, sample_fax) -> None:
    _config, root, row = env
    sha = hashlib.sha256(sample_fax.read_bytes()).hexdigest()
    assert row["sha256"] == sha
    [original] = (root / "var" / "archive" / "originals").rglob("original.tif")
    assert hashlib.sha256(original.read_bytes()).hexdigest() == sha
    assert not list((root / "var" / "spool" / "blobs").rglob("*"))[1:]  # emptied


def test_same_file_twice_is_one_fax(env, sample_fax: Path) -> None:
    config, _, row = env
    [again] = run_cli(config, "ingest", str(sample_fax), "--json").json()
    assert again["duplicate"] and again["fax_id"] == row["fax_id"]
    status = run_cli(config, "status", "--json").json()
    assert status["faxes"] == {"archived": 1}


def test_reads_by_a_person_are_audited(env) -> None:
    config, root, row = env
    run_cli(config, "show", row["fax_id"])
    with sqlite3.connect(root / "var" / "faxvault.sqlite3") as db:
        actions = [r[0] for r in db.execute(
            "SELECT action FROM audit_log WHERE fax_id = ? AND actor LIKE 'cli:%'",
            (row["fax_id"],))]
    assert "fax.viewed" in actions and "fax.retrieved" in actions
    assert "audit chain OK" in run_cli(config, "audit", "verify").out


def audit_entries(root: Path, *actions: str) -> list[dict]:
    with sqlite3.connect(root / "var" / "faxvault.sqlite3") as db:
        db.row_factory = sqlite3.Row
        marks = ",".join("?" * len(actions))
        return [{**row, "details": json.loads(row["details"])} for row in db.execute(
            f"SELECT * FROM audit_log WHERE action IN ({marks}) ORDER BY seq", actions)]


def test_searches_are_audited_with_query_user_and_faxes_shown(env) -> None:
    config, root, row = env
    before = len(audit_entries(root, "search"))
    run_cli(config, "search", "zeppelin quartz", "--since", "2001-01-01")
    run_cli(config, "search", "nowhere-to-be-found", "--json")  # an empty answer is a read too
    first, second = audit_entries(root, "search")[before:]
    assert first["actor"].startswith("cli:") and first["fax_id"] is None
    assert first["details"]["query"] == "zeppelin quartz"
    assert first["details"]["filters"]["since"] == "2001-01-01"
    assert first["details"]["fax_ids"] == [row["fax_id"]]
    assert second["details"]["query"] == "nowhere-to-be-found"
    assert second["details"]["fax_ids"] == []
    # The fax's own trail shows the read, pointing at the search rather than repeating it.
    [hit] = [e for e in audit_entries(root, "fax.search_hit")
             if e["details"]["search_seq"] == first["seq"]]
    assert hit["fax_id"] == row["fax_id"] and hit["actor"] == first["actor"]
    assert hit["details"]["pages"] == [3]
    assert "audit chain OK" in run_cli(config, "audit", "verify").out


def test_corrupt_file_fails_its_job_with_a_reason_and_is_kept(tmp_path: Path) -> None:
    config = write_config(tmp_path / "faxvault.toml", tmp_path / "var")
    junk = tmp_path / "scan.tif"
    junk.write_bytes(b"II*\x00" + b"\x13" * 500)
    result = run_cli(config, "ingest", str(junk), "--wait", "--json", expect=1)
    [row] = result.json()
    assert row["state"] == "failed" and "unreadable TIFF" in row["error"]
    kept = tmp_path / "var" / "spool" / "blobs" / row["sha256"][:2] / row["sha256"]
    assert kept.read_bytes() == junk.read_bytes()
    status = run_cli(config, "status", "--json").json()
    assert status["jobs"]["failed"] == 1
    assert "unreadable TIFF" in status["failed_jobs"][0]["last_error"]
    assert "requeued 1 job" in run_cli(config, "retry", "--all-failed").err
    assert run_cli(config, "status", "--json").json()["jobs"]["queued"] == 1


def test_pdf_ingest_is_searchable(tmp_path: Path) -> None:
    config = write_config(tmp_path / "faxvault.toml", tmp_path / "var")
    pdf = render_fax(tmp_path / "in.pdf", [["Dropbox delivered this pelican memo"]],
                     device="pdfwrite")
    [row] = run_cli(config, "ingest", str(pdf), "--wait", "--json").json()
    assert row["state"] == "archived"
    [hit] = run_cli(config, "search", "pelican", "--json").json()
    assert hit["fax_id"] == row["fax_id"]


def test_config_error_exits_2_naming_the_key(tmp_path: Path) -> None:
    config = tmp_path / "faxvault.toml"
    config.write_text("[ocr]\nworkers = -1\n")
    config.chmod(0o600)
    result = run_cli(config, "status", expect=2)
    assert "ocr.workers" in result.err and "greater than or equal to 0" in result.err


def test_config_file_others_can_write_stops_every_command(tmp_path: Path) -> None:
    config = write_config(tmp_path / "faxvault.toml", tmp_path / "var")
    config.chmod(0o666)
    for args in (("status",), ("search", "anything"), ("serve",)):
        result = run_cli(config, *args, expect=2)
        assert f"config error: config file {config} is writable by other users" in result.err
    assert not (tmp_path / "var").exists()  # refused before anything was opened


def test_unknown_fax_exits_3(env) -> None:
    config, _, _ = env
    assert "no fax" in run_cli(config, "show", "NOSUCHFAX", expect=3).err


def test_readme_try_it_sample_is_searchable(tmp_path: Path) -> None:
    config = write_config(tmp_path / "faxvault.toml", tmp_path / "var")
    sample = Path(__file__).parent / "data" / "sample-fax.tif"
    [row] = run_cli(config, "ingest", str(sample), "--wait", "--json").json()
    assert row["state"] == "archived" and row["pages"] == 2
    out = run_cli(config, "search", "cardiology").out
    assert row["fax_id"][:12] in out


# -- PHI stays private; data prints as it is; reads are audited ------------------------------
HOSTILE_SENDER = "[/] [bold red]Dr \x1b[2J Evil"  # markup, and a terminal "clear screen"
HOSTILE_FILE = "[bold red]memo[blink] \\[x].tif"  # no "/" in a file name; markup all the same
HOSTILE_PROVIDER = "[/][bold red]faxsrv"
WIDE = {"COLUMNS": "250"}  # rich wraps at 80 columns off a terminal; keep each value on a line


def tree_modes(*roots: Path) -> dict[str, str]:
    """Every folder and file under ``roots`` (the roots too) with its permission bits; not
    links (see links_under)."""
    found = {}
    for root in roots:
        for path in [root, *root.rglob("*")]:
            if not path.is_symlink():
                found[str(path)] = oct(path.stat().st_mode & 0o777)
    return found


def links_under(root: Path) -> dict[str, str]:
    """The links under ``root``, each with where it leads."""
    return {str(path.relative_to(root)): str(path.resolve()) for path in root.rglob("*")
            if path.is_symlink()}


def shared_with_others(modes: dict[str, str]) -> dict[str, str]:
    return {path: mode for path, mode in modes.items() if int(mode, 8) & 0o077}


@pytest.fixture(scope="module")
def loose_umask_world(tmp_path_factory: pytest.TempPathFactory):
    """Every kind of command run under umask 022 (what a login shell has): ingest --wait,
    serve with a hot-folder drop, get, export to a zip and to a folder. Sender, file name
    and fax-server name hold rich markup and a terminal escape."""
    root = tmp_path_factory.mktemp("umask")
    data_dir = root / "var"
    port = free_port()
    config = write_config(root / "faxvault.toml", data_dir,
                          f"[server]\nport = {port}\n"
                          "[hotfolder]\nstability_seconds = 0.3\nrescan_seconds = 0.5\n")
    memo = render_fax(root / HOSTILE_FILE, [["Hostile sender memo about a pelican"]])
    [ingested] = run_cli(config, "ingest", str(memo), "--from", HOSTILE_SENDER, "--wait",
                         "--json", umask=0o022).json()

    staging = root / "staging"
    staging.mkdir()
    drop = render_fax(staging / "drop.tif", [["Dropped in the folder about a walrus"]])
    (staging / "drop.json").write_text(json.dumps({"from": HOSTILE_SENDER,
                                                   "provider": HOSTILE_PROVIDER}))
    for path in (drop, staging / "drop.json"):  # what a fax server drops is its own affair
        path.chmod(0o600)
    with open(root / "serve.log", "ab") as log:
        server = subprocess.Popen([FAXVAULT, "serve"], env=cli_env(config), umask=0o022,
                                  stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        inbox = data_dir / "inbox"
        wait_until(inbox.is_dir, what="serve to make the inbox")
        os.rename(staging / "drop.json", inbox / "drop.json")  # sidecar first, as HylaFAX does
        os.rename(drop, inbox / "drop.tif")
        wait_until(lambda: run_cli(config, "status", "--json").json()["faxes"]
                   == {"archived": 2}, timeout=120, what="the dropped fax archived")
        while_serving = tree_modes(data_dir)  # the catalog's -wal and -shm exist now
    finally:
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=60) == 0
    assert any(path.endswith("-wal") for path in while_serving)

    outputs = root / "out"
    outputs.mkdir(mode=0o755)
    run_cli(config, "get", ingested["fax_id"], "-o", str(outputs / "fax.pdf"), umask=0o022)
    run_cli(config, "export", "-o", str(outputs / "bundle.zip"), umask=0o022)
    run_cli(config, "export", "-o", str(outputs / "bundle"), umask=0o022)
    return config, root, ingested, while_serving


def test_files_and_folders_are_private_whatever_the_umask(loose_umask_world) -> None:
    _, root, _, while_serving = loose_umask_world
    outputs = root / "out"
    after = tree_modes(root / "var", outputs / "bundle")
    after.update(tree_modes(outputs / "fax.pdf", outputs / "bundle.zip"))
    # Everything made: catalog, WAL, spool, archive, inbox done/, bundles and the `get` file.
    assert any("/archive/originals/" in path for path in after)
    assert any("/inbox/done/" in path for path in after)
    assert any(path.endswith("manifest.json") for path in after)
    assert not shared_with_others(while_serving)
    assert not shared_with_others(after)
    # The only links: the fax model's directory's other languages, the installed models
    # themselves (read-only system data, not faxvault's).
    installed = Path(find_tessdata()).resolve()
    links = links_under(root / "var")
    assert links and all(Path(target).parent == installed and
                         target.endswith(".traineddata") and "/ocr-models/" in f"/{link}"
                         for link, target in links.items()), links
    assert after[str(root / "var" / "faxvault.sqlite3")] == "0o600"
    assert after[str(root / "var" / "archive")] == "0o700"


def test_data_that_looks_like_markup_prints_as_it_is(loose_umask_world) -> None:
    config, _, ingested, _ = loose_umask_world
    escaped = "[/] [bold red]Dr \\x1b[2J Evil"  # the escape visible, not acted on
    search = run_cli(config, "search", "pelican", env=WIDE).out
    assert ingested["fax_id"] in search and escaped in search
    show = run_cli(config, "show", ingested["fax_id"], "--text", env=WIDE).out
    assert HOSTILE_FILE in show and escaped in show and "pelican" in show
    status = run_cli(config, "status", env=WIDE).out
    assert f"last {HOSTILE_PROVIDER} delivery" in status
    retention = run_cli(config, "retention", "report", env=WIDE).out
    assert retention.count(escaped) == 2
    for out in (search, show, status, retention):
        assert "\x1b" not in out
    # JSON keeps the data exactly as received.
    assert run_cli(config, "show", ingested["fax_id"], "--json").json()["from_raw"] \
        == HOSTILE_SENDER


def test_a_hostile_bundle_cannot_reach_the_auditors_terminal(loose_umask_world,
                                                             tmp_path: Path) -> None:
    config, root, _, _ = loose_umask_world
    bundle = shutil.copytree(root / "out" / "bundle", tmp_path / "bundle")
    (bundle / "note\x1b]0;pwned\x07[bold].txt").write_bytes(b"not in the manifest")
    result = run_cli(config, "verify-export", str(bundle), expect=1)
    assert "note\\x1b]0;pwned\\x07[bold].txt" in result.err and "\x1b" not in result.err
