# Quick start: `make run` opens the app; `make test` runs lint and the whole test suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint format bench bench-bulk bench-suggest fuzz eval eval-learning eval-agreement eval-encodings screenshot translations dist clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Annotator needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/annotator $(ARGS)

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo --no-cache
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n auto --dist worksteal $(PYTEST_ARGS)

lint: format
	$(BIN)/ruff check --fix .

format: $(VENV)/.installed-test
	$(BIN)/ruff format .

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/suite.py
	$(BIN)/python bench/scaling.py
	$(BIN)/python bench/decoding.py
	$(BIN)/python bench/retrieve.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/retrieve_window.py
	$(BIN)/python bench/launch.py
	$(BIN)/python bench/bulk.py

# Bulk export and import of 10,000 documents x 100 annotations against their floors
# (bench/bulk.py; ~1 GB of temporary files and several minutes, hence not in `make bench`).
bench-bulk: $(VENV)/.installed-test
	$(BIN)/python bench/bulk.py 10000

# Suggestion speed: all rules on ~1 MB of news text, median of 5 runs (target < 1 s).
bench-suggest: $(VENV)/.installed
	$(BIN)/python bench/suggest.py

# The hostile battery (docs/reliability.md): ~380 generated hostile inputs, each run as
# `annotator ...` in a process of its own; prints the summary table and every failure.
# ARGS="--only brat -v" runs some cases with a line each; PostgreSQL cases need
# ANNOTATOR_TEST_PG_URL. `make test` runs it too (tests/hostile/test_battery.py).
fuzz: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.hostile.runner $(ARGS)

# Suggestion quality: per-label precision, recall and F1 on eval/gold dev and test.
eval: $(VENV)/.installed
	$(BIN)/python -m eval.suggest_eval $(ARGS)

# Learning from the researcher: the first k documents of each source of a gold split tagged
# by hand, suggestions on the rest scored with and without the phrases learned
# (eval/learning_curve.py; default eval/gold/real-test.json; ARGS="--gold FILE --json").
eval-learning: $(VENV)/.installed
	$(BIN)/python eval/learning_curve.py $(ARGS)

# How far two annotators agree on real text (real-dev documents annotated twice, blind),
# and the suggestions against each (eval/gold/agreement.py; ARGS=--json).
eval-agreement: $(VENV)/.installed
	$(BIN)/python eval/gold/agreement.py $(ARGS)

# Encoding detection: the app, charset-normalizer alone and chardet on the generated
# corpus (eval/encodings/), exact decodings by length band. ARGS=-v lists the app's misses.
eval-encodings: $(VENV)/.installed-test
	$(BIN)/python eval/encodings/evaluate.py $(ARGS)

# Regenerates docs/main-window.png from the real window (needs xvfb-run and fonts).
screenshot: $(VENV)/.installed
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python docs/screenshot.py

# A one-folder build that runs without Python (packaging/annotator.spec):
# dist/annotator/, started as dist/annotator/annotator. About a minute.
dist: $(VENV)/.installed-test
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/annotator.spec

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache

# Translations: every tr() string of the window and every N_() template of the messages
# made outside it (annotator/core/messages.py) into the catalogues (then translate the new
# ones, e.g. in pyside6-linguist); the app compiles a catalogue newer than its .qm when it
# loads it.
translations: $(VENV)/.installed
	$(BIN)/pyside6-lupdate $(sort $(shell find annotator -name '*.py')) \
		-tr-function-alias QT_TR_NOOP+=N_ -ts resources/i18n/annotator_zh_Hant.ts \
		-no-obsolete -locations none -target-language zh_TW
