// The bot's App Service: a Linux plan and web app on .NET 10, with the persistent data share mounted and
// every setting named exactly as the bot's configuration keys ("__" for nesting, see the root README).

@description('Azure region of the resources.')
param location string

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app; its host is <name>.azurewebsites.net.')
param webAppName string

@description('App Service plan SKU. Basic (B1) or higher: always on and WebSockets need it.')
param skuName string

@description('Number of instances: 1 with the embedded SQLite database (one writer), more only with Postgres.')
@minValue(1)
param instanceCount int

@description('Storage:Engine: Sqlite (database file on the mounted share) or Postgres.')
@allowed([
  'Sqlite'
  'Postgres'
])
param storageEngine string

@description('Name of the Key Vault secret holding the PostgreSQL connection string (Postgres only).')
param storageConnectionStringSecretName string

@description('Resource id of the user-assigned identity the bot authenticates with, or empty for a single-tenant app registration.')
param botIdentityResourceId string

@description('Name of the storage account holding the data share.')
param storageAccountName string

@description('Name of the file share mounted as the bot\'s data folder.')
param shareName string

@description('Where the share is mounted inside the web app; Storage:DataFolder points here.')
param dataMountPath string

@description('How the bot authenticates to Azure Bot Service: SingleTenant (app registration + secret) or UserAssignedMSI.')
param microsoftAppType string

@description('App id of the bot: the app registration\'s client id, or the user-assigned identity\'s client id.')
param microsoftAppId string

@description('Tenant of the bot\'s app registration or identity.')
param microsoftAppTenantId string

@description('Name of the key vault holding the secrets the settings reference.')
param keyVaultName string

@description('Name of the Key Vault secret holding the app registration\'s client secret (SingleTenant only).')
param appPasswordSecretName string

@description('Name of the Key Vault secret holding the Direct Line secret.')
param directLineSecretSecretName string

@description('Helpline:Name, the helpline\'s name shown to visitors.')
param helplineName string

@description('Helpline:Phone, the number every reply that points to a person uses.')
param helplinePhone string

@description('Helpline:Hours, when advisors answer, in words a visitor reads.')
param helplineHours string

@description('Helpline:TimeZone, the IANA time zone of those hours.')
param helplineTimeZone string

@description('Storage:RetainConversationsFor, in days.')
param retainConversationsDays int

@description('DirectLine:PublicBaseUrl for a custom domain, or empty for https://<web app host>.')
param publicBaseUrl string

@description('Handoff:SignIn, how advisors sign in to the console: Local or Entra.')
@allowed([
  'Local'
  'Entra'
])
param advisorSignIn string

@description('AzureAd:TenantId, the helpline\'s tenant advisors sign in with (Entra only).')
param advisorEntraTenantId string

@description('AzureAd:ClientId, the advisor console\'s app registration (Entra only).')
param advisorEntraClientId string

@description('Name of the Key Vault secret holding the advisor console app registration\'s client secret (Entra only).')
param advisorSignInSecretName string

@description('TeamsAlerts:ServiceUrl, the tenant\'s Teams service URL (with teamsAlertsConversationId only).')
param teamsAlertsServiceUrl string

@description('TeamsAlerts:ConversationId, the Teams channel or thread alerts go to, or empty for no Teams alerts.')
param teamsAlertsConversationId string

@description('AzureOpenAI:Endpoint, or empty when Azure OpenAI is not used (extractive answers only).')
param openAiEndpoint string

@description('AzureOpenAI:Deployment, or empty when Azure OpenAI is not used.')
param openAiDeployment string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Tags put on every resource.')
param tags object

var usesBotIdentity = !empty(botIdentityResourceId)

// App Service front ends forward to this port inside the container; the root appsettings.json binds
// localhost:3978 for development, which App Service could not reach, so "Urls" is overridden here.
var containerPort = '8080'

