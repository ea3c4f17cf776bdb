// Lets the web app's managed identity call the Azure OpenAI account (keys are disabled on the account).

@description('Name of the existing Azure OpenAI account.')
param accountName string

@description('Object id of the web app\'s system-assigned managed identity.')
param webAppPrincipalId string

// Built-in role "Cognitive Services OpenAI User": call deployments, nothing else.
var openAiUserRoleId = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: accountName
}

resource webAppCallsModel 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, webAppPrincipalId, openAiUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', openAiUserRoleId)
    principalId: webAppPrincipalId
    principalType: 'ServicePrincipal'
  }
}
