namespace HelplineBot.Handoff;

/// <summary>A requested move: the target state, who makes it, and the fields that move sets.</summary>
public sealed record HandoffChange(HandoffState To, string Actor)
{
    /// <summary>When set, the move is refused unless this advisor holds the handoff.</summary>
    public string? RequiredAdvisorId { get; init; }

    /// <summary>
    /// When set, the move is refused unless the handoff is still in this state: a decision taken on an earlier read
    /// (the person seemed gone while queued) must not apply to what happened since (an advisor accepted).
    /// </summary>
    public HandoffState? ExpectedState { get; init; }

    /// <summary>The colleague a transfer goes to.</summary>
    public string? TransferTo { get; init; }

    /// <summary>The number a call back request leaves (personal data: shown to advisors, never logged).</summary>
    public string? CallbackPhone { get; init; }
}
