"""Pronunciation lexicons: YAML and PLS files, validation, matching, rendering to braces.

Precedence where matches overlap: inline markup (never reaches this stage) > the call's
`lexicon=` > project lexicons (VOXREAD_LEXICON, a path list) > the shipped lexicons/*.yaml >
automatic G2P (the polyphone stage, which skips what the lexicon braced).
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

from ..errors import LexiconError
from ..pieces import MARKUP, Change, Match, Piece, split_by_matches
from ..rules import data_root
from .entry import PRIORITY_CALL, PRIORITY_PROJECT, PRIORITY_SHIPPED, Entry
from .matcher import Matcher
from .pls import load_pls
from .yaml_file import entries_from_dict, load_yaml_lexicon

__all__ = ["Lexicon", "load", "compile_user", "apply", "Entry", "LexiconError"]

# lexicons/ files owned by other stages (context rules, acronym list), not pronunciation entries
_NOT_ENTRIES = ("polyphones", "acronyms")


def load(path: str | Path, priority: int = PRIORITY_CALL, display: str | None = None) -> list[Entry]:
    """Entries of one lexicon file (.yaml/.yml or PLS .pls/.xml), validated."""
    path = Path(path)
    if not path.is_file():
        raise LexiconError(f"{display or path}: lexicon file not found")
    if path.suffix.lower() in (".pls", ".xml"):
        return load_pls(path, priority, display)
    if path.suffix.lower() in (".yaml", ".yml"):
        return load_yaml_lexicon(path, priority, display)
    raise LexiconError(f"{display or path}: unknown lexicon format {path.suffix!r}; use .yaml or .pls")


def _check_duplicates(entries: list[Entry]) -> None:
    """One layer may not say two things about the same word in the same place."""
    seen: dict[tuple, Entry] = {}
    for e in entries:
        k = (e.key if e.case_sensitive else e.key.lower(), e.section)
        other = seen.get(k)
        if other is not None:
            raise LexiconError(f"{e.where}: duplicate key {e.key!r} in {e.section} "
                               f"(already defined at {other.where})")
        seen[k] = e


class Lexicon:
    """Entries of all layers, with one matcher per paragraph language built on first use."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self._matchers: dict[str, Matcher] = {}

    def matcher(self, lang: str) -> Matcher:
        m = self._matchers.get(lang)
        if m is None:
            wanted = ("en", "any", lang)
            m = self._matchers[lang] = Matcher([e for e in self.entries if e.section in wanted])
        return m

    def __len__(self) -> int:
        return len(self.entries)


def extra(name: str) -> str:
    """Path of an opt-in shipped lexicon (lexicons/extra/<name>.yaml), e.g. extra("brands")."""
    path = data_root() / "lexicons" / "extra" / f"{name}.yaml"
    if not path.exists():
        known = sorted(p.stem for p in path.parent.glob("*.yaml"))
        raise LexiconError(f"{path}: no such opt-in lexicon; shipped ones: {known}")
    return str(path)


@functools.lru_cache(maxsize=None)
def _shipped_entries() -> tuple[Entry, ...]:
    folder = data_root() / "lexicons"
    out: list[Entry] = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        if path.stem.startswith(_NOT_ENTRIES):
            continue
        out += load(path, PRIORITY_SHIPPED, display=f"lexicons/{path.name}")
    _check_duplicates(out)
    return tuple(out)


@functools.lru_cache(maxsize=16)
def _file_entries(paths: tuple[str, ...], stamps: tuple, priority: int) -> tuple[Entry, ...]:
    out: list[Entry] = []
    for p in paths:
        out += load(p, priority)
    _check_duplicates(out)
    return tuple(out)


def _files(paths: list[str], priority: int) -> tuple[Entry, ...]:
    stamps = tuple(os.stat(p).st_mtime_ns if os.path.exists(p) else None for p in paths)
    return _file_entries(tuple(paths), stamps, priority)


def _project_paths() -> list[str]:
    """VOXREAD_LEXICON: lexicon files for a whole project, separated like PATH (':' or ';')."""
    env = os.environ.get("VOXREAD_LEXICON", "")
    return [p for p in env.split(os.pathsep) if p.strip()]


@functools.lru_cache(maxsize=8)
def _dict_entries(items: tuple) -> tuple[Entry, ...]:
    spec = {k: _thaw(v) for k, v in items}
    out = entries_from_dict(spec, PRIORITY_CALL)
    if not any(isinstance(v, (dict, list)) for v in spec.values()):
        _check_duplicates(out)
    return tuple(out)


def _freeze(value):
    if isinstance(value, dict):
        return tuple((k, _freeze(v)) for k, v in value.items())
    if isinstance(value, list):
        return ("__list__", tuple(_freeze(v) for v in value))
    return value


def _thaw(value):
    if isinstance(value, tuple) and value[:1] == ("__list__",):
        return [_thaw(v) for v in value[1]]
    if isinstance(value, tuple):
        return {k: _thaw(v) for k, v in value}
    return value


@functools.lru_cache(maxsize=8)
def _combined(layers: tuple[tuple[Entry, ...], ...]) -> Lexicon:
    return Lexicon([e for layer in layers for e in layer])


