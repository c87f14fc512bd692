from dateline.ingest.boilerplate import is_boilerplate, remove_boilerplate

BODY = "\n\n".join(
    [
        "KHARKIV, Ukraine (AP) — Russian missiles struck the city on Thursday.",
        "The mayor said five people were hurt.",
        "Officials said repairs would take days.",
    ]
)


def test_comment_section_tail_is_cut():
    text = BODY + "\n\nLeave a Reply\n\nGreat article!!\n\nJohn says: fake news\n"
    out, removed = remove_boilerplate(text)
    assert out == BODY
    assert "Leave a Reply" in removed and "Great article!!" in removed


def test_share_and_follow_lines_are_dropped_anywhere():
    text = "Share this:\n" + BODY + "\n\nFollow all AP news on the war in Ukraine at\n\nClick to share on Twitter (Opens in new window)"
    out, removed = remove_boilerplate(text)
    assert out == BODY
    assert len(removed) == 3


def test_email_notice_and_required_fields():
    assert is_boilerplate("Your email address will not be published.")
    assert is_boilerplate("Your email address will not be published. Required fields are marked *")
    assert is_boilerplate("Save my name, email, and website in this browser for the next time I comment.")


def test_story_sentences_are_kept():
    # Sentences that mention the same words inside real reporting must stay.
    for line in [
        "He said he would follow the news from Kyiv closely.",
        "The ministry did not reply to a request for comment.",
        "Residents were asked to share information only with the police.",
        "Related fighting was reported in the south.",
    ]:
        assert not is_boilerplate(line), line


def test_comments_heading_early_in_text_is_not_a_tail():
    text = "Comments\n\n" + BODY
    out, _ = remove_boilerplate(text)
    assert BODY in out
