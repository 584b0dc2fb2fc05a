"""A processed archive for the web inbox tests: two faxes routed to two mailboxes by the real
pipeline (``faxvault ingest --wait``), and people of every role, made once per module; each
test serves a private copy of it with the real app."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from ingest.config import Config, config_from_mapping
from tests.cliutil import FAXVAULT, cli_env, run_cli
from tests.conftest import write_config
from tests.faxgen import SAMPLE_PAGES, render_fax

PASSWORD = "correct horse battery staple"
CARDIOLOGY_DID = "+1 555 000 1111"
BILLING_PAGES = [["Billing note for the front desk", "Account 99812 walrus refund"]]
ROUTING_TOML = f'''
[inbox]
default_mailbox = "front"

[[routing]]
mailbox = "cardiology"
to = ["{CARDIOLOGY_DID}"]
'''
# name -> (role, mailboxes)
PEOPLE = {"val": ("viewer", ["cardiology"]), "otto": ("operator", ["cardiology"]),
          "cora": ("compliance", ["cardiology", "front"]), "ada": ("admin", [])}


@dataclass(frozen=True)
class Archive:
    data_dir: Path
    cardiology_fax: str  # SAMPLE_PAGES, 3 pages at 204x98: "cardiology", "zeppelin"
    front_fax: str  # BILLING_PAGES: "walrus"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    """The archive, built once per test module (a plugin of tests/conftest.py)."""
    return build_archive(tmp_path_factory.mktemp("web-archive"))


def build_archive(root: Path) -> Archive:
    data_dir = root / "var"
    config = write_config(root / "faxvault.toml", data_dir, extra=ROUTING_TOML)
    sample = render_fax(root / "sample.tif", SAMPLE_PAGES)
    billing = render_fax(root / "billing.tif", BILLING_PAGES)
    first = run_cli(config, "ingest", str(sample), "--to", CARDIOLOGY_DID, "--wait", "--json")
    second = run_cli(config, "ingest", str(billing), "--to", "+1 555 000 2222", "--wait",
                     "--json")
    for name, (role, boxes) in PEOPLE.items():
        args = ["user", "add", name, "--role", role, "--password-stdin"]
        for box in boxes:
            args += ["--mailbox", box]
        add_user(config, *args)
    return Archive(data_dir, first.json()[0]["fax_id"], second.json()[0]["fax_id"])


def add_user(config: Path, *args: str, password: str = PASSWORD) -> str:
    """``faxvault user add ...`` with the password on stdin; its stdout."""
    proc = subprocess.run([FAXVAULT, *args], input=password + "\n", capture_output=True,
                          text=True, env=cli_env(config), timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def copy_config(archive: Archive, root: Path, *, catalog_url: str | None = None,
                **server: object) -> Config:
    """A private copy of the archive and a config for it (``server`` keys added; with
    ``catalog_url``, the catalog is that PostgreSQL one, not the copied SQLite file)."""
    data_dir = root / "var"
    shutil.copytree(archive.data_dir, data_dir)
    import tomllib

    mapping = tomllib.loads(ROUTING_TOML)
    mapping["paths"] = {"data_dir": str(data_dir)}
    mapping["server"] = dict(server)
    if catalog_url:
        mapping["catalog"] = {"url": catalog_url}
    return config_from_mapping(mapping, env={})


CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_in(html: str) -> str:
    match = CSRF.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


async def sign_in(client: TestClient, name: str, password: str = PASSWORD,
                  expect: int = 200) -> str:
    """Sign in through the form; the session's CSRF token (from the page signed in to)."""
    form = await client.get("/ui/signin")
    token = csrf_in(await form.text())
    response = await client.post("/ui/signin", data={"csrf": token, "name": name,
                                                      "password": password})
    assert response.status == expect, await response.text()
    return csrf_in(await response.text()) if expect == 200 else ""
