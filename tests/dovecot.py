"""A throwaway IMAP server for tests: Debian's Dovecot with a private configuration in a temp
directory (no system-wide file is read or changed), on 127.0.0.1 and free ports, a
passwd-file user, mail in a temp Maildir, TLS with a self-signed certificate made here, run in
the foreground (``dovecot -F -c CONF``) and stopped by its PID.

Dovecot never lets a mail user be root, so as root the mail user is ``nobody`` (the Maildir is
handed to it); as any other user, it is that user. The XOAUTH2 mechanism checks the bearer
token against the passdb like a password (Dovecot 2.3 without an oauth2 passdb), so the user's
token is the user's password in a second passdb that only XOAUTH2 consults.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from imapclient import IMAPClient

from tests.conftest import free_port

USER, PASSWORD = "faxes@example.test", "imap-pw-not-logged"
DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"

CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
instance_name = faxvault-test-{tls_port}
protocols = imap
listen = 127.0.0.1
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
ssl = yes
ssl_cert = <{root}/cert.pem
ssl_key = <{root}/key.pem
{dh}
auth_mechanisms = plain login xoauth2
disable_plaintext_auth = yes
default_login_user = {login_user}
default_internal_user = {internal_user}
{internal_group}
first_valid_uid = {uid}
mail_location = maildir:{root}/mail/%u
mail_uid = {uid}
mail_gid = {gid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
  mechanisms = plain login
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/tokens
  mechanisms = xoauth2
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {plain_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
protocol imap {{
  mail_max_userip_connections = 50
}}
"""


@dataclass
class Dovecot:
    root: Path
    tls_port: int
    plain_port: int  # STARTTLS
    cert: Path
    process: subprocess.Popen
    user: str = USER
    password: str = PASSWORD
    token: str = "xoauth2-token-for-tests"

    def client(self) -> IMAPClient:
        """The test's own session (TLS, certificate checked), logged in."""
        context = ssl.create_default_context(cafile=str(self.cert))
        client = IMAPClient("127.0.0.1", port=self.tls_port, ssl_context=context, timeout=10)
        client.login(self.user, self.password)
        return client

    def count(self, folder: str) -> int:
        with self.client() as client:
            if not client.folder_exists(folder):
                return 0
            return client.folder_status(folder, [b"MESSAGES"])[b"MESSAGES"]

    def deliver(self, raw: bytes, folder: str = "INBOX") -> None:
        with self.client() as client:
            client.append(folder, raw)

    def messages(self, folder: str) -> list[bytes]:
        with self.client() as client:
            client.select_folder(folder, readonly=True)
            uids = client.search(["ALL"])
            fetched = client.fetch(uids, ["BODY.PEEK[]"]) if uids else {}
            return [fetched[u][b"BODY[]"] for u in sorted(fetched)]

    def empty(self) -> None:
        """Every folder emptied (between tests sharing the server)."""
        with self.client() as client:
            for _, _, name in client.list_folders():
                client.select_folder(name)
                uids = client.search(["ALL"])
                if uids:
                    client.delete_messages(uids)
                    client.expunge()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # by its PID: the master stops its own children
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def make_certificate(root: Path) -> Path:
    """A self-signed certificate for 127.0.0.1 (its IP address in subjectAltName)."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(root / "key.pem"), "-out", str(root / "cert.pem"),
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True, timeout=60)
    os.chmod(root / "key.pem", 0o600)
    return root / "cert.pem"


def start_dovecot() -> Dovecot:
    root = Path(tempfile.mkdtemp(prefix="faxvault-dovecot-"))
    os.chmod(root, 0o755)  # the mail user (nobody, as root) must reach its Maildir
    cert = make_certificate(root)
    if os.geteuid() == 0:
        mail = pwd.getpwnam("nobody")
        login_user, internal_user = "dovenull", "dovecot"
        internal_group = ""
    else:
        mail = pwd.getpwuid(os.geteuid())
        login_user = internal_user = mail.pw_name
        internal_group = f"default_internal_group = {mail.pw_name}"
    for sub in ("run", "state", "mail", "home"):
        (root / sub).mkdir()
    for sub in ("mail", "home"):
        os.chown(root / sub, mail.pw_uid, mail.pw_gid)
    token = Dovecot.token
    (root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
    (root / "tokens").write_text(f"{USER}:{{PLAIN}}{token}\n")
    tls_port, plain_port = free_port(), free_port()
    dh = f"ssl_dh = <{root}/dh.pem" if _copy_dh(root) else ""
    (root / "dovecot.conf").write_text(CONFIG.format(
        root=root, tls_port=tls_port, plain_port=plain_port, uid=mail.pw_uid,
        gid=mail.pw_gid, login_user=login_user, internal_user=internal_user,
        internal_group=internal_group, dh=dh))
    process = subprocess.Popen([DOVECOT, "-F", "-c", str(root / "dovecot.conf")],
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    server = Dovecot(root, tls_port, plain_port, cert, process)
    try:
        _wait_listening(server)
    except BaseException:
        server.stop()
        raise
    return server


def _copy_dh(root: Path) -> bool:
    source = Path("/usr/share/dovecot/dh.pem")
    if not source.is_file():
        return False
    shutil.copy(source, root / "dh.pem")
    return True


def _wait_listening(server: Dovecot, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            output = server.process.stdout.read().decode(errors="replace") if \
                server.process.stdout else ""
            log = server.root / "dovecot.log"
            raise RuntimeError(f"dovecot exited {server.process.returncode}: {output}"
                               f"{log.read_text() if log.exists() else ''}")
        try:
            with socket.create_connection(("127.0.0.1", server.tls_port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)  # the server is starting: poll its port again
    raise RuntimeError("dovecot did not listen within 30 s")


@pytest.fixture(scope="module")
def dovecot() -> Iterator[Dovecot]:
    server = start_dovecot()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)
