"""The page's language: a declared tag, normalised, and checked against the page's own words.

Templates declare ``lang="en"`` on every page of a Spanish or Arabic site, and some sites in English
say ``lang="de"``. A declaration the title and description plainly contradict (another script, or
not one of the language's commonest words in a dozen) is dropped; the next declaration is tried.
"""

from __future__ import annotations

import contextlib
import functools
import lzma
import os
import re
import shutil
import tempfile
from array import array
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

_LANG = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?$", re.IGNORECASE)

# Letter ranges of the scripts news pages are written in (the first and last code point of each).
SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x005A, "latin"),
    (0x0061, 0x007A, "latin"),
    (0x00C0, 0x024F, "latin"),
    (0x1E00, 0x1EFF, "latin"),  # Vietnamese and other accented letters
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0xFB50, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x09FF, "bengali"),
    (0x0A80, 0x0AFF, "gujarati"),
    (0x0B80, 0x0BFF, "tamil"),
    (0x0E00, 0x0E7F, "thai"),
    (0x10A0, 0x10FF, "georgian"),
    (0x1100, 0x11FF, "hangul"),
    (0xAC00, 0xD7AF, "hangul"),
    (0x3040, 0x30FF, "kana"),
    (0x4E00, 0x9FFF, "han"),
)
_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_LETTER_RUNS = re.compile(r"[^\W\d_]+")


def _ranges(scripts: frozenset[str]) -> str:
    """The scripts' code point ranges as the inside of a regex character class."""
    return "".join(f"\\u{first:04x}-\\u{last:04x}" for first, last, name in SCRIPT_RANGES if name in scripts)


_SCRIPT_PATTERNS = {
    name: re.compile(f"[{_ranges(frozenset({name}))}]")
    for name in dict.fromkeys(s for _, _, s in SCRIPT_RANGES)
}
# Scripts a language is written in; languages not listed are not checked by script.
_LATIN = "en de fr es pt it nl ro pl cs sk hu fi sv da no nb nn tr id ms tl fil vi sq hr sl lt lv et ca eu"
_CYRILLIC = "ru uk bg be mk kk ky mn tg"
LANGUAGE_SCRIPTS: dict[str, frozenset[str]] = {
    **dict.fromkeys((*_LATIN.split(), "gl", "af", "is", "ga", "cy", "sw"), frozenset({"latin"})),
    **dict.fromkeys(_CYRILLIC.split(), frozenset({"cyrillic"})),
    **dict.fromkeys(("sr", "bs", "sh"), frozenset({"latin", "cyrillic"})),
    **dict.fromkeys(("ar", "fa", "ur", "ps"), frozenset({"arabic"})),
    **dict.fromkeys(("he", "iw", "yi"), frozenset({"hebrew"})),
    **dict.fromkeys(("hi", "mr", "ne"), frozenset({"devanagari"})),
    "el": frozenset({"greek"}),
    "hy": frozenset({"armenian"}),
    "ka": frozenset({"georgian"}),
    "bn": frozenset({"bengali"}),
    "gu": frozenset({"gujarati"}),
    "ta": frozenset({"tamil"}),
    "th": frozenset({"thai"}),
    "ko": frozenset({"hangul", "han"}),
    "ja": frozenset({"kana", "han"}),
    "zh": frozenset({"han"}),
}
# A script this dominant among the letters decides; mixed text (quotes, brand names) does not.
MIN_SCRIPT_SHARE = 0.6
MIN_LETTERS = 20
# The commonest words of a few languages ("in", "a", "de", shared by several, are left out). A dozen
# words with none of the declared language's and two of another's are in that other language; a
# headline in telegraph style may miss them all, so one language's silence alone proves nothing.
_COMMON = {
    "en": "the of and to for that with by from this are was has have been will its their which",
    "de": "der die das und ist nicht mit auf für von den dem sich eine zu im wird",
    "fr": "le les des et est une du dans pour qui sur pas au avec ce aux",
    "es": "el los las del y en que por con una para es se al",
    "pt": "os as do da dos das em que um uma para com no na é ao",
    "it": "il di del della che è una per con non sono gli nel alla",
    "nl": "het een en van dat op te met voor niet zijn ook",
    "ro": "și în cu pe din care pentru este sunt mai fost",
    "sq": "të në dhe për me një nga që është janë",
    "tl": "ang ng sa mga na si ay kay nang",
    "id": "yang dan di dengan untuk dari ini itu tidak akan",
}
COMMON_WORDS = {lang: frozenset(words.split()) for lang, words in _COMMON.items()}
MIN_WORDS_FOR_WORD_CHECK = 12
MAX_WORDS_SAMPLE = 250  # characters: some 40 words
MIN_OTHER_HITS = 2


