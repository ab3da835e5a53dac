"""The rule-based suggestion engine: shipped rules on small news-like sentences, spans in
code points, reasons and confidences, rule files (errors, extensions), determinism."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.suggest import RuleError, RuleSet, Suggestion, load_rules, suggest
from annotator.core.suggest.engine import compile_rules, sentence_around
from annotator.core.suggest.firstchars import first_chars
from annotator.core.suggest.rules import after_none_of, render_reason, words_regex


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def spans(text: str, rules: RuleSet, label: str) -> list[str]:
    return [text[s.start : s.end] for s in suggest(text, rules, [label])]


def only(text: str, rules: RuleSet, label: str) -> Suggestion:
    [found] = suggest(text, rules, [label])
    return found


def test_shipped_rules_cover_the_three_default_labels(rules):
    assert set(rules.labels) == {"claim", "refusal", "statistic"}
    assert all(Path(f).name.endswith(".toml") for f in rules.files)


# --- statistics -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police will install more than 2,000 cameras this year.", ["more than 2,000 cameras"]),
        ("The bill came to HK$1.2 billion in total.", ["HK$1.2 billion"]),
        ("It cost nearly HK$90 million.", ["nearly HK$90 million"]),
        ("The trust spent £4.5m on agency staff.", ["£4.5m"]),
        ("Fares rose by 10-15% in January.", ["10-15%"]),
        ("The existing 16.5 km section is open.", ["16.5 km"]),
        ("A total of 3.5 per cent of residents agreed.", ["A total of 3.5 per cent of residents"]),
        (
            "It runs three hospitals serving roughly 1.1 million people.",
            ["three hospitals", "roughly 1.1 million people"],
        ),
        ("The report recommends hiring a dozen caseworkers.", ["a dozen caseworkers"]),
        ("Officers counted 350 new shelter beds.", ["350 new shelter beds"]),
        ("It would study the matter during a three-month trial.", ["a three-month trial"]),
        (
            "Between 40 and 60 households a month are evicted.",
            ["Between 40 and 60 households a month"],
        ),
        ("The budget is €38 million a year.", ["€38 million a year"]),
        (
            "It delayed 23 of the 61 school building projects.",
            ["23 of the 61 school building projects"],
        ),
        (
            "They found that one in ten radiographer posts is unfilled.",
            ["one in ten radiographer posts"],
        ),
        (
            "Roughly two-thirds of the stretch’s brown trout died.",
            ["Roughly two-thirds of the stretch’s brown trout"],
        ),
        ("Inspections rose from 85 in 2022 to 130 last year.", ["85", "130"]),
        ("It costs ¥18 billion (US$120 million).", ["¥18 billion", "US$120 million"]),
        ("There are over seven million in the UK.", ["over seven million"]),
        ("Of 1,204 respondents, 62 per cent agreed.", ["1,204 respondents", "62 per cent"]),
        (
            "The samples held up to 40 times the permitted level.",
            ["up to 40 times the permitted level"],
        ),
    ],
)
def test_statistics_cover_qualifier_number_unit_and_noun(rules, text, expected):
    assert spans(text, rules, "statistic") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The law was amended in 2016.",
        "The board met on 14 March but said nothing.",
        "Published 22 February 2024.",
        "Volunteers have done this since the 1990s.",
        "It happened at 7:45 a.m. on a Sunday.",
        "It was the third time this year.",
        "Ms Lo appeared for the 4th time.",
        "The funds came from COVID-19 relief.",
        "Beds in motels on Route 9 and Line 2 were added.",
        "Section 4 of the draft was changed.",
        "His office at 88 Nathan Road was shut.",
        "Legislator Tommy Wan, 58, spoke.",
        "Pupils aged between five and 12 use it.",
        "Dozens of complaints and hundreds of parents came.",
        "She has warned them more than once.",
        "The G20 summit and 5G masts were discussed.",
        "See page 12 for details.",
    ],
)
def test_dates_years_ordinals_identifiers_and_ages_are_not_statistics(rules, text):
    assert spans(text, rules, "statistic") == []


def test_statistic_reasons_and_confidence_say_what_was_found(rules):
    digits = only("Police counted 2,315 people.", rules, "statistic")
    assert digits.reason == "number '2,315' counting 'people'"
    assert digits.rule == "statistic:count"
    bare = only("It was up from 287.", rules, "statistic")
    assert bare.reason == "number '287'"
    assert digits.confidence > bare.confidence
    pct = only("Turnout was more than 40 per cent.", rules, "statistic")
    assert pct.reason == "per cent with qualifier 'more than'"
    word = only("They hired a dozen officers.", rules, "statistic")
    assert word.reason == "number 'a dozen' counting 'officers'"
    money = only("It cost US$18.6 million.", rules, "statistic")
    assert money.reason == "amount of money in US$"
    assert 0 < bare.confidence <= 1 and 0 < money.confidence <= 1


def test_offsets_are_code_points_after_astral_characters(rules):
    text = "😀👨‍👩‍👧 Köhler: 🇭🇰 more than 2,000 cameras, the police said."
    found = suggest(text, rules)
    stat = next(s for s in found if s.label == "statistic")
    assert text[stat.start : stat.end] == "more than 2,000 cameras"
    assert stat.start == text.index("more")
    assert stat.end - stat.start == len("more than 2,000 cameras")


# --- refusals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The force declined to say how many cases had gone to trial.",
            ["declined to say how many cases had gone to trial"],
        ),
        (
            "She would not confirm whether the supplier, named in a notice, would stay.",
            ["would not confirm whether the supplier, named in a notice, would stay"],
        ),
        (
            "The company declined to publish its results, saying they were confidential.",
            ["declined to publish its results"],
        ),
        (
            "The bureau did not respond to requests for comment.",
            ["did not respond to requests for comment"],
        ),
        ("A spokesman could not comment on the case.", ["could not comment on the case"]),
        (
            "He was told that no such statistics were kept.",
            ["told that no such statistics were kept"],
        ),
        ("He said no such records were kept.", ["said no such records were kept"]),
        (
            "A spokeswoman said it was “not appropriate to comment on an individual case”.",
            ["said it was “not appropriate to comment on an individual case”"],
        ),
        (
            "The agency has not yet decided whether to publish the report, a spokesman said.",
            ["has not yet decided whether to publish the report"],
        ),
        (
            "She did not rule out further delays when asked on Thursday.",
            ["did not rule out further delays"],
        ),
        (
            "Minutes of the meeting have not been published.",
            ["Minutes of the meeting have not been published"],
        ),
        (
            "Hospital trust refuses to publish cancer waiting times\n",
            ["refuses to publish cancer waiting times"],
        ),
        ("Firm keeps test results secret\n", ["keeps test results secret"]),
        ("He did not take questions.", ["did not take questions"]),
    ],
)
def test_refusals_cover_the_predicate_and_what_was_withheld(rules, text, expected):
    assert spans(text, rules, "refusal") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The machine refused to start on Monday.",
        "A backup pump refused to start, and the crane refused to lift a girder.",
        "Waiting times did not increase last quarter.",
        "Fish stocks did not fall in the previous two years.",
        "A dealer, who asked not to be named, said parts would arrive soon.",
        "An official said so, speaking on condition of anonymity.",
    ],
)
def test_refusals_leave_out_machines_and_negations_that_withhold_nothing(rules, text):
    assert spans(text, rules, "refusal") == []


def test_refusal_reason_names_the_phrase(rules):
    found = only("The ministry declined to comment.", rules, "refusal")
    assert found.reason == "refusal verb 'declined to comment'"
    assert found.rule == "refusal:refuse-verb"


# --- claims ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Commissioner Raymond Siu assures that the cameras will not compromise privacy.",
            ["Commissioner Raymond Siu assures that the cameras will not compromise privacy"],
        ),
        (
            '"There is nothing in these poles that can identify a person," Ms Lo said.',
            ['"There is nothing in these poles that can identify a person," Ms Lo said'],
        ),
        (
            "According to corporation figures, the line carried 142,000 passengers a day.",
            ["According to corporation figures, the line carried 142,000 passengers a day"],
        ),
        (
            "Managing director S. K. Bhandari insisted the delay was short.",
            ["Managing director S. K. Bhandari insisted the delay was short"],
        ),
        (
            'A spokeswoman said the figures were "under review" and declined to give a date.',
            ['A spokeswoman said the figures were "under review"'],
        ),
        (
            "Asked about the audit, the minister said the plan was sound.",
            ["the minister said the plan was sound"],
        ),
        (
            "Fairmont will open 350 beds, officials said, but an audit found that 1,000 homes "
            "were lost.",
            [
                "Fairmont will open 350 beds, officials said",
                "an audit found that 1,000 homes were lost",
            ],
        ),
    ],
)
def test_claims_are_attributed_sentences(rules, text, expected):
    assert spans(text, rules, "claim") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Fares were raised by 10-15% in January.",
        'Ms Lo said the bureau had "not yet decided whether such a link is needed".',
        "She would not say how many posts were vacant.",
        "Residents were told not to use well water.",
        "The fault was first reported by a driver in Nagoya.",
        '"Nobody has ever knocked on our door," said Ulrike Brandt, 64, who runs a bakery.',
        "One mother said the classrooms were freezing.",
    ],
)
def test_facts_refusals_passives_and_vox_pop_are_not_claims(rules, text):
    assert spans(text, rules, "claim") == []


SPEECH = (
    "Statement by the Health Secretary on hospital waiting times\n\n"
    "Good morning. Waiting lists have fallen for the third month running. We have opened "
    "400 new beds since March. What is the cost of the programme? The trust said it would "
    "publish the figures. I'm going to take questions now.\n"
)
NEWS = (
    "Council approves budget\n\n"
    'Waiting lists fell in March. "We have opened new beds. The wards are calmer," the '
    'chief executive said. "Nobody came to help. We waited all day," said '
    "Anna Berg, 64, a resident.\n"
)


def test_every_asserting_sentence_of_someones_words_is_a_claim(rules):
    assert spans(SPEECH, rules, "claim") == [
        "Waiting lists have fallen for the third month running",
        "We have opened 400 new beds since March",
        "The trust said it would publish the figures",
    ]  # not the greeting, the question, the turn-taking, nor the title
    [speech] = [s for s in suggest(SPEECH, rules, ["claim"]) if "400" in SPEECH[s.start : s.end]]
    assert speech.rule == "claim:speech-sentence" and speech.confidence < 0.65


def test_a_quotation_continues_a_claim_only_when_its_attribution_is_one(rules):
    found = spans(NEWS, rules, "claim")
    assert found == ['"We have opened new beds', 'The wards are calmer," the chief executive said']
    # "Waiting lists fell" is the paper's own statement; the resident's words are vox pop.


def test_a_rule_within_regions_applies_only_there_and_only_where_nothing_else_matched(tmp_path):
    write(
        tmp_path,
        "within.toml",
        r"""label = "w"
