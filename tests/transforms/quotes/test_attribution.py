"""Attribution patterns, each on sentences written for the test."""

import pytest

from pipelines.resources import DEFAULT_SPACY_MODEL
from pipelines.transforms.nlp import load_pipeline
from pipelines.transforms.quotes.attribution import EntityMention, attribute_quotes
from pipelines.transforms.quotes.cues import is_cue, sentence_end
from pipelines.transforms.quotes.spans import find_quotes
from tests.parses import hand_parsed


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(DEFAULT_SPACY_MODEL)


PEOPLE = {
    "Dana Whitfield": "PERSON",
    "Whitfield": "PERSON",
    "Omar Haddad": "PERSON",
    "Haddad": "PERSON",
    "Harbor Transit Authority": "ORG",
    "Lena Park": "PERSON",
}


def mentions(text):
    found = []
    for surface, kind in PEOPLE.items():
        start = text.find(surface)
        while start >= 0:
            name = {"Whitfield": "Dana Whitfield", "Haddad": "Omar Haddad"}.get(surface, surface)
            overlaps = any(m.start <= start < m.end for m in found)
            if not overlaps:
                found.append(EntityMention(start, start + len(surface), name[:3], name, kind))
            start = text.find(surface, start + 1)
    return sorted(found, key=lambda m: m.start)


def attribute(nlp, text):
    quotes = find_quotes(text)
    return [
        (text[q.start : q.end][:20], a.speaker.name if a.speaker else None, a.cue, a.method)
        for q, a in zip(
            quotes, attribute_quotes(text, nlp(text), quotes, mentions(text)), strict=True
        )
    ]


def test_quote_then_name_said(nlp):
    text = "“The ferry will run all winter,” Whitfield said on Monday."
    assert attribute(nlp, text) == [("The ferry will run a", "Dana Whitfield", "said", "explicit")]


def test_said_then_name_inverted(nlp):
    text = "“The ferry will run all winter,” said Omar Haddad, a deckhand."
    assert attribute(nlp, text) == [("The ferry will run a", "Omar Haddad", "said", "explicit")]


def test_name_said_then_quote(nlp):
    text = "Lena Park said, “Nobody asked the riders first.”"
    assert attribute(nlp, text) == [("Nobody asked the rid", "Lena Park", "said", "explicit")]


@pytest.mark.parametrize("verb", ["told", "added", "explained", "warned", "wrote", "vowed"])
def test_other_reporting_verbs(nlp, verb):
    text = f"“Fares will rise next year,” Haddad {verb} reporters."
    assert attribute(nlp, text)[0][1:] == ("Omar Haddad", verb, "explicit")


def test_according_to(nlp):
    text = "The budget is “short by millions of dollars,” according to Lena Park."
    assert attribute(nlp, text) == [
        ("short by millions of", "Lena Park", "according to", "explicit")
    ]


def test_name_with_role_appositive(nlp):
    text = "“We need more buses,” Omar Haddad, the union president, said."
    assert attribute(nlp, text)[0][1:] == ("Omar Haddad", "said", "explicit")


def test_colon_lead_in(nlp):
    text = "Dana Whitfield spoke at the pier. Whitfield said:\n\n“The ferry stays.”"
    assert attribute(nlp, text) == [("The ferry stays.", "Dana Whitfield", "said", "colon")]


def test_pronoun_resolves_to_main_subject_not_nearest_name(nlp):
    text = (
        "Dana Whitfield was asked what would happen if Haddad were fired.\n\n"
        "“Nothing would change,” she said."
    )
    assert attribute(nlp, text) == [("Nothing would change", "Dana Whitfield", "said", "pronoun")]


def test_continuation_paragraph_takes_previous_speaker(nlp):
    text = (
        "“The ferry will run all winter,” Whitfield said.\n\n“It will also stop at the new pier.”"
    )
    assert [r[1:] for r in attribute(nlp, text)] == [
        ("Dana Whitfield", "said", "explicit"),
        ("Dana Whitfield", None, "continuation"),
    ]


