"""Referral forms full of words no dictionary knows: people's names, street and city names and
record numbers from many languages (Faker's locales, seeded), in Helvetica, Times and Courier
at 10-12 pt. They check that OCR post-processing never takes away a word the engine read
right (a correction towards a dictionary word is the typical culprit: "Brastow" ->
"Breslow").

``TUNING_LOCALES``, ``REPORT_LOCALES`` and the ``HELDOUT*_LOCALES`` do not overlap; forms are
drawn with a seed per set. ``HELDOUT_LOCALES`` (seed 3) came after misses on the REPORT forms had
been looked at, so that one set of names stays unseen while the reading is tuned;
``HELDOUT_2_LOCALES`` (seed 4) came after the seed-3 forms had been measured, for a second
look, and ``HELDOUT_3_LOCALES`` (seed 5) once the seed-4 forms' misses had been looked at.
``HELDOUT_4_LOCALES`` (seed 6) came once the seed-5 forms' misses had been looked at; Faker
has no Latin-script locale left that the other sets do not use (``dk_DK``, ``en`` and
``ng_NG`` are ``en_US``), so besides ``de`` and ``es`` it draws new people, streets and record
numbers from locales of the earlier sets. ``HELDOUT_5_LOCALES`` (seed 7) came on 2026-12-04,
when nothing had been looked at since the seed-6 forms' first measurement: ``it_IT`` and
locales of the report and held-out sets, new people drawn. ``HELDOUT_6_LOCALES`` (seed 8,
300 forms: ten times the others, so that a change in words lost of one in a thousand can
show) came on 2026-12-05, to decide how many doubtful words a page reads again, after
nothing had been looked at since the seed-7 forms' measurement; new people drawn again. Its
misses were looked at on its first measurement. ``HELDOUT_7_LOCALES`` (seed 9, 300 forms)
came later that day, before any reading of it, once the seed-8 forms' misses had pointed to a
change of the page's preparation: the change is chosen on the earlier sets and reported on
this one. It was measured once, with the tree before the change and after; the words the
tree before lost were looked at (six of its forms are pinned in tests/test_ocr_quality.py).
``HELDOUT_8_LOCALES`` (seed 10, 300 forms) came on 2026-12-05 once nothing had changed the
reading since the seed-9 forms' measurement, before any reading of it: a fresh look at the
shipped reading, locales of the second and third sets, new people drawn. Its two lost words
were looked at on that measurement. ``HELDOUT_9_LOCALES`` (seed 11, 300 forms) came the
same hour, before any reading of it, to report the change those two words pointed to; its
four lost words were looked at on that measurement, and pointed to one more change.
``HELDOUT_10_LOCALES`` (seed 12, 300 forms) came next, before any reading of it, to report
both; its one lost word, looked at on that measurement, pointed to a third change, and
``HELDOUT_11_LOCALES`` (seed 13, 300 forms) came before any reading of it, to report all
three. Its three lost words were looked at on that measurement and one pointed to a fourth
change; ``HELDOUT_12_LOCALES`` (seed 14, 300 forms) came before any reading of it, to report
the four. ``HELDOUT_13_LOCALES`` (seed 15) and ``HELDOUT_14_LOCALES`` (seed 16) came the same
way on 2026-12-06, each before any reading of it; ``HELDOUT_15_LOCALES`` (seed 17, 300 forms)
came that evening once names-heldout-14's lost words had been looked at, before any reading
of it. ``HELDOUT_16_LOCALES`` (seed 18, 300 forms) came on 2026-12-07 once names-heldout-15's
lost words had been looked at, before any reading of it.
Letters outside ASCII are taken off their accents, or the word left out, since the fax fonts
are rendered with their standard encoding.
"""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

from faker import Faker

from tests.ocr_layouts import LayoutDoc, cols, make_layout_page, scanned_askew, text

# it_IT was left out of the first sets: its city names came out of a set, in an order that
# changed per process (referral_forms now sorts them).
TUNING_LOCALES = ["de_DE", "fr_FR", "es_ES", "nl_NL", "en_GB", "pt_BR", "sv_SE", "lt_LT"]
REPORT_LOCALES = ["pl_PL", "cs_CZ", "hu_HU", "fi_FI", "tr_TR", "ro_RO", "da_DK", "en_IE",
                  "id_ID", "vi_VN", "hr_HR", "en_IN", "no_NO", "sk_SK", "zu_ZA", "yo_NG"]
HELDOUT_LOCALES = ["en_US", "de_AT", "es_MX", "fr_CA", "nl_BE", "pt_PT", "sl_SI", "lv_LV",
                   "et_EE", "en_NZ", "ga_IE", "is_IS", "az_AZ", "ha_NG", "sw", "es_CL"]
HELDOUT_2_LOCALES = ["en_AU", "en_CA", "de_CH", "fr_CH", "es_AR", "es_CO", "fil_PH", "bs_BA",
                     "sq_AL", "mt_MT", "uz_UZ", "lb_LU", "en_KE", "de_LI", "tw_GH", "ig_NG"]
