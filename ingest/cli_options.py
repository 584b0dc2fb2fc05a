"""Shared pieces of the command line: options every command spells the same way, config
and services set-up, exit codes, output helpers."""

from __future__ import annotations

import functools
import getpass
import json
import os
import re
import sys
from collections.abc import Callable
from typing import Any

import click
from rich.console import Console

from ingest.config import Config, ConfigError, load_config
from ingest.pipeline import open_services
from ocr import OcrSetupError
from storage.archive import ArchiveError, ArchiveUnavailable
from storage.backend import CatalogUnavailable, FeatureUnavailable
from storage.catalog import NotFound

EXIT_FAILED, EXIT_USAGE, EXIT_NOT_FOUND = 1, 2, 3

# Markup and emoji codes off: fax data (senders, file names, OCR text, provider errors) is
# printed as it is, never read as rich markup ("[/]" would crash a command, "[bold red]" restyle
# it, ":smile:" turn into an emoji). Styling is done with Text objects instead.
stdout = Console(markup=False, emoji=False, highlight=False)
stderr = Console(stderr=True, markup=False, emoji=False, highlight=False)

# C0/C1 control characters but newline and tab: a terminal acts on ESC sequences (clear the
# screen, retitle the window, fake lines), so data never reaches it raw.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shown(value: object) -> str:
    """Data as printable text: control characters become visible ``\\xNN`` escapes."""
    return CONTROL_CHARACTERS.sub(lambda m: f"\\x{ord(m.group()):02x}", str(value))


def keep_files_private() -> None:
    """Whatever umask the command was started with, what it creates is its user's alone
    (files 0600, folders 0700): the catalog and its WAL, spool, archive, export bundles and
    `get` outputs hold PHI. Stricter bits the operator set are kept."""
    os.umask(os.umask(0o077) | 0o077)


class OperationFailed(click.ClickException):
    exit_code = EXIT_FAILED


def exit_with(label: str, message: str, code: int) -> None:
    """One unwrapped line on stderr, then exit with ``code``."""
    click.echo(f"{label}: {message}", err=True)
    sys.exit(code)


def cli_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:unknown"


# -- shared options -------------------------------------------------------------------------
def config_option(fn: Callable) -> Callable:
    return click.option(
        "--config", "config_path", type=click.Path(dir_okay=False), default=None,
        help="Config file (default: $FAXVAULT_CONFIG, else ./faxvault.toml, else built-in "
             "defaults with data under ./var).",
    )(fn)


def json_option(fn: Callable) -> Callable:
    return click.option("--json", "as_json", is_flag=True,
                        help="Print one JSON document on stdout.")(fn)


def date_filter_options(fn: Callable) -> Callable:
    fn = click.option("--until", default=None, metavar="DATE",
                      help="Received before this date (ISO 8601), exclusive.")(fn)
    fn = click.option("--since", default=None, metavar="DATE",
                      help="Received on or after this date (ISO 8601).")(fn)
    return click.option("--from", "from_number", default=None, metavar="NUM",
                        help="Sender number (E.164, or as received).")(fn)


def with_config(fn: Callable) -> Callable:
    """Load the config (exit 2 naming the key on error) and pass it as ``config``."""

    @config_option
    @functools.wraps(fn)
    def wrapper(config_path: str | None, **kwargs: Any) -> Any:
        try:
            config = load_config(config_path)
        except ConfigError as exc:
            exit_with("config error", str(exc), EXIT_USAGE)
        return fn(config=config, **kwargs)

    return wrapper


def with_services(pool: bool = False) -> Callable:
    """Open catalog, spool and archive (and the OCR pool if asked) for the command.

    A command that processes faxes (``pool``) checks the S3 bucket first, so a misconfigured
    bucket is named before anything is journaled (every archive write checks it too). Every
    command ends by anchoring the audit entries it wrote for the person running it."""

    def decorate(fn: Callable) -> Callable:
        @with_config
        @functools.wraps(fn)
        def wrapper(config: Config, **kwargs: Any) -> Any:
            from ingest.compliance import anchor_pending

            try:
                services = open_services(config, with_pool=pool)
            except OcrSetupError as exc:
                exit_with("setup error", str(exc), EXIT_USAGE)
            except CatalogUnavailable as exc:
                exit_with("catalog unavailable", str(exc), EXIT_FAILED)
            try:
                if pool:
                    _check_bucket(services)
                return fn(services=services, **kwargs)
            except NotFound as exc:
                exit_with("not found", str(exc), EXIT_NOT_FOUND)
            except (ArchiveError, FeatureUnavailable) as exc:
                raise OperationFailed(str(exc)) from None
            finally:
                try:
                    anchor_pending(services)
                except ArchiveError as exc:  # the entries stay; the next anchor covers them
                    click.echo(f"warning: {exc}", err=True)
                services.close()

        return wrapper

    return decorate


def _check_bucket(services: Any) -> None:
    """The bucket (and its Object Lock) before any work; an unreachable store only warns:
    journaled faxes wait for it."""
    ensure = getattr(services.archive, "ensure_bucket_once", None)
    if ensure is None:
        return
    try:
        ensure()
    except ArchiveUnavailable as exc:
        click.echo(f"warning: archive not reachable ({exc}); archiving will retry", err=True)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def normalized_date(value: str | None) -> str | None:
    """Dates compare as text against the catalog's ``YYYY-MM-DDTHH:MM:SSZ``."""
    return value.replace(" ", "T") if value else None


# -- commands -------------------------------------------------------------------------------
