// CoordinationBot on Azure: App Service (Linux, .NET 10) with a user-assigned managed identity; a Storage account
// (Tables, Queues, Blobs) with shared-key access disabled and data roles for the identity; an Azure Bot on that
// identity with the Teams channel; Application Insights on Log Analytics. Outputs feed `coordbot package`.

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Short lowercase prefix for resource names (3-11 letters or digits).')
@minLength(3)
@maxLength(11)
param namePrefix string

@description('The Microsoft Entra tenant of the bot (single-tenant bot on a user-assigned managed identity).')
param tenantId string = subscription().tenantId

@description('App Service plan SKU (B1 for a pilot; P1v3 to scale out).')
param planSku string = 'B1'

@description('Number of bot instances (they share the storage; the reminder lease keeps one scheduler active).')
@minValue(1)
param instanceCount int = 1

@description('Tenants whose activities are accepted (empty: the bot tenant only).')
param allowedTenants array = []

@description('Entra object ids of the users who may import new plans in chat.')
param focalOfficers array = []

@description('Entra object ids of the administrators, who may run every plan\'s reporting (otherwise each plan\'s own focal agency, by the directory).')
param administrators array = []

@description('The user attribute holding the agency in Microsoft Graph: department or officeLocation.')
@allowed([ 'department', 'officeLocation' ])
param directoryAttribute string = 'department'

@description('The app\'s id in the organisation\'s Teams app catalog (Teams admin center, or Graph appCatalogs/teamsApps?$filter=externalId eq \'<manifest id>\'). When set, and the identity is granted the Graph application permission TeamsAppInstallation.ReadWriteForUser.All, the bot installs itself for the officers of agencies a reporting round cannot reach; empty: it tells the focal agency what the administrator must do.')
param teamsCatalogAppId string = ''

@description('Client id of the Entra app registration the progress board tab signs in with (Teams SSO), made by infra/register-tab.sh with the botDomain output; empty: the bot\'s managed identity, which cannot expose an API, so the tab signs no one in until it is set.')
param tabClientId string = ''

@description('Base64 key (32 bytes) signing report download links; shared by every instance.')
@secure()
param fileSigningKey string

var identityName = '${namePrefix}-id'
var storageName = toLower('${namePrefix}st${uniqueString(resourceGroup().id)}')
var webName = '${namePrefix}-${uniqueString(resourceGroup().id)}'
var tenants = empty(allowedTenants) ? [ tenantId ] : allowedTenants
var roles = {
  tableData: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  queueData: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  blobData: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 90
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource dataRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in items(roles): {
  name: guid(storage.id, identity.id, role.value)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.value)
  }
}]

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${namePrefix}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instanceCount
  }
  properties: { reserved: true }
}

var baseSettings = [
  { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
  { name: 'Bot__AppId', value: identity.properties.clientId }
  { name: 'Bot__AppTenantId', value: tenantId }
  { name: 'Bot__UseManagedIdentity', value: 'true' }
  { name: 'Storage__TableServiceUri', value: storage.properties.primaryEndpoints.table }
  { name: 'Storage__QueueServiceUri', value: storage.properties.primaryEndpoints.queue }
  { name: 'Storage__BlobServiceUri', value: storage.properties.primaryEndpoints.blob }
  { name: 'Storage__ManagedIdentityClientId', value: identity.properties.clientId }
  { name: 'Storage__TablePrefix', value: 'coordbot' }
  { name: 'Directory__UseManagedIdentity', value: 'true' }
  { name: 'Directory__ClientId', value: identity.properties.clientId }
  { name: 'Directory__TenantId', value: tenantId }
  { name: 'Directory__Attribute', value: directoryAttribute }
  { name: 'AppInstall__CatalogAppId', value: teamsCatalogAppId }
  { name: 'Files__PublicBaseUrl', value: 'https://${webName}.azurewebsites.net/' }
  { name: 'Files__SigningKey', value: fileSigningKey }
  { name: 'Delivery__AppRequestsPerSecond', value: string(47 / instanceCount) }
  { name: 'Tab__Domain', value: '${webName}.azurewebsites.net' }
  { name: 'Tab__ClientId', value: tabClientId }
]
var tenantSettings = [for (tenant, i) in tenants: { name: 'Bot__AllowedTenants__${i}', value: tenant }]
var officerSettings = [for (officer, i) in focalOfficers: { name: 'Plans__Importers__${i}', value: officer }]
var administratorSettings = [for (administrator, i) in administrators: { name: 'Plans__Administrators__${i}', value: administrator }]

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: webName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: concat(baseSettings, tenantSettings, officerSettings, administratorSettings)
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'CoordinationBot'
    endpoint: 'https://${web.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

@description('For `coordbot package --bot-id`.')
output botId string = identity.properties.clientId

@description('For `coordbot package --domain` and `infra/register-tab.sh`.')
output botDomain string = web.properties.defaultHostName

@description('For `coordbot package --sso-app-id`.')
output tabClientId string = tabClientId

output webAppName string = web.name
output identityPrincipalId string = identity.properties.principalId
