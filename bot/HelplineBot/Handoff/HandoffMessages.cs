using System.Text.Json;
using HelplineBot.Hosting;
using HelplineBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace HelplineBot.Handoff;

/// <summary>
/// What the bot tells a person about the handoff. Kind, plain, honest; never a promise we cannot keep.
/// (To move into knowledge/messages once the dialog engine's message catalogue is merged.)
/// </summary>
public sealed class HandoffMessages(IOptions<HelplineOptions> helpline)
{
    public const string BreatheCommand = "breathe";
    public static readonly string[] FeedbackChoices = ["Yes, it helped", "A little", "No"];

    public string CrisisResources =>
        $"If you are in danger right now, call 911. For thoughts of suicide, call or text 988. " +
        $"Poison Control: 1-800-222-1222. You can also call us at {helpline.Value.Phone}.";

    public string Connecting(int position, WaitRange? estimate) =>
        $"I'm connecting you with an advisor, a real person. {Place(position, estimate)} " +
        "You can keep writing here; they will see everything you write. " +
        $"If you'd like, type \"{BreatheCommand}\" for a short breathing exercise while you wait.";

    public string ConnectingToHub =>
        "I'm connecting you with an advisor, a real person. Please stay in this chat; they will see what you've written. " + CrisisResources;

    public string PassedOn => "Your message is saved for the advisor. I'm here with you while you wait.";

    public string StillWaiting(int position, WaitRange? estimate) =>
        $"You're still in line for an advisor and I'm here with you. {Place(position, estimate)}";

    public string NoAdvisor(bool isOpen) =>
        (isOpen
            ? "I'm sorry: no advisor is available on the chat at this moment, so I can't say when someone will answer. "
            : $"I'm sorry: our advisors are not on the chat right now (we answer {helpline.Value.Hours}). ") +
        CrisisResources +
        " If you'd like an advisor to call you back, type your phone number here.";

    public string CallbackStored =>
        "Thank you. I've saved your request and an advisor will call you back at that number. " + CrisisResources;

    public string Received(int position) =>
        $"Your message is saved; the advisor will see it. You're number {position} in line. " +
        $"Type \"{BreatheCommand}\" for a short breathing exercise.";

    public string Breathing =>
        "Let's breathe together. Breathe in slowly through your nose for 4 counts. Hold for 4. " +
        "Breathe out through your mouth for 6. Do this a few times, at your own pace. " +
        "Then notice 5 things you can see around you. I'm still here, and you're still in line.";

    public string AdvisorJoined(string firstName) => $"{firstName}, an advisor, has joined the chat.";

    public string AlreadyWithAdvisor(string firstName) => $"You're already in the chat with {firstName}, an advisor; they see what you write here.";

    public string Transferred => "Your advisor is passing you to a colleague. Please stay here; someone will be with you shortly.";

    public string AdvisorLeft(string firstName) =>
        $"{firstName} has left the chat, and you're back with the {helpline.Value.Name} assistant. " +
        "One quick question: did talking with an advisor help?";

    public string LeftTheLine(bool isCrisis) =>
        "It looks like you left the chat, so you're no longer in line for an advisor. " +
        "If you're back and would still like to talk to someone, type \"advisor\" and I'll put you in line again." +
        (isCrisis ? " " + CrisisResources : "");

    public string FeedbackThanks => "Thank you for telling us. I'm here if you need anything else.";

    /// <summary>While waiting: the breathing exercise and the crisis lines one tap away.</summary>
    public static SuggestedActions WaitingActions() => new()
    {
        Actions =
        [
            CardAction.ImBack("Breathing exercise", BreatheCommand),
            new CardAction { Type = ActionTypes.Call, Title = "Call or text 988", Value = JsonSerializer.SerializeToElement("tel:988") },
            new CardAction { Type = ActionTypes.Call, Title = "Call 911", Value = JsonSerializer.SerializeToElement("tel:911") },
        ],
    };

    /// <summary>After leaving the line: one tap asks for an advisor again.</summary>
    public static SuggestedActions BackInLineActions() => new() { Actions = [CardAction.ImBack("Talk to an advisor", "advisor")] };

    public static string WithAdvisorName(string firstName, string text) => $"**{firstName}** (advisor): {text}";

    private static string Place(int position, WaitRange? estimate) =>
        (position == 1 ? "You're next in line." : $"You're number {position} in line.") +
        (estimate is null
            ? " I can't estimate the wait honestly right now."
            : $" The wait is usually about {estimate.LowMinutes} to {estimate.HighMinutes} minutes.");
}
