"""Records commands: integrity, legal hold, lifecycle, spam verdicts, the audit log,
export bundles and retention. Registered on the ``faxvault`` group by ingest.cli."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.progress import Progress
from rich.table import Table

from ingest.cli_options import (
    EXIT_FAILED,
    OperationFailed,
    cli_actor,
    date_filter_options,
    emit_json,
    json_option,
    normalized_date,
    shown,
    stderr,
    stdout,
    with_services,
)
from ingest.pipeline import Services
from storage import audit


@click.command("verify")
@click.option("--since", default=None, metavar="DATE",
              help="Only faxes received on or after this date (ISO 8601).")
@json_option
@with_services()
def verify_archive(services: Services, since: str | None, as_json: bool) -> None:
    """Re-hash every archived object against the catalog; exit 1 on any mismatch."""
    from storage.integrity import archived_objects, verify_objects

    objects = archived_objects(services.catalog, normalized_date(since))
    total = sum(o["size"] for o in objects)
    with Progress(console=stderr, transient=True, disable=not stderr.is_terminal) as progress:
        task = progress.add_task("verifying", total=total)
        problems = verify_objects(services.archive, objects,
                                  lambda n: progress.advance(task, n))
    faxes = len({o["fax_id"] for o in objects})
    audit.record(services.catalog, cli_actor(), "archive.verified", None,
                 {"objects": len(objects), "faxes": faxes, "problems": len(problems),
                  "since": since})
    if as_json:
        emit_json({"ok": not problems, "faxes": faxes, "objects": len(objects),
                   "bytes": total, "problems": [p.__dict__ for p in problems]})
    else:
        for p in problems:
            click.echo(shown(f"{p.problem}: fax {p.fax_id} {p.purpose} {p.key}: {p.detail}"),
                       err=True)
        click.echo(f"verified {len(objects)} objects of {faxes} faxes ({total} bytes): "
                   + ("OK" if not problems else f"{len(problems)} problem(s)"))
    if problems:
        sys.exit(EXIT_FAILED)


@click.command("rebuild-catalog")
@json_option
@with_services()
def rebuild_catalog(services: Services, as_json: bool) -> None:
    """Rebuild the catalog (faxes, page text, search index) from the archive's sidecars."""
    from storage.integrity import rebuild_catalog as rebuild

    with Progress(console=stderr, transient=True, disable=not stderr.is_terminal) as progress:
        task = progress.add_task("rebuilding", total=None)
        counts = rebuild(services.archive, services.catalog, lambda n: progress.advance(task, n))
    audit.record(services.catalog, cli_actor(), "catalog.rebuilt", None, counts)
    if as_json:
        emit_json(counts)
    else:
        click.echo(f"{counts['sidecars']} sidecars: {counts['restored']} faxes restored, "
                   f"{counts['present']} already in the catalog")


@click.group()
def hold() -> None:
    """Legal hold on a fax's archived objects."""


def _set_hold(services: Services, fax_id: str, on: bool, reason: str | None) -> None:
    from ingest.compliance import HoldRefused, set_legal_hold

    try:
        change = set_legal_hold(services, fax_id, on, cli_actor(), reason)
    except HoldRefused as exc:
        raise OperationFailed(str(exc)) from None
    click.echo(f"legal hold {'set on' if on else 'released from'} {len(change.objects)} "
               f"objects of fax {change.fax_id}", err=True)


@hold.command("set")
@click.argument("fax_id")
@click.option("--reason", default=None, help="Recorded in the audit log (e.g. a case number).")
@with_services()
def hold_set(services: Services, fax_id: str, reason: str | None) -> None:
    """Place a legal hold: no version can be deleted until it is released."""
    _set_hold(services, fax_id, True, reason)


@hold.command("release")
@click.argument("fax_id")
@click.option("--reason", default=None, help="Recorded in the audit log.")
@with_services()
def hold_release(services: Services, fax_id: str, reason: str | None) -> None:
    """Release a legal hold (retention, if any, still applies)."""
    _set_hold(services, fax_id, False, reason)


@click.group("archive")
def archive_group() -> None:
    """The archive store's own settings."""


