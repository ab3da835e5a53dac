"""Refusal rules on varied news phrasing (not taken from the gold documents): the span is
the refusing predicate to what was withheld (GUIDELINES.md), and hard negatives are left
alone. Each positive is (sentence, expected span); the span must be the only refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.suggest import RuleSet, load_rules, suggest


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def refusals(text: str, rules: RuleSet) -> list[str]:
    return [text[s.start : s.end] for s in suggest(text, rules, ["refusal"])]


POSITIVES = [
    # declined / refused + verb of disclosing
    ("The ministry declined to comment.", "declined to comment"),
    ("A spokesman declined to comment on the report.", "declined to comment on the report"),
    (
        "The company declined to say how many staff were affected.",
        "declined to say how many staff were affected",
    ),
    ("Police declined to name the officer involved.", "declined to name the officer involved"),
    (
        "The bank declined to disclose the size of the fine.",
        "declined to disclose the size of the fine",
    ),
    ("The council refused to release the audit.", "refused to release the audit"),
    (
        "The minister refused to reveal the cost of the trip.",
        "refused to reveal the cost of the trip",
    ),
    ("The club declined to confirm the transfer fee.", "declined to confirm the transfer fee"),
    (
        "The regulator declined to identify the firms under review.",
        "declined to identify the firms under review",
    ),
    ("The embassy declined to elaborate.", "declined to elaborate"),
    (
        "The airline declined to specify which routes would be cut.",
        "declined to specify which routes would be cut",
    ),
    ("The prosecutor refused to discuss the evidence.", "refused to discuss the evidence"),
    (
        "The mayor refused to answer questions about the contract.",
        "refused to answer questions about the contract",
    ),
    (
        "The board declined to explain why the chief executive left.",
        "declined to explain why the chief executive left",
    ),
    (
        "The hospital declined to provide figures for last year.",
        "declined to provide figures for last year",
    ),
    (
        "The firm declined to give details of the settlement.",
        "declined to give details of the settlement",
    ),
    ("The department refused to publish the review.", "refused to publish the review"),
    ("Officials declined to be drawn on the timing.", "declined to be drawn on the timing"),
    (
        "The school refused to be drawn on whether pupils were at risk.",
        "refused to be drawn on whether pupils were at risk",
    ),
    (
        "The agency declined to go into detail about the breach.",
        "declined to go into detail about the breach",
    ),
    (
        "The ministry declined to put a figure on the losses.",
        "declined to put a figure on the losses",
    ),
    ("The authority refused to make the report public.", "refused to make the report public"),
    (
        "The company has declined to say whether it will appeal.",
        "has declined to say whether it will appeal",
    ),
    (
        "The government has repeatedly refused to disclose the legal advice.",
        "has repeatedly refused to disclose the legal advice",
    ),
    (
        "The police force has so far declined to release the footage.",
        "has so far declined to release the footage",
    ),
    ("The insurer declined to immediately comment.", "declined to immediately comment"),
    ("The owner declined to respond to the allegations.", "declined to respond to the allegations"),
    (
        "The firm declined to address the claims directly.",
        "declined to address the claims directly",
    ),
    ("The trust declined to speculate on the cause.", "declined to speculate on the cause"),
    ("The ministry declined to deny the report.", "declined to deny the report"),
    (
        "Officials are refusing to say where the money went.",
        "are refusing to say where the money went",
    ),
    (
        "The council declined to share the correspondence, citing privacy.",
        "declined to share the correspondence",
    ),
    (
        "The operator declined to comment, saying the matter was before the courts.",
        "declined to comment",
    ),
    (
        "The company declined to quantify the damage because talks were continuing.",
        "declined to quantify the damage",
    ),
    # would not / will not / could not
    (
        "The minister would not say when the law would take effect.",
        "would not say when the law would take effect",
    ),
    ("The hospital would not confirm the death.", "would not confirm the death"),
    ("She would not comment on individual cases.", "would not comment on individual cases"),
    (
        "The bank will not disclose the names of its clients.",
        "will not disclose the names of its clients",
    ),
    ("Police could not confirm the number of arrests.", "could not confirm the number of arrests"),
    (
        "The school could not say how long the closure would last.",
        "could not say how long the closure would last",
    ),
    ("He wouldn't say how much the deal was worth.", "wouldn't say how much the deal was worth"),
    ("The firm won’t reveal its suppliers.", "won’t reveal its suppliers"),
    ("The board cannot comment on personnel matters.", "cannot comment on personnel matters"),
    ("The governor would not discuss the investigation.", "would not discuss the investigation"),
    (
        "The army would neither confirm nor deny the strike.",
        "would neither confirm nor deny the strike",
    ),
    (
        "The ministry neither confirmed nor denied the report.",
        "neither confirmed nor denied the report",
    ),
    (
        "The agency was unable to say how many files were lost.",
        "was unable to say how many files were lost",
    ),
    (
        "The company was not able to provide a breakdown of the costs.",
        "was not able to provide a breakdown of the costs",
    ),
    ("The council was not in a position to comment.", "was not in a position to comment"),
    (
        "The regulator would not be drawn on possible penalties.",
        "would not be drawn on possible penalties",
    ),
    ("The spokesman would not elaborate.", "would not elaborate"),
    (
        "The minister would not give a timeline for the repairs.",
        "would not give a timeline for the repairs",
    ),
    ("The contractor would not put a date on completion.", "would not put a date on completion"),
    (
        "Officials could not immediately say why the alarm failed.",
        "could not immediately say why the alarm failed",
    ),
    ("The university will not name the students involved.", "will not name the students involved"),
    # did not / has not / does not + withheld
    (
        "The company did not respond to requests for comment.",
        "did not respond to requests for comment",
    ),
    (
        "The ministry did not immediately respond to a request for comment.",
        "did not immediately respond to a request for comment",
    ),
    ("The embassy did not reply to emailed questions.", "did not reply to emailed questions"),
    ("The mayor did not return calls seeking comment.", "did not return calls seeking comment"),
    ("Representatives for the singer did not return messages.", "did not return messages"),
    (
        "The company did not answer questions about the leak.",
        "did not answer questions about the leak",
    ),
    (
        "The firm did not say how many customers were affected.",
        "did not say how many customers were affected",
    ),
    ("The police did not disclose the cause of death.", "did not disclose the cause of death"),
    ("The ministry did not explain the delay.", "did not explain the delay"),
    ("The agency did not specify the amount.", "did not specify the amount"),
    ("The club did not confirm the departure.", "did not confirm the departure"),
    ("The statement did not name the companies.", "did not name the companies"),
    ("The report does not identify the officers.", "does not identify the officers"),
    (
        "The government has not said when the inquiry will begin.",
        "has not said when the inquiry will begin",
    ),
    ("The council has not published the minutes.", "has not published the minutes"),
    ("The department has not released the data.", "has not released the data"),
    ("The company has not disclosed how much it paid.", "has not disclosed how much it paid"),
    ("The hospital has not responded to the letter.", "has not responded to the letter"),
    ("The board has not yet decided whether to appeal.", "has not yet decided whether to appeal"),
    ("The ministry has yet to decide on the bids.", "has yet to decide on the bids"),
    ("The regulator has yet to publish its findings.", "has yet to publish its findings"),
    (
        "The police have yet to release the names of the victims.",
        "have yet to release the names of the victims",
    ),
    (
        "The government has not made public the terms of the loan.",
        "has not made public the terms of the loan",
    ),
    ("The firm has not made the report available.", "has not made the report available"),
    (
        "The airline hasn't explained why the flight was cancelled.",
        "hasn't explained why the flight was cancelled",
    ),
    ("The authority has still not published the audit.", "has still not published the audit"),
    (
        "The minister did not give a reason for the decision.",
        "did not give a reason for the decision",
    ),
    ("The governor has not given a date for the vote.", "has not given a date for the vote"),
    (
        "The company does not comment on ongoing litigation.",
        "does not comment on ongoing litigation",
    ),
    ("The agency did not rule out further closures.", "did not rule out further closures"),
    ("The minister would not rule out tax rises.", "would not rule out tax rises"),
    ("The bank has not ruled out job cuts.", "has not ruled out job cuts"),
    ("The president ruled nothing out.", "ruled nothing out"),
    ("The chief constable did not take questions.", "did not take questions"),
    ("The premier took no questions.", "took no questions"),
    ("The prime minister did not elaborate.", "did not elaborate"),
    # reported refusals: the span starts at said / told
    ("A spokeswoman said the company would not comment.", "said the company would not comment"),
    (
        "A spokesman said it does not comment on ongoing investigations.",
        "said it does not comment on ongoing investigations",
    ),
    (
        "The ministry said it could not comment on ongoing legal proceedings.",
        "said it could not comment on ongoing legal proceedings",
    ),
    ("The police said they were unable to comment.", "said they were unable to comment"),
    ("The council said no such records were kept.", "said no such records were kept"),
    ("The department said no figures were available.", "said no figures were available"),
    ("A spokesman said no decision had been made.", "said no decision had been made"),
    (
        "The firm said it did not keep records of complaints.",
        "said it did not keep records of complaints",
    ),
    (
        "The trust said the information was not appropriate for disclosure.",
        "said the information was not appropriate for disclosure",
    ),
    ("The agency said the details were confidential.", "said the details were confidential"),
    (
        "A spokesman said it was too early to say what caused the fire.",
        "said it was too early to say what caused the fire",
    ),
    (
        "The ministry told reporters it had not yet decided.",
        "told reporters it had not yet decided",
    ),
    (
        "He told the inquiry he did not have the figures.",
        "told the inquiry he did not have the figures",
    ),
    ("The company said it would not disclose the terms.", "said it would not disclose the terms"),
    ("The bank said it had no comment.", "said it had no comment"),
    (
        "The board said it had not decided whether to sell.",
        "said it had not decided whether to sell",
    ),
    ("A spokeswoman said the matter was sub judice.", "said the matter was sub judice"),
    # no comment, unreachable, silent
    ("A spokesman for the club had no comment.", "had no comment"),
    ("The White House offered no immediate comment.", "offered no immediate comment"),
    ("The owner could not be reached for comment.", "could not be reached for comment"),
    ("The company's lawyers could not immediately be reached.", "could not immediately be reached"),
    ("The minister was unavailable for comment.", "was unavailable for comment"),
    ("The palace has remained silent on the matter.", "has remained silent on the matter"),
    ("The company has said nothing about the layoffs.", "has said nothing about the layoffs"),
    (
        "The ministry remained tight-lipped about the negotiations.",
        "remained tight-lipped about the negotiations",
    ),
    # requests, referrals
    ("The ministry declined requests for an interview.", "declined requests for an interview"),
    (
        "The company rejected repeated requests for the data.",
        "rejected repeated requests for the data",
    ),
    (
        "The police turned down a freedom of information request.",
        "turned down a freedom of information request",
    ),
    ("The senator declined comment.", "declined comment"),
    ("The firm declined an interview.", "declined an interview"),
    (
        "The school referred questions to the district office.",
        "referred questions to the district office",
    ),
    (
        "The White House referred all inquiries to the Justice Department.",
        "referred all inquiries to the Justice Department",
    ),
    (
        "The hospital directed questions to the health authority.",
        "directed questions to the health authority",
    ),
    # withheld, secret, records
    (
        "The government withheld the names of the contractors.",
        "withheld the names of the contractors",
    ),
    ("The agency redacted large parts of the report.", "redacted large parts of the report"),
    ("The company kept the figures confidential.", "kept the figures confidential"),
    (
        "The council kept the report under wraps for months.",
        "kept the report under wraps for months",
    ),
    (
        "The force does not keep figures on stop-and-search by age.",
        "does not keep figures on stop-and-search by age",
    ),
    (
        "The ministry does not hold data on the number of evictions.",
        "does not hold data on the number of evictions",
    ),
    # no agent: the clause
    ("The terms of the deal were not disclosed.", "The terms of the deal were not disclosed"),
    ("The price was not disclosed.", "The price was not disclosed"),
    (
        "The names of the officers have not been released.",
        "The names of the officers have not been released",
    ),
    ("Calls to the ministry went unanswered.", "Calls to the ministry went unanswered"),
    ("Emails to the company were not returned.", "Emails to the company were not returned"),
    ("The full report remains confidential.", "The full report remains confidential"),
    ("The financial details were withheld.", "The financial details were withheld"),
    ("No decision has been made on the appeal.", "No decision has been made on the appeal"),
    ("No figures were available for last year.", "No figures were available for last year"),
    # not appropriate to disclose, with the attribution after it (the body's predicate)
    (
        "“It is not appropriate for disclosure,” the bureau said.",
        "is not appropriate for disclosure",
    ),
    (
        "The details were not appropriate for public release, officials said.",
        "were not appropriate for public release",
    ),
    (
        "It would be inappropriate to comment on an ongoing investigation, the force said.",
        "would be inappropriate to comment on an ongoing investigation",
    ),
    (
        "It would not be appropriate to disclose the names of the officers, police said.",
        "would not be appropriate to disclose the names of the officers",
    ),
    # headlines
    ("Ministry refuses to publish vaccine contracts\n", "refuses to publish vaccine contracts"),
    ("Police will not name officer in shooting\n", "will not name officer in shooting"),
    ("Club stays silent on manager's future\n", "stays silent on manager's future"),
    ("Firm keeps crash data secret\n", "keeps crash data secret"),
]

NEGATIVES = [
    "The engine refused to start on Monday.",
    "The printer refused to work all afternoon.",
    "The court refused bail.",
    "The judge refused an adjournment.",
    "He refused food for three days.",
    "The system refused logins after midnight.",
    "The horse refused to jump the last fence.",
    "Sales declined by 5% last year.",
    "Shares declined sharply on Tuesday.",
    "The number of arrests declined to 340.",
    "Attendance has declined steadily since 2019.",
    "Prices did not increase in the second quarter.",
    "The river did not flood this year.",
    "Inflation did not fall as fast as expected.",
    "The company did not admit wrongdoing.",
    "The settlement did not require an admission of liability.",
    "The inspectors did not ask about the fire doors.",
    "The trains did not need to stop at the border.",
    "The results had not been announced sooner.",
    "A worker, who asked not to be named, said the site was unsafe.",
    "An official, speaking on condition of anonymity, said the plan was ready.",
    "A resident who declined to be named said the water smelled.",
    "Two officials who were not authorised to speak publicly described the talks.",
    "The minister said the economy would grow by 2%.",
    "The company said it would publish its results on Friday.",
    "The report was published on Tuesday.",
    "The data were released in March.",
    "The government confirmed the figures.",
    "Police named the suspect on Monday.",
    "The bank disclosed a loss of £2 billion.",
    "She did not return to work after the accident.",
    "He did not give up his seat.",
    "The patient did not respond to treatment.",
    "The firm did not provide for redundancy pay in its accounts.",
    "Voters rejected calls for a recount.",
    "The union ignored calls for restraint.",
    "The employer withheld wages for two months.",
    "The tenants withheld rent in protest.",
    "The committee kept the meeting short.",
    "The council did not discuss the budget at Monday's meeting.",
    "He never said the company was at fault.",
    "The officers did not identify as members of the group.",
    "The film is not appropriate for children.",
    "Jeans are inappropriate for a job interview.",
    "Critics said the punishment was not appropriate to the offence.",
    "His planning application was rejected in May.",
    "Neither the heating nor the lights worked on Monday.",
    "The failure to start the generator delayed the launch.",
]


# Forms real reporters and officials write (issue 20): passives, agentless requests,
# neither … nor, nominal forms, parliamentary and FOI wording, mid-sentence clauses.
REAL_FORMS = [
    (
        "The prison service did not immediately respond to a request for comment on Tuesday.",
        "did not immediately respond to a request for comment on Tuesday",
    ),
    (
        "Calls to the governor's office went unanswered.",
        "Calls to the governor's office went unanswered",
    ),
    (
        "A spokesperson for the ministry could not immediately be reached for comment.",
        "could not immediately be reached for comment",
    ),
    (
        "The embassy has not publicly commented on the arrests.",
        "has not publicly commented on the arrests",
    ),
    (
        "Authorities have not released the names of the victims.",
        "have not released the names of the victims",
    ),
    (
        "The cause of the fire has not been made public.",
        "The cause of the fire has not been made public",
    ),
    (
        "The company would neither confirm nor deny the report.",
        "would neither confirm nor deny the report",
    ),
    (
        "The army has so far refused to say how many soldiers were killed.",
        "has so far refused to say how many soldiers were killed",
    ),
    (
        "Police declined to give details of the operation, citing the investigation.",
        "declined to give details of the operation",
    ),
    (
        "The terms of the settlement were not disclosed.",
        "The terms of the settlement were not disclosed",
    ),
    (
        "The ministry did not reply to written questions sent by Global Voices.",
        "did not reply to written questions sent by Global Voices",
    ),
    (
        "The hospital said it could not comment on individual patients.",
        "said it could not comment on individual patients",
    ),
    (
        "Officials declined to be interviewed for this article.",
        "declined to be interviewed for this article",
    ),
    (
        "The contract, which the council has refused to publish, runs until 2030.",
        "has refused to publish",
    ),
    (
        "The regulator has yet to explain why the licence was granted.",
        "has yet to explain why the licence was granted",
    ),
    (
        "Repeated requests for the data have been ignored.",
        "Repeated requests for the data have been ignored",
    ),
    (
        "The FBI declined to discuss the agency's surveillance methods.",
        "declined to discuss the agency's surveillance methods",
    ),
    (
        "No official explanation has been given for the closure.",
        "No official explanation has been given for the closure",
    ),
    (
        "The department said it does not disclose the locations of its facilities.",
        "said it does not disclose the locations of its facilities",
    ),
    (
        "State media did not report the protests, and officials refused to answer questions.",
        "refused to answer questions",
    ),
    (
        "The government has kept the report's findings secret.",
        "has kept the report's findings secret",
    ),
    (
        "The results of the inquiry will not be published until next year.",
        "The results of the inquiry will not be published until next year",
    ),
    (
        "Requests for the inspection reports were denied.",
        "Requests for the inspection reports were denied",
    ),
    (
        "The figures could not be released because of an ongoing investigation.",
        "The figures could not be released",
    ),
    (
        "The costs won't be broken down by region, the ministry said.",
        "The costs won't be broken down by region",
    ),
    (
        "The names of the contractors will not be made public.",
        "The names of the contractors will not be made public",
    ),
    (
        "Our request for the minutes was refused in March.",
        "Our request for the minutes was refused in March",
    ),
    (
        "Neither the mayor nor his deputy returned calls seeking comment.",
        "returned calls seeking comment",
    ),
    (
        "Neither the company nor the regulator could be reached on Sunday.",
        "could be reached on Sunday",
    ),
    (
        "Campaigners criticised the ministry's failure to answer basic questions about the scheme.",
        "failure to answer basic questions about the scheme",
    ),
    (
        "The information requested is not held centrally and could be provided only at "
        "disproportionate cost.",
        "The information requested is not held centrally and could be provided only at "
        "disproportionate cost",
    ),
    (
        "The department is unable to break down the spending by project.",
        "is unable to break down the spending by project",
    ),
    (
        "The agency, which has refused to disclose its own figures, said the programme "
        "was a success.",
        "has refused to disclose its own figures",
    ),
    (
        "The firm declined to release its staff's pay data.",
        "declined to release its staff's pay data",
    ),
    (
        "Officials would not say whether the company's contract had been renewed.",
        "would not say whether the company's contract had been renewed",
    ),
]


# The broad clause rules (`unclaimed`): forms no precise rule lists, found in sentences in
# which no other refusal rule found anything.
BROAD_RULES = (
    "negated-clause",
    "refusing-clause",
    "withheld-clause",
    "without-giving",
    "withheld-headline",
)
CLAUSE_FORMS = [
    ("Our calls to the ministry were not picked up.", "were not picked up"),
    (
        "The foreign ministry denies knowledge of the missing activists.",
        "denies knowledge of the missing activists",
    ),
    (
        "The commission had delayed the planned release of the preliminary results.",
        "delayed the planned release of the preliminary results",
    ),
    ("The inspection report was delayed again.", "The inspection report was delayed again"),
    (
        "The board failed to comply with the tribunal's disclosure order.",
        "failed to comply with the tribunal's disclosure order",
    ),
    (
        "The ministry suppressed the inspection reports for a year.",
        "suppressed the inspection reports for a year",
    ),
    (
        "Most of the inquiry's findings have remained hidden since 2019.",
        "Most of the inquiry's findings have remained hidden since 2019",
    ),
    (
        "The spokesman said she had not been able to confirm the figures.",
        "had not been able to confirm the figures",
    ),
    (
        "Without giving a date, the minister said the report was nearly finished.",
        "Without giving a date",
    ),
    (
        "The agency has offered no explanation for the change.",
        "offered no explanation for the change",
    ),
    (
        "The operator was late in reporting the leak to the regulator.",
        "late in reporting the leak to the regulator",
    ),
    (
        "The ministry says no further figures will be released until March.",
        "no further figures will be released until March",
    ),
    (
        "We rarely get into the specifics of those talks.",
        "rarely get into the specifics of those talks",
    ),
    ("Inquiry Report Delayed Again\n\nThe report is late.", "Inquiry Report Delayed Again"),
    (
        "Officials gave a briefing, and the case files have been classified.",
        "the case files have been classified",  # its subject, without the joining "and"
    ),
    (
        "The DWP had not complied with section 10 of FOIA.",
        "had not complied with section 10 of FOIA",
    ),
    (
        "The council failed to comply with the law on responding to requests.",
        "failed to comply with the law on responding to requests",
    ),
    (
        "VOA was unable to obtain comment from the police.",
        "was unable to obtain comment from the police",
    ),
    (
        "There is no central record of how many had sought asylum.",
        "There is no central record of how many had sought asylum",
    ),
    (
        "No central record is maintained of the number of people held.",
        "No central record is maintained of the number of people held",
    ),
    ("Our official today is [name and title withheld], a diplomat.", "[name and title withheld]"),
    ("The council issued late responses to most requests.", "late responses to most requests"),
]
CLAUSE_NEGATIVES = [
    "The firm failed to comply with department policy.",
    "An enforcement notice may follow if an authority fails to comply with the Act.",
    "The regulator blocked access to two news websites.",
    "He never said the company was at fault.",
    "The health ministry denied reports that the clinic had closed.",
    "Shops were missing information about the recall.",
    "Inquiry report delayed again by snow.",  # a sentence, not a headline over a text
    "Did the council not publish the figures?",  # a question
    "The minister rejects the accusations and calls on the paper to apologise.",
    "The minister said the trains were delayed by snow.",  # not a record
    "If a public authority fails to comply with a notice, the court may act.",
    "The contract was classified as a low-risk procurement.",
    "The government was not pleased with questions about the timing.",
]


@pytest.mark.parametrize(("text", "expected"), CLAUSE_FORMS)
def test_clause_forms_are_found_by_the_broad_rules(rules, text, expected):
    [found] = [s for s in suggest(text, rules) if s.label == "refusal"]
    assert text[found.start : found.end] == expected
    assert found.rule in {f"refusal:{name}" for name in BROAD_RULES}


@pytest.mark.parametrize("text", CLAUSE_NEGATIVES)
def test_clause_rules_leave_questions_conditions_and_rejections(rules, text):
    assert refusals(text, rules) == []


def test_a_broad_rule_adds_nothing_to_a_sentence_a_precise_rule_found(rules):
    text = "A spokeswoman said the list was confidential, and our calls were not picked up."
    found = [s for s in suggest(text, rules) if s.label == "refusal"]
    assert [(text[s.start : s.end], s.rule) for s in found] == [
        ("said the list was confidential", "refusal:said-refusal")
    ]
    # The sentence alone, without what the precise rule took, is a broad rule's.
    assert refusals("Our calls were not picked up.", rules) == ["were not picked up"]
    assert {r.name for c in rules.compiled for r in c.rules if r.unclaimed} == set(BROAD_RULES)


@pytest.mark.parametrize(("text", "expected"), POSITIVES + REAL_FORMS)
def test_refusals_are_found_with_the_guideline_span(rules, text, expected):
    assert refusals(text, rules) == [expected]


@pytest.mark.parametrize("text", NEGATIVES)
def test_hard_negatives_are_not_refusals(rules, text):
    assert refusals(text, rules) == []


def test_the_lists_are_large_and_varied():
    assert len(POSITIVES) >= 120
    assert len(NEGATIVES) >= 40
    assert len({t for t, _ in POSITIVES}) == len(POSITIVES)


def test_the_seed_articles_refusals_are_all_suggested(rules):
    """The four refusals of the article every new user opens first."""
    [seed] = (Path(__file__).resolve().parents[2] / "seeds").glob("*.txt")
    found = refusals(seed.read_text(encoding="utf-8"), rules)
    assert [span.split()[:4] for span in found] == [
        ["have", "so", "far", "refused"],
        ["said", "he", "did", "not"],
        ["told", "that", "no", "such"],
        ["is", "not", "appropriate", "for"],
    ]
    assert found[-1].endswith("in the prevention and detection of crime")  # no stray ”
