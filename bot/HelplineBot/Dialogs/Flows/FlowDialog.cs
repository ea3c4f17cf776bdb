using HelplineBot.Dialogs.Engine;
using HelplineBot.Dialogs.Engine.Prompts;
using HelplineBot.Dialogs.Seams;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Dialogs.Flows;

/// <summary>
/// A flow from YAML run as a waterfall: steps run in order until a prompt waits for an answer. An answer
/// is recognised by the step's prompt type; a valid one is saved and leads on, an invalid one gets a
/// re-prompt, and the attempt limit leads to the step's <c>onFail</c> or the engine's way-out flow, never
/// round again. A question asked instead of an answer is answered and the prompt repeated, uncounted.
/// </summary>
public sealed class FlowDialog(FlowDefinition flow) : Dialog(flow.Id)
{
    private const int MaxStepsPerTurn = 64;
    private const int MaxAnswerWords = 8;

    public override Task<DialogTurnResult> BeginAsync(DialogContext dc, CancellationToken cancellationToken) =>
        RunAsync(dc, flow.Steps[0], cancellationToken);

    public override async Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveInstance!;
        if (instance.StepId is null || flow.FindStep(instance.StepId) is not { IsPrompt: true } step)
            return await RunAsync(dc, flow.Steps[0], cancellationToken);

        // A question, or a long story, typed at a menu is something to answer, not a wrong option.
        var notAnAnswer = step.Type != StepType.Text && step.Type != StepType.Phone
            && (Utterance.LooksLikeQuestion(dc.Text) || Utterance.Words(Utterance.Normalize(dc.Text)).Length > MaxAnswerWords);
        var outcome = Recognize(dc, step, strict: notAnAnswer);
        if (outcome.Succeeded)
        {
            instance.Attempts = 0;
            if (step.Save is { } key)
            {
                instance.Values[key] = outcome.Value!;
                dc.State.Answers[$"{flow.Id}.{key}"] = outcome.Value!;
                if (step.Type == StepType.Phone) instance.Values[key + "Display"] = PhonePrompt.Display(outcome.Value!, dc.Services.Options.PhoneRegion);
            }
            var target = step.Type switch
            {
                StepType.Choice => outcome.Choice?.Next,
                StepType.Confirm => outcome.Value == ConfirmPrompt.Yes ? step.Yes : step.No,
                _ => null,
            };
            return await GoAsync(dc, target ?? DefaultNext(step), cancellationToken);
        }

        if (notAnAnswer || (step.Type == StepType.Phone && Utterance.LooksLikeQuestion(dc.Text)))
        {
            await dc.Turn.SendAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
            var answer = await dc.Services.Answerer.AnswerAsync(
                new FreeTextQuestion(dc.Text, dc.ConversationKey, dc.Turn.Activity.ChannelId, dc.Turn.Activity.Locale, flow.Id), cancellationToken);
            dc.SayAnswer(answer, dc.Format("prompt.question-inside"));
            Ask(dc, step, step.Message!);
            return DialogTurnResult.Waiting;
        }

        if (step.Type is StepType.Choice or StepType.Confirm or StepType.Number && FlowTriggers.Match(dc.Flows, dc.Text) is { } other && other.Id != flow.Id)
            return await dc.ReplaceDialogAsync(other.Id, cancellationToken);

