"""English technical tokens, claimed by clean-up before the formula reader could take them for
algebra (probe round 12): keyboard shortcuts (Ctrl+C control C), hex literals (0xFF hex F F), paths
(/v1/users slash v1 slash users), file names (README.md README dot md), product names with a digit
and a letter after a hyphen (GPT-4o GPT 4o: no minus) and prices per unit ($2,400/oz two thousand
four hundred dollars per ounce). Readings come from rules/en/tech.yaml.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..pieces import RAW, Match
from ..rules import check_keys, compiled, fail, load
from . import money, units
from .common import NUM, alternation, digits

RULE = "tech"


def _en_int(num: str) -> str:
    from .. import numerals
    return numerals.en_int(int(num))


@compiled
def rules() -> dict:
    data = load("en", "tech")
    check_keys(data, ("keys", "hex", "path_slash", "file_dot", "file_extensions", "per_words", "per",
                      "period_over_period", "prerelease",
                      "path_home", "path_here", "path_up", "wildcard", "accounting",
                      "windows_drive", "windows_slash", "aperture_cues"),
               "rules/en/tech.yaml")
    for key in ("keys", "per_words", "period_over_period"):
        if not isinstance(data.get(key), dict):
            raise fail(data, f"'{key}' must map words to readings", key)
    return data


@compiled
def _patterns():
    r = rules()
    key = alternation(r["keys"])
    last = r"(?:" + key + r"|F\d{1,2}|[A-Za-z0-9]|[,./;'\[\]`=-])"
    shortcut = re.compile(r"(?<![\w+])(?:(?:" + key + r")\s?\+\s?)+" + last + r"(?![\w+])")
    hexlit = re.compile(r"(?<![\w.])0[xX]([0-9A-Fa-f]+)\b")
    # a path: two or more slash-led segments, or one led by a space or a bracket (the /etc folder)
    path = re.compile(r"(?:(?<=[\s(\"'`])|^)(?:~|\.\.?)?(?:/[A-Za-z_][\w.-]*|/\d+(?=/))(?:/[\w.-]+)+/?(?![\w/])"
                      r"|(?:(?<=[\s(\"'`])|^)/(?:etc|usr|var|tmp|home|opt|bin|dev|api|v\d+)(?![\w/])")
    files = re.compile(r"(?a)(?<![\w./@-])([A-Za-z_][\w-]*)\.(" + alternation(r["file_extensions"]) + r")(?!\w|\.\w)")
    product = re.compile(r"(?a)(?<![\w-])([A-Z]{2,}[a-z]?)-(\d+[a-z]{1,2})(?![\w-])")  # GPT-4o, GPT-4o-mini
    per = alternation([*r["per_words"], *units.symbols("en")])
    price = re.compile(r"(?a)(?P<cur>" + alternation(money.currencies("en")["symbols"]) + r")(?P<num>" + NUM
                       + r")(?![\d])(?:\s?(?P<scale>[kKmM]|bn|mn|tn)(?![A-Za-z]))?/(?P<unit>" + per + r")(?![\w/])")
    pop = re.compile(r"(?<![\w/])(" + alternation(r["period_over_period"]) + r")(?![\w/])")
    arch = re.compile(r"(?a)(?<![\w-])[a-z]\d{2,}-(\d{2})(?![\w-])")  # x86-64: the hyphen is silent
    semver = re.compile(r"(?a)(?<![\w.])(?P<v>[vV])?(?P<num>\d+(?:\.\d+){1,3})-(?P<tag>alpha|beta|rc|RC|pre|dev|preview)"
                        r"(?:\.?(?P<n>\d+))?(?![\w-]|\.\d)")
    cve = re.compile(r"(?a)(?<![\w-])(?P<name>[A-Z]{2,5})-(?P<year>(?:19|20)\d\d)-(?P<id>\d{3,7})(?![\w-])")
    wildcard = re.compile(r"(?a)(?<![\w.])(\d+(?:\.\d+)*)\.x(?!\w|\.\w)")
    ieee = re.compile(r"(?a)(?<![\w.])802\.(\d{1,2})([a-z]{1,2})?(?!\w|\.\w)")
    accounting = re.compile(r"(?a)(?P<cur>" + alternation(money.currencies("en")["symbols"]) + r")\((?P<num>" + NUM
                            + r")\)(?:\s?(?P<scale>" + alternation(money.currencies("en")["scales"]) + r")(?![A-Za-z]))?")
    windows = re.compile(r"(?a)(?<![\w\\])([A-Z]):\\((?:[\w.-]+\\?)*)")  # C:\Users\me
    return shortcut, hexlit, path, files, product, price, pop, arch, semver, cve, wildcard, ieee, accounting, windows


@compiled
def _zh_file_dot():
    data = load("zh", "tech")
    check_keys(data, ("file_dot", "aperture_cues"), "rules/zh/tech.yaml")
    # the name may be Han (合同.pdf) or Latin (report_v2.pdf); only the dot is rewritten
    ext = alternation(rules()["file_extensions"])
    return data["file_dot"], re.compile(r"(?<=[\w\-])\.(?:" + ext + r")(?![A-Za-z0-9_]|\.[A-Za-z0-9_])")


_APERTURE = re.compile(r"(?a)(?<![\w/.])([fF])/(\d{1,2}(?:\.\d)?)(?![\w/]|\.\d)")


def _apertures(text: str, lang: str, cues: list) -> Iterator[Match]:
    """f/1.8 f一点八, f/2.8 f two point eight: a lens's f-number, not f divided by 1.8."""
    from .common import cardinal
    if "/" not in text:
        return
    for m in _APERTURE.finditer(text):
        if "." in m.group(2) or any(c in text for c in cues):
            sep = " " if lang == "en" else ""
            yield Match(m.start(), m.end(), m.group(1) + sep + cardinal(m.group(2), lang), RULE + ".aperture")


