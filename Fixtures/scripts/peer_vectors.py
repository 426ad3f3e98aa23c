#!/usr/bin/env python3
"""Write the peer test vectors: German identifiers and phone numbers as other projects test them.

Writes Fixtures/peer-vectors/vectors.jsonl, one {"value", "kind", "category", "valid", "label", "source",
"licence"} per line. `PeerVectorTests` reads that file (the test suite needs no Python); run this script again
only to change the vectors, and commit its output:

  pip install python-stdnum==2.2 phonenumbers==9.0.43
  python3 Fixtures/scripts/peer_vectors.py

Three sources (see Fixtures/peer-vectors/README.md for their licences):
  - the example values of Presidio's German recognizer tests, with Presidio's own verdict (written out below:
    values only, no code);
  - values generated with python-stdnum: valid ones, and each again with one digit changed, with stdnum's
    verdict on the changed one;
  - phonenumbers' German example number of every number type, in the forms people write.
The output is the same on every run (fixed seed, sorted nothing: the order is the order of generation).
"""
import json
import os
import random
import sys

import phonenumbers
import stdnum
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from stdnum import iban
from stdnum.de import handelsregisternummer, idnr, stnr, vat
from stdnum.iso7064 import mod_11_10

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(HERE, "peer-vectors", "vectors.jsonl")
SEED = 25
PER_KIND = 8

PRESIDIO = "Presidio (microsoft/presidio 0aa9f8e, presidio-analyzer/tests/test_de_*_recognizer.py)"
STDNUM = f"python-stdnum {stdnum.__version__}"
PHONENUMBERS = f"phonenumbers {phonenumbers.__version__}"
LICENCES = {PRESIDIO: "MIT (test values only)", STDNUM: "LGPL-2.1+ (generated values only)",
            PHONENUMBERS: "Apache-2.0 (example numbers of its metadata)"}

# The labels people write before each kind; one is drawn per vector.
LABELS = {
    "steuer-id": ["Steuer-ID:", "Steuer-IdNr.", "IdNr.", "Steueridentifikationsnummer", "Steuer-ID"],
    "steuernummer": ["St.-Nr.", "Steuernummer:", "StNr.", "Steuer-Nr."],
    "ust-idnr": ["USt-IdNr.", "USt-IdNr.:", "USt-ID", "Umsatzsteuer-ID:"],
    "iban": ["IBAN", "IBAN:", "Bankverbindung IBAN"],
    "handelsregister": ["Handelsregister:", "Registernummer", "Amtsgericht {court},"],
    "kvnr": ["KVNR:", "Versichertennummer", "eGK-Nummer", "Krankenversichertennummer"],
    "rvnr": ["RVNR:", "RV-Nr.", "Rentenversicherungsnummer", "SV-Nummer"],
    "passport": ["Reisepass", "Pass-Nr.:", "Reisepassnummer"],
    "id-card": ["Personalausweis:", "Ausweis Nr.", "Personalausweisnummer"],
    "fuehrerschein": ["Führerscheinnummer:", "Fahrerlaubnis", "Führerschein-Nr."],
    "bsnr": ["BSNR", "Betriebsstättennummer:", "BSNR:"],
    "lanr": ["LANR:", "Arztnummer", "LANR"],
    "kfz": ["Kennzeichen", "Kennzeichen:", "Kfz-Kennzeichen", "amtl. Kennzeichen"],
    "phone": ["Tel.", "Tel.:", "Telefon", "Mobil", "Handy", "erreichbar unter", "Rufnummer"],
}

LOWER_PLATE = ("lower-case plate: Presidio finds it only through its global IGNORECASE (its test lists it under "
               "'Should NOT match'); in running text 'es ab 100' has the same shape, so it is tested after its label only")

