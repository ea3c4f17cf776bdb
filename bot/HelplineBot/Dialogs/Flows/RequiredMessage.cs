namespace HelplineBot.Dialogs.Flows;

/// <summary>
/// A message another feature says by itself (not named by any flow), with the runtime values it fills
/// besides the helpline placeholders. Registered as a service, so the messages check at start refuses a
/// file that lacks the id or uses a placeholder the feature does not fill.
/// </summary>
public sealed record RequiredMessage(string Id, params IReadOnlyList<string> Placeholders);
