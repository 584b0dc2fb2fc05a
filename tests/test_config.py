import asyncio
import os
from pathlib import Path

import pytest

from ingest.config import ConfigError, config_from_mapping, load_config


def test_defaults_need_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FAXVAULT_CONFIG", raising=False)
    config = load_config(None)
    assert config.catalog_path == Path("var/faxvault.sqlite3")
    assert config.archive_dir == Path("var/archive")
    assert config.inbox_dir == Path("var/inbox")
    assert config.archive.backend == "local"


def test_unknown_key_is_named() -> None:
    with pytest.raises(ConfigError, match=r"worker\.concurency: unknown key"):
        config_from_mapping({"worker": {"concurency": 3}}, env={})


def test_bad_value_names_key_and_expectation() -> None:
    with pytest.raises(ConfigError) as err:
        config_from_mapping({"server": {"port": "eighty"}}, env={})
    assert "server.port" in str(err.value)
    assert "integer" in str(err.value)


def test_enum_value_lists_choices() -> None:
    with pytest.raises(ConfigError, match=r"archive\.backend: .*'local' or 's3'"):
        config_from_mapping({"archive": {"backend": "ftp"}}, env={})


def test_unknown_section_is_named() -> None:
    with pytest.raises(ConfigError, match=r"sever: unknown key"):
        config_from_mapping({"sever": {}}, env={})


def test_secrets_come_from_environment_and_are_not_echoed() -> None:
    config = config_from_mapping({"faxplus": {"token": "from-file"}},
                                 env={"FAXVAULT_FAXPLUS_TOKEN": "from-env"})
    assert config.faxplus.token.get_secret_value() == "from-env"
    assert "from-env" not in repr(config)


def test_invalid_toml_names_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[server\nport = 1\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(bad)


def test_world_readable_file_warns(tmp_path: Path) -> None:
    path = tmp_path / "faxvault.toml"
    path.write_text("[server]\nport = 9000\n")
    path.chmod(0o644)
    with pytest.warns(UserWarning, match="world-readable"):
        assert load_config(path).server.port == 9000


@pytest.mark.parametrize("mode", [0o602, 0o646, 0o666, 0o777])
def test_file_others_can_write_is_refused(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "faxvault.toml"
    path.write_text("[server]\nport = 9000\n")
    path.chmod(mode)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(path) in str(err.value) and f"mode {mode:04o}" in str(err.value)
    assert "writable by other users" in str(err.value) and "chmod o-w" in str(err.value)


def test_file_its_group_can_write_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "faxvault.toml"
    path.write_text("[server]\nport = 9000\n")
    path.chmod(0o660)  # e.g. root:faxvault, edited by an admin group
    assert load_config(path).server.port == 9000


def test_example_config_documents_every_key_with_its_default() -> None:
    import tomllib
    from typing import get_args, get_origin

    from ingest.config import Config

    example = Path(__file__).parents[1] / "config.example.toml"
    text = example.read_text()
    config = config_from_mapping(tomllib.loads(text), env={})
    assert config == Config()  # the example shows the built-in defaults
    for section, model in Config.model_fields.items():
        assert f"[{section}]" in text, f"[{section}] missing from config.example.toml"
        # [[routing]] is a list of tables: its keys are documented on the example rule.
        section_model = get_args(model.annotation)[0] if get_origin(model.annotation) is list \
            else model.annotation
        for key, field in section_model.model_fields.items():
            key = field.alias or key
            assert f"{key} =" in text, f"{section}.{key} missing from config.example.toml"


def test_catalog_url_comes_from_the_environment_and_its_password_is_never_shown() -> None:
    env = {"FAXVAULT_CATALOG_URL": "postgresql://fv:s3cret-pw@db.internal/faxvault"}
    config = config_from_mapping({"catalog": {"url": "postgresql://other@x/y"}}, env)
    assert config.catalog.url is not None
    assert config.catalog.url.get_secret_value() == env["FAXVAULT_CATALOG_URL"]
    assert "s3cret-pw" not in repr(config) and "s3cret-pw" not in str(config.catalog)


def test_catalog_url_other_than_postgresql_names_the_key_not_the_password() -> None:
    with pytest.raises(ConfigError) as err:
        config_from_mapping({"catalog": {"url": "mysql://fv:s3cret-pw@db/faxvault"}}, {})
    assert "catalog.url" in str(err.value) and "postgresql://" in str(err.value)
    assert "s3cret-pw" not in str(err.value)


def test_no_catalog_url_means_sqlite_in_the_data_dir() -> None:
    config = config_from_mapping({"paths": {"data_dir": "/srv/fv"}}, {})
    assert config.catalog.url is None
    assert config.catalog_path == Path("/srv/fv/faxvault.sqlite3")


def test_catalog_pool_bounds_are_checked() -> None:
    with pytest.raises(ConfigError, match=r"catalog\.pool_min_size"):
        config_from_mapping({"catalog": {"pool_min_size": 9, "pool_max_size": 2}}, {})


def test_catalog_location_keeps_the_url_out_of_its_repr() -> None:
    env = {"FAXVAULT_CATALOG_URL": "postgresql://fv:s3cret-pw@db.internal/faxvault"}
    location = config_from_mapping({"catalog": {"statement_timeout_ms": 500}}, env)\
        .catalog_location
    assert location.backend == "postgresql" and location.postgres.statement_timeout_ms == 500
    assert "s3cret-pw" not in repr(location)
    assert config_from_mapping({}, {}).catalog_location.backend == "sqlite"


def test_one_more_job_runs_at_once_than_the_ocr_pool_has_processes() -> None:
    """A one-page fax leaves its OCR process idle while its job works in the service process
    (index, score, archive): a spare job keeps every process fed. A fixed default of 2 left
    all but two processes of a larger machine idle on one-page faxes."""
    assert config_from_mapping({"ocr": {"workers": 6}}, env={}).job_workers == 7
    assert config_from_mapping({"ocr": {"workers": 6}, "worker": {"concurrency": 2}},
                               env={}).job_workers == 2
    one_per_core = config_from_mapping({}, env={})
    assert one_per_core.ocr_processes == (os.cpu_count() or 1)
    assert one_per_core.job_workers == one_per_core.ocr_processes + 1


async def test_the_service_runs_its_default_number_of_jobs_at_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the default concurrency, three jobs run together beside a pool of two processes:
    each of them waits until all three are running."""
    from ingest import worker
    from ingest.pipeline import open_services
    from tests.cliutil import wait_until_async
    from tests.conftest import make_config

    config = make_config(tmp_path / "var", ocr={"workers": 2})
    services = open_services(config, with_pool=False)
    all_running = asyncio.Barrier(3)

    async def meet(services: worker.Services, job: worker.queue.Job) -> None:
        await asyncio.wait_for(all_running.wait(), timeout=20)
        with services.catalog.transaction():
            services.catalog.jobs.complete(job)

    monkeypatch.setitem(worker.HANDLERS, "meet", meet)
    group = worker.WorkerGroup(services)
    try:
        for _ in range(3):
            services.catalog.jobs.enqueue("meet")
        group.start()
        await wait_until_async(lambda: services.catalog.jobs.counts_by_state()["done"] == 3,
                               timeout=30, what="three jobs done together")
        assert services.catalog.jobs.counts_by_state()["failed"] == 0
    finally:
        await group.stop(drain_seconds=5)
        services.close()
