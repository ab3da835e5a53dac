from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.formats.pretty import pretty_dumps

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(blacklist_categories=("Cs",))),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(JSON)
def test_same_bytes_as_json_dumps_indent_2(value):
    assert pretty_dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_known_shapes():
    value = {"a": [], "b": {}, "c": [1, {"d": None, "e": 'é\n"q"😀'}], "f": True, "g": 1.5}
    assert pretty_dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
