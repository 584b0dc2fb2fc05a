"""Prometheus metrics (prometheus-client), one registry per service instance."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
JOB_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900)


class _StateCollector(Collector):
    """Jobs and faxes by state, read from the catalog at scrape time (always current)."""

    def __init__(self, read: Callable[[], tuple[dict[str, int], dict[str, int]]]) -> None:
        self._read = read

    def collect(self) -> Iterator[GaugeMetricFamily]:
        jobs, faxes = self._read()
        job_gauge = GaugeMetricFamily("faxvault_jobs", "Jobs by state", labels=["state"])
        for state, n in sorted(jobs.items()):
            job_gauge.add_metric([state], n)
        yield job_gauge
        fax_gauge = GaugeMetricFamily("faxvault_faxes", "Faxes by state", labels=["state"])
        for state, n in sorted(faxes.items()):
            fax_gauge.add_metric([state], n)
        yield fax_gauge


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.deliveries = Counter("faxvault_deliveries", "Webhook deliveries by outcome",
                                  ["provider", "outcome"], registry=r)
        self.ack_seconds = Histogram("faxvault_ack_seconds", "Time to acknowledge a delivery",
                                     ["provider"], buckets=LATENCY_BUCKETS, registry=r)
        self.jobs_finished = Counter("faxvault_jobs_finished", "Job attempts by outcome",
                                     ["kind", "outcome"], registry=r)
        self.job_seconds = Histogram("faxvault_job_seconds", "Job attempt duration",
                                     ["kind"], buckets=JOB_BUCKETS, registry=r)
        self.ocr_pages = Counter("faxvault_ocr_pages", "Pages OCR'd", registry=r)
        self.ocr_seconds = Histogram("faxvault_ocr_page_seconds", "OCR time per page",
                                     buckets=JOB_BUCKETS, registry=r)
        self.archive_bytes = Counter("faxvault_archive_bytes", "Bytes archived", registry=r)
        self.spam_verdicts = Counter("faxvault_spam_verdicts", "Spam verdicts of processed faxes",
                                     ["verdict"], registry=r)
        self.archive_errors = Counter("faxvault_archive_errors", "Failed archive attempts",
                                      registry=r)

    def watch_states(self, read: Callable[[], tuple[dict[str, int], dict[str, int]]]) -> None:
        self.registry.register(_StateCollector(read))
