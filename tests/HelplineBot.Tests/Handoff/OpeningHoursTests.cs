using HelplineBot.Handoff;
using HelplineBot.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HelplineBot.Tests.Handoff;

public class OpeningHoursTests
{
    private static OpeningHours CreateSut(string from, string until, params DayOfWeek[] days) => new(
        Options.Create(new HandoffOptions { OpenFrom = from, OpenUntil = until, OpenDays = [.. days] }),
        Options.Create(new HelplineOptions { TimeZone = "America/New_York" }),
        new FakeTimeProvider());

    // 2026-11-23 is a Monday; New York is UTC-5 in November.
    private static DateTimeOffset NewYork(int hour, int minute = 0) => new(2026, 11, 23, hour + 5, minute, 0, TimeSpan.Zero);

    [Fact]
    public void IsOpenAt_DefaultHours_AlwaysOpen()
    {
        var sut = CreateSut("00:00", "24:00");

        Assert.True(sut.IsOpenAt(NewYork(3)));
        Assert.True(sut.IsOpenAt(NewYork(18, 59)));
    }

    [Fact]
    public void IsOpenAt_DaytimeHours_ClosedBeforeAndAfterInTheHelplinesTimeZone()
    {
        var sut = CreateSut("09:00", "17:00");

        Assert.False(sut.IsOpenAt(NewYork(8, 59)));
        Assert.True(sut.IsOpenAt(NewYork(9)));
        Assert.False(sut.IsOpenAt(NewYork(17)));
    }

    [Fact]
    public void IsOpenAt_OvernightHours_OpenAcrossMidnight()
    {
        var sut = CreateSut("20:00", "08:00");

        Assert.True(sut.IsOpenAt(NewYork(2)));
        Assert.False(sut.IsOpenAt(NewYork(12)));
    }

    [Fact]
    public void IsOpenAt_DayNotListed_Closed() =>
        Assert.False(CreateSut("00:00", "24:00", DayOfWeek.Saturday, DayOfWeek.Sunday).IsOpenAt(NewYork(12)));
}
