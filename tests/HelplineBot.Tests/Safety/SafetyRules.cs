using HelplineBot.Safety;

namespace HelplineBot.Tests.Safety;

/// <summary>The real rule files (copied next to the test binary), loaded and compiled once for all tests.</summary>
internal static class SafetyRules
{
    private static readonly Lazy<RuleSet> Shared = new(() => RuleSet.Load(Folder));

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "knowledge", "safety");

    public static RuleSet RuleSet => Shared.Value;

    public static SafetyScreen CreateScreen() => new(RuleSet);
}
