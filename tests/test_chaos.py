"""The chaos harness, reduced (the full run is `make chaos`): SIGKILLs at random moments,
a provider failing 30% of calls, webhooks and hot-folder files in flight."""

from pathlib import Path

from tests.chaos import check, run_chaos


async def test_every_acknowledged_fax_and_dropped_file_is_archived_once(tmp_path: Path) -> None:
    outcome = await run_chaos(tmp_path, cycles=3, seed=7)
    assert outcome.kills == 3
    assert len(outcome.acknowledged) == 12 and len(outcome.dropped) == 9
    assert check(tmp_path, outcome) == []
