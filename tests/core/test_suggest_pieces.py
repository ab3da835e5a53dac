"""The engine a piece at a time gives exactly the suggestions of the whole text: on the
seed and dev articles cut at every few hundred code points, on a generated 2 MB document
(a statement's title whose region runs through every piece, a part without blank lines,
one with Windows line ends, emoji) with the pieces the window uses, and where a region
that cannot be carried makes the text run whole. And no piece the engine is given is
larger than a piece and its margins."""

from __future__ import annotations

import random

import pytest

from annotator.core.suggest import RuleSet, load_rules, suggest
from annotator.core.suggest import pieces as pieces_module
from annotator.core.suggest.learned import (
    MAX_LEARNED,
    Tagged,
    compile_phrases,
    learned,
)
from annotator.core.suggest.pieces import (
    BEHIND,
    MARGIN,
    PIECE,
    Learning,
    Plan,
    cuts,
    pieces,
    suggest_in_pieces,
    suggest_whole,
)
from tests.core.test_suggest_speed_equivalence import texts


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def generated(size: int, seed: int = 5) -> str:
    """About ``size`` code points: a statement's title, then the seed and dev articles'
    paragraphs shuffled, a stretch of them joined without line ends, one with Windows
    line ends, and emoji here and there."""
    rng = random.Random(seed)
    paragraphs = [p for text in texts().values() for p in text.split("\n\n") if p.strip()]
    out, total = ["Press conference transcript: the minister's remarks\n"], 0
    while total < size:
        chunk = [rng.choice(paragraphs) for _ in range(40)]
        kind = rng.randrange(4)
        if kind == 0:
            part = " ".join(p.replace("\n", " ") for p in chunk)  # no line end at all
        elif kind == 1:
            part = "\r\n\r\n".join(p.replace("\n", "\r\n") for p in chunk)
        else:
            part = "\n\n".join(chunk)
        if rng.random() < 0.5:
            part = part.replace(". ", ". 😀 ", 3)
        out.append(part)
        total += len(part) + 2
    return "\n\n".join(out)


