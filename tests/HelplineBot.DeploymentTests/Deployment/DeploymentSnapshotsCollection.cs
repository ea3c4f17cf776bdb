namespace HelplineBot.DeploymentTests.Deployment;

/// <summary>The test classes that share <see cref="DeploymentSnapshots"/> (each snapshot takes seconds).</summary>
[CollectionDefinition(DeploymentSnapshots.Collection)]
public sealed class DeploymentSnapshotsCollection : ICollectionFixture<DeploymentSnapshots>;