def test_organization_as_speaker(nlp):
    text = (
        "The Harbor Transit Authority raised fares. The agency posted a notice, urging "
        "riders to “plan ahead for the winter schedule changes.”"
    )
    assert attribute(nlp, text)[0][1:] == ("Harbor Transit Authority", "urging", "explicit")


def test_scare_quote_without_speaker_stays_unattributed(nlp):
    text = "The “world-class” pier has been closed since 2019."
    assert attribute(nlp, text) == [("world-class", None, None, "none")]


def test_cue_with_unnamed_subject_is_not_guessed(nlp):
    text = "Lena Park left early. A bystander said, “It was chaos.”"
    assert attribute(nlp, text) == [("It was chaos.", None, "said", "none")]


def test_interrupted_quotation_shares_its_attribution(nlp):
    text = "“The ferry will run all winter,” said Omar Haddad. “It will also stop at the pier.”"
    assert [r[1:] for r in attribute(nlp, text)] == [
        ("Omar Haddad", "said", "explicit"),
        ("Omar Haddad", "said", "explicit"),
    ]


def test_quote_after_another_sentence_is_not_an_interruption(nlp):
    text = (
        "“The ferry will run all winter,” said Omar Haddad. Riders were unconvinced. "
        "Fares rose. “Nobody asked us.”"
    )
    assert [r[1] for r in attribute(nlp, text)] == ["Omar Haddad", None]


def test_name_label_before_a_colon(nlp):
    text = "Transit board chair Lena Park (D-Ohio): “Nobody asked the riders first.”"
    assert attribute(nlp, text)[0][1:] == ("Lena Park", ":", "colon")


def test_joint_label_names_nobody(nlp):
    text = "Lena Park and Omar Haddad: “Nobody asked the riders first.”"
    assert attribute(nlp, text)[0][1] is None


def test_inverted_cue_with_titles_before_the_name(nlp):
    text = (
        "“The ferry will run all winter,” said Deputy Transit Director Lena Park of the "
        "Harbor Transit Authority."
    )
    assert attribute(nlp, text)[0][1] == "Lena Park"


def test_surname_that_ner_missed_links_to_the_full_name(nlp):
    text = "Dana Whitfield runs the line.\n\n“The ferry will run all winter,” Whitfield said."
    found = [m for m in mentions(text) if m.name == "Dana Whitfield" and m.end < 20]
    quotes = find_quotes(text)
    result = attribute_quotes(text, nlp(text), quotes, found)
    assert result[0].speaker is not None and result[0].speaker.name == "Dana Whitfield"


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("Sen. Lena Park said.", 3, False),
        ("It was J. Doe.", 8, False),
        ("He moved to the U.S. and left.", 19, False),
        ("He left. Then he came back.", 7, True),
        ("Doe spoke in Wash. on Monday.", 17, False),
        ("It ends here.", 12, True),
    ],
)
def test_sentence_end_skips_abbreviations(text, index, expected):
    assert text[index] == "."
    assert sentence_end(text, index) is expected


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Lena Park pointed out that fares rose.", "pointed"),
        ("Lena Park issued a statement on fares.", "issued"),
        ("Lena Park exclaimed that fares rose.", "exclaimed"),
        ("Lena Park barked that fares rose.", "barked"),
    ],
)
def test_reporting_verb_forms(nlp, sentence, cue):
    assert [t.text for t in nlp(sentence) if is_cue(t)] == [cue]


def test_second_quote_with_its_own_unknown_verb_does_not_inherit(nlp):
    text = "“It will run,” Whitfield said. “All winter?” Haddad harrumphed loudly."
    assert [r[1] for r in attribute(nlp, text)] == ["Dana Whitfield", None]


def test_indefinite_subject_is_a_description_not_a_named_speaker(nlp):
    text = "Lena Park left. “It was chaos,” said one Harbor Transit Authority official."
    assert attribute(nlp, text)[0][1] is None


def test_question_quote_then_inverted_attribution(nlp):
    text = "“Will the ferry run all winter?” Whitfield asked on Monday."
    assert attribute(nlp, text)[0][1:] == ("Dana Whitfield", "asked", "explicit")