[[rule]]
name = "main"
pattern = '\bmain\s\w+'
[[rule]]
name = "boxed"
within = '\[(?P<area>[^\]]*)\]'
pattern = '\b\w+\b'
[[rule]]
name = "tagged"
within = '<[^>]*>'
attributed = true
pattern = '\bx\w*'
""",
    )
    rules = compile_rules([tmp_path / "within.toml"])
    text = "a [b main c] d <xa main z> <xb>"
    found = {(text[s.start : s.end], s.rule) for s in suggest(text, rules)}
    assert found == {
        ("main c", "w:main"),
        ("main z", "w:main"),
        ("b", "w:boxed"),  # inside the box, not where "main c" matched
        ("xa", "w:tagged"),  # in <…> where "main z" matched; not in <xb>
    }


def test_an_unclaimed_rule_counts_only_in_sentences_the_other_rules_left_alone(tmp_path):
    write(
        tmp_path,
        "fallback.toml",
        r"""label = "w"
[[rule]]
name = "precise"
pattern = '\bdeclined\s+to\s+\w+'
[[rule]]
name = "broad"
unclaimed = true
pattern = '\bnot\s+\w+'
""",
    )
    rules = compile_rules([tmp_path / "fallback.toml"])
    text = (
        "He declined to comment and would not elaborate. She would not elaborate.\n"
        "They were not told! Lee declined to say; it was not known."
    )
    found = [(text[s.start : s.end], s.rule) for s in suggest(text, rules)]
    assert found == [
        ("declined to comment", "w:precise"),
        ("not elaborate", "w:broad"),  # its sentence has no other suggestion
        ("not told", "w:broad"),
        ("declined to say", "w:precise"),  # "not known" is in its sentence
    ]


@pytest.mark.parametrize(
    ("text", "span", "sentence"),
    [
        ("One. Two three? Four", "three", "Two three?"),
        ("One.\nTwo three", "Two", "Two three"),
        ('He said "no." Then more.', "said", 'He said "no."'),
        ("No end at all", "end", "No end at all"),
        ("A 3.5 per cent rise. B", "rise", "A 3.5 per cent rise."),
    ],
)
def test_sentence_around_a_span(text, span, sentence):
    start = text.index(span)
    s, e = sentence_around(text, start, start + len(span))
    assert text[s:e].strip() == sentence


def test_quoted_speech_is_more_confident_than_reported_speech(rules):
    quoted = only('"We will finish on time," the minister said.', rules, "claim")
    reported = only("The minister said the line would finish on time.", rules, "claim")
    assert quoted.confidence > reported.confidence
    assert quoted.reason == "quoted speech with reporting verb 'said'"
    assert reported.reason == "reporting verb 'said'"


# --- the API contract -----------------------------------------------------------------


SEED = (
    "Hong Kong Police Commissioner Raymond Siu assures that the cameras will not "
    "compromise the privacy of citizens.\n\n2,000 new security cameras may be installed by "
    "2024, according to the city’s police chief. Authorities have so far refused to answer "
    "questions about the equipment. He said there are 90,000 in Singapore and over seven "
    "million in the UK."
)


def test_output_is_sorted_unique_and_deterministic(rules):
    first = suggest(SEED, rules)
    assert first == suggest(SEED, rules) == suggest(SEED, load_rules())
    assert first == sorted(first, key=lambda s: (s.start, s.end, s.label))
    assert len({s.key for s in first}) == len(first)
    assert {s.label for s in first} == {"claim", "refusal", "statistic"}
    assert all(isinstance(s, Suggestion) and s.reason and s.rule for s in first)


def test_labels_limits_what_is_looked_for(rules):
    assert {s.label for s in suggest(SEED, rules, ["refusal"])} == {"refusal"}
    assert suggest(SEED, rules, []) == []
    assert suggest("", rules) == []


# --- rule files -----------------------------------------------------------------------


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_extension_file_adds_words_to_a_shipped_list(tmp_path, rules):
    text = "The spokesman demurred that the figures were wrong."
    assert spans(text, rules, "claim") == []
    write(tmp_path, "more.toml", 'label = "claim"\n[lists]\nreporting_verb = ["demurred"]\n')
    extended = load_rules([tmp_path])
    assert spans(text, extended, "claim") == ["The spokesman demurred that the figures were wrong"]
    assert str(tmp_path / "more.toml") in extended.files


def test_an_extension_file_adds_rules_and_new_labels(tmp_path):
    write(
        tmp_path,
        "hedge.toml",
        'label = "hedge"\n[lists]\nhedge = ["may", "might", "could possibly"]\n'
        "[[rule]]\nname = \"modal\"\npattern = '\\b(?P<word>{hedge})\\b'\n"
        "confidence = 0.4\nreason = \"hedging word '{word}'\"\n",
    )
    rules = load_rules([tmp_path, tmp_path / "missing"])
    assert "hedge" in rules.labels
    [found] = suggest("Prices might rise.", rules, ["hedge"])
    assert (found.start, found.end, found.reason, found.rule, found.confidence) == (
        7,
        12,
        "hedging word 'might'",
        "hedge:modal",
        0.4,
    )


def test_a_closing_quote_the_span_did_not_open_is_left_out(tmp_path):
    write(
        tmp_path,
        "tail.toml",
        'label = "tail"\n'
        "[[rule]]\nname = \"from-it\"\npattern = '\\bit\\s+is[^,\\n]*'\n"
        'confidence = 0.5\nreason = "from it"\n',
    )
    write(
        tmp_path,
        "quoted.toml",
        'label = "quoted"\n'
        '[[rule]]\nname = "quoted"\npattern = \'[“"][^”"\\n]*[”"]\'\n'
        'confidence = 0.5\nreason = "quoted"\n',
    )
    rules = load_rules([tmp_path])
    for text in ("He said “it is late”, and left.", 'He said "it is late", and left.'):
        assert spans(text, rules, "tail") == ["it is late"]
        assert spans(text, rules, "quoted") == [text[8:20]]  # opened in the span: kept


# Two labels of our own: "said" sentences, and "withheld" clauses they give way to.
SAYING = """label = "saying"
[[rule]]
name = "said"
pattern = '[A-Z][^.\\n]*\\bsaid\\b[^.\\n]*'
reason = "said"
[yield]
to = ["withheld"]
keep = '\\bsaid\\b'
trim = ',?\\s+and'
joint = '(?:,|\\band)\\s+'
"""
WITHHELD = """label = "withheld"
[[rule]]
name = "declined"
pattern = '\\b(?:declined to \\w+|said no records were kept)\\b[^.,\\n]*'
reason = "declined"
"""


@pytest.mark.parametrize(
    ("text", "saying", "withheld"),
    [
        # runs into the other label's clause after a joint: cut there, the joint trimmed
        (
            "The mayor said costs rose and declined to say by how much.",
            ["The mayor said costs rose"],
            ["declined to say by how much"],
        ),
        # nothing of its own before the other span: dropped
        ("A clerk said no records were kept.", [], ["said no records were kept"]),
        ("It declined to comment, an aide said.", [], ["declined to comment"]),
        # the other span is an object, not a clause of its own (no joint): left whole
        (
            "The union said officials declined to comment",
            ["The union said officials declined to comment"],
            ["declined to comment"],
        ),
        # wholly inside, with its own verb before: left whole
        (
            "He said she declined to comment, then left",
            ["He said she declined to comment, then left"],
            ["declined to comment"],
        ),
    ],
)
def test_a_label_gives_way_to_the_labels_its_yield_names(tmp_path, text, saying, withheld):
    write(tmp_path, "saying.toml", SAYING)
    write(tmp_path, "withheld.toml", WITHHELD)
    rules = compile_rules(sorted(tmp_path.glob("*.toml")))
    assert spans(text, rules, "saying") == saying
    assert spans(text, rules, "withheld") == withheld
    # Asking for the yielding label alone still gives way (the other is looked for too).
    assert [text[s.start : s.end] for s in suggest(text, rules, ["saying"])] == saying


def test_not_after_a_list_is_one_look_behind_per_word_length(tmp_path):
    write(
        tmp_path,
        "verbs.toml",
        r"""label = "verb"
