"""A conversation's stored history, bounded: older turns folded into the state they left.

Why: Rasa handles the whole stored session on every turn (it reads it back, replays it,
featurises its states for the policies and sends it as JSON to the action server and the NLG
callbacks), so without a bound a turn costs more the longer the conversation (turn 200
cost ~6 times turn 1). The policies (bot/config.yml) only look at the last few states: the
RulePolicy's rules are short, and the MemoizationPolicy has no stories to remember. So the
turns before those can be replaced by a prefix that recreates the state they left:

    action_session_start, session_started, SlotSet for every slot not at its initial value
    (private slots included: their current value is all the store keeps), action_listen

followed by the most recent complete turns, starting at a user message where no form is
open (a form in progress is kept whole, from the message that opened it: see :func:`_cut`).
Replaying the compacted events gives the same slots, the same open form and the same states
for the kept turns as replaying the whole session, hence the same predictions
(tests/bot/test_tracker_store.py compares them turn by turn).

:func:`compacted_events` decides; the stores in :mod:`addons.tracker_store` store its result
through :func:`addons.redaction.plan_save` like any other rewrite.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    Event,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.slots import Slot
from rasa.shared.core.trackers import DialogueStateTracker

#: Events of the current session above which it is compacted: about as many as the first
#: turns of a conversation hold, so that a late turn costs what an early one does
#: (bench/turn_cost.py), while a compaction (a rewrite of the stored session) happens only
#: every few turns.
MAX_SESSION_EVENTS = 40

#: Turns begun outside a form (a user message and what followed it) kept after the prefix.
#: Each is at least two action states, so 3 keep at least 6 states: more than the longest
#: rule in bot/data/*rules.yml looks back at (RulePolicy matches rules from the last state
#: backwards). MemoizationPolicy remembers stories only, and bot/data has none.
KEPT_TURNS = 3


def _session_start(events: Sequence[Event]) -> int:
    """Index of the current session's first event (its ``action_session_start``, if any)."""
    for index in range(len(events) - 1, -1, -1):
        if isinstance(events[index], SessionStarted):
            before = events[index - 1] if index else None
            starts_here = (
                isinstance(before, ActionExecuted)
                and before.action_name == ACTION_SESSION_START_NAME
            )
            return index - 1 if starts_here else index
    return 0


def _open_loops(session: Sequence[Event]) -> list[str | None]:
    """For every index of ``session``: the loop (form) open before that event."""
    open_loops: list[str | None] = []
    loop: str | None = None
    for event in session:
        open_loops.append(loop)
        if isinstance(event, ActiveLoop):
            loop = event.name
        elif isinstance(event, (Restarted, SessionStarted)):
            loop = None
    return open_loops


def _cut(session: Sequence[Event], kept_turns: int) -> int | None:
    """Index of the user message that starts the kept turns (None: not enough turns).

    Only messages sent while no form is open count, and the cut is at one of them: Rasa folds
    the turns of a form's happy path into the form's first execution
    (``DialogueStateTracker.applied_events``), so a form in progress stays whole, with the
    message that opened it, and ``kept_turns`` turns remain after folding.
    """
    open_loops = _open_loops(session)
    seen = 0
    for index in range(len(session) - 1, 0, -1):
        if isinstance(session[index], UserUttered) and open_loops[index] is None:
            seen += 1
            if seen == kept_turns:
                return index
    return None


def state_prefix(
    sender_id: str, events: Iterable[Event], slots: Iterable[Slot], timestamp: float
) -> list[Event] | None:
    """Events recreating the state ``events`` leave (None if a form is open there): a new
    session, its slots, then a listen, as Rasa's ``action_session_start`` writes them."""
    tracker = DialogueStateTracker.from_events(sender_id, list(events), slots)
    if tracker.active_loop_name is not None:
        return None
    return [
        ActionExecuted(ACTION_SESSION_START_NAME, timestamp=timestamp),
        SessionStarted(timestamp=timestamp),
        *(
            SlotSet(slot.name, slot.value, timestamp=timestamp)
            for slot in tracker.slots.values()
            if slot.value != slot.initial_value
        ),
        ActionExecuted(ACTION_LISTEN_NAME, timestamp=timestamp),
    ]


def compacted_events(
    tracker: DialogueStateTracker,
    slots: Iterable[Slot],
    max_session_events: int = MAX_SESSION_EVENTS,
    kept_turns: int = KEPT_TURNS,
) -> list[Event] | None:
    """The tracker's current session, compacted; None while it is within the bound.

    Earlier sessions are dropped: Rasa reads only the current one for a turn.
    """
    events = list(tracker.events)
    session = events[_session_start(events) :]
    if len(session) <= max_session_events:
        return None
    cut = _cut(session, kept_turns)
    if cut is None:
        return None
    before = session[:cut]
    prefix = state_prefix(tracker.sender_id, before, slots, before[-1].timestamp)
    return None if prefix is None else prefix + session[cut:]
