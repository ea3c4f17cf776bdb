using HelplineBot.Hosting;
using Microsoft.Extensions.Options;

namespace HelplineBot.Handoff;

/// <summary>Whether advisors answer now, in the helpline's own time zone.</summary>
public sealed class OpeningHours(IOptions<HandoffOptions> options, IOptions<HelplineOptions> helpline, TimeProvider clock)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(helpline.Value.TimeZone);

    public bool IsOpen() => IsOpenAt(clock.GetUtcNow());

    public bool IsOpenAt(DateTimeOffset utc)
    {
        var local = TimeZoneInfo.ConvertTime(utc, _zone);
        if (options.Value.OpenDays.Count > 0 && !options.Value.OpenDays.Contains(local.DayOfWeek)) return false;
        var from = TimeSpan.Parse(options.Value.OpenFrom, System.Globalization.CultureInfo.InvariantCulture);
        var until = options.Value.OpenUntil == "24:00" ? TimeSpan.FromDays(1) : TimeSpan.Parse(options.Value.OpenUntil, System.Globalization.CultureInfo.InvariantCulture);
        var time = local.TimeOfDay;
        return from <= until ? time >= from && time < until : time >= from || time < until;
    }

    /// <summary>Midnight today in the helpline's time zone, as UTC: "handled today" counts from here.</summary>
    public DateTimeOffset StartOfToday()
    {
        var local = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone);
        var midnight = new DateTime(local.Year, local.Month, local.Day, 0, 0, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, _zone.GetUtcOffset(midnight));
    }
}
