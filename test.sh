#!/usr/bin/env bash
# Installs what the tests need (pinned npm tools, Debian's chromium when root) and runs every test:
# unit, integration (Azurite), end-to-end (Agents Playground in headless Chromium).
set -euo pipefail
cd "$(dirname "$0")"
. tools/setup.sh

ensure_dotnet
ensure_node_tools
ensure_chromium

echo "Building (warnings are errors)..."
dotnet build CoordinationBot.sln -v q --nologo -clp:ErrorsOnly

log=$(mktemp)
status=0
for project in tests/*Tests/*.csproj; do
  echo "== $(basename "$project" .csproj)"
  # The exit status is taken from dotnet test itself: under pipefail a pipeline's PIPESTATUS is lost after "|| true".
  out=$(mktemp)
  # Normal console verbosity: a failed test's message and stack are in the log, not only its name.
  if ! dotnet test "$project" --no-build --nologo -v q --logger "console;verbosity=normal" >"$out" 2>&1; then
    status=1
    # Kept whole, so a failure seen once (in CI too) can be read in full afterwards.
    mkdir -p .data/logs
    cp "$out" ".data/logs/test-$(basename "$project" .csproj).log"
    echo "   full output: .data/logs/test-$(basename "$project" .csproj).log"
  fi
  cat "$out" >>"$log"
  grep -E "^Test Run (Successful|Failed|Aborted)|^ +(Total tests|Passed|Failed|Skipped): +[0-9]+$|^ +Failed [A-Za-z]|\[FAIL\]|Error Message|aborted|crashed" -A3 "$out" | grep -Ev '^\{"Timestamp"' || true
  rm -f "$out"
done

# A run without failures prints no "Failed:" count: grep finding nothing is not an error here.
passed=$({ grep -E "^ +Passed: +[0-9]+$" "$log" || true; } | awk '{s+=$2} END {print s+0}')
failed=$({ grep -E "^ +Failed: +[0-9]+$" "$log" || true; } | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed"
exit "$status"
