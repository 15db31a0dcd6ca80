#!/usr/bin/env bash
# Registers the Microsoft Entra application the "Bảng theo dõi" tab signs in with (Teams single sign-on).
# The bot runs on a managed identity, which cannot expose an API; Teams SSO needs an app registration that does:
# Application ID URI api://<domain>/<client id>, a delegated scope access_as_user, the Teams clients pre-authorised
# (so officers see no consent prompt), v2 access tokens. Prints the client id for Tab:ClientId (Bicep tabClientId)
# and `coordbot package --sso-app-id`.
#
# Usage: infra/register-tab.sh <bot-domain> [--multi-tenant]
#   <bot-domain>     the host the tab is served from (Bicep output botDomain), e.g. coordbot-abc.azurewebsites.net
#   --multi-tenant   when Bot:AllowedTenants names tenants besides this one
# Needs the Azure CLI signed in (`az login`) as a user who may register applications.
set -euo pipefail

if [[ $# -lt 1 || ! $1 =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]]; then
  echo "Usage: infra/register-tab.sh <bot-domain> [--multi-tenant]   (the domain without https:// or a path)" >&2
  exit 2
fi
domain=$1
audience=AzureADMyOrg
if [[ ${2:-} == --multi-tenant ]]; then
  audience=AzureADMultipleOrgs
fi

# Teams desktop/mobile and Teams web, as Microsoft documents for tab SSO.
teams_clients=(1fec8e78-bce4-4aaf-ab1b-5451cc387264 5e3ce6c0-2b1f-4285-8d4b-75ee78787346)

new_id() { uuidgen 2>/dev/null | tr '[:upper:]' '[:lower:]' || cat /proc/sys/kernel/random/uuid; }

client=$(az ad app create --display-name "CoordinationBot - Bang theo doi" --sign-in-audience "$audience" --query appId -o tsv)
object=$(az ad app show --id "$client" --query id -o tsv)
scope=$(new_id)
graph="https://graph.microsoft.com/v1.0/applications/$object"

# The whole api object goes in each request: a PATCH replaces a complex property, it does not merge it.
api() {
  cat <<JSON
{
  "identifierUris": ["api://$domain/$client"],
  "api": {
    "requestedAccessTokenVersion": 2,
    "oauth2PermissionScopes": [{
      "id": "$scope",
      "value": "access_as_user",
      "type": "User",
      "isEnabled": true,
      "adminConsentDisplayName": "Use CoordinationBot's progress board as the signed-in user",
      "adminConsentDescription": "Lets Teams sign the user in to CoordinationBot's progress board tab.",
      "userConsentDisplayName": "Use the progress board as you",
      "userConsentDescription": "Lets Teams sign you in to CoordinationBot's progress board tab."
    }],
    "preAuthorizedApplications": [$1]
  }
}
JSON
}

authorized=""
for teams in "${teams_clients[@]}"; do
  authorized+="${authorized:+, }{\"appId\": \"$teams\", \"delegatedPermissionIds\": [\"$scope\"]}"
done
# Pre-authorising refers to the scope by id, so the scope is created first.
az rest --method PATCH --uri "$graph" --headers Content-Type=application/json --body "$(api "")"
az rest --method PATCH --uri "$graph" --headers Content-Type=application/json --body "$(api "$authorized")"

az ad sp create --id "$client" --query id -o tsv >/dev/null

echo "Registered. Set Tab:ClientId (Bicep parameter tabClientId) and run coordbot package --sso-app-id with:"
echo "$client"
