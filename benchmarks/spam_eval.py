"""Spam flagging quality through the real pipeline (render, OCR, score): precision and recall
with the default configuration, then after an operator marks the training faxes (the learned
signal), on two labelled sets side by side in one run:

- tuning: tests/spam_corpus.py, the set the scorer's patterns and weights were chosen on;
- held-out A: tests/spam_heldout.py, written before tuning; scored once, then its misses were
  studied (from then on it is a development set, not a held-out one);
- held-out B: tests/spam_heldout_b.py, written after that one look; scored once, then its
  misses were studied too (a development set from then on);
- held-out C: tests/spam_heldout_c.py, written after B's look; scored once, then its misses
  were studied (a development set from then on);
- held-out D: tests/spam_heldout_d.py, written after C's look; scored once, then its misses
  were studied (a development set from then on);
- held-out E: tests/spam_heldout_e.py, written after D's look and never tuned on until the
  concept scorer (ingest/spam.py) and the shipped model: from then on a development set too;
- held-out G: tests/spam_heldout_g.py, written after the concept scorer and the model were
  finished, scored once, then its two misses studied (a development set from then on);
- held-out F: tests/spam_heldout_f.py, written by an author who had read neither the scorer
  nor the other sets; scored once with main's scorer before this one existed (its first
  look: recall 0.480), then once with the concept scorer (recall 0.740); then released for
  study: from the kinds-of-junk change on (dressed-as-bill concept, offers with a number,
  ingest/spam_model.json trained on it too) a development set like the others;
- held-out H: tests/spam_heldout_h.py (70 junk / 70 legitimate), written by another author
  who read neither the scorer, its model, nor any set here, while the kinds-of-junk change
  was being made; scored once after it (precision 0.966, recall 0.814), then released for
  study: from the change that followed (registry offers disowning an official body, offers
  with no price, blank form fields, the learned signal weighted by what it knows) a
  development set like the others;
- held-out I: tests/spam_heldout_i.py (60 junk / 60 legitimate), written by a third author
  who read neither the scorer, its model, nor any set here, while H was being studied;
  scored once after that change (precision 0.979, recall 0.767), then released for study:
  from the offers-to-strangers change on (offers with a way to respond and no mark of
  correspondence, the model louder for them, stated relationships) a development set too.

- held-out J and K: tests/spam_heldout_j.py, tests/spam_heldout_k.py (60 junk / 60
  legitimate each), written by two more authors who read nothing of the project, committed
  before they were scored, and scored once with main's scorer and once after the
  offers-to-strangers change (J 0.982 / 0.900, K 1.000 / 0.850: benchmarks/RESULTS.md); then
  released for study: the change that followed (phishing forms asking for secrets, offers
  calling themselves a private business or billing for an entry in the sender's own
  register, blank label blocks, role greetings, attention lines, meeting minutes, school
  letters) was written after reading their misses, so their figures are fitting figures for
  the concepts. Until 2026-12-05 they were in no model's training (retrained on them too,
  the model of then read two junk kinds tests/test_spam_kinds.py pins, a pledge drive and a
  gutter offer, as ordinary); the model of 2026-12-05 learns from them (see below).
- held-out L and M: tests/spam_heldout_l.py, tests/spam_heldout_m.py (60 junk / 60
  legitimate each), written by two more authors who read nothing of the project, after J and
  K were scored; committed before they were scored, and scored once with main's scorer and
  once after the J/K change (L 0.981 / 0.850, M 0.962 / 0.833: benchmarks/RESULTS.md); then
  released for study: the change that followed (offers that bind on payment or call
  themselves a private trade, more secret fields, numbers crossed out to opt out, pitches to
  businesses like the reader's, scare offers threatening fines; bookings, contracts and
  clerks as correspondence) was written after reading their misses and false positives, so
  their figures are fitting figures. Like J and K they were in no model's training until 2026-12-05.
- held-out N and O: tests/spam_heldout_n.py, tests/spam_heldout_o.py (60 junk / 60
  legitimate each), by two more such authors, written while L and M were being studied;
  committed before they were scored, and scored once with main's scorer and once after the
  L/M change (N 0.980 / 0.800, O 1.000 / 0.567: benchmarks/RESULTS.md); then released for
  study: the change that followed (notices pressing a stranger with a loss within hours or
  days, offers to sign after a conversation claimed with nobody named, circulars to the
  sender's own members) was written after reading their misses and their flagged
  legitimate fax, so their figures are fitting figures. Like J-M they were in no model's
  training.
- held-out P and Q: tests/spam_heldout_p.py, tests/spam_heldout_q.py (60 junk / 60
  legitimate each), by two more such authors, written while N and O were being studied;
  committed before they were scored, and scored once with main's scorer and once after the
  N/O change (P 0.980 / 0.817, Q 0.950 / 0.633: benchmarks/RESULTS.md); then released for
  study: the change that followed (secrets asked in prose, default judgments and losses after
  days pressing a stranger, notes chasing an earlier offer, notices claiming records about an
  unnamed reader, windfalls sold for a fee, opt-outs asked as a question or an objection,
  interest-free financing, calls claimed with a role; purchase orders naming their supplier,
  members' circulars, a recall's lots as correspondence) was written after reading their
  misses and their flagged legitimate faxes, so their figures are fitting figures. Like J-O
  they were in no model's training until 2026-12-05.
- held-out R, S and T: tests/spam_heldout_r.py, tests/spam_heldout_s.py,
  tests/spam_heldout_t.py (60 junk / 60 legitimate each), by three more such authors,
  written while P and Q were being studied; committed before they were scored, and scored
  once before and once after the P/Q change (R 0.974 / 0.633, S 1.000 / 0.750, T 0.944 /
  0.850: benchmarks/RESULTS.md); then released for study: the change that followed (prices
  written with a currency's code, fines threatened in more words, signatures and renewals
  that order, price targets beside a symbol, parcels given up after hours, blank birth
  dates, secrets' fields with a note, offers with no price sign; bulletins for the sender's
  members, ranks greeting a reader, command lines with a count as no junk) was written after
  reading their misses and their flagged legitimate faxes, so their figures are fitting
  figures. Like J-Q they were in no model's training until 2026-12-05.
- held-out U, V and W: tests/spam_heldout_u.py, tests/spam_heldout_v.py,
  tests/spam_heldout_w.py (60 junk / 60 legitimate each), by three more such authors,
  written while R, S and T were being studied; committed before they were scored, and scored
  once before and once after the R/S/T change (U 1.000 / 0.833, V 0.962 / 0.850, W 0.981 /
  0.850: benchmarks/RESULTS.md); then released for study: the change that followed (debts
  passed to collectors or to court within days, owed by nobody named; small print ordering a
  paid entry; one fine or a lost insurance threatened to sell a service; card codes as OCR
  reads them and codes sent by text message; notes claiming a call addressed to a role;
  roles greeted after a title; shares promised to multiply, savings claimed in a range;
  prices in dirhams and soles; minutes, both sides' file numbers and a bulletin received as
  a member as correspondence) was written after reading their misses and their flagged
  legitimate faxes, so their figures are fitting figures. Like J-T they were in no model's
  training.
- held-out X, Y and Z: tests/spam_heldout_x.py, tests/spam_heldout_y.py,
  tests/spam_heldout_z.py (60 junk / 60 legitimate each), by three more such authors,
  written while U, V and W were being studied; committed before they were scored, and scored
  once before and once after the U/V/W change (X 1.000 / 0.900, Y 0.981 / 0.850, Z 0.982 /
  0.900: benchmarks/RESULTS.md); then released for study: the change that followed (debts
  referred to collectors, lawyers or credit bureaus within days, and a listing's debt so
  pressed; security questions and card numbers asked as identification; signatures worth an
  order; numbers deleted and sheets stopped as opt-outs; a finder's cut of unclaimed funds;
  returns guaranteed, loans pre-approved, fines avoided and appointments to confirm; union
  bulletins, formal Spanish greetings and tax numbers as correspondence) was written after
  reading their misses and their flagged legitimate faxes, so their figures are fitting
  figures. Like J-W they were in no model's training until 2026-12-05.
- held-out AA, AB and AC: tests/spam_heldout_aa.py, tests/spam_heldout_ab.py,
  tests/spam_heldout_ac.py (60 junk / 60 legitimate each), by three more such authors,
  written while X, Y and Z were being studied; committed before they were scored, and scored
  once before and once after the X/Y/Z change (AA 1.000 / 0.833, AB 0.966 / 0.933, AC 0.945 /
  0.867: benchmarks/RESULTS.md); then released for study: the change that followed (debts
  pressed by collectors in more words, and a date as a deadline in a threat's own sentence;
  card numbers for identity beside their expiry and web-banking users; order forms signed
  and returned; closure and refused claims as scares, prices in bolivianos and guaraníes;
  calls claimed then silence taken for consent, thanks for business addressed to a role;
  subscribers, account holders, insured persons, "Nro." references and press releases as
  correspondence) was written after reading their misses and their flagged legitimate
  faxes, so their figures are fitting figures. Like J-Z they were in no model's training
  until 2026-12-05.
- held-out AD, AE and AF: tests/spam_heldout_ad.py, tests/spam_heldout_ae.py,
  tests/spam_heldout_af.py (60 junk / 60 legitimate each), by three more such authors,
  written after AA-AC were scored; committed before they were scored, and scored once before
  and once after the AA/AB/AC change (AD 1.000 / 0.817, AE 0.983 / 0.950, AF 0.982 / 0.900:
  benchmarks/RESULTS.md); then released for study: the change that followed (payments
  diverted to a new bank account after a claimed call; domain notices from a registrar that
  does not hold the domain; donation appeals with an account to give into, business owners
  greeted as nobody, the payee's account as no reference; introductions of a stranger's
  services, launch discounts; buyers and sellers named, bills of lading, the reader's
  shipment and a reply to a voicemail as correspondence; a fax machine's receive mode and a
  customs classification as no junk) was written after reading their misses, their flagged
  legitimate faxes and those near the threshold, so their figures are fitting figures. Like
  J-AC they were in no model's training until 2026-12-05.
- held-out AG, AH and AI: tests/spam_heldout_ag.py, tests/spam_heldout_ah.py,
  tests/spam_heldout_ai.py (60 junk / 60 legitimate each), by three more such authors,
  written while AA-AC were being studied; committed before they were scored, scored once
  with the scorer after the AA/AB/AC change (AG 0.980 / 0.833, AH 1.000 / 0.850, AI 0.979 /
  0.783: benchmarks/RESULTS.md) and once after the AD/AE/AF change (AG 0.981 / 0.850, the
  others unchanged); held out.
- held-out AJ, AK and AL: tests/spam_heldout_aj.py, tests/spam_heldout_ak.py,
  tests/spam_heldout_al.py (60 junk / 60 legitimate each), by three more such authors,
  written after the AD/AE/AF change; committed before they were scored, scored once with
  that scorer (AJ 0.930 / 0.883, AK 0.983 / 0.967, AL 0.982 / 0.917: benchmarks/RESULTS.md);
  then released for study: the change that followed (appeals for gifts to strangers, services
  sold with no price printed, doses priced in a list, fines to avoid in more words; customers
  with an account or a contract, partners, a court's warning about private providers, a tax
  office's login named in prose, replies to the reader's own claim) was written after reading
  their misses and their flagged legitimate faxes, so their figures are fitting figures. Like
  J-AF they were in no model's training until 2026-12-05.
- held-out AM, AN and AO: tests/spam_heldout_am.py, tests/spam_heldout_an.py,
  tests/spam_heldout_ao.py (60 junk / 60 legitimate each), by three more such authors,
  written while AJ-AL were being studied; committed before they were scored, scored once
  with the scorer before and once after the AJ/AK/AL change (AM 0.983 / 0.967, AN 0.952 /
  0.983, AO 0.981 / 0.883 after it: benchmarks/RESULTS.md); then released for study: the
  change that followed (an offer's own payment terms, doses in a priced list, medicines
  sold without a prescription; the reader's tax or company number, a reference to quote)
  was written after reading their misses and flagged legitimate faxes, so their figures are
  fitting figures. Like J-AL they were in no model's training until 2026-12-05.
- held-out AP, AQ and AR: tests/spam_heldout_ap.py, tests/spam_heldout_aq.py,
  tests/spam_heldout_ar.py (60 junk / 60 legitimate each), by three more such authors,
  written while AM-AO were being studied; committed before they were scored, scored once
  with each scorer of that day up to the AM/AN/AO change (AP 1.000 / 0.933, AQ 0.948 /
  0.917, AR 0.982 / 0.917 after it: benchmarks/RESULTS.md); then released for study: the
  change that followed (an official warning about private providers' offers, a regulator's
  stated penalty, a subscriber's own number, personal notes, a cash office's reference) was
  written after reading their flagged legitimate faxes and misses, so their figures are
  fitting figures. Like J-AO they were in no model's training until 2026-12-05.
- held-out AS, AT and AU: tests/spam_heldout_as.py, tests/spam_heldout_at.py,
  tests/spam_heldout_au.py (60 junk / 60 legitimate each), by three more such authors,
  written while AP-AR were being studied; committed before they were scored, scored once
  with each of that day's four scorers (AS 0.933 / 0.933, AT 0.983 / 0.983, AU 0.983 / 0.950
  with the last: benchmarks/RESULTS.md); then released for study: the change that followed
  (a court naming its case's parties, the reader's own agreement, grouped references, more
  offers that say what they are) was written after reading their flagged legitimate faxes
  and misses, so their figures are fitting figures. Like J-AR they were in no model's
  training until 2026-12-05.
- held-out AV, AW and AX: tests/spam_heldout_av.py, tests/spam_heldout_aw.py,
  tests/spam_heldout_ax.py (60 junk / 60 legitimate each), by three more such authors,
  written while AS-AU were being studied; committed before they were scored, scored once
  with the scorer before and after the AS/AT/AU change (0.953 / 0.911 with both:
  benchmarks/RESULTS.md); then released for study: the change that followed (circulars
  numbered in their series, a printed web page's unsubscribe, a penalty's terms) was written
  after reading their flagged legitimate faxes and misses, so their figures are fitting
  figures. Like J-AU they were in no model's training until 2026-12-05.
- held-out AY, AZ and BA: tests/spam_heldout_ay.py, tests/spam_heldout_az.py,
  tests/spam_heldout_ba.py (60 junk / 60 legitimate each), by three more such authors,
  written while AV-AX were being studied; committed before they were scored, scored once
  with each of that day's three scorers up to the AV/AW/AX change (0.983 / 0.944 after it:
  benchmarks/RESULTS.md); then released for study: the change that followed (whole-word
  secret fields, booking codes in groups, investors and teams greeted as a trade) was written
  after reading their flagged legitimate faxes and misses, so their figures are fitting
  figures. Like J-AX they were in no model's training until 2026-12-05.
- held-out BB, BC and BD: tests/spam_heldout_bb.py, tests/spam_heldout_bc.py,
  tests/spam_heldout_bd.py (60 junk / 60 legitimate each), by three more such authors,
  written while AY-BA were being studied; committed before they were scored, scored once
  with each of that day's four scorers up to the AY/AZ/BA change (0.988 / 0.939 after it:
  benchmarks/RESULTS.md); then released for study: the change that followed (an Austrian
  file number, colleagues greeted as a group, doses priced after an abbreviation) was
  written after reading their flagged legitimate faxes and misses, so their figures are
  fitting figures. Like J-BA they were in no model's training until 2026-12-05.
- held-out BE, BF and BG: tests/spam_heldout_be.py, tests/spam_heldout_bf.py,
  tests/spam_heldout_bg.py (60 junk / 60 legitimate each), by three more such authors,
  written while BB-BD were being studied; committed before they were scored, scored once
  with each of that day's scorers (0.989 / 0.956 after the BB/BC/BD change); then released
  for study: the change that followed (credit offered to a class of buyers, ads sold by size,
  a table's row of small figures) was written after reading their flagged legitimate faxes
  and misses, so their figures are fitting figures.
- held-out BH, BI and BJ: tests/spam_heldout_bh.py, tests/spam_heldout_bi.py,
  tests/spam_heldout_bj.py (60 junk / 60 legitimate each), by three more such authors,
  written while BE-BG were being studied; committed before they were scored, scored once
  with the scorer before and after the BE/BF/BG change (0.983 / 0.961 after it:
  benchmarks/RESULTS.md); then released for study: the change that followed (container
  numbers, ratepayers, account holders, a bid on the reader's call for tenders) was written
  after reading their flagged legitimate faxes and misses, so their figures are fitting
  figures.
- held-out BK, BL and BM: tests/spam_heldout_bk.py, tests/spam_heldout_bl.py,
  tests/spam_heldout_bm.py (60 junk / 60 legitimate each), by three more such authors,
  written while BH-BJ were being studied; committed before they were scored, scored once
  with each scorer since 69d5e9d (0.972 / 0.967 after the BH/BI/BJ change:
  benchmarks/RESULTS.md); then released for study: the change that followed (why a circular
  is received, Austrian offices' file numbers, insurers' policyholders, a first name alone on
  its line) was written after reading their flagged legitimate faxes and misses, so their
  figures are fitting figures.
- held-out BN, BO and BP: tests/spam_heldout_bn.py, tests/spam_heldout_bo.py,
  tests/spam_heldout_bp.py (60 junk / 60 legitimate each), by three more such authors,
  written while BK-BM were being studied; committed before they were scored, scored once
  with each scorer since 69d5e9d (0.983 / 0.961 after the BK/BL/BM change:
  benchmarks/RESULTS.md); then released for study: the change that followed (dealers'
  numbers and bulletins, a show's exhibitor, a building named Court) was written after
  reading their flagged legitimate faxes and misses, so their figures are fitting figures.
- held-out BQ, BR and BS: tests/spam_heldout_bq.py, tests/spam_heldout_br.py,
  tests/spam_heldout_bs.py (60 junk / 60 legitimate each), by three more such authors,
  written while BN-BP were being studied; committed before they were scored, scored once
  with each scorer since 69d5e9d (0.977 / 0.944 after the BN/BO/BP change:
  benchmarks/RESULTS.md); only counts and flagged names looked at, held out.
- held-out BT, BU and BV: tests/spam_heldout_bt.py, tests/spam_heldout_bu.py,
  tests/spam_heldout_bv.py (60 junk / 60 legitimate each), by three more such authors,
  committed before they were scored, scored once with the scorer after the BN/BO/BP change
  at its threshold and at a higher one chosen on BH-BS (benchmarks/RESULTS.md); held out
  until their misses and flagged faxes were read for the account-number change (2026-12-05).
- held-out BW, BX and BY: tests/spam_heldout_bw.py, tests/spam_heldout_bx.py,
  tests/spam_heldout_by.py (60 junk / 60 legitimate each), by three more such authors,
  committed before they were scored, scored once with the scorer as it stood after the
  BN/BO/BP change, at its threshold and at the higher one (benchmarks/RESULTS.md); held out
  until read with BT-BV (2026-12-05).
- held-out BZ, CA and CB: tests/spam_heldout_bz.py, tests/spam_heldout_ca.py,
  tests/spam_heldout_cb.py (60 junk / 60 legitimate each), by three more such authors,
  committed before they were scored, scored once before and once after two marks of
  correspondence (an account number in letter groups, a clinician's field; benchmarks/
  RESULTS.md); held out until their misses were read for the change that CC-CE measure
  (2026-12-05).
- held-out CC, CD and CE: tests/spam_heldout_cc.py, tests/spam_heldout_cd.py,
  tests/spam_heldout_ce.py (60 junk / 60 legitimate each), by three more such authors,
  committed before they were scored, scored once with the scorer of 8c5069f and once after
  the BZ/CA/CB change (benchmarks/RESULTS.md); held out until their misses were read for
  the change that CF-CH measure (2026-12-05).
- held-out CF, CG and CH: tests/spam_heldout_cf.py, tests/spam_heldout_cg.py,
  tests/spam_heldout_ch.py (60 junk / 60 legitimate each), by three more such authors,
  committed before they were scored, scored once with the scorer of ded6752 and once after
  the CC/CD/CE change (benchmarks/RESULTS.md); held out.
- held-out CI, CJ and CK: tests/spam_heldout_ci.py, tests/spam_heldout_cj.py,
  tests/spam_heldout_ck.py (60 junk / 60 legitimate each), by three more such authors,
  committed before they were scored, scored once with the scorer of 0257fa8 and once with
  the model trained on every set but the held-out ones (benchmarks/RESULTS.md); held out.
- held-out CL, CM and CN: tests/spam_heldout_cl.py, tests/spam_heldout_cm.py,
  tests/spam_heldout_cn.py (60 junk / 60 legitimate each), by three more such authors,
  committed before they were scored, scored once with the scorer of 6929252 (the model
  trained on every set but the held-out ones, at its second fresh look), then again after
  each of the two lexicon changes that followed, which changed no verdict
  (benchmarks/RESULTS.md); held out.
- held-out CO, CP and CQ: tests/spam_heldout_co.py, tests/spam_heldout_cp.py,
  tests/spam_heldout_cq.py (60 junk / 60 legitimate each), by three more such authors,
  committed before they were scored, scored once with the scorer of fed51df (the model
  trained on every set but the held-out ones, at its third fresh look; benchmarks/RESULTS.md);
  held out.
- held-out CR, CS and CT: tests/spam_heldout_cr.py, tests/spam_heldout_cs.py,
  tests/spam_heldout_ct.py (60 junk / 60 legitimate each), by three more such authors,
  committed before they were scored, scored once with the scorer of 1b85dee (after the
  manuals' password change; benchmarks/RESULTS.md); held out.

Apart from J-BP and BT-CE (studied for the concepts only) and AG-AI, BQ-BS and CF-CT (held
out) every set is studied. Since 2026-12-05 the shipped model (ingest/spam_model.json) is
trained on the written training faxes *and* on every set but those held out
(benchmarks/spam_train.py ``HELD_OUT_SETS``), the sets studied for the concepts only among
them; until then it learned from tuning and A-I alone. So the default-configuration figures of
every set but the held-out ones are training figures. The honest figure for the model is the
cross-validation that follows, on the same OCR'd text: the sets it trains on split into
five folds, the model retrained on the written training faxes plus the other folds, and the
whole scorer run on the fold left out. (The hand-written concepts were written looking at
every studied set: only a set written after them, and scored once, tests them.)
``--by-author`` adds the nearest thing to that here: each set of training faxes written by
another author (benchmarks/spam_train.py ``written_sets``) scored as printed by a model
trained without it.

OCR'ing every set takes a while on a small machine: benchmarks/spam_texts.py saves the OCR'd
text once, and ``--texts FILE`` scores, cross-validates and leaves authors out from it (the
operator-marks step needs the pipeline and is skipped).

    python benchmarks/spam_eval.py [--no-cv] [--set "held-out F"]   (--set: that set only)
    python benchmarks/spam_texts.py texts.json
    python benchmarks/spam_eval.py --texts texts.json [--no-cv] [--by-author] [--set ...]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# The labelled sets no model learns from (benchmarks/spam_train.py): the cross-validation
# neither trains on them nor leaves them out. Until 2026-12-05 every set after I was kept out
# of the model's training too (J and K, retrained on, made the model of then read two junk
# kinds the tests pin as ordinary); the model of 2026-12-05 learns from every other set.
from benchmarks.spam_train import HELD_OUT_SETS


def describe(name: str, items: list) -> str:
    spam = sum(1 for i in items if i.label == "spam")
    return f"{name}: {len(items)} faxes ({spam} spam, {len(items) - spam} legitimate)"


def report(label: str, services, sets: dict[str, list], ids: dict[str, str]) -> None:
    from tests.spam_corpus import precision_recall

    for name, items in sets.items():
        precision, recall = precision_recall(services, items, ids)
        wrong = [f"{i.name}({'missed' if i.label == 'spam' else 'flagged'})" for i in items
                 if (services.catalog.get_fax(ids[i.name])["spam_verdict"] == "spam")
                 != (i.label == "spam")]
        print(f"  {label:<24} {name:<10} precision {precision:.3f}  recall {recall:.3f}"
              f"  wrong: {', '.join(wrong) or '-'}")


@dataclass(frozen=True)
class FaxText:
    """What the scorer reads of one labelled fax: its OCR'd pages and sender."""

    label: str
    pages: list[str]
    from_number: str | None
    from_raw: str | None


