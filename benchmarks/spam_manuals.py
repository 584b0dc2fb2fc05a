"""Ordinary documents nobody wrote for the junk-fax scorer: the package documentation on this
machine (READMEs, NEWS files, text, Markdown and HTML pages under /usr/share/doc, and the
licences in /usr/share/common-licenses), each scored as a fax of its first three pages (55
lines a page), from no caller id (a hot-folder fax) or from a number. Prints the flagged ones
and how many of all. The documents are split in two halves by the SHA-256 of their path:
`dev` was looked at to change the scorer, `held` only counted until 2026-12-05, when its two
flagged documents were read too (benchmarks/RESULTS.md): both halves are development sets now.

`--source python` scores another kind nobody wrote for the scorer and nobody here has read:
the descriptions (READMEs) of the Python distributions installed on the machine (the body
of each METADATA or PKG-INFO file under the interpreters' site- and dist-packages), one per
distribution name, all of them (no halves).

`--source man` scores the manual pages under /usr/share/man (every language installed), as
`man` renders them at 80 columns, a fixed eighth of them chosen by the SHA-256 of their path
(rendering them all takes a quarter of an hour), split in halves as the documents are. They
were first scored on 2026-12-05; the dev half's flagged pages were then read and the scorer
changed, the held half's were not (its count alone was read).

Manuals are the least fax-like of the ordinary documents #15 names (letters, manuals, printed
web pages, invoices): technical words ("password", "free", "$1" in a shell script) mean
something else in them. The text is the file's, not OCR'd.

    python benchmarks/spam_manuals.py [--source doc|python|man] [--half dev|held] [--caller]
                                      [--threshold 6.0] [--show]
"""

from __future__ import annotations