HELDOUT_3_LOCALES = ["es_VE", "es_CA", "en_PH", "en_NG", "en_PK", "tl_PH", "sr_BA", "fr_BE",
                     "de_LU", "en_MS", "en_BD", "en_TH", "fr_DZ", "it_CH", "el_CY", "la"]
HELDOUT_4_LOCALES = ["de", "es", "pl_PL", "hu_HU", "vi_VN", "yo_NG", "tr_TR", "fi_FI",
                     "is_IS", "az_AZ", "sw", "mt_MT", "uz_UZ", "tw_GH", "el_CY", "tl_PH"]
HELDOUT_5_LOCALES = ["it_IT", "cs_CZ", "ro_RO", "hr_HR", "da_DK", "en_IE", "id_ID", "sk_SK",
                     "et_EE", "lv_LV", "sl_SI", "ga_IE", "ha_NG", "es_CL", "bs_BA", "sq_AL"]
HELDOUT_6_LOCALES = ["en_US", "fr_FR", "de_DE", "es_ES", "pl_PL", "it_IT", "pt_BR", "nl_NL",
                     "sv_SE", "cs_CZ", "tr_TR", "vi_VN", "yo_NG", "hu_HU", "fi_FI", "ro_RO"]
HELDOUT_7_LOCALES = ["en_GB", "es_MX", "fr_CA", "de_AT", "pt_PT", "nl_BE", "da_DK", "no_NO",
                     "lt_LT", "hr_HR", "sk_SK", "id_ID", "en_IN", "zu_ZA", "ig_NG", "fil_PH"]
HELDOUT_8_LOCALES = ["en_AU", "en_CA", "de_CH", "fr_CH", "es_AR", "es_CO", "fr_BE", "it_CH",
                     "es_VE", "en_PH", "lb_LU", "sq_AL", "bs_BA", "en_KE", "en_NZ", "sl_SI"]
HELDOUT_9_LOCALES = ["en_US", "de_AT", "es_MX", "fr_CA", "nl_BE", "pt_PT", "lv_LV", "et_EE",
                     "ga_IE", "is_IS", "az_AZ", "ha_NG", "sw", "es_CL", "it_IT", "ro_RO"]
HELDOUT_10_LOCALES = ["en_GB", "en_IE", "de_DE", "de_CH", "fr_FR", "fr_BE", "es_ES", "pt_BR",
                      "pl_PL", "cs_CZ", "hu_HU", "tr_TR", "fi_FI", "sv_SE", "lt_LT", "yo_NG"]
HELDOUT_11_LOCALES = ["en_AU", "en_NZ", "de_LI", "fr_CH", "es_AR", "it_IT", "nl_NL", "da_DK",
                      "no_NO", "sk_SK", "hr_HR", "sl_SI", "et_EE", "ro_RO", "zu_ZA", "en_PH"]
HELDOUT_12_LOCALES = ["en_US", "en_CA", "de_AT", "fr_FR", "es_MX", "es_CO", "pt_PT", "it_CH",
                      "pl_PL", "lv_LV", "fi_FI", "sv_SE", "is_IS", "ga_IE", "ig_NG", "id_ID"]
HELDOUT_13_LOCALES = ["en_US", "en_GB", "de_DE", "fr_CA", "es_ES", "es_AR", "pt_BR", "nl_NL",
                      "da_DK", "no_NO", "cs_CZ", "hu_HU", "tr_TR", "sl_SI", "hr_HR", "yo_NG"]
HELDOUT_14_LOCALES = ["en_IE", "de_CH", "fr_BE", "es_CL", "pt_PT", "it_IT", "nl_BE", "sv_SE",
                      "fi_FI", "pl_PL", "cs_CZ", "sk_SK", "ro_RO", "et_EE", "lt_LT", "tw_GH"]
HELDOUT_15_LOCALES = ["en_AU", "en_NZ", "de_DE", "fr_CH", "es_ES", "pt_BR", "it_IT", "nl_NL",
                      "da_DK", "no_NO", "hu_HU", "hr_HR", "sl_SI", "lv_LV", "tr_TR", "zu_ZA"]
HELDOUT_16_LOCALES = ["en_GB", "en_CA", "de_AT", "fr_FR", "es_CO", "es_VE", "pt_PT", "it_CH",
                      "nl_BE", "sv_SE", "pl_PL", "cs_CZ", "ro_RO", "lt_LT", "et_EE", "ig_NG"]
