#!/usr/bin/env python3
"""Regenerates lexicons/en/valence.tsv and lexicons/en/emoji.tsv from the
VADER lexicons (MIT, C.J. Hutto; notice in lexicons/LICENSE.vader).

valence.tsv keeps VADER's word/emoticon and mean valence. emoji.tsv gives
each emoji the valence VADER would give its English description (the sum of
the description words' valences, clamped to -4..+4), except for the emoji
in REVIEWED, whose valence was set by hand for customer comments.

Usage: bench/accuracy/import_vader.py ../shared/data/vader lexicons/en
"""
import os
import re
import sys

# Hand-reviewed valences for emoji that customers use; the description
# method misjudges many ("face with tears of joy" is laughter, "thumbs up"
# has no lexicon word, "folded hands" is thanks).
REVIEWED = {
    "😀": 2.0, "😃": 2.0, "😄": 2.2, "😁": 2.2, "😆": 2.0, "😅": 0.8,
    "😂": 1.5, "🤣": 1.8, "😊": 2.2, "🙂": 1.0, "😉": 1.2, "😍": 3.0,
    "🥰": 3.0, "😘": 2.2, "😎": 1.8, "🤩": 3.0, "😋": 2.0, "🤗": 2.0,
    "👍": 2.0, "👍🏻": 2.0, "👌": 1.8, "👏": 2.2, "🙌": 2.2, "💪": 1.5,
    "🙏": 1.5, "💯": 2.2, "🔥": 1.5, "⭐": 1.5, "🌟": 1.8, "✨": 1.2,
    "🎉": 2.2, "🥳": 2.5, "✅": 1.2, "❤️": 2.8, "❤": 2.8, "💕": 2.8,
    "💖": 2.8, "💗": 2.8, "💙": 2.5, "💚": 2.5, "💜": 2.5, "💛": 2.5,
    "😐": -0.3, "😑": -0.8, "😶": -0.3, "🤔": -0.4, "🤷": -0.5, "😬": -1.0,
    "🙄": -1.8, "😒": -1.8, "😕": -1.5, "😟": -1.8, "😔": -1.8, "😞": -2.3,
    "🙁": -1.8, "☹️": -2.0, "☹": -2.0, "😣": -2.0, "😖": -2.2, "😫": -2.2,
    "😩": -2.2, "😢": -2.3, "😭": -2.5, "😤": -2.3, "😠": -2.8, "😡": -3.0,
    "🤬": -3.2, "🤦": -2.0, "👎": -2.2, "💩": -2.5, "💔": -2.5, "🤢": -2.5,
    "🤮": -3.0, "😱": -1.8, "😳": -0.8, "😴": -1.0, "🥱": -1.2, "❌": -1.5,
    "⚠️": -1.0, "😰": -2.0, "😨": -2.0, "😪": -1.0,
}

WORD = re.compile(r"[a-z0-9'\-]+")


def main(src, dst):
    lex = {}
    with open(os.path.join(src, "vader_lexicon.txt"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    with open(os.path.join(dst, "valence.tsv"), "w", encoding="utf-8") as out:
        out.write(HEADER_VALENCE)
        for r in rows:
            term, val = r[0], float(r[1])
            if "\t" in term or " " in term or term.startswith("#"):
                continue  # a leading '#' would read as a comment
            lex[term.lower()] = val
            out.write(f"{term.lower()}\t{val:g}\n")
    with open(os.path.join(src, "emoji_utf8_lexicon.txt"), encoding="utf-8") as f:
        emoji = [line.rstrip("\n").split("\t") for line in f if "\t" in line]
    with open(os.path.join(dst, "emoji.tsv"), "w", encoding="utf-8") as out:
        out.write(HEADER_EMOJI)
        for e, desc in emoji:
            if e in REVIEWED:
                val, note = REVIEWED[e], "reviewed"
            else:
                val = sum(lex.get(w, 0.0) for w in WORD.findall(desc.lower()))
                val, note = max(-4.0, min(4.0, val)), "from description"
            if val == 0.0:
                continue
            out.write(f"{e}\t{val:g}\t{desc} ({note})\n")


HEADER_VALENCE = """\
# valence.tsv: general English word and emoticon valences.
# Format: one entry a line, TERM <TAB> VALENCE; '#' starts a comment line.
#   TERM     a lower-case word, or an emoticon as written (":)", "</3");
#   VALENCE  mean human rating on the -4 (most negative) .. +4 scale.
# Source: the VADER lexicon (vaderSentiment, C.J. Hutto, commit 44fc044c),
# MIT licence, notice in ../LICENSE.vader. Regenerate with
# bench/accuracy/import_vader.py; domain corrections live in cx.tsv, which
# is loaded later and wins.
"""

HEADER_EMOJI = """\
# emoji.tsv: emoji valences.
# Format: EMOJI <TAB> VALENCE <TAB> NOTE; '#' starts a comment line.
#   EMOJI    one grapheme cluster as written (with VS16 where usual);
#            lookups fall back to the first code point, so skin tones and
#            a missing VS16 match the base entry;
#   VALENCE  -4 .. +4;
#   NOTE     the English description and where the valence came from:
#            "reviewed" (set by hand for customer comments) or "from
#            description" (the sum of the description words' valences in
#            valence.tsv, which is how VADER scores an emoji).
# Emoji whose description carries no sentiment are left out.
# Source: VADER's emoji_utf8_lexicon.txt (MIT, ../LICENSE.vader).
"""

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
