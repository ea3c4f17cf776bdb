namespace HelplineBot.Handoff;

/// <summary>
/// An honest wait range, or none. With fewer than the minimum of recent handoffs, or no advisor
/// available, nothing is estimated (issue 6 §2). Otherwise the range is the 25th to 75th percentile of
/// recent waits, scaled by how many rounds of available advisors are ahead of the person.
/// </summary>
public static class WaitEstimate
{
    public static WaitRange? For(IReadOnlyList<TimeSpan> recentWaits, int position, int availableAdvisors, int minimumHistory)
    {
        if (recentWaits.Count < minimumHistory || availableAdvisors <= 0 || position <= 0) return null;
        var sorted = recentWaits.OrderBy(w => w).ToArray();
        var rounds = (position + availableAdvisors - 1) / availableAdvisors;
        var low = Percentile(sorted, 0.25) * rounds;
        var high = Percentile(sorted, 0.75) * rounds;
        var lowMinutes = Math.Max(1, (int)Math.Floor(low.TotalMinutes));
        var highMinutes = Math.Max(lowMinutes + 1, (int)Math.Ceiling(high.TotalMinutes));
        return new WaitRange(lowMinutes, highMinutes);
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
    }
}

/// <summary>A wait shown to the person as "about {Low} to {High} minutes".</summary>
public sealed record WaitRange(int LowMinutes, int HighMinutes);
