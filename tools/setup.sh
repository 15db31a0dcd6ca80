#!/usr/bin/env bash
# Shared by run.sh and test.sh: install what is missing, pinned, and say exactly what to do when we cannot.

# The npm tools (Azurite, Microsoft 365 Agents Playground) at the versions in package-lock.json.
ensure_node_tools() {
  if ! command -v node >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    else
      echo "Node.js 20+ is missing: install it (sudo apt-get install nodejs npm) and run again." >&2
      exit 1
    fi
  fi
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "Installing pinned npm tools (npm ci)..."
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
  fi
}

# Debian's Chromium for the end-to-end tests (Playwright's own browser download does not work here).
# Chromium for the end-to-end tests; DejaVu fonts (Vietnamese glyphs) for the PDF plans the tests write.
ensure_chromium() {
  if command -v chromium >/dev/null 2>&1 && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
    return
  fi
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's chromium and fonts-dejavu-core (apt-get)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    echo "Chromium or the DejaVu fonts are missing: run 'sudo apt-get install chromium fonts-dejavu-core' and run again." >&2
    exit 1
  fi
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is missing: install it (see global.json for the version) and run again." >&2
    exit 1
  fi
}

# Wait until something listens on 127.0.0.1:$1 (at most $2 seconds).
wait_for_port() {
  local port=$1 limit=${2:-60} i=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    i=$((i + 1))
    if [ "$i" -gt $((limit * 5)) ]; then
      return 1
    fi
    sleep 0.2
  done
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
