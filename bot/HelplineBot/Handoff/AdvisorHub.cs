using System.Security.Claims;
using HelplineBot.Handoff.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace HelplineBot.Handoff;

/// <summary>
/// The console's live connection. Thin (style.md #14): no state in fields; every action goes through
/// <see cref="HandoffQueue"/>. Refuses connections without an advisor sign-in.
/// </summary>
[Authorize(AuthenticationSchemes = AdvisorAuthentication.Scheme)]
public sealed class AdvisorHub(HandoffQueue queue, HandoffStore store, HandoffRecords records, AdvisorPresence presence, OpeningHours hours, TimeProvider clock)
    : Hub<IAdvisorClient>
{
    public override async Task OnConnectedAsync()
    {
        var advisor = Advisor();
        await Groups.AddToGroupAsync(Context.ConnectionId, AdvisorBroadcaster.AdvisorsGroup);
        await Groups.AddToGroupAsync(Context.ConnectionId, AdvisorBroadcaster.UserGroup(advisor.Id));
        if (advisor.IsSupervisor) await Groups.AddToGroupAsync(Context.ConnectionId, AdvisorBroadcaster.SupervisorsGroup);
        presence.Connected(advisor.Id, advisor.DisplayName);
        await Clients.Group(AdvisorBroadcaster.AdvisorsGroup).PresenceChanged(presence.Snapshot());
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Disconnected(Advisor().Id);
        await Clients.Group(AdvisorBroadcaster.AdvisorsGroup).PresenceChanged(presence.Snapshot());
        await base.OnDisconnectedAsync(exception);
    }

    public async Task<ConsoleState> GetState() =>
        new(Advisor(), await store.ListOpenAsync(Context.ConnectionAborted), presence.Snapshot());

    public async Task<AcceptResult> Accept(string handoffId)
    {
        var result = await queue.AcceptAsync(handoffId, Advisor(), Context.ConnectionAborted);
        return new AcceptResult(result.IsWon, result.Entry);
    }

    public async Task<HandoffDetail?> Open(string handoffId)
    {
        var advisor = Advisor();
        var entry = await store.GetAsync(handoffId, Context.ConnectionAborted);
        if (entry is null || !MayView(entry, advisor)) return null;
        return await queue.OpenAsync(handoffId, advisor, Context.ConnectionAborted);
    }

    public Task<bool> Send(string handoffId, string text) =>
        queue.SendFromAdvisorAsync(handoffId, Advisor(), text.Length > 4000 ? text[..4000] : text, Context.ConnectionAborted);

    public Task<bool> Typing(string handoffId) => queue.AdvisorTypingAsync(handoffId, Advisor(), Context.ConnectionAborted);

    public Task<bool> End(string handoffId) => queue.EndAsync(handoffId, Advisor(), Context.ConnectionAborted);

    public Task<bool> Transfer(string handoffId, string? toAdvisorId) =>
        queue.TransferAsync(handoffId, Advisor(), string.IsNullOrEmpty(toAdvisorId) ? null : toAdvisorId, Context.ConnectionAborted);

    public async Task<bool> SetPresence(string status)
    {
        if (!presence.SetStatus(Advisor().Id, status)) return false;
        await Clients.Group(AdvisorBroadcaster.AdvisorsGroup).PresenceChanged(presence.Snapshot());
        return true;
    }

    [Authorize(AuthenticationSchemes = AdvisorAuthentication.Scheme, Roles = AdvisorRoles.Supervisor)]
    public async Task<SupervisorView> GetSupervisorView()
    {
        var figures = await records.FiguresAsync(clock.GetUtcNow(), hours.StartOfToday(), Context.ConnectionAborted);
        var audit = await records.ReadAuditAsync(hours.StartOfToday(), Context.ConnectionAborted);
        // A full day back rather than since midnight, so a crisis that left late in the night is still there next shift.
        var crisisLeft = await store.ListCrisisLeftAsync(clock.GetUtcNow() - TimeSpan.FromDays(1), Context.ConnectionAborted);
        return new SupervisorView(figures, audit, await store.ListCallbacksAsync(Context.ConnectionAborted), crisisLeft);
    }

    // Advisors see what waits for anyone and what they hold; supervisors see everything.
    private static bool MayView(HandoffEntry entry, AdvisorIdentity advisor) =>
        advisor.IsSupervisor || entry.State == HandoffState.Queued || entry.AdvisorId == advisor.Id
        || (entry.State == HandoffState.Transferred && entry.TransferTo == advisor.Id);

    private AdvisorIdentity Advisor() => AdvisorAuthentication.Identity(Context.User ?? new ClaimsPrincipal());
}

/// <summary>The console's state when it (re)connects: who is signed in, the queue, who is online.</summary>
public sealed record ConsoleState(AdvisorIdentity Me, IReadOnlyList<HandoffEntry> Queue, IReadOnlyList<AdvisorStatus> Advisors);

public sealed record AcceptResult(bool Won, HandoffEntry? Entry);

/// <summary>The supervisor's view; <see cref="CrisisLeft"/> lists crisis handoffs the person left in the last day, for follow-up.</summary>
public sealed record SupervisorView(SupervisorFigures Figures, IReadOnlyList<AuditRecord> Audit, IReadOnlyList<HandoffEntry> Callbacks, IReadOnlyList<HandoffEntry> CrisisLeft);
