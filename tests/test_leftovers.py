"""The test session fails when it leaves a process running."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).parent.parent

LEAKY = '''
import subprocess


def test_starts_a_server_and_forgets_it():
    subprocess.Popen(["sleep", "600"], start_new_session=True)


def test_orphans_a_grandchild():
    # The child exits at once; its own child lives on, re-parented.
    subprocess.run(["sh", "-c", "sleep 601 & exit 0"], check=True)
'''

TIDY = '''
import subprocess


def test_waits_for_what_it_starts():
    subprocess.run(["true"], check=True)
'''


def _session(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    test_file = tmp_path / "test_inner.py"
    test_file.write_text(source)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.conftest", "-p",
         "no:cacheprovider", str(test_file)],
        cwd=REPO, capture_output=True, text=True, timeout=120)


def test_a_session_that_leaves_processes_running_fails(tmp_path: Path) -> None:
    result = _session(tmp_path, LEAKY)
    assert "2 passed" in result.stdout  # every test passed, yet the session fails
    assert result.returncode == 1, result.stdout + result.stderr
    assert "the test session left processes running" in result.stdout
    assert "sleep 600" in result.stdout and "sleep 601" in result.stdout


def test_a_tidy_session_passes(tmp_path: Path) -> None:
    result = _session(tmp_path, TIDY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "left processes running" not in result.stdout
