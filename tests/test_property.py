"""Property-based: arbitrary bytes and text through ingest and the whole pipeline.

Nothing may escape but a DatelineError, and every fact's span must point into the text.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import DatelineError
from dateline.ingest import load_article

# Text that looks a little like news, so that the pipeline's deeper paths are reached.
NEWSY = st.lists(
    st.sampled_from(
        ["KYIV, Ukraine (AP) —", "Russian", "forces", "shelled", "Izium", "on", "Saturday", ",", "“", "”", "\"",
         "said", "the", "governor", "73", "kilometers", "(45 miles)", "\n\n", "Leave a Reply", "2,500", "killed",
         "<p>", "</p>", "<script>", "Oleh", "Syniehubov", "Telegram", "'", "’s", "—", "in", "February", "2014", "five",
         "civilians", "were", "wounded", "NATO", ".", "1945", "Київ", "\x00", "\ufffd", "Bakhmut"]
    ),
    max_size=80,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_ingest_bytes(data):
    try:
        art = load_article(data, published="2022-09-10")
    except DatelineError:
        return
    assert art.text.strip()


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=2000), NEWSY))
def test_ingest_text(text):
    try:
        art = load_article(text)
    except DatelineError:
        return
    assert art.text.strip()


@pytest.mark.model
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(NEWSY, st.text(max_size=600), st.binary(max_size=600)))
def test_read_never_raises_anything_else(pipeline, source):
    try:
        result = pipeline.read(source, published="2022-09-10")
    except DatelineError:
        return
    text = result.article.text
    for e in result.entities:
        for m in e.mentions:
            assert text[m.start:m.end] == m.text
    for q in result.quantities:
        assert text[q.start:q.end] == q.text
    for d in result.dates:
        assert text[d.start:d.end] == d.text