import argparse
import glob
import gzip
import hashlib
import os
import re
import signal
import subprocess
import sys
import sysconfig
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DOC_ROOT = "/usr/share/doc"
MAN_ROOT = "/usr/share/man"
MAN_SAMPLE = 8  # (one manual page in eight)
MAN_SECONDS = 30
LICENCES = "/usr/share/common-licenses"
NAMES = ("readme", "news", "faq", "authors", "thanks", "todo")
SUFFIXES = (".txt", ".txt.gz", ".md", ".md.gz", ".html", ".htm", ".rst", ".rst.gz")
PAGE_LINES, MAX_PAGES = 55, 3
MAX_BYTES = 400_000
BLOCKS = {"p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "pre", "table", "dt", "dd"}


class _Text(HTMLParser):
    """An HTML page's text, a line per block, without scripts and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.hidden += tag in ("script", "style")
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def documents() -> list[str]:
    """Paths of the documents, sorted (symbolic links and changelogs left out)."""
    found = []
    for root, _dirs, files in os.walk(DOC_ROOT):
        for name in files:
            path = os.path.join(root, name)
            low = name.lower()
            if os.path.islink(path) or "changelog" in low or low == "copyright":
                continue
            if low.startswith(NAMES) or low.endswith(SUFFIXES):
                found.append(path)
    if os.path.isdir(LICENCES):
        found += [os.path.join(LICENCES, name) for name in os.listdir(LICENCES)
                  if not os.path.islink(os.path.join(LICENCES, name))]
    return sorted(found)


def manual_pages() -> list[str]:
    """Paths of the sampled manual pages, sorted (symbolic links left out)."""
    found = []
    for root, _dirs, files in os.walk(MAN_ROOT):
        for name in files:
            path = os.path.join(root, name)
            if not os.path.islink(path) and re.search(r"\.\d\w*(?:\.gz)?$", name) \
                    and hashlib.sha256(path.encode()).digest()[1] % MAN_SAMPLE == 0:
                found.append(path)
    return sorted(found)


def manual_text(path: str) -> str:
    """A manual page as `man` renders it at 80 columns in UTF-8 (its own formatting off: output
    to a pipe is plain text), "" when it does not render within MAN_SECONDS."""
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("MAN", "LC_", "LANG"))}
    env.update({"MANWIDTH": "80", "LC_ALL": "C.UTF-8"})
    try:
        # (its own session: on a timeout the whole pipeline, groff and all, is stopped)
        man = subprocess.Popen(["man", "-l", path], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    except OSError:
        return ""
    try:
        out, _ = man.communicate(timeout=MAN_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(man.pid, signal.SIGKILL)
        man.communicate()
        return ""
    return out.decode("utf-8", "replace") if man.returncode == 0 else ""


def python_descriptions() -> list[str]:
    """Paths of the installed Python distributions' METADATA / PKG-INFO files, one per
    distribution name (the first found), sorted."""
    roots = {sysconfig.get_paths()["purelib"], sysconfig.get_paths(
        vars={"base": sys.base_prefix, "platbase": sys.base_prefix})["purelib"]}
    roots |= set(glob.glob("/usr/lib/python3*/dist-packages") +
                 glob.glob("/usr/local/lib/python3*/dist-packages") +
                 glob.glob("/usr/lib/python3*/site-packages"))
    found: dict[str, str] = {}
    for root in sorted(roots):
        for path in sorted(glob.glob(os.path.join(root, "*.dist-info", "METADATA")) +
                           glob.glob(os.path.join(root, "*.egg-info", "PKG-INFO"))):
            name = os.path.basename(os.path.dirname(path)).split("-")[0].lower()
            found.setdefault(name.replace("_", "-"), path)
    return sorted(found.values())


def description_text(path: str) -> str:
    """A METADATA file's body: the distribution's long description (its README)."""
    with open(path, "rb") as file:
        raw = file.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        return ""
    _headers, _, body = raw.decode("utf-8", "replace").partition("\n\n")
    return body


def in_half(path: str, half: str) -> bool:
    return (hashlib.sha256(path.encode()).digest()[0] % 2 == 0) == (half == "dev")


def pages_of(path: str) -> list[str] | None:
    """The document's first pages as a fax would carry them, or None (binary, too large,
    fewer than 30 words)."""
    if path.endswith(("METADATA", "PKG-INFO")):
        return fax_pages(description_text(path))
    if path.startswith(MAN_ROOT + "/"):
        return fax_pages(manual_text(path))
    with open(path, "rb") as file:
        raw = file.read(MAX_BYTES + 1)
    if path.endswith(".gz"):
        raw = gzip.decompress(raw) if len(raw) <= MAX_BYTES else b""
    if not raw or len(raw) > MAX_BYTES or b"\0" in raw[:2000]:
        return None
    text = raw.decode("utf-8", "replace")
    if ".htm" in path:
        parser = _Text()
        parser.feed(text)
        text = "".join(parser.parts)
    return fax_pages(text)


def fax_pages(text: str) -> list[str] | None:
    """``text`` as the first pages of a fax, or None (fewer than 30 words)."""
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in text.splitlines()))
    if len(text.split()) < 30:
        return None
    lines = text.splitlines()[:PAGE_LINES * MAX_PAGES]
    return ["\n".join(lines[i:i + PAGE_LINES]) for i in range(0, len(lines), PAGE_LINES)]


def main() -> None:
    from ingest.spam import SpamWeights, score

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", choices=["doc", "python", "man"],
                        default="doc")
    parser.add_argument("--half", choices=["dev", "held"], default="held",
                        help="with --source doc or man (python has no halves)")
    parser.add_argument("--caller", action="store_true", help="from a number, not withheld")
    parser.add_argument("--threshold", type=float, default=SpamWeights().threshold)
    parser.add_argument("--show", action="store_true", help="each flagged one's signals")
    args = parser.parse_args()
    number = "+15035550100" if args.caller else None
    scored = flagged = unread = 0
    python = args.source == "python"
    paths = {"doc": documents, "python": python_descriptions, "man": manual_pages}[args.source]
    for path in paths():
        if not (python or in_half(path, args.half)):
            continue
        pages = pages_of(path)
        if pages is None:
            unread += 1  # (binary, too large, under 30 words, or not rendered)
            continue
        verdict = score(page_texts=pages, from_number=number, from_raw=number,
                        provider_is_spam=False, weights=SpamWeights(), blocklist=set(),
                        allowlist=set())
        scored += 1
        if verdict.score >= args.threshold:
            flagged += 1
            print(f"{verdict.score:6.2f}  {path}")
            for signal in verdict.signals if args.show else ():
                print(f"        {signal['weight']:+.2f} {signal['signal']}: "
                      f"{signal['detail'][:140]}")
    which = "python descriptions" if python else f"{args.source} {args.half} half"
    print(f"{which}: {scored} documents, {flagged} flagged at {args.threshold:g} "
          f"({'from a number' if args.caller else 'no caller id'}); {unread} left out "
          "(binary, too large, under 30 words or not rendered)")


if __name__ == "__main__":
    main()
