namespace HelplineBot.Handoff;

// Event ids 1700-1799. Ids, states and counts only: never message text, names or phone numbers (style.md #10).
internal static partial class HandoffLog
{
    [LoggerMessage(1700, LogLevel.Information, "Handoff {HandoffId} queued ({Reason}, priority {Priority})")]
    public static partial void Queued(ILogger logger, string handoffId, string reason, int priority);

    [LoggerMessage(1701, LogLevel.Information, "Handoff {HandoffId} moved to {State} by {Actor}")]
    public static partial void Moved(ILogger logger, string handoffId, string state, string actor);

    [LoggerMessage(1702, LogLevel.Information, "Handoff {HandoffId} accept by advisor {AdvisorId} refused: already taken")]
    public static partial void ClaimLost(ILogger logger, string handoffId, string advisorId);

    [LoggerMessage(1703, LogLevel.Warning, "Handoff listener failed on {Kind} for handoff {HandoffId}")]
    public static partial void ListenerFailed(ILogger logger, Exception exception, string handoffId, string kind);

    [LoggerMessage(1704, LogLevel.Error, "Could not deliver a handoff message to the visitor of handoff {HandoffId}")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, string handoffId);

    [LoggerMessage(1705, LogLevel.Error, "Waiting update round failed")]
    public static partial void WaitingUpdateFailed(ILogger logger, Exception exception);

    [LoggerMessage(1706, LogLevel.Warning, "Advisor sign-in failed for an account ({Outcome})")]
    public static partial void SignInFailed(ILogger logger, string outcome);

    [LoggerMessage(1707, LogLevel.Information, "Advisor {AdvisorId} signed in")]
    public static partial void SignedIn(ILogger logger, string advisorId);

    [LoggerMessage(1708, LogLevel.Warning, "Handoff {HandoffId}: move to {State} refused")]
    public static partial void MoveRefused(ILogger logger, string handoffId, string state);

    // 1790-1799: Microsoft Entra ID sign-in.
    [LoggerMessage(1790, LogLevel.Warning, "Entra sign-in refused: {Reason}")]
    public static partial void EntraSignInRefused(ILogger logger, string reason);

    [LoggerMessage(1791, LogLevel.Warning, "Entra sign-in did not complete")]
    public static partial void EntraSignInFailed(ILogger logger, Exception? exception);

    // 1740-1749: people who leave without saying so (AbsentVisitors).
    [LoggerMessage(1740, LogLevel.Information, "Handoff {HandoffId} abandoned: no sign of the person for {Seconds} s while {State}")]
    public static partial void LeftUnannounced(ILogger logger, string handoffId, long seconds, string state);

    [LoggerMessage(1741, LogLevel.Warning, "Crisis handoff {HandoffId} abandoned before an advisor joined: listed for supervisors' follow-up")]
    public static partial void CrisisLeftUnanswered(ILogger logger, string handoffId);

    [LoggerMessage(1742, LogLevel.Error, "Absent visitors round failed")]
    public static partial void AbsenceRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(1743, LogLevel.Error, "Could not move handoff {HandoffId} of a person who left")]
    public static partial void AbandonFailed(ILogger logger, Exception exception, string handoffId);
}
