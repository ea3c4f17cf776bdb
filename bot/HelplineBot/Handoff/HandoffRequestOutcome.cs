namespace HelplineBot.Handoff;

/// <summary>
/// The queue's answer to a request: the entry, whether it is new, and what to tell the person now
/// (place in line and estimate, or honestly that nobody is online, with crisis numbers and the call back offer).
/// </summary>
public sealed record HandoffRequestOutcome(HandoffEntry Entry, bool IsNew, bool AdvisorsAvailable, string VisitorText);
