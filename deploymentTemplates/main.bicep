// HelplineBot on Azure, in one resource group: App Service (Linux, .NET 10) with the bot, an Azure Bot with
// the Teams channel, Key Vault for secrets, Application Insights, an Azure Files share for the embedded
// SQLite database, and optionally Azure OpenAI. Deploy: docs/deploy.md. Compiled for the portal to
// azuredeploy.json (kept in sync by tests/HelplineBot.DeploymentTests).

targetScope = 'resourceGroup'

@description('Azure region of every regional resource. Default: the resource group\'s region.')
param location string = resourceGroup().location

@description('Short lowercase prefix of every resource name (letters and digits, 3-12).')
@minLength(3)
@maxLength(12)
param namePrefix string = 'helplinebot'

@description('How the bot authenticates to Azure Bot Service. UserAssignedMSI: a managed identity created here, no secret to keep. SingleTenant: an existing app registration (microsoftAppId) whose client secret you put in Key Vault.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botIdentityType string = 'UserAssignedMSI'

@description('Client id of the existing single-tenant app registration. Required when botIdentityType is SingleTenant, ignored otherwise.')
param microsoftAppId string = ''

@description('App Service plan SKU (B1 or higher; P0v3 and up for production traffic).')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServicePlanSku string = 'B1'

@description('Azure Bot pricing tier: F0 (free) or S1 (with SLA). Teams is a standard channel on both.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'S1'

@description('Helpline:Name, shown on the chat page and as the bot\'s name.')
param helplineName string = 'Ketamine Helpline'

@description('Helpline:Phone, the helpline\'s own number, used in every reply that points to a person.')
param helplinePhone string = '800-500-0399'

@description('Helpline:Hours, when advisors answer, in words a visitor reads.')
param helplineHours string = '24 hours a day, 7 days a week'

@description('Helpline:TimeZone, IANA time zone of those hours.')
param helplineTimeZone string = 'America/New_York'

@description('Storage:RetainConversationsFor, in days: how long what people wrote and told us is kept once their conversation is over. Agree it with the helpline\'s privacy officer.')
@minValue(1)
@maxValue(3650)
param retainConversationsDays int = 90

@description('DirectLine:PublicBaseUrl: the bot\'s public https address once it has a custom domain (e.g. https://chat.example.org). Empty: https://<web app host>.')
param publicBaseUrl string = ''

@description('Handoff:SignIn, how advisors sign in to the console at /advisor. Local: accounts created with the bot\'s `advisors add` command. Entra: Microsoft Entra ID through an app registration (advisorEntraClientId) whose client secret you put in Key Vault (secret AdvisorSignInClientSecret); see docs/deploy.md.')
@allowed([
  'Local'
  'Entra'
])
param advisorSignIn string = 'Local'

@description('AzureAd:TenantId, the helpline\'s own Entra tenant advisors sign in with (used only with advisorSignIn Entra). Empty: the tenant of this deployment. common, organizations and consumers are refused.')
param advisorEntraTenantId string = ''

@description('AzureAd:ClientId, the application (client) id of the advisor console\'s app registration, with the app roles advisor and supervisor. Required when advisorSignIn is Entra, ignored otherwise.')
param advisorEntraClientId string = ''

@description('TeamsAlerts:ConversationId, the Teams channel (19:...@thread.tacv2) or thread advisors get an alert card in for each crisis or waiting handoff; the bot must be installed in that team. Empty: no Teams alerts.')
param teamsAlertsConversationId string = ''

@description('TeamsAlerts:ServiceUrl, the tenant\'s Teams service URL (e.g. https://smba.trafficmanager.net/teams/). Required when teamsAlertsConversationId is set, ignored otherwise.')
param teamsAlertsServiceUrl string = ''

@description('Deploy an Azure OpenAI account and model deployment for grounded AI answers. False: extractive answers only.')
param deployOpenAi bool = false

@description('Region of the Azure OpenAI account (the model must be offered there). Default: location.')
param openAiLocation string = location

@description('Azure OpenAI model name.')
param openAiModelName string = 'gpt-4o-mini'

@description('Azure OpenAI model version.')
param openAiModelVersion string = '2024-07-18'

@description('Azure OpenAI deployment type: GlobalStandard, or Standard to keep processing in the region.')
@allowed([
  'GlobalStandard'
  'Standard'
])
param openAiDeploymentType string = 'GlobalStandard'

@description('Azure OpenAI capacity in thousands of tokens per minute.')
@minValue(1)
param openAiCapacity int = 10

@description('Also enable Azure\'s Direct Line and Web Chat channels on the Azure Bot. The helpline\'s website uses the bot\'s own Direct Line, so this is off by default (fewer keys to guard).')
param enableAzureDirectLine bool = false

@description('Object id of the user or group who sets the secrets; granted Key Vault Secrets Officer. Empty: grant it yourself.')
param operatorPrincipalId string = ''

@description('Kind of principal operatorPrincipalId is: User or Group.')
@allowed([
  'User'
  'Group'
])
param operatorPrincipalType string = 'User'

@description('Storage:Engine. Sqlite: the embedded database on the mounted file share, one instance. (Postgres, for several instances, comes with the PostgreSQL engine, which is not in this version: the bot refuses it at start.)')
@allowed([
  'Sqlite'
])
param storageEngine string = 'Sqlite'

@description('Number of web app instances. Stays 1 until the PostgreSQL engine exists: the embedded SQLite database has one writer.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Size of the data file share in GiB.')
@minValue(1)
@maxValue(5120)
param dataShareQuotaGiB int = 5

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Tags put on every resource.')
param tags object = {
  application: 'HelplineBot'
}

// Names: the prefix plus a suffix stable for this resource group, so a redeploy updates in place.
var suffix = uniqueString(resourceGroup().id, namePrefix)
var webAppName = '${namePrefix}-${suffix}'
var keyVaultName = 'kv-${take(suffix, 13)}'
var storageAccountName = take('st${replace(toLower(namePrefix), '-', '')}${suffix}', 24)
var usesManagedIdentity = botIdentityType == 'UserAssignedMSI'
var dataMountPath = '/mounts/helpline-data'

// Key Vault secret names the operator sets after deployment (docs/deploy.md).
var appPasswordSecretName = 'MicrosoftAppPassword'
var directLineSecretSecretName = 'DirectLineSecret'
var storageConnectionStringSecretName = 'StorageConnectionString'
var advisorSignInSecretName = 'AdvisorSignInClientSecret'

resource botIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (usesManagedIdentity) {
  name: 'id-${namePrefix}-${suffix}'
  location: location
  tags: tags
}

var botAppId = usesManagedIdentity
  ? botIdentity!.properties.clientId
  : (empty(microsoftAppId) ? fail('microsoftAppId is required when botIdentityType is SingleTenant.') : microsoftAppId)
var botIdentityResourceId = usesManagedIdentity ? botIdentity!.id : ''

// Checked here, at deployment, so a half-configured sign-in or alert fails the deployment with a reason instead
// of stopping the bot at its next start.
var usesEntraSignIn = advisorSignIn == 'Entra'
var advisorEntraClientIdChecked = usesEntraSignIn && empty(advisorEntraClientId)
  ? fail('advisorEntraClientId is required when advisorSignIn is Entra: create the app registration first (docs/deploy.md).')
  : advisorEntraClientId
var sharedTenants = [
  'common'
  'organizations'
  'consumers'
]
// Empty in main.parameters.json means this deployment's tenant (a parameters file cannot hold tenant()).
var advisorEntraTenant = empty(advisorEntraTenantId) ? tenant().tenantId : advisorEntraTenantId
var advisorEntraTenantIdChecked = usesEntraSignIn && contains(sharedTenants, toLower(trim(advisorEntraTenant)))
  ? fail('advisorEntraTenantId must be the helpline\'s own tenant id: common, organizations and consumers would let other organisations\' accounts sign in.')
  : advisorEntraTenant
var teamsAlertsServiceUrlChecked = !empty(teamsAlertsConversationId) && !startsWith(teamsAlertsServiceUrl, 'https://')
  ? fail('teamsAlertsServiceUrl, the https address of the tenant\'s Teams service, is required when teamsAlertsConversationId is set (docs/deploy.md, Teams advisor alerts).')
  : teamsAlertsServiceUrl

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: 'log-${namePrefix}-${suffix}'
    appInsightsName: 'appi-${namePrefix}-${suffix}'
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    storageAccountName: storageAccountName
    shareName: 'helpline-data'
    shareQuotaGiB: dataShareQuotaGiB
    tags: tags
  }
}

