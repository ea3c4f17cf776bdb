using HelplineBot.Eval;
using HelplineBot.Safety;
using static HelplineBot.Safety.SafetyCategory;

namespace HelplineBot.Tests.Safety;

public class SafetyMetricsTests
{
    // 4 crises (one missed, one in the wrong crisis category), 2 human requests (one missed), 4 non-crisis (one false alarm).
    private static SafetyMetrics CreateSut() => new(
    [
        (CrisisSuicide, CrisisSuicide),
        (CrisisSuicide, CrisisOverdoseMedical),
        (CrisisOverdoseMedical, CrisisOverdoseMedical),
        (CrisisSelfHarm, None),
        (HumanRequest, HumanRequest),
        (HumanRequest, None),
        (None, None),
        (None, None),
        (None, CrisisAbuseDanger),
        (None, HumanRequest),
    ]);

    [Fact]
    public void CrisisRecall_AnyCrisisPredictedAsAnyCrisis_Counts() => Assert.Equal(3.0 / 4, CreateSut().CrisisRecall, 6);

    [Fact]
    public void HumanRequestRecall_Computed() => Assert.Equal(0.5, CreateSut().HumanRequestRecall, 6);

    [Fact]
    public void FalsePositiveRate_IsCrisisPredictionsOverAllNonCrisisMessages() =>
        Assert.Equal(1.0 / 6, CreateSut().FalsePositiveRate, 6);

    [Fact]
    public void PrecisionAndRecall_PerLabel_FromTheConfusionMatrix()
    {
        var sut = CreateSut();

        Assert.Equal(0.5, sut.Precision(CrisisOverdoseMedical)!.Value, 6);
        Assert.Equal(1.0, sut.Recall(CrisisOverdoseMedical)!.Value, 6);
        Assert.Equal(0.5, sut.Recall(CrisisSuicide)!.Value, 6);
        Assert.Equal(0.5, sut.Precision(None)!.Value, 6);
        Assert.Equal(0.5, sut.Recall(None)!.Value, 6);
        Assert.Null(sut.Precision(CrisisSelfHarm));
        Assert.Null(sut.Recall(CrisisHarmToOthers));
    }

    [Fact]
    public void Confusion_RowsAreGoldColumnsArePredicted()
    {
        var sut = CreateSut();

        Assert.Equal(1, sut.Confusion(CrisisSuicide, CrisisOverdoseMedical));
        Assert.Equal(0, sut.Confusion(CrisisOverdoseMedical, CrisisSuicide));
        Assert.Equal(4, sut.Support(None));
        Assert.Equal(4, sut.PredictedCount(None));
        Assert.Equal(10, sut.Count);
    }

    [Fact]
    public void Metrics_NoCrisisMessages_RecallIsOneAndNoFalsePositives()
    {
        var sut = new SafetyMetrics([(None, None)]);

        Assert.Equal(1.0, sut.CrisisRecall);
        Assert.Equal(0.0, sut.FalsePositiveRate);
    }

    [Theory]
    [InlineData(new double[] { 5 }, 5)]
    [InlineData(new double[] { 3, 1, 2 }, 3)]
    public void Percentile99_NearestRank(double[] samples, double expected) => Assert.Equal(expected, SafetyMetrics.Percentile99(samples));

    [Fact]
    public void Percentile99_OfHundredSamples_IsTheNinetyNinthSmallest()
    {
        var samples = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToList();

        Assert.Equal(99, SafetyMetrics.Percentile99(samples));
    }
}
