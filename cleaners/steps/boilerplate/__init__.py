"""Site chrome out of the text; what it says about the document into metadata; the title settled.

Rules are data: `_generic.toml` holds the ones that work on any 文库 page, each site profile
adds its own.  The package follows the data path:

  literals   what plain text every match of a rule must contain (the shortcuts' basis)
  rules      a profile's rules compiled, with the literal shortcuts (`rules_for`)
  removal    the `remove` step: line, tail and span rules; metadata read from dropped lines
  rule_names which rule took a dropped line, for `--explain` (`named_rules`)
  title      the title step (`settle_title`) and what a title looks like
  body_heading  the body's own wording of the title takes it (`yield_to_body_heading`)
  title_reread  the title read again after the line model, as a second run over the output reads it
  credits_heading  the document's heading below the page's credit lines, or its headline above them, takes the title
"""
from cleaners.steps.boilerplate import credits_heading
from cleaners.steps.boilerplate.literals import pattern_literals
from cleaners.steps.boilerplate.removal import remove, simplified_probe
from cleaners.steps.boilerplate.rule_names import named as named_rules
from cleaners.steps.boilerplate.rules import Rules, rules_for
from cleaners.steps.boilerplate.body_heading import part_heading, yield_to_body_heading
from cleaners.steps.boilerplate.title import PART_NUMBER, clean_title, settle_title
from cleaners.steps.boilerplate.title_reread import reread_title
from cleaners.steps.title_lines import fold_spaces, looks_like_title

# What the pipeline, the compilation splitter, the tests and the benchmarks use.
__all__ = ["PART_NUMBER", "credits_heading", "Rules", "clean_title", "fold_spaces", "looks_like_title", "named_rules", "part_heading", "pattern_literals",
           "remove", "reread_title", "rules_for", "settle_title",
           "simplified_probe", "yield_to_body_heading"]
