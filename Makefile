# Thin targets; the work is in scripts/ and src/aidguide/stack/.
PY := .venv/bin/python
export RASA_TELEMETRY_ENABLED := false

.PHONY: run run-scaled test test-fast setup catalogs i18n train validate lint format bench content-check review-pack openfisca-test nlu-cv eval clean

## make run: install what is missing, train if bot/ changed, start Rasa + the app on :8000
run: train
	$(PY) -m aidguide.stack run

## make run-scaled: the production shape on this machine: redis-server, 2 Rasa and 2 app
## replicas, nginx on :8000 (docs/deploy.md)
run-scaled: train
	$(PY) -m aidguide.stack run --replicas 2

## make test: install what is missing, train if bot/ changed, lint, run the whole suite
test: train
	$(PY) -m ruff check .
	$(PY) -m pytest

## make test-fast: lint, then every test outside the stack and browser tiers (no model, no training)
test-fast: lint
	$(PY) -m pytest -m "not stack and not browser"

# What setup installs follows the target that needs it (scripts/setup.sh): `make run` does
# not install the browser and test tools. Target-specific values reach the prerequisites.
SETUP_FOR := test
run: SETUP_FOR := run
run-scaled: SETUP_FOR := scaled

setup:
	bash scripts/setup.sh $(SETUP_FOR)

catalogs: setup
	$(PY) scripts/i18n.py compile

## make i18n: extract the msgids of every domain and update the catalogs (then translate)
i18n: setup
	$(PY) scripts/i18n.py extract
	$(PY) scripts/i18n.py check

train: setup
	$(PY) -m aidguide.stack train

validate: setup
	cd bot && .venv/bin/rasa data validate --domain domain --data data --config config.yml --fail-on-warnings

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: setup
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

content-check: setup
	$(PY) scripts/content_check.py

## make review-pack: printable booklets of every citizen-facing text, build/review-pack/*.html
review-pack: setup
	$(PY) scripts/review_pack.py

## make nlu-cv: 5-fold NLU cross-validation per language, reports in docs/nlu/ (slow)
nlu-cv: setup
	$(PY) scripts/nlu_cross_validation.py

## make eval: first messages of eval/ through the real stack, reports in docs/nlu/eval_*.md
eval: train
	$(PY) scripts/eval_chat.py

bench: train
	for script in bench/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf bot/models .pytest_cache test-artifacts build
