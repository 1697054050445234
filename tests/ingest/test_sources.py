"""Ingest: every input kind, and each bad input giving one clear reason while the batch goes on."""

from __future__ import annotations

import gzip
from datetime import date

import pytest

from frontwatch.errors import FetchError, UnreadableFile, UnresolvableDate
from frontwatch.ingest import read_sources
from frontwatch.ingest.language import is_english
from frontwatch.ingest.text import MAX_TEXT_CHARS, decode_text
from frontwatch.ingest.url import fetch_url
from tests.httpserver import Reply, local_server

ARTICLE = (
    "Shelling on a border village in Russia's Bryansk region on Friday killed one person, the regional governor said."
)
HTML = f"""<!doctype html><html><head><title>Strike report</title>
<meta property="article:published_time" content="2024-05-17T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Strike report</h1><p>{ARTICLE}</p>
<p>Several fires also erupted after a drone attack on Novorossiysk, a key port city in the Krasnodar region,
local governor Veniamin Kondratyev said on Friday morning after the overnight attack.</p></article>
<div class="comments"><p>Comment: this is a reader's comment and not the article.</p></div></body></html>"""
FEED = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Border shelling</title><description>{ARTICLE}</description>
<pubDate>Fri, 17 May 2024 09:30:00 GMT</pubDate><guid>a1</guid></item>
<item><guid>a2</guid></item>
<item><title>Drone attack</title>
<description>Ukrainian drones hit an oil refinery in Tuapse overnight.</description><guid>a3</guid></item>
</channel></rss>"""


def _one(path, **kw):
    docs = list(read_sources([str(path)], **kw))
    assert len(docs) == 1
    return docs[0]


def test_plain_text_with_published(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    doc = _one(p, published="2024-05-17")
    assert doc.ok and doc.article.text == ARTICLE and doc.article.published == date(2024, 5, 17)


def test_html_main_text_without_comments_and_page_date(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    doc = _one(p)
    assert doc.ok, doc.error
    assert (
        "Bryansk" in doc.article.text and "reader's comment" not in doc.article.text and "Sport" not in doc.article.text
    )
    assert doc.article.published == date(2024, 5, 17)


def test_html_without_article_is_one_clear_error(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    doc = _one(p, input_format="html")
    assert not doc.ok and "no article text" in doc.error


def test_feed_items_in_order_and_a_broken_item_recorded(tmp_path):
    p = tmp_path / "wire.rss"
    p.write_text(FEED, encoding="utf-8")
    docs = list(read_sources([str(p)]))
    assert [d.doc_id for d in docs] == ["a1", "a2", "a3"]
    assert docs[0].ok and docs[0].article.published == date(2024, 5, 17)
    assert not docs[1].ok and "neither title nor text" in docs[1].error
    assert docs[2].ok and docs[2].article.published is None


def test_jsonl_lines_in_order_bad_lines_recorded(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(
        '{"doc_id": "x", "text": "Protesters marched.", "published": "2021-03-02"}\nnot json\n'
        '{"doc_id": "y"}\n{"doc_id": "z", "text": "Police detained ten.", "published": "someday"}\n',
        encoding="utf-8",
    )
    docs = list(read_sources([str(p)]))
    assert [d.doc_id for d in docs] == ["x", f"{p}:2", "y", "z"]
    assert docs[0].ok and docs[0].article.published == date(2021, 3, 2)
    assert "not valid JSON" in docs[1].error and 'no "text"' in docs[2].error and "publication date" in docs[3].error


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n ", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"caf\xe9 au lait", "invalid UTF-8"),
    ],
)
def test_bad_bytes_are_named(data, message):
    with pytest.raises(UnreadableFile, match=message):
        decode_text(data, name="x")


def test_huge_text_is_capped_with_a_note(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text((ARTICLE + "\n") * (10 * 1024 * 1024 // len(ARTICLE)), encoding="utf-8")
    doc = _one(p)
    assert doc.ok and len(doc.article.text) <= MAX_TEXT_CHARS
    assert any("truncated" in n for n in doc.notes)


def test_missing_file_and_bad_published(tmp_path):
    doc = _one(tmp_path / "nope.txt")
    assert not doc.ok and "no such file" in doc.error
    with pytest.raises(UnresolvableDate):
        list(read_sources([str(tmp_path / "nope.txt")], published="yesterday-ish"))


def test_non_english_is_skipped_with_a_note(tmp_path):
    p = tmp_path / "uk.txt"
    p.write_text(
        "Російські війська продовжили наступ на Харківщині в п'ятницю, повідомили в Генштабі ЗСУ. " * 3,
        encoding="utf-8",
    )
    doc = _one(p)
    assert not doc.ok and "not in English" in doc.error


def test_language_check_on_headlines_and_prose():
    assert is_english("Ukraine death toll rises to 28: ministry")
    assert is_english(ARTICLE * 3)
    assert not is_english(
        "Las fuerzas rusas continuaron su ofensiva en el noreste de Ucrania el viernes, según el "
        "ministerio de Defensa, que afirma haber tomado varias aldeas en la región de Járkov."
    )


@pytest.fixture
def server():
    """A local HTTP server: /page (HTML), /big (over the size cap), anything else 404."""

    def answer(method: str, path: str, body: bytes) -> Reply:
        if path == "/page":
            return 200, HTML.encode(), {"Content-Type": "text/html; charset=utf-8"}
        if path == "/big":
            return 200, b"x" * 3000, {"Content-Type": "text/plain"}
        return 404, b"not found"

    with local_server(answer) as base:
        yield base


def test_url_fetch_html(server):
    docs = list(read_sources([f"{server}/page"]))
    assert docs[0].ok and "Bryansk" in docs[0].article.text and docs[0].article.url == f"{server}/page"


def test_dead_url_and_size_cap(server):
    docs = list(read_sources([f"{server}/missing", "http://127.0.0.1:9/unreachable"]))
    assert "HTTP 404" in docs[0].error and "cannot fetch" in docs[1].error
    with pytest.raises(FetchError, match="larger than"):
        fetch_url(f"{server}/big", max_bytes=1000)


def test_gzip_is_binary_not_text(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(gzip.compress(ARTICLE.encode() * 50))
    doc = _one(p)
    assert not doc.ok and ("binary" in doc.error or "UTF-8" in doc.error)
