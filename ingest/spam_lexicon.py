"""What junk faxes say, and what ordinary documents say, in English, German, French and
Spanish: the phrase lists behind the spam scorer's signals (ingest/spam_kinds.py finds them,
ingest/spam.py weighs them).

Patterns run over *folded* text (see :func:`fold`): lower case, accents stripped. They are
written with each language's own letters for readability; every non-ASCII letter in a pattern
is compiled to "up to three non-space characters", because an English OCR model reads an
accented letter as its base letter, as one or two other characters (``Gebtihren``), or not at
all (``flr`` for ``für``).

Phrases, not single words: "save", "deal", "exclusive", "cartridge" or "free" each appear in
invoices and manuals as often as in advertising; "save up to 40%" or "free shipping" do not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# OCR prints typographic apostrophes and dashes where the page has plain ones.
_PUNCTUATION = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00b4": "'", "`": "'",
                              "\u2010": "-", "\u2011": "-", "\u2013": "-", "\u2014": "-"})


def fold(text: str) -> str:
    """Lower case without accents (``Désinscription`` -> ``desinscription``; ß -> ss)."""
    text = text.translate(_PUNCTUATION)
    if text.isascii():  # most OCR text: nothing to strip (and ten times cheaper)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _ocr_tolerant(pattern: str) -> str:
    return "".join(r"\S{0,3}?" if ord(c) > 127 and c.isalpha() else c for c in pattern)


def compile_any(patterns: Iterable[str]) -> re.Pattern[str]:
    """One pattern for any of ``patterns`` (written in lower case, for folded text).

    Those that start at a word boundary share one ``\b``: the engine then tries them only
    where a word starts, not at every character (ten times faster on a page of text, and the
    same matches)."""
    patterns = list(patterns)
    bounded = [p[2:] for p in patterns if p.startswith(r"\b")]
    parts = [f"(?:{_ocr_tolerant(p)})" for p in patterns if not p.startswith(r"\b")]
    if bounded:
        parts.insert(0, r"\b(?:" + "|".join(f"(?:{_ocr_tolerant(p)})" for p in bounded) + ")")
    return re.compile("|".join(parts))


def compile_each(named: dict[str, Iterable[str]]) -> dict[str, re.Pattern[str]]:
    return {name: compile_any(patterns) for name, patterns in named.items()}


# -- opt-out notices ---------------------------------------------------------------------------
# Opt-out wording that is about faxes (or ads) by itself: a fax carrying one is an advertisement
# whose sender tells you how to stop the next one.
_OBJECTS = (r"(?:fax(?:es)?|fax transmissions|transmissions|(?:fax )?ad(?:vertisement)?s|"
            r"offers|specials|promotions|communications|mailings|messages|alerts|"
            # the sheets an agency or a wholesaler sends round ("our availability sheets")
            r"(?:availability|price|rate|stock|product) (?:sheets|lists|updates)|flyers)")
FAX_OPT_OUT = compile_any([
    # English (the US Junk Fax Prevention Act makes senders print one)
    r"\bto be (?:permanently )?removed\b",
    r"\bremove (?:your|my|this|our) (?:fax|number|name|company|office)",
    # ("we will delete your number within 14 days", "nous supprimerons votre numéro")
    r"\bdelete (?:your|my|this|our) (?:fax )?(?:number|details)\b",
    r"\bsupprimer (?:votre|le) numéro\b", r"\bborrar (?:su|el) número\b",
    r"\b(?:ihre|die) (?:fax)?nummer (?:löschen|gelöscht)\b",
    r"\bremoved? (?:from|off) (?:our|the|this|all|any|future) (?:[\w-]+ ){0,2}"
    r"(?:list|database|mailings?)",
    r"\b(?:fax|number|list) removal\b", r"\bremoval (?:line|number|request|hotline|desk)",
    # ("Call 972-555-0196 and say 'remove'")
    r"\breply (?:with )?(?:the word )?remove\b", r"\bsay \W?remove\b",
    r"\bfax(?:ez)? (?:the word )?stop\b",
    r"\bremove me\b", r"\bunwanted fax",
    # ... in a politer register ("if you would rather not hear from us", "you will not be
    # contacted again")
    r"\brather not hear from us\b", r"\bwill not be contacted again\b",
    r"\btake (?:your|my|our) (?:fax |phone )?(?:number|name) off\b",
    r"\b(?:hear from|contact) us again\b", r"\bno (?:more )?faxes from us\b",
    r"\b(?:stop|end|cease|discontinue|halt|block|decline|refuse) (?:receiving |getting )?"
    rf"(?:(?:these|all|any|our|further|future|more|the|such) )*{_OBJECTS}\b",
    # (a fax machine's "Receive Mode" is a setting: "does not answer - check Receive Mode")
    r"\b(?:no|not|don't|do not|no longer|rather not|never)\b[^.\n]{0,30}\b(?:receive(?! mode)|"
    r"get|be sent)"
    rf"\b[^.\n]{{0,30}}\b{_OBJECTS}\b",
    rf"\bno (?:more|further|future) {_OBJECTS}\b",
    r"\bnot (?:to )?send (?:you )?(?:any )?(?:future|further|more) ",
    r"\bunsolicited (?:fax|advertis)", r"\bjunk fax",
    r"\bfailure to comply\b[^.]{0,40}\b30 days\b",
    # German
    r"\bfax[- ]?stop", r"\bfaxsperre", r"\bfaxwerbung", r"\bfax[- ]?abmeldung",
    r"\bwerbewiderspruch",
    r"\bkeine (?:weiteren? )?(?:werbung|werbefaxe?|faxe?|telefaxe?|informationen|infos|"
    r"angebote|zusendungen)\b(?:[^.\n?]{0,25}\bmehr\b|[^.\n?]{0,12}\bper fax\b)",
    r"\bnicht mehr per fax\b",
    # ("Sollten Sie keine weiteren Zusendungen wünschen, ...")
    r"\bkeine (?:weiteren? )?(?:zusendungen|werbefaxe?|faxe?|angebote) (?:mehr )?wünschen\b",
    r"\b(?:aus|von) (?:dem|unserem|der|unserer) (?:fax)?(?:verteiler|faxliste|adressliste)",
    # French
    r"\bstop fax\b", r"\bstop télécopie",
    r"\bne (?:plus|pas|jamais) recevoir (?:de |nos |les |ces |aucune? )?(?:fax|télécopie|offres|"
    r"publicité|promotion)",
    r"\bne (?:souhaitez|désirez|voulez|souhaitant) (?:plus|pas) (?:recevoir|être contacté)",
    r"\bcontactée?s? par fax\b", r"\bfax publicitaires?\b",
    # Spanish
    r"\bno (?:desea |quiere |deseo )?recibir (?:más |nuestros |nuestras )?"
    r"(?:faxes?|publicidad|ofertas|comunicaciones|información)",
    r"\bdejar de recibir", r"\bmás faxes\b",
    # the reader's number crossed out on the page and the page sent back ("Cross out your fax
    # number and return this page", "Barrez votre numéro", "Streichen Sie Ihre Faxnummer",
    # "Tache su número"): a "rayez la mention inutile" crosses out no number
    r"\b(?:cross|strike) (?:out|through) (?:your|the) (?:fax )?number\b",
    r"\b(?:barrez|rayez|biffez) (?:votre|le) numéro\b",
    r"\bstreichen sie (?:ihre|die) (?:fax)?nummer\b",
    r"\b(?:tache|tachen|raye) (?:su|el) número\b",
    r"\bne (?:souhaitez|désirez|voulez) plus être (?:informée?|sollicitée?|contactée?)",
    # the footer asked as a question ("Keine weiteren Faxe?", "Plus de fax ?") and the right to
    # object to the sender's messages ("vous pouvez vous opposer à la réception de nos
    # messages", "object to receiving our faxes", "oponerse a recibir nuestras ofertas",
    # "der Zusendung weiterer Faxe widersprechen")
    r"\bkeine (?:weiteren?|neuen) (?:werbe)?(?:faxe?|telefaxe?|faxsendungen)\s*\?",
    r"\bplus de (?:fax|télécopies?)\s*\?",
    r"\b(?:vous )?opposer (?:à|a) (?:la )?réception de (?:nos|ces|nouveaux|futurs) "
    r"(?:messages|fax|télécopies|offres|envois)",
    r"\bobject to receiving (?:our |further |these |any )?(?:faxes|fax messages|messages|offers|"
    r"marketing)", r"\boponerse a (?:recibir|la recepción de) (?:nuestr\w+|más|estos|estas|"
    r"nuevos|nuevas) ?(?:faxes|mensajes|ofertas|comunicaciones)?",
    # ... or to their sending, as Spain's LSSI words it ("puede oponerse al envío de
    # comunicaciones comerciales", "vous opposer à l'envoi de nos offres")
    r"\boponerse al envío de (?:nuevas |futuras )?(?:comunicaciones|mensajes|ofertas|publicidad)",
    r"\bvous opposer (?:à|a) l'envoi de (?:nos |ces |futures? )?(?:offres|messages|"
    r"communications|fax|télécopies)",
    r"\bder zusendung (?:weiterer |künftiger )?(?:faxe|werbefaxe|werbung|angebote) "
    r"(?:jederzeit )?widersprechen",
])
# Opt-out words that also unsubscribe people from newsletters and mailing lists: a fax opt-out
# only with a fax word or a telephone number beside them.
GENERIC_OPT_OUT = compile_any([
    r"\bunsubscrib", r"\bopt[- ]?(?:out|ing out)\b", r"\btake (?:me|us|you) off\b",
    r"\babbestell", r"\babmeld", r"\baustrag", r"\bwidersprech",
    r"\bnicht mehr (?:erhalten|empfangen|zugesandt|zugeschickt|bekommen)",
    r"\bdésinscri", r"\bdésabonn", r"\bne (?:plus|pas) recevoir\b",
    r"\bretir\w* (?:votre|de notre|du fichier|de nos)",
    # the French "radiation" (removal from a list), not a clinic's radiation safety course
    r"\b(?:votre|une|la|pour|demande de) radiation\b",
    r"\bradiation (?:de|du|des|au|immédiate|gratuite)\b", r"\bradiation\s*:",
    r"\b(?:darse|dar|solicitar|pedir|tramitar) (?:de |la |su )?baja\b", r"\bbaja\b",
    r"\bcancelar (?:la |su )?suscripci",
])
# "opt out of paperless statements", "unsubscribe from the newsletter": a generic opt-out word
# whose object is something other than faxes, ads or the sender's list is no fax opt-out.
OPT_OUT_OF = re.compile(r"\s*(?:of|from|aus|von|de|du|des|del)\s")
AD_OBJECT = compile_any([
    r"\bfax", r"\bads?\b", r"\badvertis", r"\boffers\b", r"\bpromotions\b", r"\bmailings?\b",
    r"\bcommunications\b", r"\bmessages\b", r"\blist", r"\bwerbung", r"\boffres\b",
    r"\bpublicit", r"\bofertas\b", r"\bpublicidad", r"\benvois\b", r"\benvíos\b",
    r"\b(?:our|us|nos|notre|nuestr\w*|unser\w*)\b",
])
FAX_WORD = compile_any([r"\b(?:tele)?fax", r"faxnummer", r"\btélécopi", r"\bfacsímil"])
# A telephone or fax number: 7 to 15 digits in groups; dates and amounts are not numbers.
PHONE = re.compile(r"(?<![\w/.,:])\+?\(?\d[\d ().-]{5,18}\d(?![\w/:]|[.,]\d)")
DATE_LIKE = re.compile(r"^\d{1,2}[.-]\d{1,2}[.-]\d{2,4}$")
# What the JFPA requires of the opt-out mechanism: free of charge (and open 24/7).
COST_FREE = compile_any([
    r"toll[- ]?free", r"\bfree (?:of charge|call|phone|number|line)", r"\bcost[- ]?free",
    r"\bno[- ]cost\b", r"\bat no (?:cost|charge)", r"\b24 ?/ ?7\b", r"\b24 hours\b",
    r"kostenlos", r"kostenfrei", r"gebührenfrei", r"\bgratis\b", r"gratuit", r"numéro vert",
    r"\bsans frais", r"\bsin (?:coste|costo|cargo)",
])
TOLL_FREE = re.compile(
    r"\(?\b(?:1[\s.-]?)?\(?(?:800|833|844|855|866|877|888)\)?[\s.-]?\d{3}[\s.-]?\d{4}\b"
    # DE, FR, UK, AT freephone: 0800 ..., or 0801-0805 standing apart ("08031 ..." is
    # Rosenheim's area code, "08041 ..." Bad Tölz's)
    r"|(?<![\d+])0 ?80(?:0|[1-5](?![\d]))(?:[\s.-]?\d){5,8}(?!\d)"
    # ES; not a tax number ("NIT 900.000.447-1": its check digit after a dash)
    r"|(?<![\d+])900(?:[\s.-]?\d){6}(?!\d|-\d)")

# A stock tip: a share's price target, or its security number beside the gain it promises
# ("Kursziel 12 Monate: 4,20 EUR", "Ticker: ABCD ... could triple", "objectif de cours",
# "WKN A1B2C3 ... Potenzial"). Faxed to strangers, it is the pump of a pump-and-dump: it
# offers nothing to buy from its sender and gives no number, yet it advertises.
STOCK_TIP = compile_any([
    r"\b(?:kursziel|kurspotenzial|price target|target price|objectif de cours|cours cible|"
    r"objetivo de precio|precio objetivo)\b",
])
# (a "Symbol:" label too: a library's "Library symbol: ORBP" has no promised gain beside it)
SECURITY_ID = compile_any([r"\b(?:ticker|stock symbol|wkn|isin|symbole|símbolo|otc)\b",
                           r"\bsymbol\s*:"])
PROMISED_GAIN = compile_any([
    r"\b(?:potenzial|potential|upside|verzehnfach\w*|verdoppel\w*|tenfold|could (?:double|"
    r"triple)|multipli\w* par|potentiel|potencial|revalorizaci[oó]n)\b",
    # a target given as a price ("Target: $0.38", "30-day target: $2.40")
    r"\btarget\s*:\s*[$€£] ?\d",
])

# -- advertising -------------------------------------------------------------------------------
# A fine threatened to sell the service that avoids it ("fines of up to ...", "Bußgelder von bis
# zu ...", "les sanctions peuvent atteindre ...", "multas de hasta ..."): an advertising phrase,
# and beside a price the mark of an offer imitating a regulator's notice (FINE_THREAT).
_FINE_THREAT = [
    r"\b(?:fines|penalties|an? (?:fine|penalty)) of up to\b", r"\bbußgeld\w* (?:von )?bis zu\b",
    r"\b(?:sanctions|amendes) (?:peuvent|pouvant|pourront) (?:atteindre|aller jusqu)",
    r"\b(?:multas|sanciones) (?:de hasta|que pueden alcanzar)\b",
    # ... in more words: a fine word and how high it may go ("the sanctions incurred can reach
    # 4 %", "Bußgelder in erheblicher Höhe", "las sanciones por incumplimiento pueden superar")
    # (one fine as well: "une amende pouvant atteindre 20 000 000 €", "a penalty which may
    # reach", "una multa que puede alcanzar")
    r"\b(?:fines?|penalt(?:y|ies)|sanctions?|amendes?|bu(?:ss|b)geld\w*|multas?|sanci(?:ón|ones))"
    r"\b[^.|]{0,40}?"
    r"(?:\b(?:can|could|may) (?:reach|exceed|run to)|\b(?:peuvent|pouvant|pourront|pourraient) "
    r"(?:atteindre|aller jusqu|dépasser)|\b(?:pueden|podrían) (?:alcanzar|superar|llegar)|"
    r"\bin (?:erheblicher|empfindlicher) h\w{1,2}he\b)",
    r"\bdrohen (?:hohe |empfindliche )?bu(?:ss|b)geld\w*",
    # ... or the service sold to avoid them ("para evitar multas y la suspensión", "to avoid
    # fines", "pour éviter les amendes", "um Bußgelder zu vermeiden")
    # (with a few words between: "afin d'éviter tout contrôle et les sanctions prévues", "to
    # avoid an inspection and heavy fines")
    r"\b(?:para evitar|evite) (?:[\w]+ ){0,4}?(?:las |posibles )?(?:multas|sanciones)\b",
    r"\bto avoid (?:[\w-]+ ){0,4}?(?:any |possible |heavy )?(?:fines|penalties)\b",
    r"\b(?:pour |afin d' ?)éviter (?:[\w']+ ){0,4}?(?:les |des |toute )?(?:amendes?|sanctions?)\b",
    r"\bum (?:\w+ )?bu(?:ss|b)gelder? zu vermeiden\b",
    # ... or the fine's ceiling ("jusqu'à 45 000 € d'amende", "up to $10,000 in fines")
    r"\bjusqu'? ?(?:à|a) [\d .,]+ ?(?:€|eur|euros)? d'amende\b",
    r"\bup to [$£€]? ?[\d.,]+ (?:in )?(?:fines|penalties)\b",
    # ... or the reader's insurance lost for want of the service sold ("may invalidate your
    # buildings insurance", "votre assureur peut refuser d'intervenir", "erlischt Ihr
    # Versicherungsschutz", "su aseguradora puede negarse a cubrir"): the same scare
    r"\b(?:may|could|will|can) (?:invalidate|void) (?:your|the) (?:[\w-]+ )?(?:insurance|cover)\b",
    r"\b(?:votre )?(?:assureur|assurance) (?:peut|pourrait|pourra|risque de) refuser\b",
    r"\bversicherungsschutz (?:erlischt|entfällt|gefährdet)|\berlischt (?:ihr|der) "
    r"versicherungsschutz\b",
    r"\b(?:su )?(?:aseguradora|compañía de seguros) (?:puede|podría) (?:negarse|rechazar)\b",
    r"\b(?:your )?insurers? (?:may|can|could|will|might) (?:refuse|decline|reject)\b",
    r"\b(?:ihr )?versicherer (?:kann|könnte|wird|darf) (?:die )?(?:leistung|zahlung|regulierung) "
    r"verweigern\b",
    # ... or the premises closed ("may result in fines and closure", "puede ocasionar sanciones
    # y la clausura", "peut entraîner des amendes et la fermeture", "kann zur Schließung führen")
    r"\b(?:may|can|could|will) (?:result in|lead to) (?:heavy |substantial )?(?:fines|"
    r"penalties|sanctions|(?:the )?closure)\b",
    r"\bpuede(?:n)? (?:ocasionar|acarrear|conllevar|dar lugar a) (?:multas|sanciones|la clausura)",
    r"\b(?:peut|peuvent|pourrait) entra[iî]ner (?:des |une )?(?:amendes?|sanctions|la fermeture)",
    r"\bkann (?:zu )?(?:bu(?:ss|b)geldern|sanktionen|(?:der )?schlie(?:ss|b)ung)\b[^.]{0,30}"
    r"\bführen\b",
]
FINE_THREAT = compile_any(_FINE_THREAT)
# The parties a court's paper names: both sides of a case's caption ("MIDLAND CAPITAL RECOVERY,
# LLC, Plaintiff, vs. TRAVIS J. KOEHLER, Defendant", "Judgment Creditor: ... Judgment Debtor:
# ...", "Kläger ... Beklagter", "demandeur ... défendeur", "parte demandante ... demandado"), or
# the garnishee it writes to, by name ("Garnishee: Desert Valley Plumbing Supply Inc.",
# "Drittschuldner: ...", "tiers saisi : ...", "tercero embargado: ..."). A scare notice to a
# stranger names no parties: no junk fax studied here has any of these words.
CASE_PLAINTIFF = compile_any([
    r"\bplaintiffs?\b", r"\bpetitioners?\b", r"\bjudgment creditors?\b", r"\bkläger(?:in)?\b",
    r"\bgläubiger(?:in)?\s*:", r"\bdemandeur\b", r"\bdemanderesse\b", r"\bdemandante\b",
    r"\bparte actora\b",
])
CASE_DEFENDANT = compile_any([
    r"\bdefendants?\b", r"\bjudgment debtors?\b", r"\bbeklagte[rn]?\b", r"\bschuldner(?:in)?\s*:",
    r"\bdéfendeur\b", r"\bdéfenderesse\b", r"\bdemandad[oa]\b",
])
NAMED_GARNISHEE = compile_any([
    r"\b(?:garnishee|drittschuldner(?:in)?|tiers saisi|tercero embargado)\s*:\s*(?!_)[a-z]",
])
# ... and a court's order labels its parties as German papers do, in English too ("Creditor:
# Coastline Auto Finance LLC", "Debtor: Desmond Achterberg", on an order to garnish wages of
# set I, tests/ocr_layouts_i.py). A collection agency's "final notice" labels them as well
# ("Original creditor: ...", "Debtor: ACCOUNTS PAYABLE", a junk fax of the studied sets), so
# these count only on a court's paper and with a debtor that is no role.
LABELLED_CREDITOR = compile_any([r"\bcreditor\s*:\s*[a-z]"])
LABELLED_DEBTOR = compile_any([
    r"\bdebtor\s*:\s*(?!(?:the )?(?:accounts payable|accounts department|office manager|"
    r"business owner|owner|manager|proprietor|your (?:company|business|office))\b)[a-z]"])
COURT = compile_any([r"\bcourt\b", r"\bgericht\b", r"\btribunal\b", r"\bjuzgado\b"])

# A notice that presses its reader: a loss if nothing is done (an account blocked, a refund or
# a claim forfeited, a parcel sent back, a seizure or a bailiff) within a short time (hours, a
# few days, today). What a phishing fax or a fake court, tax or bank notice says to hurry a
# stranger; a real creditor or office writes to its counterparty by name and gives weeks.
THREAT_OF_LOSS = compile_any([
    r"\b(?:will|may|shall) (?:then )?be (?:suspended|blocked|locked|closed|cancell?ed|deleted|"
    r"forfeited|lost|returned to (?:the )?sender)",
    r"\bresult in (?:the )?(?:loss|enforcement|suspension|closure|seizure)",
    r"\b(?:temporarily|has been|have been) (?:restricted|suspended|blocked|locked)",
    # an account frozen ("the old account is now frozen", "wird eingefroren", "a été gelé",
    # "ha sido congelada")
    r"\b(?:is|are|has been|have been|will be) (?:now )?frozen\b", r"\beingefroren\b",
    r"\b(?:a|ont) été gelée?s?\b", r"\bsera gelée?\b",
    r"\b(?:ha|han) sido congelad[oa]s?\b", r"\bserá congelad[oa]\b",
    r"\bavoid (?:a |the )?(?:county court judg\w*|bailiff|enforcement|seizure|suspension)",
    r"\bbailiffs?\b", r"\breturned to (?:the )?sender",
    r"\b(?:gesperrt|gespert|gesperrt werden)\b", r"\bsperrung\b", r"\bverf(?:ä|ae|a)llt\b",
    r"\bpf(?:ä|ae|a)ndung\b", r"\bschufa", r"\bzwangsvollstreckung",
    r"\bsera (?:annul|suspendu|bloqu|supprim|clotur|retourn|renvoy|perdu)",
    r"\bretour a l'expediteur", r"\brenvoyée? (?:à|a) l'expéditeur",
    r"\bsaisie (?:de vos|sur vos|des? comptes?)", r"\bhuissier",
    r"\bembargo\b", r"\bbloquead[oa] temporalmente", r"\bhemos bloqueado",
    # a judgment or a garnishment by default, a refund or a parcel given up after a few days
    # ("will result in a default judgment", "garnishee order", "Kontopfändung", "saisie sur
    # salaire", "unclaimed parcels are returned after 5 days", "refunds are forfeited")
    r"\bdefault judg\w*", r"\bgarnish\w*", r"pf(?:ä|ae|a)ndung\b", r"\bsaisie sur (?:salaire|"
    r"compte)", r"\b(?:are|is|become|becomes) forfeit(?:ed)?\b",
    r"\b(?:returned|sent back|destroyed|disposed of) after (?:[1-7]|two|three|five|seven) "
    r"(?:working |business )?days\b",
    r"\b(?:returned|sent back|destroyed|disposed of) after (?:24|48|72) ?(?:hours|hrs|h)\b",
    r"\b(?:will be|are|is) deactivated\b", r"\bdesactiv(?:é|e)e?s? (?:sous|dans)\b",
    r"\bwird (?:ihr \w+ )?deaktiviert\b", r"\bser(?:a|á) desactivad[oa]",
    r"\bser(?:a|á)n? (?:cancelad|anulad|devuelt|bloquead|suspendid)", r"\bdevuelto al remitente",
    # (an account or a policy "placed on hold", "auf Eis gelegt", "mis en attente", "en espera")
    r"\b(?:will|may|shall) be (?:placed|put) on hold\b",
    r"\b(?:wird|werden) (?:\w+ )?(?:auf eis gelegt|vorübergehend ausgesetzt)\b",
    r"\b(?:sera|seront) mise?s? en attente\b",
    r"\bquedar(?:á|a)n? (?:en espera|suspendid|bloquead)",
    # a debt passed to collectors or to court, the reader's name put on a defaulters' list
    # ("referral of your account to our collection agency", "issue proceedings in the County
    # Court", "Übergabe an ein Inkassobüro", "transmis à notre service contentieux", "incluidos
    # en ficheros de morosidad", "procedimiento monitorio")
    r"\bcollection agency\b", r"\bdebt collectors?\b", r"\bcounty court judg\w*",
    r"\bissue (?:legal |court )?proceedings\b",
    r"\binkasso\w*", r"\bmahnbescheid\w*", r"\bgerichtliche[sn]? mahnverfahren",
    r"\bservice (?:du )?contentieux\b", r"\binjonction de payer\b",
    r"\bficheros? de moros\w*", r"\bprocedimiento monitorio\b",
    r"\b(?:acciones|reclamación) judicial(?:es)?\b",
    # ... or to credit bureaus and lawyers ("referred for collection", "reported to commercial
    # credit bureaus", "referred to an attorney", "reporte negativo en centrales de riesgo",
    # "proceso ejecutivo", "fichier des incidents", "an die Schufa gemeldet")
    r"\breferred (?:for collection|to (?:a |an |our )?(?:collections?|attorney|lawyer|"
    r"solicitor))", r"\breported to (?:the )?(?:\w+ )?credit (?:bureaus?|agencies|reference)",
    r"\bcentrales de riesgo\b", r"\bproceso ejecutivo\b", r"\bcobro (?:pre)?jur[ií]dico\b",
    r"\bburó de crédito\b", r"\bdatacrédito\b",
    # ... or proceedings begun in more words ("commence legal proceedings", "issues county
    # court proceedings", "final demand before legal action", "engager des poursuites", "une
    # réquisition de poursuite", as Switzerland calls debt enforcement, "Betreibung",
    # "emprender acciones legales")
    r"\b(?:commence|initiate|issues?|start|begin|take|instigate) (?:[\w-]+ ){0,2}"
    r"(?:proceedings|legal action)\b", r"\bbefore (?:legal|court) (?:action|proceedings)\b",
    r"\b(?:engager|intenter|introduire) (?:des |une )?(?:poursuites|action en justice|"
    r"réquisition de poursuite)", r"\bréquisition de poursuite\b", r"\bavant poursuites?\b",
    r"\bregistre des poursuites\b", r"\bbetreibung(?:sbegehren|sregister)?\b",
    r"\bgerichtliche schritte\b", r"\b(?:acciones|medidas) legales\b", r"\bvía judicial\b",
])
# A conversation the note says took place ("Re: our telephone conversation", "as promised",
# "unser heutiges Telefonat", "suite à notre entretien", "según lo hablado por teléfono"):
# correspondence when the writer knows whom they spoke to; the opening of a cold pitch when
# the note names no one and asks for a signature on an offer.
CLAIMED_CALL = compile_any([
    r"\b(?:our|the) (?:telephone |phone )?(?:conversation|call|chat)(?: (?:this morning|earlier|"
    r"today|yesterday))?\b", r"\bspeak(?:ing)? (?:with|to) (?:me|us|you) (?:earlier|this "
    r"morning|yesterday|today)", r"\bas promised\b", r"\bas (?:discussed|agreed) (?:on|by|over) "
    r"(?:the )?(?:tele)?phone", r"\bwe spoke\b",
    # ("Thank you for speaking with our advertising executive earlier today", "Great speaking
    # with your office this week")
    r"\b(?:speaking|talking|chatting|spoke|talked) (?:with|to) (?:our|my|your) (?:[\w-]+ ){0,3}?"
    r"(?:earlier|today|yesterday|this (?:morning|afternoon|week)|on the phone)\b",
    r"\bunser(?:em|es|en)? (?:heutigen |gestrigen |kurzen |freundlichen )?(?:telefonat|"
    r"gespräch)", r"\bgespräch mit ihre[rm]? (?:mitarbeiter|kolleg|sekretär|praxis|büro)",
    r"\btelefonat mit ihre[rm]?\b",
    r"\bwie (?:(?:bereits|schon|telefonisch|heute|gestern|soeben|mit ihnen|am telefon) ){0,3}"
    r"besprochen",
    r"\bnotre (?:conversation|entretien|échange|appel)(?: téléphonique| de ce jour)?\b",
    r"\bcomme convenu par téléphone",
    r"\blo hablado\b", r"\bcomo (?:acordamos|hablamos|quedamos|conversamos)\b",
    r"\bconversaci[oó]n (?:telef[oó]nica|de esta mañana|de ayer|de hoy)",
])
# ... or it says whom it spoke to by a role, not a name ("as discussed with your front desk",
# "mit Ihrer Rezeption", "avec votre secrétariat", "con su recepcionista"): a caller who got
# no further than the switchboard.
CALL_WITH_A_ROLE = compile_any([
    r"\b(?:with|to) (?:your|the) (?:front desk|front office|receptionist|reception|switchboard|"
    r"office manager|practice manager|secretary|assistant|staff|colleague|team|office)\b",
    r"\bmit ihre[rm]? (?:sekretärin|sekretariat|rezeption|empfang|praxisteam|mitarbeiter\w*|"
    r"kolleg\w*|assistenz|büro)\b",
    r"\bavec (?:votre|vos) (?:secrétaire|secrétariat|accueil|assistante?|collaborat\w+|standard|"
    r"bureau)\b",
    r"\bcon (?:su|sus) (?:secretari[ao]|recepción|recepcionista|asistente|compañer[oa]s?|"
    r"personal|oficina)\b",
])
# ... or what it carries after the call is no offer but the sender's new bank account, for
# payments from now on ("our banking details have changed", "please remit all future payments
# to the new account", "unsere Bankverbindung hat sich geändert", "nos coordonnées bancaires
# ont changé", "nuestros datos bancarios han cambiado"): a supplier changing banks writes to a
# customer it names; a fraud diverting payments claims a call and names nobody.
NEW_BANK_DETAILS = compile_any([
    r"\b(?:our|the) (?:bank(?:ing)?|account|remittance|payment) (?:details|information|"
    r"account) (?:have|has) (?:been )?changed\b",
    r"\b(?:future |all )?payments?\b[^.]{0,40}\bto (?:the|our) new (?:bank )?account\b",
    r"\b(?:unsere|die) (?:bankverbindung|kontoverbindung|bankdaten)\b[^.]{0,60}\bge(?:ä|a)ndert",
    r"\bneue (?:bankverbindung|kontoverbindung)\b",
    r"\bnos (?:coordonnées bancaires|références bancaires|coordonnées de paiement)\b[^.]{0,40}"
    r"\bchang", r"\bnouveau (?:compte|rib)\b[^.]{0,30}\b(?:suivant|ci-dessous)\b",
    r"\bnuestr[oa]s? (?:datos bancarios|cuenta bancaria|datos de pago)\b[^.]{0,40}"
    r"\b(?:cambiad|ha cambiado|han cambiado)", r"\bnueva cuenta\b[^.]{0,30}\b(?:siguiente|"
    r"indicada a continuación)\b",
])
# ... or it says its terms take effect, or its goods ship and are billed, unless the reader
# objects: silence taken for consent ("unless we hear otherwise", "no need to reply - the pack
# will be dispatched with our invoice", "Sollten Sie Änderungen wünschen, melden Sie sich
# innerhalb von 3 Tagen", "sauf avis contraire de votre part", "de no recibir respuesta"). A
# customer's own order needs no such clause; inertia selling lives on it.
SILENCE_AS_CONSENT = compile_any([
    r"\bunless (?:we hear|you (?:tell|notify|inform|advise|contact) us)(?: from you)? "
    r"(?:otherwise|to the contrary|by|within|before)\b", r"\bno need to (?:reply|respond|call)\b",
    r"\bif we (?:do not|don't) hear (?:back )?from you\b",
    r"\bsollten sie (?:änderungen|einwände|keine lieferung) wünschen\b",
    r"\b(?:falls|wenn|sofern) (?:wir )?(?:nichts|keine nachricht) (?:von ihnen )?"
    r"(?:hören|erhalten)",
    r"\bohne (?:ihren )?(?:gegenbericht|widerspruch)\b",
    r"\bsauf (?:avis|indication) contraire\b", r"\bsans (?:réponse|nouvelles) de votre part\b",
    r"\bà défaut de réponse\b",
    r"\bsalvo (?:aviso|indicación) (?:en )?contrari[oa]\b",
    r"\bde no recibir (?:respuesta|noticias|su respuesta)\b",
    r"\bsi no (?:recibimos|tenemos) (?:respuesta|noticias)\b",
])
# ... or it is addressed to a role, not a name ("To: Office Manager", "An: Praxisleitung", "À
# l'attention du responsable", "Para: Gerencia"): whoever the caller spoke to, the note does not
# know whom it writes to. Run over folded lines (re.M).
ADDRESSED_TO_A_ROLE = re.compile(_ocr_tolerant(
    r"^[ \t]*(?:to|an|à|a|para|attn|att|z\.? ?hd\.?|a l'attention d[eu])[ \t]*[:.]?[ \t]*"
    r"(?:the |die |la |le |el |du )?(?:office manager|practice manager|business owner|owner|"
    r"purchasing(?: manager| department)?|front desk|reception|praxisleitung|praxismanage\w*|"
    r"geschäftsführung|inhaber\w*|einkauf|empfang|responsable\b[^\n]{0,30}|gérant|direction|"
    r"secrétariat|accueil|gerencia|gerente|encargad[oa]|compras|recepción|administración|"
    # (the desk that pays suppliers: "To: Accounts Payable", "An: Kreditorenbuchhaltung", "À :
    # Comptabilité fournisseurs", "Para: Cuentas por pagar")
    r"accounts payable|accounts department|finance department|kreditorenbuchhaltung|"
    r"buchhaltung|comptabilité(?: fournisseurs)?|service comptable|cuentas por pagar|"
    r"contabilidad|tesorería)"
    r"[ \t]*(?:/[^\n]{0,40})?$"), re.M)
# What such a note asks for: the reader's signature on its terms, sent back. (A customer
# sending its own signed quote back, "ci-joint le devis signé", asks for none.)
SIGN_AND_RETURN = compile_any([
    r"\bsign\w*\b[^.]{0,40}\b(?:fax|return|send)\w*\b", r"\b(?:fax|send|return) (?:it )?back\b",
    r"\bunterschrieben\b", r"\bunterschrift\b", r"\bzurück(?:faxen|senden)\b",
    r"\b(?:nous )?retourner\b",
    r"\bfirma(?:r|da|do)?\b", r"\bdevolver(?:la|lo)?\b", r"\bdevu[eé]lva",
])
# A note chasing the sender's own earlier offer ("just following up on my fax about our ...",
# "did you have a chance to look?", "ich wollte kurz nachfragen, ob Sie unser Angebot erhalten
# haben", "je me permets de revenir vers vous concernant notre proposition", "saber si
# recibieron nuestra oferta"): correspondence when it cites the quote a customer asked for; the
# second fax of a cold pitch when it names neither the reader nor any reference.
PITCH_FOLLOWUP = compile_any([
    r"\b(?:just )?(?:following up|follow(?:ing)?-up|checking in|circling back) (?:on|about|"
    r"regarding) (?:my|our) (?:previous |recent |earlier |last )?(?:fax|letter|offer|proposal|"
    r"quote|message|note|flyer|mailing|email|e-mail)\b",
    r"\bdid you (?:have|get) (?:a |the )?chance to (?:look|review|read|consider|go over)\b",
    r"\b(?:did|have) you (?:receive[d]?|see|seen|get|got) (?:my|our) (?:previous |recent |"
    r"earlier |last )?(?:fax|offer|proposal|quote|letter|brochure|flyer)\b",
    r"\bob sie unser(?:e|en)? (?:\w+ )?(?:angebot|fax|schreiben|unterlagen|prospekt|offerte|"
    r"informationen)\w* (?:\w+ )?(?:erhalten|bekommen|gelesen|angesehen|prüfen konnten)",
    r"\bich wollte (?:kurz |noch einmal |nochmals )?nach(?:fragen|haken)\b",
    r"\bunser(?:em|es)? (?:fax|schreiben|angebot) (?:vom|von letzter woche|der letzten woche)",
    r"\brevenir vers vous (?:concernant|au sujet de|à propos de|suite à|pour) (?:notre|ma|mon|"
    r"nos) (?:proposition|offre|fax|devis|courrier|envoi|documentation)",
    r"\bavez-vous (?:pu|eu le temps d[e']) ?(?:en )?(?:prendre connaissance|consulter|regarder|"
    r"étudier)",
    r"\bsuite à (?:notre|mon) (?:fax|envoi|courrier|offre|proposition) (?:du|de la semaine)",
    r"\bsaber si (?:recibieron|recibió|han recibido|ha recibido|pudo ver|pudieron ver|"
    r"tuvieron ocasión de ver) (?:nuestra|mi|nuestro|el|la) (?:\w+ )?(?:oferta|propuesta|fax|"
    r"presupuesto|catálogo|información)",
    r"\b(?:ha|han|habéis) (?:tenido|podido tener) (?:ocasión|oportunidad|tiempo) de (?:revisar|"
    r"ver|leer|estudiar) (?:nuestra|mi|nuestro)",
])
# A sender offering to supply workers ("Meridian places board-certified radiologists", "we
# supply licensed substitute teachers", "wir vermitteln erfahrene Erntehelfer", "nous mettons
# à votre disposition du personnel intérimaire", "le ofrecemos personal de sala"): a staffing
# agency's pitch. 55 junk faxes of the studied sets say it and no ordinary one: an agency writing
# to a client it already serves confirms a booking or bills hours; it does not sell staff.
_SUPPLY_STAFF = (r"(?:we (?:place|supply|provide|recruit|find|source)|places|supplies|recruits|"
                 r"vermittel[nt]|wir stellen|nous (?:plaçons|fournissons|recrutons|proposons|"
                 r"mettons à (?:votre )?disposition)|fournit|recrute|ofrecemos|proporcionamos|"
                 r"suministramos|seleccionamos|colocamos|proporciona|suministra)")
_STAFF = (r"(?:(?:agency|temporary|temp|travel|locum|substitute|seasonal) )?(?:staff|personnel|"
          r"technicians|nurses|teachers|radiologists|physicians|doctors|locums|workers|drivers|"
          r"labou?rers|candidates|temps|caregivers|aides|therapists|pharmacists|hygienists|techs|"
          r"assistants|operators|installers|cleaners|carers|cooks|chefs|guards|"
          r"\w+(?:ologists|ographers|icians)|"
          r"substitutes|intérimaires|infirmier(?:e|)s|techniciens|chauffeurs|saisonniers|"
          r"intervenants|candidats|remplaçants|enfermer[oa]s|técnicos|conductores|trabajadores|"
          r"temporeros|camareros|candidatos|cuidador[ae]s)")
# (the words between hold no preposition: "places additional burdens on staff", "supplies for
# staff", "stellen Sie sicher, dass Ihr Personal" supply nobody)
_BETWEEN = (r"(?:(?!(?:for|to|on|of|with|by|from|at|in|into|about|that|sicher|dass|für|mit|"
            r"pour|avec|sur|para|con|sobre)\b)[\w'-]+,? )")
STAFFING_OFFER = compile_any([
    rf"\b{_SUPPLY_STAFF} {_BETWEEN}{{0,6}}?(?:{_STAFF}|\w*(?:kräfte|helfer|personal|fachleute|"
    rf"mitarbeiter|fahrer))\b"])
# A sender claiming its records say something about the reader's business ("Our records show
# your listing is unverified", "Unsere Unterlagen zeigen, dass ...", "D'après nos dossiers",
# "Según nuestros registros"): a recall or a tax office says it to a customer or taxpayer it
# names or cites; a notice to nobody that says it imitates one.
CLAIMED_RECORDS = compile_any([
    r"\b(?:our|the) (?:records|files|database|systems?) (?:show|shows|indicate|indicates|suggest"
    r"|suggests|reveal|reveals)\b",
    r"\b(?:unsere|laut unseren|nach unseren) (?:unterlagen|daten|aufzeichnungen)(?: zeigen| "
    r"nach)?\b", r"\bunseren (?:unterlagen|daten|aufzeichnungen) zufolge\b",
    r"\b(?:d'après|selon) nos (?:dossiers|fichiers|registres|données|informations)\b",
    r"\bnos (?:dossiers|fichiers|registres) (?:indiquent|montrent)\b",
    r"\bsegún (?:nuestros|nuestras) (?:registros|archivos|datos)\b",
    r"\bnuestros (?:registros|archivos) (?:indican|muestran)\b",
])
# A windfall announced to the reader (a prize drawn on its fax number, an inheritance with no
# next of kin, unclaimed funds) and a price on collecting it: a fee before payment, secrecy, or
# a copy of its papers. The advance-fee fraud, in any language; a notary or an insurer writes
# to an heir it names, under a reference.
WINDFALL = compile_any([
    r"\b(?:has|have) won\b", r"\bwinners?\b", r"\bwinning (?:number|notification|ticket)",
    r"\blottery\b", r"\bjackpot\b", r"\bnext of kin\b", r"\bunclaimed (?:funds|inheritance|"
    r"estate|deposit)", r"\bprize (?:money|award|draw|notification)",
    r"\bgewinner\b", r"\bgewinnsumme\b", r"\bgewinnbenachrichtigung\b", r"\bgewonnen\b",
    r"\bverlosung\b", r"\blotterie\b", r"\berbschaft\b", r"\bohne (?:gesetzliche )?erben\b",
    r"\ba gagné\b", r"\bgagnant\b", r"\bvos gains\b", r"\bloterie\b", r"\bhéritage\b",
    r"\bsans héritier", r"\bganador\b", r"\bsu premio\b", r"\bsorteo\b", r"\blotería\b",
    r"\bherencia\b", r"\bsin herederos\b",
])
PRICE_OF_A_WINDFALL = compile_any([
    r"\b(?:processing|handling|release|transfer|clearance|notary|notarial|registration|"
    r"administrative|courier|legal|insurance) (?:fee|charge|costs?)\b", r"\bfee of\b",
    r"\b\w*gebühr\w*\b", r"\bfrais (?:de |d')(?:dossier|transfert|notaire|traitement|virement|"
    r"déblocage|enregistrement)", r"\b(?:gastos|tasa|comisión|costos?) de (?:transferencia|"
    r"envío|tramitación|gestión|notaría|liberación|registro|escriban\w*|patentamiento)",
    r"\bpago previo\b", r"\bdeber(?:á|a|ás|an) (?:abonar|pagar|depositar)\b",
    r"\b(?:administration|admin) fee\b",
    r"\b(?:strictly )?(?:confidential|private and confidential)\b", r"\bvertraulich\b",
    r"\bconfidentiel(?:le)?\b", r"\ben (?:reserva|secreto)\b", r"\bconfidencial\b",
    r"\bcopy of your (?:passport|id|identity|driver'?s licen[cs]e)",
    # (a finder's cut of what it "recovers", a voided cheque to pay it into)
    r"\b\d+ ?% of (?:the )?(?:amount|funds|sum|money) (?:recovered|collected|returned)",
    r"\bvoided (?:business |personal )?che(?:ck|que)\b", r"\bpièce d'identité",
    r"\bpersonalausweis",
    r"\bdatos completos\b", r"\bfull name,? (?:private )?(?:phone|address)",
])
# A request for a gift: a donation, a pledge, the reader's support or generosity ("confirm your
# pledge", "Ihre Spende", "nous faisons appel à votre générosité", "su donativo").
# (Asked of the reader: "a foundation opens a line of small donations" mentions gifts, asks none.)
GIFT_REQUEST = compile_any([
    r"\bdonate\b", r"\b(?:make|send|give) (?:a |your )?(?:donation|gift|pledge)\b",
    r"\byour (?:generous )?(?:support|gift|generosity|donation|pledge)\b",
    r"\bpledges?\b", r"\bsupporter (?:levels?|drive|programme|program)\b",
    r"\b(?:ihre|eine) spende\b", r"\bspenden sie\b", r"\bspenden(?:konto|aufruf)\b",
    r"\b(?:ihre|ihrer) (?:unterstützung|großzügigkeit)\b",
    r"\bfaites un don\b", r"\b(?:votre|vos) (?:dons?|soutien|générosité)\b",
    r"\bappel (?:à|a) (?:votre|la) générosité\b",
    r"\bsu (?:donativo|donación|aporte|apoyo|generosidad|colaboración)\b",
    r"\bhaga (?:su|un) (?:donativo|donación|aporte)\b", r"\bdone (?:hoy|ahora|ya)\b",
])
# ... and thanks for one given, or its receipt: a charity writing to its own donor
THANKS_FOR_A_GIFT = compile_any([
    r"\bthank(?:s| you) for (?:your|the) (?:generous |kind )?(?:gift|donation|pledge|support|"
    r"contribution|proceeds)\b",
    r"\b(?:danke|vielen dank|herzlichen dank) für ihre (?:spende|unterstützung|zuwendung)\b",
    r"\bmerci (?:pour|de) votre (?:don|soutien|générosité)\b",
    r"\bgracias por su (?:donativo|donación|aporte|apoyo|generosidad)\b",
    # (its number: "receipt no. 2026-0412", "receipt for income tax purposes (no. 26-0871)")
    r"\breceipt\b[^.\d]{0,40}?\b(?:no\.?|number|#) ?\d", r"\bzuwendungsbestätigung\b",
])
_MONTHS = {
    "en": r"(?:january|february|march|april|may|june|july|august|september|october|november|"
          r"december)",
    "es": r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
          r"noviembre|diciembre)",
    "fr": r"(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
          r"décembre)",
    "de": r"(?:januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|"
          r"november|dezember)",
}
SHORT_DEADLINE = compile_any([
    r"\bwithin (?:24|48|72) ?(?:hours|hrs|h)\b", r"\bwithin (?:[1-7]|two|three|five|seven) "
    r"(?:working |business )?days\b", r"\btoday\b", r"\bimmediately\b",
    r"\bby the date (?:above|shown|below)",
    r"\b(?:innerhalb|binnen) (?:von )?(?:\d+ stunden|[1-7] (?:werk)?tag)", r"\bheute\b",
    r"\bsofort\b", r"\bbis (?:spätestens |zum |spätestens zum )?\d{1,2}\.\d{1,2}\.",
    r"\bwithin \d{1,2} ?(?:hours|hrs)\b", r"\bafter (?:24|48|72) ?(?:hours|hrs|h)\b",
    r"\bafter (?:[1-7]|two|three|five|seven) "
    r"(?:working |business )?days\b",
    r"\bsous \d{1,2} ?h(?:eures)?\b", r"\bsous [1-7] jours", r"\baujourd'hui", r"\bimmediatement",
    r"\b(?:antes de|en|dentro de) (?:las )?(?:24|48|72) horas",
    r"\bplazo (?:máximo )?de (?:24|48|72) horas", r"\b(?:en|antes de) [1-7] dias",
    r"\bhoy\b", r"\burgentemente\b",
    # ... or up to ten days ("sous 8 jours", "binnen 10 Tagen", "en el plazo de 5 días", "en un
    # plazo máximo de cinco días hábiles")
    r"\bsous (?:[89]|10|huit|dix) jours",
    # ("dans les 8 jours", "dans un délai de 5 jours", "dans les 48 heures", "within SEVEN (7)
    # DAYS": a number spelt out, then in figures)
    r"\bdans (?:les|un délai de) (?:[1-9]|10|huit|dix|cinq|trois) jours\b",
    r"\bdans les (?:24|48|72) heures\b",
    r"\bwithin (?:one|two|three|four|five|six|seven|eight|nine|ten) \(\d{1,2}\) "
    r"(?:working |business )?days\b", r"\b(?:innerhalb|binnen) (?:von )?(?:[89]|10|acht|neun|"
    r"zehn) tag", r"\bwithin (?:[89]|10|eight|nine|ten) (?:working |business )?days\b",
    r"\bdentro de (?:los )?(?:[1-9]|10|dos|tres|cuatro|cinco|seis|siete|ocho|diez) días\b",
    r"\b(?:en|dentro de) (?:el|un) plazo (?:máximo )?de (?:[1-9]|10|dos|tres|cuatro|cinco|seis|"
    r"siete|ocho|diez) días",
])
# ... or a date named without a year, as a notice dated days before writes it ("Policies not
# updated by 12 December may be placed on hold", "hasta el 11 de diciembre serán bloqueadas",
# "avant le 15 décembre", "bis 14. Dezember"): a deadline only in the threat's own sentence
# (ingest/spam_kinds.py), as a circular's dates and its office's closing days are not one.
DATE_DEADLINE = compile_any([
    r"\b(?:by|before|no later than) (?:the )?\d{1,2}(?:st|nd|rd|th)? " + _MONTHS["en"]
    + r"\b(?! \d)", r"\b(?:by|before|no later than) " + _MONTHS["en"] + r" \d{1,2}\b(?!,? \d)",
    r"\b(?:hasta|antes del?) (?:el )?\d{1,2} de " + _MONTHS["es"] + r"\b(?! de \d)",
    r"\b(?:avant|au plus tard) le \d{1,2}(?:er)? " + _MONTHS["fr"] + r"\b(?! \d)",
    r"\bbis (?:zum |spätestens )?\d{1,2}\. ?" + _MONTHS["de"] + r"\b(?! \d)",
])
# Medicines sold with no prescription ("no prescription needed", "sin receta", "sin necesidad de
# fórmula médica", "sans ordonnance", "ohne Rezept"): advertising, and the doses of such a fax
# are its products, not a patient's (ingest/spam_kinds.py).
_NO_PRESCRIPTION = [
    r"\bno prescription (?:needed|required|necessary)\b", r"\bwithout (?:a )?prescription\b",
    r"\bsin (?:necesidad de )?(?:receta|fórmula)(?: médica)?\b", r"\bsans ordonnance\b",
    r"\bohne rezept\b", r"\bkeine rezeptvorlage (?:erforderlich|nötig|notwendig)\b",
]
NO_PRESCRIPTION = compile_any(_NO_PRESCRIPTION)
ADVERTISING = compile_any([
    # returns promised, a bonus for signing, a loan approved before anyone asked, the reader
    # found in a directory, space sold in a publication, a warranty extended at a last chance:
    # in each language ("rentabilidad garantizada", "bono de bienvenida", "crédito
    # preaprobado", "encontramos su empresa en el directorio", "rendement garanti", "garantierte
    # Rendite", "espacio publicitario", "extended warranty", "final opportunity")
    r"\b(?:guaranteed (?:returns?|yield|profit)|(?:returns?|yield|profit) guaranteed)\b",
    r"\b(?:rentabilidad|rendimiento|ganancias?) garantizad[ao]s?\b",
    r"\brendements? garantis?\b", r"\bgarantierte[nr]? (?:rendite|gewinne?|zinsen)\b",
    r"\b(?:welcome|sign-?up) bonus\b", r"\bbono de bienvenida\b", r"\bbonus de bienvenue\b",
    r"\bwillkommensbonus\b",
    *_NO_PRESCRIPTION,
    # ... or with no marketing authorisation ("No se requiere registro sanitario", "sin
    # registro sanitario", "without FDA approval", "sans AMM", "ohne Zulassung")
    r"\bno se requiere (?:el )?registro sanitario\b", r"\bsin registro (?:sanitario|local)\b",
    r"\bwithout (?:fda|local) (?:approval|registration)\b", r"\bsans amm\b",
    r"\bohne (?:deutsche )?zulassung\b",
    r"\bpre-?approved\b", r"\bpre-?aprobad[oa]\b", r"\bpré-?approuvée?\b", r"\bvorab genehmigt",
    r"\b(?:found|encontramos|trouvé) (?:your|su|votre) (?:company|business|empresa|entreprise|"
    r"société) (?:in|en|dans)\b", r"\bihre firma (?:im|in einem) (?:verzeichnis|branchenbuch)",
    r"\b(?:espacio|espacios) publicitarios?\b", r"\badvertising space\b",
    r"\bespaces? publicitaires?\b", r"\banzeigenplatz\b",
    r"\bextended (?:warranty|protection|coverage|vehicle protection)\b",
    r"\bgarantía extendida\b", r"\bextension de garantie\b", r"\bgarantieverlängerung\b",
    r"\b(?:final|last) (?:opportunity|chance)\b", r"\bdernière chance\b",
    r"\búltima oportunidad\b", r"\bletzte chance\b",
    # English
    r"\blimited[- ]time\b", r"\bact now\b", r"\bdon't miss\b", r"\blowest (?:price|rate)s?\b",
    r"\bbest price", r"\b(?:prices?|pricing) good (?:through|until)", r"\b\d+ ?% off\b",
    r"\b(?:save|pay|cut)? ?up to \d+ ?%", r"\b(?:get|receive|borrow) (?:up to )?\$\d",
    r"\bneed cash\b", r"\b(?:discount|promo|coupon) code\b",
    r"\b(?:deal|sale|offer|promotion|special) ends\b", r"\bprice list\b",
    r"\bminimum order\b", r"\b(?:offer|promotion|sale) closes\b", r"\bregular \$\d",
    r"\bin stock\b", r"\bon us\b",
    # stock cleared in limited quantities ("limited quantities", "begrenzte Stückzahl",
    # "déstockage, quantités limitées", "cantidades limitadas", "liquidación de existencias")
    r"\blimited quantities\b", r"\bbegrenzte stückzahl", r"\bquantités limitées\b",
    r"\bdéstockage\b", r"\bprix (?:de )?grossiste\b", r"\bcantidades limitadas\b",
    r"\bliquidación de (?:stock|existencias)\b",
    # advertising space sold, in more words ("ad space", "Anzeigenplätze", "emplacements
    # publicitaires"; "advertising space" and "espacios publicitarios" are below)
    r"\bad space\b", r"\banzeigen(?:plätze|fläche)", r"\bemplacements? publicitaires?\b",
    # ... by the size of the ad, priced ("Half page $595", "media página a color USD 1.350",
    # "1/4 Seite 85x120mm € 420,00", "demi-page 490 €") or with its own terms ("Anzeigengröße",
    # "Anzeigenschluss")
    r"\b(?:(?:half|quarter|full|double)[- ]?page|(?:media|1/[248]) página|página completa|"
    r"(?:1/[1248]|halbe|ganze) seite|demi-page|pleine page|quart de page)\b[^\n]{0,40}?"
    r"(?:[$€£] ?\d|(?:eur|usd|gbp|chf) ?\d|\d(?:[.,]\d{2})? ?(?:€|eur|usd|gbp|chf)\b)",
    r"\banzeigen(?:größe|format|schluss|preis)\w*", r"\bmit einem inserat\b",
    r"\binserat(?:größe|format|preis)\w*",
    # ... and invoiced once it has appeared ("Die Rechnung folgt nach Erscheinen", "La factura
    # se enviará tras la publicación", "facturé après parution", "invoiced after publication")
    r"\brechnung (?:folgt|erhalten sie) nach (?:erscheinen|veröffentlichung)\b",
    r"\bfactura se (?:enviará|emitirá) (?:tras|después de) la publicación\b",
    r"\bfactur\w* (?:après|dès) (?:la )?parution\b",
    r"\binvoiced? (?:will follow |follows )?(?:after|on|upon) publication\b",
    # ... or as an invitation to appear in a publication's next edition ("invited to appear in
    # the 2027 edition", "a figurar en la nueva edición de la Guía", "figurer dans la
    # prochaine édition de l'annuaire"; OCR reads "figurar" as "fiqurar")
    r"\b(?:fi[gq]urar en|figurer dans|aparecer en|appear in)\b[^.]{0,40}\b(?:edici[oó]n|"
    r"édition|edition|guía|annuaire|directory|yearbook|anuario)\b",
    # prices claimed to beat the market's ("tarifas muy competitivas", "competitive rates",
    # "prix très compétitifs", "wettbewerbsfähige Preise")
    r"\b(?:precios|tarifas|prix|tarifs|rates|prices|pricing) (?:muy |très |sehr )?"
    r"(?:competitiv|compétitiv)\w*", r"\bcompetitive (?:rates|prices|pricing)\b",
    r"\bwettbewerbsfähige[n]? (?:preise|konditionen)\b",
    # nothing to pay unless the reader buys ("Keine Kosten, wenn Sie niemanden einstellen",
    # "no fee unless you hire", "aucun frais si vous ne recrutez pas")
    r"\bkeine kosten,? (?:wenn|falls|solange)\b",
    # (not a booking's terms: "Cancellation: no charge until 72 hours before arrival")
    r"\bno (?:cost|charge|fee)s? (?:unless|if you (?:don't|do not))\b",
    r"\baucuns? frais (?:si|tant que)\b", r"\bsin (?:coste|costo) (?:alguno )?si no\b",
    r"\bonly \d+ (?:\w+ )?(?:left|remaining)\b", r"\bleft at this (?:rate|price)\b",
    r"\b(?:first|1st) (?:month|pickup|visit|session|lesson) (?:is )?(?:free|on us)\b",
    r"\b(?:before|by|until|ends) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"\b(?!'s)(?!,? \w+ \d)",
    r"\b(?:order|call|book|buy|act|register|apply|reserve|sign up) (?:now|today)\b",
    r"\bsave \d+ ?%", r"\bsave (?:thousands|hundreds|big)\b",
    # a saving claimed as a range against everyone else's prices ("15 to 35 percent below the
    # prices of", "save 20 to 30 percent")
    r"\b\d+ ?(?:%|percent)? (?:to|-) \d+ ?(?:%|percent) (?:below|less than|cheaper than|under)\b",
    r"\bsave (?:between )?\d+ ?(?:%|percent)? (?:to|and|-) \d+ ?(?:%|percent)",
    r"\bfree (?:[\w-]+ )?(?:shipping|delivery)\b",
    r"\bfree (?:gift|trial|quote|consultation|estimate|seat|sample|report|"
    r"analysis|evaluation|leads|resort|vacation)\b",
    r"\bno (?:obligation|collateral|setup fee)\b", r"\bno[- ]cost (?:audit|analysis|quote|"
    r"consultation|evaluation|review)",
    r"\b(?:price|satisfaction|money[- ]back) guarantee", r"\bguaranteed\b",
    r"\boffer (?:ends|expires|valid|good)\b", r"\b(?:special|exclusive|limited|introductory|"
    r"holiday) (?:offer|promotion|special|pricing for)\b", r"\bwhile supplies last\b",
    r"\b(?:you have|you've) been selected\b", r"\bclaim your\b", r"\bcongratulations\b",
    r"\bwinner\b", r"\bprize\b", r"\bcomplimentary\b",
    r"\bfelicidades\b", r"\bganador\w*", r"\bpremio\b", r"\bfélicitations\b", r"\bgagnant\w*",
    r"\bgewinner\b", r"\bgewonnen\b", r"\bgewinnspiel", r"\bsorteo\b", r"\btirage au sort\b",
    # the reader drawn or picked as a winner, in each language
    r"\btiré(?:e|s|es)? au sort\b", r"\bausgelost\b", r"\b(?:ha|han) sido (?:sorteado|premiado|"
    r"seleccionado)", r"\bvous avez (?:gagné|été sélectionné)", r"\b(?:you|your \w+) (?:have|has) "
    r"(?:won|been drawn)\b",
    # a lottery the reader never entered: its number "drawn", a claims agent, a prize code
    r"\blotter(?:y|ie)\b", r"\bloterie\b", r"\blotería\b", r"verlosung\b",
    r"\bgewinn-?(?:code|nummer)\b", r"\bclaims? (?:agent|officer)\b",
    r"\b(?:your|ihre|votre|su) (?:fax ?number|faxnummer|numéro(?: de fax)?|número(?: de fax)?) "
    r"(?:was|has been|wurde|a été|ha sido|fue)\b",
    # a fortune without heirs offered for a share of it (the advance-fee letter)
    r"\b(?:without|sans|ohne|sin) (?:any |an? |aucun |ningún )?(?:heirs?|héritiers?|erben|"
    r"herederos?)\b", r"\b(?:parts|partes) (?:égales|iguales)\b",
    r"\b(?:share|teilen|partager\w*|repartir\w*)\b[^.\n]{0,30}\b50 ?/ ?50\b",
    r"\b(?:100 ?% )?risk[- ]free transaction\b", r"\bthis transaction is (?:100 ?% )?risk",
    # a stock tip that disclaims advice, or names a price target, in each language
    r"\balerta bursátil\b", r"\bobjetivo de precio\b", r"\bobjectif de cours\b",
    r"\bnot (?:financial|investment) advice\b", r"\bno constituye (?:un )?asesoramiento\b",
    r"\bne constitue pas un conseil\b", r"\bkeine anlageberatung\b",
    # a request for money that promises a receipt for the taxman, or tiers of sponsors
    # a stranger introducing its services, a launch discount, a price to lock in ("we would like
    # to introduce our services", "möchten wir Ihnen unsere Leistungen vorstellen", "nous
    # souhaitons vous présenter nos services", "nos gustaría presentarle nuestros servicios";
    # "remise de lancement", "Einführungsrabatt", "descuento de lanzamiento")
    r"\b(?:would like|wish|want) to introduce (?:our|ourselves|you to our)\b",
    r"\bmöchten (?:wir )?(?:uns|ihnen unser\w*) (?:\w+ )?(?:ihnen )?(?:kurz )?vorstellen\b",
    r"\b(?:souhaitons|aimerions|permettons de) vous présenter (?:nos|notre)\b",
    r"\b(?:gustaría|permitimos) presentarles? (?:nuestr[oa]s?|a nuestra)\b",
    r"\b(?:launch|introductory) discount\b", r"\bremise de lancement\b",
    r"\beinführungs(?:rabatt|preis|angebot)\b", r"\b(?:descuento|precio) de lanzamiento\b",
    r"\block in (?:this|these|our|today's|the) (?:pricing|prices?|rates?)\b",
    r"\btax[- ]deductible\b", r"\b(?:charitable|official) (?:tax )?receipt\b",
    r"\bsteuerlich absetzbar", r"\bspenden(?:quittung|bescheinigung)", r"\breçu fiscal\b",
    r"\b(?:deducible|desgravable)s? (?:en|de) (?:el |la )?(?:irpf|impuesto|renta)",
    r"\b(?:presenting|title|platinum|gold|silver|bronze) sponsor",
    r"\ball[- ]inclusive\b",
    r"\bcruise\b", r"\bget approved\b", r"\bpre-?approved\b", r"\bapproved in \d+",
    r"\bno credit check\b", r"\bbad credit\b", r"\bcash (?:advance|out)\b",
    r"\bfirst come,? first served\b", r"\bpre-?qualified\b",
    r"\bbusiness funding\b", r"\bworking capital\b", r"\bfunds? in \d+ hours\b", r"\brefinanc",
    # (not a customs', a tax office's or an insurer's: "WSIB clearance certificate", "tax
    # clearance status", "customs clearance fee")
    r"\b(?<!customs )(?<!tax )(?<!security )(?<!medical )clearance\b(?! (?:certificates?|"
    r"status|letters?|demand|duty|hub|office|team|fees?|services?|from|for|in|is|of)\b)",
    r"\bwholesale\b", r"\bdistributor prices\b", r"\bbuy direct\b",
    r"\bprecios? de distribuidor\b",
    r"\b(?:only|just|as low as|starting at) \$\d",
    # (not a rate changed: "increased from $1.25 to $1.60"; a range "from $5,000 to $2
    # million" and a saving claimed, "our bill went from $4,100", still advertise)
    r"\b(?<!increased )(?<!raised )(?<!rises )(?<!rose )(?<!reduced )(?<!decreased )"
    r"(?<!lowered )(?<!changed )(?<!changes )(?<!moves )(?<!adjusted )(?<!increases )"
    r"(?<!decreases )(?<!falls )(?<!goes )(?<!rising )from \$\d",
    r"\b(?:seats|spaces|quantities) (?:are )?"
    r"limited\b", r"\breserve your (?:free )?(?:seat|spot)", r"\bmore (?:customers|patients)\b",
    r"\bfirst page of google\b", r"\bmarketing leads\b", r"\b(?:ink|toner) sale\b",
    # stock tips faxed to strangers (the pump of a pump-and-dump)
    r"\b(?:ticker|stock symbol)\s*:", r"\btarget(?: price)?\s*:?\s*\$\d",
    r"\binsiders? (?:are )?buying\b", r"\bhot stock\b", r"\bkursziel\b", r"\baktientipp",
    # ... promising a share's price multiplied, and paid for by others ("Kursexplosion", "sein
    # Kapital verzehnfachen", "compensated by a third party", "von Dritten vergütet")
    r"\bkursexplosion", r"\b(?:verzehn|verzwanzig|vervielfach)\w*",
    r"\b(?:von dritten|by (?:a )?third[- ]part(?:y|ies)) (?:vergütet|bezahlt|compensated|paid)\b",
    # ... whose publisher owns the shares it tips, and says the crowd will follow
    r"\b(?:publisher|herausgeber|éditeur|editor)\b[^.]{0,40}\b(?:holds?|hält|halten|détient|"
    r"mantiene|posee)\b[^.]{0,20}\b(?:positions?|positionen|shares|aktien|actions|acciones)\b",
    r"\b(?:before|bevor|avant que|antes de que) (?:the|die|la|el) (?:breite )?"
    r"(?:crowd|masse|foule|masa|market catches on)\b", r"\bpotenzial\s*:\s*\d",
    *_FINE_THREAT,
    # a proof of a directory listing nobody ordered
    r"\bkorrekturabzug\b", r"\bproof of your (?:practice's |company's |firm's )?(?:listing|entry|"
    r"ad(?:vertisement)?)\b", r"\bépreuve de votre (?:annonce|insertion|fiche)\b",
    r"\bprueba de su (?:anuncio|inserción|ficha)\b",
    r"\bminimum (?:deposit|investment)\b", r"\bbitcoin\b",
    # (crypto assets, not cryptography: "cryptographic keys" in a manual sell nothing)
    r"\bcrypto(?!graph)\w*\b",
    # (and in the other languages: "criptomonedas", "Kryptowährung", "cryptomonnaies")
    r"\bcriptomoneda\w*", r"\bkryptowährung\w*", r"\bcryptomonnaie\w*",
    r"\b\d+ ?% (?:per|a|each) (?:week|month|day)\b",
    # an advertisement that says so
    r"\bthis (?:\w+ )?is (?:an )?advertis", r"\bdies ist (?:eine )?werbung\b",
    # German
    r"sonderangebot", r"sonderpreis", r"tiefstpreis", r"probeabo", r"mindestbestell",
    r"\b(?:jetzt|noch heute|sofort) (?:bestellen|anmelden|anrufen|buchen|sichern)",
    r"\bbestellen sie (?:jetzt|noch heute|gleich)", r"aktionspreis", r"\bangebot des monats",
    r"weihnachtsangebot", r"neukundenangebot", r"räumungsverkauf",
    r"nur solange (?:der )?vorrat reicht", r"\bjetzt bestellen", r"\bgratis\b",
    r"kostenlos (?:testen|und unverbindlich)", r"\bunverbindlich", r"versandkostenfrei",
    r"\bfrei haus\b", r"\bbis zu \d+ ?%", r"\b\d+ ?% (?:rabatt|reduziert|günstiger)",
    r"\bstatt \d+[.,]\d\d", r"\bnur \d+[.,]\d\d", r"\bab \d+(?:[.,]\d\d)? ?(?:€|eur)", r"-aktion\b",
    r"\bangebot gültig", r"\bpreisliste\b", r"\bnur \d+ plätze", r"\bplätze begrenzt",
    # French
    r"\boffre (?:spéciale|exceptionnelle|valable|limitée|promotionnelle)", r"\bpromotion\b",
    r"\bprix (?:cassés|imbattables|de gros|exceptionnels?)\b", r"\bmeilleurs? prix\b",
    r"\b\d+ ?% (?:de remise|de réduction|sur tout)", r"\bjusqu'à -?\d+ ?%",
    r"\blivraison (?:gratuite|offerte)", r"\bsans engagement\b", r"\bdevis gratuit",
    r"\bau lieu de \d", r"\bà partir de \d", r"\bdès (?:maintenant|aujourd'hui)",
    r"\bcommande minimum", r"\bliste de prix", r"\btarifs?\b", r"\bjusqu'à épuisement",
    r"\bprofitez\b", r"\bplaces limitées", r"\bnombre de places limité", r"\bmoins cher\b",
    r"\bpremier mois (?:offert|gratuit)",
    r"\boffert(?:e|s)? (?:la|le|les|pour|à)\b",
    # Spanish
    r"\boferta (?:especial|válida|exclusiva|limitada)", r"\bprecios? especial(?:es)?\b",
    r"\bprecios? imbatibles?\b", r"\bdescuento del \d+ ?%",
    r"\bal mejor precio\b", r"\b\d+ ?% de descuento", r"\bhasta (?:un )?\d+ ?%",
    r"\benvío (?:gratis|gratuito)", r"\bsin compromiso\b",
    r"\b(?:llame|pida|reserve|compre) (?:ya|ahora|hoy)\b",
    r"\bpedido mínimo", r"\bprimer mes gratis", r"\blista de precios",
    r"\bdesde \d+[.,]?\d* ?(?:€|eur|usd)",
    r"\bhasta agotar existencias", r"\bplazas limitadas", r"\btodo incluido\b",
    r"\bpromoción\b", r"\baproveche\b",
])

# A penalty's or interest's own terms, to the end of their sentence ("a penalty of 5% per month,
# up to 15%", "Säumniszuschläge von 1% je Monat", "recargo del 20 %"): what an office charges
# for paying late, no advertised rate. ingest/spam.py looks for advertising phrases without them.
PENALTY_TERMS = compile_any([
    r"\b(?:penalty|penalties|late (?:payment )?(?:fee|charge)s?|interest at|surcharge of|"
    r"finance charge|"
    r"säumniszuschl\w*|verspätungszuschl\w*|verzugszins\w*|pénalités?|majoration|"
    # (a decimal point is no sentence's end: "a finance charge of 1.5% per month")
    r"intérêts de retard|recargos?|intereses de demora|"
    r"interest (?:will be |is |shall be )?charged)\b(?:[^.]|\.\d){0,80}",
])

# The ISO codes of the currencies the faxes here are priced in (folded: lower case). (Not
# PEN: "1 pen" on a prescription is an insulin pen; PRICE reads soles as "S/ ...".)
CURRENCY_CODE = r"\b(?:gbp|eur|usd|chf|cad|aud|mxn|ars|cop|clp|uyu|mad)\b"
# A price, and a call to order or respond: together, a solicitation (with or without an
# opt-out notice).
PRICE = compile_any([
    # (an amount starts after a non-digit: otherwise a long run of digits is tried from each)
    # (and after it with a dollar sign, as Quebec writes it: "249 $")
    r"[$€£] ?\d",
    r"(?<![\d.,])\d(?:[\d.,]*\d)?(?:,-)?(?: ?(?:€|eur\b|euros?\b|usd\b|dollars?\b)| ?\$)",
    # an amount after its currency's ISO code ("GBP 18.90", "EUR 1,190.00", "USD 899", "ARS
    # 480.000"), as a business letter or OCR writes what the page printed as a sign; or before it
    # ("690 MXN", "295 CHF")
    CURRENCY_CODE + r" ?\d", r"(?<![\d.,])\d(?:[\d.,]*\d)? ?" + CURRENCY_CODE,
    r"\b\d+ ?% (?:off|rabatt|de remise|de réduction|de descuento)\b",  # a discount
    # the Peruvian sol, written "S/ 300,000" (a digit after the stroke: "s/ pedido" is "your
    # order" in Spanish business letters)
    r"\bs/ ?\d",
    # Bolivia's and Paraguay's currencies as their prices write them ("Bs. 480", "Gs. 250.000";
    # with the dot: "BS 5306" is a British Standard)
    r"\b(?:bs|gs)\. ?\d",
    # whole Swiss francs, as a Swiss price list writes them ("2'650.-", "250.-"; OCR reads the
    # apostrophe as a degree sign: "1°250.-")
    r"(?<![\d.,'°])\d{1,3}(?:['°]\d{3})*\.-(?!\d)",
])
CALL_TO_ACTION = compile_any([
    # English
    # (a request to give: the account to give into, or any amount welcome: "Spendenkonto:",
    # "Consigne en la cuenta", "compte pour vos dons", "donate online", "Jeder Betrag hilft",
    # "Cualquier monto es bienvenido", "every gift counts"; a thank-you for a gift asks none)
    r"\bspendenkonto\b", r"\bconsigne (?:en|a) (?:la|nuestra) cuenta\b",
    r"\b(?:cuenta|compte) (?:para|de|pour) (?:las |les |vos |sus )?(?:donaciones|aportes|dons)\b",
    r"\bdonate (?:now|today|online|at|by|via)\b",
    r"\b(?:jeder|jede) (?:betrag|spende|euro|franken)\b[^.]{0,10}\b(?:hilft|zählt)\b",
    r"\bcualquier (?:monto|aporte|donativo|donación|cantidad) (?:es bienvenid[oa]|cuenta|ayuda)\b",
    r"\bchaque (?:don|euro) (?:compte|aide)\b", r"\bevery (?:gift|dollar|donation) "
    r"(?:counts|helps|matters)\b",
    r"\border (?:now|today|by phone|by fax|online|yours)\b",
    # ("Call to order at 7:04 p.m.": a meeting opens; the look back comes after the word
    # boundary so that the pattern is tried only where a word starts)
    r"\bto order\b(?<!call to order)(?<!called to order)(?<!calls to order)",
    r"\bfax (?:us )?(?:your|back your|in your) order", r"\bfax (?:back )?this (?:form|sheet)",
    r"\bcall (?:now|today|us today|us now)\b", r"\bcall (?!to order)[^.\n]{0,25}\bto (?:order|book|"
    r"schedule|reserve|claim|apply|get|register|enroll|start)", r"\bbook (?:now|today)\b",
    r"\breserve (?:now|today|your)\b", r"\bregister (?:now|today|at|by phone)\b",
    r"\bsign up\b", r"\benroll\b", r"\bbook your\b", r"\bsend (?:us )?your (?:first|logo|order)",
    r"\bget (?:a|your) (?:proof|quote|demo)\b", r"\b(?:reserve|order|book) by (?:phone|fax)",
    r"\btext yes\b", r"\bapply (?:now|today|by phone|online)\b",
    r"\borders? (?:by|before|until) \d", r"\bbestellungen? (?:bis|vor) \d",
    r"\bcommandes? (?:avant|jusqu'à) \d", r"\bpedidos? (?:antes de|hasta) (?:las )?\d",
    r"\bstart your (?:free |\d+-day )?trial\b", r"\brespond (?:within|by|today)\b",
    r"\brequest (?:a|your) (?:free )?(?:quote|demo|consultation)",
    r"\bcall (?:us )?(?:toll[- ]free )?(?:at |on )?\+?1?[ (.-]*8(?:00|33|44|55|66|77|88)\b",
    # German
    r"\bbestell(?:en|ung|fax|formular)\b", r"\banmelden\b", r"\banmeldung\b",
    r"\bzurückfaxen\b", r"\bausfüllen\b", r"\bjetzt anmelden",
    r"\br(?:ü|ue)ckfax\b", r"\bantwortfax\b", r"\br(?:ü|ue)ckruf anfordern",
    r"\brufen sie (?:uns )?(?:jetzt|noch heute|gleich|heute)", r"\bfordern sie\b",
    r"\bbuchen sie\b", r"\bsichern sie sich\b", r"\btermin (?:für eine vorführung )?vereinbaren",
    # French
    r"\bcommandez\b", r"\bbon de commande\b", r"\bpassez (?:votre )?commande\b",
    r"\bretourner par fax\b", r"\binscrivez-vous\b", r"\bréservez\b",
    r"\bappelez(?:-nous)?\b", r"\bcontactez-nous\b", r"\bdemandez (?:votre|un) devis",
    r"\b(?:renvoyez|retournez) ce (?:fax|bon|document|coupon)",
    # Spanish
    r"\bpida\b", r"\bhaga su (?:pedido|encargo)\b", r"\bllame (?:ya|ahora|hoy|al)\b",
    r"\breserve (?:hoy|ya|ahora)\b", r"\binscríbase\b", r"\binscribase\b", r"\binscripciones\b",
    r"\bsolicite\b", r"\bcontrate\b", r"\binfórmese\b", r"\bhoja de pedido\b",
])

# -- ordinary documents ------------------------------------------------------------------------
# Marks of correspondence with a known party: a junk-fax broadcast has no patient, no account,
# no addressee by name, no payment terms. Each kind counts once.
_REFERENCE = (
    # ("ref", "reference", "referencia", "Referenz"; not "refills 1000 ml" nor "refund")
    # (a claim as Spanish, French and German insurers call it: "Siniestro N.° 26-AU-044", "Sinistre
    # n° 88-1", "Schadennummer 4471"; a cheque's number; "inv" is no word that starts so:
    # "Inversión 118.000 EUR")
    r"\b(?:invoice|inv(?![a-z])|account|acct|customer|member|claim|order|case|policy|siniestro|sinistre|"
    r"schaden|cheque|chèque|scheck|"
    r"ref(?:eren[cz]\w*|érence|s)?(?![a-z])"
    # (a purchase order, "PO# 44718", "PO: 2026-0412", not a word that starts so:
    # "Podbielskistraße 190")
    r"|po(?![a-z])|quot(?:e|ation)|confirmation|file|dossier|contract|rechnung|kunden|konto|vertrag"
    r"|akten|auftrag|facture|client|factura|cliente|expediente|pedido|póliza|réclamation"
    r"|presupuesto|devis|soumission|angebot|contrato|contrat|cotizaci[oó]n|commande|bestellung"
    # a permit, a work order: what an authority or a contractor files under
    r"|permit|work order|genehmigung"
    # a dealer's own number with its supplier ("Dealer no.: CFR-3318", "Dealer #: RRG-SK-0071")
    r"|dealer"
    # an insurer's policy and broker numbers ("Vers.-Nr.: GV 45-881203", "Vermittler-Nr.
    # 0031-4478", "Policen-Nr. 77120")
    r"|vers\.?-?nr|vermittler-?nr|policen?-?nr"
    # a Swiss debt-enforcement case ("Poursuite n° 26-118420", "Betreibung Nr. 5512")
    r"|poursuite|betreibung"
    # a member's number ("Mitglieds-Nr. 1172", "socio n° 2231", "n° d'adhérent"), a bill of
    # lading's or an air waybill's ("B/L: NSLU2611884", "AWB 020-1234 5675", "Frachtbrief")
    r"|mitglieds?|socio|asociad[oa]|adhérent|b/l|bill of lading|awb|air waybill|frachtbrief"
    r"|connaissement"
    r"|conocimiento de embarque|guía aérea"
    # the reader's own tax or company number, as an office quotes it ("Steuernummer: 41/555/0182",
    # "Company number: 555812", "VAT no. ...", "Tax ID:", "numéro fiscal", "NIF:", "CUIT:")
    r"|steuernummer|steuer-?nr|ust-?id(?:-?nr)?"
    r"|(?:company|vat) (?:number|no|reg(?:istration)? (?:number|no))"
    r"|tax (?:id|number|reference)|utr|ird"
    r"|numéro fiscal|siret|siren|nif|cif|cuit|rut|rfc)")
# The mark by which a sender says why the reader receives its fax (a member, a customer):
# ingest/spam.py weighs it on its own.
STATED_RELATIONSHIP = "a stated relationship"
# ... and the mark of a printed web page (its "unsubscribe" is its site's newsletter's).
PRINTED_WEB_PAGE = "a printed web page"
_CLINICAL = [
    r"\bdiagnos(?!tic (?:equipment|tools?|devices?|software|scanners?|services?)\b)"
    # (nor a building's, as French names its surveys: "diagnostic accessibilité", "diagnostic
    # énergétique", "diagnostics immobiliers")
    r"(?!tics? (?:accessibilit|énergétique|immobilier|amiante|plomb|termites|électrique|gaz|"
    r"incendie|sécurité)\w*)"
    # (a free one is a salesman's visit: "un diagnostic gratuit de votre toiture")
    r"(?!\w* (?:gratuit|gratuito|gratis|free|offert|kostenlos))",
    # (not medicines sold without one: "sin receta", "sans ordonnance")
    r"\bprescriber\b", r"\bbefund\b", r"\b(?<!sans )ordonnance\b", r"\b(?<!sin )receta\b",
    # the clinician an order or a result is filed under, as a form's field ("Ordering physician:
    # Ingrid Solvang MD", "Referring provider:"): on 18 labelled ordinary faxes, no junk fax
    r"\b(?:ordering|referring|treating|attending) (?:physician|provider|clinician|doctor|"
    r"practitioner|prescriber)\s*:",
]
_DOSE = r"\b\d+ ?mg\b"
ORDINARY = compile_each({
    "a patient": [
        # (not a date of birth among the fields a form asks for: "employee census (name, DOB,
        # zip)")
        r"\bpatient(?:in)?\s*:", r"\bpaciente\s*:", r"\bdob\b(?! ?[,)])",
        r"\bdate of birth\b(?! ?[,)])",
        r"\bmrn\b", r"\bgeb\.\s*\d", r"\bgeboren am\b", r"\bgeburtsdatum\b",
        r"\bnée? le \d", r"\bdate de naissance\b", r"\bfecha de nacimiento\b",
        r"\bihre[rn]? patient(?:in)?\b", r"\bsu paciente\b", r"\bvotre patient",
        r"\bmember(?: id| name)?\s*:", r"\bversicherte[rn]?\s*:", r"\bassurée?\s*:",
        # (the holder of an account or a contract, named: NAMED_HOLDER, over lines)
        r"\basegurado\s*:", r"\badhérente?\s*:", r"\bafiliado\s*:", r"\bmitglied\s*:",
        # (and in English: "Our insured: Priya Raman", "Insured: ...")
        r"\b(?:our |the )?insured(?: person| party)?\s*:",
        # the person a funeral, an estate or a death's papers are about ("Deceased: ...",
        # "Verstorbene: ...", "Défunt : ...", "Fallecido: ...")
        r"\b(?:deceased|verstorbene[rn]?|défunte?|difunt[oa]|fallecid[oa])\s*:\s*[a-z]",
        # an insured person's social security number, given ("VSNR 4412 120890", "SSN:
        # 123-45-6789", "NI number: QQ 12 34 56 C", "n° de sécurité sociale : 1 84 ...", "número
        # de afiliación: 28/1234")
        r"\b(?:vsnr|sv-?nr|sozialversicherungsnummer|versicherungsnummer)\.?\s*:?\s*\d",
        r"\b(?:ssn|social security (?:no|number))\.?\s*:?\s*\d",
        r"\b(?:ni|national insurance) (?:no|number)\.?\s*:?\s*[a-z]{2} ?\d",
        r"\b(?:n°|numéro) de sécurité sociale\s*:?\s*\d",
        r"\bn(?:ú|u)mero de (?:afiliaci[oó]n|seguridad social)\s*:?\s*\d",
    ],
    "a reference number": [
        # a reference the reader is asked to quote when it replies ("Bei Antwort bitte angeben",
        # "Please quote this reference", "à rappeler dans toute correspondance", "indique este
        # número en su respuesta")
        r"\bbei (?:antwort|rückfragen|zahlung(?:en)?) bitte (?:stets |immer )?angeben\b",
        # a number grouped by spaces after a label that no telephone number has ("Account
        # reference: 6005 5519 4", "Steuernummer: 047 555 12345", "UTR: 12345 67890"; with a
        # leading letter group too: "Account ref: NDR 4410 2275")
        r"\b(?:steuernummer|steuer-?nr|(?:account|customer|client|tax|rates|payment) "
        r"(?:reference|ref|number|no)|kundennummer|kunden-?nr|utr|(?:vat|company) (?:number|no)|"
        r"numéro (?:fiscal|client)|n[uú]mero de (?:cliente|cuenta))\.?\s*:?\s*"
        r"(?:[a-z]{1,4} )?\d{2,5}(?: \d{1,6}){1,3}\b",
        # a shipping container's number (ISO 6346: owner code ending in U, six digits, check
        # digit: "MSKU 555876-2", "TGHU5551230"): on 40 ordinary faxes, no junk fax
        r"\b[a-z]{3}u ?\d{6}[- ]?\d\b",
        # (a public cash office's payment reference: "Kassenzeichen 7.555.0418.26")
        r"\bkassenzeichen\b\s*:?\s*[\d.]{6,}",
        r"\bplease quote (?:this|our|the above|your) (?:reference|ref|number|account number)\b",
        # (the reader's own number to quote: "Employer Helpline 01 555 0320, quoting your
        # registration number", "quote your contractor number"; not "quote your account number
        # for net-30 terms", which junk writes as often as suppliers do)
        r"\bquot(?:e|ing) your (?:registration|contractor|booking) (?:number|reference|ref)\b",
        r"\bà (?:rappeler|mentionner|indiquer|reporter) (?:dans|sur) (?:toute|votre|vos) "
        r"(?:correspondance|réponse|courrier)",
        r"\b(?:indique|cite|mencione) (?:este|el|dicho) (?:número|n[uú]mero de referencia|"
        r"expediente) en (?:su|toda) (?:respuesta|correspondencia)\b",
        # (OCR reads "n°" as "n.": "Poursuite n. 26-118420")
        _REFERENCE + r"[\w.-]*(?:(?:\s*(?:no\.?|n\.o\.?|nro\.?|nr\.?|n\.?[°º*]|n\.(?= ?\d)|number|"
        r"num(?:ero)?|"
        # (OCR reads a colon twice: "Confirmation no.:: DPH-8841207")
        r"#|id)\s*[:.]{0,2}|\s)"
        # (a code of letter groups before its digits: "MG-A-2201937")
        r"\s*(?!\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4})(?:[a-z]{1,4}-)?[a-z]{0,4}[-/]?\d[\d/-]{2,}"
        # a label and a colon ("Account: MPS-7731205"), not a telephone number ("Orders: 0113
        # 496 0455", "Order: 1-800-555-0100")
        r"|\s*:\s*(?!1?[ .-]?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4})"
        r"[a-z]{0,4}[-/]?\d[\d/-]{2,}(?![\d/-]|[ .]\d))",
        # a bill of lading's or an air waybill's number mixes letters into its digits ("B/L No:
        # 4MSKU0071552")
        r"\b(?:b/l|bill of lading|awb|air waybill|connaissement|conocimiento de embarque)\s*"
        r"(?:no\.?|nr\.?|n°|number|#)?\s*:?\s*(?=[a-z\d]*\d{5})[a-z\d]{7,}\b",
        # (and an account's: "Beitragskontonummer: 8814402")
        r"\b\w+(?:vertrag|rechnung|auftrag|bestellung|konto)s?\s*(?:nr\.?|-?nummer)\s*[:.]?\s*"
        r"[a-z]{0,4}[-/]?\d[\d/-]{2,}",
        # a booking's number, labelled as one ("Booking no. HB-5521", "N° de réservation :
        # GB-12-3456", "Buchungsnummer: 88123", "Número de reserva: R-7781"): "reserve by
        # 15/12" or "Reservations 0800 ..." is none
        # a number as Latin America abbreviates it, after any label ("Cotización Nro. 2026-774",
        # "Nro. Patronal: 0555-10477"), not a telephone's ("Nro. de teléfono: 2 555 7022")
        r"\bnro\.?\s*(?:de )?(?:(?!tel|fax|cel|m[oó]vil|whats)[a-z]+\.?\s*)?:?\s*[a-z]{0,4}-?"
        r"\d[\d/-]{3,}(?![\d/-]|[ .]\d)",
        r"\b(?:booking|reservation|réservation|reserva|buchung)s?[ -]?(?:no\.?|nr\.?|n°|number|"
        r"nummer|numéro|número|#)\s*:?\s*[a-z]{0,4}[-/]?\d[\d/-]{2,}",
        # a policy, a contract or an account named by its kind ("póliza de crédito
        # 0447-55-120883", "contrat de maintenance 2026-118", "Vertrag über Wartung 55-21")
        r"\b(?:póliza|poliza|contrato|cuenta|expediente|police|contrat|compte|policy|account|"
        r"contract|vertrag|konto) (?:de|d'|du|del|of|über|für) ?[a-zé]+ (?:n[°o.º]*\s*)?"
        r"[a-z]{0,4}[-/]?\d[\d/-]{3,}\d\b",
        r"\b(?:no\.?|nr\.?|n°|n\.°|number|numéro|número) (?:de |of )?(?:booking|reservation|"
        r"réservation|reserva)\s*:?\s*[a-z]{0,4}[-/]?\d[\d/-]{2,}",
        # (in groups too: "Confirmation: HFH-G-61077", "Reservation no. GB-12-3456")
        r"\b(?:booking|reservation|confirmation)\b\.?\s*(?:no\.?|#|number)?\s*:?\s*"
        r"(?=[a-z\d-]*\d{3})[a-z\d]{1,6}(?:-[a-z\d]{1,6}){1,3}\b",
        # booking and record references mix letters and digits: "Booking ref K7QX2M"
        r"\b(?:booking|reservation|confirmation|conf|ref|reference|locator|pnr)\b\.?\s*"
        r"(?:no\.?|#|:)?\s*(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]{5,8}\b",
        # the reader's account or customer number in letter groups ("Account: MVD-GA-30915",
        # "Kundennummer: KD-NW-44120"); not any reference so written, which a sender's own
        # file number is as often ("Réf.: OCPD-VD-2026-4410" on a fake registry's demand)
        r"\b(?:account|acct|customer|client|kunden|compte|cuenta)(?:[ -]?(?:no\.?|nr\.?|n°|"
        r"number|nummer|numéro|número|#))?\s*:\s*[a-z]{1,4}-[a-z]{1,4}-\d{3,}\b",
        # ... and so do account codes ("Account: HOL01", "Kundenkonto: MEY7")
        r"\b(?:account|acct|kundenkonto|compte client|cuenta cliente)\b\.?\s*(?:no\.?|#)?\s*:\s*"
        r"(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]{4,8}\b",
    ],
    "an addressee by name": [
        r"\b(?:dear|hello) (?:dr|mr|mrs|ms|miss|prof)\.? [a-z]",
        # a name, not a role ("Sehr geehrter Herr Doktor" greets whoever reads it)
        r"\bsehr geehrte[r]? (?:frau|herr) (?:kolleg\w+ )?(?:(?:dr|prof)\.? )*"
        r"(?!doktor\b|doctor\b|kolleg|direktor|geschäftsführer|inhaber)"
        # (nor the reader's trade: "Sehr geehrte Frau Steuerberaterin, sehr geehrter Herr
        # Steuerberater")
        r"(?!(?:\w*berater(?:in)?|rechtsanwält\w*|rechtsanwalt|notar(?:in)?|apotheker(?:in)?|"
        r"zahnärzt\w*|zahnarzt|tierärzt\w*|tierarzt)\s*[,:])[a-z]",
        # (not "Liebe Kolleginnen und Kollegen,", which greets whoever reads it)
        r"\bliebe[r]? (?:frau|herr|kolleg\w*) (?!und\b)[a-z]",
        # "Cher confrère" writes to one doctor; "Cher confrère, chère consœur" to any
        r"\bcher confrère\b(?![,;/ ]+(?:et )?chère cons)", r"\b(?<!confrere, )(?<!confrere )"
        r"chère consœur\b",
        r"\b(?:cher|chère) (?:monsieur|madame|docteur|dr) [a-z]",
        # a letter's attention line naming its reader ("At.: Sr. Diego Carrizo", "Attn: Ms. Lee",
        # "z. Hd. Herrn Vogel", "À l'attention de M. Roux", "Atención: Sra. Díaz")
        r"\b(?:attn|att|at(?=\.)|atención|atencion|a/a|z\.? ?hd|zu händen(?: von)?|"
        # (folded, "à" is "a": written so, not as a letter OCR may misread)
        r"a (?:l' ?)?attention de|(?<![\w-])to(?=\s*:))"
        r"(?:\.\s*:?|\s*:|\s)\s*(?:(?:sr|sra|srta|mr|mrs|ms|dr|herrn?|frau|mme|monsieur|madame|"
        r"señor|señora)\.?|m\.) (?!doktor|doctor|docteur|doctora|kolleg|direct|geschäftsführ|"
        r"inhaber|owner|manager|responsable|encargad|gerente)[a-z]",
        r"\bestimad[oa] (?:sr|sra|dr|dra|señor|señora|doctor|doctora|colega)\.? [a-z]",
        # a first name ("Dear Danielle,"), not a role a broadcast greets ("Dear Doctor,")
        r"\b(?:dear|hi|hello|hallo|liebe|lieber|bonjour|hola|querid[oa]) (?!(?:friends?|"
        r"doctors?|colleagues?|customers?|clients?|sirs?|madam|partners?|valued|practice|"
        r"managers?|office|team|all|everyone|everybody|there|folks|readers?|homeowners?|owners?|"
        r"providers?|docs?|boss|fellows?|sirs?|madams?|business|entrepreneurs?|"
        r"physicians?|attorneys?|counsel(?:or)?s?|dentists?|pharmacists?|members?|neighbou?rs?|"
        r"professionals?|practitioners?|administrators?|subscribers?|colleague|buyers?|"
        # (and investors and agents as a trade: "Liebe Anleger,", "Dear Agent,")
        r"agents?|investors?|anleger(?:in|innen)?|inversor(?:es|as?)?|inversionistas?|"
        r"investisseurs?|"
        r"directors?|again|taxpayers?|contribuyentes?|printers?|farmers?|growers?|"
        r"retailers?|dealers?|suppliers?|healthcare|employers?|exhibitors?|advertisers?|"
        r"participants?|delegates?|sponsors?|unternehmer(?:in|innen)?|empresari[oa]s?|"
        r"kunden?|kolleg\w*|doktor|docteur|confrères?|amigos?|doctora|madame|monsieur|"
        r"frau|herr|mr|mrs|ms|dr|prof|sr|sra)\b)"
        # (nor a role in a compound: "Liebe Geschäftskunden,", "Liebe Fachkollegen,")
        # (nor teams and firms: "Liebe Praxisteams, liebe Betriebe")
        r"(?![a-z]*(?:kunden|kunde|partner|partnerinnen|kollegen|kolleginnen|freunde|teams|"
        r"betriebe|unternehmer|unternehmerin)\b)"
        r"[a-z][a-z'-]+ ?,",
        # (written with a comma after the greeting and a colon after the name, as Spanish
        # letters do: "Hola, Maite:")
        r"\b(?:hola|hi|hello|hallo|bonjour), (?!(?:equipo|team|todos|tous|alle|everyone|all|"
        r"there|amigos|friends|colegas|colleagues|doctor|doctora|docteur|doktor|señores|"
        r"señoras|cliente|clientes)\b)[a-z][a-z'-]+ ?:",
        # (or the name first: "Rocío, buenos días:"; on 3 studied ordinary faxes, no junk fax)
        r"\b(?!(?:hola|señores|señoras|señor|señora|amigos|amigas|colegas|equipo|todos|"
        r"compañeros|vecinos|clientes|socios|familias)\b)[a-z][a-z'-]+, buen(?:os|as) "
        r"(?:días|tardes|noches)\s*:",
    ],
    "payment terms": [
        # (not terms offered to a stranger: "we can open a net 30 account for you"; nor to a
        # class of buyers: "net 30 terms for businesses", "paiement à 30 jours pour les
        # professionnels", "crédito a 30 días para empresas": a price list's, not a bill's)
        r"\bnet \d{2}\b(?! accounts?\b)(?!(?: terms)? for\b)", r"\bpayment (?:is )?due\b",
        r"\bamount due\b", r"\btotal due\b",
        r"\bbalance due\b",
        # ("Remit to: PO Box ...", "remit within 30 days"; not a practice described: "your
        # customers simply remit to a lockbox")
        r"\bremit\b(?! to (?:a|an|the)\b)", r"\bzahlbar\b", r"\bzahlungsziel", r"\büberweisen\b",
        r"\bskonto\b", r"\bohne abzug\b", r"\b(?:paiement|règlement) à \d+(?!\d)(?! jours pour\b)",
        r"\bconditions de paiement", r"\bvencimiento\s*:",
        r"\bvencimiento (?:de la|del) (?:factura|pago|recibo)\b",
        r"\bforma de pago\b",
        # (not a delivery time: "en 7 a 12 días hábiles")
        r"\b(?<!\d )a \d+ días\b(?! para\b)",
    ],
    # the sender states why the reader receives it: a member, a subscriber, a customer ("You
    # receive this bulletin as a member of ...", "als Mitglied des ...", "en tant qu'adhérent")
    STATED_RELATIONSHIP: [
        # a union writing to its members ("your bargaining committee", "your stewards", "votre
        # délégué syndical", "Ihr Betriebsrat", "su delegado sindical")
        r"\byour (?:union )?(?:bargaining (?:committee|team)|stewards?|shop stewards?)\b",
        r"\bvotre (?:délégué|déléguée|section) syndica", r"\bihre? (?:betriebsrat|"
        r"vertrauensleute|gewerkschaft)\b", r"\bsu (?:delegad[oa]|sección) sindical\b",
        r"\bas an? (?:member|subscriber|customer|client|patient|policyholder|account holder)s? "
        r"(?:of|at|with)\b",
        r"\bas an? (?:(?!valued|new|potential|prospective)[\w-]+ )?(?:member|subscriber|"
        r"account ?holder)\b",
        # (a customer the sender knows as such: "As an active account, you qualify ...")
        r"\bas an? (?:active|existing|current) (?:account|customer|client|dealer|stockist)"
        r"(?: holder)?\b",
        r"\bals (?:mitglied|abonnent\w*)\b",
        r"\bals (?:mitglied|kunde|kundin|abonnent\w*|patient\w*|versicherte\w*) (?:der|des|von|"
        r"bei|unser\w*)\b",
        r"\ben (?:tant qu[e']|qualité d'|qualité de) ?(?:membre|client|adhérent|abonné|patient|"
        r"assuré|inscrit|licencié)e?s?\b",
        r"\bcomo (?:socio|socia|miembro|cliente|afiliad[oa]|suscriptor\w*|paciente|colegiad[oa]|"
        r"asegurad[oa]|asociad[oa])s? (?:de|del)\b",
        # why the reader receives it, said of the paper itself ("You receive this bulletin as a
        # member", "Sie erhalten dieses Rundschreiben als Mitglied", "Vous recevez cette lettre
        # en tant qu'adhérent", "Reciben esta circular como asociados")
        # (or as a partner of the sender's: "Vous recevez cette lettre en tant qu'hébergeur
        # partenaire", "as a partner practice")
        r"\b(?:you )?receive (?:this|our) [\w-]+ (?:as an? |because you are an? )"
        r"(?:member|subscriber|customer|client|partner\b|[\w-]+ partner\b)",
        # (in more words: "You are receiving this circular as a nominated club contact", "...
        # because you hold a dealer account", "... because your pharmacy is a member of";
        # 42 studied ordinary faxes say why so, no junk fax does)
        r"\b(?:you )?(?:receive|are receiving) (?:this|our) [\w-]+ (?:as an? (?!valued\b)"
        r"(?:[\w-]+ ){0,3}(?:member|subscriber|customer|client|partner|contact|account holder|"
        r"holder)\b|because (?:you hold an? (?:[\w-]+ )?account|(?:you are|your [\w-]+ is) an? "
        r"(?:[\w-]+ )?member|you (?:booked|made a booking|ordered)))",
        r"\berhalten (?:dieses|diese|den|das|unser\w*) [\w-]+ als (?:mitglied|kunde|kundin|"
        r"abonnent|\w*partner)",
        r"\brecevez (?:cette|ce|notre) [\w-]+ (?:en (?:tant qu[e']|qualité d')|à titre d[e']) ?"
        r"(?:membre|client|adhérent|abonné|partenaire|[\w-]+ partenaire)",
        r"\breciben? (?:est[ae]|nuestr[oa]|el|la) [\w-]+ como (?:socio|socia|miembro|cliente|"
        r"afiliad|suscriptor|colegiad|asociad|colaborador)",
        # terms under the reader's own agreement with the sender ("Per your 2026 dealer
    # agreement", "under your supply agreement", "gemäß Ihrem Rahmenvertrag", "conformément à
    # votre contrat", "según su contrato"): junk asks about "your contract", never under it
    r"\b(?:as )?(?:per|under) your (?:\d{4} )?(?:[\w-]+ ){0,2}(?:agreement|contract|lease)\b",
    r"\b(?:gemäß|laut) ihre[mn] \w*vertrag\b", r"\b(?:conformément à|selon) votre contrat\b",
    r"\b(?:según|conforme a) su contrato\b",
    # ... or a paper saying it goes only to the sender's contracted or registered dealers
    # ("This flyer is sent to contracted Pro-Flo dealers only", "sent to all registered owners")
    r"\bsent (?:only )?to (?:all )?(?:our )?(?:contracted|registered|authori[sz]ed|approved) "
    r"(?:[\w-]+ ){0,2}(?:dealers|owners|resellers|distributors|stockists|installers|"
    r"partners|members|customers)\b",
    # terms kept for the sender's customers under contract or with an account ("For
        # account customers only", "conditions réservées à nos clients sous contrat", "nur für
        # Kunden mit Rahmenvertrag", "reservado a clientes con contrato"): an offer to a
        # stranger has neither
        r"\bfor (?:our )?(?:trade |credit )?account (?:customers|holders)(?: only)?\b",
        # ("For authorized dealers only", "Dealer bulletins are sent to active accounts")
        r"\bfor (?:authori[sz]ed|registered|contracted|approved) (?:dealers|resellers|stockists|"
        r"installers|members) only\b",
        r"\b(?:bulletin|newsletter|circular|update)s? (?:are|is) sent to (?:our )?(?:active|"
        r"existing|current) (?:accounts|customers|dealers|account holders)\b",
        r"\b(?:réservée?s?|destinée?s?) (?:à|a|aux) (?:nos )?clients (?:sous contrat|en compte|"
        r"sous convention)\b",
        r"\bnur für (?:unsere )?kunden mit (?:rahmenvertrag|kundenkonto|vertrag)\b",
        r"\b(?:reservad[oa]s?|exclusiv[oa]s?) (?:a|para) (?:nuestros )?clientes (?:con contrato|"
        r"con cuenta)\b",
        # a circular addressed to the sender's own members ("To all members", "An alle
        # Mitglieder", "À tous les adhérents", "A todos los asociados")
        r"\bto all (?:our )?members\b", r"\ban alle (?:unsere[n]? )?mitglieder\b",
        r"\ba tou(?:te)?s (?:les|nos) (?:adhérent|membres|sociétaires)",
        r"\ba todos (?:los|nuestros) (?:asociados|socios|afiliados|colegiados|miembros)\b",
        # a circular named as the members' own, or asking for their member number
        r"\bmembers?'? circular\b", r"\bcircular to (?:all )?members\b",
        r"\bmembers?'? (?:fax |e-?mail )?(?:bulletin|newsletter|update)\b",
        r"\bmitglieder(?:rundschreiben|information|brief)\b",
        r"\bcirculaire (?:aux |des |d')?(?:adhérents|membres|sociétaires)\b",
        r"\bcircular (?:a|para) (?:los |nuestros )?(?:socios|asociados|afiliados|colegiados)\b",
        r"\b(?:their|your) member(?:ship)? (?:number|no)\b", r"\bihre[rn]? mitgliedsnummer\b",
        # a subscriber thanked, its subscription's number, its own edition ("Thank you for
        # subscribing (subscription no. ...)", "subscriber edition", "Danke für Ihr Abonnement",
        # "Abonnentenausgabe", "merci de votre abonnement", "édition abonnés", "gracias por su
        # suscripción", "edición para suscriptores")
        r"\bthank(?:s| you) for (?:subscribing|your subscription)\b",
        r"\bsubscription (?:no|number|nr|ref)\b", r"\bsubscribers?'? edition\b",
        r"\b(?:danke|vielen dank) für ihr (?:abonnement|abo)\b", r"\babo(?:nnement)?-?nummer\b",
        r"\babonnentenausgabe\b", r"\bmerci (?:de|pour) votre abonnement\b",
        r"\bnuméro d'abonné\b", r"\bédition (?:réservée aux )?abonnés\b",
        # (the subscriber's own number and edition: "Abonné n° 67-04418", "édition fax
        # abonnés", "Subscriber no. 4471", "Suscriptor N° 118"; "Votre abonnement ... est
        # valable jusqu'au")
        r"\bédition (?:[\w-]+ ){1,2}abonnés\b", r"\babonné n[°o.º]*\s*\d",
        r"\bsubscriber (?:no|number|#|id)\.?\s*:?\s*\d", r"\bsuscriptor n[°o.º]*\s*\d",
        r"\babonnenten-?(?:nr|nummer)\.?\s*:?\s*\d",
        r"\bvotre abonnement\b[^.]{0,40}\b(?:valable|expire|court)\b",
        r"\byour subscription\b[^.]{0,30}\b(?:is valid|expires|runs|renews)\b",
        r"\bgracias por su suscripci[oó]n\b", r"\bnúmero de suscriptor\b",
        r"\bedición (?:para|de) suscriptores\b",
        # ... or a bulletin saying it goes to the sender's clients or subscribers ("This newsletter
        # goes to clients and subscribers", "Dieser Rundbrief geht an unsere Mandanten", "cette
        # lettre est réservée à nos abonnés", "este boletín se envía a nuestros clientes")
        r"\b(?:bulletin|newsletter|circular|update|letter)s? (?:goes|go|is sent|are sent|is faxed|"
        r"is mailed|is reserved) (?:only )?to (?:our )?(?:clients|subscribers|customers|members)\b",
        r"\b(?:newsletter|rundbrief|infobrief|rundschreiben) (?:geht|wird) (?:nur )?an (?:unsere |"
        r"alle )?(?:kunden|abonnenten|mandanten|mitglieder)\b",
        r"\b(?:lettre|newsletter|circulaire|bulletin) (?:[\w'-]+ ){0,2}?est (?:envoyée?|adressée?|"
        r"réservée?) (?:à|aux) (?:nos )?(?:clients|abonnés|adhérents)\b",
        r"\b(?:boletín|newsletter|circular) (?:[\w-]+ ){0,2}?se (?:envía|remite) (?:solo |"
        r"únicamente )?a (?:nuestros |sus )?(?:clientes|suscriptores|socios|afiliados)\b",
        # ... or a circular to the holders of the sender's accounts ("To: All trade account
        # holders", "An alle Kontoinhaber", "À tous les titulaires d'un compte", "A todos los
        # titulares de cuenta")
        r"\bto:? all (?:our )?(?:[\w-]+ )?account (?:holders|customers)\b",
        r"\ban alle (?:unsere[n]? )?(?:\w+)?kontoinhaber\b",
        r"\b(?:à|a) tous (?:les|nos) (?:titulaires d'un compte|clients en compte)\b",
        r"\ba todos (?:los|nuestros) (?:titulares de cuenta|clientes con cuenta)\b",
        r"\b(?:votre|leur) numéro d'adhérent\b",
        r"\bsu número de (?:socio|asociado|afiliado|colegiado)\b",
        r"\b(?:because|since) you are an? (?:member|subscriber|customer|client|patient)\b",
        r"\bweil sie (?:mitglied|kunde|kundin|abonnent\w*|patient\w*)\b",
        r"\bparce que vous êtes (?:membre|client|adhérent|abonné|patient)",
        r"\bpor ser (?:socio|socia|miembro|cliente|colegiad[oa]|afiliad[oa]|suscriptor|paciente)",
        # a bulletin saying whom it is for: the sender's members ("This bulletin is sent to
        # member practices", "Rundbrief für Mitgliedsbetriebe", "lettre d'information aux
        # adhérents", "boletín para asociados")
        r"\b(?:bulletin|newsletter|circular|mailing)s? (?:[\w-]+ ){0,4}?(?:is |are )?"
        r"(?:sent|faxed|mailed|for|to) (?:only )?(?:to )?(?:all )?(?:our )?"
        r"member(?:s\b| [a-z]+s\b)",
        r"\b[\w-]*(?:info|information|rundschreiben|rundbrief|mitteilung|newsletter|brief)\w* "
        r"f(?:u|ue|i)r (?:unsere |alle )?mitglied\w*",
        r"\b(?:bulletin|lettre|circulaire|info)\w* (?:[\w'-]+ ){0,3}?(?:aux|pour (?:les |nos )?|"
        r"a nos|des) (?:adhérents|membres|sociétaires|affiliés)\b",
        r"\b(?:boletín|circular|informativo|comunicado|newsletter)\w* (?:[\w-]+ ){0,3}?"
        r"(?:para|a) (?:nuestros |los |sus )?(?:afiliados|asociados|socios|agremiados|colegiados|"
        r"miembros)\b",
        # (members that are organisations, and the paper saying who receives it: "Boletín
        # para organizaciones socias", "Reciben este boletín las organizaciones socias")
        r"\b(?:boletín|circular|informativo|comunicado|newsletter)\w* (?:para|a) (?:nuestras |"
        r"las |sus )?(?:organizaciones|entidades|empresas|instituciones|cooperativas) "
        r"(?:socias|asociadas|afiliadas|miembros)\b",
        # (of any kind, and said of its sending: "Boletín para escuelas asociadas", "Este
        # boletín se envía únicamente a las notarías asociadas")
        r"\b(?:boletín|circular|informativo|comunicado|newsletter)\w* (?:[\w-]+ ){0,2}?"
        r"(?:para|(?:se envía|se remite) (?:solo |únicamente |exclusivamente )?a) (?:nuestr[oa]s |"
        r"l[oa]s |sus )?[a-zíéóáú]+s (?:soci[oa]s|asociad[oa]s|afiliad[oa]s|miembros)\b",
        r"\breciben? (?:est[ae]|nuestr[oa]) [\w-]+ (?:los|las|nuestr[oa]s) (?:[\w]+ )?"
        r"(?:soci[oa]s|asociad[oa]s|afiliad[oa]s|miembros)\b",
    ],
    "a reply to the recipient": [
        # a subject line naming the reader's own order or request ("Ref.: su pedido del 27/11")
        r"\b(?:ref|re|betreff|bezug|objet|asunto|referencia)\.?\s*:\s*(?:your|su|votre|ihre?) "
        r"(?:order|request|enquiry|inquiry|pedido|solicitud|consulta|commande|demande|"
        r"bestellung|anfrage|auftrag|"
        # (or the reader's own shipment or file: "Ref.: su despacho DI 5550-2611", "Re: your
        # shipment", "Objet : votre envoi", "Betreff: Ihre Sendung")
        r"shipment|consignment|despacho|embarque|envío|envoi|expédition|sendung|lieferung)",
        # (without the colon: "Re your buyer's request for 1804-455 Beach Ave")
        r"\bre:? your (?:[\w']+ )?(?:order|request|enquiry|inquiry|query|question)\b",
        # ... or done as the reader asked ("as you asked", "como me pediste por teléfono",
        # "comme vous me l'avez demandé", "wie von Ihnen gewünscht")
        r"\bas you (?:asked|requested)\b", r"\bcomo (?:me )?(?:pediste|pidió|solicitó|"
        r"solicitaste|nos pidió)\b", r"\bcomme (?:vous me l'avez|tu me l'as) demandé\b",
        r"\bwie (?:von )?ihnen (?:gewünscht|erbeten|angefordert)\b",
        # a reply to the reader's message ("got your voicemail", "habe Ihre Nachricht erhalten",
        # "j'ai bien reçu votre message", "recibí su mensaje")
        r"\b(?:got|received|thanks for|thank you for) your (?:voicemail|voice mail|message|"
        r"phone message)\b", r"\b(?:habe|haben) ihre (?:nachricht|sprachnachricht)\b",
        r"\b(?:j'ai|nous avons) (?:bien )?(?:eu|reçu) votre message\b",
        r"\brecib[ií](?:mos)? su (?:mensaje|recado)\b",
        r"\bthank you for (?:your order|referring|the referral|seeing|your request)",
        # ("Thank you for your claim dated 3 October", "for your letter of 12 May")
        r"\bthank(?:s| you) for your (?:claim|letter|enquiry|inquiry|e-?mail|fax|application) "
        r"(?:dated|of|received|sent)\b",
        r"\bper your request\b", r"\bas (?:requested|discussed|agreed)\b",
        # (the reader's own application or order, dated: "Ihre Anmeldung vom 19.11.2026", "your
        # application of 3 May", "votre demande du 12/10", "su solicitud del 4 de marzo")
        # ("Auf Antrag vom 12.11.2026 wird der Vertrag wie folgt geändert")
        r"\bauf (?:ihren )?antrag vom \d",
        r"\b(?:ihre?|your|votre|su) (?:anmeldung|antrag|application|demande|solicitud|anfrage|"
        r"bestellung|commande|pedido) (?:vom|of|dated|du|del|de fecha) \d",
        # (done as the reader's own quote or offer said: "Pricing per your quote Q-44108")
        r"\b(?:as )?per your (?:[\w'-]+ ){0,2}(?:quote|quotation|offer|enquiry|inquiry)\b",
        # (a bid answering the reader's own call for tenders: "Objet : Votre appel d'offres sur
        # invitation 2026-TP-04", "in response to your RFQ of Oct 30", "su licitación")
        r"\b(?:votre|your|su|ihre?) (?:appel d'offres|invitation to (?:tender|bid)|request for "
        r"(?:quotation|proposal|tender)|rfq|rfp|licitaci[oó]n|ausschreibung)\b",
        # (and the reader's own bid answered: "your tender submission for the above has been
        # accepted")
        r"\byour (?:tender|bid) (?:submission|of|dated|for)\b",
        r"\bvielen dank für die überweisung", r"\bvielen dank für ihre (?:bestellung|anfrage)",
        r"\bwir berichten über\b", r"\bbezugnehmend auf\b",
        r"\bsuite à (?:notre|votre) (?:entretien|conversation|échange|demande)",
        r"\bles? confirmamos\b", r"\ben respuesta a\b", r"\bsegún lo acordado\b",
        r"\bwie (?:(?:bereits|schon|heute|gestern|telefonisch|am telefon|mit \w+) )*"
        r"(?:besprochen|vereinbart)\b",
        r"\bcomme convenu\b",
        r"\b(?:conforme|de acuerdo)(?: a| con)? lo (?:conversado|hablado|acordado)\b",
        r"\bsegún lo (?:conversado|hablado)\b",
        r"\b(?:tal )?como (?:acordamos|hablamos|quedamos)\b",
        r"\b(?:as per|following|further to) our (?:conversation|call|phone call|telephone "
        r"conversation|meeting|visit)\b",
        r"\bsuite à (?:notre|votre) (?:appel|visite|rendez-vous)\b",
        r"\bnach unserem (?:telefonat|gespräch|termin)\b",
        # a job offered to the person who applied for it
        r"\boffer you the (?:role|position|post|job)\b",
        # (not a service doing it for the reader: "our consultants prepare and submit your
        # application")
        r"\b(?<!submit )(?<!prepare )(?:your|ihre[rm]?|votre|su) (?:application|interview|"
        r"bewerbung|vorstellungsgespräch|"
        r"candidature|entretien d'embauche|candidatura|entrevista de trabajo)\b",
        # an offer kept for existing customers ("our regular customer special", "für
        # Stammkunden", "pour nos clients fidèles", "para clientes habituales")
        r"\b(?:regular|existing|loyal) (?:customers?|clients?)\b", r"\bstammkund\w*",
        r"\bclients? (?:fidèles?|habituels?)\b", r"\bclientes? (?:habituales?|fieles?)\b",
        r"\bthank(?:s| you) for your (?:continued |ongoing |loyal )?(?:business|loyalty|"
        r"patronage)\b",
        r"\byour (?:contracted|agreed) (?:pricing|prices|rates)\b",
        # (what the reader bought or entered: "Your year-to-date purchases: $ 86,412", "Your
        # entries received the following awards")
        r"\byour (?:year-to-date|ytd) (?:purchases|spend|sales)\b",
        r"\byour entr(?:y|ies) (?:received|won|has been|have been|was|were)\b",
        r"\byour (?:sales )?(?:representative|account manager)\b",
        r"\bvielen dank für ihre (?:treue|langjährige)", r"\bmerci (?:de|pour) votre fidélité\b",
        r"\bgracias por su (?:fidelidad|preferencia)\b",
    ],
    # a school writing to its pupils' parents ("To: Parents/Guardians of Grade 4", "Liebe Eltern
    # der Klasse 3b", "Aux parents des élèves", "Señores padres de 5.º grado")
    # a buyer's order naming its supplier ("Proveedor: Distribuidora ...", "Supplier: ...",
    # "Lieferant: ...", "Fournisseur : ..."): a broadcast has no supplier of its own
    "an order to a named supplier": [
        r"\b(?:supplier|vendor|proveedor|lieferant|fournisseur)\s*:\s*(?!_)[a-z]",
    ],
    # a recall's or a safety notice's lots, batches or Chargen ("Lots: 24K1109, 24K1122",
    # "betroffene Chargen: GT26-0812", "Lot numbers: 2606114"): a supplier writing to who bought
    # them. (A lottery's "Batch: 7/336/AUS" is a costume: its numbers have slashes.)
    "the lots a recall names": [
        r"\b(?:lots?|batch(?:es)?|chargen?|lotes?)(?: numbers?| no\.?| nr\.?| n°| #)?\s*:\s*"
        r"[a-z]{0,4}-?\d[\da-z-]{3,}(?![\da-z-]*/)",
    ],
    "a school's letter to parents": [
        r"\b(?:to:?|dear|all) parents\b", r"\bparents?(?: ?/ ?| and | & )(?:guardians|carers|"
        r"caregivers)\b", r"\bparents of (?:grade|room|class|year|our (?:pupils|students))\b",
        r"\b(?:liebe|an die|an alle) eltern\b", r"\beltern der klasse\b",
        r"\b(?:aux|chers|chères) parents\b", r"\bparents (?:des|d')élèves\b",
        r"\b(?:señores|estimados|queridos|a los) padres\b", r"\bpadres de familia\b",
    ],
    # a press release for a newsroom: its heading and the contact it gives journalists ("Media
    # release ... Media contact:", "Pressemitteilung ... Pressekontakt", "Communiqué de presse
    # ... Contact presse", "Nota de prensa ... Contacto de prensa"); a stock tip headed "For
    # immediate release" gives no press contact
    "a press release": [
        r"\b(?:for immediate release|(?:media|press|news) release|pressemitteilung|"
        r"pressemeldung|communiqué de presse|comunicado de prensa|nota de prensa)\b"
        r"[\s\S]{0,3000}?\b(?:(?:media|press) (?:contact|enquiries|inquiries)|pressekontakt|"
        r"contact (?:presse|médias?)|contacto (?:de )?prensa)\b",
    ],
    # the minutes of a meeting: who was present, what was moved and carried
    "minutes of a meeting": [
        r"\bminutes of (?:the )?(?:[\w-]+ ){0,4}(?:meeting|session)\b", r"\bquorum\b",
        r"\bmotion (?:\w+ ){0,3}carried\b", r"\bprotokoll der (?:[\w-]+ ){0,3}(?:sitzung|"
        r"versammlung)", r"\bbeschlussfähig", r"\bprocès-verbal de (?:la |l'|chantier|séance|"
        r"réunion)", r"\bacta de la (?:reunión|junta|asamblea|sesión)",
        # (who was present and who sent apologies: "Present: ... Apologies:", "Anwesend: ...
        # Entschuldigt:", "Présents : ... Excusé :", "Asistentes: ... Ausentes:")
        r"\b(?:present|attendees|anwesend|présents?|asistentes)\s*:[\s\S]{0,400}?\b(?:apologies|"
        r"absent|entschuldigt|abwesend|excusée?s?|absents?|ausentes?|excusados?)\s*:",
    ],
    # a circular numbered in its sender's yearly series ("Rundschreiben 14/2026", "Circular
    # 27/2026", "Members' circular no. 11/2026", "Notice to Ships' Agents No. 31 of 2026",
    # "Bulletin 2026-09", "circular informativa n° 027 de 2026"): an office's or an
    # association's to those it serves; no junk fax studied here numbers its mailings so
    "a circular numbered in its series": [
        r"\b(?:[\w-]*rundschreiben|circular\w*|circulaire|notice|bulletin|avis|aviso)\b"
        # (not a date: "Notice date: 11/28/2026")
        r"[^.\n]{0,30}?(?:\b(?:no|nr|n°|núm|num|number)\.? ?)?(?<![/.\d-])\b\d{1,4} ?"
        r"(?:/|of|de|du) ?20\d\d\b(?![/.-]\d)",
        r"\b(?:[\w-]*rundschreiben|circular\w*|circulaire|notice|bulletin|avis|aviso) "
        r"20\d\d[-/]\d{1,3}\b",
    ],
    # a contract between two named parties, signed by both ("De una parte ... De otra",
    # "firman por duplicado", "fait en deux exemplaires", "in zweifacher Ausfertigung")
    "a contract between parties": [
        r"\bde una parte\b[^|]{0,300}?\bde otra(?: parte)?\b", r"\bfirman por duplicado\b",
        r"\bfait en (?:deux|double|trois) exemplaires\b", r"\bentre les soussignés\b",
        r"\bin (?:zweifacher|doppelter|dreifacher) ausfertigung\b",
        r"\b(?:executed|signed) in (?:duplicate|triplicate|two counterparts)\b",
        r"\bby and between\b", r"\bin witness whereof\b",
    ],
    # the clerk handling the reader's own file, as an office's letter names them ("Bearbeiter/in:
    # Frau ...", "Dossier suivi par", "Tramitado por", "Case officer:")
    "a clerk handling the file": [
        r"\b(?:sach)?bearbeiter(?:/?in|\(in\))?\s*:", r"\bihr zeichen\b",
        # (the clerks' desk, named: "Sachbearbeitung: Frau Öztürk"; a collector's letterhead
        # prints "Sachbearbeitung Forderungsmanagement", a department, no colon and no name)
        r"\bsachbearbeitung\s*:\s*(?:frau|herr|[a-z]\.)",
        # (the file numbers of both sides, abbreviated: "Ihr Az.: ... Unser Az.: ...")
        r"\b(?:ihr|unser) az\.?\s*:",
        r"\b(?:dossier|affaire) suivie? par\b", r"\btramitad[oa] por\b",
        r"\bcase (?:officer|handler|worker)\s*:", r"\bhandled by\s*:",
    ],
    "a court or case": [
        # (a court, not a service sold: "letters before action, tracing and County Court claims",
        # "court-appointed rates accepted")
        # (nor a sports ground: "heated pool, spa, sauna and tennis court")
        r"\bcase no\b", r"(?<!tennis )(?<!squash )(?<!basketball )(?<!badminton )"
        r"(?<!volleyball )(?<!padel )(?<!food )\bcourt\b(?! claims\b|-appointed|-ready)"
        # (nor a building in an address: "Suite 3, Fitzwilliam Court, Dublin 2")
        r"(?!,? (?:[a-z]+ ){0,2}[a-z]{0,2}\d)"
        # (nor what a collector sells: "95% of the debts we collect are paid without going to
        # court")
        r"(?<!without going to court)(?<!without having to go to court)", r"\bplaintiff\b",
        r"\bdefendant\b",
        # (a court named as such: "Gericht", "Amtsgericht", "Registergericht"; and the file
        # label a German court or office writes under: "Geschäftszeichen: HRB 5552")
        # (not the sender's own register in its imprint: "Software GmbH, Amtsgericht
        # Charlottenburg HRB 555")
        r"\b\w*gericht\b(?! [\w-]+(?: [\w-]+)?,? hr[ab]\b)", r"\bgeschäftszeichen\s*:",
        # (and the Austrian file number: "Geschäftszahl: VR-SB-2026/0447-8", "Zahl:
        # BA-131/2026-WI"; and an Austrian office's signature for its head: "Für den
        # Bürgermeister:", "Für den Vorstand:"; on 15 studied ordinary faxes, no junk fax)
        r"\bgeschäftszahl\s*:", r"\bzahl\s*:\s*[a-z]{0,4}[ -]?[a-z]{0,4}[ /-]?\d",
        r"\bfür den (?:bürgermeister|vorstand|landeshauptmann|magistrat)\s*:",
        # (not the court a contract's terms name for disputes: "Tribunal compétent : Madrid")
        r"\baktenzeichen\b", r"\btribunal\b(?! compétent)", r"\bjuzgado\b",
    ],
    "clinical content": [*_CLINICAL, _DOSE],
})
# A dose beside a price: a price list's product ("Tramadol 50 mg c/10 $ 60.00"), so none of the
# list's doses is a prescription's (ingest/spam_kinds.py: unless the fax has other clinical
# content).
# (an abbreviation's point before the price is no sentence's end: "100 mg 48 Tbl. 18,00€")
PRICED_DOSE = re.compile(_DOSE + r"(?=(?:[^.]|\.(?= ?\d)){0,30}?(?:[$€£] ?\d|\d(?:[.,]\d{2})? ?"
                         r"(?:€|eur\b)))")
CLINICAL_BEYOND_DOSES = compile_any(_CLINICAL)
# The holder of an account, a contract or a permit, named on the label's line ("Titular: Asesoría
# Ortega, S.L.", "Kunde: Firma Seidl"); ingest/spam_kinds.py counts
# it as "a patient" is counted. Not a role ("Customer: THE PRACTICE MANAGER"), nor a greeting
# ("Estimado cliente:"), nor a blank label whose next line is prose ("Señor(a) titular:" /
# "Le informamos ..."). Run over folded lines (re.M).
NAMED_HOLDER = re.compile(_ocr_tolerant(
    r"\b(?<!estimado )(?<!estimada )(?<!querido )(?<!dear )(?<!valued )(?<!cher )(?<!liebe )"
    r"(?<!lieber )(?<!geehrter )(?<!geehrte )"
    r"(?:account holder|kontoinhaber\w*|titulaire|titular|kunde|kundin|customer|client|"
    r"cliente|"
    # (the applicant a form is filed for, the party goods are delivered to: "Applicant: Mr & Mrs
    # G. Harries", "Antragsteller: ...", "Demandeur : ...", "Solicitante: ...", "Delivered to:
    # Hillcrest Valley Dairy", "Geliefert an:", "Livré à :", "Entregado a:")
    r"applicant|antragsteller\w*|demandeur|demandeuse|solicitante|"
    # (the taxpayer a tax office writes to: "Contribuyente: ETCHEVERRY RAMON", "Taxpayer:",
    # "Contribuable :", "Steuerpflichtiger:")
    r"taxpayer|ratepayer|exhibitor|entrant|contribuyente|contribuable|steuerpflichtige[r]?|"
    # (the policyholder an insurer writes about: "Versicherungsnehmer: Bäckerei Kühne GmbH",
    # "Policyholder:", "Preneur d'assurance :", "Tomador:")
    r"versicherungsnehmer(?:in)?|policyholder|policy holder|preneur d'assurance|tomador|"
    # (the buyer and the seller a sale names: "Buyer: ...", "Käufer:", "Acquéreur :",
    # "Comprador: ...")
    r"buyer|seller|purchaser|käufer|verkäufer|acheteur|acquéreur|vendeur|comprador|vendedor|"
    r"delivered to|geliefert an|livrée? à|entregad[oa] a)[ \t]*:[ \t]*"
    r"(?!the\b|valued\b|our\b|your\b|owner\b|practice\b|office\b|manager\b)[a-z]"), re.M)
# A request to pay into an account ("Depósito en cuenta", "pay into", "überweisen Sie auf",
# "virement sur le compte"): the holder named after it is the payee.
PAY_INTO_ACCOUNT = compile_any([
    r"\bdep[oó]sit\w*", r"\btransferencia a\b", r"\btransfiera\b", r"\bpay(?:able|ments?)? "
    r"(?:to|into)\b", r"\b(?:make|send) (?:your )?(?:cheques?|checks|payments?|transfers?) "
    r"(?:payable )?to\b", r"\büberweis\w*", r"\beinzahl\w*", r"\bvirement\w*", r"\bversement\w*",
    r"\bpayer (?:à|sur)\b",
])
# ... and the number of the account a fax asks its reader to pay into ("Consigne en la cuenta de
# ahorros 555-0123-44", "deposit to account 1234 5678", "überweisen Sie auf das Konto 1234567",
# "virement sur le compte 00123 45"): the sender's own account, no reference of the reader's.
PAYEE_ACCOUNT = compile_any([
    r"\b(?:consign\w*|dep[oó]sit\w*|transfi[eé]r\w*|pay(?:ments?)? (?:into|to)|überweis\w*|"
    r"einzahl\w*|virement\w*|versement\w*)\b[^.]{0,20}?\b(?:cuenta|konto|compte|account)"
    r"(?: (?:de|d'|of) ?[a-z]+)?\s*(?:n[°o.º]*\s*|nr\.?\s*|no\.?\s*|#\s*)?:?\s*\d[\d -]{4,}\d",
])
# A note that opens a line on its reader's name ("Madame Roux, ...", "Hallo Frau Weber,",
# "Herr Dr. Schulte,"): a broadcast knows no name. Run over folded lines (re.M).
SALUTATION = re.compile(_ocr_tolerant(
    r"^\s*(?:(?:hallo|hi|hello|guten tag|bonjour|hola|respetad[oa]|apreciad[oa]|"
    r"distinguid[oa]) )?(?:madame|monsieur|mme|frau|herr|sr|"
    r"sra|srta|señor|señora|dr|mr|mrs|ms|docteur|doctor|"
    # a rank or an office before the name ("Chief Alvarez -", "Councillor Hart,"), not before
    # the rest of a role ("Chief executive:", "Captain of the ...")
    r"(?:chief|captain|capt|sergeant|sgt|lieutenant|councillor|cllr|commissioner|reverend|rev|"
    r"pastor|judge|superintendent)(?! (?:executive|officer|operating|financial|medical|nursing|"
    r"nurse|inspector|engineer|technology|information|clerk|of|and|&)\b))\.? "
    r"(?:(?:dr|prof)\.? )*"
    # (a role after the title greets whoever reads it: "Señor contribuyente:", "Monsieur le")
    r"(?!(?:contribuyente|cliente|usuario|titular|propietario|gerente|director|doctor|doktor|"
    r"empresari[oa]|comerciante|emprendedor[a]?|productor[a]?|"
    r"docteur|client|customer|kunde|inhaber|le|la|les|el|los)\b)"
    # (a dash closing the line greets too: "Chief Alvarez -")
    r"[a-z][\w'-]+ ?(?:[,:]|-[ \t]*$)"
    # ... or a line that is only a first name and a comma ("Orla,"): on 30 studied ordinary
    # faxes, on no junk fax; not a sign-off, a greeting word or a role alone on its line
    r"|^[ \t]*(?!(?:atentamente|sincerely|regards|cordialement|thanks|gracias|cordialmente|"
    r"cheers|saludos|respectfully|best|warmly|confraternellement|fraternalmente|"
    r"respectueusement|cordially|sportivement|yours|love|merci|danke|ciao|adieu|bonjour|hello|"
    r"hi|hola|hallo|hey|salut|servus|monsieur|madame|mademoiselle|maître|docteur|doctor|sirs?|"
    r"madam|gentlemen|ladies|counsel|plaintiff|petitioner|defendant|respondent|to|from|re|"
    r"attn|dear|friends?|colleagues?|team|everyone|all|folks|neighbou?rs|members|customers|"
    r"clients|partners|amigos|colegas|señores|señor|señora|estimad[oa]s?|herr|frau|damen|"
    r"mfg|grüße|gruß|also|however|yes|no|ok|okay|now|then|first|second|finally|again|please|"
    r"today|tomorrow|yesterday|meanwhile|sorry|note|ps|nb|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday)\b)[a-z][a-z'-]{1,20}[ \t]?,[ \t]*$"), re.M)
# A form field asking for what nobody sends by fax: a password, a PIN, a card's security code,
# an online-banking login or a TAN, left blank for the reader to fill in ("Password: ____",
# "PIN:" at the end of a line). Run over folded lines (re.M). ("Never share your password"
# and "your new PIN: 4417" ask for nothing.)
SECRET_FIELD = re.compile(_ocr_tolerant(
    # ("CVV" read as "CW"; the code a bank texts to the reader's mobile)
    r"\b(?:password|passcode|pin(?: code| number)?|cvv2?|cw|cvc|card security code|"
    r"security code|"
    r"code (?:reçu |recu )?par sms|código (?:recibido )?por sms|sms-code|"
    r"(?:online|internet) banking (?:user ?id|login|username)|passwort|kennwort|geheimzahl|"
    r"tan|mot de passe|code (?:secret|confidentiel|pin)|contraseña|clave(?: de acceso| secreta)?|"
    # ("Code d'accès confidentiel :", "Codes d'accès e-banking:"; not a building's door code)
    r"codes? d'accès (?:confidentiels?|personnels?|e-?banking|(?:à la )?banque en ligne)|"
    r"número secreto|clave de \d+ d[ií]gitos|(?:security|sicherheits|banking) ?token|"
    r"c[oó]digo de seguridad(?: \(cvv2?\))?|"
    r"(?:online|internet) banking user|usuario de (?:banca|banco)(?: por| en)? internet|"
    # ("Usuario banca web:", "Usuario de banca en línea:", "Identifiant banque en ligne :")
    r"usuario (?:de )?banca (?:web|en l[ií]nea|online|electr[oó]nica)|"
    r"identifiant (?:de )?(?:banque|connexion) en ligne|"
    r"online-banking-(?:kennung|zugang|pin)|zugangsdaten|identifiant (?:de connexion|bancaire)|"
    r"code de sécurité|cryptogramme(?: visuel)?|sicherheitscode|kartenprüfnummer|"
    # a bank's security question, and a card's number asked to identify its holder ("Mother's
    # maiden name:", "Card number (for ID):", "Kartennummer (zur Identifikation):")
    r"mother's maiden name|nom de jeune fille de (?:votre |la )?mère|geburtsname (?:ihrer|der) "
    r"mutter|apellido de soltera de (?:su|la) madre|"
    # ("Card number (ID):", "Card number (for identity check):")
    r"(?:card|credit card|debit card|kreditkarten|karten)(?: ?number|nummer) ?\((?:for |zur |an )?"
    r"(?:id|identification|identity|verification|identifikation|verifizierung)(?: check|"
    r"prüfung| purposes)?\)|"
    r"numéro de carte ?\((?:pour )?(?:identification|vérification)\)|"
    r"número de tarjeta ?\((?:para )?(?:identificación|verificación)\))"
    # (a whole word: "Tank readings after delivery:" holds no "TAN" field)
    r"(?!\w)"
    r"(?:[ \t]*\([^)\n]{1,30}\))?"  # ("Security code (back of card):")
    r"\s*:?[ \t]*(?:_{2,}[ \t]*)?(?:$|(?=[a-z][a-z .()/-]{0,29}:)"
    # (or the card's expiry beside it, as its own label: "Card number (ID): Expiry")
    r"|(?=(?:expiry|expiration|exp\.|valid (?:thru|until)|venc\w*|ablauf\w*|gültig bis|"
    r"date d'expiration|validité)\b))"),
    re.M)
# ... and the same asked in prose: a sentence telling the reader to enter, confirm or send a
# password, a login, bank or card details ("enter your username and password", "confirm your
# direct deposit details", "geben Sie Ihre Bankverbindung ein", "saisissez vos coordonnées
# bancaires", "debe confirmar sus datos bancarios"): a phishing fax's request, whether it points
# to a web page or asks for a fax back. Run over sentences; one that says the sender never asks
# for them (NEVER_ASKS) asks for nothing.
SECRET_REQUEST = compile_any([
    r"\b(?:enter|re-?enter|confirm|verify|validate|update|provide|submit|send us|supply)\b"
    r"[^.]{0,50}\b(?:password|passcode|pin|login details|log-?in credentials|credentials|"
    r"card details|card number|bank(?:ing)? details|(?:direct )?deposit details|"
    r"routing (?:and|&) account numbers?|account (?:and|&) routing numbers?|"
    r"social security number|ssn)\b",
    r"\b(?:password|passcode|card details|bank(?:ing)? details|routing (?:and|&) account "
    r"numbers?|social security number|ssn)\b[^.]{0,30}\b(?:to (?:confirm|verify|validate|"
    r"release|unlock|restore)|for (?:identity|verification|security) (?:check|purposes))",
    r"\b(?:geben sie|bestätigen sie|aktualisieren sie|übermitteln sie|senden sie|teilen sie)"
    r"\b[^.]{0,50}\b(?:passwort|kennwort|pin|tan|bankverbindung|bankdaten|kontodaten|"
    r"kartendaten|kreditkartennummer|zugangsdaten)\b",
    r"\b(?:passwort|kennwort|pin|tan|bankverbindung|bankdaten|kontodaten|kartendaten|"
    r"kreditkartennummer|zugangsdaten)\b[^.]{0,40}\b(?:eingeben|bestätigen|angeben|"
    r"aktualisieren|übermitteln|mitteilen|verifizieren)\b",
    r"\b(?:saisi\w*|confirm\w*|indiqu\w*|communiqu\w*|mettre à jour|renseign\w*|valid\w*|"
    r"transmett\w*|vérifi\w*)\b[^.]{0,50}\b(?:mot de passe|code (?:pin|secret|confidentiel)|"
    r"coordonnées bancaires|données bancaires|numéro de (?:carte|compte)|identifiants)\b",
    r"\b(?:confirm\w*|ingres\w*|introduzca|introducir|actualic\w*|actualiz\w*|indiqu\w*|"
    r"facilit\w*|valid\w*|proporcion\w*|envíenos|verifi\w*)\b[^.]{0,50}\b(?:contraseña|"
    r"clave (?:de acceso|bancaria|secreta)|datos bancarios|datos de (?:su )?tarjeta|número de "
    r"tarjeta|e\.?firma|firma electrónica)\b",
])
# ... nor one about the sender's own details ("call before transferring to verify our bank
# details", "unsere Bankverbindung", "nos coordonnées bancaires", "nuestros datos bancarios"):
# a solicitor guarding its client against a forged invoice.
SENDERS_OWN_DETAILS = compile_any([
    r"\b(?:our|unsere[rn]?|notre|nos|nuestr[oa]s?) (?:[\w-]+ )?(?:bank(?:ing)? details|"
    r"bankverbindung|bankdaten|kontodaten|coordonnées bancaires|données bancaires|datos "
    r"bancarios|account details|routing)",
])
NEVER_ASKS = compile_any([
    r"\bnever\b", r"\bnie(?:mals)?\b", r"\bjamais\b", r"\bnunca\b", r"\bdo not (?:share|"
    r"give|disclose)", r"\bne (?:communiquez|donnez|transmettez) jamais", r"\bno (?:comparta|"
    r"facilite)",
])
# A line that is a way to reach the sender and nothing else ("Tel. 0711 5550 4402",
# "Tél. 01 99 00 52 30", "Phone: 555-0101"). Run over folded lines (re.M).
CONTACT_LINE = re.compile(_ocr_tolerant(
    r"^\s*(?:tel|tél|tele(?:f|ph)on|téléphone|teléfono|phone|ph|fon|whatsapp|call|appelez|"
    r"llame|anrufen|kontakt|contact|infos?|info(?:rmationen)?|renseignements|información)\b"
    r"\.?\s*:?\s*\+?\(?\d[\d ().-]{5,18}\d\s*$"), re.M)
# A web page printed to fax: an address line and the site's furniture.
WEB_ADDRESS = compile_any([r"\bhttps?://", r"\bwww\.\w", r"\b[\w-]+\.(?:example|com|org|de|fr"
                           r"|es|net)/\w"])
WEB_FURNITURE = compile_any([
    r"\bprivacy policy\b", r"\bcookie", r"\bimpressum\b", r"\bdatenschutz\b",
    r"\bmentions légales\b", r"\baviso legal\b", r"\bread more\b", r"\blire la suite\b",
    r"\bleer más\b", r"\bweiterlesen\b", r"\bpage \d+ of \d+\b", r"\bseite \d+ von \d+\b",
    r"\b\d{1,2}/\d{1,2}/\d{2,4}, \d{1,2}:\d\d\b", r"\bwas this (?:article )?helpful\b",
    r"\bsubscribe\b", r"\babonnieren\b", r"\bnewsletter\b",
])
# Software documentation printed to fax (a manual, a README, release notes): what only such
# text has, by kind. A manual addresses no one and tells its reader what to enter, send or
# run, as a junk fax does ("enter the new password", "free", "$1" in a shell script), so on
# its own it read as an offer to a stranger: 13 of 890 and 19 of 944 package manuals of a
# Debian machine flagged (benchmarks/spam_manuals.py). Two kinds of the list, one of them
# more than a version or a file name (a software pitch can name "v2.1" and "setup.exe"):
# on the 8,727 labelled faxes no junk fax has two, no ordinary one either; of the manuals
# looked at, 666 of 890 do (benchmarks/RESULTS.md, "Software documentation").
SOFTWARE_DOCUMENTATION = "software documentation"
SOFTWARE_KINDS = compile_each({
    "a file path": [r"(?:^|[\s\"'(=])(?:/(?:usr|etc|var|opt|bin|sbin|lib|tmp|dev|proc|srv|home)|~)"
                    r"/[\w.-]"],
    "a command prompt": [r"(?:^|\n)[ \t]*(?:\$|%|>>>|#)[ \t]+(?:sudo|apt|apt-get|pip3?|python3?|npm"
                         r"|git|make|cd|ls|cp|mv|rm|export|cat|echo|curl|wget|docker|telnet|ssh"
                         r"|openssl|\./)\b",
                         # (Python's own prompt, in a doctest: ">>> import pkg_resources";
                         # a junk fax's ">>> HOT STOCK ALERT <<<" or ">>> IMPORT DIRECT from
                         # China <<<" is no prompt)
                         r"(?:^|\n)[ \t]*>>>[ \t]+(?:import [a-z_][\w.]*[ \t]*(?:$|\n|,| as )"
                         r"|from [a-z_.]+ import [a-z_*]|def [a-z_]+\(|print\()",
                         # (any program at a shell's prompt, given an option: "$ gcloud sql
                         # export tde my-instance --certificate=...", "$ tar -x"; a price is no
                         # program, nor "$ save -more" an option)
                         r"(?:^|\n)[ \t]*\$[ \t]+[a-z][\w.-]*(?:[ \t]+\S+)*?[ \t]+"
                         r"(?:--[a-z]|-[a-z](?![a-z]))"],
    # (a manual page's heading, alone on its line: "SYNOPSIS", "ÜBERSICHT", "SINOPSIS")
    "a manual page's synopsis": [r"(?:^|\n)[ \t]*(?:synopsis|sinopsis|übersicht|syntaxe)[ \t]*"
                                 r"(?:\n|$)"],
    # (a server's own address, which only its manual prints: "telnet localhost 110",
    # "Connected to 127.0.0.1"; on none of the 8,727 labelled faxes)
    "a loopback address": [r"\blocalhost\b", r"\b127\.0\.0\.1\b"],
    "a command": [r"\b(?:sudo|apt-get|pip3? install|npm install|git clone|make install|cmake|dpkg"
                  r"|systemctl|chmod|mkdir)\b", r"\./configure\b"],
    "a command's option": [r"(?<![\w-])--[a-z][a-z0-9]+(?:-[a-z0-9]+)*(?:=|\b)"],
    "code": [r"\b[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*\((?:\)|[a-z_\"'])",
             # (a function of snake_case words called: "password_verify(crypted_password, ...")
             r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\((?:\)|[a-z_\"'])",
             r"(?:^|\n)[ \t]*(?:#include[ \t]*<|import [a-z_.]+(?:\n|$)|from [a-z_.]+ import\b"
             r"|def [a-z_]+\()"],
    # (a program's setting named in snake_case and called a setting or given a value: "the
    # 'auth_cache_ttl' setting", " * 'auth_cache_size': ...", "max_connections = 100"; not a
    # handle, "@renta_ia_oficial", "@fx_signals = daily profits", nor a quoted promo code,
    # "SAVE_20")
    "a setting's name": [r"(?<![@\w])['\"‘“][a-z][a-z0-9]*(?:_[a-z0-9]+)+['\"’”]"
                         r"(?:[ \t]*(?:setting|option|parameter|variable)s?\b|:)",
                         r"(?<![@\w])[a-z][a-z0-9]*(?:_[a-z0-9]+)+[ \t]*(?:(?:setting|option"
                         r"|parameter|variable)s?\b|=)"],
    "a software licence": [r"\bgnu (?:general|lesser)\b", r"\bgeneral public license\b",
                           r"\b(?:apache|mit|bsd) license\b", r"\bcopyright \(c\)",
                           r"\bfree software foundation\b", r"\bopen[- ]source\b"],
    "a software project": [r"\b(?:source code|(?:git|svn|source) repository|pull requests?"
                           r"|bug (?:report|tracker)s?|issue tracker|compil(?:e|ed|er|ing)\b"
                           r"|build from source|release notes|changelog|command[- ]line"
                           r"|config(?:uration)? files?|debian|upstream|github|gitlab"
                           r"|mailing lists?|source tree|bug ?fix(?:es)?)"],
    "a version": [r"\b(?:version|v|release) ?\d+\.\d+(?:\.\d+)*\b"],
    # (a name's length bounded: a long run of letters and dashes is tried from each start)
    "a file name": [r"\b[\w-]{1,64}\.(?:py|c|h|cpp|js|json|yaml|yml|toml|cfg|conf|ini|sh|so|dll"
                    r"|exe|md|rst|txt|tar\.gz|deb)\b"],
})
# (a heading, "Übersicht", "Sinopsis", is an ordinary letter's too: only beside a stronger kind)
SOFTWARE_WEAK_KINDS = frozenset({"a version", "a file name", "a manual page's synopsis"})

# -- concepts ----------------------------------------------------------------------------------
# The lists above are wordings one author met; the concepts below describe what a junk fax
# *is*, so that wordings nobody listed still count: an opt-out is a wish to stop paired with
# what is stopped (faxes, the sender's list, its ads) in one sentence; a solicitation is an
# offer (a price, a discount, something free, a catalogue) and a request to act with a number
# to act on.
OPT_ACTION = compile_any([
    # English: "remove" and "off" only in their opt-out constructions ("remove the cartridge",
    # "click Remove" are instructions, not notices).
    r"\bunsubscrib\w*", r"\bopt(?:s|ed|ing)?[- ]?out\b",
    # "removal" as the request ("Removal line:", "fax removal"), not any removal near "fax"
    r"\bremoval\b(?= ?(?::|lines?\b|numbers?\b|requests?\b|hotline|desk|is processed|within))",
    r"\b(?:fax|list|number) removal\b",
    r"\b(?:be|been|get|being|are|is) (?:permanently |promptly )?removed\b",
    r"\bremove (?:me|us|my|your|our|this)\b", r"\bremoved? (?:from|off)\b", r"\bremove\s*:",
    r"\b(?:word|with|write|written|reply|mark(?:ed)?) \W?remove\b",
    r"\btake (?:me|us|you|my|your|our|this)(?: [\w-]+){0,2} off\b", r"\btaken off\b",
    r"\b(?:want|get|be) off\b", r"\bunwanted\b",
    r"\boff (?:our|the|this|your|my|all) (?:[\w-]+ )?(?:list|database)\b",
    r"\bnot interested\b", r"\bno more\b", r"\bwithdraw\w* from\b",
    r"\b(?:no longer|not|n't|rather not|never)\W+(?:\w+\W+){0,2}?"
    r"(?:receive|get|want|wish|like|hear)\b",
    # German
    r"abbestell\w*", r"\babmeld\w*", r"\bmelden sie sich\b[^.]{0,40}\bab\b", r"austrag\w*",
    r"abstell\w*", r"\bstreich\w*", r"\bsperr\w*", r"\bwiderspr\w*", r"\bwiderspruch\w*",
    r"\bkeine\W+(?:\w+\W+){0,3}?mehr\b", r"\bnicht mehr\b", r"\bunerwünscht\b",
    r"\bnicht (?:erwünscht|gewünscht)\b", r"\b(?:möchten|wünschen|wollen) (?:sie )?keine\b",
    # French
    r"\bdésinscri\w*", r"\bdésabonn\w*", r"\bretir\w*", r"\bradi(?:er|ation)\b",
    r"\bsupprim\w*", r"\brefus(?:er|ez)?\b", r"\boppos(?:er|ez|ition)\b",
    r"\bne\W+(?:\w+\W+){0,2}?plus\b",
    r"\bne pas recevoir\b",
    # Spanish
    r"\bbaja\b", r"\bdejar de\b", r"\bno (?:desea|quiere|deseo|quiero)\w*", r"\bno recibir\b",
    r"\bno más\b", r"\belimin\w*", r"\bexclu\w*", r"\bborr\w*",
])
# English verbs of stopping take their object after them ("stop these faxes"): "the old fax
# number stops working" stops nothing.
OPT_ACTION_FORWARD = compile_any([
    r"\bstop(?:s|ped|ping)?\b", r"\bcease\b", r"\bhalt\b", r"\bdiscontinue\b",
    r"\b(?:end|block|decline|refuse) (?:these|all|any|future|further|our|such|more)\b",
])
# Wishes that mean opting out by themselves: a notice worded with one needs no number beside
# it (with the others it does, as the law asks: "stop" and "fax" in one line are not enough).
OPT_STRONG = compile_any([
    r"\bunsubscrib", r"\bopt", r"\bremov", r"\btake", r"\btaken off\b", r"\bwithdraw",
    r"\boff (?:our|the|this|your|my|all)",
    r"abbestell", r"\babmeld", r"austrag", r"\bstreich", r"\bdésinscri", r"\bdésabonn",
    r"\bbaja\b", r"\bdejar de\b", r"\bno recibir\b", r"\bne pas recevoir\b",
])
OPT_OBJECT = compile_any([
    # faxes, not the machinery: "fax fonts", "the fax server", "the fax tray"
    r"\b\w*fax\w*(?! (?:fonts?|machines?|servers?|modems?|trays?|documents?|paper|software|"
    r"drivers?|ports?|resolution|cover|header|pages?|protocol)\b)",
    r"\btélécopi\w*", r"\bfacsímil\w*",
    # the sender's list, not a waiting list or a price list
    r"\b(?:our|this|the|your|mailing|distribution|contact|marketing|call) list\b",
    r"\bmailing\w*", r"\bverteiler\w*", r"\b(?:adress|kontakt)?liste\b", r"\bfichier\w*",
    r"\blista\b", r"\bdatabase\b", r"\bdatenbank\b", r"\bbase de (?:données|datos)\b",
    r"\bads?\b", r"\badvertis\w*", r"\bwerbung\w*", r"\bwerbe\w*", r"\bpublicit\w*",
    r"\bpublicidad\b", r"\bpromotions\b", r"\bpromociones\b", r"\boffers\b", r"\bangebote\b",
    r"\boffres\b", r"\bofertas\b", r"\bspecials\b",
    r"\b(?:your|my|our) (?:phone |telephone )?number\b", r"\b(?:votre|su) (?:numéro|número)\b",
    # "offices that would rather not get these can ...": what "these" are is the fax itself
    r"(?<=get )these\b", r"(?<=receive )these\b",
])
# A sentence of a confidentiality notice ("received in error ... destroy all copies") may
# pair the same words; it asks the reader to do something, not offer to stop sending.
NOT_AN_OPT_OUT = compile_any([
    r"\bdestroy", r"\bdelete\b", r"\bconfidential", r"\bprivileged\b", r"\bvernicht",
    r"\bvertraulich", r"\bdétrui", r"\bdestru", r"\bintended recipient",
    # a machine's instructions: "to stop a fax in progress, press STOP"
    r"\bpress\b", r"\bbutton\b", r"\bin progress\b", r"\bdrücken\b", r"\btaste\b",
    r"\bappuyez\b", r"\btouche\b", r"\bpulse\b", r"\bbotón\b",
])
# What a solicitation offers: a price or rate, a discount, something free, a catalogue.
OFFER = compile_any([
    r"[$€£] ?\d", r"(?<![\d.,])\d(?:[\d.,]*\d)? ?(?:€|eur\b|euros?\b|usd\b|dollars?\b|cents?\b|"
    r"dólares\b)",
    CURRENCY_CODE + r" ?\d", r"(?<![\d.,])\d(?:[\d.,]*\d)? ?" + CURRENCY_CODE,
    r"\b\d+ ?%[^.\n]{0,30}\b(?:off|less|discount|savings?|rabatt|nachlass|günstiger|remise|"
    r"réduction|moins cher|descuento|ahorro|menos|cheaper|más barat[oa]s?)\b",
    r"\b(?:réduit|reduziert|reducid|rebajad)\w*[^.\n]{0,20}\d+ ?%",
    r"\b\d+ ?%[^.\n]{0,20}\b(?:réduit|reduziert|reducid|rebajad)\w*",
    # (with the price: "packages from Debian", "price from: Karen Liu" offer nothing)
    r"\b(?:rates?|prices?|plans?|packages?|fees?) (?:from|starting at|as low as|ab|dès|desde)\b"
    r"(?= ?(?:[$€£]|\d|" + CURRENCY_CODE + r"))",
    r"\b(?:save|spare|sparen|économisez|ahorr)\w*[^.\n]{0,20}\d+ ?%",
    r"\bfree (?:[\w-]+ ){0,2}(?:trial|estimate|quote|demo|inspection|survey|assessment|"
    r"consultation|shipping|delivery|installation|migration|sample|walkthrough|proof|design|"
    r"embroidery|card|report|analysis|review|gift)\b",
    r"\b(?:first|1st) (?:\w+ )?(?:month|week|pickup|visit|delivery|lesson|session)s? (?:is )?"
    r"(?:free|on us)\b", r"\b\d+ (?:days?|weeks?|months?) free\b", r"\b(?:get|and) \d+ free\b",
    # "free" alone (a free terminal, free setup), but not toll-free, powder-free or latex-free,
    # nor free software (a licence's freedom: "gzip is free software; you can redistribute it")
    r"(?<!toll )(?<!toll-)(?<!powder )(?<!powder-)(?<!latex-)(?<!latex )\bfree\b(?! of\b)"
    r"(?! software\b)(?! (?:and|&) open[- ]source\b)",
    r"\bno[- ](?:cost|obligation)\b", r"\bgratis\b",
    r"\b(?:at )?no (?:upfront|up-front|initial|installation) (?:cost|charge|fee)s?\b",
    r"\bfully (?:funded|financed|subsidi[sz]ed)\b", r"\bkostenlos\w*", r"\bkostenfrei\w*",
    r"\bgratuit\w*", r"\boffert(?:e|s|es)?\b", r"\bsans engagement\b", r"\bsin compromiso\b",
    r"\bsin (?:costo|coste|cargo)\b", r"\b(?:nous )?vous propos(?:e|ons)\b",
    r"\bnous vous offrons\b",
    # loans bundled into one ("rachat de crédits", "regroupez vos crédits", "debt
    # consolidation", "Umschuldung", "reunificación de deudas"), a result or nothing to pay ("no
    # win, no fee", "paiement après résultat", "résultat garanti"), a holiday given away ("travel
    # certificate"): what is sold, though no price is printed
    r"\b(?:rachat|regroupement) de (?:crédits|prêts|dettes)\b",
    r"\bregroupez (?:tous )?vos (?:crédits|prêts)\b",
    r"\b(?:debt|loan) consolidation\b", r"\bconsolidate (?:your |all )?(?:debts?|loans)\b",
    r"\bumschuldung\b", r"\breunificaci[oó]n de (?:deudas|créditos|préstamos)\b",
    r"\bno (?:win|collection|recovery|result|cure),? ?-? ?no (?:fee|charge|pay)\b",
    r"\bkein erfolg,? ?-? ?kein (?:honorar|geld)\b", r"\bpaiement après résultat\b",
    r"\brésultats? garantis?\b", r"\bresultados? garantizados?\b",
    r"\b(?:travel|vacation|holiday|cruise) (?:certificate|voucher)s?\b",
    # people offered for hire: an agency's candidates ("candidates available now", "unsere
    # verfügbaren Kandidaten", "candidats disponibles", "candidatos disponibles")
    r"\bcandidates (?:available|ready to start)\b", r"\bavailable candidates\b",
    r"\b(?:verfügbare|vorqualifizierte|geprüfte)\w* kandidat\w*",
    r"\bcandidat(?:e|s|es)? disponibles?\b",
    # (and their fee, due only if one is hired: "Honorar nur bei erfolgreicher Einstellung",
    # "fee only on successful placement", "honoraires uniquement en cas de recrutement",
    # "honorarios solo en caso de contratación")
    r"\bhonorar nur bei (?:erfolgreicher )?(?:einstellung|vermittlung|erfolg)\b",
    r"\bfees? (?:payable )?only (?:on|upon|after) (?:a )?(?:successful )?(?:placement|hire)\b",
    r"\bhonoraires? (?:uniquement|seulement) en cas de (?:recrutement|succès|réussite)\b",
    r"\bhonorarios (?:solo|sólo|únicamente) en caso de (?:contratación|éxito)\b",
    r"\bcandidatos disponibles\b",
    # a catalogue offered ("our new catalog", "free catalogue", "request a catalog", "unser
    # Katalog 2027"), not any catalogue a text mentions (an archive's or a library's)
    r"\b(?:our|new|free|latest|full|complete|illustrated|request (?:a|the|our)|unser\w*|neue\w*|"
    r"notre|nouveau|nuestro|nuevo)(?: [\w-]+)? (?:catalog\w*|katalog\w*|catálogo\w*)",
    r"\b(?:catalog\w*|katalog\w*|catálogo\w*) (?:\d{4}|enclosed|attached|anbei|ci-joint|adjunto|"
    r"request|on request)\b", r"\bprice list\b", r"\bpreisliste\b",
    r"\bliste de prix\b", r"\blista de precios\b",
    # (not a customs classification nor a wage agreement: "Tarifierung", "Tarifvertrag",
    # "tariflich")
    r"\btarif(?!ierung|vertr|lich)\w*\b",
    # a service pitched to a stranger, with no price: "we buy buildings", "we can put you on
    # page 1", "wir vermitteln Pflegekräfte", "nous livrons", "compramos"
    r"\bwe (?:can |will |)(?:buy|pay cash|place|staff|supply|put (?:it|you|your)|get you|"
    r"bring you|double|triple|grow your)\b",
    r"\bwir (?:vermitteln|erstellen|kaufen|liefern|bieten ihnen)\b",
    r"\bnous (?:livrons|achetons|proposons|vous proposons|créons)\b",
    r"\b(?:le |les )?(?:ofrecemos|compramos|proporcionamos)\b",
    # (and as an infinitive to the reader: "tenemos el agrado de ofrecerles fertilizantes")
    r"\bofrecerles?\b",
    r"\b(?:confidential|cash|written|no-obligation) offer\b",
    r"\bwe (?:offer|provide|specialise|specialize|supply|install|service|clean|print|repair|"
    r"design|deliver to)\b",
    r"\bwir (?:bieten|liefern|übernehmen|installieren|reinigen|drucken|beraten)\b",
    r"\bnous (?:offrons|fournissons|installons|réalisons|assurons|imprimons)\b",
    r"\b(?:le |les )?(?:brindamos|instalamos|suministramos|realizamos|imprimimos)\b",
    r"\b(?:quote|response|reply|answer|comparison|approval|decision|funding|respuesta|antwort|"
    r"réponse|devis|angebot|presupuesto|cotización|rückmeldung)s? (?:\w+ )?(?:within|in|innerhalb"
    r"(?: von)?|sous|en|dans les) \d+ ?(?:h|hours?|hrs|stunden|std|heures?|horas)\b",
    r"\b(?:lowest|best|low|great|unbeatable) (?:rates?|prices?)\b",
    r"\bapproved (?:today|same day|in \d+)\b", r"\bearn (?:up to )?\d+(?:[.,]\d+)? ?%",
    r"\bno (?:hidden (?:fees|costs)|commissions?)\b", r"\bkeine versteckten kosten\b",
    # what the reader does not pay: "no placement fee", "you pay only for hours worked",
    # "ohne Ablöse", "sans frais d'inscription", "sin cuota de alta"
    r"\bno (?:placement|setup|set-up|sign-up|joining|finder's|contract) fees?\b",
    r"\byou (?:only )?pay (?:only )?(?:for|when|if)\b", r"\bohne (?:ablöse|vermittlungsgebühr)",
    r"\b(?:abrechnung|bezahlung|zahlen sie) nur (?:der|die|für)\b",
    r"\bsans frais (?:d'inscription|de dossier|de mise en place)\b",
    r"\bvous ne payez que\b", r"\bsin (?:cuota|gastos) de (?:alta|gestión)\b",
    r"\bsólo paga(?:rá)? (?:por|lo)\b",
    r"\bsans frais cachés\b", r"\bsin costes ocultos\b", r"\bfestpreis\b",
    # interest-free financing offered ("0% financing for 18 months", "0 %-Finanzierung",
    # "financement à 0 %", "financiación sin intereses")
    r"\b(?:0|zero) ?% (?:financing|finance|interest|apr)\b", r"\binterest[- ]free (?:financing|"
    r"finance|credit|loans?|instal\w*|payments?)\b", r"\b0 ?%-?finanzierung\b",
    r"\bfinanzierung (?:zu|mit|ab) 0 ?%", r"\bzinsfreie (?:finanzierung|ratenzahlung)\b",
    r"\bfinancement (?:à|a) 0 ?%", r"\b(?:financiaci[oó]n|financiamiento|pago fraccionado)"
    r"[^.]{0,30}\bsin intereses\b",
    # a request for money: a donation, a pledge, a sponsorship
    r"\b(?:donate|donation|chip in|contribute|pledge|sponsor(?:ship)? levels?|spende\w*|"
    r"faites un don|donativo|donación)\b",
    r"\b(?:comptons|compter|count(?:ing)?|contamos|zählen) (?:sur|on|con|auf) (?:votre|your|su|"
    r"ihre) (?:générosité|generosity|generosidad|großzügigkeit)\b",
    # a result promised or it costs nothing ("or you don't pay", "money-back guarantee"), a
    # gift for buying ("buy 4 cartridges - get a cruise")
    r"\bor you don'?t pay\b", r"\bmoney[- ]back guarantee\b",
    r"\bsinon vous ne payez (?:rien|pas)\b",
    r"\boder sie zahlen nichts\b", r"\bo no (?:paga|pagas)\b",
    r"\bbuy (?:\w+[ ,]){1,3}[-–!,. ]*get (?:a|an|one|\d+)\b",
])
# A pitch with no price nor anything free: a question about a need the reader may have
# ("Need signs by Friday?", "Fachkräfte gesucht?", "Un pic d'activité ?", "¿Necesita
# personal?") or the sender presenting what it does for anyone ("Our agency provides ...",
# "Unsere Software ...", "Notre agence met à votre disposition ..."). Weak alone (a letter
# says "our team" too): only for a fax with no mark of correspondence.
PITCH = compile_any([
    r"\b(?:need|needs|looking for|tired of|still|struggling|worried|ready to|thinking of|"
    r"how much|how many|want more|short of|behind on)\b[^.?!\n]{0,70}\?",
    r"\b(?:benötigen|brauchen|suchen|wünschen) sie\b[^.?!\n]{0,70}\?", r"\bgesucht\s*\?",
    r"\b(?:wie viel|wie oft|zu wenig|ärger mit|probleme mit)\b[^.?!\n]{0,70}\?",
    r"\b(?:besoin d|vous cherchez|vous recherchez|marre d|un pic d|combien de|trop de|"
    r"pas assez)[^.?!\n]{0,70}\?",
    r"\b(?:necesita|busca|buscas|está buscando|cansado de|harto de|cuánto|quiere)\b"
    r"[^.?!\n]{0,70}\?",
    # a pitch to the reader's kind of business, not to the reader ("practices like yours",
    # "Praxen wie Ihre", "des entreprises comme la vôtre", "empresas como la suya")
    r"\b(?:practices|businesses|companies|offices|clinics|firms|pharmacies|agencies) like yours\b",
    r"\bwie (?:ihre|die ihre)\b(?=[^.\n]{0,30}\b(?:wir|unterstützen|helfen))",
    r"\bcomme (?:la |le )?vôtre\b",
    r"\bcomo (?:la |el )?suy[oa]\b",
    r"\bwe help (?:[\w-]+ ){0,3}(?:practices|businesses|companies|offices|clinics|firms|owners|"
    r"agencies|pharmacies|dentists|doctors)\b",
    r"\bwir unterstützen (?:[\w-]+ ){0,3}\w*(?:praxen|betriebe|unternehmen|pflegedienste|"
    r"einrichtungen|kanzleien|apotheken)\b",
    r"\bnous accompagnons (?:les |des )?(?:[\w-]+ ){0,2}(?:cabinets|entreprises|officines|"
    r"pharmacies|professionnels|établissements)\b",
    r"\b(?:ayudamos|apoyamos) a (?:[\w-]+ ){0,3}(?:clínicas|empresas|consultas|despachos|"
    r"farmacias|profesionales|negocios)\b",
    # the sender presenting itself to a stranger: "We're a collection agency for ...", "Wir sind
    # ein Team aus ...", "Nous sommes une agence ...", "Somos una empresa ..."
    r"\bwe(?:'re| are) an? (?:[\w-]+ ){0,3}(?:agency|company|firm|team|provider|specialists?|"
    r"consultancy)\b", r"\bwir sind (?:ein|eine) (?:[\w-]+ ){0,3}(?:agentur|firma|unternehmen|team|"
    r"dienstleister|spezialist\w*)\b", r"\bnous sommes (?:un|une) (?:[\w-]+ ){0,3}(?:agence|"
    r"société|entreprise|cabinet|équipe|spécialiste)\b", r"\bsomos (?:un|una) (?:[\w-]+ ){0,3}"
    r"(?:agencia|empresa|firma|equipo|especialistas?)\b",
    r"\b(?:our|unser[e]?|notre|nos|nuestr[oa]s?) (?:[\w-]+ )?(?:agency|company|firm|team|"
    r"service|services|software|system|solution|product|products|agentur|firma|lösung|dienst|"
    r"agence|société|entreprise|logiciel|solution|équipe|empresa|agencia|servicio|servicios|"
    r"equipo|solución|organisme|cabinet|centre|institut|instituto|centro|unternehmen)\b"
    r"[^.\n]{0,60}\b(?:can|will|offers?|provides?|handles?|takes?|bietet|"
    r"übernimmt|erledigt|nimmt|liefert|met|propose|offre|gère|prend|ofrece|gestiona|se encarga)\b",
])
# A request to act, in a sentence that gives a number to act on.
ACT = compile_any([
    # ("call", "calling", "called"; not "caller" nor "callback" as nouns)
    # (not calls counted or charged for: "per GT (first 10 calls)", "fixed fee per call")
    r"\b(?<!\d )(?<!per )call(?:s|ed|ing)?\b", r"\bphone (?:us|now|today|\+?\(?\d)", r"\bdial\b",
    r"\bring\b",
    r"\blet us know\b", r"\bclaim\w*\b", r"\btext\b",
    r"\bcontact\b", r"\bwhatsapp\b",
    # (the verb: "switch today", "switch your supplier", "make the switch"; not a part: "battery
    # switch, 300 A", "switch panel")
    r"\bswitch(?:ing)? (?:to|now|today|your|and|over|providers?|suppliers?|plans?|carriers?|"
    r"banks?|before|by)\b", r"\bmake the switch\b", r"\block in\b",
    r"\bsecure\b", r"\bfax (?:it |them |your \w+ )?to\b", r"\bpledge\b",
    r"\bleave your (?:number|name|details)\b", r"\bhinterlassen\b", r"\br(?:ü|ue)ckruf\w*",
    r"\brappel\w*", r"\blaissez\b", r"\bdéjenos\b", r"\bdevolvemos\b",
    r"\border\w*", r"\breply\b", r"\brespond\b",
    r"\b(?:fax|send) (?:back|us|your|this|it)\b", r"\bbook\w*\b", r"\bschedul\w*", r"\bregist\w*",
    r"\benrol\w*", r"\bsign up\b", r"\bvisit\b", r"\bask (?:for|about)\b", r"\brequest\b",
    r"\bspeak\b", r"\bmention\b", r"\bdemo\b", r"\breserve\b",
    r"\bbestell\w*", r"\brufen\b", r"\bfordern sie\b", r"\banruf\w*", r"\banforder\w*",
    r"\bbuchen\b",
    # (to arrange, not the agreed: "das vereinbarte Entgelt")
    r"\bvereinbar(?!te[nmrs]?\b|t\b)\w*", r"\bfaxen\b", r"\bsenden\b", r"\bantwortfax\b",
    r"\btelefonisch\w*",
    r"\b(?:beratung|informationen|bestellungen|anfragen|termine|infos) unter\b",
    # ("Anfragen gern per Fax 038378 ...", "Rückantwort per Fax an 0211 ...")
    r"\banfragen (?:gerne? )?(?:per|an|via)\b", r"\brückantwort\b",
    # (not a debt office's "commandement de payer", an order to pay, not for goods)
    r"\bcommand(?!ement)\w*", r"\bappel\w*", r"\bcontactez\b", r"\bnous contacter\b",
    # (French forms only: a Spanish "cliente reserva MP-88120 no se presentó" asks nothing)
    r"\bréserv(?:ez|er|ation|ations)\b", r"\brenvoy\w*",
    r"\bretourn\w*", r"\bdemandez\b", r"\brenseignements\b", r"\binscription\b",
    r"\bpar retour (?:de )?fax\b",
    r"\bllam\w*", r"\bpida\b", r"\bpedidos?\b", r"\bsolicite\b", r"\breserve\b", r"\benvíe\b",
    r"\bcomuníquese\b", r"\breservar su\b", r"\bhaga su reserva\b",
    # (Spanish "reservas" asked for by a channel: "Reservas por teléfono o por fax al ...",
    # "Reservas en el 96 555 64 64", "Reservas: 971 ...")
    r"\breservas?\s*(?::|(?:por|al|llamando|en el|en|vía)\b)",
    r"\bconsulte\b", r"\bcontrate\b", r"\bcontácte(?:nos|me)?\b", r"\bcontáctanos\b",
    r"\binfórmese\b", r"\benvíe(?:lo|la|los|nos)\b",
    # (a form's heading: "Boletín de inscripción - enviar por fax al ...")
    r"\binscripción\b", r"\benviar por fax\b",
    r"\bvous invitons à (?:contacter|appeler|nous)\b",
    r"\btéléphonez\b", r"\btélécopiez\b", r"\btelefonee\b", r"\bcotice\w*", r"\bcotícenos\b",
    r"\bescríbanos\b",
    r"\bécrivez-nous\b", r"\bschreiben sie uns\b",
    # a few minutes of the reader's time: "a quick 10-minute call", "love to talk", "in einem
    # kurzen Telefonat", "un court échange", "una breve llamada"
    r"\b(?:quick|short|brief) (?:\d+[- ]minute )?(?:call|chat)\b", r"\blove to (?:talk|chat)\b",
    r"\btelefonat\b", r"\bcourt (?:appel|échange)\b", r"\bbreve (?:llamada|conversación)\b",
    # a form to sign and send back: "sign and return", "zurückfaxen", "devuelva por fax"
    r"\bsign and (?:return|fax|send)\b", r"\breturn (?:this|the) (?:form|page|sheet|coupon)\b",
    r"\bzur(?:ü|ue)ck(?:faxen|senden|schicken)\b", r"\bsignez\b", r"\bdevuelv\w*", r"\bfirme\b",
    r"\bdevolviendo\b", r"\bdevolver(?:lo|la|los|las)?\b",
    r"\bremit[ae]\b",
    # a reply asked for, in each language
    r"\bantwort\w*", r"\brépond\w*", r"\brespond[ae]\b", r"\bconteste\b",
    # an appointment to confirm ("confirme su cita", "confirm your appointment", "confirmer
    # votre rendez-vous", "bestätigen Sie Ihren Termin")
    r"\bconfirm\w* (?:su|your|votre) (?:cita|appointment|visit|rendez-vous|visita)\b",
    r"\bbestätigen sie (?:ihren|den) termin\b",
])
# A solicitation dressed as a bill, an invoice or a listing renewal must say what it is (in the
# US, 39 U.S.C. 3001(d): "This is a solicitation ... not a bill"; in Germany, directory offers
# must be marked as offers; likewise in France and Spain). These say it by themselves:
# A court's, a registry's or an office's own warning that private providers' look-alike offers
# are none of its letters: it says it sends none, or that they have nothing to do with this
# letter ("Das Registergericht versendet keine Zahlungsaufforderungen privater Anbieter",
# "Angebote ... stehen in keinem Zusammenhang mit diesem Schreiben", "we never send invoices for
# entries", "n'envoie aucune facture", "no envía facturas"): the disclaimer's words, about
# others. (An offer says the reverse: "this offer has no connection with the register".)
OFFICIAL_WARNING = compile_any([
    r"\b(?:versendet|verschickt|sendet|fordert) keine (?:zahlungsaufforderungen|rechnungen|"
    r"angebote|gebühren)\b",
    r"\bprivate[rn]? anbieter(?:n)? (?:versenden|verschicken|schicken|senden)\b",
    r"\bangebote\b[^.]{0,80}\b(?:stehen|steht) in keine[mr] (?:zusammenhang|verbindung) mit "
    r"(?:diesem|unserem) schreiben\b",
    r"\b(?:we|the (?:registry|register|court|office)) (?:do(?:es)? not|never) (?:send|issue) "
    r"(?:invoices|offers|requests for payment|bills)\b",
    r"\bn'(?:envoie|adresse|émet) (?:jamais |aucune? )(?:factures?|sollicitations?|demandes? "
    r"de paiement)\b",
    r"\bno (?:envía|remite|emite) (?:nunca )?(?:facturas|ofertas|solicitudes de pago)\b",
])
DRESSED_AS_BILL = compile_any([
    r"\bthis is a solicitation\b", r"\ba solicitation for the order\b",
    r"\bsolicitation,? (?:and )?not (?:a|an) (?:bill|invoice)\b",
    r"\bno (?:legal )?obligation to (?:pay|make (?:any )?payments?)\b",
    r"\bthis is (?:only )?an offer\b",
    # (a paper that calls itself both: "Factura-propuesta num. RIMP-2026-EC-01877")
    r"\bfactura[- ]propuesta\b",
    # (and returning it: "By signing and returning this form the undersigned orders")
    r"\bby signing(?: and (?:returning|faxing back|sending back))?(?: (?:this|the) (?:form|"
    r"document|coupon|page|sheet))?,? (?:you|the "
    r"undersigned|the client|the customer|the company) (?:orders?|accepts?|agrees? to "
    r"(?:order|purchase|a)|places? an? (?:\w+ )?order|"
    r"commissions?)\b",
    r"\bmit (?:ihrer |der |dieser )?unterschrift (?:beauftragen|erteilen|bestellen|bestätigen|"
    r"akzeptieren) sie\b",
    r"\b(?:dies ist|es handelt sich (?:hierbei )?um|hierbei handelt es sich um) "
    r"(?:ein (?:angebot|offerte)|keine rechnung)\b",
    r"\b(?:la |votre )?signature vaut (?:commande|bon de commande|acceptation|souscription)",
    # (with what is signed in between: "la signature du présent formulaire vaut commande")
    r"\bsignature (?:d[eu] |des )[^.]{0,40}?\bvaut (?:commande|bon de commande|acceptation|"
    r"souscription)",
    r"\bceci (?:n'est pas une facture|est une offre)\b",
    r"\b(?:su|la) firma (?:\w+ ){0,4}?(?:equivale|supone|implica|conlleva|significa|constituye)\b",
    r"\b(?:signature|signing)\b[^.]{0,40}\bconstitutes? (?:an?|your) (?:\w+ )?(?:order|contract)",
    r"\bsignature\b[^.]{0,40}\bconstitue (?:une|un) (?:commande|bon de commande|contrat)",
    r"\bunterschrift\b[^.]{0,40}\bgilt als (?:auftrag|bestellung|vertrag)",
    r"\besto (?:no es una factura|es una oferta)\b",
    r"\ben signant (?:ce|le|cette) (?:formulaire|document|bon|coupon|fiche),? vous (?:commandez|"
    r"acceptez|souscrivez)\b",
    r"\bal firmar(?: (?:este|el|esta|la) (?:formulario|documento|impreso|ficha))?,? (?:usted |"
    r"el cliente |la empresa |el firmante |el suscrito )?(?:contrata|solicita|encarga|acepta)\b",
    # ... or that the entry is paid for, though correcting the data is free ("The entry itself
    # is not", "Der Eintrag ... ist kostenpflichtig", "la mise à jour est gratuite, non
    # l'inscription", "la inserción es de pago"): a register nobody pays for would not say so
    r"\b(?:the )?(?:entry|listing) itself is not\b",
    # ... or that the entry is concluded for a term ("L'insertion dans l'annuaire ... est conclue
    # pour une durée de trois ans", "the listing is concluded for 3 years", "Der Eintrag wird
    # für drei Jahre abgeschlossen"): what a register's notice would have no term for
    r"\b(?:insertion|inscription|entry|listing|eintrag|inserción|inscripción)\b[^.]{0,80}"
    r"\b(?:est conclue? pour|is concluded for|wird für [^.]{0,20}abgeschlossen|se contrata por)\b",
    # ... or that the entry costs so much a year for a term of years ("Der Eintrag im
    # Online-Verzeichnis kostet 569,00 € netto jährlich, Vertragslaufzeit 2 Jahre", "an
    # extended entry costs EUR 997 per year for a minimum of 3 years")
    r"\b(?:entry|listing|eintrag|inscription|insertion|inserción|inscripción)\b(?:[^.]|\.\w|"
    r"[.,]\d){0,80}\b(?:kostet|costs?|coûte|cuesta|est de|betragt|beträgt)\b(?:[^.]|[.,]\d){0,40}"
    r"\b(?:jährlich|pro jahr|per (?:year|annum)|a year|annually|par an|al año|anuales?)\b"
    r"(?:[^.]|[.,]\d){0,60}\b(?:\w*laufzeit|term|durée|duración|minimum of|mindestens)\b",
    # (a web address in between keeps its dots)
    r"\b(?:entry|listing|eintrag\w*|inscription|inserción|inscripción)\b(?:[^.]|\.\w){0,80}"
    r"\b(?:ist "
    r"kostenpflichtig|is (?:subject to (?:a )?(?:fee|charge)|chargeable)|est payante|es de pago)",
    r"\best gratuite?,? (?:mais )?(?:non|pas) (?:l')?(?:inscription|insertion)\b",
    # ... or that a fee keeps the reader's number or name published ("to keep your VAT number
    # published ... annual publication fee")
    r"\bto keep your\b[^.]{0,60}\b(?:published|listed|registered) in\b",
    # it pays only if accepted: an offer, however much it looks like an invoice
    r"\bunless you accept (?:this|our) offer\b", r"\bonly (?:if|once|when) you accept\b",
    r"\bnur bei annahme\b", r"\b(?:uniquement|seulement) en cas d'acceptation\b",
    r"\bsolo (?:si|en caso de que) (?:usted )?acept",
    # ... and that it is no official register, nor the reader's current provider: a notice from
    # a body or a supplier the reader deals with would have no reason to say so
    r"\bnot (?:affiliated|associated|connected) with (?:any|the) (?:government|state|federal|"
    r"public|official|patent|trademark|u\.?s\.?)",
    r"\b(?:no|without any) (?:connection|affiliation|relation(?:ship)?|link) (?:with|to) (?:any|an|"
    r"the) (?:government|state|federal|public|official)",
    r"\bnot an? (?:official|government(?:al)?|public) (?:body|agency|authority|register|"
    r"registry)\b",
    r"\bno es (?:un|una) (?:organismo|registro|entidad|ente|oficina) (?:oficial|público|pública|"
    r"gubernamental)",
    r"\bn'est pas un (?:organisme|registre|service) (?:officiel|public|d'état)",
    r"\bis not (?:a|an|your) (?:accredited |domain )?(?:name )?registrar\b",
    r"\bn'est pas un (?:bureau d'enregistrement|registraire)\b",
    r"\bno es (?:un|su) registrador\b", r"\bist kein (?:domain-?)?registrar\b",
    r"\b(?:not|never) your (?:current|existing|present) (?:registrar|provider|supplier|"
    r"host|carrier|vendor|listing)\b",
    r"\bin keiner (?:verbindung|beziehung) (?:zu|mit)\b", r"\bkein (?:amtliches|offizielles) "
    r"(?:register|verzeichnis)\b", r"\bnicht (?:um )?(?:ein )?(?:amtlich|behördlich)",
    r"\bsans (?:aucun )?lien avec\b", r"\baucun lien avec\b",
    r"\bn'est (?:pas|aucunement) (?:lié|affilié|rattaché)e?s? (?:à|au|aux)\b",
    # ("n'est lié à aucun organisateur", OCR dropping the apostrophe and reading "à" as "4")
    r"\bn'?est (?:lié|affilié|rattaché)e?s? \S{1,2} aucun\b",
    r"\bnon (?:lié|affilié|rattaché)e?s? (?:à|au|aux) (?:une |l')?(?:administration|organisme|"
    r"autorité|état)",
    r"\bsin (?:ninguna )?(?:relación|vinculación|vínculo) con\b",
    # ... or says it is a private business, not the office whose notices it imitates
    r"\bis a private (?:company|firm|organi[sz]ation|publisher|register|registry|service|entity|"
    r"body)\b", r"\bnot (?:a|an) (?:notice|letter|communication|invoice|bill) (?:from|of|by) the\b",
    r"\bnot (?:issued|sent) by (?:the|any)\b", r"\bno\b[^.]{0,40}\b(?:obligation|duty) arises\b",
    r"\b(?:ist )?ein privates? (?:unternehmen|register|verzeichnis|dienstleister|verlag)\b",
    r"\bkein (?:schreiben|bescheid) (?:des|der|vom)\b", r"\bstammt nicht (?:vom|von der)\b",
    # (a court's own warning about them is OFFICIAL_WARNING: ingest/spam_kinds.py)
    r"\bprivate[rn]? anbieter", r"\bprivate provider\b", r"\bprestataire privé\b",
    r"\bproveedor privado\b",
    # the disclaimer California makes such offers print
    r"\bnot (?:been )?approved or endorsed by any (?:governmental|government) agency\b",
    r"\bnot being made by an agency of the government\b",
    r"\b(?:un organisme|une société|une entreprise|un registre) privée?\b",
    r"\bn'émane (?:pas|aucunement) d", r"\bn'est pas (?:émise?|envoyée?) par\b",
    r"\b(?:es|registro es) (?:un registro |una empresa |una entidad )?privad[oa]\b",
    r"\bno depende (?:de|del)\b", r"\bno (?:procede|proviene) (?:de|del)\b",
    r"\bno (?:tiene|guarda|mantiene) (?:ninguna )?(?:relación|vinculación) con\b",
    # ... in more words: a private business of some trade ("a private tax resolution firm", "a
    # private commercial publication", "ein privates Dienstleistungsunternehmen und keine
    # Behörde"), no connection with an office named in full
    r"\bis an? (?:independent )?(?:private|commercial) (?:[\w-]+ ){0,2}(?:company|firm|publication|"
    r"publisher|business|service|directory|register|agency)\b",
    r"\bis an independent commercial (?:publication|directory|register)\b",
    # (a "support association" selling advertising: "is a private non-profit and is not part
    # of any Sheriff's Office")
    r"\bnot part of (?:any|the) (?:[\w'-]+ ){0,3}(?:office|department|agency|government|"
    r"authority|police|sheriff's office)\b",
    r"\bnot (?:affiliated|associated|connected) with (?:any|the) (?:[\w-]+ ){0,4}(?:office|"
    r"authority|agency|ministry|department|registry|body|hospital|health system|society|"
    r"organi[sz]ers?)\b",
    r"\b(?:ein|eine) private[sn]? (?:[\w-]+ )?(?:\w*unternehmen|dienstleistung|\w*verlag)\b",
    r"\bkeine behörde\b", r"\b(?:steht |stehen )?in keinem zusammenhang mit\b",
    r"\bkein zusammenhang mit (?:amtlichen|öffentlichen|behördlichen|staatlichen)\b",
    r"\bn'est pas une (?:administration|autorité)\b", r"\bno es (?:una )?administración\b",
    # ... or that paying or signing is what orders it: a bill is owed, not accepted
    r"\b(?:the )?order becomes binding (?:on|upon|with) (?:payment|signature)\b",
    r"\b(?:payment|paying this)\b[^.]{0,30}\b(?:constitutes|is deemed|counts as|means) "
    r"(?:acceptance|an? (?:\w+ )?order|a (?:binding )?contract)",
    r"\bsigned (?:proof|form|order form|coupon)\b[^.]{0,20}\bconstitutes? an? (?:\w+ )?"
    r"(?:order|contract)",
    r"\bzahlung gilt als (?:annahme|auftrag|bestellung|vertragsschluss)",
    r"\bmit (?:der|ihrer) (?:unterschrift|zahlung) wird (?:der|ein) auftrag\b",
    r"\b(?:le )?(?:paiement|règlement) vaut (?:acceptation|commande|bon de commande|"
    r"souscription)",
    r"\b(?:el )?pago (?:implica|supone|equivale a|constituye|conlleva) (?:la )?(?:aceptación|"
    r"(?:el |un )?pedido|contratación)",
    # ... or that sending the signed form back orders the paid entry ("Mit der Rücksendung
    # beauftragen Sie ...", "Mit der Unterzeichnung wird ein Eintrag ... bestellt", "Returning
    # this form constitutes an order", "Le renvoi de ce formulaire vaut commande", "La
    # devolución de este formulario supone la contratación")
    r"\bmit (?:der )?(?:rücksendung|unterzeichnung|rückantwort)\b[^.]{0,60}\b(?:beauftragen|"
    r"bestellen|erteilen|bestellt|beauftragt|erteilt)\b",
    r"\bby (?:returning|signing and returning|faxing back) (?:this|the) (?:form|page|sheet|"
    r"proof)\b[^.]{0,30}\byou (?:order|authori[sz]e|accept|agree)",
    r"\breturning (?:this|the) (?:signed )?(?:form|page|sheet|proof)\b[^.]{0,20}\b"
    r"constitutes? an? (?:\w+ )?(?:order|contract)",
    # (or filling it in: "Completion of this form constitutes a binding order", "Con la firma
    # del presente documento el firmante contrata ...")
    r"\b(?:completion|completing|signature|signing) (?:of )?(?:this|the) (?:form|page|sheet|"
    r"proof|coupon)\b[^.]{0,20}\bconstitutes? an? (?:\w+ )?(?:order|contract)",
    r"\bcon la firma (?:del presente|de este|de esta|de la presente) (?:documento|formulario|"
    r"impreso|solicitud)\b[^.]{0,40}\b(?:contrata|solicita|encarga|acepta)\b",
    r"\b(?:le )?renvoi (?:de ce|du) (?:formulaire|bon|document)\b[^.]{0,30}\bvaut "
    r"(?:commande|acceptation|souscription)",
    r"\b(?:la )?devolución (?:de este|del) (?:formulario|documento|impreso)\b[^.]{0,30}\b"
    r"(?:supone|implica|equivale a|constituye) (?:la )?(?:contratación|aceptación|(?:un )?pedido)",
    r"\b(?:steht |stehen )?in keiner (?:verbindung|beziehung) (?:zu[mr]?|mit)\b",
    # ... or that its "renewal" moves the reader's domain or listing to the sender ("the
    # transfer of your domain to our company", "le transfert de votre nom de domaine chez
    # notre société", "el traslado de su dominio a nuestro servicio", "Umzug Ihrer Domain zu uns")
    r"\btransfer(?:ring)? (?:of )?your (?:domain|website|site|listing)\b[^.]{0,40}"
    r"\bto (?:us|our)\b",
    # ("you are transferring your domain from your current registrar", "we do not currently
    # manage this domain", "wir verwalten diese Domain derzeit nicht", "nous ne gérons pas ce
    # nom de domaine", "no administramos actualmente este dominio")
    r"\btransferr?(?:ing|ed)? (?:of )?your (?:domain|website|site)(?: name)? from your "
    r"(?:current|existing|present)\b",
    r"\b(?:do|does) not (?:currently )?(?:manage|host|register|administer) (?:this|your) "
    r"(?:domain|website)\b",
    r"\bverwalten (?:diese|ihre) (?:domain|webseite)\b[^.]{0,15}\bnicht\b",
    r"\bne (?:gérons|gère|gerons|gere) pas (?:actuellement )?(?:ce|votre) (?:nom de )?domaine\b",
    r"\bno (?:administramos|gestionamos|gestiona|administra) (?:actualmente )?(?:este|su) "
    r"dominio\b",
    r"\btransfert de votre (?:nom de )?(?:domaine|site)\b[^.]{0,30}"
    r"\b(?:chez|vers) (?:nous|notre)\b",
    r"\btraslado de su (?:dominio|web|sitio)\b[^.]{0,40}\ba (?:nuestro|nuestra|nosotros)\b",
    r"\b(?:umzug|transfer|übertragung) ihrer (?:domain|webseite|internetseite)\b[^.]{0,30}"
    r"\b(?:zu uns|zu unserem|auf unser)",
])
# ... these only beside what is sold ("THIS IS NOT A BILL" heads every explanation of benefits).
NOT_A_BILL = compile_any([r"\bnot (?:a|an) (?:bill|invoice)\b",
                          r"\b(?:keine|nicht (?:um )?eine) rechnung\b",
                          r"\bpas une facture\b", r"\bno es una factura\b"])
# A bill for an entry in the sender's own register, directory or publication ("the publication
# of your entry in our register", "l'insertion de votre établissement dans notre annuaire",
# "su inscripción en nuestro registro"): a public register or a directory the reader chose does
# not bill for "our" register; ingest/spam_kinds.py counts it only beside a price. (A members'
# directory is a bulletin's, not an offer.)
OWN_REGISTER = compile_any([
    r"\b(?:our|unser\w*|notre|nos|nuestr[oa]s?) (?![^.]{0,30}(?:member|mitglied|membre|socio|"
    r"adhérent))(?:[\w-]+ ){0,2}(?:[a-z]+(?=register|verzeichnis)|)(?:register|registry|"
    r"directory|directories|verzeichnis|branchenbuch|"
    r"annuaire|répertoire|recueil|registre|registro|directorio|guía|anuario|handbook|"
    r"yearbook)\b",
])
# What a listing's bill is for: an entry in a directory, a guide or a search engine ("Business
# listing and map placement", "référencement annuel", "Eintrag im Branchenbuch", "inserción en
# el directorio"). A debt for one, pressed with collectors on a reader nobody names, is the
# unordered listing's bill a second time (ingest/spam_kinds.py: ``debt_for_a_listing``).
LISTING_SERVICE = compile_any([
    r"\blistings?\b", r"\bdirectory\b", r"\bréférencement\b", r"\bannuaire\b", r"\beintrag\w*",
    r"\bbranchenbuch\w*", r"\bbranchenverzeichnis\w*", r"\bdirectorio\b",
    r"\bguía (?:empresarial|comercial|de empresas|profesional)\b", r"\binserci[oó]n\b",
    r"\binsertion\b",
])
SOLD = compile_any([r"\boffer\b", r"\bsolicitation\b", r"\blisting\b", r"\bdirectory\b",
                    r"\bangebot\b", r"\beintrag\w*", r"\bverzeichnis", r"\boffre\b",
                    r"\bannuaire\b", r"\binsertion\b", r"\boferta\b", r"\binserci"])

# "Questions? Call ..." on a statement or an EOB answers a customer; it asks for no order.
# (unless the same sentence also takes orders: "Questions or orders: ...")
QUESTIONS = compile_any([r"\bquestions?\b", r"\bfragen\b", r"\brückfragen\b", r"\bpreguntas\b",
                         r"\bdudas\b", r"\bto reschedule\b", r"\breplacement\b"])