def test_pronoun_antecedent_may_be_a_surname_ner_missed(nlp):
    text = (
        "Dana Whitfield arrived. Omar Haddad spoke first.\n\n"
        "Whitfield disagreed. “It will run all winter,” she said."
    )
    full_names = [m for m in mentions(text) if " " in m.name and m.start < 40]
    quotes = find_quotes(text)
    result = attribute_quotes(text, nlp(text), quotes, full_names)
    assert (result[0].speaker.name, result[0].method) == ("Dana Whitfield", "pronoun")


def test_a_bare_lead_in_line_over_a_list_takes_who_spoke_just_before(nlp):
    text = (
        "On Monday, Dana Whitfield delivered remarks at the harbor.\n\n"
        "Here is what you missed:\n\n"
        "“The ferry will run all winter.”\n\n"
        "“We will hire forty crew.”"
    )
    assert attribute(nlp, text) == [
        ("The ferry will run a", "Dana Whitfield", None, "colon"),
        ("We will hire forty c", "Dana Whitfield", None, "continuation"),
    ]


def test_a_bare_lead_in_line_after_two_speakers_names_nobody(nlp):
    text = (
        "Dana Whitfield delivered remarks, and Omar Haddad gave a speech.\n\n"
        "Here is what you missed:\n\n"
        "“The ferry will run all winter.”"
    )
    assert attribute(nlp, text) == [("The ferry will run a", None, None, "none")]


def test_held_a_press_conference_is_a_reporting_event(nlp):
    sentence = "Omar Haddad held a press conference on Monday."
    assert [t.text for t in nlp(sentence) if is_cue(t)] == ["held"]


def describe(nlp, text):
    quotes = find_quotes(text)
    return [
        (a.speaker.name if a.speaker else None, a.description)
        for a in attribute_quotes(text, nlp(text), quotes, mentions(text))
    ]


def test_a_described_speaker_is_null_with_the_description(nlp):
    assert describe(nlp, "“Stay back,” the officer added.") == [(None, "the officer")]
    text = "“No comment,” a spokeswoman for the harbor said."
    assert describe(nlp, text) == [(None, "a spokeswoman for the harbor")]


def test_a_named_speaker_has_no_description(nlp):
    assert describe(nlp, "“Stay back,” Dana Whitfield said.") == [("Dana Whitfield", None)]


def test_according_to_at_the_start_of_a_sentence(nlp):
    text = "According to Omar Haddad, “the ferry will run all winter.”"
    assert attribute(nlp, text)[0][1:3] == ("Omar Haddad", "according to")


def test_the_cue_the_quotation_hangs_from_wins_over_a_nearer_one(nlp):
    # "reply" (a reporting verb) is nearer, but the quotation hangs from "said"
    text = "Dana Whitfield said the plan to reply to critics was “a good start.”"
    assert attribute(nlp, text)[0][1:3] == ("Dana Whitfield", "said")


def test_an_office_or_campaign_of_someone_is_described_not_someone_else(nlp):
    text = "The Harbor Transit Authority met. “No comment,” Whitfield’s office said."
    assert attribute(nlp, text)[0][1] is None


def test_a_name_in_apposition_to_a_role_is_the_speaker(nlp):
    text = "“We are ready,” the mayor’s chief of staff, Lena Park, said."
    assert attribute(nlp, text)[0][1] == "Lena Park"


def test_reported_is_a_reporting_verb(nlp):
    assert [t.text for t in nlp("The Harbor Gazette reported on Monday.") if is_cue(t)] == [
        "reported"
    ]


def test_a_trailing_participle_belongs_to_the_outer_speaker(nlp):
    text = (
        "Dana Whitfield told reporters that Omar Haddad was “too slow,” adding, "
        "“We will replace him.”"
    )
    assert [row[1] for row in attribute(nlp, text)] == ["Dana Whitfield", "Dana Whitfield"]