module openAi 'modules/openAi.bicep' = if (deployOpenAi) {
  name: 'openAi'
  params: {
    location: openAiLocation
    accountName: 'oai-${namePrefix}-${suffix}'
    deploymentName: openAiModelName
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    deploymentSkuName: openAiDeploymentType
    capacity: openAiCapacity
    tags: tags
  }
}

module webApp 'modules/webApp.bicep' = {
  name: 'webApp'
  params: {
    location: location
    planName: 'asp-${namePrefix}-${suffix}'
    webAppName: webAppName
    skuName: appServicePlanSku
    instanceCount: storageEngine == 'Postgres' ? instanceCount : 1
    storageEngine: storageEngine
    storageConnectionStringSecretName: storageConnectionStringSecretName
    botIdentityResourceId: botIdentityResourceId
    storageAccountName: storage.outputs.storageAccountName
    shareName: storage.outputs.shareName
    dataMountPath: dataMountPath
    microsoftAppType: botIdentityType
    microsoftAppId: botAppId
    microsoftAppTenantId: tenant().tenantId
    keyVaultName: keyVaultName
    appPasswordSecretName: appPasswordSecretName
    directLineSecretSecretName: directLineSecretSecretName
    helplineName: helplineName
    helplinePhone: helplinePhone
    helplineHours: helplineHours
    helplineTimeZone: helplineTimeZone
    retainConversationsDays: retainConversationsDays
    publicBaseUrl: publicBaseUrl
    advisorSignIn: advisorSignIn
    advisorEntraTenantId: advisorEntraTenantIdChecked
    advisorEntraClientId: advisorEntraClientIdChecked
    advisorSignInSecretName: advisorSignInSecretName
    teamsAlertsServiceUrl: teamsAlertsServiceUrlChecked
    teamsAlertsConversationId: teamsAlertsConversationId
    openAiEndpoint: deployOpenAi ? openAi!.outputs.endpoint : ''
    openAiDeployment: deployOpenAi ? openAi!.outputs.deploymentName : ''
    appInsightsConnectionString: monitoring.outputs.connectionString
    tags: tags
  }
}

