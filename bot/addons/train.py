"""Run Rasa's command line for training (``rasa train``, ``rasa test nlu``) without the work
that serves nothing here.

Why: a whole training took about 5 minutes on 2 cores, of which a third went to fingerprinting
components for Rasa's component cache and a sixth to re-checking one JSON schema while reading
the NLU files (:mod:`addons.speedups`). The launcher keeps whole trained models by a
fingerprint of bot/ (src/aidguide/stack/model.py), so Rasa's own cache of components
(``.rasa/cache``, only useful to retrain part of a model) is turned off here; the speedups then
skip its fingerprints. The model trained is the same.

Usage, from bot/: ``python -m addons.train train --domain domain --data data ...`` (the
arguments of ``rasa``). :func:`run` does the same for a caller that patched something first
(scripts/nlu_cross_validation.py seeds its folds).
"""

from __future__ import annotations

import os
import sys

#: Rasa's own switch: a cache of at most 0 MB is a cache turned off (rasa/engine/caching.py).
CACHE_SIZE_VARIABLE = "RASA_MAX_CACHE_SIZE"


def run(arguments: list[str]) -> None:
    """Rasa's CLI with these arguments, its component cache off and the speedups installed."""
    os.environ[CACHE_SIZE_VARIABLE] = "0"
    from rasa.__main__ import main as rasa_main

    from addons import speedups

    speedups.install()
    sys.argv = ["rasa", *arguments]
    rasa_main()


if __name__ == "__main__":
    run(sys.argv[1:])