def catalog_texts(services, sets: dict[str, list], ids: dict[str, str],
                  ) -> dict[str, dict[str, FaxText]]:
    """Set name -> fax name -> what the catalog holds of it after the pipeline ran."""
    texts: dict[str, dict[str, FaxText]] = {}
    for name, items in sets.items():
        texts[name] = {}
        for i in items:
            fax = services.catalog.get_fax(ids[i.name])
            texts[name][i.name] = FaxText(
                i.label, [p["text"] or "" for p in services.catalog.pages(fax["id"])],
                fax["from_number"], fax["from_raw"])
    return texts


def load_texts(path: Path) -> dict[str, dict[str, FaxText]]:
    """The OCR'd text benchmarks/spam_texts.py saved."""
    saved = json.loads(path.read_text(encoding="utf-8"))
    return {name: {fax: FaxText(**doc) for fax, doc in faxes.items()}
            for name, faxes in saved.items()}


def score_set(label: str, name: str, faxes: dict[str, FaxText], model=None,
              weights=None) -> None:
    """Precision, recall, what is wrong and the highest-scoring legitimate fax, by the scorer
    of this tree (``model``: the junk model to use, default the shipped one)."""
    from ingest.spam import SpamWeights, score

    tp = fp = fn = 0
    wrong, highest = [], (float("-inf"), "-")
    for fax_name, fax in faxes.items():
        verdict = score(page_texts=fax.pages, from_number=fax.from_number,
                        from_raw=fax.from_raw, provider_is_spam=False,
                        weights=weights or SpamWeights(), blocklist=set(), allowlist=set(),
                        junk_model=model)
        spam, flagged = fax.label == "spam", verdict.verdict == "spam"
        tp += spam and flagged
        fp += not spam and flagged
        fn += spam and not flagged
        if flagged != spam:
            wrong.append(f"{fax_name}({'missed' if spam else 'flagged'})")
        if not spam:
            highest = max(highest, (verdict.score, fax_name))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"  {label:<24} {name:<10} precision {precision:.3f}  recall {recall:.3f}"
          f"  highest legitimate {highest[0]:.2f} ({highest[1]})"
          f"  wrong: {', '.join(wrong) or '-'}", flush=True)


