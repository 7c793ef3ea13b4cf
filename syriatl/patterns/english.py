"""The commonest English function words, to tell an English text from one that is not.

In English news prose these words make up about two words in five; in French, German,
Spanish, Turkish or Arabic text (where only a few, such as "a", "in" or "on", also occur)
well under one in ten. A text is judged only when it is long enough for the share to mean
something (``MIN_WORDS`` words of letters); a shorter text is never called "not English".
"""

from __future__ import annotations

FUNCTION_WORDS: frozenset[str] = frozenset(
    """the of and to a in is that for on was with as by at it from he she his her are be
    has have had were been an not which this they their them but who will would its or
    we our you said after also than there about into over more when what can could should
    us these those all other out up no so if any""".split()
)

MIN_WORDS = 40  # fewer words of letters than this: too short to judge
MIN_SHARE = 0.12  # a judged text below this share of function words is not English
# Fewer different words than this: a list or a run of one token ("Jan. Jan. ..."), whose
# share of function words says nothing about its language.
MIN_DISTINCT = 20

# (text, is English) pairs; the tests check each against the rule.
EXAMPLES: tuple[tuple[str, bool], ...] = (
    (
        "The talks in Velmora ended on Tuesday after the two delegations failed to agree on"
        " a ceasefire, officials said. A spokesman for the mediators said they would meet"
        " again next month, but he gave no date and the fighting in the north went on.",
        True,
    ),
    (
        "Les pourparlers de Velmora se sont achevés mardi sans accord sur un cessez-le-feu,"
        " selon des responsables. Un porte-parole des médiateurs a déclaré que les deux"
        " délégations se retrouveraient le mois prochain, sans donner de date précise,"
        " tandis que les combats continuaient dans le nord du pays.",
        False,
    ),
    (
        "Die Gespräche in Velmora endeten am Dienstag ohne Einigung über eine Waffenruhe,"
        " sagten Beamte. Ein Sprecher der Vermittler sagte, die beiden Delegationen würden"
        " sich im nächsten Monat wieder treffen, nannte aber kein Datum, während die Kämpfe"
        " im Norden des Landes weitergingen und viele Menschen flohen.",
        False,
    ),
    (
        "Las conversaciones en Velmora terminaron el martes sin un acuerdo de alto el fuego,"
        " dijeron los funcionarios. Un portavoz de los mediadores dijo que las dos"
        " delegaciones volverían a reunirse el próximo mes, pero no dio una fecha y los"
        " combates continuaron en el norte del país durante toda la noche.",
        False,
    ),
    ("Les pourparlers se sont achevés mardi.", True),  # too short to judge
    ("Jan. " * 60, True),  # one word 60 times: too repetitive to judge
    ("UPDATE 1130 GMT: " * 30, True),  # three words over and over
)
