"""``POST /claims``: the check ``frontwatch check`` makes, on posted text or a stored article."""

from __future__ import annotations

import pytest


def test_posted_text_gets_its_area_claim_checked(client, sample_module):
    text = "Russian forces took 90 square kilometers between April 14 and April 28, officials said."
    r = client.post("/claims", json={"text": text, "published": "2024-05-01"})
    assert r.status_code == 200, r.text
    claims = r.json()["claims"]
    assert len(claims) == 1
    assert claims[0]["verdict"] in {"consistent", "inconsistent", "unverifiable"}
    assert "90" in claims[0]["text"]


def test_stored_article_without_claims_has_none(client):
    r = client.post("/claims", json={"doc_id": "wire-c"})
    assert r.status_code == 200, r.text
    assert r.json()["claims"] == []


@pytest.mark.parametrize("body", [{}, {"text": "x", "doc_id": "wire-a"}, {"text": ""}, {"doc_id": "nope"},
                                  {"text": "x", "published": "someday"}])
def test_bad_claims_requests(client, check_error, body):
    check_error(client.post("/claims", json=body))
