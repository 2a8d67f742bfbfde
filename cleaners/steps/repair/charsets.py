"""Characters (and the one pattern) more than one repair step uses; sets are regex class bodies."""
from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = "。，、；：？！“”‘’（）《》〈〉【】「」『』…—·"
# Controls and zero-width characters that strip_control_chars deletes (besides lone
# surrogates); strip_html_residue treats them as already gone when they split a tag.
DELETED_CONTROLS = "\x00-\x08\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff"
# Tone-marked pinyin vowels: the four tones of a e i o u, then of ü.
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# One bracketed pinyin-like annotation, `(fā)` or `（xiàn）`, its syllable as group 1: what
# strip_pinyin removes, and what fix_misaligned_gbk reads as evidence of a character's reading.
# Some annotating sites leave spaces inside the brackets (`社會(huì )`), ASCII or ideographic (which
# normalisation later turns into ASCII ones: the annotation must be found either way, or a second
# cleaning of the output would find what the first missed); an empty `()` is a fill-in blank of a
# form and never matches.
ANNOTATION_PAD = "[ \u3000]{0,2}"
ANNOTATION = rf"[(（]{ANNOTATION_PAD}[a-z{TONED}ü]{{1,7}}{ANNOTATION_PAD}[)）]"
ANNOTATION_RE = re.compile(rf"[(（]{ANNOTATION_PAD}([a-z{TONED}ü]{{1,7}}){ANNOTATION_PAD}[)）]")
