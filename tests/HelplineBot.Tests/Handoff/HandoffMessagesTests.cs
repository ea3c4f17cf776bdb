using System.Text.RegularExpressions;
using HelplineBot.Dialogs;
using HelplineBot.Dialogs.Actions;
using HelplineBot.Dialogs.Flows;
using HelplineBot.Handoff;
using HelplineBot.Hosting;
using HelplineBot.Tests.Dialogs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelplineBot.Tests.Handoff;

/// <summary>The handoff's sentences come from knowledge/messages/en.yaml, word for word what the bot said when they were code.</summary>
public partial class HandoffMessagesTests
{
    private const string Crisis =
        "If you are in danger right now, call 911. For thoughts of suicide, call or text 988. Poison Control: 1-800-222-1222. You can also call us at 800-500-0399.";

    // What each sentence said when it was written in C#, with the default Helpline settings.
    private static readonly Dictionary<string, (Func<HandoffMessages, string> Say, string Expected)> Wording = new()
    {
        ["crisis"] = (m => m.CrisisResources, Crisis),
        ["connecting, next, no estimate"] = (m => m.Connecting(1, null),
            "I'm connecting you with an advisor, a real person. You're next in line. I can't estimate the wait honestly right now. You can keep writing here; they will see everything you write. If you'd like, type \"breathe\" for a short breathing exercise while you wait."),
        ["connecting, third, estimate"] = (m => m.Connecting(3, new WaitRange(4, 9)),
            "I'm connecting you with an advisor, a real person. You're number 3 in line. The wait is usually about 4 to 9 minutes. You can keep writing here; they will see everything you write. If you'd like, type \"breathe\" for a short breathing exercise while you wait."),
        ["hub"] = (m => m.ConnectingToHub, "I'm connecting you with an advisor, a real person. Please stay in this chat; they will see what you've written. " + Crisis),
        ["passed on"] = (m => m.PassedOn, "Your message is saved for the advisor. I'm here with you while you wait."),
        ["still waiting"] = (m => m.StillWaiting(2, new WaitRange(1, 3)),
            "You're still in line for an advisor and I'm here with you. You're number 2 in line. The wait is usually about 1 to 3 minutes."),
        ["no advisor, open"] = (m => m.NoAdvisor(isOpen: true),
            "I'm sorry: no advisor is available on the chat at this moment, so I can't say when someone will answer. " + Crisis + " If you'd like an advisor to call you back, type your phone number here."),
        ["no advisor, closed"] = (m => m.NoAdvisor(isOpen: false),
            "I'm sorry: our advisors are not on the chat right now (we answer 24 hours a day, 7 days a week). " + Crisis + " If you'd like an advisor to call you back, type your phone number here."),
        ["callback"] = (m => m.CallbackStored, "Thank you. I've saved your request and an advisor will call you back at that number. " + Crisis),
        ["received"] = (m => m.Received(1), "Your message is saved; the advisor will see it. You're number 1 in line. Type \"breathe\" for a short breathing exercise."),
        ["breathing"] = (m => m.Breathing,
            "Let's breathe together. Breathe in slowly through your nose for 4 counts. Hold for 4. Breathe out through your mouth for 6. Do this a few times, at your own pace. Then notice 5 things you can see around you. I'm still here, and you're still in line."),
        ["joined"] = (m => m.AdvisorJoined("Sam"), "Sam, an advisor, has joined the chat."),
        ["already"] = (m => m.AlreadyWithAdvisor("Sam"), "You're already in the chat with Sam, an advisor; they see what you write here."),
        ["transferred"] = (m => m.Transferred, "Your advisor is passing you to a colleague. Please stay here; someone will be with you shortly."),
        ["left"] = (m => m.AdvisorLeft("Sam"),
            "Sam has left the chat, and you're back with the Ketamine Helpline assistant. One quick question: did talking with an advisor help?"),
        ["left, unnamed"] = (m => m.AdvisorLeft(m.UnnamedAdvisor),
            "Your advisor has left the chat, and you're back with the Ketamine Helpline assistant. One quick question: did talking with an advisor help?"),
        ["thanks"] = (m => m.FeedbackThanks, "Thank you for telling us. I'm here if you need anything else."),
        // The advisor's own words are not read for placeholders.
        ["advisor says"] = (m => m.WithAdvisorName("Sam", "Call {helpline.phone}? I'm here."), "**Sam** (advisor): Call {helpline.phone}? I'm here."),
    };

    public static TheoryData<string> Sentences => [.. Wording.Keys];

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Sentence_FromTheCatalogue_IsTheWordingItHadInCode(string name)
    {
        var (say, expected) = Wording[name];

        Assert.Equal(expected, say(CreateSut()));
    }

