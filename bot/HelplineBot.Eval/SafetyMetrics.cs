using HelplineBot.Safety;

namespace HelplineBot.Eval;

/// <summary>
/// The safety screen's figures over labelled messages (issue 5 §5). Gold labels "question", "smalltalk" and
/// "other" count as <c>none</c>. Crisis recall counts any crisis predicted as any crisis; the false-positive
/// rate is the share of non-crisis messages (human requests included) predicted as a crisis.
/// </summary>
internal sealed class SafetyMetrics
{
    private readonly int[,] _confusion;

    public SafetyMetrics(IReadOnlyList<(SafetyCategory Gold, SafetyCategory Predicted)> pairs)
    {
        var size = Enum.GetValues<SafetyCategory>().Length;
        _confusion = new int[size, size];
        foreach (var (gold, predicted) in pairs) _confusion[(int)gold, (int)predicted]++;
        Count = pairs.Count;

        var goldCrisis = pairs.Count(p => p.Gold.IsCrisis());
        CrisisRecall = Ratio(pairs.Count(p => p.Gold.IsCrisis() && p.Predicted.IsCrisis()), goldCrisis);
        var goldHuman = pairs.Count(p => p.Gold == SafetyCategory.HumanRequest);
        HumanRequestRecall = Ratio(pairs.Count(p => p.Gold == SafetyCategory.HumanRequest && p.Predicted == SafetyCategory.HumanRequest), goldHuman);
        var goldNonCrisis = pairs.Count - goldCrisis;
        var falsePositives = pairs.Count(p => !p.Gold.IsCrisis() && p.Predicted.IsCrisis());
        FalsePositiveRate = goldNonCrisis == 0 ? 0 : (double)falsePositives / goldNonCrisis;
    }

    public int Count { get; }

    /// <summary>Gold crisis messages predicted as any crisis, over gold crisis messages (1 when there are none).</summary>
    public double CrisisRecall { get; }

    public double HumanRequestRecall { get; }

    /// <summary>Non-crisis messages predicted as a crisis, over non-crisis messages (0 when there are none).</summary>
    public double FalsePositiveRate { get; }

    public int Confusion(SafetyCategory gold, SafetyCategory predicted) => _confusion[(int)gold, (int)predicted];

    public int Support(SafetyCategory gold) => Enumerable.Range(0, _confusion.GetLength(1)).Sum(p => _confusion[(int)gold, p]);

    public int PredictedCount(SafetyCategory predicted) => Enumerable.Range(0, _confusion.GetLength(0)).Sum(g => _confusion[g, (int)predicted]);

    /// <summary>Null when nothing was predicted with this label.</summary>
    public double? Precision(SafetyCategory category)
    {
        var predicted = PredictedCount(category);
        return predicted == 0 ? null : (double)Confusion(category, category) / predicted;
    }

    /// <summary>Null when no message has this gold label.</summary>
    public double? Recall(SafetyCategory category)
    {
        var support = Support(category);
        return support == 0 ? null : (double)Confusion(category, category) / support;
    }

    /// <summary>The value at the 99th percentile (nearest rank) of the samples.</summary>
    public static double Percentile99(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0) return 0;
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(0.99 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
}
