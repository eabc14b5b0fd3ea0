"""English number classes (ctx.lang == "en"): compared without punctuation, case-insensitive."""
from __future__ import annotations

import pytest

import frontend
from scoring import frontend_case_key

CASES = [
    # cardinals, decimals, negatives
    ("There were 42 cats.", "there were forty-two cats"),
    ("It has 1,000,000 rows.", "it has one million rows"),
    ("About 3.75 liters of water.", "about three point seven five liters of water"),
    ("The value is -12.", "the value is minus twelve"),
    ("Subtract: x-2", "subtract x minus two"),
    ("Model F-16 jets.", "model F sixteen jets"),
    ("Only 0.5 of it.", "only zero point five of it"),
    ("We sold 2000 units.", "we sold two thousand units"),
    # ordinals
    ("He came 1st.", "he came first"),
    ("The 22nd floor.", "the twenty-second floor"),
    ("Her 101st birthday.", "her one hundred first birthday"),
    ("The 3rd and 4th rows.", "the third and fourth rows"),
    ("Room No. 5", "room number five"),
    # years and dates
    ("It happened in 1999.", "it happened in nineteen ninety-nine"),
    ("Since 2005 things changed.", "since two thousand five things changed"),
    ("Back in 1905.", "back in nineteen oh five"),
    ("By 2024 we expect it.", "by twenty twenty-four we expect it"),
    ("Music of the 1980s.", "music of the nineteen eighties"),
    ("Due on 3/15.", "due on march fifteenth"),
    ("Signed 2024-03-05.", "signed march fifth twenty twenty-four"),
    ("On March 3, 2021 we met.", "on march third twenty twenty-one we met"),
    ("Dated 12/25/2023.", "dated december twenty-fifth twenty twenty-three"),
    ("The 14th of February", "the fourteenth of february"),
    ("It ran from 1990-1995.", "it ran from nineteen ninety to nineteen ninety-five"),
    ("In Jan. 2020 it began.", "in january twenty twenty it began"),
    ("Around 300 BC.", "around three hundred BC"),
    # times
    ("Meet at 14:30.", "meet at fourteen thirty"),
    ("Wake at 7:05 am.", "wake at seven oh five a m"),
    ("Dinner at 6 p.m.", "dinner at six p m"),
    ("Lunch at 12:00.", "lunch at twelve o'clock"),
    ("The ratio is 3:2.", "the ratio is three to two"),
    # money
    ("It costs $1,280.50.", "it costs one thousand two hundred eighty dollars and fifty cents"),
    ("Just $1.", "just one dollar"),
    ("Only $0.99.", "only ninety-nine cents"),
    ("A €20 note.", "a twenty euro note"),  # probe 12: an amount naming a thing is attributive
    ("It was £3.20.", "it was three pounds and twenty pence"),
    ("Worth $2.5 million.", "worth two point five million dollars"),
    ("Paid ¥100.", "paid one hundred yuan"),
    ("HK$50 fee", "fifty Hong Kong dollars fee"),
    # percent, fraction, range
    ("Up 7.5%.", "up seven point five percent"),
    ("Add 3/4 cup.", "add three quarters cup"),
    ("About 1/2 of them.", "about a half of them"),
    ("Take 2/3 of it.", "take two thirds of it"),
    ("Wait 5-10 minutes.", "wait five to ten minutes"),
    ("Ages 6~12.", "ages six to twelve"),
    # measures
    ("A 5 km run.", "a five kilometer run"),  # attributive: singular (tests/test_leftovers.py)
    ("Drive at 60 km/h.", "drive at sixty kilometers per hour"),
    ("It is 1 kg.", "it is one kilogram"),
    ("Gravity is 9.8 m/s².", "gravity is nine point eight meters per second squared"),
    ("A 100 W bulb.", "a one hundred watt bulb"),  # attributive: singular
    ("Water boils at 100°C.", "water boils at one hundred degrees celsius"),
    ("Room of 20 m².", "room of twenty square meters"),
    ("There were 5 in the box.", "there were five in the box"),
    # scores and ratings
    ("The score was 3-2.", "the score was three to two"),
    ("Rated 4.5/5 stars.", "rated four point five out of five stars"),
    ("Top 10 tips for 2024", "top ten tips for twenty twenty-four"),
    ("Then 15-9 is six.", "then fifteen minus nine is six"),
    # phone numbers and codes, versions
    ("Call (212) 555-0134.", "call two one two five five five zero one three four"),
    ("Dial 800-555-1234 now.", "dial eight zero zero five five five one two three four now"),
    ("Version 3.10.2 is out.", "version three point ten point two is out"),
    ("Update to v2.0.", "update to version two point zero"),
    # roman numerals in context
    ("Read Chapter IV first.", "read chapter four first"),
    ("World War II ended.", "world war two ended"),
    ("King Henry VIII had six wives.", "king henry the eighth had six wives"),
    ("Elizabeth I ruled England.", "elizabeth the first ruled england"),
    ("I think I can.", "i think i can"),
    ("Washington DC is big.", "washington DC is big"),
    ("Super Bowl LVII was close.", "super bowl fifty-seven was close"),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_en_reading(text, expected):
    out = frontend.normalize(text, "en")
    assert frontend_case_key(out) == frontend_case_key(expected), out


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_en_output_has_no_digits(text, expected):
    out = frontend.normalize(text, "en")
    assert not any(ch.isdigit() for ch in out), out
