namespace HelplineBot.Handoff;

/// <summary>
/// What the bot learned before the handoff, for the advisor's screen: topics, self-check answers, the
/// safety screen's evidence (the person's own words: shown to advisors, never logged) and a name if given.
/// </summary>
public sealed record HandoffContext
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyDictionary<string, string> Answers { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> SafetyEvidence { get; init; } = [];
    public string? SafetyLabel { get; init; }
    public string? Name { get; init; }
    public string? Language { get; init; }

    public static HandoffContext Empty { get; } = new();
}
