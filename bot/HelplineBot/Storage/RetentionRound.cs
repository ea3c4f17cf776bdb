namespace HelplineBot.Storage;

/// <summary>What one round of the retention job removed: records per kind (see <see cref="IExpiringRecords.Kind"/>).</summary>
public sealed record RetentionRound(IReadOnlyDictionary<string, int> Removed)
{
    public int Total => Removed.Values.Sum();
}
