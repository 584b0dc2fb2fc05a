"""Spam flagging: signals, precision first, learning from operators, explanations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest.cli import cli
from ingest.pipeline import open_services
from ingest.spam import NaiveBayes, SpamWeights, score
from ingest.spam_kinds import find_opt_out
from tests.conftest import make_config, write_config
from tests.spam_corpus import eval_items, ingest_items, precision_recall, train_items
from tests.spam_heldout_e import heldout_e_items


@pytest.mark.parametrize("notice", [
    "To be removed from this list, call 800-555-0199",
    "If you do not wish to receive further faxes, fax back this page",
    "OPT-OUT line: 877 555 0100",
    "Call toll free 1-888-555-0101 to be removed",
    "unsubscribe at 866-555-0102",
    "No more faxes? dial 855-555-0103",
    "Fax removal: 844-555-0104",
    # German, French and Spanish conventions, as printed and as an English OCR model reads them
    "Faxstop: 0711 555 3031",
    "Keine Werbung mehr? Faxnummer an 0800 555 4040",
    "Abbestellen: Fax mit Ihrer Faxnummer an 089 555 2121",
    "Sie wünschen keine Informationen mehr per Fax?",
    "Pour ne plus recevoir de fax, appelez le 0 805 55 20 21",
    "Désinscription : répondez à ce fax en indiquant votre numéro",
    "D@sinscription : r@pondez a ce fax",
    "STOP FAX au 02 55 55 22 23",
    "Para no recibir más faxes, llame al 900 555 232",
    "Para no recibir m4Es faxes, llame al 900 555 232",
    "Si desea darse de baja, envíe este fax al 93 555 24 25",
])
def test_opt_out_notice_variants(notice: str) -> None:
    found = find_opt_out([notice])
    assert found is not None and found.about_faxes, notice


@pytest.mark.parametrize("text", [
    "Please remove the old sharps containers from room 2",
    "Remember to remove staples before scanning",
    "The patient opted for surgery",
    "Subscribe to our newsletter   [ Unsubscribe ]",
    "Impressum | Datenschutz | Newsletter abbestellen",
    "Lire la suite | Se désabonner de la lettre | Mentions légales",
    "Suscríbase al boletín | Darse de baja | Aviso legal",
    "Pour ne plus recevoir notre lettre d'information, cliquez ici.",
    "You have the right to opt out of these communications by writing to the Privacy Office.",
    "Ihr Vertrag endet zum 31.12.2026. Sie erhalten danach keine weiteren Rechnungen von uns.",
])
def test_ordinary_words_are_not_fax_opt_out_notices(text: str) -> None:
    found = find_opt_out([text])
    assert found is None or not found.about_faxes, found


def scored(text: str | list[str], **kw):
    args = dict(page_texts=[text] if isinstance(text, str) else text,
                from_number="+15552014477", from_raw="+1 555 201 4477",
                provider_is_spam=False, weights=SpamWeights(), blocklist=set(), allowlist=set())
    return score(**{**args, **kw})


def fired(verdict) -> dict[str, float]:
    return {s["signal"]: s["weight"] for s in verdict.signals}


def test_allowlist_wins_over_everything() -> None:
    ad = "FREE cruise! Limited time offer. To be removed call 800-555-0199"
    assert scored(ad).verdict == "spam"
    verdict = scored(ad, allowlist={"+15552014477"}, blocklist={"+15552014477"})
    assert verdict.verdict == "ham" and verdict.signals[0]["signal"] == "allowlist"


def test_blocklist_and_provider_verdict() -> None:
    assert scored(["hello", "world"], blocklist={"+15552014477"}).verdict == "spam"
    verdict = scored(["hello", "world"], provider_is_spam=True)
    assert verdict.verdict == "ham" and verdict.score == 3.0  # one signal is never enough


def test_opt_out_on_a_later_page_counts() -> None:
    pages = ["SCHEDULING SOFTWARE FOR CLINICS", "Online booking and reminders in one app.",
             "Plans from $79 a month. To be removed from our fax list, call 800-555-0133."]
    verdict = scored(pages)
    assert fired(verdict)["opt_out_notice"] == 3.0 and verdict.verdict == "spam"
    assert "page 3" in next(s["detail"] for s in verdict.signals
                            if s["signal"] == "opt_out_notice")


def test_jfpa_elements_of_a_notice_add_weight() -> None:
    """The JFPA asks a notice for a number to send the request to and a cost-free way."""
    free = fired(scored("To stop future faxes call our toll-free line 866-555-0123, 24/7."))
    numbered = fired(scored("STOP FAX : 04 55 55 67 90"))
    bare = fired(scored("To stop future faxes, write to us."))
    assert free["opt_out_number"] == 1.0 and free["opt_out_free"] == 1.0
    assert numbered["opt_out_number"] == 1.0 and "opt_out_free" not in numbered
    assert "opt_out_number" not in bare and "opt_out_free" not in bare


def test_opting_out_of_something_else_is_no_fax_opt_out() -> None:
    letter = "Member ID W8812. To opt out of paperless statements, call 800-555-0177."
    assert not find_opt_out([letter]).about_faxes
    assert find_opt_out(["Opt-out requests: 844-555-0151 (free call)."]).about_faxes
    assert find_opt_out(["To opt out of future fax notices, call 617-555-0215."]).about_faxes


def test_ambiguous_words_alone_are_not_advertising() -> None:
    invoice = ("Toner cartridge CF258A x 4 $389.00. Exclusive distributor discount applied: "
               "you save $38.90 on this deal. Free parking at our showroom.")
    assert "advertising" not in fired(scored(invoice))
    assert "advertising" in fired(scored("Save 40% on toner this week, free shipping!"))


def test_a_lone_unsubscribe_is_weak_evidence() -> None:
    page = ("https://www.medtechdaily.example/news\nExclusive: save 20% on the summit, limited "
            "seats, free replay.\nSubscribe to our newsletter   [ Unsubscribe ]\n"
            "Privacy Policy   11/30/26, 4:12 PM")
    verdict = scored(page)
    assert "opt_out_notice" not in fired(verdict) and fired(verdict)["unsubscribe_only"] == 0.5
    assert verdict.verdict == "ham" and fired(verdict)["ordinary_document"] < 0


def test_plain_solicitation_without_opt_out_is_flagged() -> None:
    verdict = scored(["TONER PRICE LIST", "CE285A $39.00   CF226X $79.00   TN-660 $29.00",
                      "Order now and get free next-day delivery: 1-888-555-0141"])
    assert "solicitation" in fired(verdict) and verdict.verdict == "spam"


def test_an_advertisement_to_no_one_in_particular_weighs_more() -> None:
    broadcast = fired(scored("N95 respirators in stock, box of 20: $24.00. Order by fax: "
                             "305-555-0168."))
    addressed = fired(scored("Dear Dr. Hale, per your request: N95 respirators, box of 20: "
                             "$24.00. Order by fax: 305-555-0168."))
    assert broadcast["unaddressed"] == 1.5 and "unaddressed" not in addressed


def test_correspondence_counts_against_spam() -> None:
    quote = ("QUOTATION Q-4410. Prepared for Dr. Hale per your request. Exam light $640.00. "
             "To order, sign and fax back. Free delivery.")
    verdict = scored(quote)
    assert fired(verdict)["ordinary_document"] <= -2.0 and verdict.verdict == "ham"


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
    ids = ingest_items(services, items + training + heldout_e_items(), root)
    yield services, items, training, ids, root
    services.close()


def test_default_config_is_precise_and_catches_most_spam(corpus) -> None:
    services, items, _, ids, _ = corpus
    assert len(items) >= 30
    precision, recall = precision_recall(services, items, ids)
    assert precision >= 0.97 and recall >= 0.9, (precision, recall)


def verdicts(corpus, names: list[str]) -> dict[str, str]:
    services, _, _, ids, _ = corpus
    return {n: services.catalog.get_fax(ids[n])["spam_verdict"] for n in names}


def test_junk_faxes_in_other_languages_are_flagged(corpus) -> None:
    """A real German junk fax (a price list with a "Faxstop" line) once scored 1.5."""
    names = ["de-preisliste-faxstop", "de-keine-werbung", "fr-ne-plus-recevoir", "fr-stop-fax",
             "es-no-mas-faxes", "plain-de-angebot", "plain-fr-promo", "plain-es-oferta"]
    assert verdicts(corpus, names) == dict.fromkeys(names, "spam")


def test_opt_outs_on_later_pages_and_plain_solicitations_are_flagged(corpus) -> None:
    names = ["en-removal-p2", "de-abbestellen-p2", "fr-desinscription-p2",
             "es-darse-de-baja-p2", "plain-toner-prices", "plain-med-supplies",
             "plain-merchant-cash"]
    assert verdicts(corpus, names) == dict.fromkeys(names, "spam")


def test_no_ordinary_document_is_flagged(corpus) -> None:
    """Letters, manuals, printed web pages (one with an Unsubscribe button), invoices."""
    _, items, _, _, _ = corpus
    names = [i.name for i in items if i.label == "ham"]
    assert verdicts(corpus, names) == dict.fromkeys(names, "ham")


def test_set_e_through_the_pipeline(corpus) -> None:
    """Held-out set E: plain offers with a number to call (parking lot striping, an EHR, a
    gift catalogue, waiting-room furniture in Spanish), "Werbefaxe abstellen", "Vous ne voulez
    plus de nos fax ?", an opt-out on page 2; four of its seven junk faxes passed as ham. Its
    printed web page, EOB, device recall, reminder, lab result and letter stay ham."""
    items = heldout_e_items()
    got = verdicts(corpus, [i.name for i in items])
    assert got == {i.name: i.label for i in items}


def test_web_page_and_invoice_explanations(corpus) -> None:
    services, _, _, ids, _ = corpus
    page = {s["signal"] for s in json.loads(
        services.catalog.get_fax(ids["web-unsubscribe-button"])["spam_signals"])}
    assert "unsubscribe_only" in page and "opt_out_notice" not in page
    invoice = {s["signal"] for s in json.loads(
        services.catalog.get_fax(ids["invoice-save-deal"])["spam_signals"])}
    assert "advertising" not in invoice  # "save", "deal", "exclusive", "cartridge"


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
    assert "opt_out_notice" in text and "threshold 6.0" in text


def test_spam_is_kept_but_hidden_from_search(corpus) -> None:
    services, items, _, ids, root = corpus
    config = write_config(root / "faxvault.toml", root / "var")
    runner = CliRunner()
    hidden = json.loads(runner.invoke(cli, ["search", "cartridges", "--json", "--config",
                                            str(config)]).output)
    shown = json.loads(runner.invoke(cli, ["search", "cartridges", "--include-spam", "--json",
                                           "--config", str(config)]).output)
    spam = {ids[i.name] for i in items if i.label == "spam"}
    assert hidden and not {h["fax_id"] for h in hidden} & spam  # ham mentioning cartridges
    assert {h["fax_id"] for h in shown} >= {ids["toner-optout"]}
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


# -- junk fax described by what it is, not by one author's wording ------------------------------
@pytest.mark.parametrize("notice", [
    "Don't want faxes like this? Call 800-555-0231 (no charge) to be taken off.",
    "Prefer not to get our fax offers? Ring 800-555-0119 any time.",
    "Wrong office? Call 888-555-0107 and we will take your number off our list.",
    "Werbefaxe abstellen: 0421 555 9301",
    "Kein Interesse an Faxwerbung? Wir sperren Ihre Nummer: 030 555 1234.",
    "Bitte streichen Sie uns aus Ihrem Faxverteiler.",
    "Vous ne voulez plus de nos fax ? Signalez-le au 02 55 55 80 81.",
    "Pour être retiré de notre liste de diffusion, faxez STOP au 04 55 55 70 71.",
    "¿No quiere más ofertas por fax? Indíquelo en el 91 555 00 01.",
    "Si prefiere que le eliminemos de nuestra lista de envíos, llame al 93 555 00 02.",
])
def test_opt_out_wordings_nobody_listed(notice: str) -> None:
    """A wish to stop beside what is stopped (faxes, the sender's list, its ads) is an
    opt-out in any wording."""
    found = find_opt_out([notice])
    assert found is not None and found.about_faxes, notice


@pytest.mark.parametrize("text", [
    "CONFIDENTIAL: if you received this fax in error, please notify the sender and destroy "
    "all copies.",
    "Remove the fax document from the feeder before you open the cover.",
    "Stop using affected units and call 800-555-0243 to arrange a replacement.",
    "The old fax number stops working on Dec 31; please update your records.",
    "Employees who opt out of the dental plan must sign the waiver.",
    "Bitte Schutzstreifen entfernen und die Kartusche einsetzen.",
    "Merci de retirer les seringues de vos stocks.",
    "A callback that arrives after the window is refused; the fax it announced is not lost.",
    "End to end: a provider's PDF at fax resolution, then a mixed PDF, ingested and shown.",
    "Print in block letters and fax the form back to the ward.",
    "Accents are taken off the letters, since the fax fonts lack them.",
])
def test_instructions_and_notices_are_not_opt_outs(text: str) -> None:
    found = find_opt_out([text])
    assert found is None or not found.about_faxes, found


# Junk faxes no list of phrases foresaw: a plain offer with a number to call, a price list
# in another language, a pitch whose opt-out sits on page 2.
UNSEEN_JUNK = [
    ["PARKING LOT SWEEPING AND STRIPING", "Full restripe from $900. Free estimate this month.",
     "Call our office at 773-555-0290 to schedule."],
    ["Kaffee für Ihr Wartezimmer", "Vollautomat inkl. Wartung ab 39 € monatlich.",
     "Telefonische Beratung unter 0421 555 7000."],
    ["Mobilier pour salles d'attente", "Banquettes 3 places dès 145 € HT.",
     "Consultez le catalogue et passez commande au 03 55 55 40 40."],
    ["Uniformes sanitarios bordados", "Pijamas desde 19 €, batas desde 25 €.",
     "Haga su pedido por fax al 95 555 90 91."],
]


@pytest.mark.parametrize("pages", UNSEEN_JUNK)
def test_offers_with_a_number_to_call_are_flagged(pages: list[str]) -> None:
    verdict = scored(["\n".join(pages)])
    assert verdict.verdict == "spam", verdict.signals
    assert "solicitation" in fired(verdict)


def test_an_opt_out_on_page_two_in_new_words_is_flagged() -> None:
    pages = ["CREDENTIALING FOR NEW PROVIDERS\nWe enroll your doctors with 40+ payers.",
             "Flat $250 per payer. Reply today: 720-555-0230.\n"
             "Rather not hear from us by fax? Call 800-555-0231 and we will stop."]
    verdict = scored(pages)
    assert verdict.verdict == "spam" and "page 2" in next(
        s["detail"] for s in verdict.signals if s["signal"] == "opt_out_notice")


HARD_HAM = [
    ["https://www.practicenews.example/billing/2027-codes", "New billing codes in 2027",
     "Exclusive: what the deal between two payers means for you. Save this article.",
     "Subscribe | Unsubscribe | Privacy policy", "12/01/26, 9:14 AM   Page 1 of 1"],
    ["INVOICE 55120   Customer account 8812", "Toner cartridge CF258X, 4 units ... $412.00",
     "Exclusive contract price: you save $41.20 under your deal.", "Payment due net 30."],
    ["EXPLANATION OF BENEFITS", "Member: Ann Lowe   Claim 2026-11872",
     "Billed $410.00, allowed $260.00, you owe $52.00.", "Questions? Call 800-555-0177."],
    ["Dear Dr. Baker,", "Thank you for referring Mr. Tom Ellis (DOB 03/04/1958).",
     "We will see him on Monday. Call 617-555-0100 to reschedule.", "Sincerely, Dr. Chu"],
    ["FAX MACHINE USER GUIDE", "To stop a fax in progress, press STOP.",
     "Remove the fax document from the feeder and save the number in the phone book."],
    ["Rechnung Nr. 2026-551   Kundennummer 4410", "Toner schwarz, 3 Stück ... 117,00 EUR",
     "Sonderrabatt laut Rahmenvertrag 10 %.", "Zahlbar innerhalb von 14 Tagen ohne Abzug."],
    ["https://www.ordre-medecins.example/actualites", "Cotisation 2027 inchangée",
     "Accueil | Se désinscrire | Mentions légales"],
    ["PRESUPUESTO 2026-118 para Clínica Sonrisa", "Según lo acordado: sillón dental, 6.900 €.",
     "Descuento cliente 5 %. Validez 30 días. Dudas: 91 555 52 52."],
    ["URGENT: DEVICE RECALL", "Infusion pump IP-220, lots 4410 to 4490.",
     "Stop using affected units and call 800-555-0243 to arrange replacement",
     "at no charge to you."],
]


@pytest.mark.parametrize("pages", HARD_HAM)
def test_ordinary_documents_that_look_like_offers_are_not_flagged(pages: list[str]) -> None:
    verdict = scored(["\n".join(pages)])
    assert verdict.verdict == "ham" and verdict.score < 3.5, verdict.signals


def test_the_model_signal_explains_itself() -> None:
    verdict = scored(["OFFICE WATER COOLERS\nBottle-free filtered water, rent from $29 a "
                      "month, first month free.\nCall 555-201-0199 to order."])
    model = next(s for s in verdict.signals if s["signal"] == "model")
    assert model["weight"] > 0 and "like junk faxes (most: " in model["detail"]
    assert scored(["hello", "world"]).signals == []  # too few words: the model says nothing


def test_the_shipped_model_is_the_one_its_training_script_makes() -> None:
    """ingest/spam_model.json comes from benchmarks/spam_train.py and its training faxes, not
    from hand edits: retraining reproduces it."""
    from benchmarks.spam_train import fit, shipped_examples
    from ingest.spam_model import shipped_model

    retrained = fit(shipped_examples())
    shipped = shipped_model()
    assert round(retrained.bias, 4) == shipped.bias
    assert {k: round(v, 4) for k, v in retrained.weights.items()} == shipped.weights


def _read_as_ham_and_found(tmp_path: Path, ocr_pool, page: Path, word: str) -> None:
    """Ingest the one-page fax ``page`` (no caller id), run it through the pipeline, and
    assert that it is not flagged and that a search for ``word`` finds it."""
    import asyncio

    from ingest.local import ingest_file
    from ingest.worker import worker_loop
    from storage.search import SearchFilters, search_pages

    services = open_services(make_config(tmp_path / "var"), pool=ocr_pool)
    try:
        fax_id = ingest_file(services, page).fax_id
        asyncio.run(worker_loop(services, asyncio.Event(), fax_ids=[fax_id], until_idle=True))
        fax = services.catalog.get_fax(fax_id)
        assert fax["spam_verdict"] == "ham", fax["spam_signals"]
        hits = search_pages(services.catalog, word, SearchFilters())
        assert fax_id in {hit["fax_id"] for hit in hits}
    finally:
        services.close()


def test_rental_terms_written_apart_from_the_scorer_are_not_flagged(tmp_path: Path,
                                                                     ocr_pool) -> None:
    """An ordinary document nobody wrote for the scorer: the 8 pt rental terms of the held-out
    OCR set G (tests/ocr_layouts_g.py), its clean 204x98 page read through the pipeline. Its
    prices, deposits and cancellation terms scored 5.68; at the former threshold of 5.0 it was
    flagged and hidden from search (benchmarks/RESULTS.md, "the threshold raised to 6.0")."""
    from tests.ocr_layouts_g import LAYOUTS_G, make_layout_page

    terms = next(doc for doc in LAYOUTS_G if doc.name == "rental-terms")
    _read_as_ham_and_found(tmp_path, ocr_pool,
                           make_layout_page(tmp_path, terms, "204x98", "clean"), "WOR-02")


def test_a_patient_statement_written_for_ocr_is_not_flagged(tmp_path: Path, ocr_pool) -> None:
    """Another ordinary document nobody wrote for the scorer: the account statement of the OCR
    tuning set (tests/ocr_layouts.py), clean 204x98, through the pipeline. Its row "Office
    visit, level 3 145.00 145.00" was read as a request to act ("visit") beside a number to
    call ("3 145.00 145.00"), an offer ("$43.50") with it: 6.44 with no caller id, flagged
    and hidden from search (benchmarks/RESULTS.md, "Line errors")."""
    from ingest.spam_kinds import _has_phone_number
    from tests.ocr_layouts import TUNING_LAYOUTS, make_layout_page

    assert not _has_phone_number("office visit, level 3 145.00 145.00")
    assert _has_phone_number("office visit: call 503.555.0116")
    assert _has_phone_number("total 145.00, call 503 555 0116")
    statement = next(doc for doc in TUNING_LAYOUTS if doc.name == "statement")
    _read_as_ham_and_found(tmp_path, ocr_pool,
                           make_layout_page(tmp_path, statement, "204x98", "clean"),
                           "Venipuncture")


def test_the_verdicts_model_is_kept_until_a_verdict_or_a_judged_text_changes(
        tmp_path: Path) -> None:
    """Training reads every judged fax, so it runs once per change of the verdicts, not once
    per fax scored; and a verdict given since is in the next fax's model."""
    from ingest.spam import VerdictModel
    from storage.backend import CatalogLocation, open_catalog
    from tests.test_search import add_page

    catalog = open_catalog(CatalogLocation(sqlite_path=tmp_path / "catalog.sqlite3"))

    def judged(fax_id: str, text: str, verdict: str) -> None:
        add_page(catalog, fax_id, text)
        catalog.record_spam_feedback(fax_id, verdict, "operator")

    judged("a", "cheap toner cartridges delivered overnight", "spam")
    judged("b", "lab results for your patient attached", "ham")
    kept = VerdictModel()
    first = kept.current(catalog)
    assert kept.current(catalog) is first  # nothing changed: not trained again
    assert "zebra" not in first.counts["spam"]
    judged("c", "zebra print office chairs at half price", "spam")
    second = kept.current(catalog)
    assert "zebra" in second.counts["spam"] and second.docs["spam"] == 2
    assert kept.current(catalog) is second
    catalog.replace_page("b", {"page_no": 1, "width_px": 1, "height_px": 1, "xdpi": 204,
                               "ydpi": 98, "text": "lab results, quokka panel", "confidence": 90})
    assert "quokka" in kept.current(catalog).counts["ham"]
    catalog.close()


def test_a_blocklisted_number_written_as_people_write_it_blocks_the_sender(
        tmp_path: Path) -> None:
    """spam.blocklist and allowlist numbers are compared as numbers, however they are
    written in the configuration, for every fax scored."""
    from ingest.config import config_from_mapping
    from ingest.spam import score_fax
    from storage.backend import CatalogLocation, open_catalog

    catalog = open_catalog(CatalogLocation(sqlite_path=tmp_path / "catalog.sqlite3"))
    config = config_from_mapping({"paths": {"data_dir": str(tmp_path)},
                                  "spam": {"blocklist": ["(615) 555-0144", "615.555.0145"],
                                           "allowlist": ["+1 615 555 0146"]}}, env={})
    for n, sender in enumerate(("+16155550144", "+16155550145", "+16155550146", "+16155550147")):
        catalog.insert_fax_row({"id": f"f{n}", "provider": "local", "provider_fax_id": f"f{n}",
                                "from_number": sender, "received_at": "now", "mailbox": None,
                                "created_at": "now", "updated_at": "now"})
        catalog.replace_page(f"f{n}", {"page_no": 1, "width_px": 1, "height_px": 1,
                                       "xdpi": 204, "ydpi": 98, "confidence": 90,
                                       "text": "Lab results for your patient attached."})
    signals = [{s["signal"] for s in score_fax(catalog, config, f"f{n}").signals}
               for n in range(4)]
    assert ["blocklist" in s for s in signals] == [True, True, False, False]
    assert ["allowlist" in s for s in signals] == [False, False, True, False]
    catalog.close()
