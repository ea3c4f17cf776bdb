using HelplineBot.Dialogs.Engine;
using HelplineBot.Dialogs.Engine.Prompts;
using HelplineBot.Dialogs.Flows;

namespace HelplineBot.Dialogs.Actions;

/// <summary>
/// <c>self-check-result</c>: says which level of care is worth discussing with an advisor. Not a diagnosis
/// (the flow says so). Inpatient care is suggested when home is not a safe place to recover, or when use
/// is daily or several times a week together with failed attempts to stop or physical symptoms; otherwise
/// outpatient care. The answers stay in the conversation's advisor context.
/// </summary>
public sealed class SelfCheckResultAction : IFlowAction
{
    public string Name => "self-check-result";

    public Task<FlowTarget?> RunAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var values = dc.ActiveInstance!.Values;
        var frequent = values.GetValueOrDefault("frequency") is "daily" or "several-a-week";
        var triedToStop = values.GetValueOrDefault("triedToStop") == ConfirmPrompt.Yes;
        var physical = values.GetValueOrDefault("physicalSymptoms") == ConfirmPrompt.Yes;
        var unsafeHome = values.GetValueOrDefault("safeHome") is "no";
        var inpatient = unsafeHome || (frequent && (triedToStop || physical));
        values["suggestion"] = inpatient ? "inpatient" : "outpatient";
        dc.State.Answers[$"{dc.ActiveInstance.DialogId}.suggestion"] = values["suggestion"];
        dc.Say(inpatient ? "self-check.result-inpatient" : "self-check.result-outpatient");
        return Task.FromResult<FlowTarget?>(null);
    }
}
