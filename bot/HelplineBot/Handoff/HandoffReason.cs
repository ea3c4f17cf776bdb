namespace HelplineBot.Handoff;

/// <summary>Why a person is waiting for an advisor; crisis comes first in the queue.</summary>
public enum HandoffReason
{
    PersonRequested,
    Crisis,
    Callback,
}

public static class HandoffReasons
{
    public static string ToLabel(this HandoffReason reason) => reason switch
    {
        HandoffReason.Crisis => "crisis",
        HandoffReason.Callback => "callback",
        _ => "person-requested",
    };

    public static HandoffReason Parse(string label) => label switch
    {
        "crisis" => HandoffReason.Crisis,
        "callback" => HandoffReason.Callback,
        _ => HandoffReason.PersonRequested,
    };

    /// <summary>Queue priority: lower is served first. Crisis 0, everyone else 1; within a priority, longest wait first.</summary>
    public static int Priority(this HandoffReason reason) => reason == HandoffReason.Crisis ? 0 : 1;
}
