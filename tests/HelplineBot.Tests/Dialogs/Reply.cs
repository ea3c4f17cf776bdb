using HelplineBot.Protocol.Schema;

namespace HelplineBot.Tests.Dialogs;

/// <summary>The bot's messages in answer to one turn, with helpers that read behaviour rather than wording.</summary>
public sealed record Reply(IReadOnlyList<Activity> Activities, int TypingCount)
{
    public string Text => string.Join("\n", Activities.Select(a => a.Text ?? ""));

    /// <summary>The options of the last question (suggested actions), or empty when it offered none.</summary>
    public IReadOnlyList<string> Options =>
        Activities.LastOrDefault(a => a.SuggestedActions is not null)?.SuggestedActions!.Actions!.Select(a => a.Title ?? "").ToList() ?? [];

    public bool Mentions(string fragment) => Text.Contains(fragment, StringComparison.OrdinalIgnoreCase);

    public bool Offers(string fragment) => Options.Any(o => o.Contains(fragment, StringComparison.OrdinalIgnoreCase));

    public bool IsEmpty => Activities.Count == 0;
}
