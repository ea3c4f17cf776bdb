using HelplineBot.Channels;
using HelplineBot.Hosting;
using Microsoft.Extensions.Options;

namespace HelplineBot.Handoff;

/// <summary>
/// Finds people who left without saying so: Web Chat sends nothing when a tab closes. A person waiting for an
/// advisor whose channel has shown no sign of them for <see cref="HandoffOptions.AbandonAfter"/> leaves the line
/// (abandoned, by the system), so places, waits and the supervisor's figures count people who are there and
/// nobody accepts an empty chat. Chats already with an advisor are only flagged to the console (see
/// <see cref="AbandonRule.ShouldAbandon"/>). A crisis that leaves stays on the supervisors' follow-up list.
/// Runs on the injected clock, so tests advance time instead of waiting.
/// </summary>
public sealed class AbsentVisitors(
    HandoffStore store, HandoffQueue queue, IVisitorPresence presence, AdvisorBroadcaster broadcaster,
    IOptions<HandoffOptions> options, TimeProvider clock, ILogger<AbsentVisitors> logger) : RecurringJob(clock)
{
    /// <summary>A quarter of the grace period, at most 30 seconds: nobody is kept much past it, and checks stay cheap.</summary>
    public static TimeSpan CheckEvery(HandoffOptions options) =>
        TimeSpan.FromTicks(Math.Min(options.AbandonAfter.Ticks / 4, TimeSpan.FromSeconds(30).Ticks));

    protected override TimeSpan Interval => CheckEvery(options.Value);

    protected override void LogFailedRound(Exception exception) => HandoffLog.AbsenceRoundFailed(logger, exception);

    /// <summary>One round: waiting people gone for the grace period leave the line; chats whose person seems gone are shown so.</summary>
    public override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var grace = options.Value.AbandonAfter;
        var seemGone = new List<string>();
        foreach (var entry in await store.ListOpenAsync(cancellationToken))
        {
            var signal = await presence.CheckAsync(entry.Visitor.ChannelId, entry.Visitor.ConversationId, cancellationToken);
            var now = Clock.GetUtcNow();
            if (AbandonRule.SeemsGone(entry, signal, now, grace)) seemGone.Add(entry.Id);
            if (!AbandonRule.ShouldAbandon(entry, signal, now, grace)) continue;
            try
            {
                if (await queue.AbandonAbsentAsync(entry, cancellationToken) is not { } left) continue;
                HandoffLog.LeftUnannounced(logger, left.Id, (long)(now - signal!.LastSeen).TotalSeconds, entry.State.ToLabel());
                if (left is { IsCrisis: true, FirstReplyAt: null }) HandoffLog.CrisisLeftUnanswered(logger, left.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failing move must not keep the others in a line they have left.
                HandoffLog.AbandonFailed(logger, ex, entry.Id);
            }
        }
        await broadcaster.BroadcastSeemGoneAsync(seemGone, cancellationToken);
    }
}