@archive_group.command("lifecycle")
@click.option("--apply", "apply_rules", is_flag=True,
              help="Make the bucket's lifecycle rules the configured ones.")
@json_option
@with_services()
def archive_lifecycle(services: Services, apply_rules: bool, as_json: bool) -> None:
    """Show the configured lifecycle and lock settings against the bucket's; --apply them."""
    from ingest.pipeline import lifecycle_rules
    from storage.lifecycle import diff_rules

    config, archive = services.config, services.archive
    if config.archive.backend != "s3":
        raise OperationFailed("lifecycle rules need the s3 archive backend "
                              "(archive.backend = \"s3\")")
    archive.ensure_bucket_once()  # never inspect (or configure) a bucket made by accident
    wanted = lifecycle_rules(config)
    diff = diff_rules(wanted, archive.lifecycle_rules())
    applied = False
    if apply_rules and not diff.in_sync:
        archive.put_lifecycle_rules(wanted)
        applied = True
        audit.record(services.catalog, cli_actor(), "config.lifecycle_applied", None,
                     {"add": diff.add, "change": diff.change, "remove": diff.remove})
    doc = {"bucket": config.archive.bucket, "object_lock_mode": config.archive.object_lock_mode,
           "bucket_object_lock": archive.object_lock_enabled(),
           "retention_days": config.archive.retention_days, "rules": wanted,
           "in_sync": diff.in_sync or applied, "add": diff.add, "change": diff.change,
           "remove": diff.remove, "applied": applied}
    if as_json:
        emit_json(doc)
        return
    click.echo(f"bucket {doc['bucket']}: object lock "
               f"{'enabled' if doc['bucket_object_lock'] else 'not enabled'}; configured mode "
               f"{doc['object_lock_mode']}, retention {doc['retention_days']} days")
    for rule in wanted:
        click.echo(f"  rule {rule['ID']}: {json.dumps(rule, sort_keys=True)}")
    if diff.in_sync:
        click.echo("bucket lifecycle matches the configuration")
    else:
        click.echo(f"differences: add {diff.add or '-'}, change {diff.change or '-'}, "
                   f"remove {diff.remove or '-'}" + ("; applied" if applied else
                                                     " (run with --apply)"))


@click.group("spam")
def spam_group() -> None:
    """Spam verdicts: operator corrections and re-scoring."""


def _operator_verdict(services: Services, fax_id: str, verdict: str) -> None:
    from ingest import spam

    catalog = services.catalog
    fax = catalog.get_fax(fax_id)
    with catalog.transaction():
        before = fax["spam_verdict"]
        catalog.record_spam_feedback(fax["id"], verdict, cli_actor())
        spam.record_verdict(catalog, fax["id"], spam.score_fax(catalog, services.config,
                                                              fax["id"]))
        audit.append(catalog, cli_actor(), "spam.verdict", fax["id"],
                     {"verdict": verdict, "before": before})
    click.echo(f"fax {fax['id']} marked {verdict}", err=True)


@spam_group.command("mark")
@click.argument("fax_id")
@with_services()
def spam_mark(services: Services, fax_id: str) -> None:
    """Operator verdict: this fax is spam (also trains the learned signal)."""
    _operator_verdict(services, fax_id, "spam")


@spam_group.command("unmark")
@click.argument("fax_id")
@with_services()
def spam_unmark(services: Services, fax_id: str) -> None:
    """Operator verdict: this fax is not spam (also trains the learned signal)."""
    _operator_verdict(services, fax_id, "ham")


@spam_group.command("rescore")
@click.option("--since", default=None, metavar="DATE",
              help="Only faxes received on or after this date (ISO 8601).")
