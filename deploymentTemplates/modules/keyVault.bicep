// Key Vault for the bot's secrets (the app password, the Direct Line secret, the advisor sign-in's client
// secret). Access is by Azure RBAC only: the web app's managed identity may read secrets, an optional operator
// may write them. The template creates no secret: the operator sets them after deployment (docs/deploy.md),
// so none is ever in a file.

@description('Azure region of the resources.')
param location string

@description('Name of the key vault (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param keyVaultName string

@description('Object id of the web app\'s system-assigned managed identity, which reads the secrets.')
param webAppPrincipalId string

@description('Object id of a user or group allowed to set the secrets (Key Vault Secrets Officer). Empty: none is granted here.')
param operatorPrincipalId string

@description('Principal type of operatorPrincipalId: User or Group.')
@allowed([
  'User'
  'Group'
])
param operatorPrincipalType string

@description('Tags put on every resource.')
param tags object

// Built-in role ids (the same in every tenant).
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource webAppReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, webAppPrincipalId, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: webAppPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource officerWritesSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  scope: keyVault
  name: guid(keyVault.id, operatorPrincipalId, keyVaultSecretsOfficerRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficerRoleId)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

@description('Name of the key vault.')
output keyVaultName string = keyVault.name