def test_a_quotation_sentence_continues_the_speaker_of_the_sentence_before(nlp):
    text = "Dana Whitfield announced the new schedule on Monday. “The ferry will run all winter.”"
    assert attribute(nlp, text) == [
        ("The ferry will run a", "Dana Whitfield", None, "continuation")
    ]


def test_a_quotation_sentence_after_a_sentence_without_a_speaker_stays_null(nlp):
    text = "The schedule changed on Monday. “The ferry will run all winter.”"
    assert attribute(nlp, text)[0][1] is None


def test_she_never_resolves_to_a_man_the_text_calls_mr(nlp):
    text = (
        "Lena Park met the press. Later Mr. Omar Haddad spoke about costs. "
        "“The ferry will run,” she said."
    )
    assert attribute(nlp, text)[0][1] == "Lena Park"


def test_he_still_resolves_to_the_nearest_main_subject(nlp):
    text = (
        "Lena Park met the press. Later Mr. Omar Haddad spoke about costs. "
        "“It costs more,” he said."
    )
    assert attribute(nlp, text)[0][1] == "Omar Haddad"


def test_a_quotation_in_someones_claim_is_theirs(nlp):
    text = "The Harbor Transit Authority disputed Whitfield’s claim that fares were “too high.”"
    assert attribute(nlp, text)[0][1] == "Dana Whitfield"


def test_passive_cue_takes_the_agent_never_the_subject(nlp):
    text = "Whitfield was asked by Omar Haddad, “Will the ferry run?”"
    assert attribute(nlp, text)[0][1] == "Omar Haddad"


def test_a_name_after_a_cue_in_mid_sentence_is_its_object_not_the_speaker(nlp):
    text = "“It is over,” Lena, 58, told Harbor Transit Authority officials."
    assert attribute(nlp, text)[0][1] != "Harbor Transit Authority"


def test_non_reporting_uses_of_reporting_lemmas(nlp):
    assert [t.text for t in nlp("Dana Whitfield called for calm.") if is_cue(t)] == []
    declined = [t.text for t in nlp("Omar Haddad declined to comment.") if is_cue(t)]
    assert "comment" not in declined
    assert [t.text for t in nlp("The self-described leader left.") if is_cue(t)] == []


def test_by_saying_climbs_to_the_clause_subject(nlp):
    text = "Dana Whitfield ended the meeting by saying the plan was “a good start.”"
    assert attribute(nlp, text)[0][1] == "Dana Whitfield"


def test_a_pronoun_in_the_next_paragraph_is_the_speaker_of_the_quotation_before(nlp):
    # the nearest main subject is Omar Haddad; the last quotation is Dana Whitfield's
    text = (
        "Omar Haddad opened the hearing.\n\n"
        "According to Dana Whitfield, “the ferry will run.”\n\n"
        "“We will hire crew,” she added."
    )
    assert [row[1] for row in attribute(nlp, text)] == ["Dana Whitfield", "Dana Whitfield"]


def test_plural_they_is_nobody_in_particular(nlp):
    text = "Dana Whitfield and Omar Haddad met. “We agree,” they said."
    assert attribute(nlp, text)[0][1] is None


def test_an_inverted_name_after_an_organization_in_the_title(nlp):
    text = (
        "“We seized the domains,” said Harbor Transit Authority Special Agent in Charge Lena Park."
    )
    assert attribute(nlp, text)[0][1:3] == ("Lena Park", "said")


def test_a_name_in_apposition_to_a_capitalized_title(nlp):
    # a regression test: the one-person-in-the-subject rule also covers this case
    text = "Norland's Prime Minister, Lena Park, said the boats were “not welcome.”"
    assert attribute(nlp, text)[0][1] == "Lena Park"


def test_a_dateline_place_is_never_the_speaker(nlp):
    text = "“Trade will resume,” LAGOS said."
    doc = nlp(text)
    start = text.index("LAGOS")
    found = [EntityMention(start, start + 5, "g" * 16, "Lagos", "GPE")]
    [result] = attribute_quotes(text, doc, find_quotes(text), found)
    assert result.speaker is None


