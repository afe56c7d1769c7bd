#!/usr/bin/env bash
# Installs whatever is missing, and nothing twice: Debian packages, the Rasa environment
# (bot/.venv, Python 3.10), the project environment (.venv, Python >= 3.11), the npm packages
# of the browser tests, and the compiled gettext catalogs. Safe to run again at any time.
#
# Usage: scripts/setup.sh [run|scaled|test]   (default: test, everything)
#   run     what `make run` needs: no browser, no test tools, no Redis or nginx;
#   scaled  what `make run-scaled` needs: run, plus redis-server and nginx;
#   test    everything, for `make test`.
# Python packages are installed with uv (pinned below; several times faster than pip on a
# new machine), or with pip when uv cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/.."

purpose="${1:-test}"
case "${purpose}" in run | scaled | test) ;; *) echo "usage: $0 [run|scaled|test]" >&2; exit 2 ;; esac
UV_VERSION=0.13.8

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
stamp_of() { cat "$@" | sha256sum | cut -c1-16; }

# --- Debian packages (scripts/apt-packages.txt: name, then the purposes that need it) -----
missing=()
while read -r pkg needed_for; do
  [[ -z "${pkg}" || "${pkg}" == \#* ]] && continue
  [[ -z "${needed_for}" || " ${needed_for} " == *" ${purpose} "* ]] || continue
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

# --- .venv first: the project's interpreter, and uv to install into both environments -----
if [[ ! -x .venv/bin/python ]]; then
  if ! py3=$(find_python 3.11 min); then
    echo "The project needs Python 3.11 or newer, and none was found." >&2
    exit 1
  fi
  say "creating .venv with ${py3}"
  "${py3}" -m venv .venv
fi
if [[ "$(.venv/bin/uv --version 2>/dev/null)" != "uv ${UV_VERSION}" ]]; then
  .venv/bin/python -m pip install -q "uv==${UV_VERSION}" || say "uv not installed: using pip"
fi
pip_install() {  # $1 = the venv's python, then pip install arguments
  local python="$1"; shift
  if [[ -x .venv/bin/uv ]]; then
    .venv/bin/uv pip install -q --compile-bytecode --python "${python}" "$@"
  else
    "${python}" -m pip install -q "$@"
  fi
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
  pip_install bot/.venv/bin/python -r bot/requirements.lock
  echo "${want}" > bot/.venv/.stamp
fi

# --- .venv: the project on Python >= 3.11 (with the test tools unless only running) --------
want=$(stamp_of pyproject.toml constraints.txt)
have=$(cat .venv/.stamp 2>/dev/null || true)
if [[ "${have}" != "${want} dev" && ( "${purpose}" == test || "${have}" != "${want} run" ) ]]; then
  if [[ "${purpose}" == test ]]; then extras='.[dev]'; kind=dev; else extras='.'; kind=run; fi
  say "installing the project into .venv (${kind})"
  pip_install .venv/bin/python -c constraints.txt -e "${extras}"
  echo "${want} ${kind}" > .venv/.stamp
fi

# --- npm packages of the browser tests (axe-core) ------------------------------------------
if [[ "${purpose}" == test && -f tests/browser/package-lock.json ]]; then
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