# (locales, seed) of each set of forms in benchmarks/ocr_quality.py; FORMS_PER_SET forms each
# but where LARGE_SETS says.
NAME_SETS = {"names-tuning": (TUNING_LOCALES, 1), "names": (REPORT_LOCALES, 2),
             "names-heldout": (HELDOUT_LOCALES, 3), "names-heldout-2": (HELDOUT_2_LOCALES, 4),
             "names-heldout-3": (HELDOUT_3_LOCALES, 5),
             "names-heldout-4": (HELDOUT_4_LOCALES, 6),
             "names-heldout-5": (HELDOUT_5_LOCALES, 7),
             "names-heldout-6": (HELDOUT_6_LOCALES, 8),
             "names-heldout-7": (HELDOUT_7_LOCALES, 9),
             "names-heldout-8": (HELDOUT_8_LOCALES, 10),
             "names-heldout-9": (HELDOUT_9_LOCALES, 11),
             "names-heldout-10": (HELDOUT_10_LOCALES, 12),
             "names-heldout-11": (HELDOUT_11_LOCALES, 13),
             "names-heldout-12": (HELDOUT_12_LOCALES, 14),
             "names-heldout-13": (HELDOUT_13_LOCALES, 15),
             "names-heldout-14": (HELDOUT_14_LOCALES, 16),
             "names-heldout-15": (HELDOUT_15_LOCALES, 17),
             "names-heldout-16": (HELDOUT_16_LOCALES, 18)}
FORMS_PER_SET = 30
LARGE_SETS = {"names-heldout-6": 300, "names-heldout-7": 300, "names-heldout-8": 300,
              "names-heldout-9": 300, "names-heldout-10": 300, "names-heldout-11": 300,
              "names-heldout-12": 300, "names-heldout-13": 300,
              "names-heldout-14": 300, "names-heldout-15": 300, "names-heldout-16": 300}
FONTS = [("Helvetica", 12), ("Times-Roman", 11), ("Courier", 10), ("Helvetica", 10),
         ("Times-Roman", 12), ("Courier", 11)]


def ascii_word(value: str) -> str:
    """``value`` without accents; "" when a letter has no ASCII form (ł, ø, ı)."""
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    stripped = "".join(ch for ch in unicodedata.normalize("NFKD", value)
                       if not unicodedata.combining(ch))
    return plain if plain == stripped else ""


def _words(value: str) -> list[str]:
    return [w for w in (ascii_word(part) for part in re.split(r"[\s,]+", value)) if w]


def _name(fake: Faker) -> tuple[str, str]:
    while True:
        first, last = _words(fake.first_name()), _words(fake.last_name())
        if first and last:
            return first[0], last[-1]


def _place(fake: Faker, kind: str) -> list[str]:
    for _ in range(20):
        words = _words(getattr(fake, kind)())
        if words:
            return words
    return ["Elmwood"]


def record_number(rng: random.Random) -> str:
    """An id like SZ2090518: two capitals, seven digits."""
    return "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2)) + \
        "".join(rng.choice("0123456789") for _ in range(7))


def referral_forms(locales: list[str], count: int, seed: int) -> list[LayoutDoc]:
    """``count`` one-page referral forms, locales and fonts taken in turn."""
    rng = random.Random(seed)
    forms = []
    for i in range(count):
        fake = Faker(locales[i % len(locales)])
        if locales[i % len(locales)] == "it_IT":
            # Faker's it_IT cities are a list made from a set, in an order that changes per
            # process (string hashing): sorted, a set's forms are the same in every run.
            for provider in fake.providers:
                if isinstance(getattr(provider, "cities", None), list):
                    provider.cities = sorted(provider.cities)
        fake.seed_instance(seed * 1000 + i)
        font, size = FONTS[i % len(FONTS)]
        first, last = _name(fake)
        doctor = _name(fake)
        kin = _name(fake)
        street, city = _place(fake, "street_name"), _place(fake, "city")
        kin_city = _place(fake, "city")
        record = record_number(rng)
        rows = [
            text("REFERRAL FORM"),
            cols((72, f"Patient: {first} {last}"), (340, f"Record no: {record}")),
            text(f"Address: {rng.randint(1, 240)} {' '.join(street)}"),
            text(f"City: {' '.join(city)}"),
            text(f"Referring physician: Dr. {doctor[0]} {doctor[1]}"),
            text(f"Next of kin: {kin[0]} {kin[1]}, {' '.join(kin_city)}"),
            text("Reason: evaluation and treatment, records enclosed."),
        ]
        tokens = [first, last, record, *street, *city, *doctor, *kin, *kin_city]
        tokens = list(dict.fromkeys(t for t in tokens if len(t) >= 3))
        forms.append(LayoutDoc(f"names{seed}-{i:02d}", font, size, rows, tokens,
                               phrase=f"{first} {last}"))
    return forms


def forms_of(name: str) -> list[LayoutDoc]:
    """The forms of the names set ``name`` (a key of NAME_SETS)."""
    locales, seed = NAME_SETS[name]
    return referral_forms(locales, count=LARGE_SETS.get(name, FORMS_PER_SET), seed=seed)


def make_form_page(root: Path, doc: LayoutDoc) -> Path:
    """A clean 204x98 fax page of a form."""
    return make_layout_page(root, doc, "204x98", "clean")


def make_askew_form_page(root: Path, doc: LayoutDoc, degrees: float) -> Path:
    """A 204x98 fax page of a form printed, then scanned ``degrees`` askew
    (tests/ocr_layouts.py ``scanned_askew``)."""
    return scanned_askew(make_form_page(root, doc), degrees)


def words_of(value: str) -> set[str]:
    """The whitespace-separated words of ``value`` with surrounding punctuation taken off."""
    return {w.strip(".,:;()'\"") for w in value.split()}
