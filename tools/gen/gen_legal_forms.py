#!/usr/bin/python3
"""Generates data/text/legal_forms.tsv from two real variant tables:

  * rigour org_types.json (opensanctions/rigour, MIT): legal-form aliases in many scripts with a
    generic class (LLC, JSC, SOE ...), e.g. ООО, Общество с ограниченной ответственностью → LLC;
  * the GLEIF ISO 20275 Entity Legal Form code list 1.4.1 (CC0): local names, transliterations
    and abbreviations per legal form.

Each output line is `form<TAB>class`: the class is rigour's generic class (lower case) where
rigour knows the form, else `elf-<code>` so that the forms of one GLEIF code are equal to each
other. Run from the repository root:

  tools/gen/gen_legal_forms.py ../shared/data/names > data/text/legal_forms.tsv
"""
import csv
import re
import json
import sys

names_dir = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/names"
forms = {}

with open(f"{names_dir}/rigour_org_types.json", encoding="utf-8") as f:
    for entry in json.load(f):
        cls = entry.get("generic") or entry.get("compare") or entry.get("display")
        if not cls:
            continue
        for alias in entry["aliases"] + [entry.get("display") or "", entry.get("compare") or ""]:
            alias = " ".join(alias.split())
            if alias and alias.lower() not in forms:
                forms[alias.lower()] = (alias, cls.lower())

with open(f"{names_dir}/gleif_iso20275_elf_codes_1.4.1.csv", encoding="utf-8-sig") as f:
    for row in csv.DictReader(f):
        if row["ELF Status ACTV/INAC"] != "ACTV":
            continue
        code = row["ELF Code"]
        candidates = [row["Entity Legal Form name Local name"],
                      row["Entity Legal Form name Transliterated name (per ISO 01-140-10)"]]
        for col in ("Abbreviations Local language", "Abbreviations transliterated"):
            candidates += row[col].split(";")
        for alias in candidates:
            alias = " ".join(alias.split())
            # GLEIF's two- and three-letter abbreviations ("DOE", "SON", "DA") collide with
            # names; rigour's curated short forms (LLC, JSC, AO, SA ...) are kept above.
            if len("".join(c for c in alias if c.isalnum())) <= 3:
                continue
            if alias and len(alias) <= 80 and alias.lower() not in forms:
                forms[alias.lower()] = (alias, f"elf-{code.lower()}")

# English forms missing from both tables that Chinese and Hong Kong companies use for 有限公司
# (HK Companies Ordinance, Cap. 622, s. 100: "Limited"); dualwatch's own additions.
for alias in ("Company Limited", "Co Limited", "Limited Company", "Company Ltd"):
    forms.setdefault(alias.lower(), (alias, "llc"))
# The EU's translations of ПАО (public joint-stock company) in its lists' language aliases
# ("sociedad anónima pública Rostvertol"), which neither table has; dualwatch's own additions.
for alias in ("sociedad anónima pública", "publiczna spółka akcyjna", "società per azioni pubblica"):
    forms.setdefault(alias.lower(), (alias, "jsc"))
# The public shareholding company of Iran and the Gulf (OFAC: "TOSE-E MELLI GROUP INVESTMENT
# COMPANY PUBLIC SHAREHOLDING COMPANY"), and Russia's federal state enterprise (ФКП: "Federal
# State Enterprise Kamensky Plant" / "FSE Kamensky Zavod"); dualwatch's own additions.
for alias in ("public shareholding company", "shareholding company", "public joint stock",
              "private joint stock"):
    forms.setdefault(alias.lower(), (alias, "jsc"))
for alias in ("federal state enterprise", "fse", "fkp", "federalnoe kazennoe predpriyatie",
              "федеральное казенное предприятие", "фкп"):
    forms.setdefault(alias.lower(), (alias, "fse"))
# FSUE is how the lists abbreviate the Federal State Unitary Enterprise (ФГУП, FGUP: "FSUE
# 'Morozov Plant'"), and Sherkat(-e) is Persian for company (شرکت: "Sherkate Technology
# Centrifuge Iran" / "Iran's Centrifuge Technology Company"); dualwatch's own additions.
forms.setdefault("fsue", ("FSUE", "soe"))
# Uzbekistan's limited liability company as the lists write it, "jamiyati" as in its joint-stock
# company's name ("“GFK LOGISTIC ASIA” mas'uliyati cheklangan jamiyati" / GFK Logistics Asia
# LLC); dualwatch's own addition.
forms.setdefault("mas'uliyati cheklangan jamiyati",
                 ("mas'uliyati cheklangan jamiyati", forms["mas'uliyati cheklangan jamiyat"][1]))
