"""Site knowledge lives in the TOML profiles: the fields for captions, compilation markers,
titles, page counts and formats are read from a profile file, a profile that leaves them out
gets `_generic.toml`'s, and the steps use what the file says."""
import pytest
from parsel import Selector

from cleaners import profiles
from cleaners.document import CleanResult
from cleaners.page_facts import page_count, page_format, page_title
from cleaners.profiles import with_generic
from cleaners.steps.boilerplate import remove
from cleaners.steps.compilations import split_compilation

PART = "这是一篇关于本县教育工作的完整总结报告，内容涵盖学前教育、义务教育与职业教育三个方面的工作。" * 2

OWN = """
name = "ownsite"
hosts = ["ownsite.cn"]
title_selectors = ["h2.name"]
page_count_selectors = ["#total"]
page_count_patterns = ['总页数\\s*(?P<n>\\d+)']
format_selectors = ["#fmt"]
format_patterns = ['类型[:：]\\s*(?P<format>[A-Za-z]+)']
caption_patterns = ['^(?P<title>.{2,40}?)-图片\\d+$']
boilerplate_lines = ['.{2,40}-图片\\d+']
compilation_markers = ['第(\\d+)篇[:：]']
"""


@pytest.fixture
def own_profiles(tmp_path, monkeypatch):
    (tmp_path / "ownsite.toml").write_text(OWN, encoding="utf-8")
    (tmp_path / "plainsite.toml").write_text('name = "plainsite"\nhosts = ["plainsite.cn"]\n', encoding="utf-8")
    monkeypatch.setenv("WENKU_PROFILES", str(tmp_path))
    return profiles.get("ownsite"), profiles.get("plainsite")


def test_the_new_fields_are_read_from_a_profile_file(own_profiles):
    own, _ = own_profiles
    assert own.title_selectors == ("h2.name",)
    assert own.format_selectors == ("#fmt",) and own.format_patterns == ("类型[:：]\\s*(?P<format>[A-Za-z]+)",)
    assert own.caption_patterns == ("^(?P<title>.{2,40}?)-图片\\d+$",)
    assert own.compilation_markers == ("第(\\d+)篇[:：]",)
    assert "format_selectors" not in own.extra


def test_a_profile_without_the_new_fields_gets_the_generic_ones(own_profiles):
    _, plain = own_profiles
    for field in ("title_selectors", "page_count_patterns", "format_selectors", "format_patterns",
                  "caption_patterns", "compilation_markers"):
        assert getattr(plain, field) == ()
        assert with_generic(plain, field) == list(getattr(profiles.generic(), field)) != [], field


def test_the_generic_profile_file_holds_the_caption_and_compilation_rules():
    generic = profiles.generic()
    assert "^(?P<title>.{2,120}?)_第\\d+页$" in generic.caption_patterns
    assert any("篇" in marker for marker in generic.compilation_markers)
    assert any("格式" in pattern for pattern in generic.format_patterns)


def test_the_page_readers_use_the_profile_files_selectors_and_patterns(own_profiles):
    own, _ = own_profiles
    sel = Selector(text='<html><body><h2 class="name">自己的标题</h2><h1>通用标题</h1>'
                        '<p>总页数 17</p><p>类型：PDF</p></body></html>')
    assert page_title(sel, own) == "自己的标题"
    assert page_count(sel, own) == 17
    assert page_format(sel, own) == "pdf"


def test_a_caption_pattern_from_the_profile_file_names_the_document(own_profiles):
    own, _ = own_profiles
    text, changes = remove(f"县教育工作总结-图片1\n{PART}", own)
    assert text == PART
    assert [c.after for c in changes if c.before == "caption_title"] == ["县教育工作总结"]


def test_compilation_markers_from_the_profile_file_split_a_compilation(own_profiles):
    own, plain = own_profiles
    text = f"第1篇：{PART}\n第2篇：{PART}"
    result = CleanResult(id="c", url=None, site="ownsite", title="总结", text=text, metadata={}, flags={}, changes=[])
    assert [(p.id, p.title) for p in split_compilation(result, own)] == [("c-1", "总结 篇1"), ("c-2", "总结 篇2")]
    assert len(split_compilation(result, plain)) == 1


def test_a_bad_regex_in_a_new_field_names_the_file_and_the_field(tmp_path, monkeypatch):
    (tmp_path / "broken.toml").write_text('name = "broken"\ncompilation_markers = ["篇("]\n', encoding="utf-8")
    monkeypatch.setenv("WENKU_PROFILES", str(tmp_path))
    with pytest.raises(ValueError, match="compilation_markers"):
        profiles.all_profiles()