def normalise_language(raw: str | None) -> str | None:
    """BCP-47-ish: "EN" -> "en", "pt_br" -> "pt-BR", "zh-hant-tw" -> "zh-Hant-TW"; junk -> None.

    >>> normalise_language("pt_br"), normalise_language("{{lang}}")
    ('pt-BR', None)

    A three-letter code with a two-letter one, and a withdrawn code, is written as BCP 47 writes
    it ("guj" -> "gu", "deu-DE" -> "de-DE", "iw" -> "he"), so one language has one code.

    >>> normalise_language("guj"), normalise_language("deu-DE"), normalise_language("iw")
    ('gu', 'de-DE', 'he')
    """
    if not raw:
        return None
    match = _LANG.match(raw.strip().split(",")[0].strip())
    if match is None:
        return None
    parts = [_canonical(match[1].lower())]
    if match[2]:
        parts.append(match[2].title())
    if match[3]:
        parts.append(match[3].upper())
    return "-".join(parts)


# ISO 639 codes BCP 47 has withdrawn for others (Hebrew, Indonesian, Yiddish, Javanese, Moldovan);
# older Java-based publishing systems still write them.
WITHDRAWN_CODES: Final = frozenset({"iw", "in", "ji", "jw", "mo"})
_PLAIN_CODE: Final = re.compile(r"[a-z]{2,3}")


def _canonical(code: str) -> str:
    """``code`` (a lower-case ISO 639 code) as BCP 47 prefers it: CLDR's language aliases, read
    from Babel's data (a dependency of trafilatura's courlan), where one gives a plain code."""
    if len(code) == 2 and code not in WITHDRAWN_CODES:
        return code
    alias = _language_aliases().get(code)
    return alias if isinstance(alias, str) and _PLAIN_CODE.fullmatch(alias) else code


@functools.cache
def _language_aliases() -> Mapping[str, object]:
    from babel.core import get_global  # loaded on the first such code only

    aliases: Mapping[str, object] = get_global("language_aliases")
    return aliases


def fits_text(language: str, text: str) -> bool:
    """False when ``text`` plainly is not in ``language``: another script, or none of its common words.

    >>> fits_text("en", "سرقة منزل أميرة سعودية في باريس يضم أغراضاً فاخرة")
    False
    >>> fits_text("en", "Rain returns to the city after a dry month, and farmers welcome it")
    True
    >>> fits_text("en", "Pescadores gestionarán crías de peces en la presa para mejorar la pesca del año")
    False
    """
    primary = language.split("-")[0]
    scripts = LANGUAGE_SCRIPTS.get(primary)
    if scripts is not None and not _mostly_in(text, scripts):
        script = _dominant_script(text)
        if script is not None and script not in scripts:
            return False
    common = COMMON_WORDS.get(primary)
    if common is None:
        return True
    words = _LETTER_RUNS.findall(text[:MAX_WORDS_SAMPLE].casefold())
    if len(words) < MIN_WORDS_FOR_WORD_CHECK or not common.isdisjoint(words):
        return True
    return not any(
        sum(word in other for word in words) >= MIN_OTHER_HITS
        for lang, other in COMMON_WORDS.items()
        if lang != primary
    )


def _mostly_in(text: str, scripts: frozenset[str]) -> bool:
    """The declared scripts hold most letters: the usual case, told with two run-matching scans."""
    if text.isascii():
        return "latin" in scripts
    letters = len(text) - len(_LETTER_RUNS.sub("", text))
    foreign = len(_script_runs(scripts).sub("", text))  # letters (and odd symbols) of other scripts
    return foreign <= (1 - MIN_SCRIPT_SHARE) * letters


@functools.cache
def _script_runs(scripts: frozenset[str]) -> re.Pattern[str]:
    """Runs of the scripts' letters and of anything that is not a letter ("+": few, long matches)."""
    return re.compile(f"[{_ranges(scripts)}\\W\\d_]+")


