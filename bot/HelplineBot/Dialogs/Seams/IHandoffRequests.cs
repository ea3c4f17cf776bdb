namespace HelplineBot.Dialogs.Seams;

/// <summary>
/// Where a request for a person goes (talk to an advisor, a human asked for mid-dialog, a crisis). The
/// handoff queue replaces <see cref="RecordedHandoffRequests"/>, which stores the request for advisors and
/// tells the person how to reach someone now.
/// </summary>
public interface IHandoffRequests
{
    Task<HandoffReceipt> RequestAsync(HandoffRequest request, CancellationToken cancellationToken);

    /// <summary>True while a person is being sought or is talking to the visitor: expiry then does not restart the chat.</summary>
    Task<bool> IsUnderWayAsync(string conversationKey, CancellationToken cancellationToken);
}
