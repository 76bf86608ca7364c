"""A fixed list of realistic questions for the White House security set: keywords and full questions."""

from __future__ import annotations

TOPICS = [
    "NATO",
    "China",
    "Russia",
    "Ukraine",
    "Taiwan",
    "the Quad",
    "AUKUS",
    "sanctions on Russia",
    "North Korea",
    "the South China Sea",
    "Japan",
    "the Philippines",
    "the Indo-Pacific",
    "export controls",
    "Crimea",
    "the Black Sea",
    "nuclear weapons",
    "cyber attacks",
    "Finland and Sweden joining NATO",
    "the Baltic states",
    "Putin",
    "Xi Jinping",
    "Zelenskyy",
    "security assistance to Ukraine",
    "the G7",
    "Kishida",
    "Yoon",
    "Marcos",
    "Australia",
    "submarines",
    "semiconductors",
    "critical minerals",
    "energy security",
    "Poland",
    "Article 5",
    "the Taiwan Strait",
    "human rights in Xinjiang",
    "Hong Kong",
    "ballistic missiles",
    "war crimes",
    "grain exports",
    "frozen Russian assets",
    "Wagner",
    "Belarus",
    "Moldova",
    "Georgia",
    "India",
    "ASEAN",
    "Pacific Islands",
    "climate change",
]
TEMPLATES = [
    "{t}",
    "What did the President say about {t}?",
    "How is the United States responding to {t}?",
    "{t} security cooperation",
]


def ask_queries() -> list[str]:
    """200 queries: every topic in every template, in a fixed order."""
    return [template.format(t=topic) for template in TEMPLATES for topic in TOPICS]


THREAT_ACTORS = ["china", "russia", "north korea", "iran", "chinese", "Russa", "prc", "kremlin"]