def _dominant_script(text: str) -> str | None:
    if text.isascii():  # the common case, in one C call
        return "latin" if len(_ASCII_LETTERS.findall(text)) >= MIN_LETTERS else None
    counts = {name: len(pattern.findall(text)) for name, pattern in _SCRIPT_PATTERNS.items()}
    total = sum(counts.values())
    if total < MIN_LETTERS:
        return None
    name, count = max(counts.items(), key=lambda item: item[1])
    return name if count >= MIN_SCRIPT_SHARE * total else None


# Text-based identification, for pages that declare no language (or only ones their words refute):
# py3langid's model (97 languages, trained on news, Wikipedia and web text), with probabilities
# normalised so that a short or mixed sample can be refused.
MIN_DETECT_CHARS = 40  # fewer letters than this say too little
DETECT_SAMPLE_CHARS = 2000  # the title and the body's opening are enough, and keep it fast
MIN_DETECT_PROBABILITY = 0.9


def detect_language(text: str) -> str | None:
    """The language ``text`` is written in, as a lower-case ISO 639-1 code, or None when unsure.

    >>> detect_language("Der Stadtrat hat am Montag beschlossen, die Brücke über den Fluss zu sanieren.")
    'de'
    """
    sample = text[:DETECT_SAMPLE_CHARS]
    if (
        len(_LETTER_RUNS.findall(sample)) < 3
        or sum(map(len, _LETTER_RUNS.findall(sample))) < MIN_DETECT_CHARS
    ):
        return None
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= MIN_DETECT_PROBABILITY else None


def warm_language() -> None:
    """Load the identification model now rather than on the first page that needs it.

    >>> warm_language()  # a worker process, before its first page
    """
    _identifier()


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier  # a model load: only when asked

    with contextlib.suppress(Exception):  # no cache to be had (a read-only home, say): the shipped file
        ptc, pc, classes, nextmove, row, output = _read_unpacked(_unpacked_model(MODEL_DIR / MODEL_FILE))
        # as ``LanguageIdentifier.from_model_file`` builds it from the same arrays
        return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# py3langid ships its model as an LZMA-packed npz (4.6 MB; 68 MB unpacked). Unpacking it is most of a
# load's CPU: ~0.4 s of ~0.5, paid by every process that loads the model (a crawl's forkserver, each
# ``newsscrape extract`` that meets a page of undeclared language). The unpacked npz is kept in the
# cache directory and read from there (~0.1 s), named for the packed file's size and time, so that
# another py3langid release unpacks its own.
CACHE_ENV = "NEWSSCRAPE_CACHE_DIR"


def cache_dir() -> Path:
    """``$NEWSSCRAPE_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsscrape``, else ``~/.cache/newsscrape``.

    >>> cache_dir().name  # with neither variable set
    'newsscrape'
    """
    if chosen := os.environ.get(CACHE_ENV):
        return Path(chosen)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsscrape"


def _unpacked_model(packed: Path) -> Path:
    """The unpacked copy of ``packed`` in the cache directory, made now if it is not there yet
    (written under a temporary name and renamed: a reader never sees half a file)."""
    stat = packed.stat()
    target = cache_dir() / f"py3langid-{stat.st_size}-{stat.st_mtime_ns}.npz"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".part", delete=False) as out:
            try:
                with lzma.open(packed) as src:
                    shutil.copyfileobj(src, out, length=1 << 20)
            except BaseException:
                os.unlink(out.name)
                raise
        os.replace(out.name, target)
    return target


def _read_unpacked(path: Path) -> tuple[Any, Any, list[str], array[int], array[int], list[int]]:
    """What ``py3langid.modelio.load_model`` returns, read from the unpacked npz: the transition
    table and its row index as stdlib arrays of the stored item size, the output table as a list."""
    import numpy as np

    with np.load(path, allow_pickle=False) as data:
        return (
            np.asarray(data["ptc"]),
            np.asarray(data["pc"]),
            data["classes"].tolist(),
            _stdlib_array(data["nextmove"]),
            _stdlib_array(data["nextmove_row"]),
            data["out_feat"].tolist(),
        )


def _stdlib_array(values: Any) -> array[int]:
    """A numpy array of unsigned integers as a stdlib ``array`` of the same item size: indexing one
    from Python, as the identifier's byte walk does, is several times faster."""
    out = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    out.frombytes(memoryview(values.ravel()).cast("B"))
    return out
