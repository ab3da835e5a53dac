"""Phrases tagged by hand held and sent compactly: read back exactly as they were given."""

from __future__ import annotations

import pickle

from annotator.core.suggest.learned import Tagged
from annotator.core.suggest.tag_lists import Packed, TagList
from annotator.core.suggest.worker import learn

PHRASES = [
    ("claim", "the council said"),
    ("statistic", "40 cameras 😀"),
    ("claim", "市民 said"),
    ("refusal", "lone \ud800 surrogate"),
]


def test_a_tag_list_gives_back_its_phrases_and_weighs_them_whatever_the_order():
    tags = TagList("Book «1»", PHRASES)
    assert list(tags) == [Tagged(label, text, "Book «1»") for label, text in PHRASES]
    assert len(tags) == 4
    assert TagList("Book «1»", PHRASES[::-1]).weight == tags.weight
    assert TagList("Book «2»", PHRASES).weight != tags.weight


def test_packed_phrases_arrive_in_the_helper_as_the_tuple_they_stand_for():
    given = tuple(TagList("A", PHRASES)) + tuple(TagList("B", PHRASES[:2]))
    packed = Packed(iter(given))
    arrived = pickle.loads(pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL))
    assert type(arrived) is tuple and arrived == given
    assert packed == given and len(packed) == 6
    # and the helper finds them in a text as it found the tuple's
    text = "Yesterday the council said 40 cameras 😀 were enough; 市民 said no."
    assert learn(text, arrived) == learn(text, given) != []
