"""Which siblings of the article's container are more of the article, and the article split
over a few sibling containers (extract_main's winner).

An article is often set in a run of sibling containers: its parts, a picture or an ad box
between them.  `joins` says which sibling belongs to the run (extract_main reads the run out
from the winner).  The winner itself is chosen on single containers' scores, so a page whose
article is split in three parts of ~30 each loses to one box of ~35 above it (a question's
text above its answer, a summary): `split_parts` weighs each container scoring at least
PARTS_SHARE of the winner with the parts that would join it, and takes the rival whose run
clearly outweighs the winner's.  A comment
thread is a long run of short items, and a run that takes in the winner is the winner's own:
neither is a rival.
"""
from __future__ import annotations

from cleaners.steps.extract_levels import level_inner, level_top
from cleaners.steps.extract_posts import post_list, titled
from cleaners.steps.extract_sizes import MIN_BLOCK, Sizes, contains, elsewhere_named, link_density

SIBLING_BARRIER = 50      # characters of a sibling that does not join and ends the article's run
SIBLING_SHARE = 0.2       # a sibling scoring this share of the winner joins it
PARTS_SHARE = 0.5         # a rival to the winner scores at least this share of it on its own ...
PARTS_GAIN = 1.5          # ... and with the parts that join it, this many times the winner's run
PARTS_MAX = 4             # containers of a split article's run (a comment thread has more)


def joins(sibling, size: Sizes, score: float, threshold: float, sections: set | None = None) -> bool:
    """Whether a sibling of the article's container is more of the article.  With `sections`
    (the heading tags inside the container), a box opening with a heading of another tag is not."""
    if elsewhere_named(sibling) or post_list(sibling, size):   # the comments or "more answers" after the article
        return False
    if sections is not None and titled(sibling) not in (None, *sections):
        return False
    if score >= threshold:
        return True
    if sibling.tag not in ("p", "div", "section", "pre", "blockquote", "table", "center", "font"):
        return False
    density = link_density(size)
    # prose of its own: a paragraph, or a container of scored paragraphs (not a widget of short
    # items, nor a sidebar column whose only prose lies deep in a table)
    own_prose = score > 0 or size.flow - size.flow_links >= MIN_BLOCK
    return (size.text > 80 and density < 0.25 and own_prose) or (0 < size.text <= 80 and density == 0 and size.punct > 0
                                                                  and sibling.tag == "p")


def run_of(el, scores: dict, sizes: dict) -> tuple[float, list]:
    """(score, members): the container with the siblings on either side that join it, up to the
    first one that does not and has text (SIBLING_BARRIER), as the article's run is read out."""
    top = level_top(el, {})
    parent = top.getparent()
    total, members = scores[el], [top]
    if parent is None:
        return total, members
    threshold = max(10.0, scores[el] * SIBLING_SHARE)
    siblings = [sibling for sibling in parent if isinstance(sibling.tag, str)]
    at = siblings.index(top)
    for side in (siblings[at + 1:], siblings[at - 1::-1] if at else []):
        for sibling in side:
            size = sizes.get(sibling, Sizes())
            if joins(level_inner(sibling), size, scores.get(sibling, 0.0), threshold):
                total += scores.get(sibling, 0.0)
                members.append(sibling)
            elif size.text >= SIBLING_BARRIER:
                break
    return total, members


def split_parts(first, scores: dict, sizes: dict):
    """The winner, or the rival container whose run of parts clearly outweighs the winner's own
    (see the module doc)."""
    rivals = [el for el, score in scores.items() if el is not first and score >= PARTS_SHARE * scores[first]
              and not contains(first, el) and not contains(el, first)]
    if not rivals:
        return first
    own = run_of(first, scores, sizes)[0]
    best, best_total = first, own
    for el in rivals:
        total, members = run_of(el, scores, sizes)
        if total > best_total and len(members) <= PARTS_MAX \
                and not any(m is first or contains(m, first) or contains(first, m) for m in members):
            best, best_total = el, total
    return best if best_total >= PARTS_GAIN * own else first
