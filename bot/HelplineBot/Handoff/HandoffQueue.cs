using HelplineBot.Channels;
using HelplineBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace HelplineBot.Handoff;

/// <summary>
/// The handoff's use cases: queue a person, accept, talk, transfer, end, call back. Every move goes
/// through <see cref="HandoffStore"/> (the transition table), is published as a <see cref="HandoffEvent"/>,
/// and the person is told what happens in their own channel.
/// </summary>
public sealed class HandoffQueue(
    HandoffStore store,
    HandoffRecords records,
    HandoffEvents events,
    AdvisorPresence presence,
    OpeningHours hours,
    HandoffMessages messages,
    EarlierTranscript earlier,
    ChannelHubHandoff channelHub,
    ChannelSenders senders,
    IOptions<HandoffOptions> options,
    TimeProvider clock,
    ILogger<HandoffQueue> logger)
{
    public async Task<HandoffRequestOutcome> RequestAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        var (entry, isNew) = await store.EnqueueAsync(ticket.Visitor, ticket.Reason, ticket.CrisisCategory, ticket.Context, Actor.Bot, clock.GetUtcNow(), cancellationToken);
        if (isNew) HandoffLog.Queued(logger, entry.Id, entry.Reason.ToLabel(), entry.Priority);
        await events.PublishAsync(new HandoffEvent(HandoffEventKind.Changed, entry), cancellationToken);
        if (options.Value.UsesChannelHub)
        {
            if (isNew) await channelHub.InitiateAsync(entry, cancellationToken);
            return new HandoffRequestOutcome(entry, isNew, true, messages.ConnectingToHub);
        }
        var available = AdvisorsAvailable();
        string text;
        if (!available) text = NoAdvisorText();
        else if (entry.State == HandoffState.Queued) text = messages.Connecting(await PositionAsync(entry, cancellationToken), await EstimateAsync(entry, cancellationToken));
        else text = messages.AlreadyWithAdvisor(FirstName(entry.AdvisorName));
        return new HandoffRequestOutcome(entry, isNew, available, text);
    }

    /// <summary>Honest words for when nobody can answer: out of hours or nobody signed in, crisis numbers, the call back offer.</summary>
    public string NoAdvisorText() => messages.NoAdvisor(hours.IsOpen());

    /// <summary>True when it is within hours and at least one advisor is signed in and available.</summary>
    public bool AdvisorsAvailable() => hours.IsOpen() && presence.AvailableCount > 0;

    /// <summary>1-based place among queued people in service order (crisis first, then longest wait); 0 when not queued.</summary>
    public async Task<int> PositionAsync(HandoffEntry entry, CancellationToken cancellationToken)
    {
        var queued = (await store.ListOpenAsync(cancellationToken)).Where(e => e.State == HandoffState.Queued).ToList();
        return queued.FindIndex(e => e.Id == entry.Id) + 1;
    }

    public async Task<WaitRange?> EstimateAsync(HandoffEntry entry, CancellationToken cancellationToken)
    {
        var position = await PositionAsync(entry, cancellationToken);
        var waits = await records.RecentWaitsAsync(clock.GetUtcNow() - options.Value.EstimateWindow, 1000, cancellationToken);
        return WaitEstimate.For(waits, position, presence.AvailableCount, options.Value.EstimateMinimumHistory);
    }

    /// <summary>An advisor accepts: exactly one wins; the winner joins the chat at once (assigned, then active).</summary>
    public async Task<ClaimResult> AcceptAsync(string handoffId, AdvisorIdentity advisor, CancellationToken cancellationToken)
    {
        var claim = await store.ClaimAsync(handoffId, advisor.Id, advisor.DisplayName, clock.GetUtcNow(), cancellationToken);
        if (!claim.IsWon)
        {
            HandoffLog.ClaimLost(logger, handoffId, advisor.Id);
            return claim;
        }
        await records.AuditAsync(advisor.Id, handoffId, AuditRecord.Accept, clock.GetUtcNow(), cancellationToken);
        var active = await MoveAsync(handoffId, new HandoffChange(HandoffState.Active, Actor.Advisor(advisor.Id)) { RequiredAdvisorId = advisor.Id }, cancellationToken);
        var entry = active ?? claim.Entry!;
        await TryDeliverAsync(entry, new Activity { Text = messages.AdvisorJoined(advisor.FirstName) }, null, cancellationToken);
        return new ClaimResult(true, entry);
    }

    public async Task<HandoffDetail?> OpenAsync(string handoffId, AdvisorIdentity advisor, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(handoffId, cancellationToken);
        if (entry is null) return null;
        await records.AuditAsync(advisor.Id, handoffId, AuditRecord.View, clock.GetUtcNow(), cancellationToken);
        IReadOnlyList<RelayedMessage> transcript = [.. await earlier.ReadBeforeAsync(entry, cancellationToken), .. await records.ReadMessagesAsync(handoffId, cancellationToken)];
        return new HandoffDetail(entry, transcript, await store.ReadTransitionsAsync(handoffId, cancellationToken));
    }

    /// <summary>Relays an advisor's words to the person with the advisor's first name; only the advisor holding the chat may write.</summary>
    public async Task<bool> SendFromAdvisorAsync(string handoffId, AdvisorIdentity advisor, string text, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(handoffId, cancellationToken);
        if (entry is not { State: HandoffState.Active } || entry.AdvisorId != advisor.Id || string.IsNullOrWhiteSpace(text)) return false;
        var message = new RelayedMessage(RelayedMessage.Advisor, advisor.FirstName, text, clock.GetUtcNow());
        await records.AppendMessageAsync(entry, message, entry.IsCrisis ? options.Value.CrisisFirstReplyTarget : options.Value.FirstReplyTarget, cancellationToken);
        await records.AuditAsync(advisor.Id, handoffId, AuditRecord.Write, message.At, cancellationToken);
        var delivered = await TryDeliverAsync(entry, new Activity { Text = messages.WithAdvisorName(advisor.FirstName, text) }, advisor.FirstName, cancellationToken);
        await events.PublishAsync(new HandoffEvent(HandoffEventKind.Message, entry, message), cancellationToken);
        return delivered;
    }

    public async Task<bool> AdvisorTypingAsync(string handoffId, AdvisorIdentity advisor, CancellationToken cancellationToken)
    {
        var entry = await store.GetAsync(handoffId, cancellationToken);
        if (entry is not { State: HandoffState.Active } || entry.AdvisorId != advisor.Id) return false;
        return await TryDeliverAsync(entry, new Activity { Type = ActivityTypes.Typing }, advisor.FirstName, cancellationToken);
    }

    /// <summary>The advisor ends the chat: the person is told, the bot resumes and asks the one feedback question.</summary>
    public async Task<bool> EndAsync(string handoffId, AdvisorIdentity advisor, CancellationToken cancellationToken)
    {
        var change = new HandoffChange(HandoffState.Ended, Actor.Advisor(advisor.Id)) { RequiredAdvisorId = advisor.IsSupervisor ? null : advisor.Id };
        var entry = await MoveAsync(handoffId, change, cancellationToken);
        if (entry is null) return false;
        await records.AuditAsync(advisor.Id, handoffId, AuditRecord.End, clock.GetUtcNow(), cancellationToken);
        var feedback = new Activity
        {
            Text = messages.AdvisorLeft(FirstName(entry.AdvisorName ?? advisor.DisplayName)),
            SuggestedActions = messages.FeedbackActions(),
        };
        await TryDeliverAsync(entry, feedback, null, cancellationToken);
        return true;
    }

    /// <summary>Hands the chat to a colleague (<paramref name="toAdvisorId"/>) or, when null, back to the queue.</summary>
    public async Task<bool> TransferAsync(string handoffId, AdvisorIdentity advisor, string? toAdvisorId, CancellationToken cancellationToken)
    {
        var change = toAdvisorId is null
            ? new HandoffChange(HandoffState.Queued, Actor.Advisor(advisor.Id)) { RequiredAdvisorId = advisor.Id }
            : new HandoffChange(HandoffState.Transferred, Actor.Advisor(advisor.Id)) { RequiredAdvisorId = advisor.Id, TransferTo = toAdvisorId };
        var entry = await MoveAsync(handoffId, change, cancellationToken);
        if (entry is null) return false;
        await records.AuditAsync(advisor.Id, handoffId, AuditRecord.Transfer, clock.GetUtcNow(), cancellationToken);
        await TryDeliverAsync(entry, new Activity { Text = messages.Transferred }, null, cancellationToken);
        return true;
    }

    /// <summary>The person wrote while queued or with an advisor: kept for the transcript and shown live.</summary>
    public async Task<HandoffEntry> ReceiveFromVisitorAsync(HandoffEntry entry, string text, VisitorScreening screening, CancellationToken cancellationToken)
    {
        if (screening.IsCrisis && !entry.IsCrisis)
        {
            // A crisis while queued moves the person to the front: same request, now with crisis priority.
            var context = entry.Context with { SafetyEvidence = screening.Evidence, SafetyLabel = screening.Label };
            (entry, _) = await store.EnqueueAsync(entry.Visitor, HandoffReason.Crisis, screening.Label, context, Actor.Bot, clock.GetUtcNow(), cancellationToken);
            await events.PublishAsync(new HandoffEvent(HandoffEventKind.Changed, entry), cancellationToken);
        }
        var message = new RelayedMessage(RelayedMessage.Visitor, entry.Context.Name, text, clock.GetUtcNow());
        await records.AppendMessageAsync(entry, message, options.Value.FirstReplyTarget, cancellationToken);
        await events.PublishAsync(new HandoffEvent(HandoffEventKind.Message, entry, message), cancellationToken);
        if (screening.IsCrisis) await events.PublishAsync(new HandoffEvent(HandoffEventKind.CrisisFlagged, entry, message), cancellationToken);
        return entry;
    }

    public Task VisitorTypingAsync(HandoffEntry entry, CancellationToken cancellationToken) =>
        events.PublishAsync(new HandoffEvent(HandoffEventKind.VisitorTyping, entry), cancellationToken);

    /// <summary>The person left (end of conversation, removed from the chat) before or during the chat.</summary>
    public Task<HandoffEntry?> AbandonAsync(HandoffEntry entry, string actor, CancellationToken cancellationToken) =>
        MoveAsync(entry.Id, new HandoffChange(HandoffState.Abandoned, actor), cancellationToken);

    /// <summary>
    /// A waiting person showed no sign of being there for the grace period: they leave the line, unless the
    /// handoff moved since <paramref name="entry"/> was read (an advisor accepted). A message left in their
    /// conversation tells them why, and how to get back in line, should they come back to the page.
    /// </summary>
    public async Task<HandoffEntry?> AbandonAbsentAsync(HandoffEntry entry, CancellationToken cancellationToken)
    {
        var left = await MoveAsync(entry.Id, new HandoffChange(HandoffState.Abandoned, Actor.System) { ExpectedState = entry.State }, cancellationToken);
        if (left is not null)
            await TryDeliverAsync(left, new Activity { Text = messages.LeftTheLine(left.IsCrisis), SuggestedActions = messages.BackInLineActions() }, null, cancellationToken);
        return left;
    }

    /// <summary>A queued person leaves a number instead of waiting: stored as a call back request.</summary>
    public Task<HandoffEntry?> RequestCallbackAsync(HandoffEntry entry, string phone, CancellationToken cancellationToken) =>
        MoveAsync(entry.Id, new HandoffChange(HandoffState.Callback, Actor.Visitor) { CallbackPhone = phone }, cancellationToken);

    private async Task<HandoffEntry?> MoveAsync(string handoffId, HandoffChange change, CancellationToken cancellationToken)
    {
        var result = await store.TransitionAsync(handoffId, change, clock.GetUtcNow(), cancellationToken);
        if (!result.IsDone)
        {
            HandoffLog.MoveRefused(logger, handoffId, change.To.ToLabel());
            return null;
        }
        HandoffLog.Moved(logger, handoffId, change.To.ToLabel(), change.Actor);
        await events.PublishAsync(new HandoffEvent(HandoffEventKind.Changed, result.Entry!), cancellationToken);
        return result.Entry;
    }

    internal Task TellVisitorAsync(HandoffEntry entry, string text, string? fromName, CancellationToken cancellationToken, SuggestedActions? actions = null) =>
        DeliverAsync(entry, new Activity { Text = text, SuggestedActions = actions }, fromName, cancellationToken);

    // The advisor's action stands even when the person's channel is unreachable (they left, Teams is down):
    // the failure is logged and reported to the console as "not delivered".
    private async Task<bool> TryDeliverAsync(HandoffEntry entry, Activity activity, string? fromName, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverAsync(entry, activity, fromName, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            HandoffLog.DeliveryFailed(logger, ex, entry.Id);
            return false;
        }
    }

    private async Task DeliverAsync(HandoffEntry entry, Activity activity, string? fromName, CancellationToken cancellationToken)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.ChannelId = entry.Visitor.ChannelId;
        activity.ServiceUrl = entry.Visitor.ServiceUrl;
        activity.Conversation = new ConversationAccount { Id = entry.Visitor.ConversationId };
        activity.Recipient = new ChannelAccount { Id = entry.Visitor.VisitorId, Role = RoleTypes.User };
        activity.From = new ChannelAccount { Id = entry.Visitor.BotId, Name = fromName, Role = RoleTypes.Bot };
        await senders.SendAsync(activity, cancellationToken);
    }

    private string FirstName(string? displayName) =>
        displayName is null ? messages.UnnamedAdvisor : new AdvisorIdentity("", displayName, false).FirstName;
}
