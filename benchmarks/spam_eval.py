"""Spam flagging quality on the labelled corpus (tests/spam_corpus.py), through the real
pipeline: precision and recall with the default configuration, then after an operator marks
the training faxes (the learned signal), side by side in one run.

    python benchmarks/spam_eval.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    from click.testing import CliRunner

    from ingest.cli import cli
    from ingest.pipeline import open_services
    from tests.conftest import make_config, write_config
    from tests.spam_corpus import eval_items, ingest_items, precision_recall, train_items

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        services = open_services(make_config(root / "var"))
        items, training = eval_items(), train_items()
        ids = ingest_items(services, items + training, root)
        spam = sum(1 for i in items if i.label == "spam")
        print(f"{len(items)} labelled faxes ({spam} spam, {len(items) - spam} legitimate), "
              f"{len(training)} more for operator marks")
        precision, recall = precision_recall(services, items, ids)
        print(f"  default config            precision {precision:.3f}  recall {recall:.3f}")
        config = write_config(root / "faxvault.toml", root / "var")
        runner = CliRunner()
        for item in training:
            runner.invoke(cli, ["spam", "mark" if item.label == "spam" else "unmark",
                                ids[item.name], "--config", str(config)])
        runner.invoke(cli, ["spam", "rescore", "--config", str(config)])
        precision, recall = precision_recall(services, items, ids)
        print(f"  after {len(training)} operator marks    precision {precision:.3f}  "
              f"recall {recall:.3f}")
        services.close()


if __name__ == "__main__":
    main()
