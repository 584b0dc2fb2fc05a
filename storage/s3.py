"""The S3 archive backend: any S3-compatible store through boto3.

Every object carries its SHA-256 in user metadata (``x-amz-meta-sha256``) and, where the server
supports it, as the S3 SHA-256 checksum; every upload is verified by a HEAD before it counts.
Originals and derived files can be put under Object Lock (GOVERNANCE or COMPLIANCE) with a
retain-until date, and held (legal hold). Calls are synchronous (boto3): the pipeline runs them
in a thread, never on the event loop.

Reads go to a recorded version id. Without one they go to the key's *first* version: Object
Lock protects versions, not keys, so anyone allowed to write can put a newer version on top of
a locked one; the first version is the one faxvault wrote and the lock keeps.

The bucket is checked (and created with Object Lock if configured) before the first write of
every process, whatever command writes: a store that creates buckets on a first PUT would
otherwise make one without Object Lock, which can never be added later.
"""

from __future__ import annotations

import base64
import datetime as dt
import hmac
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import boto3
from boto3.exceptions import S3UploadFailedError
from boto3.s3.transfer import TransferConfig
from botocore.config import Config as BotoConfig
from botocore.exceptions import BotoCoreError, ClientError

from storage.archive import (
    ArchiveError,
    ArchiveUnavailable,
    IntegrityError,
    NotInArchive,
    ObjectInfo,
    ObjectVersion,
    StoredObject,
)


@dataclass(frozen=True)
class S3Settings:
    bucket: str
    endpoint_url: str = ""
    region: str = "us-east-1"
    prefix: str = ""
    access_key_id: str | None = None
    secret_access_key: str | None = None
    path_style: bool = True
    lock_mode: str = "off"  # off | GOVERNANCE | COMPLIANCE
    multipart_threshold_bytes: int = 64 * 1024 * 1024
    connect_timeout_seconds: float = 10.0
    read_timeout_seconds: float = 60.0
    max_attempts: int = 5
    create_bucket: bool = False
    sse: str = "off"  # off | AES256 (SSE-S3) | aws:kms (SSE-KMS)
    sse_kms_key_id: str = ""


def make_client(settings: S3Settings) -> Any:
    config = BotoConfig(
        region_name=settings.region,
        s3={"addressing_style": "path" if settings.path_style else "auto"},
        # Non-AWS stores often reject or mishandle the newer default checksums; ask for them
        # only when an operation requires one (we send SHA-256 explicitly on uploads).
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
        retries={"max_attempts": settings.max_attempts, "mode": "standard"},
        connect_timeout=settings.connect_timeout_seconds,
        read_timeout=settings.read_timeout_seconds,
    )
    return boto3.client(
        "s3", endpoint_url=settings.endpoint_url or None,
        aws_access_key_id=settings.access_key_id,
        aws_secret_access_key=settings.secret_access_key, config=config,
    )


def _b64(sha256_hex: str) -> str:
    return base64.b64encode(bytes.fromhex(sha256_hex)).decode("ascii")


def _error_code(exc: Exception) -> str:
    return exc.response.get("Error", {}).get("Code", "") if isinstance(exc, ClientError) else ""


