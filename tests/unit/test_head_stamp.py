"""A news page's unlabelled credit line under the headline (a timestamp with the time of day and a
name or two) goes; a speech's date under its title, a schedule's line and a sentence stay."""
from cleaners.steps import head_stamp

BODY = "8月26日上午，城关区教育局召开2024年秋季开学工作部署会，全面部署新学期重点工作。"


def test_a_timestamp_with_the_source_or_reporter_under_the_headline_goes():
    for line in ("2024年08月26日 18:30 城关教育", "南方+ 2024-08-26 18:30", "2024-08-26 18:30 新京报记者 李明",
                 "2024  08 /26  18:30:12"):
        text, changes = head_stamp.step(f"{line}\n\n{BODY}")
        assert text == BODY and changes[0].before == line


def test_a_speechs_date_a_schedule_line_and_a_dated_sentence_stay():
    for line in ("（2024年8月26日）", "2024年8月26日", "2024年9月1日 8:00 举行开学典礼，请各校按时参加。"):
        assert head_stamp.step(f"{line}\n{BODY}") == (f"{line}\n{BODY}", [])


def test_only_the_head_is_looked_at():
    lower = "\n".join([BODY] * 4 + ["2024-08-26 18:30 城关教育"])
    assert head_stamp.step(lower) == (lower, [])


def test_a_mobile_pages_credit_line_without_the_year_goes_but_a_schedules_day_and_time_stay():
    line = "城关融媒 08-26 18:30 发布于广东"
    assert head_stamp.step(f"{line}\n\n{BODY}") == (BODY, [head_stamp.Change("head_stamp", "removed", line, head_stamp.REASON)])
    for kept in ("8月26日 9:00 新生报到", "08-26 9:00-11:30 新生报到"):
        assert head_stamp.step(f"{kept}\n{BODY}") == (f"{kept}\n{BODY}", [])