def test_a_crowd_chant_or_shout_has_no_speaker(nlp):
    assert describe(nlp, "“No more fares!” the crowd chanted outside.")[0][0] is None
    assert describe(nlp, "“No more fares!” protesters shouted.") == [(None, "protesters")]


def test_as_someone_put_it(nlp):
    text = "As Whitfield put it, “The ferry is late.”"
    assert attribute(nlp, text) == [("The ferry is late.", "Dana Whitfield", "put", "explicit")]
    # "put" without "as … it" reports nothing.
    assert [t.text for t in nlp("Whitfield put it on the table.") if is_cue(t)] == []


def test_cue_right_after_the_quotation_wins_over_a_cue_it_seems_to_hang_from(nlp):
    # the parser hangs "said" under "suggest"; "These" is the data, not a speaker
    text = (
        "These results suggest that the ferry is “a promising route for the winter,” "
        "the Harbor Transit Authority said in a statement."
    )
    assert attribute(nlp, text)[0][1:] == ("Harbor Transit Authority", "said", "explicit")


def test_organization_noun_with_a_common_noun_modifier(nlp):
    text = (
        "The Harbor Transit Authority opened the pier. “The route is open to all,” "
        "the transit agency said."
    )
    assert attribute(nlp, text)[0][1:] == ("Harbor Transit Authority", "said", "explicit")


def test_definite_role_description_refers_to_the_person_just_named(nlp):
    text = (
        "Sen. Dana Whitfield spoke at the pier on Monday.\n\n"
        "“The ferry will run all winter,” the senator said."
    )
    assert attribute(nlp, text)[0][1:] == ("Dana Whitfield", "said", "pronoun")


def test_definite_role_description_does_not_reach_far_back(nlp):
    far = "The pier was built in 1920.\n\nIt was rebuilt twice.\n\nBoats still dock there.\n\n"
    text = f"Sen. Dana Whitfield spoke at the pier.\n\n{far}“It floods,” the senator said."
    assert attribute(nlp, text)[0][1:] == (None, "said", "none")


@pytest.mark.parametrize("verb", ["remembered", "questioned", "denounced", "chided"])
def test_more_reporting_verbs(nlp, verb):
    text = f"“Fares will rise next year,” Haddad {verb}."
    assert attribute(nlp, text)[0][1:] == ("Omar Haddad", verb, "explicit")


def test_name_and_age_before_the_cue_when_the_parser_hangs_them_elsewhere(nlp):
    text = (
        "“Basically all of my friends are with the union — overwhelmingly so,” Haddad, 49, "
        "told the Gazette."
    )
    assert attribute(nlp, text)[0][1:] == ("Omar Haddad", "told", "explicit")


def test_a_later_quotation_of_the_paragraph_after_a_sentence_naming_nobody(nlp):
    text = (
        "“Those are some very small towns,” Haddad said. They also lie far from the coast. "
        "“That is a tough area.”"
    )
    assert [r[1] for r in attribute(nlp, text)] == ["Omar Haddad", "Omar Haddad"]


def test_attribution_sentence_after_a_period_inside_the_marks(nlp):
    text = "Fares went up.\n\n“The ferry will run all winter.” Whitfield said.\n\nIt did."
    assert attribute(nlp, text)[0][1:] == ("Dana Whitfield", "said", "explicit")


def test_a_long_sentence_after_a_period_inside_the_marks_is_not_an_attribution(nlp):
    text = (
        "“The ferry will run all winter.” Whitfield said the pier would also be repaired "
        "before the first storms of the season reach the coast."
    )
    assert attribute(nlp, text)[0][1] is None


def test_a_pronoun_never_means_a_person_the_article_calls_by_the_other_pronoun(nlp):
    text = (
        "Omar Haddad founded the ferry line.\n\n"
        "Lena Park runs it now. She bought two boats.\n\n"
        "“It is a good year,” he said."
    )
    assert attribute(nlp, text)[0][1] == "Omar Haddad"


