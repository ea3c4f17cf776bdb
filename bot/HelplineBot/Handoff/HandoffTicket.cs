namespace HelplineBot.Handoff;

/// <summary>A request to put a conversation in the advisors' queue (the seam the dialogs and the safety step call).</summary>
public sealed record HandoffTicket(VisitorAddress Visitor, HandoffReason Reason, HandoffContext Context, string? CrisisCategory = null);
