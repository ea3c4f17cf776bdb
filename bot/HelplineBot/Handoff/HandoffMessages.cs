using System.Globalization;
using System.Text.Json;
using HelplineBot.Dialogs.Flows;
using HelplineBot.Hosting;
using HelplineBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace HelplineBot.Handoff;

/// <summary>
/// What the bot tells a person about the handoff. Kind, plain, honest; never a promise we cannot keep.
/// The words live in knowledge/messages (ids <c>handoff.*</c>, reviewed by clinical staff and reloaded
/// with the flows); this class picks the message and fills in the values of the moment.
/// </summary>
public sealed class HandoffMessages(FlowCatalog catalog, IOptions<HelplineOptions> helpline)
{
    /// <summary>What the person types (or the button sends) for the breathing exercise; fixed, so it always works.</summary>
    public const string BreatheCommand = "breathe";

    private const string CrisisLines = "crisis.lines", Place = "queue.place", Wait = "queue.wait", Position = "queue.position";
    private const string WaitLow = "wait.low", WaitHigh = "wait.high", AdvisorName = "advisor.firstName", AdvisorText = "advisor.text";
    private const string Breathe = "command.breathe";

    // The stored feedback answer is the id's last part, so the labels can be reworded without changing the figures.
    private static readonly string[] FeedbackIds = ["handoff.feedback.helped", "handoff.feedback.a-little", "handoff.feedback.no"];

    /// <summary>
    /// Every message the handoff says and the values it fills; registered so a file without one, or with a
    /// placeholder nobody fills, stops the start. The crisis lines and the breathing word fit in any of them.
    /// </summary>
    public static readonly IReadOnlyList<RequiredMessage> Required =
    [
        new("handoff.crisis-lines", Breathe),
        Message("handoff.connecting", Place, Wait),
        Message("handoff.connecting-hub"),
        Message("handoff.place.next"),
        Message("handoff.place.number", Position),
        Message("handoff.wait.estimate", WaitLow, WaitHigh),
        Message("handoff.wait.unknown"),
        Message("handoff.still-waiting", Place, Wait),
        Message("handoff.passed-on"),
        Message("handoff.received", Position),
        Message("handoff.no-advisor.open"),
        Message("handoff.no-advisor.closed"),
        Message("handoff.callback-stored"),
        Message("handoff.breathing"),
        Message("handoff.waiting.breathe"),
        Message("handoff.waiting.call-988"),
        Message("handoff.waiting.call-911"),
        Message("handoff.advisor-joined", AdvisorName),
        Message("handoff.advisor-says", AdvisorName, AdvisorText),
        Message("handoff.already-with-advisor", AdvisorName),
        Message("handoff.advisor-unnamed"),
        Message("handoff.transferred"),
        Message("handoff.advisor-left", AdvisorName),
        .. FeedbackIds.Select(id => Message(id)),
        Message("handoff.feedback.thanks"),
        Message("handoff.left-the-line"),
        Message("handoff.back-in-line"),
    ];

    public string CrisisResources => Say("handoff.crisis-lines");

    public string Connecting(int position, WaitRange? estimate) => Say("handoff.connecting", WhereInLine(position, estimate));

    public string ConnectingToHub => Say("handoff.connecting-hub");

    public string PassedOn => Say("handoff.passed-on");

    public string StillWaiting(int position, WaitRange? estimate) => Say("handoff.still-waiting", WhereInLine(position, estimate));

    public string NoAdvisor(bool isOpen) => Say(isOpen ? "handoff.no-advisor.open" : "handoff.no-advisor.closed");

    public string CallbackStored => Say("handoff.callback-stored");

    public string Received(int position) => Say("handoff.received", (Position, Number(position)));

    public string Breathing => Say("handoff.breathing");

    public string AdvisorJoined(string firstName) => Say("handoff.advisor-joined", (AdvisorName, firstName));

    public string AlreadyWithAdvisor(string firstName) => Say("handoff.already-with-advisor", (AdvisorName, firstName));

    /// <summary>How the bot names an advisor whose name it does not know.</summary>
    public string UnnamedAdvisor => Say("handoff.advisor-unnamed");

    public string Transferred => Say("handoff.transferred");

    public string AdvisorLeft(string firstName) => Say("handoff.advisor-left", (AdvisorName, firstName));

    public string FeedbackThanks => Say("handoff.feedback.thanks");

    /// <summary>Said when the person has been gone too long and left the line (they read it when they come back).</summary>
    public string LeftTheLine(bool isCrisis) => Say("handoff.left-the-line") + (isCrisis ? " " + CrisisResources : "");

    /// <summary>An advisor's words as the person sees them, with the advisor's first name.</summary>
    public string WithAdvisorName(string firstName, string text) => Say("handoff.advisor-says", (AdvisorName, firstName), (AdvisorText, text));

    /// <summary>While waiting: the breathing exercise and the crisis lines one tap away.</summary>
    public SuggestedActions WaitingActions() => new()
    {
        Actions =
        [
            CardAction.ImBack(Say("handoff.waiting.breathe"), BreatheCommand),
            new CardAction { Type = ActionTypes.Call, Title = Say("handoff.waiting.call-988"), Value = JsonSerializer.SerializeToElement("tel:988") },
            new CardAction { Type = ActionTypes.Call, Title = Say("handoff.waiting.call-911"), Value = JsonSerializer.SerializeToElement("tel:911") },
        ],
    };

    /// <summary>The one feedback question's answers, as buttons that send their label.</summary>
    public SuggestedActions FeedbackActions() => new() { Actions = [.. FeedbackIds.Select(id => CardAction.ImBack(Say(id)))] };

    /// <summary>After leaving the line: one tap asks for an advisor again.</summary>
    public SuggestedActions BackInLineActions() => new() { Actions = [CardAction.ImBack(Say("handoff.back-in-line"), "advisor")] };

    /// <summary>The stored answer (<c>helped</c>, <c>a-little</c>, <c>no</c>) for a tapped or typed label; null when the text is not one.</summary>
    public string? FeedbackAnswer(string text)
    {
        var id = FeedbackIds.FirstOrDefault(id => string.Equals(Say(id), text.Trim(), StringComparison.OrdinalIgnoreCase));
        return id?["handoff.feedback.".Length..];
    }

    private (string, string)[] WhereInLine(int position, WaitRange? estimate) =>
    [
        (Place, position == 1 ? Say("handoff.place.next") : Say("handoff.place.number", (Position, Number(position)))),
        (Wait, estimate is null
            ? Say("handoff.wait.unknown")
            : Say("handoff.wait.estimate", (WaitLow, Number(estimate.LowMinutes)), (WaitHigh, Number(estimate.HighMinutes)))),
    ];

    private string Say(string id, params (string Name, string Value)[] values) =>
        catalog.Current.Messages.Format(id, name => HelplinePlaceholders.Find(helpline.Value, name) ?? name switch
        {
            CrisisLines => CrisisResources,
            Breathe => BreatheCommand,
            _ => Array.Find(values, v => v.Name == name) is { Name: not null } found ? found.Value : null,
        });

    private static RequiredMessage Message(string id, params string[] values) => new(id, [.. values, CrisisLines, Breathe]);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