// Key Vault references: App Service resolves them with the web app's identity; the bot only sees the value.
var appPasswordReference = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${appPasswordSecretName})'
var storageConnectionStringReference = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${storageConnectionStringSecretName})'
var directLineSecretReference = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${directLineSecretSecretName})'
var advisorSignInSecretReference = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${advisorSignInSecretName})'

// The address people reach the bot at: the chat's stream URLs and the console link in Teams alerts.
var publicUrl = empty(publicBaseUrl) ? 'https://${webApp.properties.defaultHostName}' : publicBaseUrl

// Settings that exist only with the feature that reads them: an AzureAd section without Entra sign-in, or a
// TeamsAlerts section without a channel, would be a half-configuration for someone to wonder about.
var entraSignInSettings = advisorSignIn == 'Entra'
  ? {
      AzureAd__TenantId: advisorEntraTenantId
      AzureAd__ClientId: advisorEntraClientId
      AzureAd__ClientSecret: advisorSignInSecretReference
    }
  : {}
var teamsAlertsSettings = empty(teamsAlertsConversationId)
  ? {}
  : {
      TeamsAlerts__Enabled: 'true'
      TeamsAlerts__ServiceUrl: teamsAlertsServiceUrl
      TeamsAlerts__ConversationId: teamsAlertsConversationId
      TeamsAlerts__ConsoleBaseUrl: publicUrl
    }

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    // The embedded SQLite database has one writer: main.bicep passes 1 unless Storage:Engine is Postgres.
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: usesBotIdentity ? 'SystemAssigned, UserAssigned' : 'SystemAssigned'
    userAssignedIdentities: usesBotIdentity ? { '${botIdentityResourceId}': {} } : null
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references are resolved with the system-assigned identity (granted Key Vault Secrets User).
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet HelplineBot.dll'
      alwaysOn: true
      // Direct Line streams (Web Chat) are WebSockets.
      webSocketsEnabled: true
      healthCheckPath: '/readyz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      azureStorageAccounts: {
        data: {
          type: 'AzureFiles'
          accountName: storageAccount.name
          shareName: shareName
          mountPath: dataMountPath
          accessKey: storageAccount.listKeys().keys[0].value
        }
      }
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: webApp
  name: 'appsettings'
  // This resource owns ALL app settings: one set in the portal is gone after the next deployment, so
  // change settings through parameters. Every name below, and in the two optional sets above, is a configuration
  // key of the bot (checked by DeploymentTests) or a platform setting App Service reads itself (upper case, or the
  // Application Insights agent's own name).
  properties: union(
    {
      MicrosoftAppType: microsoftAppType
      MicrosoftAppId: microsoftAppId
      MicrosoftAppTenantId: microsoftAppTenantId
      MicrosoftAppPassword: microsoftAppType == 'SingleTenant' ? appPasswordReference : ''
      Urls: 'http://+:${containerPort}'
      Helpline__Name: helplineName
      Helpline__Phone: helplinePhone
      Helpline__Hours: helplineHours
      Helpline__TimeZone: helplineTimeZone
      DirectLine__Secret: directLineSecretReference
      DirectLine__PublicBaseUrl: publicUrl
      Storage__Engine: storageEngine
      Storage__ConnectionString: storageEngine == 'Postgres' ? storageConnectionStringReference : ''
      Storage__DataFolder: dataMountPath
      Storage__RetainConversationsFor: '${retainConversationsDays}.00:00:00'
      Handoff__SignIn: advisorSignIn
      AzureOpenAI__Endpoint: openAiEndpoint
      AzureOpenAI__Deployment: openAiDeployment
      WEBSITES_PORT: containerPort
      ASPNETCORE_FORWARDEDHEADERS_ENABLED: 'true'
      APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
      ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
    },
    entraSignInSettings,
    teamsAlertsSettings
  )
}

@description('Default host name of the web app, e.g. helplinebot-x.azurewebsites.net.')
output defaultHostName string = webApp.properties.defaultHostName

@description('Object id of the web app\'s system-assigned managed identity.')
output principalId string = webApp.identity.principalId
