using System.ComponentModel.DataAnnotations;

namespace HelplineBot.Channels.DirectLine;

/// <summary>The built-in Direct Line 3.0 channel. Section "DirectLine".</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>
    /// The Direct Line secret (the master key: server side only, never sent to a browser). Default empty:
    /// a random development secret is generated once and kept in the data folder.
    /// </summary>
    public string Secret { get; set; } = "";

    /// <summary>Lifetime of a conversation token in seconds. Default 1800; directlinejs refreshes every 15 minutes, so at least 1200.</summary>
    [Range(1200, 86400)] public int TokenLifetimeSeconds { get; set; } = 1800;

    /// <summary>Public base URL (e.g. https://chat.example.org) used in stream URLs behind a proxy. Default empty: taken from the request.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>Most activities answered by one GET activities call. Default 500.</summary>
    [Range(1, 10000)] public int MaxActivitiesPerGet { get; set; } = 500;
}