# JSCO, OFAC's abbreviation of the joint-stock company ("MILITECH JSCO" / "JOINT STOCK COMPANY
# MILITECH", "JSCO SVETLOVSK"); dualwatch's own addition.
forms.setdefault("jsco", ("JSCO", forms["jsc"][1]))
for alias in ("sherkat", "sherkate", "sherkat-e", "shirkat"):
    forms.setdefault(alias, (alias, forms["company"][1]))
# Vietnam's and Thailand's companies as OFAC and the UK write them in Latin letters: "CONG TY
# TNHH THINH CUONG" / THINH CUONG COMPANY LIMITED (rigour has "công ty trách nhiệm hữu hạn" and
# "cty tnhh", not the usual mixed form), and the Thai บริษัท ... จำกัด, company ... limited,
# around the name ("BORISAT RUNGRIN CHAMKAT" / RUNGRIN COMPANY LTD.), ห้างหุ้นส่วนจำกัด the
# limited partnership ("HANG HUN SUAN CHAMKAT KRIN KHA REN"); dualwatch's own additions.
for alias in ("cong ty tnhh", "cong ty tnhh mtv"):
    forms.setdefault(alias, (alias, forms["cty tnhh"][1]))
for alias in ("cong ty", "borisat"):
    forms.setdefault(alias, (alias, forms["company"][1]))
forms.setdefault("chamkat", ("chamkat", forms["ltd"][1]))
# China's 有限公司 and 股份有限公司 in pinyin, as OFAC writes some ("DALIAN ZHENGHUA MAOYI YOUXIAN
# GONGSI" / DALIAN ZENGHUA TRADING CO., LTD.); dualwatch's own additions.
for alias in ("youxian gongsi", "youxian zeren gongsi"):
    forms.setdefault(alias, (alias, forms["有限公司"][1]))
forms.setdefault("gufen youxian gongsi", ("gufen youxian gongsi", forms["股份有限公司"][1]))
forms.setdefault("hang hun suan chamkat", ("hang hun suan chamkat", forms["lp"][1]))
# Liechtenstein's Anstalt, which OFAC writes in English ("ALPHA ESTABLISHMENT" / "Alpha
# Anstalt"); dualwatch's own addition.
forms.setdefault("establishment", ("Establishment", forms["anstalt"][1]))
# Bare "KB", "EK" and "NPO" are, in the lists, Russian: конструкторское бюро (design bureau: "AO
# KB NAVIS", "KB Radar"), электронные компоненты ("RADIANT EK AO", "ULTRAN EK OOO") and
# научно-производственное объединение ("NPO Ufimets"), organisation words of
# data/text/org_words_extra.tsv; rigour's kommanditbolag and eingetragener Kaufmann keep their
# longer forms ("e.K."), the non-profit organisation its Japanese and Dutch ones.
for bare in ("kb", "ek", "npo", "n.p.o."):
    forms.pop(bare, None)
# "Bank" is a legal form of Nebraska's alone (GLEIF XUVE); elsewhere it says what a company does:
# a sector word of data/text/org_words.tsv, which weighs ("Bank of America" is not CONSTRUCTORA
# AMERICA S.A., "Bank of Communications" not KB Svyaz).
forms.pop("bank", None)
# So do GLEIF's forms that name a kind of bank ("Commercial Bank", "Industrial Bank", "National
# Bank", "Savings Bank", "Bank (Corporation)") or a central bank itself ("Česká národní banka"):
# as legal forms they had made "Commercial Bank Dubai" DUBAI TRADING COMPANY (0.93) and
# "Industrial Bank of Korea" KOREAN NATIONAL INSURANCE CORPORATION in the screen sample.
# rigour's curated Russian forms of the joint-stock commercial bank (AKB) stay.
BANK_WORDS = {"bank", "banka", "bankas", "banque", "banco", "banca", "bancario", "banking",
              "bankaktiebolag", "sparbank", "sparebank", "andelsbank", "medlemsbank",
              "europaandelsbank"}
for key in [k for k, (alias, cls) in forms.items() if cls.startswith("elf-") and
            BANK_WORDS & set(re.findall(r"\w+", k))]:
    del forms[key]
# Military security companies as OFAC and the EU write Konvoy's ("PRIVATE MILITARY COMPANY
# CONVOY", "Military-security organisation “Convoy”", "VOENNO OKHRANNAIA KOMPANIIA KONVOI"):
# the class of rigour's private military companies; dualwatch's own additions.
for alias in ("military security organisation", "military security organization",
              "military security company", "voenno okhrannaia kompaniia",
              "voenno okhrannaya kompaniya", "военно-охранная компания"):
    forms.setdefault(alias.lower(), (alias, "mil"))

