using HelplineBot.Dialogs.Flows;
using HelplineBot.Dialogs.Rendering;
using HelplineBot.Dialogs.Seams;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;

namespace HelplineBot.Dialogs.Engine;

/// <summary>
/// One turn's view of the dialog stack (Bot Framework's DialogContext): the verbs Begin, Continue, End,
/// Replace, CancelAll and Reprompt, and the replies of the turn. Replies are collected, not sent: the
/// engine sends them only after the state was saved, so a turn re-run after a conflict never speaks twice.
/// </summary>
public sealed class DialogContext(TurnContext turn, ConversationState state, FlowSet flows, DialogServices services, string conversationKey, string text, string activityId)
{
    private const int MaxDialogCallsPerTurn = 64;
    private int _calls;

    public TurnContext Turn { get; } = turn;
    public ConversationState State { get; } = state;
    public FlowSet Flows { get; } = flows;
    public DialogServices Services { get; } = services;
    public string ConversationKey { get; } = conversationKey;

    /// <summary>What the person wrote, or the option they pressed on a card.</summary>
    public string Text { get; } = text;

    /// <summary>Identifies the effects of this turn (stored requests) so a re-run stores them once.</summary>
    public string ActivityId { get; } = activityId;

    public List<Activity> Replies { get; } = [];

    public DialogInstance? ActiveInstance => State.Stack.Count > 0 ? State.Stack[^1] : null;

    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, CancellationToken cancellationToken)
    {
        var dialog = FindDialog(dialogId) ?? throw new InvalidOperationException($"Dialog '{dialogId}' is not defined.");
        Guard();
        State.Stack.Add(new DialogInstance { DialogId = dialogId });
        return await dialog.BeginAsync(this, cancellationToken);
    }

    /// <summary>Passes the message to the active dialog; Empty when no dialog is active.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken)
    {
        if (ActiveInstance is not { } active) return DialogTurnResult.Empty;
        if (FindDialog(active.DialogId) is not { } dialog) return Lost(active);
        return await dialog.ContinueAsync(this, cancellationToken);
    }

    /// <summary>Ends the active dialog and resumes the one below it with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(string? result, CancellationToken cancellationToken)
    {
        if (State.Stack.Count > 0) State.Stack.RemoveAt(State.Stack.Count - 1);
        if (ActiveInstance is not { } parent) return new DialogTurnResult(DialogTurnStatus.Complete, result);
        if (FindDialog(parent.DialogId) is not { } dialog) return Lost(parent);
        Guard();
        return await dialog.ResumeAsync(this, result, cancellationToken);
    }

    /// <summary>Ends the active dialog without resuming its parent and begins another in its place.</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, CancellationToken cancellationToken)
    {
        if (State.Stack.Count > 0) State.Stack.RemoveAt(State.Stack.Count - 1);
        return BeginDialogAsync(dialogId, cancellationToken);
    }

    /// <summary>Empties the stack. The answers kept for advisors stay.</summary>
    public DialogTurnResult CancelAllDialogs()
    {
        State.Stack.Clear();
        return DialogTurnResult.Cancelled;
    }

    public async Task<DialogTurnResult> RepromptDialogAsync(CancellationToken cancellationToken)
    {
        if (ActiveInstance is not { } active) return DialogTurnResult.Empty;
        if (FindDialog(active.DialogId) is not { } dialog) return Lost(active);
        return await dialog.RepromptAsync(this, cancellationToken);
    }

    /// <summary>
    /// Asks for a person through the handoff seam with what the bot learned so far, marks the handoff as
    /// under way and, unless <paramref name="silent"/>, tells the person what happens next.
    /// </summary>
    public async Task RequestPersonAsync(HandoffReason reason, bool silent, CancellationToken cancellationToken)
    {
        var receipt = await Services.Handoff.RequestAsync(
            new HandoffRequest(ConversationKey, ActivityId, reason, ActiveInstance?.DialogId, new Dictionary<string, string>(State.Answers)),
            cancellationToken);
        State.HandoffRequestedAt = Services.Clock.GetUtcNow();
        if (reason == HandoffReason.Crisis) State.CrisisFlagged = true;
        if (!silent) SayText(receipt.Text);
    }

    public Dialog? FindDialog(string dialogId) => Flows.Find(dialogId) is { } flow ? new FlowDialog(flow) : null;

    /// <summary>Adds a message by id, placeholders filled.</summary>
    public void Say(string messageId) => SayText(Format(messageId));

    /// <summary>Says a free-text answer: its own reply activities when it has them, else its text.</summary>
    public void SayAnswer(FreeTextAnswer answer, string fallbackText)
    {
        if (answer.IsAnswered && answer.Replies is { Count: > 0 } replies) Replies.AddRange(replies);
        else SayText(answer.IsAnswered && answer.Text is { } text ? text : fallbackText);
    }

    public void SayText(string text) => Replies.Add(new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown" });

    /// <summary>Adds a question with options rendered for this channel.</summary>
    public void Ask(string text, IReadOnlyList<string> labels) => Replies.Add(ChoiceRendering.Render(Turn.Activity.ChannelId, text, labels));

    public string Format(string messageId) => Flows.Messages.Format(messageId, Placeholder);

    private string? Placeholder(string name) =>
        HelplinePlaceholders.Find(Services.Helpline, name)
        ?? (name.StartsWith("value.", StringComparison.Ordinal) ? ActiveInstance?.Values.GetValueOrDefault(name["value.".Length..]) : null);

    // A flow edited while someone was inside it: start over from the menu rather than fail the turn.
    private DialogTurnResult Lost(DialogInstance instance)
    {
        DialogsLog.DialogMissing(Services.Logger, instance.DialogId, ConversationKey);
        State.Stack.Clear();
        return DialogTurnResult.Empty;
    }

    // Flows are data: a loop of steps that never waits would spin forever. Fail the turn instead.
    private void Guard()
    {
        if (++_calls > MaxDialogCallsPerTurn)
            throw new InvalidOperationException("The flows started more than " + MaxDialogCallsPerTurn + " dialogs in one turn (a loop without a prompt).");
    }
}