# Presidio's German recognizer tests: (kind, value, Presidio finds it). Values of its analyze() tests with
# expected_len > 0 and of its validate_result() tests returning True or None count as valid. Left out: the
# postcode tests (a postcode is an address, not an identifier) and values without a digit ("abcdefghijk",
# "DEabcdefghi", ""), which no one writes as an identifier.
PRESIDIO_VALUES = [
    ("bsnr", "021234568", True), ("bsnr", "521234567", True), ("bsnr", "711234567", True),
    ("bsnr", "351234567", True), ("bsnr", "991234567", True), ("bsnr", "051234567", True),
    ("bsnr", "741234567", True), ("bsnr", "000000000", False), ("bsnr", "02123456", False),
    ("bsnr", "0212345689", False), ("bsnr", "02123456A", False),
    ("fuehrerschein", "BO12345678A", True), ("fuehrerschein", "MU12345678B", True),
    ("fuehrerschein", "HH98765432C", True), ("fuehrerschein", "KO12345678X", True),
    ("fuehrerschein", "DO98765432Z", True), ("fuehrerschein", "GE123456780", True),
    ("fuehrerschein", "MU123456785", True), ("fuehrerschein", "mu12345678b", True),
    ("fuehrerschein", "BO12345678", False), ("fuehrerschein", "BO12345678AB", False),
    ("fuehrerschein", "12345678901", False), ("fuehrerschein", "B12345678A", False),
    ("handelsregister", "HRB 123456", True), ("handelsregister", "HRB 1", True),
    ("handelsregister", "HRB123456", True), ("handelsregister", "HRA 12345", True),
    ("handelsregister", "HRA12345", True), ("handelsregister", "HRB 12345", True),
    ("handelsregister", "HRA 99999", True), ("handelsregister", "HRB 999999", True),
    ("handelsregister", "hrb 12345", True), ("handelsregister", "HRC 12345", False),
    ("handelsregister", "HR 12345", False), ("handelsregister", "HRB 1234567", False),
    ("kvnr", "A000500015", True), ("kvnr", "C000500021", True), ("kvnr", "A123456780", True),
    ("kvnr", "M123456785", True), ("kvnr", "B123456782", True), ("kvnr", "Z000000005", True),
    ("kvnr", "Z999999997", True), ("kvnr", "a123456780", True), ("kvnr", "A123456787", False),
    ("kvnr", "M123456789", False), ("kvnr", "A000500010", False), ("kvnr", "1123456780", False),
    ("kvnr", "A12345678", False), ("kvnr", "A1234567890", False),
    ("id-card", "L01X00T44", True), ("id-card", "C01234565", True), ("id-card", "CZ6311T03", True),
    ("id-card", "G00000002", True), ("id-card", "l01x00t44", True), ("id-card", "T22000129", True),
    ("id-card", "T00000000", True), ("id-card", "T99999999", True), ("id-card", "t22000129", True),
    ("id-card", "L01X00T47", False), ("id-card", "C01234567", False), ("id-card", "T2200012", False),
    ("id-card", "T220001290", False), ("id-card", "123456789", False), ("id-card", "L01X00T4", False),
    ("id-card", "L01X00T440", False), ("id-card", "L01X00T4A", False),
    ("kfz", "B AB 1234", True), ("kfz", "M XY 999", True), ("kfz", "HH AB 1234", True),
    ("kfz", "KA EF 12H", True), ("kfz", "S AB 12E", True), ("kfz", "MIL E 1234", True),
    ("kfz", "MIL EF 1234E", True), ("kfz", "B-AB-1234", True), ("kfz", "M-XY-999", True),
    ("kfz", "HH-AB-1234", True), ("kfz", "b ab 1234", True, LOWER_PLATE), ("kfz", "m xy 999", True, LOWER_PLATE),
    ("kfz", "BAB1234", False), ("kfz", "B 1234", False), ("kfz", "BXYZ AB 1234", False),
    ("lanr", "123456601", True), ("lanr", "234567701", True), ("lanr", "100000601", True),
    ("lanr", "987654401", True), ("lanr", "555555501", True), ("lanr", "999999901", True),
    ("lanr", "123456901", False), ("lanr", "234567601", False), ("lanr", "100000401", False),
    ("lanr", "12345660", False), ("lanr", "1234566010", False), ("lanr", "12345660a", False),
    ("passport", "C01234565", True), ("passport", "F12345671", True), ("passport", "L01X00T44", True),
    ("passport", "CZ6311T03", True), ("passport", "G00000002", True), ("passport", "C01X00T41", True),
    ("passport", "c01234565", True), ("passport", "C01234567", False), ("passport", "F12345678", False),
    ("passport", "L01X00T47", False), ("passport", "C0123456", False), ("passport", "C012345678", False),
    ("passport", "901234567", False), ("passport", "C0123456A", False), ("passport", "A01234567", False),
    ("passport", "IOQSUBDE1", False),
    ("rvnr", "15070649C103", True), ("rvnr", "65070803A019", True), ("rvnr", "20151090B023", True),
    ("rvnr", "38551285K051", True), ("rvnr", "15070649C100", False), ("rvnr", "65070803A012", False),
    ("rvnr", "15070049C103", False), ("rvnr", "15071349C103", False), ("rvnr", "150706491103", False),
    ("rvnr", "15070649C10", False), ("rvnr", "15070649C1030", False), ("rvnr", "65070803A018", False),
    ("rvnr", "15420649C103", False), ("rvnr", "15850649C103", False),
    ("steuer-id", "12345678903", True), ("steuer-id", "98765432106", True), ("steuer-id", "12345678901", False),
    ("steuer-id", "98765432100", False), ("steuer-id", "02345678901", False), ("steuer-id", "1234567890", False),
    ("steuer-id", "123456789030", False), ("steuer-id", "11111111111", False), ("steuer-id", "11112345678", False),
    ("steuer-id", "02345678903", False), ("steuer-id", "12222234567", False),
    ("steuernummer", "0281508150123", True), ("steuernummer", "0981508150999", True),
    ("steuernummer", "1681508150001", True), ("steuernummer", "0181508150000", True),
    ("steuernummer", "1781508150001", False), ("steuernummer", "0081508150001", False),
    ("steuernummer", "028150815012", False), ("steuernummer", "123/456/78901", True),
    ("steuernummer", "987/654/32100", True), ("steuernummer", "12/345/6789", True),
    ("steuernummer", "12/3456/7890", True), ("steuernummer", "123/3456/7890", True),
    ("ust-idnr", "DE136695976", True), ("ust-idnr", "DE129273398", True), ("ust-idnr", "DE123456788", True),
    ("ust-idnr", "DE111111117", True), ("ust-idnr", "DE123456789", True), ("ust-idnr", "DE987654321", True),
    ("ust-idnr", "DE100000001", True), ("ust-idnr", "de136695976", True), ("ust-idnr", "AT123456789", False),
    ("ust-idnr", "FR12345678901", False), ("ust-idnr", "DE12345678", False), ("ust-idnr", "DE1234567890", False),
    ("ust-idnr", "DE 136 695 976", True), ("ust-idnr", "DE 129 273 398", True), ("ust-idnr", "DE 136695976", True),
    ("ust-idnr", "DE-136-695-976", True), ("ust-idnr", "DE.136.695.976", True), ("ust-idnr", "DE 136-695.976", True),
    ("ust-idnr", "de 136 695 976", True),
]