@json_option
@with_services()
def spam_rescore(services: Services, since: str | None, as_json: bool) -> None:
    """Score faxes again (after a config change or new operator verdicts)."""
    from ingest import spam

    catalog = services.catalog
    model = spam.train(catalog)  # one model for the run (operator-judged faxes are fixed)
    rows = catalog.faxes_to_rescore(normalized_date(since) if since else None)
    changed = []
    with Progress(console=stderr, transient=True, disable=not stderr.is_terminal) as progress:
        task = progress.add_task("rescoring", total=len(rows))
        for row in rows:
            verdict = spam.score_fax(catalog, services.config, row["id"], model=model)
            with catalog.transaction():
                spam.record_verdict(catalog, row["id"], verdict)
                if verdict.verdict != row["spam_verdict"]:
                    changed.append({"fax_id": row["id"], "from": row["spam_verdict"],
                                    "to": verdict.verdict, "score": verdict.score})
                    audit.append(catalog, cli_actor(), "spam.rescored", row["id"],
                                 changed[-1])
            progress.advance(task)
    if as_json:
        emit_json({"rescored": len(rows), "changed": changed})
        return
    click.echo(f"rescored {len(rows)} faxes, {len(changed)} verdict(s) changed")
    for c in changed:
        click.echo(f"  {c['fax_id']}: {c['from']} -> {c['to']} (score {c['score']})")


@click.group("audit")
def audit_group() -> None:
    """The hash-chained audit log."""


@audit_group.command("verify")
@json_option
@with_services()
def audit_verify(services: Services, as_json: bool) -> None:
    """Check the whole chain (name the first broken entry) and its anchors: every anchor
    object is read by its first stored version, and said which one it was."""
    from ingest.compliance import verify_anchors

    report = audit.verify_chain(services.catalog)
    targets, anchor_problems = verify_anchors(services)
    head_seq, _ = audit.head(services.catalog)
    anchored = max((a.seq or 0 for t in targets for a in t.anchors if not a.problem),
                   default=0)
    tail = max(head_seq - anchored, 0)
    ok = report.ok and not anchor_problems
    if as_json:
        emit_json({"ok": ok, "entries": report.entries,
                   "first_broken_seq": report.first_broken_seq, "problem": report.problem,
                   "anchors": sum(len(t.anchors) for t in targets),
                   "anchor_problems": anchor_problems,
                   "unanchored_entries": tail, "last_anchored_seq": anchored,
                   "targets": [{"name": t.name, "backend": t.backend, "error": t.error,
                                "locked": t.locked, "assurance": t.assurance,
                                "checked": [_anchor_doc(a) for a in t.anchors]}
                               for t in targets]})
    else:
        _print_audit_report(report, targets, anchor_problems, tail, anchored)
    if not ok:
        sys.exit(EXIT_FAILED)


def _anchor_doc(anchor: audit.StoredAnchor) -> dict:
    return {"key": anchor.key, "version_id": anchor.version_id, "seq": anchor.seq,
            "hash": anchor.hash, "at": anchor.at, "stored_at": anchor.stored_at,
            "lock_mode": anchor.lock_mode, "retain_until": anchor.retain_until,
            "later_versions": anchor.later_versions, "delete_markers": anchor.delete_markers,
            "problem": anchor.problem}


SHOWN_ANCHORS = 10


def _print_audit_report(report: audit.ChainReport, targets: list, anchor_problems: list[str],
                        tail: int, anchored: int) -> None:
    if report.ok:
        stdout.print(f"audit chain OK ({report.entries} entries)")
    else:
        click.echo(f"audit chain broken at entry {report.first_broken_seq}: "
                   f"{report.problem}", err=True)
    for target in targets:
        if target.error:
            continue
        click.echo(f"anchors in {target.name} ({target.backend}): {len(target.anchors)} "
                   f"checked, {target.locked} under Object Lock")
        click.echo(f"  what they prove: {target.assurance}")
        shown = target.anchors[-SHOWN_ANCHORS:]
        if len(target.anchors) > len(shown):
            click.echo(f"  ({len(target.anchors) - len(shown)} earlier ones: --json lists "
                       "every one)")
        for a in shown:
            lock = f"{a.lock_mode} until {a.retain_until}" if a.lock_mode else "not locked"
            click.echo(f"  entry {a.seq}: {a.key} version {a.version_id or '-'} ({lock})")
    for problem in anchor_problems:
        click.echo(f"anchor: {problem}", err=True)
    if not anchor_problems:
        click.echo("every anchored head matches the log")
    if tail:
        click.echo(f"{tail} entries after entry {anchored} are not anchored yet: until they "
                   "are, they could be dropped from the end of the log unseen")


