"""People and routing commands: ``faxvault user ...`` and ``faxvault route``. Registered on
the ``faxvault`` group by ingest.cli."""

from __future__ import annotations

import dataclasses
import sys

import click

from ingest.cli_options import (
    EXIT_USAGE,
    OperationFailed,
    cli_actor,
    emit_json,
    exit_with,
    json_option,
    normalized_date,
    shown,
    stdout,
    with_services,
)
from ingest.config import Config
from ingest.pipeline import Services
from ingest.routing import reroute
from ingest.web.auth import WeakPassword, hash_password, new_api_token
from storage import audit, people

ROLE = click.Choice(people.ROLES)


def inbox_url(config: Config) -> str:
    base = config.server.public_url.rstrip("/")
    if not base:
        host = config.server.host if ":" not in config.server.host \
            else f"[{config.server.host}]"
        base = f"http://{host}:{config.server.port}"
    return f"{base}/ui/"


def _password(from_stdin: bool) -> str:
    """From stdin (one line, for scripts) or asked twice on the terminal, never an argument
    (arguments show in ps and shell history)."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return click.prompt("password", hide_input=True, confirmation_prompt=True)


def _hashed(password: str) -> str:
    try:
        return hash_password(password)
    except WeakPassword as exc:
        exit_with("refused", str(exc), EXIT_USAGE)
        raise


@click.group()
def user() -> None:
    """People of the web inbox and API: roles and the mailboxes they see."""


@user.command("add")
@click.argument("name")
@click.option("--role", type=ROLE, required=True,
              help="viewer reads; operator + spam, assign, done; compliance + hold, export; "
                   "admin + people and every mailbox.")
@click.option("--mailbox", "mailboxes", multiple=True, metavar="M",
              help="A mailbox this person sees (repeat for more).")
@click.option("--password-stdin", is_flag=True, help="Read the password from stdin.")
@with_services()
def user_add(services: Services, name: str, role: str, mailboxes: tuple[str, ...],
             password_stdin: bool) -> None:
    """Add a person; prints where to sign in."""
    if not name or len(name) > 64 or not name.isprintable() or name != name.strip():
        raise click.UsageError("NAME: 1 to 64 printable characters, no outer spaces")
    try:
        services.catalog.people.add_user(name, role, _hashed(_password(password_stdin)),
                                         mailboxes)
    except people.UserExists as exc:
        raise OperationFailed(str(exc)) from None
    audit.record(services.catalog, cli_actor(), "user.added", None,
                 {"name": name, "role": role, "mailboxes": list(mailboxes)})
    click.echo(f"added {name} ({role}); sign in at {inbox_url(services.config)}")


@user.command("list")
@json_option
@with_services()
def user_list(services: Services, as_json: bool) -> None:
    """Every person, with role, mailboxes and whether disabled."""
    users = services.catalog.people.list_users()
    if as_json:
        emit_json([dataclasses.asdict(u) for u in users])
        return
    for u in users:
        state = " (disabled)" if u.disabled else ""
        boxes = ", ".join(u.mailboxes) or ("every mailbox" if u.sees_all_mailboxes else "none")
        stdout.print(shown(f"{u.name}  {u.role}{state}  mailboxes: {boxes}"))


@user.command("disable")
@click.argument("name")
@with_services()
def user_disable(services: Services, name: str) -> None:
    """No more sign-ins, sessions end, API tokens stop working (not the last admin)."""
    try:
        services.catalog.people.disable_user(name)
    except people.LastAdmin as exc:
        raise OperationFailed(str(exc)) from None
    audit.record(services.catalog, cli_actor(), "user.disabled", None, {"name": name})
    click.echo(f"disabled {name}", err=True)


@user.command("enable")
@click.argument("name")
@with_services()
def user_enable(services: Services, name: str) -> None:
    """Let a disabled person sign in again (same password; new API tokens needed)."""
    catalog = services.catalog
    with catalog.transaction():
        catalog.people.enable_user(name)
        audit.append(catalog, cli_actor(), "user.enabled", None, {"name": name})
    click.echo(f"enabled {name}", err=True)


@user.command("set")
@click.argument("name")
@click.option("--role", type=ROLE, required=True, help="The person's role from now on.")
@click.option("--mailbox", "mailboxes", multiple=True, metavar="M",
              help="A mailbox this person sees (repeat for more); these replace the old "
                   "grants (none given: no mailbox).")
@with_services()
def user_set(services: Services, name: str, role: str, mailboxes: tuple[str, ...]) -> None:
    """Change a person's role and mailboxes (not the last admin's role)."""
    catalog = services.catalog
    before = catalog.people.get_user(name)
    try:
        with catalog.transaction():
            after = catalog.people.set_role_and_mailboxes(name, role, sorted(set(mailboxes)))
            audit.append(catalog, cli_actor(), "user.changed", None, {
                "name": name,
                "before": {"role": before.role, "mailboxes": list(before.mailboxes)},
                "after": {"role": after.role, "mailboxes": list(after.mailboxes)}})
    except people.LastAdmin as exc:
        raise OperationFailed(str(exc)) from None
    click.echo(f"{name}: {after.role}, mailboxes: {', '.join(after.mailboxes) or 'none'}",
               err=True)


@user.command("passwd")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from stdin.")
@with_services()
def user_passwd(services: Services, name: str, password_stdin: bool) -> None:
    """Set a new password (the person's sessions end)."""
    services.catalog.people.get_user(name)
    services.catalog.people.set_password_hash(name, _hashed(_password(password_stdin)))
    audit.record(services.catalog, cli_actor(), "user.password_set", None, {"name": name})
    click.echo(f"password of {name} changed", err=True)


@user.command("token")
@click.argument("name")
@json_option
@with_services()
def user_token(services: Services, name: str, as_json: bool) -> None:
    """A new API token for NAME (shown once; kept only hashed)."""
    try:
        token = new_api_token(services.catalog, name)
    except people.UserDisabled as exc:
        raise OperationFailed(f"{exc}: enable them first (faxvault user enable)") from None
    audit.record(services.catalog, cli_actor(), "user.token_added", None, {"name": name})
    if as_json:
        emit_json({"user": name, "token": token})
    else:
        click.echo(token)


@click.command()
@click.option("--since", default=None, metavar="DATE",
              help="Only faxes received on or after this date (ISO 8601); default all.")
@json_option
@with_services()
def route(services: Services, since: str | None, as_json: bool) -> None:
    """Apply the [[routing]] rules again (after changing them); each move is audited."""
    changes = reroute(services.catalog, services.config, normalized_date(since), cli_actor())
    if as_json:
        emit_json([dataclasses.asdict(c) for c in changes])
        return
    for change in changes:
        stdout.print(shown(f"{change.fax_id}: {change.before or '(none)'} -> {change.after}"))
    click.echo(f"{len(changes)} fax(es) moved", err=True)


COMMANDS = [user, route]