# Folds of labelled sets for the cross-validation: with every set in the model's training
# (benchmarks/spam_train.py), leaving one set out at a time would mean 70 fits of minutes each.
CV_FOLDS = 5


def cross_validate(texts: dict[str, dict[str, FaxText]], only: list[str] | None = None,
                   folds: int = CV_FOLDS) -> None:
    """Leave sets out: the labelled sets the model trains on split into ``folds`` folds (every
    ``folds``-th set); for each, the model retrained on the written training faxes plus the
    other folds' OCR'd text, and the whole scorer run on the fold's sets. ``only``: score
    these sets only (each still left out with its fold)."""
    from benchmarks.spam_train import fit, training_examples

    base = training_examples()
    trained = [name for name in texts if name not in HELD_OUT_SETS]
    for k in range(folds):
        fold = trained[k::folds]
        if only and not set(fold) & set(only):
            continue
        model = fit(base + [(fax.label, fax.pages) for name in trained if name not in fold
                            for fax in texts[name].values()])
        for held in fold:
            if not only or held in only:
                score_set(f"model without fold {k + 1}", held, texts[held], model=model)


def by_author(texts: dict[str, dict[str, FaxText]]) -> None:
    """Leave one author out: each set of written training faxes by another author scored (as
    printed) by the scorer with a model trained on everything but that set, as if it were
    held out; the scorer's concepts were written before those sets were read."""
    from benchmarks.spam_train import fit, training_examples, written_sets

    labelled = [(fax.label, fax.pages) for name, faxes in texts.items()
                if name not in HELD_OUT_SETS for fax in faxes.values()]
    for held in written_sets():
        model = fit(training_examples(leave_out=held) + labelled)
        score_set("model without " + held, held, written_faxes(held), model=model)