[lists]
aux = ["was", "were first", "United"]
[[rule]]
name = "v"
pattern = '(?<!{aux}\s)\b(?:promised|States)\b'
""",
    )
    rules = compile_rules([tmp_path / "verbs.toml"])
    assert spans("He promised. It was promised.", rules, "verb") == ["promised"]
    assert spans("They Were First promised it.", rules, "verb") == []  # any case
    assert spans("the United States; the united States", rules, "verb") == ["States"]
    assert after_none_of(["ab", "cd", "e f"], r"\s") == r"(?<!\b(?i:ab|cd)\s)(?<!\b(?i:e\sf)\s)"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("label = ", "not valid TOML"),
        ('label = "x"\n[yield]\nto = "refusal"\n', "[yield] needs 'to', a list of labels"),
        (
            'label = "x"\n[[rule]]\nname = "r"\npattern = "a"\nattributed = true\n',
            "attributed must be true or false, with 'within'",
        ),
        (
            'label = "x"\n[[rule]]\nname = "r"\npattern = "a"\nunclaimed = 1\n',
            "unclaimed must be true or false, without 'within'",
        ),
        (
            'label = "x"\n[[rule]]\nname = "r"\npattern = "a"\nwithin = "b"\nunclaimed = true\n',
            "unclaimed must be true or false, without 'within'",
        ),
        ('label = "x"\n[[rule]]\nname = "r"\npattern = "a"\nwithin = "("\n', "(within)"),
        ('label = "x"\n[yield]\nto = ["x"]\n', "names the file's own label"),
        ('label = "x"\n[yield]\nto = ["y"]\nkept = "a"\n', "[yield] has unknown key 'kept'"),
        ('label = "x"\n[yield]\nto = ["y"]\nkeep = "(a"\n', "not a valid regular expression"),
        ('label = "claim"\n[yield]\nto = ["x"]\n', "[yield] of 'claim' is already given"),
        ("[lists]\nx = ['a']\n", "'label' is missing"),
        ('label = "claim"\ncolour = "red"\n', "unknown key 'colour'"),
        ('label = "claim"\n[lists]\nreporting_verb = "said"\n', "must be a list"),
        ('label = "claim"\n[[rule]]\nname = "x"\n', "rule 'x' needs a 'pattern'"),
        (
            'label = "claim"\n[[rule]]\nname = "x"\npattern = "(unclosed"\n',
            "not a valid regular expression",
        ),
        (
            'label = "claim"\n[[rule]]\nname = "x"\npattern = "{nowhere}"\n',
            "refers to {nowhere}, which is neither a list nor a pattern",
        ),
        (
            'label = "claim"\n[[rule]]\nname = "x"\npattern = "a"\nconfidence = 2\n',
            "confidence must be a number in (0, 1]",
        ),
        (
            'label = "claim"\n[[rule]]\nname = "x"\npattern = "a"\nreason = "{who} said"\n',
            "reason uses {who} but the pattern has no group",
        ),
        (
            'label = "claim"\n[[rule]]\nname = "reporting-verb"\npattern = "a"\n',
            "rule 'reporting-verb' is defined twice",
        ),
        ('label = "claim"\n[patterns]\nbody = "x"\n', "pattern 'body' is already defined"),
        (
            'label = "claim"\n[[rule]]\nname = "x"\npattern = "a"\nspan = "who"\n',
            "span 'who' is not a named group",
        ),
    ],
)
def test_a_bad_rule_file_is_a_clear_error_naming_it(tmp_path, content, message):
    path = write(tmp_path, "bad.toml", content)
    with pytest.raises(RuleError) as caught:
        load_rules([tmp_path])
    assert str(path) in str(caught.value)
    assert message in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_a_rule_file_that_is_not_utf8_or_a_folder_that_is_a_file(tmp_path):
    (tmp_path / "latin.toml").write_bytes(b'label = "caf\xe9"\n')
    with pytest.raises(RuleError, match=r"latin\.toml: not UTF-8"):
        load_rules([tmp_path])
    not_folder = write(tmp_path / "x", "file.txt", "")
    with pytest.raises(RuleError, match="not a folder"):
        load_rules([not_folder])


def test_a_rule_file_linked_to_a_proc_file_is_refused_without_reading_it(tmp_path):
    (tmp_path / "kmsg.toml").symlink_to("/proc/self/status")  # /proc/kmsg would block
    with pytest.raises(RuleError, match=r"kmsg\.toml: refused: a system file under /proc"):
        load_rules([tmp_path])


def test_a_rules_folder_that_is_a_loop_of_links_is_a_clear_error(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    with pytest.raises(RuleError, match="a loop of symbolic links"):
        load_rules([tmp_path / "loop"])


def test_words_regex_matches_lower_case_words_in_any_case_and_capitals_exactly():
    import re

    rx = re.compile(rf"\b{words_regex(['more than', 'more', 'USD'])}\b")
    assert rx.match("More  than").group() == "More  than"
    assert rx.match("more").group() == "more"
    assert rx.match("USD") and not rx.match("usd")


def test_reason_templates_drop_optional_parts_without_their_group():
    template = "number '{n}'[ counting '{noun}'][ with {q?}qualifier]"
    assert render_reason(template, {"n": "2,000", "noun": "new  cameras"}) == (
        "number '2,000' counting 'new cameras'"
    )
    assert render_reason(template, {"n": "7", "q": "over"}) == "number '7' with qualifier"


def test_first_chars_are_conservative():
    assert first_chars(r"(?i:ab)|\d") in ("[AB\\dab]", "[\\dABab]") or "a" in first_chars(
        r"(?i:ab)|\d"
    )
    assert first_chars(r"a?") is None  # can match empty
    assert first_chars(r"\w+") is None
    assert first_chars(r"(?=x)y") == "[y]"
