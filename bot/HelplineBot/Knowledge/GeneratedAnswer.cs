namespace HelplineBot.Knowledge;

/// <summary>A generated answer that passed the checks, with the ids of the sections it cites.</summary>
public sealed record GeneratedAnswer(string Text, IReadOnlyList<string> CitedSectionIds);
