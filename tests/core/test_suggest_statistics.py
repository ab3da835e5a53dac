"""Statistic rules on varied news phrasing (written for these tests, not taken from the
gold documents): each quantity is one span as eval/gold/GUIDELINES.md says (qualifier +
number + magnitude + unit; a count takes the noun it counts; fractions, percentages and
measures take an ``of`` phrase; "X of Y N" and ranges are one span), and the hard
negatives (dates, years, times, ages, ordinals, identifiers, addresses, vague
quantities) give no statistic. Each positive lists every statistic span of its sentence."""

from __future__ import annotations

import pytest

from annotator.core.suggest import RuleSet, load_rules, suggest


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def statistics(text: str, rules: RuleSet) -> list[str]:
    return [text[s.start : s.end] for s in suggest(text, rules, ["statistic"])]


POSITIVES: list[tuple[str, list[str]]] = [
    # qualifiers
    ("More than 2,000 people attended the vigil.", ["More than 2,000 people"]),
    ("The fund paid out over £3 million last year.", ["over £3 million"]),
    ("Prices rose above 4 million yuan in the city.", ["above 4 million yuan"]),
    ("The company employs under 300 workers.", ["under 300 workers"]),
    ("Turnout fell below 40 per cent.", ["below 40 per cent"]),
    (
        "Nearly 1,000 units of low-cost housing were built.",
        ["Nearly 1,000 units of low-cost housing"],
    ),
    ("Almost 60 residents signed the petition.", ["Almost 60 residents"]),
    ("About 85 families were evacuated.", ["About 85 families"]),
    ("Around 450 officers were deployed.", ["Around 450 officers"]),
    ("Roughly 12,000 tickets went unsold.", ["Roughly 12,000 tickets"]),
    ("Some 3,500 migrants crossed the border.", ["Some 3,500 migrants"]),
    # a capitalised word before the counted noun
    ("The agency fined two Illinois companies.", ["two Illinois companies"]),
    ("She welcomed 10 Palestinian journalists to the briefing.", ["10 Palestinian journalists"]),
    ("At least 14 patients died.", ["At least 14 patients"]),
    (
        "The court may impose at most 20 hours of community service.",
        ["at most 20 hours of community service"],
    ),
    ("The scheme offers grants of up to €5,000.", ["up to €5,000"]),
    ("Fewer than 200 applications were approved.", ["Fewer than 200 applications"]),
    ("Less than 5% of the budget was spent.", ["Less than 5% of the budget"]),
    ("As many as 70 buses were cancelled.", ["As many as 70 buses"]),
    ("As few as 12 inspectors cover the region.", ["As few as 12 inspectors"]),
    ("Upwards of 8,000 fans gathered outside.", ["Upwards of 8,000 fans"]),
    ("Close to 900 complaints were filed.", ["Close to 900 complaints"]),
    ("Just over 1,100 voters took part.", ["Just over 1,100 voters"]),
    ("Just under half of the members voted.", ["Just under half of the members"]),
    ("An estimated 40,000 birds died.", ["An estimated 40,000 birds"]),
    # "rarely" says how often, not how much: the qualifier is "above"
    ("Waiting times were rarely above 20 minutes.", ["above 20 minutes"]),
    ("An average of 35 calls a day reached the hotline.", ["An average of 35 calls a day"]),
    (
        "Approximately 2.3 million households lack broadband.",
        ["Approximately 2.3 million households"],
    ),
    ("No more than 50 guests are allowed.", ["No more than 50 guests"]),
    ("The ministry received a total of 612 objections.", ["a total of 612 objections"]),
    ("All 46 passengers were rescued.", ["All 46 passengers"]),
    ("The sensor trips within 0.5 seconds.", ["within 0.5 seconds"]),
    ("Costs overran by as much as 30 per cent.", ["as much as 30 per cent"]),
    ("Only 9 of the 40 wards met the target.", ["Only 9 of the 40 wards"]),
    ("Exactly 1,024 ballots were spoiled.", ["Exactly 1,024 ballots"]),
    ("The queue grew to well over 200 people.", ["well over 200 people"]),
    ("Not quite 70 per cent of trains ran on time.", ["70 per cent of trains"]),
    # currencies: signs, codes and words; bn/m/k, million, billion, lakh, crore
    ("The contract was worth HK$1.2 billion.", ["HK$1.2 billion"]),
    ("It raised US$45 million in its first round.", ["US$45 million"]),
    ("Tickets cost R350 each.", ["R350"]),
    ("The fine is R$2,000 per day.", ["R$2,000 per day"]),
    ("The bridge cost €240m.", ["€240m"]),
    ("She earned £42,000 a year.", ["£42,000 a year"]),
    ("The land was sold for ¥18 billion (US$120 million).", ["¥18 billion", "US$120 million"]),
    ("A ticket costs 250 kr at the door.", ["250 kr"]),
    ("The settlement was NOK 4.5 million.", ["NOK 4.5 million"]),
    ("Farmers were paid 1,200 rand per hectare.", ["1,200 rand per hectare"]),
    ("The clinic received 3 million reais in funding.", ["3 million reais"]),
    ("Each family was offered 5 million won.", ["5 million won"]),
    ("The mayor's office spent 80 million pesos on lighting.", ["80 million pesos"]),
    ("The state allocated 42.6 billion rupees for the dam.", ["42.6 billion rupees"]),
    ("The hospital wing cost Rs 45 lakh.", ["Rs 45 lakh"]),
    ("The scheme has a budget of ₹1,200 crore.", ["₹1,200 crore"]),
    ("The start-up was valued at $3bn.", ["$3bn"]),
    ("Staff received bonuses of up to $15k.", ["up to $15k"]),
    ("The council owes EUR 12 million.", ["EUR 12 million"]),
    ("Losses reached 7 billion dollars.", ["7 billion dollars"]),
    ("The state spent A$1,450 per detainee per day.", ["A$1,450 per detainee per day"]),
    ("The airline will pay C$2.5 million in compensation.", ["C$2.5 million"]),
    ("Imports worth CHF 300 million were blocked.", ["CHF 300 million"]),
    ("The court ordered him to repay 60,000 euros.", ["60,000 euros"]),
    ("The rent rose to 1,800 francs a month.", ["1,800 francs a month"]),
    ("Bail was set at 50,000 yuan.", ["50,000 yuan"]),
    ("The penalty is 2 lakh rupees.", ["2 lakh rupees"]),
    ("The deal was worth £1.5bn.", ["£1.5bn"]),
    ("They signed a €4.6m-a-year contract.", ["a €4.6m-a-year contract"]),
    ("The company reported revenue of SEK 9 billion.", ["SEK 9 billion"]),
    ("Fares went up by 30 pence.", ["30 pence"]),
    ("The bill came to 4,000 kronor.", ["4,000 kronor"]),
    ("The loan was for 2 million rand.", ["2 million rand"]),
    ("The budget is ZAR 1.2bn.", ["ZAR 1.2bn"]),
    ("Investors lost 900,000 reais.", ["900,000 reais"]),
    ("Wages average 3 million won a month.", ["3 million won a month"]),
    # percentages and percentage points
    ("Unemployment rose to 7.4%.", ["7.4%"]),
    ("The plan was backed by 37 per cent of residents.", ["37 per cent of residents"]),
    ("Turnout was 62 percent.", ["62 percent"]),
    ("The rate rose by 1.5 percentage points.", ["1.5 percentage points"]),
    ("Fares were raised by 10-15% in January.", ["10-15%"]),
    ("A 14% increase was recorded.", ["14%"]),
    (
        "Some 85 per cent of patients were seen within four hours.",
        ["Some 85 per cent of patients", "within four hours"],
    ),
    (
        "The survey found 62 per cent of 1,204 respondents opposed it.",
        ["62 per cent", "1,204 respondents"],
    ),
    ("Only 3 percent of the fleet is electric.", ["Only 3 percent of the fleet"]),
    ("Inflation hit 11.1 per cent in October.", ["11.1 per cent"]),
    ("Between 20 and 25 per cent of rooms were empty.", ["Between 20 and 25 per cent of rooms"]),
    ("Prices fell 0.3 percentage point.", ["0.3 percentage point"]),
    ("The party won 48.2% of the vote.", ["48.2% of the vote"]),
    ("Ninety-five per cent of claims were paid.", ["Ninety-five per cent of claims"]),
    # fractions, multiples and counts of events
    ("Two-thirds of the stretch's brown trout died.", ["Two-thirds of the stretch's brown trout"]),
    ("Half of the beds were closed.", ["Half of the beds"]),
    ("A quarter of households have no car.", ["A quarter of households"]),
    ("One in five adults smokes.", ["One in five adults"]),
    ("Roughly a third of them were children.", ["Roughly a third of them"]),
    ("Nearly three-quarters of the staff quit.", ["Nearly three-quarters of the staff"]),
    ("The river carried more than three times the limit.", ["more than three times the limit"]),
    ("Emissions were four times the legal limit.", ["four times the legal limit"]),
    ("The valve failed three times in May.", ["three times"]),
    ("The lift broke down 11 times last year.", ["11 times"]),
    ("The alarm sounded twice that night.", ["twice"]),
    ("A fifth of the budget went to security.", ["A fifth of the budget"]),
    ("One in ten radiographer posts is vacant.", ["One in ten radiographer posts"]),
    ("One in 20 cars failed the test.", ["One in 20 cars"]),
    ("Three in four nurses reported burnout.", ["Three in four nurses"]),
    ("Nine out of ten owners renewed.", ["Nine out of ten owners"]),
    ("A tenth of the forest burned.", ["A tenth of the forest"]),
    # number words
    ("Seven million people live in the region.", ["Seven million people"]),
    ("A dozen caseworkers handle the files.", ["A dozen caseworkers"]),
    ("Three hospitals closed their wards.", ["Three hospitals"]),
    ("The firm hired forty engineers.", ["forty engineers"]),
    ("Twenty-seven schools were inspected.", ["Twenty-seven schools"]),
    ("The agency cut nine hundred jobs.", ["nine hundred jobs"]),
    (
        "About two million tonnes of grain were exported.",
        ["About two million tonnes of grain"],
    ),
    ("Eleven inspectors were suspended.", ["Eleven inspectors"]),
    ("The region lost fifteen thousand jobs.", ["fifteen thousand jobs"]),
    ("A hundred volunteers turned up.", ["A hundred volunteers"]),
    ("Sixty-two families were rehoused.", ["Sixty-two families"]),
    ("Two dozen firefighters fought the blaze.", ["Two dozen firefighters"]),
    # ranges
    ("Between 40 and 60 arrests were made.", ["Between 40 and 60 arrests"]),
    (
        "The shelter takes in between 40 and 60 households a month.",
        ["between 40 and 60 households a month"],
    ),
    ("Each class has 25 to 30 pupils.", ["25 to 30 pupils"]),
    ("The repairs take 40-60 days.", ["40-60 days"]),
    ("Between 250 and 300 people were displaced.", ["Between 250 and 300 people"]),
    ("Prices rose 10–12 per cent.", ["10–12 per cent"]),
    ("Between five and eight officers were on duty.", ["Between five and eight officers"]),
    ("The project will cost £2m to £3m.", ["£2m to £3m"]),
    ("The bridge closes for 3-4 weeks each summer.", ["3-4 weeks"]),
    # changes: one span per figure
    ("Arrests rose from 85 in 2022 to 130.", ["85", "130"]),
    ("The grant was cut from £180,000 to £60,000.", ["£180,000", "£60,000"]),
    ("Complaints reached 312, up from 287.", ["312", "287"]),
    # X of Y N, X in Y N
    ("23 of the 61 projects were late.", ["23 of the 61 projects"]),
    ("Five of the country's largest banks were fined.", ["Five of the country's largest banks"]),
    ("At least two of the banks had breached the rules.", ["At least two of the banks"]),
    ("Two of our three machines broke.", ["Two of our three machines"]),
    ("About 85,000 of the affected cars were recalled.", ["About 85,000 of the affected cars"]),
    ("Only 4 of 19 councils replied.", ["Only 4 of 19 councils"]),
    ("Seven of the 12 judges dissented.", ["Seven of the 12 judges"]),
    ("Three of the five reactors were offline.", ["Three of the five reactors"]),
    # hyphenated quantities before a noun
    ("A 46,000-seat stadium is planned.", ["A 46,000-seat stadium"]),
    ("They hired a 10-metre boat.", ["a 10-metre boat"]),
    ("The drug was tested in a three-month trial.", ["a three-month trial"]),
    ("Arrivals face a 14-day quarantine.", ["a 14-day quarantine"]),
    ("The council approved a six-month pilot.", ["a six-month pilot"]),
    ("A 20-storey tower will replace the block.", ["A 20-storey tower"]),
    ("The firm won a $40-million contract.", ["a $40-million contract"]),
    ("Police set up a 5-km cordon.", ["a 5-km cordon"]),
    ("A 300-bed hospital opened.", ["A 300-bed hospital"]),
    ("He was handed a two-year ban.", ["a two-year ban"]),
    ("It is a 12-week course.", ["a 12-week course"]),
    ("A 1.5-tonne bomb was found.", ["A 1.5-tonne bomb"]),
    ("A 40-hour week was agreed.", ["A 40-hour week"]),
    ("A 2,000-strong crowd gathered.", ["A 2,000-strong crowd"]),
    ("The town built an 800-metre wall.", ["an 800-metre wall"]),
    # measurements with units, durations
    ("The pipeline runs for 16.5 km.", ["16.5 km"]),
    ("The fire burned 3,000 hectares.", ["3,000 hectares"]),
    ("Workers removed 12 tonnes of fish.", ["12 tonnes of fish"]),
    ("The tank holds 40,000 litres of diesel.", ["40,000 litres of diesel"]),
    ("The plant will produce 450 MW.", ["450 MW"]),
    ("Temperatures reached 45 degrees.", ["45 degrees"]),
    ("The flight lasted 14 hours.", ["14 hours"]),
    ("The strike lasted 16 days.", ["16 days"]),
    ("The inquiry took 19 weeks.", ["19 weeks"]),
    ("He waited more than two years for a hearing.", ["more than two years"]),
    ("The road is 8 kilometres long.", ["8 kilometres"]),
    ("Levels reached 0.31 micrograms per litre.", ["0.31 micrograms per litre"]),
    ("The trail climbs 1,200 metres.", ["1,200 metres"]),
    ("The farm covers 250 acres.", ["250 acres"]),
    ("The storm dropped 120 mm of rain.", ["120 mm of rain"]),
    ("Trucks carried 30,000 cubic metres of sand.", ["30,000 cubic metres of sand"]),
    ("The court gave him four weeks to pay.", ["four weeks"]),
    ("The new line will be 22 miles long.", ["22 miles"]),
    ("The plant uses 5 GWh a year.", ["5 GWh a year"]),
    ("Gusts reached 150 km/h.", ["150 km/h"]),
    ("Speeds of 90 mph were recorded.", ["90 mph"]),
    ("The ship was carrying 2,500 tons of steel.", ["2,500 tons of steel"]),
    # counts: the noun with the modifiers before it
    ("The city installed 2,000 new CCTV cameras.", ["2,000 new CCTV cameras"]),
    ("Officials found 300 unaccompanied minors.", ["300 unaccompanied minors"]),
    ("The shelter opened 350 new shelter beds.", ["350 new shelter beds"]),
    ("The agency employs 2,140 full-time-equivalent staff.", ["2,140 full-time-equivalent staff"]),
    ("Police said 1,204 people were arrested.", ["1,204 people"]),
    ("Inspectors visited 48 care homes in March.", ["48 care homes"]),
    ("2,315 people without permanent housing were counted.", ["2,315 people"]),
    ("The firm cut 450 jobs.", ["450 jobs"]),
    ("They planted 10,000 trees.", ["10,000 trees"]),
    ("The line carries 142,000 passengers a day.", ["142,000 passengers a day"]),
    ("The council has 87 vacant posts.", ["87 vacant posts"]),
    ("The army deployed 5,000 troops.", ["5,000 troops"]),
    ("Only the 3 remaining trawlers were inspected.", ["3 remaining trawlers"]),
    # issue 20: number words in changes, ages and years kept apart from counts
    ("The number of inspectors rose from nine to 14 in a year.", ["nine", "14"]),
    ("Staff numbers fell from twelve to 7 after the merger.", ["twelve", "7"]),
    ("It rose to over 65 people.", ["over 65 people"]),
    ("Children under 18 cannot apply, and 40 people were invited.", ["40 people"]),
    ("It took 19 weeks to answer.", ["19 weeks"]),
]

