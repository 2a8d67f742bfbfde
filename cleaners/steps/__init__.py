"""The cleaning steps, in the order cleaners/pipeline.py runs them.

Every step has one shape, so that a new one is a copy of an old one:

    def step_name(text: str) -> Edit:
        '''One line on what it removes or repairs, and why.'''
        changes: list[Change] = []
        ...                     # one Change per thing done: step, action, before, after
        return new_text, changes

`Edit` and `Change` live in cleaners/document.py.  A step that finds nothing to do returns
the same `text` object and no changes.  Steps that need a site profile take it as a keyword
argument (`profile=`); they read site knowledge only from the profile, never from constants
of their own.  Each step has its own module and its own test module under tests/unit/.

    decode        bytes -> str (declared charset, BOM, detection)
    extract       HTML -> text (profile selectors, trafilatura fallback), title
    repair/       control chars, HTML residue, mojibake, GBK shift, pinyin, irrecoverable
    normalize     paragraphs, script (t2s), Unicode and whitespace
    boilerplate/  line/tail/span rules from the profiles, metadata out of the text, title
    compilations  one result per 篇一/篇二 part
"""
