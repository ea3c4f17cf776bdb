using System.Text.RegularExpressions;

namespace HelplineBot.Safety;

/// <summary>One rule of a <c>rules-*.yaml</c> file: words that signal a category, with its own exceptions and examples.</summary>
internal sealed class SafetyRule
{
    public required string Id { get; init; }
    public required SafetyCategory Category { get; init; }
    public required string Description { get; init; }
    public required double Confidence { get; init; }
    public required Regex[] Matcher { get; init; }

    /// <summary>For each expression of <see cref="Matcher"/>, words one of which every match contains (null: none known).</summary>
    public required PatternAnchor?[] Anchors { get; init; }

    /// <summary>Phrases that, overlapping a match, mean the rule does not apply ("want to cut" / "cut down").</summary>
    public Regex[]? Exceptions { get; init; }

    public required IReadOnlyList<string> Examples { get; init; }
    public required IReadOnlyList<string> CounterExamples { get; init; }
    public required string File { get; init; }
}