@audit_group.command("anchor")
@with_services()
def audit_anchor(services: Services) -> None:
    """Write the chain head to every anchor target now (serve anchors a person's actions
    within audit.anchor_batch_seconds, its own at least every audit.anchor_seconds)."""
    from ingest.compliance import anchor_audit_head

    records = anchor_audit_head(services)
    if not records:
        click.echo("the audit log is empty", err=True)
    for record in records:
        click.echo(f"anchored entry {record.seq} in {record.target} at {record.key}"
                   + (f" version {record.version_id}" if record.version_id else ""), err=True)


@click.command()
@date_filter_options
@click.option("--query", default=None, help="Only faxes whose text matches (words, literal).")
@click.option("--include-spam", is_flag=True, help="Include faxes flagged as spam.")
@click.option("--with-tiff", is_flag=True, help="Also include each fax.tif.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="BUNDLE: a .zip file, or a new (or empty) directory.")
@json_option
@with_services()
def export(services: Services, from_number: str | None, since: str | None, until: str | None,
           query: str | None, include_spam: bool, with_tiff: bool, output: Path,
           as_json: bool) -> None:
    """Write a signed compliance bundle an auditor can verify on their own."""
    from ingest.compliance import ExportSelection, export_bundle, select_for_export
    from ingest.numbers import normalize_number

    region = services.config.numbers.default_region
    selection = ExportSelection(since=normalized_date(since), until=normalized_date(until),
                                from_number=normalize_number(from_number, region) or from_number,
                                query=query, include_spam=include_spam)
    faxes = select_for_export(services, selection)
    total = sum(o["size"] for f in faxes for o in services.catalog.archive_objects(f["id"])
                if o["purpose"] != "meta" and (with_tiff or o["purpose"] != "tiff"))
    key = _signing_key(services)
    try:
        with Progress(console=stderr, transient=True,
                      disable=not stderr.is_terminal) as progress:
            task = progress.add_task("exporting", total=total)
            done = export_bundle(services, selection, faxes, output, cli_actor(), key,
                                 with_tiff=with_tiff,
                                 progress=lambda n: progress.advance(task, n))
    except FileExistsError as exc:
        raise click.UsageError(str(exc)) from None
    summary, fingerprint = done.summary, done.signed_by
    doc = {"bundle": str(output), "faxes": summary.faxes, "files": summary.files,
           "bytes": summary.bytes, "audit_head_seq": summary.head_seq,
           "signed_by": fingerprint}
    if as_json:
        emit_json(doc)
    else:
        click.echo(f"exported {summary.faxes} faxes ({summary.files} files, {summary.bytes} "
                   f"bytes) to {output}, signed by {fingerprint}")


def _signing_key(services: Services):  # -> Ed25519PrivateKey (cryptography loads lazily)
    from storage import signing

    try:
        return signing.load_or_create(services.config.signing_key_path)
    except (signing.SigningKeyError, OSError) as exc:
        raise OperationFailed(f"signing key: {exc}") from None


@click.command("export-key")
@json_option
@with_services()
def export_key(services: Services, as_json: bool) -> None:
    """Print the public key that signs export bundles, and its fingerprint (made on first
    use). Publish it to auditors by a channel other than the bundles themselves."""
    from storage import signing

    public = _signing_key(services).public_key()
    doc = {"algorithm": signing.ALGORITHM, "fingerprint": signing.fingerprint(public),
           "public_key": signing.public_key_b64(public),
           "public_key_pem": signing.public_key_pem(public),
           "key_file": str(services.config.signing_key_path)}
    if as_json:
        emit_json(doc)
        return
    click.echo(f"fingerprint: {doc['fingerprint']}\npublic key (ed25519, base64): "
               f"{doc['public_key']}\n{doc['public_key_pem']}", nl=False)


@click.command("verify-export")
@click.argument("bundle", type=click.Path(exists=True, path_type=Path))
@click.option("--public-key", default=None, metavar="KEY",
              help="The signer's published public key (PEM file, or base64): the bundle "
                   "must be signed by it.")
@click.option("--fingerprint", default=None, metavar="FP",
              help="The signer's published key fingerprint (SHA256:<hex>): the bundle must "
                   "be signed by that key.")
@click.option("--archive", "archive_config", default=None, metavar="CONFIG",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A config whose [archive] (and [audit.second_anchor]) name the store, "
                   "with read-only credentials: check the chain's anchors and the files "
                   "against it.")
@json_option
def verify_export(bundle: Path, public_key: str | None, fingerprint: str | None,
                  archive_config: Path | None, as_json: bool) -> None:
    """Check a bundle: hashes, nothing missing or extra, manifest, audit chain; with
    --public-key/--fingerprint its signature; with --archive its anchors and files."""
    from storage.export import verify_bundle_report

    key, archives = _verify_inputs(public_key, archive_config)
    with Progress(console=stderr, transient=True, disable=not stderr.is_terminal) as progress:
        task = progress.add_task("verifying", total=None)
        report = verify_bundle_report(bundle, public_key=key, fingerprint=fingerprint,
                                      archives=archives,
                                      progress=lambda n: progress.advance(task, n))
    if as_json:
        emit_json({"ok": report.ok, "problems": report.problems, "checks": report.checks,
                   "signed_by": report.signer})
    else:
        for problem in report.problems:  # names read from the bundle, which may be hostile
            click.echo(shown(problem), err=True)
        for check in report.checks:
            click.echo(shown(f"  {check}"))
        click.echo(f"{bundle}: " + ("OK" if report.ok else
                                    f"{len(report.problems)} problem(s)"))
    if not report.ok:
        sys.exit(EXIT_FAILED)


def _verify_inputs(public_key: str | None, archive_config: Path | None) -> tuple:
    """The trusted key and the stores to check against, from the auditor's options."""
    from ingest.config import ConfigError, load_config
    from ingest.pipeline import open_archive
    from storage import signing

    key = None
    if public_key is not None:
        try:
            key = signing.load_public(public_key)
        except (signing.SigningKeyError, OSError) as exc:
            raise click.BadParameter(str(exc), param_hint="--public-key") from None
    archives = None
    if archive_config is not None:
        try:
            config = load_config(str(archive_config))
        except ConfigError as exc:
            raise click.BadParameter(str(exc), param_hint="--archive") from None
        archives = [("archive", open_archive(config))]
        if config.audit.second_anchor is not None:
            archives.append(("second", open_archive(config, config.audit.second_anchor)))
    return key, archives


@click.group()
def retention() -> None:
    """Retention of archived faxes."""


@retention.command("report")
@json_option
@with_services()
def retention_report(services: Services, as_json: bool) -> None:
    """Faxes by the date their archived objects may be deleted."""
    from ingest.compliance import retention_rows

    rows = retention_rows(services)
    if as_json:
        emit_json(rows)
        return
    table = Table("fax", "received", "from", "retain until", "hold", "objects")
    for row in rows:
        table.add_row(row["id"], row["received_at"],
                      shown(row["from_number"] or row["from_raw"] or ""),
                      row["retain_until"] or "-", "yes" if row["legal_hold"] else "",
                      str(row["objects"]))
    stdout.print(table)


@click.command()
@click.argument("fax_id")
@click.option("--reason", required=True, help="Why (recorded in the audit log).")
@with_services()
def delete(services: Services, fax_id: str, reason: str) -> None:
    """Delete a fax's archived files once its retention has ended (refused before)."""
    from ingest.compliance import RetentionRefused, delete_fax

    try:
        n = delete_fax(services, fax_id, cli_actor(), reason)
    except RetentionRefused as exc:
        raise OperationFailed(str(exc)) from None
    click.echo(f"deleted {n} archived objects of fax {fax_id}", err=True)


COMMANDS = [verify_archive, rebuild_catalog, hold, archive_group, spam_group, audit_group,
            export, export_key, verify_export, retention, delete]
