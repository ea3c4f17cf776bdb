using HelplineBot.Hosting;

namespace HelplineBot.Dialogs.Flows;

/// <summary>
/// <c>{helpline.name}</c>, <c>{helpline.phone}</c> and <c>{helpline.hours}</c>: usable in every message and
/// filled from the "Helpline" settings, so the number and hours are never typed into a messages file.
/// </summary>
public static class HelplinePlaceholders
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal) { "helpline.name", "helpline.phone", "helpline.hours" };

    /// <summary>The value for <paramref name="name"/>, or null when it is not a helpline placeholder.</summary>
    public static string? Find(HelplineOptions helpline, string name) => name switch
    {
        "helpline.name" => helpline.Name,
        "helpline.phone" => helpline.Phone,
        "helpline.hours" => helpline.Hours,
        _ => null,
    };
}