def test_a_pronoun_after_a_sentence_naming_one_person_means_that_person(nlp):
    text = (
        "Dana Whitfield leads the union.\n\n"
        "For Haddad, the fares are not the point. “Nobody asked the riders,” he said."
    )
    assert attribute(nlp, text)[0][1:] == ("Omar Haddad", "said", "pronoun")


def test_a_person_beside_a_pronoun_subject_is_not_the_next_pronoun(nlp):
    text = (
        "“We are ready,” Dana Whitfield said.\n\n"
        "She called on Haddad to keep the pier open. “We cannot leave them,” she said."
    )
    assert attribute(nlp, text)[1][1] == "Dana Whitfield"


def test_a_pronoun_follows_the_same_pronoun_back_to_its_person(nlp):
    text = (
        "Lena Park spoke first.\n\n"
        "For Haddad, the fares are not the point. He noted that the boats are old. "
        "He added that “nobody asked the riders.”"
    )
    assert attribute(nlp, text)[0][1:] == ("Omar Haddad", "added", "pronoun")


def test_according_to_names_its_own_object_not_a_name_further_on(nlp):
    text = (
        "Omar Haddad said that according to its count, the Harbor Transit Authority "
        "carried “more riders than ever.”"
    )
    assert attribute(nlp, text)[0][1] != "Harbor Transit Authority"
    text = "The ferry is “late again,” according to Gov. Lena Park."
    assert attribute(nlp, text)[0][1:] == ("Lena Park", "according to", "explicit")


def test_the_name_before_the_cue_is_not_one_inside_its_aside(nlp):
    text = (
        "“It is not the position that everything is fine,” Omar Haddad, a top outside "
        "Whitfield adviser, said at a recent event."
    )
    assert attribute(nlp, text)[0][1:] == ("Omar Haddad", "said", "explicit")


def test_a_name_after_a_fronted_phrase_and_a_role_before_the_cue(nlp):
    # the parser hangs both names as appositions of "wife": "said" has no subject
    text = (
        "At a rally for his wife, Lena Park, former mayor Omar Haddad said she was "
        "qualified because “the winters are long.”"
    )
    assert attribute(nlp, text)[0][1:] == ("Omar Haddad", "said", "explicit")


def test_a_statement_noun_after_a_support_verb_leads_in_with_a_colon(nlp):
    text = "Whitfield delivered a blunt message to the board: “The ferry stays.”"
    assert attribute(nlp, text) == [("The ferry stays.", "Dana Whitfield", "delivered", "explicit")]


def test_a_question_closing_its_sentence_lets_the_next_quotation_continue(nlp):
    text = (
        "“Who pays for it?” Whitfield said, pointing at the harbor. "
        "“Why would we wait another winter?” The next vote is set for May."
    )
    assert [a[1:] for a in attribute(nlp, text)] == [
        ("Dana Whitfield", "said", "explicit"),
        ("Dana Whitfield", "said", "explicit"),
    ]


def test_a_question_followed_by_its_own_speaker_is_not_continued(nlp):
    text = "“Who pays for it?” Whitfield said. “Why would we wait?” Haddad asked."
    assert [a[1] for a in attribute(nlp, text)] == ["Dana Whitfield", "Omar Haddad"]


def test_a_cue_the_parser_joins_to_a_reported_clause_about_a_thing_is_the_reporters(nlp):
    text = "Whitfield said the plan was late but added, “We will finish it.”"
    assert attribute(nlp, text)[0][1:] == ("Dana Whitfield", "added", "explicit")


def test_a_cue_joined_to_a_reported_clause_about_a_person_stays_that_persons(nlp):
    text = "Whitfield said Haddad was late and added a note: “We will finish it.”"
    assert attribute(nlp, text)[0][1] == "Omar Haddad"


def test_a_speaker_the_quotation_hangs_from_wins_over_according_to(nlp):
    text = "According to Harbor Transit Authority records, Whitfield said “there is hope” then."
    assert attribute(nlp, text)[0][1:] == ("Dana Whitfield", "said", "explicit")


def test_a_cue_right_after_the_quotation_wins_over_according_to(nlp):
    text = (
        "According to Harbor Transit Authority records, the line closed. "
        "“We stand with you,” Haddad told the riders."
    )
    assert attribute(nlp, text)[0][1:] == ("Omar Haddad", "told", "explicit")


