"""Docs are part of the product: every command documented, the layering kept."""

import ast
import re
import tomllib
from pathlib import Path

import click
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

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
           "audit anchor", "delete", "user add", "user disable", "user passwd", "user set",
           "user enable"}


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
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                         [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
                for name in names:
                    assert name.split(".")[0] not in forbidden, f"{path} imports {name}"


# Modules whose queries have yet to move into storage/ (remove a name once it has moved).
SQL_NOT_YET_MOVED: set[str] = set()
SQL_TEXT = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|SAVEPOINT|ROLLBACK"
                      r"|RELEASE|PRAGMA)\b")


def test_ingest_speaks_no_sql() -> None:
    """Only storage/ holds SQL: ingest/ neither writes a statement nor touches a connection."""
    found = []
    for path in sorted((ROOT / "ingest").rglob("*.py")):
        if path.name in SQL_NOT_YET_MOVED and path.parent.name == "ingest":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr == "conn":
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} uses .conn")
            elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and SQL_TEXT.search(node.value)):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value[:60]!r}")
    assert not found, f"SQL outside storage/ (add a storage method instead): {found}"


# -- the hashed locks ------------------------------------------------------------------------
RUNTIME_LOCK, DEV_LOCK = ROOT / "requirements.lock", ROOT / "requirements-dev.lock"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.M)


def locked(path: Path) -> dict[str, set[str]]:
    """Package -> pinned versions (one per environment marker, e.g. numpy by Python)."""
    pins: dict[str, set[str]] = {}
    for name, version in PIN.findall(path.read_text()):
        pins.setdefault(canonicalize_name(name), set()).add(version)
    return pins


def declared() -> tuple[list[Requirement], list[Requirement]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = [Requirement(r) for reqs in project["optional-dependencies"].values() for r in reqs]
    return [Requirement(r) for r in project["dependencies"]], extras


def unmet(requirements: list[Requirement], pins: dict[str, set[str]]) -> list[str]:
    problems = []
    for req in requirements:
        versions = pins.get(canonicalize_name(req.name))
        if not versions:
            problems.append(f"{req.name} is not in the lock")
        problems += [f"{req.name}=={v} is outside {req}" for v in sorted(versions or ())
                     if not req.specifier.contains(v, prereleases=True)]
    return problems


def test_the_locks_hold_every_declared_dependency() -> None:
    runtime, extras = declared()
    problems = ([f"requirements.lock: {p}" for p in unmet(runtime, locked(RUNTIME_LOCK))]
                + [f"requirements-dev.lock: {p}" for p in unmet(runtime + extras,
                                                               locked(DEV_LOCK))])
    assert not problems, f"{problems}: run `make lock` after changing pyproject.toml"


def test_the_runtime_lock_is_the_dev_lock_without_the_extras() -> None:
    runtime, dev = locked(RUNTIME_LOCK), locked(DEV_LOCK)
    differ = {name: (versions, dev.get(name)) for name, versions in runtime.items()
              if dev.get(name) != versions}
    assert not differ, f"{differ}: run `make lock`"


def test_every_locked_release_has_hashes_and_comes_from_no_local_place() -> None:
    for path in (RUNTIME_LOCK, DEV_LOCK):
        text = path.read_text()
        blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
        assert len(blocks) == sum(len(v) for v in locked(path).values())
        for block in blocks:
            assert "--hash=sha256:" in block, f"{path.name}: no hash for {block.split()[0]}"
        assert not re.search(r"file:|--find-links|--index-url|-e |(^|\s)/[a-z]", text), \
            f"{path.name} names a local path or index: it must install from PyPI alone"
