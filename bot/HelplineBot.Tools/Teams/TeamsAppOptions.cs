using System.ComponentModel.DataAnnotations;

namespace HelplineBot.Tools.Teams;

/// <summary>
/// What the Teams app package says about the helpline beyond the bot's own settings. Section "TeamsApp";
/// read only by the teams-package command, never by the bot. Empty values fall back as documented.
/// </summary>
internal sealed class TeamsAppOptions
{
    public const string Section = "TeamsApp";

    /// <summary>Package version, MAJOR.MINOR.PATCH; raise it for every upload of a changed package. Default "1.0.0".</summary>
    [Required, RegularExpression(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")] public string Version { get; set; } = "1.0.0";

    /// <summary>Name under the icon in Teams, at most 30 characters. Default: Helpline:Name.</summary>
    public string ShortName { get; set; } = "";

    /// <summary>Publisher shown in the app details. Default: Helpline:Name.</summary>
    public string DeveloperName { get; set; } = "";

    /// <summary>The helpline's website (https). Default: DirectLine:PublicBaseUrl, the bot's own chat page.</summary>
    public string WebsiteUrl { get; set; } = "";

    /// <summary>Privacy statement (https). Default: WebsiteUrl.</summary>
    public string PrivacyUrl { get; set; } = "";

    /// <summary>Terms of use (https). Default: WebsiteUrl.</summary>
    public string TermsOfUseUrl { get; set; } = "";

    /// <summary>Background of the colour icon and of the app in Teams, "#RRGGBB". Default "#1F5F8B".</summary>
    [Required, RegularExpression("^#[0-9A-Fa-f]{6}$")] public string AccentColor { get; set; } = "#1F5F8B";

    /// <summary>Hosts Teams may open inside the app. Default: the hosts of DirectLine:PublicBaseUrl and WebsiteUrl.</summary>
    public List<string> ValidDomains { get; set; } = [];
}