@pytest.mark.parametrize("size", [200, 333, 1024])
def test_articles_cut_every_few_hundred_code_points(rules, size):
    for name, text in texts().items():
        whole = suggest(text, rules)
        for first in (0, len(text) // 2, max(0, len(text) - 1)):
            pieced = suggest_whole(suggest_in_pieces(text, rules, first, size, margin=1200))
            assert pieced == whole, (name, size, first)


def test_a_generated_document_of_megabytes_with_the_windows_pieces(rules):
    text = generated(2_000_000)
    whole = suggest(text, rules)
    assert len(pieces(text)) >= 15
    assert {s.rule for s in whole} >= {"claim:speech-sentence", "claim:reporting-verb"}
    # the title's region reaches the last piece
    last = pieces(text)[-1].start
    assert any(s.rule == "claim:speech-sentence" and s.start > last for s in whole)
    assert suggest_whole(suggest_in_pieces(text, rules, first=len(text) // 3)) == whole


def test_a_region_that_cannot_be_carried_runs_the_text_whole(tmp_path):
    (tmp_path / "aside.toml").write_text(
        'label = "aside"\n'
        "[[rule]]\n"
        'name = "said"\n'
        "pattern = '\\bsaid\\b'\n"
        "[[rule]]\n"
        'name = "in-aside"\n'
        "within = '(?P<area>BEGIN[\\s\\S]*)'\n"
        "attributed = true\n"
        "pattern = '\\bcameras\\b'\n",
        encoding="utf-8",
    )
    rules = load_rules([tmp_path])
    line = "The cameras were installed in June.\n\n"
    text = line * 30 + "BEGIN\n\n" + line * 60 + "The mayor said so.\n\n" + line * 60
    whole = suggest(text, rules)
    assert sum(s.rule == "aside:in-aside" for s in whole) == 120
    plan = Plan(len(text), pieces(text, 400, 300), 0, pieces_module.attributed_regions(rules))
    while (step := plan.next()) is not None:
        index, piece, given = step
        _found, onward = pieces_module.run_piece(text[piece.lead : piece.tail], rules, piece, given)
        plan.take(index, given, onward)
    assert plan.whole
    assert suggest_whole(suggest_in_pieces(text, rules, 0, 400, 300)) == whole


def test_pieces_begin_after_blank_lines_and_the_piece_on_screen_comes_second():
    text = ("A sentence of a paragraph. " * 20 + "\n\n") * 400
    starts = cuts(text, 5000)
    assert len(starts) > 10
    assert all(text[at - 2 : at] == "\n\n" for at in starts[1:])
    cut = pieces(text, 5000)
    plan = Plan(len(text), cut, first=len(text) // 2, unsafe=set())
    order = []
    while (step := plan.next()) is not None:
        order.append(step[0])
        plan.take(step[0], step[2], {})
    middle = next(i for i, p in enumerate(cut) if p.start <= len(text) // 2 < p.stop)
    assert order[:2] == [0, middle]
    assert sorted(order) == list(range(len(cut)))


def test_the_engine_is_never_given_the_whole_of_a_long_text(rules, monkeypatch):
    text = generated(1_000_000, seed=9)
    given: list[int] = []
    engine = pieces_module.suggest

    def counted(chunk, *args, **kwargs):
        given.append(len(chunk))
        return engine(chunk, *args, **kwargs)

    monkeypatch.setattr(pieces_module, "suggest", counted)
    found = suggest_whole(suggest_in_pieces(text, rules))
    assert found
    assert len(given) >= len(text) // (PIECE + PIECE // 4)
    assert max(given) <= PIECE + PIECE // 4 + 2 * MARGIN + BEHIND
    assert sum(given) <= len(text) * 1.2  # each code point about once: margins are small


def learned_in_pieces(text: str, tagged: tuple, size: int, margin: int) -> list:
    """What the window gets by looking for ``tagged`` in ``text`` a piece at a time."""
    from annotator.core.suggest.worker import learn_piece

    learning = Learning(text, tagged, pieces(text, size, margin))
    while (step := learning.next()) is not None:
        learning.take(*learn_piece(*step))
    return learning.result


@pytest.mark.parametrize("repeat", [3, 40])
def test_phrases_tagged_by_hand_found_a_piece_at_a_time_as_in_the_whole(repeat):
    # 3: under the limit of learned suggestions; 40: past it, so that the most frequent
    # phrases are left out, counted over every piece.
    article = texts()["dev:" + next(k[4:] for k in texts() if k.startswith("dev:"))]
    text = "\n\n".join([article] * repeat)
    words = article.split()
    rng = random.Random(repeat)
    tagged = []
    for i in range(60):
        at = rng.randrange(len(words) - 3)
        tagged.append(Tagged(("claim", "statistic")[i % 2], " ".join(words[at : at + 2]), "T"))
    tagged = tuple(tagged)
    whole = learned(text, compile_phrases(tagged))
    assert (whole and (len(whole) == MAX_LEARNED) == (repeat == 40)) or len(whole) < MAX_LEARNED
    for size, margin in ((500, 300), (4096, 1000)):
        assert learned_in_pieces(text, tagged, size, margin) == whole, (size, margin)


def test_phrases_go_to_the_helper_once_and_again_when_it_has_others():
    from annotator.core.suggest.worker import learn_piece

    text = "\n\n".join(["The prime minister said the police chief agreed."] * 300)
    one = (Tagged("claim", "prime minister", "A"),)
    other = (Tagged("claim", "police chief", "B"),)
    first = Learning(text, one, pieces(text, 2000, 500))
    second = Learning(text, other, pieces(text, 2000, 500))
    sent = []
    for learning in (first, second, first, first):
        step = learning.next()
        assert step is not None
        sent.append(step[3] is not None)
        try:
            learning.take(*learn_piece(*step))
        except LookupError:  # the helper was given the other phrases since
            learning.forget()
    assert sent == [True, True, False, True]  # the third found "one" gone
    while (step := first.next()) is not None:
        first.take(*learn_piece(*step))
    assert first.result == learned(text, compile_phrases(one))
