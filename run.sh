#!/usr/bin/env bash
# Runs CoordinationBot locally: Azurite (Table storage, data in .data/azurite), the bot on http://127.0.0.1:3978,
# and Microsoft 365 Agents Playground pointed at it — twice: Alex Wilber (focal agency) and Megan Bowen (Sở Nội vụ) —
# with the sample files served on loopback for files "sent in chat". Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
. tools/setup.sh

BOT_PORT=${BOT_PORT:-3978}
PLAYGROUND_PORT=${PLAYGROUND_PORT:-56150}
SECOND_PLAYGROUND_PORT=${SECOND_PLAYGROUND_PORT:-56151}
SAMPLE_FILES_PORT=${SAMPLE_FILES_PORT:-56160}
TABLE_PORT=${TABLE_PORT:-10002}
QUEUE_PORT=${QUEUE_PORT:-10001}
BLOB_PORT=${BLOB_PORT:-10000}

ensure_dotnet
ensure_node_tools
for port in "$TABLE_PORT" "$QUEUE_PORT" "$BLOB_PORT" "$BOT_PORT" "$PLAYGROUND_PORT" "$SECOND_PLAYGROUND_PORT" "$SAMPLE_FILES_PORT"; do
  if port_in_use "$port"; then
    echo "Port $port is already in use: stop what uses it, or set TABLE_PORT / QUEUE_PORT / BLOB_PORT / BOT_PORT / PLAYGROUND_PORT / SECOND_PLAYGROUND_PORT / SAMPLE_FILES_PORT." >&2
    exit 1
  fi
done

echo "Building the bot..."
dotnet build src/CoordinationBot.Host -v q --nologo -clp:ErrorsOnly
dotnet build src/CoordinationBot.Cli -v q --nologo -clp:ErrorsOnly
mkdir -p .data/azurite .data/logs

pids=()
cleanup() {
  trap - EXIT INT TERM
  echo "Stopping..."
  # shellcheck disable=SC2046
  kill "${pids[@]}" $(jobs -p) 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

node_modules/.bin/azurite --tableHost 127.0.0.1 --tablePort "$TABLE_PORT" --queueHost 127.0.0.1 --queuePort "$QUEUE_PORT" \
  --blobHost 127.0.0.1 --blobPort "$BLOB_PORT" --location .data/azurite \
  --skipApiVersionCheck --disableTelemetry >.data/logs/azurite.log 2>&1 &
pids+=($!)
wait_for_port "$TABLE_PORT" 30 && wait_for_port "$QUEUE_PORT" 30 || { echo "Azurite did not start: see .data/logs/azurite.log" >&2; exit 1; }

export ASPNETCORE_ENVIRONMENT=Development
# The Playground's signed-in user (Alex Wilber) may import plans by sending a file.
export Plans__Importers__0="${PLAYGROUND_IMPORTER:-00000000-0000-0000-0000-0000000000020}"
# Who works where, for "nhiệm vụ của tôi": the Playground's mock users (Microsoft Graph in Azure).
export Directory__File="$PWD/samples/directory.json"
export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$TABLE_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE_PORT/devstoreaccount1;BlobEndpoint=http://127.0.0.1:$BLOB_PORT/devstoreaccount1;"
# Sample plans (written for the project): imported on first start; importing again changes nothing.
COORDBOT_Storage__ConnectionString="$Storage__ConnectionString" \
  dotnet src/CoordinationBot.Cli/bin/Debug/net10.0/coordbot.dll plans import samples/plans | sed 's/^/  sample plan: /'

(cd src/CoordinationBot.Host/bin/Debug/net10.0 && exec dotnet CoordinationBot.Host.dll --urls "http://127.0.0.1:$BOT_PORT") >.data/logs/bot.log 2>&1 &
pids+=($!)
wait_for_port "$BOT_PORT" 60 || { echo "The bot did not start: see .data/logs/bot.log" >&2; exit 1; }

# The Playground exits when its standard input closes: keep a pipe open for it.
tail -f /dev/null | node_modules/.bin/agentsplayground -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams \
  -p "$PLAYGROUND_PORT" --dt >.data/logs/playground.log 2>&1 &
pids+=($!)
wait_for_port "$PLAYGROUND_PORT" 60 || { echo "The Playground did not start: see .data/logs/playground.log" >&2; exit 1; }

# A second user in their own Playground: the Playground has no user switcher, but reads its users from a file.
tail -f /dev/null | M365_AGENTS_PLAYGROUND_CONFIG_PATH="$PWD/samples/playground/megan-bowen.yml" \
  node_modules/.bin/agentsplayground -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams \
  -p "$SECOND_PLAYGROUND_PORT" --dt >.data/logs/playground-second.log 2>&1 &
pids+=($!)
# Files "sent in chat" (samples/playground/plan-file.json) are fetched from here; the bot fetches loopback URLs only in Development.
node tools/sample-files.mjs "$SAMPLE_FILES_PORT" >.data/logs/sample-files.log 2>&1 &
pids+=($!)
wait_for_port "$SECOND_PLAYGROUND_PORT" 60 || { echo "The second Playground did not start: see .data/logs/playground-second.log" >&2; exit 1; }
wait_for_port "$SAMPLE_FILES_PORT" 30 || { echo "The sample file server did not start: see .data/logs/sample-files.log" >&2; exit 1; }

cat <<MSG

  CoordinationBot is running.
  Open the Playground:  http://localhost:$PLAYGROUND_PORT   (Alex Wilber, Sở Khoa học và Công nghệ, focal agency)
  Another officer:      http://localhost:$SECOND_PLAYGROUND_PORT   (Megan Bowen, Sở Nội vụ)
  Send a plan file:     Mock an Activity > Custom activity, with samples/playground/plan-file.json (see README)
  Bot endpoint:         http://127.0.0.1:$BOT_PORT/api/messages   (health: /healthz)
  Logs:                 .data/logs/

  Type "trợ giúp" in the chat. Ctrl-C stops everything.

MSG
wait
