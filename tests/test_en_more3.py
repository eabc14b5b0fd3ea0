"""English readings found wrong by a third probe (news, finance, sports, science lines and the
leftovers of the second probe); each case pins the general rule that fixed it."""
import pytest

import frontend


def spoken(text: str, lang: str = "en") -> str:
    return frontend.normalize(text, lang)


@pytest.mark.parametrize("text, expected", [
    ("Go to Room 101.", "Go to Room one oh one."),
    ("Flight 370 was delayed.", "Flight three seventy was delayed."),
    ("Room 2005 is next to Suite 1200.", "Room twenty oh five is next to Suite twelve hundred."),
    ("Take bus 42 to the station.", "Take bus forty-two to the station."),
    ("Call 911.", "Call nine one one."),
])
def test_room_and_flight_numbers_read_in_pairs(text, expected):
    # rooms, flights and routes are read in pairs (one oh one); phone-like codes stay digit by digit
    assert spoken(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He is 6' tall.", "He is six feet tall."),
    ("The wall is 1' thick.", "The wall is one foot thick."),
    ("She said 'I am 6' and left.", "She said 'I am six' and left."),
])
def test_lone_foot_mark_is_feet(text, expected):
    # a foot mark after a number and before a word is feet, unless a single quote was opened before it
    assert spoken(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("I love rock n' roll.", "I love rock n roll."),
    ("We ate fish 'n' chips.", "We ate fish n chips."),
])
def test_elided_and_is_no_prime(text, expected):
    assert spoken(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The meeting is at 9am.", "The meeting is at nine a m."),
    ("The train leaves at 7:05 p.m.", "The train leaves at seven oh five p m."),
    ("The train leaves at 7:05 p.m. Then we eat.", "The train leaves at seven oh five p m. Then we eat."),
    ("Meet at 5 p.m. tomorrow.", "Meet at five p m tomorrow."),
])
def test_clock_time_leaves_the_full_stop(text, expected):
    # a.m./p.m. closing a sentence must not swallow the sentence's full stop
    assert spoken(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("the 2024–25 season", "the twenty twenty-four to twenty-five season"),
    ("The 2023-24 season was long.", "The twenty twenty-three to twenty-four season was long."),
    ("In 1990–95 prices rose.", "In nineteen ninety to ninety-five prices rose."),
    ("Compute 15-9 now.", "Compute fifteen minus nine now."),
])
def test_year_and_short_later_year_is_a_span(text, expected):
    assert spoken(text) == expected


def test_vote_tally_is_no_subtraction():
    assert spoken("The bill passed 218–214.") == "The bill passed two hundred eighteen to two hundred fourteen."


@pytest.mark.parametrize("text, expected", [
    ("She finished in 2:15:30.", "She finished in two hours fifteen minutes thirty seconds."),
    ("The marathon record is 2:00:35.", "The marathon record is two hours thirty-five seconds."),
    ("Her time was 1:05:09 flat.", "Her time was one hour five minutes nine seconds flat."),
    ("The alarm went off at 10:15:30.", "The alarm went off at ten fifteen and thirty seconds."),
])
def test_hours_minutes_seconds_is_a_duration_unless_at_a_clock(text, expected):
    assert spoken(text) == expected
