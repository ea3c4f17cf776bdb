using HelplineBot.Dialogs.Engine;
using HelplineBot.Dialogs.Flows;

namespace HelplineBot.Dialogs.Actions;

/// <summary>
/// Code a flow runs by name (<c>type: action</c>, <c>action: store-callback</c>). It may say things through
/// the context and may redirect the flow by returning a target; null continues with the step's next.
/// Effects must be idempotent per <see cref="DialogContext.ActivityId"/> (a turn can be re-run).
/// </summary>
public interface IFlowAction
{
    string Name { get; }

    Task<FlowTarget?> RunAsync(DialogContext dc, CancellationToken cancellationToken);
}
