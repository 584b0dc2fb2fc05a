"""Web inbox page time: the first inbox page (50 rows, newest first, only the person's
mailboxes, read marks, owners) with 10,000 faxes in the catalog against the same page with
200 faxes, side by side, through the real app over HTTP (sign-in, session and CSRF
middlewares, template rendering included).

The target is 200 ms for the 10,000-fax page. Faxes are spread over four mailboxes; the
person sees two of them; a tenth are spam (hidden); every fifth is read, every seventh owned.

    python benchmarks/inbox.py [--faxes 10000] [--requests 30]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp
from aiohttp.test_utils import TestServer

from ingest.app import init_app
from ingest.config import config_from_mapping
from ingest.web.auth import hash_password
from storage.catalog import open_catalog

PASSWORD = "benchmark password"
MAILBOXES = ("cardiology", "front", "billing", "lab")


def fill(data_dir: Path, faxes: int) -> None:
    catalog = open_catalog(data_dir / "faxvault.sqlite3")
    user = catalog.people.add_user("bench", "viewer", hash_password(PASSWORD),
                                   MAILBOXES[:2])
    with catalog.transaction():
        for n in range(faxes):
            fax_id = f"01BENCH{n:019d}"
            day, second = divmod(n, 86400)
            catalog.ensure_fax(fax_id, {
                "provider": "local", "provider_fax_id": fax_id,
                "from_raw": f"+1555{n % 9973:07d}", "from_number": f"+1555{n % 9973:07d}",
                "to_number": "+15550001111", "state": "archived", "pages": 1 + n % 4,
                "received_at": f"2026-{1 + day % 12:02d}-{1 + day % 28:02d}T"
                               f"{second // 3600 % 24:02d}:{second // 60 % 60:02d}:"
                               f"{second % 60:02d}Z",
                "spam_verdict": "spam" if n % 10 == 0 else "ham"})
            catalog.people.set_mailbox(fax_id, MAILBOXES[n % 4])
            if n % 5 == 0:
                catalog.people.mark_read(user.id, fax_id)
            if n % 7 == 0:
                catalog.people.assign(fax_id, "bench", "bench")
    catalog.close()


async def page_times(data_dir: Path, requests: int) -> list[float]:
    config = config_from_mapping({"paths": {"data_dir": str(data_dir)},
                                  "hotfolder": {"enabled": False}}, env={})
    server = TestServer(init_app(config, start_workers=False))
    await server.start_server()
    jar = aiohttp.CookieJar(unsafe=True)
    try:
        async with aiohttp.ClientSession(cookie_jar=jar) as session:
            form = await (await session.get(server.make_url("/ui/signin"))).text()
            token = form.split('name="csrf" value="')[1].split('"')[0]
            signed = await session.post(server.make_url("/ui/signin"), data={
                "csrf": token, "name": "bench", "password": PASSWORD})
            assert signed.status == 200, signed.status
            times = []
            for _ in range(requests):
                start = time.perf_counter()
                response = await session.get(server.make_url("/ui/inbox"))
                body = await response.text()
                times.append((time.perf_counter() - start) * 1000)
                assert response.status == 200 and body.count("<tr class=") == 50
            return times
    finally:
        await server.close()


def measure(faxes: int, requests: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        fill(data_dir, faxes)
        times = sorted(asyncio.run(page_times(data_dir, requests)))
        return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faxes", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    base_median, base_p95 = measure(200, args.requests)
    median, p95 = measure(args.faxes, args.requests)
    print(f"inbox page, 200 faxes:    median {base_median:.1f} ms, p95 {base_p95:.1f} ms")
    print(f"inbox page, {args.faxes} faxes: median {median:.1f} ms, p95 {p95:.1f} ms "
          f"({median / base_median:.2f}x the 200-fax page; target <= 200 ms: "
          f"{'met' if p95 <= 200 else 'NOT met'})")


if __name__ == "__main__":
    main()