# How each Land writes its regional Steuernummer (F Finanzamt, B district, U serial, P check digit; after
# the usual tables, e.g. de.wikipedia.org/wiki/Steuernummer). stdnum knows the digits, not the separators.
REGIONAL_WRITING = {
    "Baden-Württemberg": "FFBBB/UUUUP", "Bayern": "FFF/BBB/UUUUP", "Berlin": "FF/BBB/UUUUP",
    "Brandenburg": "0FF/BBB/UUUUP", "Bremen": "FF BBB UUUUP", "Hamburg": "FF/BBB/UUUUP",
    "Hessen": "0FF BBB UUUUP", "Mecklenburg-Vorpommern": "0FF/BBB/UUUUP", "Niedersachsen": "FF/BBB/UUUUP",
    "Nordrhein-Westfalen": "FFF/BBBB/UUUP", "Rheinland-Pfalz": "FF/BBB/UUUU/P", "Saarland": "0FF/BBB/UUUUP",
    "Sachsen": "2FF/BBB/UUUUP", "Sachsen-Anhalt": "1FF/BBB/UUUUP", "Schleswig-Holstein": "FF BBB UUUUP",
    "Thüringen": "1FF/BBB/UUUUP",
}


def vector(rng, kind, value, valid, source, court=None, labelled_only=None):
    """One vector; `labelled_only` says why a valid value is not also tested without its label."""
    label = rng.choice(LABELS[kind]).replace("{court}", court or "Köln")
    out = {"value": value, "kind": kind, "category": "contact" if kind == "phone" else "id", "valid": valid,
           "label": label, "source": source, "licence": LICENCES[source]}
    if labelled_only:
        out["labelledOnly"] = labelled_only
    return out


def corrupt(rng, value):
    """The value with one of its digits replaced by another digit."""
    positions = [i for i, c in enumerate(value) if c.isdigit()]
    i = rng.choice(positions)
    digit = rng.choice([d for d in "0123456789" if d != value[i]])
    return value[:i] + digit + value[i + 1:]


def digits(rng, count):
    return "".join(rng.choice("0123456789") for _ in range(count))


def with_corruptions(rng, kind, values, is_valid, court=None):
    """Each valid value, then each with one digit changed and stdnum's verdict on it."""
    out = [vector(rng, kind, v, True, STDNUM, court) for v in values]
    for v in values:
        changed = corrupt(rng, v)
        out.append(vector(rng, kind, changed, bool(is_valid(changed)), STDNUM, court))
    return out


