using HelplineBot.Dialogs.Engine;
using HelplineBot.Dialogs.Engine.Prompts;
using HelplineBot.Dialogs.Flows;
using HelplineBot.Storage;

namespace HelplineBot.Dialogs.Actions;

/// <summary><c>record-feedback</c>: stores the flow's <c>helpful</c> answer (yes/no) for the team's figures.</summary>
public sealed class RecordFeedbackAction(IAdvisorRequestStore store) : IFlowAction
{
    public string Name => "record-feedback";

    public async Task<FlowTarget?> RunAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.ActiveInstance!.Values.GetValueOrDefault("helpful") is { } helpful)
            await store.RecordFeedbackAsync(dc.ConversationKey, dc.ActivityId, helpful == ConfirmPrompt.Yes, dc.Services.Clock.GetUtcNow(), cancellationToken);
        return null;
    }
}
