namespace HelplineBot.Storage;

/// <summary>
/// What scripted flows leave for advisors: callback requests and requests for a person. Adds are
/// idempotent per (conversation, activity id), so a turn that is re-run stores its request once.
/// </summary>
public interface IAdvisorRequestStore
{
    /// <summary>Stores the callback request; false when this activity already stored one.</summary>
    Task<bool> AddCallbackAsync(CallbackRequest request, CancellationToken cancellationToken);

    /// <summary>Stores the request for a person; false when this activity already stored one.</summary>
    Task<bool> AddAdvisorRequestAsync(AdvisorRequest request, CancellationToken cancellationToken);

    /// <summary>True when the conversation has an open request for a person made at or after <paramref name="since"/>.</summary>
    Task<bool> HasOpenAdvisorRequestAsync(string conversationKey, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Records the one-question feedback (helpful yes/no) given at the end of a chat.</summary>
    Task RecordFeedbackAsync(string conversationKey, string activityId, bool helpful, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Open callback requests, oldest first (for advisors and tests).</summary>
    Task<IReadOnlyList<CallbackRequest>> ListOpenCallbacksAsync(CancellationToken cancellationToken);
}