def steuer_ids(rng):
    values = []
    while len(values) < PER_KIND:
        body = str(rng.randint(1, 9)) + digits(rng, 9)
        number = body + mod_11_10.calc_check_digit(body)
        if idnr.is_valid(number):
            values.append(number if len(values) % 2 == 0 else idnr.format(number))
    return with_corruptions(rng, "steuer-id", values, idnr.is_valid)


def written(template, number):
    """`number`'s digits laid into a template such as "FF/BBB/UUUUP" (fixed digits are kept)."""
    out, rest = [], iter(number)
    for c in template:
        out.append(next(rest) if c.isalnum() else c)
    return "".join(out)


def steuernummern(rng):
    values = []
    for region in stnr.REGIONS:
        template = REGIONAL_WRITING[region]
        while True:
            number = "".join(c if c.isdigit() else rng.choice("0123456789") for c in template if c.isalnum())
            if stnr.is_valid(number, region):
                break
        values.append(written(template, number))
        values.append(stnr.to_country_number(number, region))
    return with_corruptions(rng, "steuernummer", values, stnr.is_valid)


def ust_ids(rng):
    values = []
    while len(values) < PER_KIND:
        body = str(rng.randint(1, 9)) + digits(rng, 7)
        number = body + mod_11_10.calc_check_digit(body)
        if vat.is_valid(number):
            form = len(values) % 3
            values.append(["DE" + number, "DE " + " ".join((number[:3], number[3:6], number[6:])), "DE " + number][form])
    return with_corruptions(rng, "ust-idnr", values, vat.is_valid)


def ibans(rng):
    values = []
    for n in range(PER_KIND):
        bban = digits(rng, 18)
        number = "DE" + iban.calc_check_digits("DE00" + bban) + bban
        assert iban.is_valid(number)
        values.append(iban.format(number) if n % 2 == 0 else number)
    return with_corruptions(rng, "iban", values, iban.is_valid)


def register_numbers(rng):
    out = []
    for _ in range(PER_KIND):
        court = rng.choice(handelsregisternummer.GERMAN_COURTS)
        registry = rng.choice(["HRA", "HRB", "HRB", "VR", "GnR", "PR"])
        values = [f"{registry} {rng.randint(1, 999999)}"]
        check = lambda v, court=court: handelsregisternummer.is_valid(f"{court} {v}")
        assert check(values[0])
        out += with_corruptions(rng, "handelsregister", values, check, court)
    return out


def phone_forms(number):
    """The ways a German number is written: national (spaces, slash, hyphen, brackets), +49, 0049, +49 (0), E.164."""
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    nsn = phonenumbers.national_significant_number(number)
    # Pager numbers have no destination code in the metadata; people write them behind their 0164 prefix.
    ndc_length = phonenumbers.length_of_national_destination_code(number) or 3
    ndc, subscriber = nsn[:ndc_length], nsn[ndc_length:]
    if not national.startswith("0"):
        national = f"0{ndc} {subscriber}"
    international = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    if international.replace(" ", "") == f"+49{nsn}" and not international.startswith(f"+49 {ndc}"):
        international = f"+49 {ndc} {subscriber}"
    return [national, f"0{ndc}/{subscriber}", f"0{ndc}-{subscriber}", f"(0{ndc}) {subscriber}", international,
            "00" + international[1:], f"+49 (0){ndc} {subscriber}",
            phonenumbers.format_number(number, PhoneNumberFormat.E164)]


def phones(rng):
    out = []
    for name in ["FIXED_LINE", "MOBILE", "TOLL_FREE", "PREMIUM_RATE", "SHARED_COST", "VOIP", "PERSONAL_NUMBER",
                 "PAGER", "UAN", "VOICEMAIL"]:
        number = phonenumbers.example_number_for_type("DE", getattr(PhoneNumberType, name))
        if number is None:
            continue
        for form in phone_forms(number):
            out.append(vector(rng, "phone", form, True, PHONENUMBERS))
    return out


def main():
    rng = random.Random(SEED)
    vectors = [vector(rng, kind, value, valid, PRESIDIO, None, *note) for kind, value, valid, *note in PRESIDIO_VALUES]
    for make in (steuer_ids, steuernummern, ust_ids, ibans, register_numbers, phones):
        vectors += make(rng)
    seen, unique = set(), []
    for v in vectors:
        if (v["kind"], v["value"]) not in seen:
            seen.add((v["kind"], v["value"]))
            unique.append(v)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        for v in unique:
            f.write(json.dumps(v, ensure_ascii=False) + "\n")
    print(f"{len(unique)} vectors → {os.path.relpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