def test_according_to_still_names_a_quotation_no_verb_attributes(nlp):
    text = "According to Lena Park, “the ferry stays.”"
    assert attribute(nlp, text)[0][1:] == ("Lena Park", "according to", "explicit")


def test_a_conjoined_cue_after_a_reporting_verb_stays_its_subjects(nlp):
    text = (
        "Whitfield vowed to fight the closure and has also said he will “fight back” "
        "against the board, Lena Park reported."
    )
    assert attribute(nlp, text)[0][1] == "Dana Whitfield"


def test_a_question_after_a_colon_lead_in_keeps_the_lead_in_speaker(nlp):
    text = (
        "Whitfield, exasperated, famously responded: “What difference does it make?” "
        "Her critics cited it as evidence."
    )
    assert attribute(nlp, text) == [
        ("What difference does", "Dana Whitfield", "responded", "explicit")
    ]


def test_the_person_ending_an_inverted_clause_whatever_the_parse():
    # the parse of a real sentence: the name hangs as an object from "ranking"
    rows = [
        ("“", False, "``", "PUNCT", "punct", 3),
        ("Ready", False, "JJ", "ADJ", "ccomp", 5),
        (",", False, ",", "PUNCT", "punct", 5),
        ("”", True, "''", "PUNCT", "punct", 5),
        ("said", True, "VBD", "VERB", "ROOT", 5),
        ("Oversight", True, "NN", "NOUN", "npadvmod", 6),
        ("ranking", True, "VBG", "VERB", "ccomp", 4),
        ("Democrat", True, "NNP", "PROPN", "compound", 9),
        ("Omar", True, "NNP", "PROPN", "compound", 9),
        ("Haddad", True, "NNP", "PROPN", "dobj", 6),
        ("(", False, "-LRB-", "PUNCT", "punct", 9),
        ("D-Md.", False, "NNP", "PROPN", "appos", 9),
        (")", False, "-RRB-", "PUNCT", "punct", 9),
        (".", False, ".", "PUNCT", "punct", 4),
    ]
    doc = hand_parsed(rows, {"said": "say"}, ["O"] * 7 + ["B-NORP"] + ["O"] * 6)
    quotes = find_quotes(doc.text)
    text = doc.text
    mentions = [
        EntityMention(text.index("Democrat"), text.index(" Omar"), "Dem", "Democrats", "NORP"),
        EntityMention(text.index("Omar"), text.index(" ("), "Oma", "Omar Haddad", "PERSON"),
    ]
    (attribution,) = attribute_quotes(doc.text, doc, quotes, mentions)
    assert (attribution.speaker.name, attribution.cue) == ("Omar Haddad", "said")


def test_a_subjectless_participle_opening_a_sentence_continues_the_speaker(nlp):
    text = (
        "Later in the show, after the interview ended, Whitfield stated of the scandal that "
        "the report “wasn’t good.” Adding, “Now, like with all scandals, what they do is "
        "never that.”"
    )
    assert [a[:2] for a in attribute(nlp, text)] == [
        ("wasn’t good.", "Dana Whitfield"),
        ("Now, like with all s", "Dana Whitfield"),
    ]


def test_a_participle_clause_after_a_quotation_is_not_its_attribution(nlp):
    text = (
        "“Ferries must run. Crews must be paid,” said Dana Whitfield, chair of the board. "
        "“Haddad has to do the two-step” - increasing his name recognition and then "
        "convincing voters he can deliver."
    )
    assert [a[:2] for a in attribute(nlp, text)] == [
        ("Ferries must run. Cr", "Dana Whitfield"),
        ("Haddad has to do the", "Dana Whitfield"),
    ]


def test_shot_back_is_a_cue_whatever_the_particle_was_parsed_as(nlp):
    text = "After Omar Haddad criticized the plan, Whitfield shot back, “That is not true.”"
    assert [a[:2] for a in attribute(nlp, text)] == [("That is not true.", "Dana Whitfield")]


