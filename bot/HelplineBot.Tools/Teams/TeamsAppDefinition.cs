using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace HelplineBot.Tools.Teams;

/// <summary>
/// Everything the manifest needs, resolved from the bot's configuration (root MicrosoftAppId, Helpline,
/// DirectLine:PublicBaseUrl) and the TeamsApp section, with the problems that stop a package from building.
/// </summary>
internal sealed record TeamsAppDefinition(
    Guid AppId,
    string Version,
    string ShortName,
    string FullName,
    string DeveloperName,
    Uri WebsiteUrl,
    Uri PrivacyUrl,
    Uri TermsOfUseUrl,
    string AccentColor,
    IReadOnlyList<string> ValidDomains,
    string HelplinePhone,
    string HelplineHours)
{
    public const int ShortNameMaxLength = 30;
    public const int FullNameMaxLength = 100;
    public const int DeveloperNameMaxLength = 32;

    public static TeamsAppDefinition? Resolve(IConfiguration configuration, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var options = configuration.GetSection(TeamsAppOptions.Section).Get<TeamsAppOptions>() ?? new TeamsAppOptions();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            found.AddRange(results.Select(r => $"{TeamsAppOptions.Section}:{string.Join(",", r.MemberNames)} is not valid ({r.ErrorMessage})."));
        }

        var appIdText = configuration["MicrosoftAppId"];
        if (string.IsNullOrWhiteSpace(appIdText))
        {
            found.Add("MicrosoftAppId is empty: set it to the Azure Bot's app id (the deployment's microsoftAppId output).");
        }
        else if (!Guid.TryParse(appIdText, out _))
        {
            found.Add("MicrosoftAppId is not a GUID.");
        }

        // The helpline's name, number and hours come from the bot's own settings, never from this tool.
        var helplineName = Required(configuration, "Helpline:Name", found);
        var phone = Required(configuration, "Helpline:Phone", found);
        var hours = Required(configuration, "Helpline:Hours", found);
        var shortName = Text(options.ShortName, helplineName);
        if (shortName.Length > ShortNameMaxLength)
        {
            found.Add($"The app's short name has {shortName.Length} characters; Teams allows {ShortNameMaxLength}: set TeamsApp:ShortName.");
        }

        var developerName = Text(options.DeveloperName, helplineName);
        if (developerName.Length > DeveloperNameMaxLength)
        {
            found.Add($"The developer name has {developerName.Length} characters; Teams allows {DeveloperNameMaxLength}: set TeamsApp:DeveloperName.");
        }

        var publicBaseUrl = configuration["DirectLine:PublicBaseUrl"];
        var website = HttpsUrl(Text(options.WebsiteUrl, publicBaseUrl ?? ""), "TeamsApp:WebsiteUrl (or DirectLine:PublicBaseUrl)", found);
        // Without a website the two fallbacks below have nothing to fall back on: report the website only.
        var privacy = website is null && options.PrivacyUrl.Length == 0 ? null : HttpsUrl(Text(options.PrivacyUrl, website?.ToString() ?? ""), "TeamsApp:PrivacyUrl", found);
        var terms = website is null && options.TermsOfUseUrl.Length == 0 ? null : HttpsUrl(Text(options.TermsOfUseUrl, website?.ToString() ?? ""), "TeamsApp:TermsOfUseUrl", found);

        var domains = options.ValidDomains.Count > 0
            ? options.ValidDomains
            : new[] { publicBaseUrl, website?.ToString() }
                .Where(u => Uri.TryCreate(u, UriKind.Absolute, out _))
                .Select(u => new Uri(u!).Host)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
        foreach (var domain in domains.Where(d => d.Contains("://", StringComparison.Ordinal) || d.Contains('/', StringComparison.Ordinal)))
        {
            found.Add($"TeamsApp:ValidDomains: \"{domain}\" must be a host name without scheme or path.");
        }

        problems = found;
        if (found.Count > 0)
        {
            return null;
        }

        var fullName = $"{helplineName} chat assistant";
        return new TeamsAppDefinition(
            Guid.Parse(appIdText!),
            options.Version,
            shortName,
            fullName.Length <= FullNameMaxLength ? fullName : helplineName[..Math.Min(helplineName.Length, FullNameMaxLength)],
            developerName,
            website!,
            privacy!,
            terms!,
            options.AccentColor,
            domains,
            phone,
            hours);
    }

    private static string Required(IConfiguration configuration, string key, List<string> problems)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{key} is empty.");
            return "";
        }

        return value.Trim();
    }

    private static string Text(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();

    private static Uri? HttpsUrl(string value, string key, List<string> problems)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
        {
            return uri;
        }

        problems.Add(string.IsNullOrEmpty(value)
            ? $"{key} is empty: Teams requires an https address."
            : $"{key} must be an absolute https address.");
        return null;
    }
}
