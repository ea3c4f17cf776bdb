using HelplineBot.Dialogs.Engine;
using HelplineBot.Dialogs.Flows;
using HelplineBot.Dialogs.Seams;

namespace HelplineBot.Dialogs.Actions;

/// <summary><c>request-advisor</c>: asks for a person with the conversation's answers as context.</summary>
public sealed class RequestAdvisorAction : IFlowAction
{
    public string Name => "request-advisor";

    public async Task<FlowTarget?> RunAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        await dc.RequestPersonAsync(HandoffReason.PersonRequested, silent: false, cancellationToken);
        return null;
    }
}
