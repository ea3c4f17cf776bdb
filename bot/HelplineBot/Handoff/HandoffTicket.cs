using HelplineBot.Protocol.Schema;

namespace HelplineBot.Handoff;

/// <summary>A request to put a conversation in the advisors' queue (the seam the dialogs and the safety step call).</summary>
public sealed record HandoffTicket(VisitorAddress Visitor, HandoffReason Reason, HandoffContext Context, string? CrisisCategory = null)
{
    /// <summary>The priority request the pipeline makes right after the crisis reply (design.md "One turn", step 4).</summary>
    public static HandoffTicket ForCrisis(Activity inbound, VisitorScreening screening) => new(
        VisitorAddress.From(inbound),
        HandoffReason.Crisis,
        new HandoffContext { SafetyEvidence = screening.Evidence, SafetyLabel = screening.Label, Language = inbound.Locale },
        screening.Label);
}
