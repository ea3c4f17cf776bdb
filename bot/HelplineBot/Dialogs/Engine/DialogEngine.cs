using System.Text.Json;
using HelplineBot.Channels.Teams;
using HelplineBot.Dialogs.Flows;
using HelplineBot.Dialogs.Rendering;
using HelplineBot.Dialogs.Seams;
using HelplineBot.Protocol.Schema;
using HelplineBot.Storage;
using HelplineBot.Turns;

namespace HelplineBot.Dialogs.Engine;

/// <summary>
/// Runs one turn against the conversation's stored state: load, drop a duplicate activity id, expiry,
/// interruptions, global commands, the active dialog or a flow trigger or the free-text answerer; then
/// save with the version read (a conflict re-runs the turn on fresh state) and only then send the replies.
/// </summary>
public sealed class DialogEngine(
    IConversationStateStore store,
    FlowCatalog flows,
    DialogServices services,
    IEnumerable<IDialogInterrupter> interrupters)
{
    private readonly IDialogInterrupter[] _interrupters = interrupters.ToArray();

    /// <summary>The state key: channel and conversation, and in a Teams group chat or channel also the person.</summary>
    public static string KeyOf(Activity activity) => TeamsActivity.ConversationStateKey(activity);

    /// <summary>A person opened the chat: the welcome with the confidentiality notice, then the menu.</summary>
    public Task WelcomeAsync(TurnContext turn, CancellationToken cancellationToken) =>
        RunAsync(turn, async dc =>
        {
            if (dc.State.Welcomed) return;
            dc.State.Welcomed = true;
            dc.State.LastMessageAt = services.Clock.GetUtcNow();
            dc.CancelAllDialogs();
            await dc.BeginDialogAsync(FlowIds.Welcome, cancellationToken);
        }, cancellationToken);

    public Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken) =>
        RunAsync(turn, dc => OnMessageAsync(dc, cancellationToken), cancellationToken);

    private async Task OnMessageAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var state = dc.State;
        var now = services.Clock.GetUtcNow();
        string? greeting = null;
        if (state.LastMessageAt is { } last && now - last > services.Options.ConversationExpiry
            && !await services.Handoff.IsUnderWayAsync(dc.ConversationKey, cancellationToken))
        {
            DialogsLog.ConversationExpired(services.Logger, dc.ConversationKey);
            state.Stack.Clear();
            state.Answers.Clear();
            state.CrisisFlagged = false;
            state.HandoffRequestedAt = null;
            greeting = "welcome.back";
        }
        else if (!state.Welcomed)
        {
            greeting = "welcome.notice"; // channels that send no conversationUpdate: the notice before anything else
        }
        state.Welcomed = true;
        state.LastMessageAt = now;

        foreach (var interrupter in _interrupters)
        {
            if (await interrupter.CheckAsync(dc.Turn, cancellationToken) is { } interruption)
            {
                // No welcome lines around a crisis reply: the interruption speaks alone.
                await InterruptAsync(dc, interruption, cancellationToken);
                return;
            }
        }
        if (greeting is not null) dc.Say(greeting);

        switch (GlobalCommands.Recognize(dc.Text, dc.Flows.Messages))
        {
            case GlobalCommand.Person:
                await InterruptAsync(dc, new DialogInterruption(InterruptionKind.PersonRequested), cancellationToken);
                return;
            case GlobalCommand.Menu:
                dc.CancelAllDialogs();
                await dc.BeginDialogAsync(FlowIds.MainMenu, cancellationToken);
                return;
            case GlobalCommand.Restart:
                dc.CancelAllDialogs();
                state.Answers.Clear();
                state.CrisisFlagged = false;
                dc.Say("command.restarted");
                await dc.BeginDialogAsync(FlowIds.MainMenu, cancellationToken);
                return;
            case GlobalCommand.Stop:
                dc.CancelAllDialogs();
                dc.Say("command.stopped");
                return;
            case GlobalCommand.Help:
                dc.Say("command.help");
                if ((await dc.RepromptDialogAsync(cancellationToken)).Status == DialogTurnStatus.Empty)
                    await dc.BeginDialogAsync(FlowIds.MainMenu, cancellationToken);
                return;
            case GlobalCommand.Goodbye when state.CrisisFlagged:
                dc.CancelAllDialogs();
                dc.Say("goodbye.after-crisis"); // no closing, no feedback question after a crisis: stay with the person
                return;
            case GlobalCommand.Goodbye:
                dc.CancelAllDialogs();
                await dc.BeginDialogAsync(FlowIds.Goodbye, cancellationToken);
                return;
            case GlobalCommand.Greeting when dc.ActiveInstance is null:
                await dc.BeginDialogAsync(FlowIds.MainMenu, cancellationToken);
                return;
            case GlobalCommand.Greeting:
                await dc.RepromptDialogAsync(cancellationToken);
                return;
        }

        var continued = await dc.ContinueDialogAsync(cancellationToken);
        // An optional question left unanswered (its onFail ended the flow in silence): the message is new input.
        if (continued.Status != DialogTurnStatus.Empty && (dc.ActiveInstance is not null || dc.Replies.Count > 0)) return;

        if (FlowTriggers.Match(dc.Flows, dc.Text) is { } flow)
        {
            await dc.BeginDialogAsync(flow.Id, cancellationToken);
            return;
        }
        await AnswerFreeTextAsync(dc, cancellationToken);
    }

    private async Task AnswerFreeTextAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(dc.Text))
        {
            await dc.BeginDialogAsync(FlowIds.MainMenu, cancellationToken);
            return;
        }
        // The answerer may search and call a model: show that the bot is working (issue 3 §2).
        await dc.Turn.SendAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
        var answer = await services.Answerer.AnswerAsync(
            new FreeTextQuestion(dc.Text, dc.ConversationKey, dc.Turn.Activity.ChannelId, dc.Turn.Activity.Locale, null), cancellationToken);
        if (answer.IsAnswered)
        {
            dc.SayAnswer(answer, dc.Format("freetext.menu-only"));
            return;
        }
        dc.Say("freetext.menu-only");
        await dc.BeginDialogAsync(FlowIds.MainMenu, cancellationToken);
    }

    private async Task InterruptAsync(DialogContext dc, DialogInterruption interruption, CancellationToken cancellationToken)
    {
        DialogsLog.Interrupted(services.Logger, interruption.Kind.ToString(), dc.ConversationKey, dc.ActiveInstance?.DialogId);
        var reason = interruption.Kind == InterruptionKind.Crisis ? HandoffReason.Crisis : HandoffReason.PersonRequested;
        if (!interruption.HandoffRequested)
        {
            // After a crisis reply the person still hears what happens next (their place in line, or honestly
            // that no advisor is available now, with the call back offer); the crisis reply gave the numbers.
            await dc.RequestPersonAsync(reason, silent: interruption.ReplySent && reason != HandoffReason.Crisis, cancellationToken);
        }
        else
        {
            dc.State.HandoffRequestedAt = services.Clock.GetUtcNow();
            if (reason == HandoffReason.Crisis) dc.State.CrisisFlagged = true;
        }
        dc.CancelAllDialogs();
        if (!interruption.ReplySent && interruption.HandoffRequested)
            dc.Say(reason == HandoffReason.Crisis ? "crisis.fallback" : "handoff.requested-elsewhere");
    }

    private async Task RunAsync(TurnContext turn, Func<DialogContext, Task> run, CancellationToken cancellationToken)
    {
        var key = KeyOf(turn.Activity);
        var text = ChoiceRendering.ReadSubmittedChoice(turn.Activity) ?? turn.Activity.Text?.Trim() ?? string.Empty;
        // Effects of the turn (stored requests) are keyed by this id; it must not change when the turn is re-run.
        var effectsId = turn.Activity.Id ?? Guid.NewGuid().ToString("N");
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.ReadAsync(key, cancellationToken);
            var state = Deserialize(stored, key);
            var activityId = turn.Activity.Id;
            if (activityId is not null && state.RecentActivityIds.Contains(activityId))
            {
                DialogsLog.DuplicateDropped(services.Logger, activityId, key);
                return;
            }

            var dc = new DialogContext(turn, state, flows.Current, services, key, text, effectsId);
            await run(dc);

            if (activityId is not null)
            {
                state.RecentActivityIds.Add(activityId);
                var excess = state.RecentActivityIds.Count - services.Options.RememberedActivityIds;
                if (excess > 0) state.RecentActivityIds.RemoveRange(0, excess);
            }
            var json = JsonSerializer.Serialize(state, DialogStateJsonContext.Default.ConversationState);
            var saved = await store.SaveAsync(key, json, stored?.Version ?? 0, cancellationToken);
            if (saved.IsConflict)
            {
                DialogsLog.SaveConflict(services.Logger, key, activityId, attempt);
                if (attempt >= services.Options.SaveAttempts)
                    throw new InvalidOperationException($"The state of a conversation kept changing during {attempt} attempts of one turn.");
                continue;
            }
            foreach (var reply in dc.Replies) await turn.SendAsync(reply, cancellationToken);
            return;
        }
    }

    private ConversationState Deserialize(StoredConversationState? stored, string key)
    {
        if (stored is null) return new ConversationState();
        var state = JsonSerializer.Deserialize(stored.StateJson, DialogStateJsonContext.Default.ConversationState) ?? new ConversationState();
        if (state.SchemaVersion == ConversationState.CurrentSchemaVersion) return state;
        // A future migration goes here; until then an unknown version starts over rather than misreading.
        DialogsLog.StateSchemaMismatch(services.Logger, key, state.SchemaVersion);
        return new ConversationState { Welcomed = state.Welcomed, RecentActivityIds = state.RecentActivityIds };
    }
}
