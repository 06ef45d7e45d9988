"""The plain-English check: reading scores against counts made by hand, and each rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from reformkit.plain import (
    PlainWords,
    Scores,
    TextContext,
    WordListError,
    check_text,
    load_words,
    scores,
    syllables,
)
from reformkit.plain.finding import ACRONYM, JARGON, LONG_SENTENCE, PASSIVE, WORD_TO_AVOID

WORDS = PlainWords.bundled()


def flesch(words: int, sentences: int, syllables: int) -> tuple[float, float]:
    """Reading ease and grade from hand counts, by the published formulas."""
    ease = 206.835 - 1.015 * words / sentences - 84.6 * syllables / words
    grade = 0.39 * words / sentences + 11.8 * syllables / words - 15.59
    return ease, grade


def assert_counts(text: str, words: int, sentences: int, syllables: int) -> Scores:
    counted = scores(text)
    assert (counted.words, counted.sentences, counted.syllables) == (words, sentences, syllables)
    ease, grade = flesch(words, sentences, syllables)
    assert counted.reading_ease == pytest.approx(ease)
    assert counted.grade == pytest.approx(grade)
    assert counted.reading_age == pytest.approx(max(5.0, grade + 5))
    return counted


def test_one_short_sentence() -> None:
    """ "The cat sat on the mat."

    Words 6 (the, cat, sat, on, the, mat); sentences 1; syllables 6, one a word.
    Ease 206.835 − 1.015 × 6 − 84.6 × 1 = 116.1; grade 0.39 × 6 + 11.8 − 15.59 = −1.45,
    so the reading age is the floor, 5.
    """
    counted = assert_counts("The cat sat on the mat.", 6, 1, 6)
    assert counted.reading_ease == pytest.approx(116.145)
    assert counted.reading_age == 5.0


def test_two_plain_sentences() -> None:
    """ "We will review the plan every year. Residents can tell us what to change."

    Words 7 + 7 = 14; sentences 2; syllables: we 1, will 1, re-view 2, the 1, plan 1,
    ev-er-y 3, year 1 (10) + res-i-dents 3, can 1, tell 1, us 1, what 1, to 1, change 1
    (9) = 19. Ease 206.835 − 1.015 × 7 − 84.6 × 19/14 = 84.9; grade 3.15, age 8.
    """
    counted = assert_counts(
        "We will review the plan every year. Residents can tell us what to change.", 14, 2, 19
    )
    assert round(counted.reading_ease, 1) == 84.9 and round(counted.reading_age) == 8


def test_dense_jargon() -> None:
    """ "Collaborative commissioning facilitates integrated community provision."

    Words 6; sentences 1; syllables: col-lab-o-ra-tive 5, com-mis-sion-ing 4,
    fa-cil-i-tates 4, in-te-grat-ed 4, com-mu-ni-ty 4, pro-vi-sion 3 = 24.
    Ease 206.835 − 6.09 − 84.6 × 4 = −137.7 (far below any readable text); grade 33.95.
    """
    counted = assert_counts(
        "Collaborative commissioning facilitates integrated community provision.", 6, 1, 24
    )
    assert counted.reading_ease < 0


def test_acronyms_and_a_comma() -> None:
    """ "Staff told us they feel checked on, not trusted. The NHS pays for it."

    Words 9 + 5 = 14; sentences 2 (the comma ends none); syllables: one a word but
    trust-ed 2 (10) and NHS read as three letters, en-aitch-ess 3 (7) = 17.
    Ease 206.835 − 7.105 − 84.6 × 17/14 = 97.0.
    """
    counted = assert_counts(
        "Staff told us they feel checked on, not trusted. The NHS pays for it.", 14, 2, 17
    )
    assert round(counted.reading_ease, 1) == 97.0


@pytest.mark.parametrize(
    ("word", "count"),
    [("people", 2), ("table", 2), ("walked", 1), ("wanted", 2), ("co-produce", 3), ("ICB", 3)],
)
def test_syllables_of_words_the_dictionary_does_not_split(word: str, count: int) -> None:
    assert syllables(word) == count


def test_sentences_split_at_full_stops_and_lines_but_not_abbreviations() -> None:
    counted = scores("See p.13, e.g. the Board. A title\nA list entry")
    assert counted.sentences == 3


def rules(text: str, **context: object) -> list[tuple[str, str]]:
    found = check_text(text, TextContext(WORDS, **context))  # type: ignore[arg-type]
    return [(f.rule, text[f.start : f.end]) for f in found]


def test_a_sentence_over_25_words_is_long_and_one_of_25_is_not() -> None:
    twenty_five = " ".join(["word"] * 25) + "."
    assert rules(twenty_five) == []
    long = " ".join(["word"] * 26) + ". Short one."
    assert rules(long) == [(LONG_SENTENCE, " ".join(["word"] * 26) + ".")]


def test_a_passive_that_hides_who_acts() -> None:
    assert rules("The plan was agreed last year.") == [(PASSIVE, "was agreed")]
    assert rules("Plans are not written in time.") == [(PASSIVE, "are not written")]
    assert rules("The plan was agreed by the Board.") == []
    assert rules("Our lives are complicated.") == []  # an adjective, not a passive
    assert rules("The money is spent, and nobody knows.") == [(PASSIVE, "is spent")]


def test_words_to_avoid_with_their_forms_and_exceptions() -> None:
    found = rules("We will leverage robust data and facilitated meetings going forward.")
    assert found == [
        (WORD_TO_AVOID, "leverage"),
        (WORD_TO_AVOID, "robust"),
        (WORD_TO_AVOID, "facilitated"),
        (WORD_TO_AVOID, "going forward"),
    ]
    assert rules("Ask your key worker.") == []
    assert rules("The impact was clear.") == []  # "impact" is only a problem as a verb
    assert rules("It will impact families.") == [(WORD_TO_AVOID, "impact")]


def test_each_finding_says_what_why_and_what_instead() -> None:
    (finding,) = check_text("We utilise it.", TextContext(WORDS, part_id="p1", field="text"))
    assert "'utilise'" in finding.message and finding.why
    assert finding.suggestion == "Write: use."
    assert (finding.part_id, finding.field) == ("p1", "text")


def test_jargon_only_where_citizens_read() -> None:
    text = "A place-based plan with earned autonomy and a Total Place+ budget."
    assert rules(text) == []
    assert rules(text, citizens_read=True) == [
        (JARGON, "place-based"),
        (JARGON, "earned autonomy"),
        (JARGON, "Total Place+"),
    ]


def test_an_acronym_is_reported_at_first_use_unless_spelled_out() -> None:
    assert rules("The ICB and the ICB again.") == [(ACRONYM, "ICB")]
    assert rules("The Integrated Care Board (ICB) meets. The ICB decides.") == []
    assert rules("The SEIF (Service Experimentation and Innovation Fund) pays.") == []
    assert rules("The NHS and the UK.") == []  # on the allow-list
    assert rules("The ICB meets.", known=frozenset({"ICB"})) == []


def test_a_user_list_extends_and_overrides_the_bundled_one(tmp_path: Path) -> None:
    user = tmp_path / "plain_english.toml"
    user.write_text(
        'known_acronyms = ["ICB"]\n\n'
        '[[word]]\nword = "utilise"\ninstead = "use (our house style)"\n\n'
        '[[word]]\nword = "paradigm"\ninstead = "model, way of working"\n',
        "utf-8",
    )
    words = load_words(user)
    found = check_text("A paradigm the ICB will utilise.", TextContext(words))
    assert [f.suggestion for f in found] == [
        "Write: model, way of working.",
        "Write: use (our house style).",
    ]
    assert len(words.avoid) == len(WORDS.avoid) + 1
    assert load_words(tmp_path / "absent.toml") == WORDS


def test_a_broken_user_list_says_which_file(tmp_path: Path) -> None:
    user = tmp_path / "plain_english.toml"
    user.write_text("[[word]]\nword = 3\n", "utf-8")
    with pytest.raises(WordListError, match="'word' and 'instead'"):
        load_words(user)
    user.write_text("not toml [", "utf-8")
    with pytest.raises(WordListError, match=r"plain_english\.toml"):
        load_words(user)


def test_a_long_hard_clause_is_hard_to_read_and_a_plain_one_is_not() -> None:
    hard = (
        "Collaborative commissioning enables integrated community provision, "
        "institutionalising organisational accountability across interdependent "
        "multiagency partnerships, notwithstanding considerable implementation "
        "variability, organisational complexity and institutional "
        "interdependencies."
    )
    assert [rule for rule, _ in rules(hard)] == ["hard-to-read"]
    assert rules(hard, prose=False) == []
    plain = "We will meet every month. We will tell you what we did and what we will do next."
    assert rules(plain * 2) == []
