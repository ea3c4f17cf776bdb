namespace HelplineBot.Handoff;

/// <summary>A message said during a handoff, kept for the advisor's transcript. Text is personal data: never logged.</summary>
public sealed record RelayedMessage(string Sender, string? SenderName, string Text, DateTimeOffset At)
{
    public const string Visitor = "visitor";
    public const string Advisor = "advisor";
    public const string Bot = "bot";
}
