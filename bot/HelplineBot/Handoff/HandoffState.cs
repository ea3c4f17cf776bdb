namespace HelplineBot.Handoff;

/// <summary>Where a handoff is in its life (design.md "Handoff lifecycle"). Stored by <see cref="HandoffStates.ToLabel"/>.</summary>
public enum HandoffState
{
    Queued,
    Assigned,
    Active,
    Transferred,
    Ended,
    Abandoned,
    Callback,
}

public static class HandoffStates
{
    /// <summary>States in which the conversation belongs to the advisors, not the bot.</summary>
    public static bool IsOpen(this HandoffState state) =>
        state is HandoffState.Queued or HandoffState.Assigned or HandoffState.Active or HandoffState.Transferred;

    public static string ToLabel(this HandoffState state) => state switch
    {
        HandoffState.Queued => "queued",
        HandoffState.Assigned => "assigned",
        HandoffState.Active => "active",
        HandoffState.Transferred => "transferred",
        HandoffState.Ended => "ended",
        HandoffState.Abandoned => "abandoned",
        HandoffState.Callback => "callback",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static HandoffState Parse(string label) => label switch
    {
        "queued" => HandoffState.Queued,
        "assigned" => HandoffState.Assigned,
        "active" => HandoffState.Active,
        "transferred" => HandoffState.Transferred,
        "ended" => HandoffState.Ended,
        "abandoned" => HandoffState.Abandoned,
        "callback" => HandoffState.Callback,
        _ => throw new FormatException($"Unknown handoff state '{label}'."),
    };
}
