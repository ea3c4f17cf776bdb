using HelplineBot.Dialogs.Flows;
using HelplineBot.Hosting;
using HelplineBot.Storage;
using Microsoft.Extensions.Options;

namespace HelplineBot.Dialogs.Seams;

/// <summary>
/// The default until the live handoff queue exists: the request (with the bot's context) is stored in
/// SQLite for advisors, and the person is told honestly that no advisor joins this chat yet and how to
/// reach one now (the helpline's phone and hours; 988 and 911).
/// </summary>
public sealed class RecordedHandoffRequests(
    IAdvisorRequestStore store,
    FlowCatalog flows,
    IOptions<HelplineOptions> helpline,
    IOptions<DialogsOptions> options,
    TimeProvider clock,
    ILogger<RecordedHandoffRequests> logger) : IHandoffRequests
{
    public async Task<HandoffReceipt> RequestAsync(HandoffRequest request, CancellationToken cancellationToken)
    {
        var context = new Dictionary<string, string>(request.Context, StringComparer.Ordinal);
        if (request.ActiveDialogId is { } dialog) context["activeDialog"] = dialog;
        await store.AddAdvisorRequestAsync(
            new AdvisorRequest(request.ConversationKey, request.ActivityId, Label(request.Reason), context, clock.GetUtcNow()),
            cancellationToken);
        DialogsLog.HandoffRecorded(logger, Label(request.Reason), request.ConversationKey);
        var messageId = request.Reason == HandoffReason.Crisis ? "handoff.recorded-crisis" : "handoff.recorded";
        return new HandoffReceipt(flows.Current.Messages.Format(messageId, name => HelplinePlaceholders.Find(helpline.Value, name)));
    }

    public Task<bool> IsUnderWayAsync(string conversationKey, CancellationToken cancellationToken) =>
        store.HasOpenAdvisorRequestAsync(conversationKey, clock.GetUtcNow() - options.Value.HandoffHold, cancellationToken);

    private static string Label(HandoffReason reason) => reason == HandoffReason.Crisis ? "crisis" : "person-requested";
}
