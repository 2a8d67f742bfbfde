"""The head of the body and the title, in the pipeline's order (called by pipeline.py only).

The title steps, the head's lede, auto-summary and tag row, and the line model all change the
body's first lines, and each reads what the others left: they run again while they change
anything, so that a second run over the output, which reads the title off its first line,
settles the same title and head (cleaning is idempotent).
"""
from __future__ import annotations

from cleaners import profiles
from cleaners.document import Change
from cleaners.steps import boilerplate, head_lede, head_stamp, head_summary, head_tags, line_model, link_genres, normalize, preview_pages, title_intro

HEAD_PASSES = 3          # rounds of title / summary / tag row at the head (each round after the first: rare)
MODEL_PASSES = 2         # line model runs with a title re-read after it (the second: rare)


def settle_head(title: str, text: str, profile: profiles.Profile, hint: str | None, page: str,
                article: bool = False) -> tuple[str, str, list[Change]]:
    """The title settled (the document's heading below the page's credits taking it: `page` is
    the text before the boilerplate step), then the head's lede, auto-summary and tag row out;
    again while those change anything: a tag row may have stood between the title and its
    repetition, a heading taking the title may be said again below, which a second run over
    the output would then find at the head (cleaning is idempotent)."""
    changes: list[Change] = []
    for _ in range(HEAD_PASSES):
        title, text, step_changes = boilerplate.settle_title(title, text, profile, hint=hint)
        changes += step_changes
        title, text, heading_changes = boilerplate.credits_heading.step(title, text, page)
        if not heading_changes:
            title, text, heading_changes = boilerplate.credits_heading.headline_above(title, text, page)
        text, head_changes = head_again(text, title, article)
        changes += heading_changes + head_changes
        if not (heading_changes or head_changes):
            break
    return title, text, changes


def model_head(title: str, text: str, profile: profiles.Profile, host_repeats: frozenset, article: bool = False
               ) -> tuple[str, str, list[Change]]:
    """The line model's drops, then the title re-read as a second run reads it off the output:
    chrome the model dropped may have stood between the title and its repetition, or below a
    first line (`注册` above `登录`) that now reads as chrome above the real title, or between
    credits, a preview's pages, a lede and what marks them: what a second run finds is looked
    for again.  A title re-read so is one the model has not judged the head with: it runs again
    with it.  `article`: the text is an HTML article the generic extractor chose (see
    `line_model.drop_lines`)."""
    # the lines as the output will hold them (edges stripped, space runs folded): a second run reads
    # them so, and a line's space share is one of the model's features
    text, changes = normalize.normalize_text(text)
    for _ in range(MODEL_PASSES):
        text, model_changes = line_model.drop_lines(text, title, host_repeats=host_repeats, article=article)
        changes += model_changes
        if any(c.step == "title" for c in model_changes):
            title = ""
        if not model_changes:
            break
        # chrome the model dropped may have stood between a preview's pages, or between the titles
        # of a related box (each with its credit row below it): a second run finds them
        text, page_changes = preview_pages.step(text)
        changes += page_changes
        text, list_changes = link_genres.step(text)
        changes += list_changes
        # chrome the model dropped may have stood between a lede, an auto-summary or a tag row
        # and what marks them (the addressee below a lede): a second run would find them now
        title, text, head_changes = _head_after_model(title, text, profile, article)
        changes += head_changes
        judged = title
        title, text, title_changes = boilerplate.reread_title(title, text, profile)
        changes += title_changes
        # a credit line the model dropped may have stood between the title and the credits above the
        # document's heading: a second run reads them off the output (its title line, then the body)
        title, text, heading_changes = boilerplate.credits_heading.step(title, text, f"{title}\n\n{text}")
        changes += heading_changes
        if boilerplate.fold_spaces(title) == boilerplate.fold_spaces(judged):
            break
        # the re-read title's line left the body: what stood below it (a lede under the real
        # title once the model dropped the chrome above it) is the head now, as a second run,
        # which takes the title off first, reads it
        title, text, head_changes = _head_after_model(title, text, profile, article)
        changes += head_changes
    return title, text, changes


def _head_after_model(title: str, text: str, profile: profiles.Profile, article: bool
                      ) -> tuple[str, str, list[Change]]:
    """`head_again`; and when a site's intro naming the title went (the model's drops brought it
    to the head), the title settled again: it stood between the title and its repetition below
    (`标题` above `标题 今年以来，…`), which a second run reads together."""
    text, changes = head_again(text, title, article)
    if any(c.after == title_intro.REASON for c in changes):
        title, text, title_changes = boilerplate.settle_title(title, text, profile)
        changes += title_changes
    return title, text, changes


def model_and_body_heading(title: str, text: str, profile: profiles.Profile, host_repeats: frozenset,
                           article: bool = False, use_model: bool = True) -> tuple[str, str, list[Change]]:
    """The line model's drops (`model_head`), then the body's own heading taking the title
    (`yield_to_body_heading`).  A title so taken is one the model has not judged the head with,
    and the one a second run reads off the output: the model runs again with it."""
    changes: list[Change] = []
    if use_model:
        title, text, changes = model_head(title, text, profile, host_repeats, article)
    taken = False
    for _ in range(HEAD_PASSES):
        title, text, heading_changes = boilerplate.yield_to_body_heading(title, text, profile)
        changes += heading_changes
        if not heading_changes:
            break
        taken = True
        # the heading left the text: what stood under it is the head now, read with the new title
        # as a second run reads it (its repetition below it, a `[2]` above the next part heading)
        title, text, again = boilerplate.settle_title(title, text, profile)
        changes += again
        text, again = head_again(text, title, article)
        changes += again
    if use_model and taken:
        title, text, again = model_head(title, text, profile, host_repeats, article)
        changes += again
    return title, text, changes


def head_again(text: str, title: str, article: bool = False) -> tuple[str, list[Change]]:
    """The head's lede, auto-summary, tag row, unlabelled credit line and a site's sentence naming the title looked for
    (`settle_head`'s round), and once more after lines above or between them left (a second run
    over the output would look there).  Not that sentence in an article the HTML extractor chose
    (`article`): there the text is the article's own box, and a news story's lede restates its
    headline (`教育部发布…报告。报告显示，…`)."""
    text, lede_changes = head_lede.step(text)
    text, summary_changes = head_summary.step(text)
    text, tag_changes = head_tags.step(text)
    text, stamp_changes = head_stamp.step(text)
    text, intro_changes = title_intro.step(text, title) if not article else (text, [])
    return text, lede_changes + summary_changes + tag_changes + stamp_changes + intro_changes
