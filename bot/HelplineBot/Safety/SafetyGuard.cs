using System.Text.RegularExpressions;

namespace HelplineBot.Safety;

/// <summary>
/// A guard sets rule matches aside where the words are not about a present danger: general questions
/// ("what are the signs of an overdose"), idioms ("this wait is killing me"), the past ("years ago").
/// </summary>
internal sealed class SafetyGuard
{
    public required string Id { get; init; }
    public required string Description { get; init; }
    public required GuardScope Scope { get; init; }
    public required IReadOnlySet<SafetyCategory> AppliesTo { get; init; }
    public required Regex[] Matcher { get; init; }

    /// <summary>Words that, in the same clause as the match, keep it counting ("years ago ... and again tonight").</summary>
    public Regex[]? KeepWhen { get; init; }
    public required IReadOnlyList<string> Examples { get; init; }
    public required IReadOnlyList<string> CounterExamples { get; init; }
    public required string File { get; init; }
}