    [Fact]
    public void EveryHandoffMessage_WithItsPlaceholdersFilled_LeavesNoGap()
    {
        var set = FlowCatalog.LoadFrom(KnowledgeFolder, "en", Actions, null, HandoffMessages.Required);
        var helpline = new HelplineOptions();

        foreach (var message in HandoffMessages.Required)
        {
            var unfilled = new List<string>();
            var text = set.Messages.Format(message.Id, name =>
                HelplinePlaceholders.Find(helpline, name) ?? (message.Placeholders.Contains(name) ? $"<{name}>" : Unfilled(unfilled, name)));

            Assert.False(string.IsNullOrWhiteSpace(text), message.Id);
            Assert.Empty(unfilled);
            Assert.DoesNotMatch(PlaceholderPattern(), text);
        }
    }

    [Fact]
    public void WaitingActions_BreathingButton_SendsTheWordTheRelayMatches()
    {
        var actions = CreateSut().WaitingActions().Actions!;

        Assert.Equal(["Breathing exercise", "Call or text 988", "Call 911"], actions.Select(a => a.Title));
        Assert.Equal(HandoffMessages.BreatheCommand, actions[0].Value!.Value.GetString());
        Assert.Equal(["tel:988", "tel:911"], actions.Skip(1).Select(a => a.Value!.Value.GetString()));
    }

    [Theory]
    [InlineData("Yes, it helped", "helped")]
    [InlineData("  a LITTLE ", "a-little")]
    [InlineData("no", "no")]
    public void FeedbackAnswer_TappedOrTypedLabel_IsTheStableAnswer(string text, string expected)
    {
        var sut = CreateSut();

        Assert.Equal(["Yes, it helped", "A little", "No"], sut.FeedbackActions().Actions!.Select(a => a.Title));
        Assert.Equal(expected, sut.FeedbackAnswer(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yes")]
    [InlineData("helped")]
    public void FeedbackAnswer_OtherText_IsNull(string text) => Assert.Null(CreateSut().FeedbackAnswer(text));

    [Fact]
    public void FeedbackAnswer_LabelReworded_StillGivesTheSameAnswer()
    {
        var knowledge = new KnowledgeCopy();
        var sut = CreateSut(knowledge, out var catalog);
        Edit(knowledge, "handoff.feedback.a-little: \"A little\"", "handoff.feedback.a-little: \"Somewhat\"");

        catalog.Load();

        Assert.Equal("a-little", sut.FeedbackAnswer("somewhat"));
        Assert.Null(sut.FeedbackAnswer("A little"));
    }

    [Fact]
    public void Reload_EditedSentence_IsSaidAtOnce()
    {
        var knowledge = new KnowledgeCopy();
        var sut = CreateSut(knowledge, out var catalog);
        Edit(knowledge, "{advisor.firstName}, an advisor, has joined the chat.", "{advisor.firstName} from {helpline.name} has joined the chat.");

        catalog.Load();

        Assert.Equal("Sam from Ketamine Helpline has joined the chat.", sut.AdvisorJoined("Sam"));
    }

    internal static readonly IReadOnlySet<string> Actions =
        new HashSet<string> { "request-advisor", "store-callback", "self-check-result", "record-feedback" };

    internal static string KnowledgeFolder => Path.Combine(AppContext.BaseDirectory, "knowledge");

    internal static void Edit(KnowledgeCopy knowledge, string from, string to)
    {
        var text = File.ReadAllText(knowledge.MessagesPath);
        Assert.Contains(from, text);
        File.WriteAllText(knowledge.MessagesPath, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static string? Unfilled(List<string> unfilled, string name)
    {
        unfilled.Add(name);
        return null;
    }

    private static HandoffMessages CreateSut() => CreateSut(KnowledgeFolder, out _);

    private static HandoffMessages CreateSut(KnowledgeCopy knowledge, out FlowCatalog catalog) => CreateSut(knowledge.Folder, out catalog);

    private static HandoffMessages CreateSut(string knowledgeFolder, out FlowCatalog catalog)
    {
        var services = new ServiceCollection();
        foreach (var message in HandoffMessages.Required) services.AddSingleton(message);
        catalog = new FlowCatalog(
            Options.Create(new DialogsOptions { KnowledgeFolder = knowledgeFolder }),
            [new RequestAdvisorAction(), new SelfCheckResultAction(), new StoreCallbackAction(null!), new RecordFeedbackAction(null!)],
            services.BuildServiceProvider(),
            NullLogger<FlowCatalog>.Instance);
        catalog.Load();
        return new HandoffMessages(catalog, Options.Create(new HelplineOptions()));
    }

    [GeneratedRegex(@"\{[a-zA-Z0-9_.-]+\}")]
    private static partial Regex PlaceholderPattern();
}
