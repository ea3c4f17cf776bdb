namespace HelplineBot.Handoff;

/// <summary>Who viewed or wrote in which handoff, and when (issue 6 §5).</summary>
public sealed record AuditRecord(string AdvisorId, string AdvisorName, string HandoffId, string Action, DateTimeOffset At)
{
    public const string View = "view";
    public const string Write = "write";
    public const string Accept = "accept";
    public const string Transfer = "transfer";
    public const string End = "end";
}