NEGATIVES: list[str] = [
    "His office at 88 Nathan Road has received complaints.",
    # Hansard: a session's years, column references, a written question's number
    "The information is not available for the Session 1987–88.",
    "See Official Report, cols. 470–71, and the reply at c. 124.",
    "what was the total number of questions this represented. [21145]",
    # dates, years, decades, financial years, times of day
    "The law was passed in 2019.",
    "The hearing is on 14 March.",
    "Prices soared in the 1990s.",
    "Growth slowed in the early 2010s.",
    "The 2023-24 budget was approved.",
    "The meeting began at 7:45 a.m.",
    "The shop closes at 6 p.m.",
    "The data cover the years between 2017 and 2021.",
    "He was born in 1961.",
    "The scheme ran in FY2022.",
    # time frames that place a figure
    "Sales fell in the six months to September.",
    "Rents have risen over the past five years.",
    "The tunnel will open in three years.",
    "Costs rose sharply over two years.",
    "The plan was announced last quarter.",
    # ordinals
    "It was the third time the plant had flooded.",
    "She is the 14th chief of the force.",
    "The fifth station was closed.",
    "The first half hour was chaotic.",
    "It was the first hearing of the case.",
    "The 21st was a Sunday.",
    # identifiers and names
    "The COVID-19 ward was reopened.",
    "Leaders met at the G20 summit.",
    "The crash happened on Route 9.",
    "Section 4 of the act applies.",
    "Article 12 guarantees the right.",
    "The 5G network was switched on.",
    "The Line 2 extension was delayed.",
    "The case is Writ Petition No. 4471 of 2022.",
    "The Budget 2024 speech was delayed.",
    "The 2013 Act was repealed.",
    "The building is Grade II listed.",
    "The file LH-GA-2023-117 was missing.",
    "The H-3 visa was refused.",
    "Hallbach 1921 won the cup.",
    "The F-35 jets flew over.",
    "The trial was held at Court 3.",
    "Flight BA117 was diverted.",
    # street numbers, phone numbers, pages
    "The shop is at 88 Nathan Road.",
    "The block is at Hauptstraße 17.",
    "Call the hotline on 2345 6789.",
    "She lives at 12 Baker Street.",
    "Turn to page 42 for details.",
    # ages
    "Tommy Wan, 58, was arrested.",
    "Children aged between five and 12 were tested.",
    "A 23-year-old detainee died.",
    "The boy, 12, was unhurt.",
    "A seven-year-old girl was hurt.",
    # vague quantities, "one", doubling
    "Dozens of residents protested.",
    "Hundreds of workers walked out.",
    "Tens of thousands of people marched.",
    "Thousands of jobs are at risk.",
    "Millions of people watched.",
    "Several officers were injured.",
    "A few weeks later the plan was dropped.",
    "The pump had failed more than once.",
    "Complaints more than doubled.",
    "Prices doubled.",
    "There were no deaths.",
    "One of them was later released.",
    "One customer complained.",
    "He is one of the few who stayed.",
    "Many of the victims were elderly.",
    "The removal of under-age soldiers – 13 to 17 year-olds – was promised.",
    "Men over the age of 55 were exempt.",
    "He is 40 years old and she is 38 years of age.",
    "Pupils under 16 need a parent's consent.",
    "Data for each year from 2000 to the present day.",
    "Over the past two months, the population grew.",
    "Over the preceding four months growth was limited.",
    "The hearing comes two weeks after the report was published.",
    "Measles has reached a 20-year high.",
    "(1) weaknesses in audit, (2) delays in discipline",
    "We are satisfied that section 44 of the Act applies.",
    "The board relied on s.12(1) and article 8.",
]


def test_enough_cases():
    assert len(POSITIVES) >= 150
    assert len(NEGATIVES) >= 50


@pytest.mark.parametrize(("text", "expected"), POSITIVES, ids=[t for t, _ in POSITIVES])
def test_statistic_spans(text: str, expected: list[str], rules: RuleSet):
    assert statistics(text, rules) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_a_statistic(text: str, rules: RuleSet):
    assert statistics(text, rules) == []
