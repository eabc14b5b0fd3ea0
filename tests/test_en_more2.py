"""English readings found wrong by a second probe of news, finance, sports, recipe, science and
school lines; each case pins the general rule that fixed it."""
import pytest

import frontend


def spoken(text: str, lang: str = "en") -> str:
    return frontend.normalize(text, lang)


@pytest.mark.parametrize("text, expected", [
    ("The ratio is 3 : 2.", "The ratio is three to two."),
    ("Mix at 1 : 2.5.", "Mix at one to two point five."),
])
def test_spaced_colon_is_ratio(text, expected):
    # a colon with a space on both sides is a ratio, and the sentence's full stop is no decimal point
    assert spoken(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("We met on the 3rd of May.", "We met on the third of May."),
    ("It ends on 1 June. Then we rest.", "It ends on the first of June. Then we rest."),
])
def test_full_month_name_keeps_full_stop(text, expected):
    # May./June. at a sentence end is no abbreviation: the full stop must survive
    assert spoken(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Add 15 L of water.", "Add fifteen liters of water."),
    ("Mix 1 1/2 tsp baking soda.", "Mix one and a half teaspoons baking soda."),
    ("Add 1 tbsp oil and 1/2 tsp salt.", "Add one tablespoon oil and half a teaspoon salt."),
])
def test_recipe_units(text, expected):
    assert spoken(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Dr. Smith lives on Baker St.", "Doctor Smith lives on Baker Street."),
    ("Mr. Jones met Dr. Lee at St. Paul's.", "Mister Jones met Doctor Lee at Saint Paul's."),
    ("He lives at 221B Baker St. They moved.", "He lives at two hundred twenty-one B Baker Street. They moved."),
    ("When Dr. Lee came, Mrs. Brown left.", "When Doctor Lee came, Missus Brown left."),
    ("Turn onto Elm Dr. and stop.", "Turn onto Elm Drive and stop."),
    ("She lives on 5th Ave., near Central Park.", "She lives on fifth Avenue, near Central Park."),
    ("Mt. Everest is high.", "Mount Everest is high."),
    ("Gen Z shoppers", "Gen Z shoppers"),
])
def test_titles_and_street_words(text, expected):
    # a title before a name, a street word after one; a street word's full stop may end the sentence
    assert spoken(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Open 24/7.", "Open twenty-four seven."),
    ("Use 3/4 of it.", "Use three quarters of it."),
])
def test_slash_idiom(text, expected):
    # 24/7 is an idiom read as two numbers, not twenty-four sevenths; other fractions stay fractions
    assert spoken(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Draw a 4x4 grid.", "Draw a four by four grid."),
    ("Cut a 2x4 board.", "Cut a two by four board."),
    ("Solve 2x+3=7", "Solve two x plus three equals seven"),
])
def test_dimensions_by(text, expected):
    # digits joined by a lowercase x are dimensions; 2x in a formula stays the variable x
    assert spoken(text) == expected
