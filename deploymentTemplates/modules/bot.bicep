// The Azure Bot resource: the bot's identity at Bot Service, its messaging endpoint on the web app, and the
// channels. Teams is the reason it exists. The website chat does NOT need Azure's Direct Line: the bot
// serves its own Direct Line 3.0, so the Direct Line and Web Chat channels are off unless asked for.

@description('Name (handle) of the Azure Bot, globally unique.')
param botName string

@description('Name shown in Teams and in the Bot Service portal.')
param displayName string

@description('Messaging endpoint: https://<web app host>/api/messages.')
param messagingEndpoint string

@description('SingleTenant (app registration) or UserAssignedMSI (managed identity).')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param microsoftAppType string

@description('Client id of the app registration or of the user-assigned identity.')
param microsoftAppId string

@description('Tenant of the app registration or identity.')
param microsoftAppTenantId string

@description('Resource id of the user-assigned identity (UserAssignedMSI only, else empty).')
param botIdentityResourceId string

@description('Bot Service pricing tier: F0 (free, standard channels only) or S1 (with SLA).')
@allowed([
  'F0'
  'S1'
])
param skuName string

@description('Also turn on Azure\'s Direct Line and Web Chat channels (not used by the helpline\'s website).')
param enableAzureDirectLine bool

@description('Origins allowed to use the Azure Direct Line site when it is on, e.g. https://<web app host>.')
param trustedOrigins array

@description('Tags put on every resource.')
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppType: microsoftAppType
    msaAppId: microsoftAppId
    msaAppTenantId: microsoftAppTenantId
    msaAppMSIResourceId: microsoftAppType == 'UserAssignedMSI' ? botIdentityResourceId : null
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = if (enableAzureDirectLine) {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: true
          trustedOrigins: trustedOrigins
        }
      ]
    }
  }
}

resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = if (enableAzureDirectLine) {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: false
          isSecureSiteEnabled: true
          trustedOrigins: trustedOrigins
        }
      ]
    }
  }
}

@description('Name of the Azure Bot.')
output botName string = bot.name
