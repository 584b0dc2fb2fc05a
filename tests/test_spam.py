"""Spam flagging: signals, precision first, learning from operators, explanations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest.cli import cli
from ingest.pipeline import open_services
from ingest.spam import OPT_OUT, NaiveBayes, SpamWeights, score
from tests.conftest import make_config, write_config
from tests.spam_corpus import eval_items, ingest_items, precision_recall, train_items


@pytest.mark.parametrize("notice", [
    "To be removed from this list, call 800-555-0199",
    "If you do not wish to receive further faxes, fax back this page",
    "OPT-OUT line: 877 555 0100",
    "Call toll free 1-888-555-0101 to be removed",
    "unsubscribe at 866-555-0102",
    "No more faxes? dial 855-555-0103",
    "Fax removal: 844-555-0104",
])
def test_opt_out_notice_variants(notice: str) -> None:
    assert OPT_OUT.search(notice)


@pytest.mark.parametrize("text", [
    "Please remove the old sharps containers from room 2",
    "Remember to remove staples before scanning",
    "The patient opted for surgery",
])
def test_ordinary_words_are_not_opt_out_notices(text: str) -> None:
    assert not OPT_OUT.search(text)


def scored(text: str, **kw):
    args = dict(text=text, first_page=text, pages=2, from_number="+15552014477",
                from_raw="+1 555 201 4477", provider_is_spam=False, weights=SpamWeights(),
                blocklist=set(), allowlist=set())
    return score(**{**args, **kw})


def test_allowlist_wins_over_everything() -> None:
    ad = "FREE cruise! Limited time offer. To be removed call 800-555-0199"
    assert scored(ad).verdict == "spam"
    verdict = scored(ad, allowlist={"+15552014477"}, blocklist={"+15552014477"})
    assert verdict.verdict == "ham" and verdict.signals[0]["signal"] == "allowlist"


def test_blocklist_and_provider_verdict() -> None:
    assert scored("hello", blocklist={"+15552014477"}).verdict == "spam"
    verdict = scored("hello", provider_is_spam=True)
    assert verdict.verdict == "ham" and verdict.score == 3.0  # one signal is never enough


def test_naive_bayes_learns_from_examples() -> None:
    model = NaiveBayes([("spam", "rank your clinic on google reviews"),
                        ("spam", "seo for practices google ranking"),
                        ("ham", "patient referral cardiology consult"),
                        ("ham", "invoice for imaging services")])
    assert model.spam_probability("google ranking for your website") > 0.8
    assert model.spam_probability("referral for patient consult") < 0.2


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, ocr_pool):
    """The labelled corpus through the real pipeline (render, OCR, score)."""
    root = tmp_path_factory.mktemp("spam")
    services = open_services(make_config(root / "var"), pool=ocr_pool)
    items, training = eval_items(), train_items()
    ids = ingest_items(services, items + training, root)
    yield services, items, training, ids, root
    services.close()


def test_default_config_is_precise_and_catches_most_spam(corpus) -> None:
    services, items, _, ids, _ = corpus
    assert len(items) >= 30
    precision, recall = precision_recall(services, items, ids)
    assert precision >= 0.97 and recall >= 0.9, (precision, recall)


def test_show_explains_the_verdict(corpus) -> None:
    _services, _, _, ids, root = corpus
    config = write_config(root / "faxvault.toml", root / "var")
    out = CliRunner().invoke(cli, ["show", ids["toner-optout"], "--json", "--config",
                                   str(config)])
    doc = json.loads(out.output)
    assert doc["spam_verdict"] == "spam"
    fired = {s["signal"]: s["weight"] for s in doc["spam_signals"]}
    assert fired["opt_out_notice"] == 3.0 and "advertising" in fired
    assert doc["spam_score"] == pytest.approx(sum(fired.values()))
    text = CliRunner().invoke(cli, ["show", ids["toner-optout"], "--config", str(config)]).output
    assert "opt_out_notice" in text and "threshold 5.0" in text


def test_spam_is_kept_but_hidden_from_search(corpus) -> None:
    services, _, _, ids, root = corpus
    config = write_config(root / "faxvault.toml", root / "var")
    runner = CliRunner()
    hidden = json.loads(runner.invoke(cli, ["search", "cartridges", "--json", "--config",
                                            str(config)]).output)
    shown = json.loads(runner.invoke(cli, ["search", "cartridges", "--include-spam", "--json",
                                           "--config", str(config)]).output)
    assert hidden == [] and {h["fax_id"] for h in shown} >= {ids["toner-optout"]}
    assert services.catalog.get_fax(ids["toner-optout"])["state"] == "archived"


def test_operator_marks_train_the_model_and_raise_recall(corpus) -> None:
    services, items, training, ids, root = corpus
    config = write_config(root / "faxvault.toml", root / "var")
    runner = CliRunner()
    before = precision_recall(services, items, ids)
    for item in training:
        command = "mark" if item.label == "spam" else "unmark"
        result = runner.invoke(cli, ["spam", command, ids[item.name], "--config", str(config)])
        assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["spam", "rescore", "--json", "--config", str(config)])
    assert result.exit_code == 0, result.output
    precision, recall = precision_recall(services, items, ids)
    assert recall > before[1] and recall == 1.0
    assert precision >= before[0]
    # The operator's own verdicts stand, and each one is in the audit log.
    assert services.catalog.get_fax(ids["t-invoice"])["spam_verdict"] == "ham"
    marks = services.catalog.conn.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'spam.verdict'").fetchone()[0]
    assert marks == len(training)


def test_status_counts_spam(corpus) -> None:
    _, _, _, _, root = corpus
    config = write_config(root / "faxvault.toml", root / "var")
    doc = json.loads(CliRunner().invoke(cli, ["status", "--json", "--config",
                                              str(config)]).output)
    assert doc["spam"]["spam"] >= 20 and doc["spam"]["ham"] >= 16


def test_spam_rules_from_config_and_bad_pattern_named(tmp_path: Path) -> None:
    from ingest.config import ConfigError, config_from_mapping

    with pytest.raises(ConfigError, match=r"spam\.rules \(broken\): pattern is not a valid"):
        config_from_mapping({"spam": {"rules": [{"name": "broken", "pattern": "(",
                                                 "weight": 1}]}}, env={})


def test_config_defaults_are_the_scoring_defaults() -> None:
    """The weights live in two places (config and the pure scorer): they must not drift."""
    from ingest.config import Config
    from ingest.spam import weights_from

    assert weights_from(Config()) == SpamWeights()
