"""The fax-to-email door against a real IMAP server (Debian's Dovecot, started by the tests on
127.0.0.1 with TLS), with the real service processing what it journals."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import sys
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import Any

import pytest

from ingest.app import DOORS, SERVICES, init_app
from ingest.config import ImapPatternConfig
from ingest.doors.imap import call_data, parse_message
from storage.search import SearchFilters, search_pages
from tests.cliutil import run_cli, wait_until_async
from tests.conftest import make_config, write_config
from tests.dovecot import PASSWORD, USER, dovecot  # noqa: F401 (the fixture)
from tests.faxgen import render_fax

DONE, FAILED = "faxvault-done", "faxvault-failed"


@pytest.fixture(scope="module")
def fax_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = tmp_path_factory.mktemp("imap-docs")
    return {
        "pdf": render_fax(root / "a.pdf", [["Emailed fax about a pelican"]],
                          device="pdfwrite").read_bytes(),
        "tif1": render_fax(root / "b.tif", [["First attachment names a heron"]]).read_bytes(),
        "tif2": render_fax(root / "c.tif", [["Second attachment names an ibis"]]).read_bytes(),
    }


def fax_email(subject: str, attachments: list[tuple[str, str, bytes]], *, body: str = "",
              sender: str = "noreply@faxprovider.example", message_id: str | None = None,
              date: str = "Tue, 01 Dec 2026 09:15:00 -0500") -> bytes:
    message = EmailMessage()
    message["From"], message["To"] = sender, USER
    message["Subject"], message["Date"] = subject, date
    message["Message-ID"] = message_id or f"<{hashlib.sha1(subject.encode()).hexdigest()}@t>"
    message.set_content(body or "You have received a fax.\n")
    for name, ctype, data in attachments:
        maintype, subtype = ctype.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes(policy=SMTP)


def imap_config(tmp_path: Path, server, **imap: Any):
    settings = {"host": "127.0.0.1", "port": server.tls_port, "ca_file": str(server.cert),
                "username": USER, "password": PASSWORD, "poll_seconds": 600.0,
                "idle_seconds": 600.0, "timeout_seconds": 10.0, "max_interval_seconds": 0.5}
    limits = imap.pop("limits", {})
    return make_config(tmp_path / "var", imap={**settings, **imap}, limits=limits,
                       hotfolder={"enabled": False})


async def start(aiohttp_client, config, ocr_pool):
    client = await aiohttp_client(init_app(config, pool=ocr_pool))
    return client, client.server.app[SERVICES], client.server.app[DOORS]["imap"]


async def until(predicate, what: str, timeout: float = 90) -> Any:
    return await wait_until_async(predicate, timeout, what)


def hits(services, word: str) -> set[str]:
    return {h["fax_id"] for h in search_pages(services.catalog, word, SearchFilters())}


def imap_faxes(services) -> list[dict[str, Any]]:
    rows = services.catalog.conn.execute(
        "SELECT id FROM faxes WHERE provider = 'imap' ORDER BY provider_fax_id").fetchall()
    return [services.catalog.get_fax(r["id"]) for r in rows]


def journaled_messages(services) -> list[bytes]:
    rows = services.catalog.conn.execute(
        "SELECT body FROM events WHERE provider = 'imap' AND event_type = 'email'")
    return [bytes(r["body"]) for r in rows]


async def test_fax_emails_become_faxes_and_move_to_done_once_journaled(
        aiohttp_client, dovecot, tmp_path, ocr_pool, fax_files) -> None:  # noqa: F811
    dovecot.empty()
    client, services, door = await start(aiohttp_client, imap_config(tmp_path, dovecot),
                                         ocr_pool)
    await until(lambda: door.sweeps >= 1, "the first sweep (then IDLE)")
    # Delivered while the door waits in IDLE (polling every 600 s would not see them).
    single = fax_email("Fax from +1 (905) 619-3547",
                       [("fax.pdf", "application/pdf", fax_files["pdf"])])
    double = fax_email("New fax received", [
        ("p1.tif", "image/tiff", fax_files["tif1"]),
        ("p2.tiff", "application/octet-stream", fax_files["tif2"])],
        body="Pages: 2\nCaller ID: 416-555-0100\n")
    no_fax = fax_email("Your monthly statement", [])
    for raw in (single, double, no_fax):
        dovecot.deliver(raw)
    await until(lambda: dovecot.count(DONE) == 2 and dovecot.count(FAILED) == 1,
                "two messages done, one failed")
    assert dovecot.count("INBOX") == 0

    faxes = imap_faxes(services)
    assert len(faxes) == 3
    await until(lambda: all(services.catalog.get_fax(f["id"])["state"] == "archived"
                            for f in faxes), "three faxes archived")
    by_word = {w: hits(services, w) for w in ("pelican", "heron", "ibis")}
    assert all(len(ids) == 1 for ids in by_word.values()), by_word
    pelican = services.catalog.get_fax(next(iter(by_word["pelican"])))
    assert pelican["from_number"] == "+19056193547"
    assert pelican["received_at"] == "2026-12-01T14:15:00Z"  # the Date header, in UTC
    email_meta = pelican["metadata"]["email"]
    assert email_meta["received_at_from"] == "date_header"
    assert email_meta["pattern"] == "generic"
    heron = services.catalog.get_fax(next(iter(by_word["heron"])))
    assert heron["from_raw"] == "416-555-0100"
    assert heron["original_ext"] == "tif"

    # The raw messages are kept in the journal, byte for byte as the server holds them,
    # and each fax names its message by SHA-256.
    kept = journaled_messages(services)
    assert sorted(kept) == sorted(dovecot.messages(DONE))
    digests = {hashlib.sha256(raw).hexdigest() for raw in kept}
    assert {f["metadata"]["email"]["message_sha256"] for f in faxes} == digests

    # The same message taken again (a crash after journaling, before the move): the same
    # faxes, nothing new journaled.
    again = await door.take_message(dovecot.messages(DONE)[0])
    assert again.verdict == "done" and again.duplicates == len(again.fax_ids) >= 1
    assert len(imap_faxes(services)) == 3 and len(journaled_messages(services)) == 2
    await client.close()


async def test_a_message_whose_fax_cannot_be_journaled_stays_in_the_mailbox(
        aiohttp_client, dovecot, tmp_path, ocr_pool, fax_files) -> None:  # noqa: F811
    dovecot.empty()
    dovecot.deliver(fax_email("Fax from 9056193547",
                              [("fax.pdf", "application/pdf", fax_files["pdf"])]))
    # The spool refuses the attachment (full): not the message's fault, so it must stay.
    config = imap_config(tmp_path, dovecot, idle=False, poll_seconds=0.1,
                         limits={"spool_max_bytes": 100})
    client, services, door = await start(aiohttp_client, config, ocr_pool)
    await until(lambda: door.sweeps >= 3, "three sweeps")
    assert dovecot.count("INBOX") == 1 and dovecot.count(DONE) == 0
    assert dovecot.count(FAILED) == 0 and imap_faxes(services) == []
    await client.close()


async def test_starttls_with_an_xoauth2_token_from_a_command_and_polling(
        aiohttp_client, dovecot, tmp_path, ocr_pool, fax_files, caplog) -> None:  # noqa: F811
    caplog.set_level(logging.DEBUG)
    dovecot.empty()
    efax_like = {"name": "provider-x", "from_address": r"@faxes\.provider-x\.example",
                 "subject": r"Fax from (?P<sender>\d{10}) at (?P<received>[\d-]+ [\d:]+)",
                 "time_format": "%Y-%m-%d %H:%M", "timezone": "America/Toronto"}
    command = f"{sys.executable} -c \"print('{dovecot.token}')\""
    config = imap_config(tmp_path, dovecot, security="starttls", port=dovecot.plain_port,
                         password=None, oauth2_token_command=command, idle=False,
                         poll_seconds=0.1, patterns=[efax_like])
    client, services, _ = await start(aiohttp_client, config, ocr_pool)
    dovecot.deliver(fax_email("Fax from 6135550111 at 2026-11-30 16:05",
                              [("fax.tif", "image/tiff", fax_files["tif1"])],
                              sender="Fax Service <deliver@faxes.provider-x.example>"))
    await until(lambda: dovecot.count(DONE) == 1, "the message done")
    [fax] = imap_faxes(services)
    assert fax["from_number"] == "+16135550111"
    assert fax["received_at"] == "2026-11-30T21:05:00Z"  # Toronto is UTC-5 in November
    assert fax["metadata"]["email"]["received_at_from"] == "pattern"
    await client.close()
    sasl = base64.b64encode(f"user={USER}\1auth=Bearer {dovecot.token}\1\1".encode())
    assert dovecot.token not in caplog.text and sasl.decode() not in caplog.text


async def test_untrusted_certificate_and_wrong_password_are_recorded_not_fatal(
        aiohttp_client, dovecot, tmp_path, ocr_pool, fax_files, caplog) -> None:  # noqa: F811
    caplog.set_level(logging.DEBUG)
    dovecot.empty()
    dovecot.deliver(fax_email("Fax from 9056193547",
                              [("fax.pdf", "application/pdf", fax_files["pdf"])]))
    untrusted = imap_config(tmp_path / "a", dovecot, ca_file=None)
    client, services, _ = await start(aiohttp_client, untrusted, ocr_pool)
    await until(lambda: services.catalog.door_state("imap").last_error, "an error recorded")
    assert "CERTIFICATE_VERIFY_FAILED" in services.catalog.door_state("imap").last_error
    await client.close()

    wrong = "wrong-imap-password-never-logged"
    client, services, _ = await start(aiohttp_client,
                                         imap_config(tmp_path / "b", dovecot, password=wrong),
                                         ocr_pool)
    await until(lambda: services.catalog.door_state("imap").last_error, "an error recorded")
    assert "LoginError" in services.catalog.door_state("imap").last_error
    await client.close()
    assert dovecot.count("INBOX") == 1 and dovecot.count(DONE) == 0
    assert wrong not in caplog.text and PASSWORD not in caplog.text


def test_patterns_read_html_bodies_and_fall_back_to_the_date_header() -> None:
    raw = (b"From: Fax <fax@mail.example>\r\nSubject: Incoming document\r\n"
           b"Date: Mon, 30 Nov 2026 08:00:00 +0000\r\nContent-Type: text/html\r\n\r\n"
           b"<html><body><p>Sender:&nbsp;<b>+44 20 7946 0000</b></p>"
           b"<p>Received 2026-11-30T07:59:30+00:00</p></body></html>\r\n")
    pattern = ImapPatternConfig(
        name="html", body=r"Sender:\s*(?P<sender>\+?[\d ]+\d)\s.*?Received (?P<received>\S+)")
    call = call_data(parse_message(raw), [pattern])
    assert call.sender == "+44 20 7946 0000"
    assert call.received_at == "2026-11-30T07:59:30Z" and call.received_from == "pattern"
    other = ImapPatternConfig(name="other", from_address="nobody-matches", subject="(?P<x>.)")
    call = call_data(parse_message(raw), [other])
    assert call.sender is None and call.pattern is None
    assert call.received_at == "2026-11-30T08:00:00Z" and call.received_from == "date_header"


@pytest.mark.parametrize(("values", "says"), [
    ({"host": "imap.example"}, "imap.username"),
    ({"host": "imap.example", "username": "u"}, "imap.password"),
    ({"host": "h", "username": "u", "password": "p", "done_mailbox": "INBOX"},
     "imap.done_mailbox"),
    ({"patterns": [{"name": "bad", "subject": "(unclosed"}]}, "imap.patterns \\(bad\\)"),
    ({"security": "none"}, "imap.security"),
])
def test_imap_config_errors_name_the_key(tmp_path, values, says) -> None:
    from ingest.config import ConfigError

    with pytest.raises(ConfigError, match=says):
        make_config(tmp_path, imap=values)


@pytest.mark.parametrize(("subject", "sender"), [
    ("Fax from +1 (905) 619-3547", "+1 (905) 619-3547"),
    # eFax's subject as a third-party help page describes it.
    ("eFax from ACME CLINIC - 2 page(s), caller ID: 905-619-3547", "905-619-3547"),
    ("Fax from ACME CLINIC", None),  # a name is no number: nothing invented
])
def test_the_generic_pattern(subject: str, sender: str | None) -> None:
    from ingest.config import ImapConfig

    raw = f"From: fax@x.example\r\nSubject: {subject}\r\n\r\nHello\r\n".encode()
    assert call_data(parse_message(raw), ImapConfig().patterns).sender == sender


async def test_the_raw_message_is_archived_with_each_fax_and_exported(
        aiohttp_client, dovecot, tmp_path, ocr_pool, fax_files) -> None:  # noqa: F811
    """The message a fax came in is archived beside its original (purpose ``email``), byte
    for byte as sent, named by the SHA-256 that fax.json records; export bundles carry it and
    verify-export checks it."""
    dovecot.empty()
    sent = fax_email("New fax received", [
        ("p1.tif", "image/tiff", fax_files["tif1"]),
        ("p2.tiff", "application/octet-stream", fax_files["tif2"])],
        body="Pages: 2\nCaller ID: 416-555-0100\n", message_id="<archived-eml@t>")
    digest = hashlib.sha256(sent).hexdigest()
    client, services, _ = await start(aiohttp_client, imap_config(tmp_path, dovecot),
                                      ocr_pool)
    dovecot.deliver(sent)
    await until(lambda: dovecot.count(DONE) == 1, "the message done")
    faxes = imap_faxes(services)
    assert len(faxes) == 2
    await until(lambda: all(services.catalog.get_fax(f["id"])["state"] == "archived"
                            for f in faxes), "both faxes archived")
    for fax in faxes:
        objects = {o["purpose"]: o for o in services.catalog.archive_objects(fax["id"])}
        email = objects["email"]
        original_dir = objects["original"]["key"].rsplit("/", 1)[0]
        assert email["key"] == f"{original_dir}/message.eml"
        assert email["sha256"] == digest and email["size"] == len(sent)
        with services.archive.open(email["key"]) as stored:
            assert stored.read() == sent  # byte for byte as sent
        with services.archive.open(objects["meta"]["key"]) as sidecar:
            record = json.load(sidecar)
        assert record["objects"]["email"]["sha256"] == digest
        assert record["fax"]["metadata"]["email"]["message_sha256"] == digest
    await client.close()

    config = write_config(tmp_path / "cli.toml", tmp_path / "var")
    shown = run_cli(config, "show", faxes[0]["id"], "--json").json()
    assert {"email": digest}.items() <= {o["purpose"]: o["sha256"]
                                         for o in shown["archive"]}.items()
    bundle = tmp_path / "bundle"
    run_cli(config, "export", "-o", str(bundle), "--json")
    emls = sorted(bundle.glob("faxes/*/message.eml"))
    assert len(emls) == 2 and all(p.read_bytes() == sent for p in emls)
    manifest = json.loads((bundle / "manifest.json").read_text())
    assert sorted(f["sha256"] for fax in manifest["faxes"] for f in fax["files"]
                  if f["purpose"] == "email") == [digest, digest]
    checked = run_cli(config, "verify-export", str(bundle), "--archive", str(config),
                      "--json").json()
    assert checked["ok"], checked["problems"]
    # One byte of one archived message changed in the bundle: caught.
    emls[0].write_bytes(sent.replace(b"Caller ID: 416", b"Caller ID: 417"))
    bad = run_cli(config, "verify-export", str(bundle), "--json", expect=1).json()
    assert not bad["ok"]
    assert any("message.eml" in p for p in bad["problems"]), bad["problems"]