def written_faxes(name: str) -> dict[str, FaxText]:
    """One set of written training faxes by name, with their senders (as printed)."""
    import importlib

    number = name.split()[-1]
    module = importlib.import_module(f"tests.spam_training_written_{number}")
    return {fax_name: FaxText(label, ["\n".join(page) for page in pages], sender or None,
                              sender or None)
            for label, faxes in (("spam", module.SPAM), ("ham", module.HAM))
            for fax_name, sender, pages in faxes}


def all_sets() -> dict[str, list]:
    """Every labelled set, by name: the studied ones, then those held out."""
    from benchmarks.spam_train import labelled_sets
    from tests.spam_heldout_aa import heldout_aa_items
    from tests.spam_heldout_ab import heldout_ab_items
    from tests.spam_heldout_ac import heldout_ac_items
    from tests.spam_heldout_ad import heldout_ad_items
    from tests.spam_heldout_ae import heldout_ae_items
    from tests.spam_heldout_af import heldout_af_items
    from tests.spam_heldout_ag import heldout_ag_items
    from tests.spam_heldout_ah import heldout_ah_items
    from tests.spam_heldout_ai import heldout_ai_items
    from tests.spam_heldout_aj import heldout_aj_items
    from tests.spam_heldout_ak import heldout_ak_items
    from tests.spam_heldout_al import heldout_al_items
    from tests.spam_heldout_am import heldout_am_items
    from tests.spam_heldout_an import heldout_an_items
    from tests.spam_heldout_ao import heldout_ao_items
    from tests.spam_heldout_ap import heldout_ap_items
    from tests.spam_heldout_aq import heldout_aq_items
    from tests.spam_heldout_ar import heldout_ar_items
    from tests.spam_heldout_as import heldout_as_items
    from tests.spam_heldout_at import heldout_at_items
    from tests.spam_heldout_au import heldout_au_items
    from tests.spam_heldout_av import heldout_av_items
    from tests.spam_heldout_aw import heldout_aw_items
    from tests.spam_heldout_ax import heldout_ax_items
    from tests.spam_heldout_ay import heldout_ay_items
    from tests.spam_heldout_az import heldout_az_items
    from tests.spam_heldout_ba import heldout_ba_items
    from tests.spam_heldout_bb import heldout_bb_items
    from tests.spam_heldout_bc import heldout_bc_items
    from tests.spam_heldout_bd import heldout_bd_items
    from tests.spam_heldout_be import heldout_be_items
    from tests.spam_heldout_bf import heldout_bf_items
    from tests.spam_heldout_bg import heldout_bg_items
    from tests.spam_heldout_bh import heldout_bh_items
    from tests.spam_heldout_bi import heldout_bi_items
    from tests.spam_heldout_bj import heldout_bj_items
    from tests.spam_heldout_bk import heldout_bk_items
    from tests.spam_heldout_bl import heldout_bl_items
    from tests.spam_heldout_bm import heldout_bm_items
    from tests.spam_heldout_bn import heldout_bn_items
    from tests.spam_heldout_bo import heldout_bo_items
    from tests.spam_heldout_bp import heldout_bp_items
    from tests.spam_heldout_bq import heldout_bq_items
    from tests.spam_heldout_br import heldout_br_items
    from tests.spam_heldout_bs import heldout_bs_items
    from tests.spam_heldout_bt import heldout_bt_items
    from tests.spam_heldout_bu import heldout_bu_items
    from tests.spam_heldout_bv import heldout_bv_items
    from tests.spam_heldout_bw import heldout_bw_items
    from tests.spam_heldout_bx import heldout_bx_items
    from tests.spam_heldout_by import heldout_by_items
    from tests.spam_heldout_bz import heldout_bz_items
    from tests.spam_heldout_ca import heldout_ca_items
    from tests.spam_heldout_cb import heldout_cb_items
    from tests.spam_heldout_cc import heldout_cc_items
    from tests.spam_heldout_cd import heldout_cd_items
    from tests.spam_heldout_ce import heldout_ce_items
    from tests.spam_heldout_cf import heldout_cf_items
    from tests.spam_heldout_cg import heldout_cg_items
    from tests.spam_heldout_ch import heldout_ch_items
    from tests.spam_heldout_ci import heldout_ci_items
    from tests.spam_heldout_cj import heldout_cj_items
    from tests.spam_heldout_ck import heldout_ck_items
    from tests.spam_heldout_cl import heldout_cl_items
    from tests.spam_heldout_cm import heldout_cm_items
    from tests.spam_heldout_cn import heldout_cn_items
    from tests.spam_heldout_co import heldout_co_items
    from tests.spam_heldout_cp import heldout_cp_items
    from tests.spam_heldout_cq import heldout_cq_items
    from tests.spam_heldout_cr import heldout_cr_items
    from tests.spam_heldout_cs import heldout_cs_items
    from tests.spam_heldout_ct import heldout_ct_items
    from tests.spam_heldout_j import heldout_j_items
    from tests.spam_heldout_k import heldout_k_items
    from tests.spam_heldout_l import heldout_l_items
    from tests.spam_heldout_m import heldout_m_items
    from tests.spam_heldout_n import heldout_n_items
    from tests.spam_heldout_o import heldout_o_items
    from tests.spam_heldout_p import heldout_p_items
    from tests.spam_heldout_q import heldout_q_items
    from tests.spam_heldout_r import heldout_r_items
    from tests.spam_heldout_s import heldout_s_items
    from tests.spam_heldout_t import heldout_t_items
    from tests.spam_heldout_u import heldout_u_items
    from tests.spam_heldout_v import heldout_v_items
    from tests.spam_heldout_w import heldout_w_items
    from tests.spam_heldout_x import heldout_x_items
    from tests.spam_heldout_y import heldout_y_items
    from tests.spam_heldout_z import heldout_z_items

    return {**labelled_sets(), "held-out J": heldout_j_items(), "held-out K": heldout_k_items(),
            "held-out L": heldout_l_items(), "held-out M": heldout_m_items(),
            "held-out N": heldout_n_items(), "held-out O": heldout_o_items(),
            "held-out P": heldout_p_items(), "held-out Q": heldout_q_items(),
            "held-out R": heldout_r_items(), "held-out S": heldout_s_items(),
            "held-out T": heldout_t_items(), "held-out U": heldout_u_items(),
            "held-out V": heldout_v_items(), "held-out W": heldout_w_items(),
            "held-out X": heldout_x_items(), "held-out Y": heldout_y_items(),
            "held-out Z": heldout_z_items(), "held-out AA": heldout_aa_items(),
            "held-out AB": heldout_ab_items(), "held-out AC": heldout_ac_items(),
            "held-out AD": heldout_ad_items(), "held-out AE": heldout_ae_items(),
            "held-out AF": heldout_af_items(), "held-out AG": heldout_ag_items(),
            "held-out AH": heldout_ah_items(), "held-out AI": heldout_ai_items(),
            "held-out AJ": heldout_aj_items(), "held-out AK": heldout_ak_items(),
            "held-out AL": heldout_al_items(), "held-out AM": heldout_am_items(),
            "held-out AN": heldout_an_items(), "held-out AO": heldout_ao_items(),
            "held-out AP": heldout_ap_items(), "held-out AQ": heldout_aq_items(),
            "held-out AR": heldout_ar_items(), "held-out AS": heldout_as_items(),
            "held-out AT": heldout_at_items(), "held-out AU": heldout_au_items(),
            "held-out AV": heldout_av_items(), "held-out AW": heldout_aw_items(),
            "held-out AX": heldout_ax_items(), "held-out AY": heldout_ay_items(),
            "held-out AZ": heldout_az_items(), "held-out BA": heldout_ba_items(),
            "held-out BB": heldout_bb_items(), "held-out BC": heldout_bc_items(),
            "held-out BD": heldout_bd_items(), "held-out BE": heldout_be_items(),
            "held-out BF": heldout_bf_items(), "held-out BG": heldout_bg_items(),
            "held-out BH": heldout_bh_items(), "held-out BI": heldout_bi_items(),
            "held-out BJ": heldout_bj_items(), "held-out BK": heldout_bk_items(),
            "held-out BL": heldout_bl_items(), "held-out BM": heldout_bm_items(),
            "held-out BN": heldout_bn_items(), "held-out BO": heldout_bo_items(),
            "held-out BP": heldout_bp_items(), "held-out BQ": heldout_bq_items(),
            "held-out BR": heldout_br_items(), "held-out BS": heldout_bs_items(),
            "held-out BT": heldout_bt_items(), "held-out BU": heldout_bu_items(),
            "held-out BV": heldout_bv_items(), "held-out BW": heldout_bw_items(),
            "held-out BX": heldout_bx_items(), "held-out BY": heldout_by_items(),
            "held-out BZ": heldout_bz_items(), "held-out CA": heldout_ca_items(),
            "held-out CB": heldout_cb_items(), "held-out CC": heldout_cc_items(),
            "held-out CD": heldout_cd_items(), "held-out CE": heldout_ce_items(),
            "held-out CF": heldout_cf_items(), "held-out CG": heldout_cg_items(),
            "held-out CH": heldout_ch_items(), "held-out CI": heldout_ci_items(),
            "held-out CJ": heldout_cj_items(), "held-out CK": heldout_ck_items(),
            "held-out CL": heldout_cl_items(), "held-out CM": heldout_cm_items(),
            "held-out CN": heldout_cn_items(), "held-out CO": heldout_co_items(),
            "held-out CP": heldout_cp_items(), "held-out CQ": heldout_cq_items(),
            "held-out CR": heldout_cr_items(), "held-out CS": heldout_cs_items(),
            "held-out CT": heldout_ct_items()}


