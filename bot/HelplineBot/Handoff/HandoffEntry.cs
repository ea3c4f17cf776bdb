namespace HelplineBot.Handoff;

/// <summary>One handoff as stored: who waits, why, where it is in its life and who has it.</summary>
public sealed record HandoffEntry(
    string Id,
    VisitorAddress Visitor,
    HandoffReason Reason,
    string? CrisisCategory,
    int Priority,
    HandoffState State,
    string? AdvisorId,
    string? AdvisorName,
    string? TransferTo,
    HandoffContext Context,
    string? CallbackPhone,
    DateTimeOffset QueuedAt,
    DateTimeOffset? AssignedAt,
    DateTimeOffset? FirstReplyAt,
    DateTimeOffset? ClosedAt)
{
    public bool IsCrisis => Priority == 0;
}
