using HelplineBot.Protocol.Schema;

namespace HelplineBot.Knowledge;

/// <summary>
/// What the answerer says to one question: the reply activities (unaddressed; the turn fills in the
/// addressing), whether it declined, and the ids of the sections the answer comes from.
/// </summary>
public sealed record Answer
{
    public required IReadOnlyList<Activity> Replies { get; init; }
    public required bool Declined { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    public DeclineReason? DeclineReason { get; init; }
    public AnswerMode Mode { get; init; }

    /// <summary>The text of every reply, as the visitor reads it.</summary>
    public string Text => string.Join("\n\n", Replies.Select(r => r.Text).Where(t => !string.IsNullOrEmpty(t)));
}
