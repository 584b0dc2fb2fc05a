"""The kinds of job faxvault queues, named once.

A kind is stored as its string value in the jobs table (``JobKind`` is a ``StrEnum``, so a
kind read back as a plain string still finds its handler). Renaming a value strands the jobs
already queued under the old name: add a new kind instead.
"""

from __future__ import annotations

from enum import StrEnum


# Provider jobs are declared by each provider (``ingest.providers.registry``): the ones below
# are the kinds of the first two providers, kept as they are stored in existing queues.
class JobKind(StrEnum):
    PROCESS = "process"  # split, OCR, index, score a fax's original
    ARCHIVE = "archive"  # write a processed fax to the archive
    FAXPLUS_FAX = "faxplus_fax"  # fetch a fax announced by Fax.Plus
    FAXPLUS_PAGE = "faxplus_page"  # fetch and index one streamed Fax.Plus page
    DROPBOX_FAX = "dropbox_fax"  # fetch a fax announced by Dropbox Fax
