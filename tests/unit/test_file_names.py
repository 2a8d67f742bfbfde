"""file_names: one list of document files for an attachment's link and an attachment's name line."""
from cleaners.steps.file_names import ATTACHMENT, FILE_NAME


def test_a_link_to_a_document_file_is_an_attachment_with_a_query_or_in_capitals_too():
    for href in ("/att/2024/校历.pdf", "/down/x.DOCX", "/f/a.ofd?id=3", "/f/b.xls#p1", "/f/c.7z"):
        assert ATTACHMENT.search(href), href
    for href in ("/news/1.html", "/img/a.jpg", "/f/pdf", "/download.jsp?id=88"):
        assert not ATTACHMENT.search(href), href


def test_a_line_ending_in_a_files_name_names_an_attachment_and_the_extractor_and_line_model_agree():
    for line in ("1.开学工作安全检查表.docx", "2.城关区校历.pdf ", "报名汇总表.csv"):
        assert FILE_NAME.search(line) and ATTACHMENT.search(line.strip()), line
    assert not FILE_NAME.search("请于9月1日前报送.") and not FILE_NAME.search(".pdf")
