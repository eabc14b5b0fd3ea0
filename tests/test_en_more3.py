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
