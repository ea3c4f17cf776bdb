using System.Diagnostics;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;

namespace HelplineBot.Safety;

/// <summary>
/// Screens every message of every conversation before anything else (issue 5 §1, §3): the verdict goes
/// on the turn for the dialogs and the handoff relay, and a crisis gets its reply in the same turn, before
/// the conversation's gate and without touching storage or any remote service, so it goes out even
/// when those are failing. The "Grounding exercise" button offered after a crisis is answered here too.
/// </summary>
/// <remarks>
/// When a second opinion is configured, a message the rules do not flag as a crisis waits for it (at most
/// "Safety:SecondOpinionTimeBudget"): it may raise the verdict to a crisis, which is then answered exactly as a
/// crisis of the rules. A crisis the rules found never waits for the model, and nothing the model says lowers it.
/// </remarks>
public sealed class SafetyTurnScreen(SafetyScreen screen, CrisisReplies replies, ISafetySecondOpinion secondOpinion, ILogger<SafetyTurnScreen> logger)
    : ITurnScreen
{
    public async Task ScreenAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(activity.Text)) return;

        var started = Stopwatch.GetTimestamp();
        var verdict = screen.Screen(activity.Text);
        if (!verdict.IsCrisis && secondOpinion.IsEnabled)
        {
            var reviewed = await secondOpinion.ReviewAsync(activity.Text, verdict, cancellationToken);
            // The policy holds here too, whatever the implementation: only a raise to a crisis is taken.
            if (reviewed.IsCrisis) verdict = reviewed;
        }
        turn.Verdict = verdict;

        if (verdict.IsCrisis)
        {
            SafetyLog.CrisisDetected(logger, verdict.Label, verdict.Confidence, activity.ChannelId, activity.Conversation?.Id, activity.Id);
            foreach (var reply in replies.Create(verdict, activity)) await turn.SendAsync(reply, cancellationToken);
            turn.CrisisReplySent = true;
            SafetyLog.CrisisReplySent(logger, activity.ChannelId, activity.Conversation?.Id, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return;
        }
        if (verdict.IsHumanRequest)
        {
            SafetyLog.PersonRequested(logger, activity.ChannelId, activity.Conversation?.Id, activity.Id);
            return;
        }
        if (replies.IsGroundingRequest(activity.Text))
        {
            await turn.SendAsync(replies.CreateGroundingExercise(activity), cancellationToken);
            turn.IsHandled = true;
        }
    }
}
