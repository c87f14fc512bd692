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


def test_related_stories_block_at_the_end_is_cut_with_its_headlines():
    tail = ("\n\nShare this:\nFacebook\nX (Twitter)\nWhatsApp\n\nRelated posts\n"
            "Mayor says shelling of the market left two dead\nWhat is the Wagner Group?\n\n"
            "Subscribe now and never miss a story\n")
    out, removed = remove_boilerplate(BODY + tail)
    assert out == BODY
    assert "Mayor says shelling of the market left two dead" in removed and "What is the Wagner Group?" in removed


def test_related_heading_followed_by_story_paragraphs_is_not_a_tail():
    story = ("The governor said the evacuation of the border villages would continue through the weekend, and "
             "that buses would leave from the central square every two hours until all residents who wished to go "
             "had left.")
    text = BODY + "\n\nRelated\nOfficials said more shelters would open.\n\n" + story
    out, removed = remove_boilerplate(text)
    assert story in out and "Officials said more shelters would open." in out
    assert removed == ("Related",)


def test_platform_and_subscribe_lines_are_boilerplate_but_sentences_are_not():
    for line in ["Telegram", "X (Twitter)", "Email", "Subscribe to get breaking Africa news",
                 "Sign up for our daily war briefing"]:
        assert is_boilerplate(line), line
    for line in ["Telegram channels reported explosions.", "Subscribers to the service were warned."]:
        assert not is_boilerplate(line), line


def test_read_also_headline_lines_are_boilerplate():
    for line in ["Read also: Drones hit an oil depot in the Bryansk region overnight", "Read us on Telegram and Google News",
                 "See also: Who commands the eastern front?"]:
        assert is_boilerplate(line), line
    assert not is_boilerplate("Read also the governor's statement, officials urged residents.")


def test_wire_sign_off_copyright_and_most_popular_lines_are_boilerplate():
    for line in ["str-bur-ser/dcp", "bur/gv", "© 2024 AFP", "Most popular", "Most read:"]:
        assert is_boilerplate(line), line
    for line in ["Kyiv/Moscow", "The talks in Doha/Cairo went on.", "Most residents stayed."]:
        assert not is_boilerplate(line), line


def test_a_related_line_with_its_headlines_and_a_share_line_with_its_buttons_are_dropped():
    text = (BODY + "\n\nShare this: Facebook | X | WhatsApp | Email\n\n"
            "Related: Top Commander Explains Town Retreat | Why Shells Are Running Short\n")
    out, removed = remove_boilerplate(text)
    assert out == BODY and len(removed) == 2
    assert not is_boilerplate("Related to this, officials said the town had fallen, and more detail came late on Monday "
                              "from several sources who asked not to be named because they were not authorised to speak.")
    assert not is_boilerplate("Facebook said it removed the video.")