class S3Archive:
    name = "s3"

    def __init__(self, settings: S3Settings, client: Any | None = None) -> None:
        self.settings = settings
        self.bucket = settings.bucket
        self.prefix = settings.prefix.strip("/") + "/" if settings.prefix.strip("/") else ""
        self.client = client or make_client(settings)
        self._transfer = TransferConfig(multipart_threshold=settings.multipart_threshold_bytes,
                                        multipart_chunksize=settings.multipart_threshold_bytes)
        self._bucket_checked = False
        self._versioning: bool | None = None
        self._bucket_lock = threading.Lock()

    def _key(self, key: str) -> str:
        return self.prefix + key

    # -- bucket -------------------------------------------------------------------------------
    def ensure_bucket(self) -> None:
        """Check the bucket exists (creating it with Object Lock if configured to), and that
        it has Object Lock when the config asks for locked objects."""
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except ClientError as exc:
            if _error_code(exc) not in ("404", "NoSuchBucket", "NotFound"):
                raise ArchiveError(f"s3 bucket {self.bucket}: {exc}") from None
            if not self.settings.create_bucket:
                raise ArchiveError(f"s3 bucket {self.bucket} does not exist (set "
                                   "archive.create_bucket = true to create it)") from None
            args: dict[str, Any] = {"Bucket": self.bucket}
            if self.settings.lock_mode != "off":
                args["ObjectLockEnabledForBucket"] = True
            if self.settings.region and self.settings.region != "us-east-1":
                args["CreateBucketConfiguration"] = {"LocationConstraint": self.settings.region}
            try:
                self.client.create_bucket(**args)
            except ClientError as race:
                # Another node created it between our HEAD and our create (nodes starting
                # together): the bucket is there, which is all we asked. The Object Lock
                # check below still applies to it.
                if _error_code(race) != "BucketAlreadyOwnedByYou":
                    raise ArchiveError(f"s3 bucket {self.bucket}: {race}") from None
        except BotoCoreError as exc:
            raise ArchiveUnavailable(f"s3 endpoint unreachable: {exc}") from None
        if self.settings.lock_mode != "off" and not self.object_lock_enabled():
            raise ArchiveError(
                f"s3 bucket {self.bucket} has no Object Lock, but archive.object_lock_mode is "
                f"{self.settings.lock_mode}: Object Lock can only be enabled when a bucket is "
                "created; use a new bucket (archive.create_bucket = true) or set it to \"off\"")

    def ensure_bucket_once(self) -> None:
        """:meth:`ensure_bucket` before this process's first write (workers write from several
        threads at once: one checks, the others wait for it)."""
        with self._bucket_lock:
            if not self._bucket_checked:
                self.ensure_bucket()
                self._bucket_checked = True

    def object_lock_enabled(self) -> bool:
        try:
            conf = self.client.get_object_lock_configuration(Bucket=self.bucket)
        except ClientError as exc:
            if "ObjectLockConfigurationNotFound" in _error_code(exc):
                return False
            raise
        return conf.get("ObjectLockConfiguration", {}).get("ObjectLockEnabled") == "Enabled"

    # -- objects ------------------------------------------------------------------------------
    def _head(self, key: str, version_id: str | None = None) -> dict[str, Any] | None:
        args: dict[str, Any] = {"Bucket": self.bucket, "Key": self._key(key),
                                "ChecksumMode": "ENABLED"}
        if version_id:
            args["VersionId"] = version_id
        try:
            return self.client.head_object(**args)
        except ClientError as exc:
            if _error_code(exc) in ("404", "NoSuchKey", "NotFound"):
                return None
            raise

    def put_file(self, key: str, path: Path, sha256: str, *,
                 retain_until: str | None = None) -> StoredObject:
        try:
            self.ensure_bucket_once()
            existing = self._head(key)
            if existing and hmac.compare_digest(existing.get("Metadata", {}).get("sha256", ""),
                                                sha256) and not self._encryption_problem(existing):
                # Already there (a re-run after a crash): content addressing makes it harmless.
                return self._stored(key, sha256, existing)
            extra: dict[str, Any] = {"Metadata": {"sha256": sha256}, **self._encryption_args()}
            size = Path(path).stat().st_size
            if size < self.settings.multipart_threshold_bytes:
                extra["ChecksumSHA256"] = _b64(sha256)  # the server checks what it received
            else:
                extra["ChecksumAlgorithm"] = "SHA256"  # per part, computed by boto3
            if self.settings.lock_mode != "off" and retain_until:
                extra["ObjectLockMode"] = self.settings.lock_mode
                extra["ObjectLockRetainUntilDate"] = dt.datetime.fromisoformat(
                    retain_until.replace("Z", "+00:00"))
            self.client.upload_file(str(path), self.bucket, self._key(key), ExtraArgs=extra,
                                    Config=self._transfer)
            head = self._head(key)
        except BotoCoreError as exc:
            raise ArchiveUnavailable(f"s3 put {key}: {exc}") from None
        except (ClientError, S3UploadFailedError) as exc:  # boto3 wraps an upload's errors
            raise ArchiveError(f"s3 put {key}: {exc}") from None
        if head is None:
            raise IntegrityError(f"{key}: not found right after upload")
        if head.get("ContentLength") != size or not hmac.compare_digest(
                head.get("Metadata", {}).get("sha256", ""), sha256):
            raise IntegrityError(f"{key}: stored object does not match what was sent")
        checksum = head.get("ChecksumSHA256")
        if checksum and "-" not in checksum and not hmac.compare_digest(checksum, _b64(sha256)):
            raise IntegrityError(f"{key}: server checksum {checksum} != {_b64(sha256)}")
        if problem := self._encryption_problem(head):
            raise IntegrityError(f"{key}: {problem}")
        return self._stored(key, sha256, head)

    def _encryption_args(self) -> dict[str, Any]:
        if self.settings.sse == "off":
            return {}
        args = {"ServerSideEncryption": self.settings.sse}
        if self.settings.sse == "aws:kms" and self.settings.sse_kms_key_id:
            args["SSEKMSKeyId"] = self.settings.sse_kms_key_id
        return args

    def _encryption_problem(self, head: dict[str, Any]) -> str | None:
        """What is wrong with a stored object's encryption, as the server reports it: a store
        that ignores the SSE headers must not leave objects unencrypted without a word."""
        if self.settings.sse == "off":
            return None
        have = head.get("ServerSideEncryption")
        if have != self.settings.sse:
            return (f"stored with server-side encryption {have or 'none'}, "
                    f"archive.sse asks for {self.settings.sse}")
        want_key = self.settings.sse_kms_key_id
        have_key = head.get("SSEKMSKeyId") or ""
        # AWS reports the key's full ARN; a configured key id or alias ARN is its suffix.
        if want_key and not (have_key == want_key or have_key.endswith(f"/{want_key}")):
            return f"encrypted with KMS key {have_key or 'unknown'}, not {want_key}"
        return None

    @staticmethod
    def _stored(key: str, sha256: str, head: dict[str, Any]) -> StoredObject:
        until = head.get("ObjectLockRetainUntilDate")
        return StoredObject(
            key=key, sha256=sha256, size=int(head.get("ContentLength", 0)),
            version_id=head.get("VersionId"),
            retain_until=until.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            if until else None,
        )

    def open(self, key: str, version_id: str | None = None, *,
             latest: bool = False) -> BinaryIO:
        """The bytes of ``version_id``, or of the key's first version (see the module note);
        with ``latest``, of its newest version, in one request and no listing (for content-
        addressed objects, whose every version holds the same bytes: the shared spool)."""
        args: dict[str, Any] = {"Bucket": self.bucket, "Key": self._key(key)}
        if not latest:
            version_id = version_id or self.first_version_id(key)
        if version_id:
            args["VersionId"] = version_id
        try:
            return self.client.get_object(**args)["Body"]
        except ClientError as exc:
            if _error_code(exc) in ("404", "NoSuchKey", "NoSuchVersion"):
                raise NotInArchive(f"{key}: not in the archive") from None
            raise ArchiveError(f"s3 get {key}: {exc}") from None
        except BotoCoreError as exc:
            raise ArchiveError(f"s3 get {key}: {exc}") from None

    def exists(self, key: str) -> bool:
        return self._head(key) is not None

    def versions(self, prefix: str) -> Iterator[ObjectVersion]:
        """Every version and delete marker under ``prefix``. Versions of one key come newest
        first (S3's listing order); a key hidden by a delete marker is still listed."""
        paginator = self.client.get_paginator("list_object_versions")
        try:
            for page in paginator.paginate(Bucket=self.bucket, Prefix=self._key(prefix)):
                for marker, entries in ((False, page.get("Versions", [])),
                                        (True, page.get("DeleteMarkers", []))):
                    for entry in entries:
                        yield self._version(entry, marker)
        except ClientError as exc:
            raise ArchiveError(f"s3 list versions {prefix}: {exc}") from None
        except BotoCoreError as exc:
            raise ArchiveUnavailable(f"s3 list versions {prefix}: {exc}") from None

    def _version(self, entry: dict[str, Any], marker: bool) -> ObjectVersion:
        version_id = entry.get("VersionId")
        return ObjectVersion(
            key=entry["Key"][len(self.prefix):],
            version_id=None if version_id in (None, "null") else version_id,
            last_modified=entry["LastModified"].astimezone(dt.UTC).strftime(
                "%Y-%m-%dT%H:%M:%SZ"),
            size=int(entry.get("Size", 0)), delete_marker=marker, etag=entry.get("ETag"))

    def first_version_id(self, key: str) -> str | None:
        """The oldest stored version of ``key`` (None on a bucket that never kept versions:
        there a key has one version, and reading it costs no listing)."""
        if not self._keeps_versions():
            return None
        kept = [v for v in self.versions(key) if v.key == key and not v.delete_marker]
        return kept[-1].version_id if kept else None

    def _keeps_versions(self) -> bool:
        """Whether versioning was ever enabled on the bucket (asked once per process)."""
        if self._versioning is None:
            try:
                status = self.client.get_bucket_versioning(Bucket=self.bucket).get("Status")
            except (ClientError, BotoCoreError):
                return True  # unknown: take the careful path, and ask again next time
            self._versioning = status in ("Enabled", "Suspended")
        return self._versioning

    def describe(self, key: str, version_id: str | None) -> ObjectInfo:
        """What the store says about one version: its recorded SHA-256 and its lock."""
        head = self._head(key, version_id or self.first_version_id(key))
        if head is None:
            raise ArchiveError(f"{key}: version {version_id or '(first)'} not in the archive")
        until = head.get("ObjectLockRetainUntilDate")
        return ObjectInfo(
            key=key, version_id=head.get("VersionId"), size=int(head.get("ContentLength", 0)),
            sha256=head.get("Metadata", {}).get("sha256"),
            lock_mode=head.get("ObjectLockMode"),
            retain_until=until.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            if until else None,
            legal_hold=head.get("ObjectLockLegalHoldStatus") == "ON")

    def keys(self, prefix: str = "") -> Iterator[str]:
        paginator = self.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=self._key(prefix)):
            for item in page.get("Contents", []):
                yield item["Key"][len(self.prefix):]

    # -- retention and hold ---------------------------------------------------------------------
    def set_legal_hold(self, key: str, version_id: str | None, on: bool) -> None:
        args: dict[str, Any] = {"Bucket": self.bucket, "Key": self._key(key),
                                "LegalHold": {"Status": "ON" if on else "OFF"}}
        if version_id:
            args["VersionId"] = version_id
        try:
            self.client.put_object_legal_hold(**args)
        except (ClientError, BotoCoreError) as exc:
            raise ArchiveError(f"s3 legal hold {key}: {exc}") from None

    def delete(self, key: str, version_id: str | None) -> None:
        """Delete one stored version (the store refuses while it is locked or held)."""
        args: dict[str, Any] = {"Bucket": self.bucket, "Key": self._key(key)}
        if version_id:
            args["VersionId"] = version_id
        try:
            self.client.delete_object(**args)
        except (ClientError, BotoCoreError) as exc:
            raise ArchiveError(f"s3 delete {key}: {exc}") from None

    # -- lifecycle ------------------------------------------------------------------------------
    def lifecycle_rules(self) -> list[dict[str, Any]]:
        try:
            return self.client.get_bucket_lifecycle_configuration(Bucket=self.bucket)["Rules"]
        except ClientError as exc:
            if "NoSuchLifecycleConfiguration" in _error_code(exc):
                return []
            raise ArchiveError(f"s3 lifecycle of {self.bucket}: {exc}") from None

    def put_lifecycle_rules(self, rules: list[dict[str, Any]]) -> None:
        try:
            if rules:
                self.client.put_bucket_lifecycle_configuration(
                    Bucket=self.bucket, LifecycleConfiguration={"Rules": rules})
            else:
                self.client.delete_bucket_lifecycle(Bucket=self.bucket)
        except (ClientError, BotoCoreError) as exc:
            raise ArchiveError(f"s3 lifecycle of {self.bucket}: {exc}") from None
