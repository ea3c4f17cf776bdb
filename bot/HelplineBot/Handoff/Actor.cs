namespace HelplineBot.Handoff;

/// <summary>Who made a move, as stored with each transition.</summary>
public static class Actor
{
    public const string Bot = "bot";
    public const string Visitor = "visitor";
    public const string System = "system";

    public static string Advisor(string advisorId) => $"advisor:{advisorId}";
}
