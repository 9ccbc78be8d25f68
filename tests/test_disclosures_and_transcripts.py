"""What officials say aloud and what is said about them: a regulator's speech under its own
letterhead speaks for the regulator."""

from __future__ import annotations

from tests.extraction_support import events_of, names

SPEECH = """Financial Conduct Authority

Remarks by the Commissioner at the Data Governance Summit
Check against delivery

Thank you for having me. Generative AI came up in almost every meeting I had this year, and AI tools will come up again today.

Some cases need more than a phone call. In March, we concluded our investigation into Tessaline Media and imposed an order requiring the company to delete the images it had scraped. Tessaline's AI product was withdrawn the same week.
"""


def test_we_in_a_regulators_speech_is_the_regulator_not_the_name_it_repeats(extractor):
    events = events_of(extractor, SPEECH, "2026-06-10")
    acts = [e for e in events if e.type in ("investigation", "order")]
    assert acts
    for act in acts:
        assert names(act.agent) == {"Financial Conduct Authority"}, act
    assert not any(name == "AI" for e in events for name in names(e.agent))