module keyVault 'modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    location: location
    keyVaultName: keyVaultName
    webAppPrincipalId: webApp.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
    tags: tags
  }
}

module openAiAccess 'modules/openAiAccess.bicep' = if (deployOpenAi) {
  name: 'openAiAccess'
  params: {
    accountName: openAi!.outputs.accountName
    webAppPrincipalId: webApp.outputs.principalId
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: 'bot-${namePrefix}-${suffix}'
    displayName: helplineName
    messagingEndpoint: 'https://${webApp.outputs.defaultHostName}/api/messages'
    microsoftAppType: botIdentityType
    microsoftAppId: botAppId
    microsoftAppTenantId: tenant().tenantId
    botIdentityResourceId: botIdentityResourceId
    skuName: botSku
    enableAzureDirectLine: enableAzureDirectLine
    trustedOrigins: [
      'https://${webApp.outputs.defaultHostName}'
    ]
    tags: tags
  }
}

@description('Name of the web app (for az webapp deploy).')
output webAppName string = webAppName

@description('Public host of the bot: the chat page is https://<host>/.')
output webAppHostName string = webApp.outputs.defaultHostName

@description('Name of the key vault the secrets go in.')
output keyVaultName string = keyVault.outputs.keyVaultName

@description('The bot\'s app id: MicrosoftAppId for the Teams app package (teams-package).')
output microsoftAppId string = botAppId

@description('Name of the Azure Bot resource.')
output botName string = bot.outputs.botName
