using System.ComponentModel.DataAnnotations;

namespace HelplineBot.Handoff;

/// <summary>The advisors' queue, console and relay. Section "Handoff".</summary>
public sealed class HandoffOptions
{
    public const string Section = "Handoff";

    /// <summary>Local time (Helpline:TimeZone) advisors start answering, "HH:mm". Default "00:00".</summary>
    [Required, RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]$")] public string OpenFrom { get; set; } = "00:00";

    /// <summary>Local time advisors stop answering, "HH:mm" or "24:00". Default "24:00" (with OpenFrom "00:00": always open).</summary>
    [Required, RegularExpression("^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$")] public string OpenUntil { get; set; } = "24:00";

    /// <summary>Days advisors answer (DayOfWeek names); empty means every day. Default empty.</summary>
    public List<DayOfWeek> OpenDays { get; set; } = [];

    /// <summary>Target time from queued to the first advisor reply for a crisis. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan CrisisFirstReplyTarget { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Target time from queued to the first advisor reply otherwise. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "04:00:00")] public TimeSpan FirstReplyTarget { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a waiting person hears their place in line; at most 30 s (issue 6 §2). Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")] public TimeSpan UpdateInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a person waiting for an advisor (queued, or assigned or transferred but not yet in a chat) may show
    /// no sign of being there before they leave the line as abandoned. Only channels that give a sign count (the
    /// built-in Direct Line: an open stream or a recent request); a chat already with an advisor is never closed
    /// this way. Checked every quarter of this period, at most every 30 seconds. Default 3 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How far back waits count as recent history for the estimate. Default 7 days.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "90.00:00:00")] public TimeSpan EstimateWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Recent handoffs needed before a wait is estimated at all. Default 20.</summary>
    [Range(5, 10_000)] public int EstimateMinimumHistory { get; set; } = 20;

    /// <summary>
    /// "Console" (default): our own advisors' queue and console. "ChannelHub": the channel's own agent hub takes
    /// the person (Bot Framework handoff.initiate with the transcript; handoff.status acted on).
    /// </summary>
    [Required, RegularExpression("^(Console|ChannelHub)$")] public string Mode { get; set; } = "Console";

    /// <summary>
    /// Channels whose handoff.status events are trusted (ChannelHub mode). Default none. Never list the built-in
    /// Direct Line: there the visitor could post a forged status themselves.
    /// </summary>
    public List<string> HubChannels { get; set; } = [];

    public bool UsesChannelHub => Mode == "ChannelHub";

    /// <summary>
    /// How advisors sign in. "Local" (default): accounts kept in the data folder, created with `advisors add`.
    /// "Entra": Microsoft Entra ID (OpenID Connect, settings in the "AzureAd" section; app roles "advisor"
    /// and "supervisor").
    /// </summary>
    [Required, RegularExpression("^(Local|Entra)$")] public string SignIn { get; set; } = "Local";

    public bool UsesEntra => SignIn == "Entra";

    /// <summary>Failed sign-ins in a row before an advisor account is locked. Default 5.</summary>
    [Range(1, 100)] public int LockoutAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")] public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an advisor's sign-in lasts without activity. Default 8 hours.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")] public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Canned responses for the console, relative to the content root. Default "knowledge/canned-responses.yaml".</summary>
    [Required] public string CannedResponsesFile { get; set; } = "knowledge/canned-responses.yaml";
}