def test_a_negated_reporting_verb_does_not_give_its_subject_the_words(nlp):
    text = (
        "Haddad asked the board to fire Whitfield for not calling the crash an act of "
        "“gross negligence.”"
    )
    assert [a[1] for a in attribute(nlp, text)] != ["Dana Whitfield"]


def test_continue_to_be_is_not_a_report(nlp):
    text = "Haddad said he is certain Whitfield will continue to be “a strong voice for ferries.”"
    assert [a[:2] for a in attribute(nlp, text)] == [("a strong voice for f", "Omar Haddad")]


def test_a_label_starts_after_the_paragraphs_last_quotation(nlp):
    text = "Whitfield: “We will run the ferry all winter.” Haddad: “We will not.”"
    assert [a[:2] for a in attribute(nlp, text)] == [
        ("We will run the ferr", "Dana Whitfield"),
        ("We will not.", "Omar Haddad"),
    ]


def test_a_subject_is_never_taken_across_a_paragraph_break():
    # a real parse: the headline ending in a period is joined to the first sentence, its
    # noun a second subject of "released"
    rows = [
        ("Haddad", True, "NNP", "PROPN", "compound", 1),
        ("issues", True, "NNS", "NOUN", "nsubj", 7),
        ("apology", False, "NN", "NOUN", "appos", 1),
        (".", False, ".", "PUNCT", "punct", 1),
        ("\n\n", False, "_SP", "SPACE", "dep", 3),
        ("The", True, "DT", "DET", "det", 6),
        ("Authority", True, "NNP", "PROPN", "nsubj", 7),
        ("released", True, "VBD", "VERB", "ROOT", 7),
        ("a", True, "DT", "DET", "det", 9),
        ("statement", False, "NN", "NOUN", "dobj", 7),
        (",", True, ",", "PUNCT", "punct", 7),
        ("offering", True, "VBG", "VERB", "advcl", 7),
        ("“", False, "``", "PUNCT", "punct", 15),
        ("a", True, "DT", "DET", "det", 15),
        ("deep", True, "JJ", "ADJ", "amod", 15),
        ("apology", False, "NN", "NOUN", "dobj", 11),
        ("”", False, "''", "PUNCT", "punct", 15),
        (".", False, ".", "PUNCT", "punct", 7),
    ]
    doc = hand_parsed(rows, {"released": "release", "offering": "offer"})
    text = doc.text
    mentions = [
        EntityMention(0, len("Haddad"), "Oma", "Omar Haddad", "PERSON"),
        EntityMention(text.index("Authority"), text.index(" released"), "Har",
                      "Harbor Transit Authority", "ORG"),
    ]  # fmt: skip
    (attribution,) = attribute_quotes(text, doc, find_quotes(text), mentions)
    assert (attribution.speaker.name, attribution.cue) == ("Harbor Transit Authority", "released")


def test_the_owner_in_a_possessive_subject_is_not_the_speaker(nlp):
    text = (
        "Whitfield’s campaign manager said he expects her to be “a member of the party for life.”"
    )
    assert [a[1] for a in attribute(nlp, text)] == [None]
    text = "The Harbor Transit Authority’s agent in charge Lena Park said “the ferry is late.”"
    assert [a[1] for a in attribute(nlp, text)] == ["Lena Park"]


def test_asked_by_someone_gives_the_question_to_the_asker(nlp):
    text = "Asked by Whitfield if Haddad “would run the ferry,” the board avoided an answer."
    assert [a[:3] for a in attribute(nlp, text)] == [
        ("would run the ferry", "Dana Whitfield", "Asked")
    ]


def test_a_short_lead_in_clause_without_a_reporting_verb_names_its_subject(nlp):
    text = (
        "“We will close the terminal,” said Omar Haddad, head of the union. "
        "Whitfield resisted: “The ferry will run all winter.”"
    )
    assert [a[1:] for a in attribute(nlp, text)] == [
        ("Omar Haddad", "said", "explicit"),
        ("Dana Whitfield", None, "colon"),
    ]
