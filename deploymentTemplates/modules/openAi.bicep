// Optional Azure OpenAI account and one model deployment for the grounded answerer. Keys are turned off:
// the web app calls it with its managed identity (role granted in openAiAccess.bicep, once the web app exists).

@description('Azure region of the account (the model must be offered there).')
param location string

@description('Name of the Azure OpenAI account; also its custom subdomain, so globally unique.')
param accountName string

@description('Name of the model deployment the bot calls (AzureOpenAI:Deployment).')
param deploymentName string

@description('Model name, e.g. gpt-4o-mini.')
param modelName string

@description('Model version, e.g. 2024-07-18.')
param modelVersion string

@description('Deployment type: GlobalStandard or Standard (Standard keeps data processing in the region).')
@allowed([
  'GlobalStandard'
  'Standard'
])
param deploymentSkuName string

@description('Capacity in thousands of tokens per minute.')
@minValue(1)
param capacity int

@description('Tags put on every resource.')
param tags object

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: accountName
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: deploymentName
  sku: {
    name: deploymentSkuName
    capacity: capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
  }
}

@description('Endpoint of the account (AzureOpenAI:Endpoint).')
output endpoint string = account.properties.endpoint

@description('Name of the model deployment (AzureOpenAI:Deployment).')
output deploymentName string = deployment.name

@description('Name of the account.')
output accountName string = account.name
