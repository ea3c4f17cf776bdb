using HelplineBot.Dialogs.Actions;
using HelplineBot.Dialogs.Seams;
using HelplineBot.Hosting;
using HelplineBot.Knowledge;

namespace HelplineBot.Dialogs.Engine;

/// <summary>The shared collaborators a dialog may use during a turn (all singletons).</summary>
public sealed record DialogServices(
    DialogsOptions Options,
    HelplineOptions Helpline,
    TimeProvider Clock,
    IFreeTextAnswerer Answerer,
    IHandoffRequests Handoff,
    ITopicSource? Topics,
    IReadOnlyDictionary<string, IFlowAction> Actions,
    ILogger Logger);
