#!/usr/bin/env bash
# Installs whatever is missing, and nothing twice: Debian packages, the Rasa environment
# (bot/.venv, Python 3.10), the project environment (.venv, Python >= 3.11), the npm packages
# of the browser tests, and the compiled gettext catalogs. Safe to run again at any time.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
stamp_of() { cat "$@" | sha256sum | cut -c1-16; }

# --- Debian packages (scripts/apt-packages.txt) -------------------------------------------
missing=()
while read -r pkg _; do
  [[ -z "${pkg}" || "${pkg}" == \#* ]] && continue
  dpkg -s "${pkg}" >/dev/null 2>&1 || missing+=("${pkg}")
done < scripts/apt-packages.txt
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  if [[ "$(id -u)" == 0 ]]; then apt_get=(apt-get); else apt_get=(sudo apt-get); fi
  "${apt_get[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}"
fi

# --- Python interpreters ------------------------------------------------------------------
python_at_least() {  # $1 = interpreter, $2 = major.minor (exact when $3 == exact)
  "$1" -c "import sys; v=sys.version_info[:2]; want=tuple(map(int,'$2'.split('.'))); sys.exit(0 if (v==want if '${3:-}'=='exact' else v>=want) else 1)" 2>/dev/null
}
find_python() {  # $1 = version, $2 = exact|min
  local candidates=("${AIDGUIDE_PYTHON:-}")
  [[ "$2" == exact ]] && candidates=("${AIDGUIDE_PYTHON310:-}" "python$1")
  [[ "$2" == min ]] && candidates+=(python3.13 python3.12 python3.11 python3)
  if command -v pyenv >/dev/null 2>&1; then
    candidates+=("$(pyenv root)"/versions/"$1"*/bin/python)
  fi
  for candidate in "${candidates[@]}"; do
    [[ -n "${candidate}" ]] || continue
    local path; path=$(command -v "${candidate}" 2>/dev/null) || continue
    if python_at_least "${path}" "$1" "$2"; then echo "${path}"; return 0; fi
  done
  return 1
}

# --- bot/.venv: Rasa 3.6.21 on Python 3.10 -------------------------------------------------
want=$(stamp_of bot/requirements.lock)
if [[ "$(cat bot/.venv/.stamp 2>/dev/null)" != "${want}" ]]; then
  if ! py310=$(find_python 3.10 exact); then
    echo "Rasa 3.6 needs Python 3.10, and none was found (tried python3.10 and pyenv)." >&2
    echo "Install it (e.g. 'pyenv install 3.10.13', or your distribution's python3.10 with venv)," >&2
    echo "or point AIDGUIDE_PYTHON310 at it, then run this again." >&2
    exit 1
  fi
  say "creating bot/.venv with ${py310} (Rasa, TensorFlow: a few minutes)"
  "${py310}" -m venv bot/.venv
  bot/.venv/bin/python -m pip install -q --upgrade pip
  bot/.venv/bin/python -m pip install -q -r bot/requirements.lock
  echo "${want}" > bot/.venv/.stamp
fi

# --- .venv: the project on Python >= 3.11 ---------------------------------------------------
want=$(stamp_of pyproject.toml constraints.txt)
if [[ "$(cat .venv/.stamp 2>/dev/null)" != "${want}" ]]; then
  if ! py3=$(find_python 3.11 min); then
    echo "The project needs Python 3.11 or newer, and none was found." >&2
    exit 1
  fi
  say "creating .venv with ${py3}"
  [[ -x .venv/bin/python ]] || "${py3}" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -c constraints.txt -e '.[dev]'
  echo "${want}" > .venv/.stamp
fi

# --- npm packages of the browser tests (axe-core) ------------------------------------------
if [[ -f tests/browser/package-lock.json ]]; then
  want=$(stamp_of tests/browser/package-lock.json)
  if [[ "$(cat tests/browser/node_modules/.stamp 2>/dev/null)" != "${want}" ]]; then
    say "installing npm packages for the browser tests"
    npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
    echo "${want}" > tests/browser/node_modules/.stamp
  fi
fi

# --- gettext catalogs -----------------------------------------------------------------------
.venv/bin/python scripts/i18n.py compile
say "ready"
