"""The session-scoped target factory gives fresh and copied stores on every backend."""

from frontwatch.models import Article
from frontwatch.store import open_store


def test_new_target_copies(backend, new_target):
    t = new_target(backend)
    with open_store(t) as s:
        s.add_article(Article("a", "x"), [])
    c = new_target(backend, copy_of=t)
    with open_store(c) as s:
        assert s.scalar("SELECT count(*) FROM articles") == 1
        s.add_article(Article("b", "x"), [])
    with open_store(t) as s:
        assert s.scalar("SELECT count(*) FROM articles") == 1
