from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

from ingest.config import Config, config_from_mapping
from ingest.pipeline import Services, open_services
from ocr import OcrPool, fax_model_paths
from tests import leftovers
from tests.faxgen import SAMPLE_PAGES, render_fax

os.environ["OMP_THREAD_LIMIT"] = "1"

pytest_plugins = ["tests.world", "tests.postgres", "tests.webworld"]


def pytest_configure(config: pytest.Config) -> None:
    missing = [tool for tool in ("gs", "tesseract") if shutil.which(tool) is None]
    if missing:
        raise pytest.UsageError(f"missing {', '.join(missing)}: run the suite with `make test`")


def pytest_sessionstart(session: pytest.Session) -> None:
    # Orphans (the pool processes of a server a test killed) are re-parented to this process
    # instead of init, so the leftover check below still finds them among its descendants.
    leftovers.become_subreaper()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the session if it leaves a process behind (a server, a pool process, a resource
    tracker): each lives on after the run, holding memory, as eleven did after one run."""
    remaining = leftovers.descendants_still_running(grace_seconds=10)
    if not remaining:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    lines = [f"  pid {p.pid} (parent {p.ppid}): {p.command}" for p in remaining]
    message = "\n".join(["the test session left processes running:", *lines])
    if reporter is not None:
        reporter.ensure_newline()
        reporter.write_line(message, red=True)
    else:
        print(message)
    leftovers.kill(remaining)  # reported; not left to pile up run after run
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_config(data_dir: Path, **sections: dict) -> Config:
    """A config under ``data_dir`` with fast worker timings for tests."""
    mapping: dict = {"paths": {"data_dir": str(data_dir)},
                     "worker": {"poll_seconds": 0.05, "backoff_base_seconds": 0.05,
                                "backoff_max_seconds": 0.2},
                     "ocr": {"workers": 2}}
    for name, values in sections.items():
        mapping.setdefault(name, {}).update(values)
    return config_from_mapping(mapping, env={})


def write_config(path: Path, data_dir: Path, extra: str = "", worker: str = "") -> Path:
    """A TOML config like :func:`make_config`; ``extra`` adds sections, ``worker`` keys."""
    path.write_text(
        f'[paths]\ndata_dir = "{data_dir}"\n'
        "[worker]\npoll_seconds = 0.05\nbackoff_base_seconds = 0.05\n"
        f"backoff_max_seconds = 0.2\n{worker}[ocr]\nworkers = 2\n" + extra
    )
    path.chmod(0o600)
    return path


@pytest.fixture(scope="session")
def fax_model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the fax model's tessdata (ocr/fax_model.py), built once a session."""
    return tmp_path_factory.mktemp("ocr-models")


@pytest.fixture(scope="session")
def fax_model_dirs(fax_model_cache: Path) -> tuple[str, str]:
    """(tessdata for pages, tessdata for damaged pages) as the pipeline reads by default
    (ocr.fax_model = true)."""
    return fax_model_paths("", fax_model_cache)


@pytest.fixture(scope="session")
def ocr_pool(fax_model_cache: Path) -> OcrPool:
    pool = OcrPool(workers=2, fax_model_cache=fax_model_cache)
    yield pool
    pool.shutdown()


@pytest.fixture
def services(tmp_path: Path, ocr_pool: OcrPool) -> Services:
    svc = open_services(make_config(tmp_path / "var"), pool=ocr_pool)
    yield svc
    svc.close()


@pytest.fixture(scope="session")
def fixture_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("faxes")


@pytest.fixture(scope="session")
def sample_fax(fixture_dir: Path) -> Path:
    """Three pages, G4 at fax 'normal' resolution 204x98."""
    return render_fax(fixture_dir / "sample.tif", SAMPLE_PAGES)
