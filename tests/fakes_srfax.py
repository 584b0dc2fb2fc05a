"""A fake SRFax API: the one POST endpoint with the actions the polling door uses
(``Get_Fax_Inbox``, ``Retrieve_Fax``, ``Update_Viewed_Status``), the documented answer shape
``{"Status", "Result"}``, and injected faults. Started by tests on 127.0.0.1."""

from __future__ import annotations

import asyncio
import base64
import collections
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

FAULTS = ("500", "429", "slow", "truncate", "badjson", "failed")
PATH = "/SRF_SecWebSvc.php"


@dataclass
class FakeSrfax:
    access_id: str
    password: str
    slow_seconds: float = 3.0
    # sFaxDetailsID -> inbox record / file bytes
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    faults: dict[str, collections.deque] = field(default_factory=dict)
    calls: list[dict[str, str]] = field(default_factory=list)  # the POSTed fields, password out
    # Called with the fax id when it is marked read; what it returns is kept in ``marked``.
    on_mark: Callable[[str], Any] | None = None
    marked: dict[str, Any] = field(default_factory=dict)

    def add_fax(self, details_id: str, data: bytes, *, epoch: int, caller_id: str = "",
                remote_id: str = "", pages: int = 1, status: str = "Ok") -> None:
        """A received fax; numbers typed as a published example has them (strings)."""
        stamp = dt.datetime.fromtimestamp(epoch, dt.UTC)
        self.records[details_id] = {
            "FileName": f"{stamp:%Y%m%d%H%M%S}-1234-5_1|{details_id}",
            "ReceiveStatus": status, "Date": f"{stamp:%b %d/%y %I:%M %p}",
            "EpochTime": epoch, "CallerID": caller_id, "RemoteID": remote_id,
            "Pages": str(pages), "Size": str(len(data)), "ViewedStatus": "N"}
        self.files[details_id] = data

    def inject(self, action: str, *faults: str) -> None:
        assert all(f in FAULTS for f in faults), faults
        self.faults.setdefault(action, collections.deque()).extend(faults)

    def count(self, action: str) -> int:
        return sum(1 for c in self.calls if c.get("action") == action)


def srfax_app(fake: FakeSrfax) -> web.Application:
    async def endpoint(request: web.Request) -> web.StreamResponse:
        form = {k: str(v) for k, v in (await request.post()).items()}
        action = form.get("action", "")
        fake.calls.append({k: v for k, v in form.items() if k != "access_pwd"})
        if (bad := await _misbehave(fake, request, action)) is not None:
            return bad
        if form.get("access_id") != fake.access_id or form.get("access_pwd") != fake.password:
            return _answer("Failed", "Invalid Access Code / Password")
        handler = ACTIONS.get(action)
        if handler is None:
            return _answer("Failed", f"Invalid action {action}")
        return handler(fake, form)

    app = web.Application()
    app.router.add_post(PATH, endpoint)
    return app


def _answer(status: str, result: Any) -> web.Response:
    return web.json_response({"Status": status, "Result": result})


async def _misbehave(fake: FakeSrfax, request: web.Request,
                     action: str) -> web.StreamResponse | None:
    queue = fake.faults.get(action)
    if not queue:
        return None
    fault = queue.popleft()
    if fault == "500":
        return web.Response(status=500, text="Internal Server Error")
    if fault == "429":
        return web.Response(status=429, text="Too Many Requests")
    if fault == "failed":
        return _answer("Failed", "Temporarily unavailable")
    if fault == "badjson":
        return web.Response(body=b"<html>maintenance</html>", content_type="text/html")
    if fault == "slow":
        await asyncio.sleep(fake.slow_seconds)  # the fault itself: a server that hangs
        return None
    if fault == "truncate":
        whole = json.dumps({"Status": "Success", "Result": "QUJD" * 64}).encode()
        response = web.StreamResponse(headers={"Content-Length": str(len(whole)),
                                               "Content-Type": "application/json"})
        await response.prepare(request)
        await response.write(whole[: len(whole) // 2])
        request.transport.close()  # cut the connection mid-body
        return response
    return None


def _inbox(fake: FakeSrfax, form: dict[str, str]) -> web.Response:
    records = list(fake.records.values())
    if form.get("sPeriod") == "RANGE":
        start, end = form.get("sStartDate", ""), form.get("sEndDate", "")
        if not (len(start) == len(end) == 8 and start.isdigit() and end.isdigit()):
            return _answer("Failed", "Invalid date range")
        records = [r for r in records if start <= _day(r) <= end]
    if form.get("sViewedStatus") == "UNREAD":
        records = [r for r in records if r["ViewedStatus"] == "N"]
    return _answer("Success", records)


def _day(record: dict[str, Any]) -> str:
    return f"{dt.datetime.fromtimestamp(int(record['EpochTime']), dt.UTC):%Y%m%d}"


def _details_id(form: dict[str, str]) -> str:
    return form.get("sFaxDetailsID") or form.get("sFaxFileName", "").rsplit("|", 1)[-1]


def _retrieve(fake: FakeSrfax, form: dict[str, str]) -> web.Response:
    if form.get("sDirection") != "IN":
        return _answer("Failed", "Invalid direction")
    data = fake.files.get(_details_id(form))
    if data is None:
        return _answer("Failed", "Fax not found")
    return _answer("Success", base64.b64encode(data).decode("ascii"))


def _update_viewed(fake: FakeSrfax, form: dict[str, str]) -> web.Response:
    details_id = _details_id(form)
    record = fake.records.get(details_id)
    if record is None or form.get("sMarkasViewed") not in ("Y", "N"):
        return _answer("Failed", "Fax not found")
    record["ViewedStatus"] = form["sMarkasViewed"]
    if form["sMarkasViewed"] == "Y":
        fake.marked[details_id] = fake.on_mark(details_id) if fake.on_mark else True
    return _answer("Success", "Viewed status updated")


ACTIONS = {"Get_Fax_Inbox": _inbox, "Retrieve_Fax": _retrieve,
           "Update_Viewed_Status": _update_viewed}