def compile_user(spec=None) -> Lexicon:
    """The lexicon for one call: `spec` (None, dict, path or list of paths) over project and shipped."""
    if spec is None or isinstance(spec, Lexicon):
        call: tuple[Entry, ...] = () if spec is None else tuple(spec.entries)
    elif isinstance(spec, dict):
        try:
            call = _dict_entries(tuple((k, _freeze(v)) for k, v in spec.items()))
        except TypeError:  # unhashable oddities: validate without the cache
            call = tuple(entries_from_dict(spec, PRIORITY_CALL))
    elif isinstance(spec, (str, os.PathLike)):
        call = _files([os.fspath(spec)], PRIORITY_CALL)
    elif isinstance(spec, (list, tuple)):
        if not all(isinstance(p, (str, os.PathLike)) for p in spec):
            raise TypeError("lexicon list must hold file paths")
        call = _files([os.fspath(p) for p in spec], PRIORITY_CALL)
    else:
        raise TypeError(f"lexicon must be None, a dict, a path or a list of paths, not {type(spec).__name__}")
    return _combined((call, _files(_project_paths(), PRIORITY_PROJECT), _shipped_entries()))


# ---- the pipeline stage ----------------------------------------------------------------

def render(entry: Entry, ctx) -> tuple[str, str]:
    """(output text, piece kind) for one matched entry."""
    if entry.alphabet == "respell":
        return entry.respell, MARKUP  # inserted verbatim: no polyphone braces inside a respelling
    if entry.alphabet == "pinyin":
        return "".join(f"{{{s}}}" for s in entry.phones), MARKUP
    if entry.alphabet == "arpabet":
        return " ".join("{" + " ".join(w) + "}" for w in entry.phones), MARKUP
    if ctx.yue_render == "homophone":
        return _homophone(entry), MARKUP
    return "".join(f"{{{s}}}" for s in entry.phones), MARKUP


def _homophone(entry: Entry) -> str:
    try:
        from ..yue import homophone
    except ImportError:
        raise LexiconError(f"{entry.where}: yue_render='homophone' needs frontend.yue.homophone, which this "
                           f"build lacks; use yue_render='braces'") from None
    return homophone(list(entry.phones))


def _src(piece: Piece, i: int) -> int:
    """Source offset of text offset i inside a piece (scaled where the text was rewritten)."""
    n, span = len(piece.text), piece.end - piece.start
    if n == span or n == 0:
        return piece.start + min(i, span)
    return piece.start + round(i * span / n)


def _slice(run: list[Piece], offsets: list[int], a: int, b: int) -> list[Piece]:
    out = []
    for p, o in zip(run, offsets):
        s, e = max(a, o), min(b, o + len(p.text))
        if s >= e:
            continue
        if s == o and e == o + len(p.text):
            out.append(p)
        else:
            out.append(Piece(p.text[s - o:e - o], _src(p, s - o), _src(p, e - o), p.kind, p.rule, p.lang,
                             p.atomic))
    return out


def _source_at(run: list[Piece], offsets: list[int], i: int, end: bool) -> int:
    for p, o in zip(run, offsets):
        if o <= i < o + len(p.text) or (end and o < i <= o + len(p.text)):
            return _src(p, i - o)
    return run[-1].end if end else run[0].start


def _within_pieces(run, offsets, hits, lang, ctx) -> list[Piece] | None:
    """The common case: no match crosses a piece boundary, so each piece is cut on its own."""
    per_piece: list[list[Match]] = [[] for _ in run]
    k = 0
    for h in hits:
        while k + 1 < len(run) and offsets[k + 1] <= h.start:
            k += 1
        if h.end > offsets[k] + len(run[k].text):
            return None
        spoken, kind = render(h.entry, ctx)
        per_piece[k].append(Match(h.start - offsets[k], h.end - offsets[k], spoken, h.entry.rule, kind, True, lang))
    out: list[Piece] = []
    for p, matches in zip(run, per_piece):
        out.extend(split_by_matches(p, matches, ctx.changes) if matches else [p])
    return out


def _apply_run(run: list[Piece], lang: str, ctx) -> list[Piece]:
    matcher = ctx.lexicon.matcher(lang)
    if not matcher:
        return run
    text = "".join(p.text for p in run)
    hits = matcher.find(text)
    if not hits:
        return run
    offsets, o = [], 0
    for p in run:
        offsets.append(o)
        o += len(p.text)
    fast = _within_pieces(run, offsets, hits, lang, ctx)
    if fast is not None:
        return fast
    out, pos = [], 0
    for h in hits:
        out += _slice(run, offsets, pos, h.start)
        spoken, kind = render(h.entry, ctx)
        s, e = _source_at(run, offsets, h.start, False), _source_at(run, offsets, h.end, True)
        out.append(Piece(spoken, s, e, kind, h.entry.rule, lang, True))
        ctx.changes.append(Change(s, e, text[h.start:h.end], spoken, h.entry.rule))
        pos = h.end
    out += _slice(run, offsets, pos, len(text))
    return out


def apply(pieces: list[Piece], ctx) -> list[Piece]:
    """Replace lexicon keys in the SPOKEN and RAW text of one sentence by their pronunciation."""
    if ctx.lexicon is None:
        ctx.lexicon = compile_user(None)
    out: list[Piece] = []
    run: list[Piece] = []
    run_lang = None
    for p in pieces:
        lang = p.lang or ctx.lang
        if p.kind == MARKUP or (run and lang != run_lang):
            if run:
                out += _apply_run(run, run_lang, ctx)
                run = []
        if p.kind == MARKUP:
            out.append(p)
            continue
        run.append(p)
        run_lang = lang
    if run:
        out += _apply_run(run, run_lang, ctx)
    return out
