"""Run the real ``faxvault`` console script against a test config."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FAXVAULT = str(Path(sys.executable).with_name("faxvault"))


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def cli_env(config: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "FAXVAULT_CONFIG": str(config), "OMP_THREAD_LIMIT": "1", **extra}


def run_cli(config: Path, *args: str, expect: int | None = 0, timeout: float = 180,
            umask: int = -1, env: dict[str, str] | None = None) -> Result:
    """``faxvault ARGS``; ``umask`` (default: this process's) and extra ``env`` for the run."""
    proc = subprocess.run([FAXVAULT, *args], capture_output=True, text=True,
                          env=cli_env(config, **(env or {})), timeout=timeout,
                          stdin=subprocess.DEVNULL, umask=umask)
    result = Result(proc.returncode, proc.stdout, proc.stderr)
    if expect is not None:
        assert proc.returncode == expect, f"exit {proc.returncode}: {proc.stderr}{proc.stdout}"
    return result


def wait_until(predicate: Callable[[], Any], timeout: float = 60, what: str = "condition") -> Any:
    """Poll ``predicate`` until it returns something truthy (not a fixed sleep: it returns as
    soon as the condition holds, and fails loudly at the deadline)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


async def wait_until_async(predicate: Callable[[], Any], timeout: float = 60,
                           what: str = "condition") -> Any:
    """:func:`wait_until` for async tests: polls without blocking the event loop."""
    import asyncio

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


async def wait_healthy(port: int, timeout: float = 60) -> None:
    """Poll /healthz until the service answers 200 (or fail at the deadline)."""
    import asyncio

    import aiohttp

    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            try:
                async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.05)
    raise AssertionError("faxvault serve did not come up")


async def start_serve(config: Path, log: Path):
    """`faxvault serve` as an asyncio subprocess (stop it by its PID: send_signal)."""
    import asyncio

    return await asyncio.create_subprocess_exec(
        FAXVAULT, "serve", stdin=asyncio.subprocess.DEVNULL,
        stdout=open(log, "ab"), stderr=asyncio.subprocess.STDOUT,
        env={**os.environ, "FAXVAULT_CONFIG": str(config), "OMP_THREAD_LIMIT": "1"})
