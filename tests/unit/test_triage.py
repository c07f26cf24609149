"""Red flags by urgency: every sign in the tier a clinician would put it, each with a source,
listed the same way by the safety lesson, the squeeze test's pain result and the checks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gluteui import locations
from gluteui.core.content.load import ContentError, load_content
from gluteui.core.content.triage import TIER_IDS

BUNDLED = locations.content_dir()

# The audit's section 2 (content-audit-2.md), sign by sign: where each one belongs.
EXPECTED_TIER = {
    "saddle": "emergency", "bladder": "emergency", "leaking": "emergency", "sexual": "emergency",
    "both_legs": "emergency", "weakening": "emergency", "cannot_bear_weight": "emergency",
    "cancer_deficit": "emergency", "aneurysm": "emergency",
    "fever": "same_day", "hot_hip": "same_day",
    "femoral_neck": "soon", "sacral": "soon", "one_leg": "soon", "after_fall": "soon", "night": "soon",
    "cancer_weight": "soon", "outer_hip": "soon", "pregnancy": "soon",
    "inflammatory": "gp", "arterial": "gp",
}


@pytest.fixture(scope="module")
def content():
    return load_content(BUNDLED)


def test_every_sign_sits_in_the_tier_the_audit_gives_it(content):
    triage = content.triage
    for sign_id, tier in EXPECTED_TIER.items():
        assert triage.sign(sign_id).tier == tier, sign_id
    # The two the first audit put under "soon" are now urgent, in the words a runner uses.
    assert "fever" in triage.sign("fever").words
    assert "cannot stand or put weight" in triage.sign("cannot_bear_weight").words


def test_the_tiers_go_from_most_urgent_and_every_sign_has_a_source(content):
    triage = content.triage
    assert tuple(tier.id for tier in triage.tiers) == TIER_IDS
    for tier in triage.tiers:
        for sign in tier.signs:
            assert sign.sources and all(triage.sources[key].strip() for key in sign.sources), sign.id


@pytest.mark.parametrize("kind,soon", [
    ("back", {"sacral", "one_leg", "after_fall", "night", "cancer_weight"}),
    ("groin", {"femoral_neck", "after_fall"}),
    ("outer_hip", {"outer_hip", "after_fall"}),
    ("ongoing", {"night", "cancer_weight"}),
])
def test_a_pain_result_lists_the_emergencies_first_then_the_signs_of_that_pain(content, kind, soon):
    listed = content.triage.for_pain(kind)
    assert [tier.id for tier in listed][:2] == ["emergency", "same_day"]
    assert {sign.id for sign in listed[0].signs} == {s for s, t in EXPECTED_TIER.items() if t == "emergency"}
    assert {sign.id for tier in listed if tier.id == "soon" for sign in tier.signs} == soon


def test_the_safety_lesson_lists_every_sign_under_its_tier_in_order(content):
    body = next(lesson for lesson in content.lessons if lesson.safety).body
    headings = [body.index(f". {tier.title}\n") for tier in content.triage.tiers]
    assert headings == sorted(headings)
    ends = [*headings[1:], len(body)]
    for tier, start, end in zip(content.triage.tiers, headings, ends, strict=True):
        for sign in tier.signs:
            assert start < body.index(sign.words) < end, sign.id
        assert tier.action in body[start:end]
    assert "<!--" not in body


def _problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    return caught.value.problems


@pytest.mark.parametrize("old,new,problem", [
    ('sources = ["nhs_aaa"]', 'sources = ["nhs_zzz"]', "triage.toml: signs[9]: sources: 'nhs_zzz' is not in [sources]"),
    ('sources = ["nhs_aaa"]', "sources = []", "triage.toml: signs[9]: sources: must not be empty"),
    ('pain = ["groin"]', 'pain = ["knee"]', "triage.toml: signs[12]: pain: 'knee' is not a kind of pain"),
    ('id = "same_day"\n', 'id = "gp"\n', "triage.toml: tiers: must be, in this order"),
])
def test_a_triage_mistake_names_the_sign_and_field(tmp_path: Path, old: str, new: str, problem: str):
    folder = tmp_path / "content"
    shutil.copytree(BUNDLED, folder)
    path = folder / "triage.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert any(line.startswith(problem) for line in _problems(folder)), _problems(folder)


def test_a_safety_lesson_without_the_triage_line_is_refused(tmp_path: Path):
    folder = tmp_path / "content"
    shutil.copytree(BUNDLED, folder)
    lesson = folder / "lessons" / "08-safety.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("<!-- triage -->", ""), encoding="utf-8")
    assert "lessons/08-safety.md: safety: body: must have a <!-- triage --> line" in " ".join(_problems(folder))
