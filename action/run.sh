#!/usr/bin/env bash
# The steps of the composite Action (action.yml). Every input arrives in the environment
# (INPUT_*), never pasted into this script, so no input can run as a command. The tool is
# installed in its own venv under $RUNNER_TEMP: the job's own Python, PATH and packages are
# left as they were for the steps that follow.
#
#   run.sh install    create the venv and install roadmap-check from $GITHUB_ACTION_PATH
#   run.sh check      check INPUT_PATHS with INPUT_ARGS; annotations, SARIF, step summary
#   run.sh fallback   code scanning refused the SARIF: say so, and annotate instead
set -euo pipefail

venv="${RUNNER_TEMP:?}/roadmap-check-venv"
annotations="$RUNNER_TEMP/roadmap-check.annotations"
sarif="$RUNNER_TEMP/roadmap-check.sarif"
summary="$RUNNER_TEMP/roadmap-check.md"

tool() {  # a program of the venv (bin/ on Linux and macOS, Scripts/ on Windows)
  if [ -d "$venv/Scripts" ]; then echo "$venv/Scripts/$1"; else echo "$venv/bin/$1"; fi
}

case "${1:-}" in
install)
  python="${INPUT_PYTHON:-}"  # setup-python's, when python-version is given; else the runner's
  if [ -z "$python" ]; then
    python="$(command -v python3 || command -v python)"
  fi
  "$python" -m venv "$venv"
  "$(tool python)" -m pip install --quiet --disable-pip-version-check "${GITHUB_ACTION_PATH:?}"
  ;;
check)
  mode="${INPUT_MODE:-annotations}"
  case "$mode" in
    annotations|code-scanning|both) ;;
    *) echo "::error title=roadmap-check::the input mode is annotations, code-scanning or both"
       exit 2 ;;
  esac
  read -r -a paths <<< "${INPUT_PATHS:-.}"   # split on white space; never expanded or run
  read -r -a args <<< "${INPUT_ARGS:-}"
  rm -f "$annotations" "$sarif" "$summary"
  set +e
  "$(tool roadmap-check)" check "${paths[@]}" ${args[@]+"${args[@]}"} --format github \
    -o "$annotations" --output-format "sarif=$sarif" --output-format "markdown=$summary"
  code=$?
  set -e
  if [ "$mode" != code-scanning ] && [ -f "$annotations" ]; then
    cat "$annotations"
  fi
  if [ "${INPUT_SUMMARY:-true}" = true ] && [ -s "$summary" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    cat "$summary" >> "$GITHUB_STEP_SUMMARY"
  fi
  {
    echo "exit-code=$code"
    if [ -s "$sarif" ]; then echo "sarif=$sarif"; fi
  } >> "${GITHUB_OUTPUT:?}"
  ;;
fallback)
  echo "::notice title=roadmap-check::Code scanning did not take the SARIF report (a pull" \
    "request from a fork, a private repository without GitHub Advanced Security, or no" \
    "'security-events: write' permission); the findings are shown as annotations instead."
  if [ "${INPUT_MODE:-annotations}" = code-scanning ] && [ -f "$annotations" ]; then
    cat "$annotations"
  fi
  ;;
*)
  echo "usage: run.sh install|check|fallback" >&2
  exit 2 ;;
esac