def _find_zh(text: str) -> Iterator[Match]:
    """Chinese text: a file name's dot before a known extension is said 点 (report.pdf, 合同.docx)."""
    yield from _apertures(text, "zh", load("zh", "tech")["aperture_cues"])
    if "." not in text:
        return
    said, pattern = _zh_file_dot()
    for m in pattern.finditer(text):
        yield Match(m.start(), m.start() + 1, said, RULE + ".file", kind=RAW)


def find(text: str, lang: str) -> Iterator[Match]:
    if lang == "zh" and text:
        yield from _find_zh(text)
        return
    if lang != "en" or not text:
        return
    r = rules()
    shortcut, hexlit, path, files, product, price, pop, arch, semver, cve, wildcard, ieee, accounting, windows = _patterns()
    if ":\\" in text:
        for m in windows.finditer(text):  # C:\Users\me: C drive, then the folders
            folders = [f for f in m.group(2).split("\\") if f]
            said = m.group(1) + r["windows_drive"] + r["windows_slash"].join(folders)
            yield Match(m.start(), m.end(), said.rstrip(), RULE + ".path", kind=RAW)
    yield from _apertures(text, "en", r["aperture_cues"])
    from .version import read_version
    from .. import numerals
    for m in semver.finditer(text):  # 1.0.0-rc.1: version one point zero point zero R C one
        tag = m.group("tag")
        said = (r["prerelease"].get(tag.lower(), tag)) + (" " + numerals.en_int(m.group("n")) if m.group("n") else "")
        lead = "version " if m.group("v") and not text[:m.start()].rstrip().lower().endswith("version") else ""
        yield Match(m.start(), m.end(), lead + read_version(m.group("num"), "en") + " " + said, RULE + ".version")
    for m in wildcard.finditer(text):  # Node 18.x, version 2.x: the x is a wildcard
        yield Match(m.start(), m.end(), read_version(m.group(1), "en") + " point " + r["wildcard"], RULE + ".version")
    for m in ieee.finditer(text):  # 802.11ax: eight oh two dot eleven a x
        yield Match(m.start(), m.end(), "eight oh two dot " + _en_int(m.group(1)) + (" " + " ".join(m.group(2).upper()) if m.group(2) else ""),
                    RULE + ".standard")
    for m in accounting.finditer(text):  # a loss of $(1.2) million: brackets mark a negative amount
        info = money.currencies("en")["symbols"][m.group("cur")]
        scale = money.currencies("en")["scales"].get(m.group("scale") or "", "")
        amount = money.en_money(m.group("num"), info, scale)
        loss = re.search(r"(?i)\b(?:loss|losses|deficit|shortfall|write-?down)\b", text[max(0, m.start() - 40):m.start()])
        yield Match(m.start(), m.end(), amount if loss else r["accounting"].format(amount=amount), RULE + ".accounting")
    for m in cve.finditer(text):  # CVE-2024-3094: the name, the year, then the number digit by digit
        yield Match(m.start(), m.end(), f"{m.group('name')} {numerals.en_year(m.group('year'))} {digits(m.group('id'), 'en')}",
                    RULE + ".identifier")
    for m in pop.finditer(text):
        if "/" in m.group() and not re.search(r"[\d%]\)?\s?(?:\(\s?)?$", text[max(0, m.start() - 3):m.start()]):
            continue  # y/y alone may be algebra; after 18% or a number it is the period comparison
        yield Match(m.start(), m.end(), r["period_over_period"][m.group()], RULE + ".period")
    for m in arch.finditer(text):
        yield Match(m.start(1) - 1, m.start(1), " ", RULE + ".product", kind=RAW)
    if "+" in text:
        for m in shortcut.finditer(text):
            parts = [p.strip() for p in m.group().split("+")]
            spoken = " ".join(r["keys"].get(p, p.upper() if len(p) == 1 else
                                         "F " + digits(p[1:], "en") if re.fullmatch(r"F\d{1,2}", p) and len(p) == 2 else
                                         "F " + _en_int(p[1:]) if re.fullmatch(r"F\d{1,2}", p) else p) for p in parts)
            yield Match(m.start(), m.end(), spoken, RULE + ".shortcut")
    for m in hexlit.finditer(text):
        chars = " ".join(digits(c, "en") if c.isdigit() else c.upper() for c in m.group(1))
        yield Match(m.start(), m.end(), f"{r['hex']} {chars}", RULE + ".hex")
    if "/" in text:
        for m in path.finditer(text):
            body = m.group().rstrip("/")
            lead = {"~": r["path_home"], ".": r["path_here"], "..": r["path_up"]}
            head = body[:body.index("/")]
            said = (lead[head] if head else "") + r["path_slash"].join(body[len(head):].split("/")).strip()
            yield Match(m.start(), m.end(), said, RULE + ".path", kind=RAW)
        for m in price.finditer(text):
            unit = m.group("unit")
            word = r["per_words"].get(unit) or units.read_unit(unit, "en", plural=False)
            info = money.currencies("en")["symbols"][m.group("cur")]
            scale = money.currencies("en")["scales"].get(m.group("scale") or "", "")
            amount = money.en_money(m.group("num"), info, scale)
            yield Match(m.start(), m.end(), amount + r["per"] + word, RULE + ".price_per")
    for m in files.finditer(text):
        yield Match(m.end(1), m.start(2), r["file_dot"], RULE + ".file", kind=RAW)
    for m in product.finditer(text):
        yield Match(m.end(1), m.start(2), " ", RULE + ".product", kind=RAW)
