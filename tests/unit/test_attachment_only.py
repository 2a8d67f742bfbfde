"""An article that only points to its attachment is flagged; a real article that mentions one is not."""
from __future__ import annotations

from cleaners.steps.attachment_only import step


def test_notice_that_says_see_the_attachment_is_flagged():
    text = "各中小学校：\n现将《2024年工作要点》印发给你们，请认真贯彻落实。\n详见附件。\n附件：2024年工作要点.pdf\n县教育局"
    new, changes = step(text)
    assert new == text
    assert [(c.before, c.after) for c in changes][0] == ("rejected", "attachment only")


def test_long_article_that_mentions_an_attachment_is_kept():
    text = "详见附件。\n" + "全县教育系统扎实推进各项工作，取得明显成效，群众满意度不断提高。" * 6
    assert step(text) == (text, [])


def test_short_text_without_a_pointer_is_not_this_steps_business():
    text = "县教育局召开会议。"
    assert step(text) == (text, [])
