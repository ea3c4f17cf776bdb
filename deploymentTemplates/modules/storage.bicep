// Persistent storage for the embedded SQLite default: an Azure Files share that App Service mounts into
// the web app (site config azureStorageAccounts), so conversations survive restarts and redeploys.

@description('Azure region of the resources.')
param location string

@description('Name of the storage account (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param storageAccountName string

@description('Name of the file share holding the bot\'s data folder.')
param shareName string

@description('Size of the file share in GiB.')
@minValue(1)
@maxValue(5120)
param shareQuotaGiB int

@description('Tags put on every resource.')
param tags object

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // App Service mounts Azure Files with the account key; identity-based mounts are not offered for it.
    allowSharedKeyAccess: true
    publicNetworkAccess: 'Enabled'
  }
}

resource fileService 'Microsoft.Storage/storageAccounts/fileServices@2023-05-01' = {
  parent: storageAccount
  name: 'default'
  properties: {
    shareDeleteRetentionPolicy: {
      enabled: true
      days: 14
    }
  }
}

resource share 'Microsoft.Storage/storageAccounts/fileServices/shares@2023-05-01' = {
  parent: fileService
  name: shareName
  properties: {
    shareQuota: shareQuotaGiB
    enabledProtocols: 'SMB'
  }
}

@description('Name of the storage account, for the web app\'s mount.')
output storageAccountName string = storageAccount.name

@description('Name of the file share, for the web app\'s mount.')
output shareName string = share.name
