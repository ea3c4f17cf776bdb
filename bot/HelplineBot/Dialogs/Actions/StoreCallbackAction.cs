using HelplineBot.Dialogs.Engine;
using HelplineBot.Dialogs.Engine.Prompts;
using HelplineBot.Dialogs.Flows;
using HelplineBot.Storage;

namespace HelplineBot.Dialogs.Actions;

/// <summary>
/// <c>store-callback</c>: stores the callback request for advisors from the flow's answers <c>name</c>,
/// <c>phone</c> (E.164), <c>bestTime</c> and <c>voicemail</c> (yes/no), with the rest of the conversation's
/// answers as context, and makes <c>{value.phoneDisplay}</c> available to the confirmation message.
/// </summary>
public sealed class StoreCallbackAction(IAdvisorRequestStore store) : IFlowAction
{
    public string Name => "store-callback";

    public async Task<FlowTarget?> RunAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var values = dc.ActiveInstance!.Values;
        var phone = values.GetValueOrDefault("phone") ?? throw new InvalidOperationException("The callback flow must save 'phone' before 'store-callback'.");
        var context = dc.State.Answers
            .Where(a => !a.Key.StartsWith(dc.ActiveInstance.DialogId + ".", StringComparison.Ordinal))
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        await store.AddCallbackAsync(new CallbackRequest(
            dc.ConversationKey,
            dc.ActivityId,
            values.GetValueOrDefault("name") ?? "",
            phone,
            values.GetValueOrDefault("bestTime") ?? "",
            values.GetValueOrDefault("voicemail") == ConfirmPrompt.Yes,
            context,
            dc.Services.Clock.GetUtcNow()), cancellationToken);
        DialogsLog.CallbackRecorded(dc.Services.Logger, dc.ConversationKey);
        values["phoneDisplay"] = PhonePrompt.Display(phone, dc.Services.Options.PhoneRegion);
        return null;
    }
}
