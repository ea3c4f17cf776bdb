namespace HelplineBot.Dialogs.Engine;

/// <summary>
/// A decision, made before the active dialog runs, that the dialog must end. <see cref="ReplySent"/>: the
/// caller already answered the person (e.g. the crisis reply), so the engine adds nothing.
/// <see cref="HandoffRequested"/>: the caller already asked for a person, so the engine does not again.
/// </summary>
public sealed record DialogInterruption(InterruptionKind Kind, bool ReplySent = false, bool HandoffRequested = false);