# Russia's state and municipal institutions and enterprises (ФГБУ, ГУП, ГБОУ ДО ...), whose
# organisational-legal form the lists write out in full before the name, in English, in
# transliteration and in Cyrillic: "FEDERAL STATE BUDGETARY EDUCATIONAL INSTITUTION OF HIGHER
# EDUCATION ...", "STATE BUDGETARY EDUCATIONAL INSTITUTION OF ADDITIONAL EDUCATION OF THE REPUBLIC
# OF CRIMEA CRIMEA PATRIOT CENTER" / "Crimea Patriot Centre", "FEDERALNOE GOSUDARSTVENNOE
# BYUDZHETNOE UCHREZHDENIE SANATORI ...". The parts (level, funding, kind, noun, what it teaches)
# follow Russia's civil code and law on education; the combinations are generated; dualwatch's
# own additions, all of rigour's class for state-owned enterprises.
def russian_state_forms(levels, fundings, kinds, nouns, suffixes, enterprise_noun):
    out = set()
    for level in levels:
        for funding in fundings:
            if not level and not funding:
                continue  # "institution" alone is a word
            for kind in kinds:
                for noun in nouns:
                    # An enterprise is not educational; what it teaches only follows an
                    # institution.
                    if noun == enterprise_noun and kind not in ("", kinds[1]):
                        continue
                    for suffix in suffixes:
                        if noun == enterprise_noun and suffix not in ("", suffixes[-1]):
                            continue
                        out.add(" ".join(w for w in (level, funding, kind, noun, suffix) if w))
    return out


state_forms = russian_state_forms(
    ["federal state", "state", "federal", "municipal", "regional state", ""],
    ["budgetary", "budget", "autonomous", "unitary", "treasury", "financed", ""],
    ["", "scientific", "educational", "general education", "professional educational",
     "healthcare", "cultural"],
    ["institution", "establishment", "enterprise"],
    ["", "of science", "of higher education", "of additional education",
     "of higher professional education", "of higher vocational education", "of the"],
    "enterprise")
for ending in ("oe", "oye"):
    def adj(stem):
        return stem + ending
    for noun_ending in ("ie", "iye"):
        state_forms |= russian_state_forms(
            [adj("federaln") + " " + adj("gosudarstvenn"), adj("gosudarstvenn"), adj("federaln"),
             adj("munitsipaln"), ""],
            [adj("byudzhetn"), adj("avtonomn"), adj("unitarn"), adj("kazenn"), ""],
            ["", adj("nauchn"), adj("obrazovateln")],
            ["uchrezhden" + noun_ending, "predpriyat" + noun_ending],
            ["", "nauki", "vysshego obrazovaniya", "dopolnitelnogo obrazovaniya",
             "vysshego professionalnogo obrazovaniya", ""],
            "predpriyat" + noun_ending)
state_forms |= russian_state_forms(
    ["федеральное государственное", "государственное", "федеральное", "муниципальное", ""],
    ["бюджетное", "автономное", "унитарное", "казенное", "казённое", ""],
    ["", "научное", "образовательное"],
    ["учреждение", "предприятие"],
    ["", "науки", "высшего образования", "дополнительного образования",
     "высшего профессионального образования", ""],
    "предприятие")
# Their abbreviations, as the lists write them ("FGBU SANATORI NIZHNYAYA OREANDA", "UNIVERSAL-AVIA,
# GUP RK", "ГБОУ ДО РК ‘Крымпатриотцентр’").
state_forms |= {"fgbu", "fgup", "gup", "mup", "fgbnu", "fgbou", "fgaou", "fgau", "fgku", "fgbun",
                "gbou", "gbu", "gku", "fku", "gbuz", "gbuk", "фгбу", "фгуп", "гуп", "муп", "фгбну",
                "фгбоу", "фгаоу", "фгау", "фгку", "фгбун", "гбоу", "гбу", "гку", "фку", "гбуз",
                "гбук"}
for alias in sorted(state_forms):
    forms.setdefault(alias, (alias, "soe"))

print("# GENERATED by tools/gen/gen_legal_forms.py from rigour org_types.json (MIT), the "
      "GLEIF ELF code list 1.4.1 (CC0) and dualwatch's additions in the script; DO NOT EDIT")
print("form\tclass")
for alias, cls in sorted(forms.values()):
    print(f"{alias}\t{cls}")
