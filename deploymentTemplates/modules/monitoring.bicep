// Logs and telemetry: a Log Analytics workspace and a workspace-based Application Insights resource.
// The bot itself logs ids only (never message text), so what lands here is already free of personal data.

@description('Azure region of the resources.')
param location string

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights resource.')
param appInsightsName string

@description('Days logs are kept. 30 is the free retention of Log Analytics.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Tags put on every resource.')
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableIpMasking: false
  }
}

@description('Connection string the web app uses to send telemetry (not a secret: it only allows writing).')
output connectionString string = appInsights.properties.ConnectionString
