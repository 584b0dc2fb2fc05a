"""Docs are part of the product: every command documented, the layering kept."""

import ast
import re
from pathlib import Path

import click

from ingest.cli import cli

ROOT = Path(__file__).parents[1]


def command_paths(group: click.Group, prefix: str = "") -> list[str]:
    paths = []
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        if isinstance(command, click.Group):
            paths += command_paths(command, path + " ")
        else:
            paths.append(path)
    return paths


def documented_commands(readme: str) -> set[str]:
    """`faxvault a b` and `faxvault a b\\|c` (alternatives) as command paths."""
    found = set()
    for group, subs in re.findall(r"`faxvault ([a-z-]+)(?: ([a-z][a-z-]*(?:\\\|[a-z-]+)*))?",
                                  readme):
        found.add(group)
        for sub in filter(None, subs.split("\\|")):
            found.add(f"{group} {sub}")
    return found


def test_every_command_is_in_the_readme() -> None:
    documented = documented_commands((ROOT / "README.md").read_text())
    missing = [p for p in command_paths(cli) if p not in documented]
    assert not missing, f"commands not documented in README.md: {missing}"


def test_readme_documents_no_command_that_does_not_exist() -> None:
    readme = (ROOT / "README.md").read_text()
    documented = set(re.findall(r"^\| `faxvault ([a-z-]+(?: [a-z][a-z-]*)?)", readme, re.M))
    known = set(command_paths(cli)) | {p.split()[0] for p in command_paths(cli)}
    assert documented <= known, documented - known


# Commands that change something and print only a confirmation on stderr. Every other command
# prints what it read or did, and a script must be able to take that as JSON.
ACTIONS = {"serve", "get", "retry", "hold set", "hold release", "spam mark", "spam unmark",
           "audit anchor", "delete", "user add", "user disable", "user passwd"}


def test_every_read_command_takes_json() -> None:
    def command(path: str) -> click.Command:
        found = cli
        for name in path.split():
            found = found.commands[name]
        return found

    missing = [path for path in command_paths(cli) if path not in ACTIONS
               and not any("--json" in param.opts for param in command(path).params)]
    assert not missing, (f"commands without --json: {missing}; add it (json_option), or list "
                         "the command in ACTIONS if it only changes something")


def test_storage_and_ocr_never_import_ingest() -> None:
    for package, forbidden in (("storage", {"ingest"}), ("ocr", {"ingest", "storage"})):
        for path in (ROOT / package).glob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                         [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
                for name in names:
                    assert name.split(".")[0] not in forbidden, f"{path} imports {name}"