def from_saved_texts(path: Path, wanted: str | None, cv: bool, authors: bool) -> None:
    """Score, cross-validate and leave authors out on OCR'd text saved before."""
    texts = load_texts(path)
    for name, faxes in texts.items():
        spam = sum(1 for fax in faxes.values() if fax.label == "spam")
        print(f"{name}: {len(faxes)} faxes ({spam} spam, {len(faxes) - spam} legitimate)")
    for name in [wanted] if wanted else texts:
        score_set("default config", name, texts[name])
    if cv:
        cross_validate(texts, [wanted] if wanted else None)
    if authors:
        by_author(texts)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="wanted", default=None, metavar="NAME",
                        help='one labelled set only, e.g. "held-out F"')
    parser.add_argument("--texts", type=Path, default=None, metavar="FILE",
                        help="score OCR'd text saved by benchmarks/spam_texts.py instead of "
                             "OCR'ing every set")
    parser.add_argument("--no-cv", dest="cv", action="store_false",
                        help="skip the cross-validation")
    parser.add_argument("--by-author", action="store_true",
                        help="with --texts: also each author's training faxes left out")
    return parser.parse_args()


def main() -> None:
    from click.testing import CliRunner

    from ingest.cli import cli
    from ingest.pipeline import open_services
    from tests.conftest import make_config, write_config
    from tests.spam_corpus import ingest_items, train_items

    args = parse_args()
    wanted = args.wanted
    if args.texts:
        from_saved_texts(args.texts, wanted, args.cv, args.by_author)
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        services = open_services(make_config(root / "var"))
        sets = all_sets()
        if wanted:  # one set only (the training faxes are still marked)
            sets = {wanted: sets[wanted]}
        training = train_items()
        ids = ingest_items(services, [*(i for items in sets.values() for i in items),
                                      *training], root)
        for name, items in sets.items():
            print(describe(name, items))
        print(f"{len(training)} more faxes for operator marks")
        report("default config", services, sets, ids)
        if args.cv:
            cross_validate(catalog_texts(services, sets, ids))
        config = write_config(root / "faxvault.toml", root / "var")
        runner = CliRunner()
        for item in training:
            runner.invoke(cli, ["spam", "mark" if item.label == "spam" else "unmark",
                                ids[item.name], "--config", str(config)])
        runner.invoke(cli, ["spam", "rescore", "--config", str(config)])
        report(f"after {len(training)} operator marks", services, sets, ids)
        services.close()


if __name__ == "__main__":
    main()
