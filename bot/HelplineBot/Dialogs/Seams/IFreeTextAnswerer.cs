namespace HelplineBot.Dialogs.Seams;

/// <summary>
/// Answers free text that no flow or command claimed (and questions asked inside a prompt). The
/// knowledge answerer plugs in here; until then <see cref="MenuOnlyAnswerer"/> points to the menu.
/// </summary>
public interface IFreeTextAnswerer
{
    Task<FreeTextAnswer> AnswerAsync(FreeTextQuestion question, CancellationToken cancellationToken);
}

/// <summary>The text to answer and where it was asked (the active dialog, if any, for context).</summary>
public sealed record FreeTextQuestion(string Text, string ConversationKey, string? ChannelId, string? Locale, string? ActiveDialogId);

/// <summary>
/// An answer to send, or <see cref="IsAnswered"/> false when the answerer has nothing to say: the engine
/// then offers the menu. <see cref="Text"/> is Markdown; <see cref="Replies"/>, when given, are sent as
/// they are instead (e.g. an answer with its source line and follow-up buttons).
/// </summary>
public sealed record FreeTextAnswer(bool IsAnswered, string? Text = null, IReadOnlyList<Protocol.Schema.Activity>? Replies = null)
{
    public static readonly FreeTextAnswer NotAnswered = new(false);
}
