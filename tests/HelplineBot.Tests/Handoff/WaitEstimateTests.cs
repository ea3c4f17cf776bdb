using HelplineBot.Handoff;

namespace HelplineBot.Tests.Handoff;

public class WaitEstimateTests
{
    private static IReadOnlyList<TimeSpan> Minutes(params int[] minutes) => minutes.Select(m => TimeSpan.FromMinutes(m)).ToArray();

    private static IReadOnlyList<TimeSpan> TwentyWaits() => Minutes(Enumerable.Range(1, 20).ToArray());

    [Fact]
    public void For_FewerRecentHandoffsThanTheMinimum_GivesNoEstimate() =>
        Assert.Null(WaitEstimate.For(Minutes(Enumerable.Range(1, 19).ToArray()), position: 1, availableAdvisors: 2, minimumHistory: 20));

    [Fact]
    public void For_NoAdvisorAvailable_GivesNoEstimate() =>
        Assert.Null(WaitEstimate.For(TwentyWaits(), position: 1, availableAdvisors: 0, minimumHistory: 20));

    [Fact]
    public void For_EnoughHistory_GivesTheInterquartileRange()
    {
        // 1..20 minutes: 25th percentile 5.75, 75th 15.25 → "about 5 to 16 minutes".
        var range = WaitEstimate.For(TwentyWaits(), position: 1, availableAdvisors: 1, minimumHistory: 20);

        Assert.Equal(new WaitRange(5, 16), range);
    }

    [Fact]
    public void For_SecondRoundOfAdvisors_DoublesTheRange()
    {
        var first = WaitEstimate.For(TwentyWaits(), position: 2, availableAdvisors: 2, minimumHistory: 20);
        var second = WaitEstimate.For(TwentyWaits(), position: 3, availableAdvisors: 2, minimumHistory: 20);

        Assert.Equal(new WaitRange(5, 16), first);
        Assert.Equal(new WaitRange(11, 31), second);
    }

    [Fact]
    public void For_VeryShortWaits_StillShowsARangeOfAtLeastOneMinute()
    {
        var range = WaitEstimate.For(Enumerable.Repeat(TimeSpan.FromSeconds(5), 20).ToArray(), 1, 1, 20);

        Assert.Equal(new WaitRange(1, 2), range);
    }
}