        instance.Attempts++;
        if (instance.Attempts >= (step.MaxAttempts ?? dc.Services.Options.MaxAttempts))
        {
            DialogsLog.AttemptLimitReached(dc.Services.Logger, flow.Id, dc.ConversationKey, step.Id);
            instance.Attempts = 0;
            return step.OnFail is { } onFail ? await GoAsync(dc, onFail, cancellationToken) : await WayOutAsync(dc, cancellationToken);
        }
        if (step.Retry is null) dc.Say(RetryMessage(step));
        Ask(dc, step, step.Retry ?? step.Message!);
        return DialogTurnResult.Waiting;
    }

    public override Task<DialogTurnResult> ResumeAsync(DialogContext dc, string? childResult, CancellationToken cancellationToken) =>
        RepromptAsync(dc, cancellationToken);

    public override async Task<DialogTurnResult> RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var instance = dc.ActiveInstance!;
        if (instance.StepId is null || flow.FindStep(instance.StepId) is not { IsPrompt: true } step)
            return await RunAsync(dc, flow.Steps[0], cancellationToken);
        Ask(dc, step, step.Message!);
        return DialogTurnResult.Waiting;
    }

    private async Task<DialogTurnResult> RunAsync(DialogContext dc, FlowStep step, CancellationToken cancellationToken)
    {
        for (var count = 0; count < MaxStepsPerTurn; count++)
        {
            var instance = dc.ActiveInstance!;
            instance.StepId = step.Id;
            FlowTarget? target = null;
            switch (step.Type)
            {
                case StepType.Message:
                    dc.Say(step.Message!);
                    break;
                case StepType.Topic:
                    SayTopic(dc, step.Topic!);
                    break;
                case StepType.Action:
                    target = await dc.Services.Actions[step.Action!].RunAsync(dc, cancellationToken);
                    if (!ReferenceEquals(dc.ActiveInstance, instance)) return DialogTurnResult.Waiting; // the action moved the stack
                    break;
                case StepType.End:
                    return await dc.EndDialogAsync(null, cancellationToken);
                case StepType.Goto:
                    break;
                default:
                    instance.Attempts = 0;
                    Ask(dc, step, step.Message!);
                    return DialogTurnResult.Waiting;
            }
            target ??= DefaultNext(step);
            if (target.Kind != FlowTargetKind.Step) return await GoAsync(dc, target, cancellationToken);
            step = flow.FindStep(target.Id)!;
        }
        throw new InvalidOperationException($"Flow '{flow.Id}' ran {MaxStepsPerTurn} steps without waiting (a loop without a prompt).");
    }

    private Task<DialogTurnResult> GoAsync(DialogContext dc, FlowTarget target, CancellationToken cancellationToken) => target.Kind switch
    {
        FlowTargetKind.Step => RunAsync(dc, flow.FindStep(target.Id)!, cancellationToken),
        FlowTargetKind.Flow => dc.ReplaceDialogAsync(target.Id, cancellationToken),
        _ => dc.EndDialogAsync(null, cancellationToken),
    };

    private FlowTarget DefaultNext(FlowStep step) =>
        step.Next ?? (flow.After(step) is { } after ? new FlowTarget(FlowTargetKind.Step, after.Id, step.Line) : new FlowTarget(FlowTargetKind.End, "end", step.Line));

    // The attempt limit without an onFail: offer other ways (advisor, call back, menu). Failing inside
    // the way-out flow itself ends the dialogs with a closing line, so there is never a loop.
    private async Task<DialogTurnResult> WayOutAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        dc.CancelAllDialogs();
        if (flow.Id == FlowIds.WayOut)
        {
            dc.Say("prompt.gave-up");
            return DialogTurnResult.Cancelled;
        }
        return await dc.BeginDialogAsync(FlowIds.WayOut, cancellationToken);
    }

    private static PromptOutcome Recognize(DialogContext dc, FlowStep step, bool strict) => step.Type switch
    {
        StepType.Choice => ChoicePrompt.Recognize(dc.Text, step.Choices, choice => dc.Format(choice.Label), strict),
        StepType.Confirm => ConfirmPrompt.Recognize(dc.Text, strict),
        StepType.Number => NumberPrompt.Recognize(dc.Text, step.Min, step.Max),
        StepType.Phone => PhonePrompt.Recognize(dc.Text, dc.Services.Options.PhoneRegion),
        _ => TextPrompt.Recognize(dc.Text, step.Min, step.Max),
    };

    private static string RetryMessage(FlowStep step) => step.Type switch
    {
        StepType.Choice => "prompt.retry-choice",
        StepType.Confirm => "prompt.retry-confirm",
        StepType.Number => "prompt.retry-number",
        StepType.Phone => "prompt.retry-phone",
        _ => "prompt.retry-text",
    };

    private static void Ask(DialogContext dc, FlowStep step, string messageId)
    {
        var text = dc.Format(messageId);
        var labels = step.Type switch
        {
            StepType.Choice => step.Choices.Select(c => dc.Format(c.Label)).ToList(),
            StepType.Confirm => [dc.Format("choice.yes"), dc.Format("choice.no")],
            _ => [],
        };
        dc.Ask(text, labels);
    }

    private static void SayTopic(DialogContext dc, string topicId)
    {
        if (dc.Services.Topics?.Find(topicId) is { } topic)
            dc.SayText($"**{topic.Title}**\n\n{topic.ShortAnswer}\n\n_{topic.SourceLabel}_");
        else if (dc.Replies.LastOrDefault()?.Text != dc.Format("topic.unavailable"))
            dc.Say("topic.unavailable"); // once, not for each topic of the step chain
    }
}
