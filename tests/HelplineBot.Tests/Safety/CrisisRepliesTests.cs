using System.Text.Json;
using HelplineBot.Hosting;
using HelplineBot.Protocol.Schema;
using HelplineBot.Safety;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelplineBot.Tests.Safety;

public sealed class CrisisRepliesTests : IDisposable
{
    private static readonly HelplineOptions Helpline = new() { Name = "Test Helpline", Phone = "555-0142", Hours = "9am to 5pm on weekdays" };
    private readonly List<string> _tempFolders = [];

    public static TheoryData<SafetyCategory> Crises() =>
        new(Enum.GetValues<SafetyCategory>().Where(c => c.IsCrisis()));

    public void Dispose()
    {
        foreach (var folder in _tempFolders) Directory.Delete(folder, recursive: true);
    }

    private static CrisisReplies CreateSut(string? rulesFolder = null) => new(
        Options.Create(Helpline),
        Options.Create(new SafetyOptions { RulesFolder = rulesFolder ?? SafetyRules.Folder }),
        NullLogger<CrisisReplies>.Instance);

    private static Activity Incoming(string channelId = "directline") => new()
    {
        Type = ActivityTypes.Message,
        Id = "a-1",
        ChannelId = channelId,
        Text = "...",
        From = new ChannelAccount { Id = "user-1" },
        Recipient = new ChannelAccount { Id = "bot" },
        Conversation = new ConversationAccount { Id = "conv-1" },
    };

    [Fact]
    public void Constructor_ShippedRepliesFile_IsUsed() => Assert.False(CreateSut().UsesBuiltInText);

    [Theory]
    [InlineData(SafetyCategory.CrisisSuicide, new[] { "988", "911" })]
    [InlineData(SafetyCategory.CrisisSelfHarm, new[] { "988", "911" })]
    [InlineData(SafetyCategory.CrisisOverdoseMedical, new[] { "911", "1-800-222-1222", "If they are not breathing or won't wake up, call 911 now" })]
    [InlineData(SafetyCategory.CrisisHarmToOthers, new[] { "911", "988" })]
    [InlineData(SafetyCategory.CrisisAbuseDanger, new[] { "911", "1-800-799-7233" })]
    public void Create_Category_FirstMessageCarriesItsEmergencyResources(SafetyCategory category, string[] expected)
    {
        var replies = CreateSut().Create(category, Incoming());

        foreach (var text in expected) Assert.Contains(text, replies[0].Text);
    }

    [Theory]
    [MemberData(nameof(Crises))]
    public void Create_Crisis_InvitesToStayWithHelplineNumberFromOptionsAndOffersGrounding(SafetyCategory category)
    {
        var replies = CreateSut().Create(category, Incoming());

        Assert.Equal(2, replies.Count);
        var stay = replies[1];
        Assert.Contains("stay here with me", stay.Text);
        Assert.Contains("Test Helpline at 555-0142 (9am to 5pm on weekdays)", stay.Text);
        Assert.Contains("1-800-662-4357", stay.Text);
        Assert.DoesNotContain("800-500-0399", stay.Text);
        var titles = stay.SuggestedActions!.Actions!.Select(a => a.Title).ToList();
        Assert.Contains("Talk to an advisor", titles);
        Assert.Contains("Grounding exercise", titles);
    }

    [Theory]
    [InlineData(SafetyCategory.CrisisSuicide, "tel:988")]
    [InlineData(SafetyCategory.CrisisSelfHarm, "tel:988")]
    [InlineData(SafetyCategory.CrisisOverdoseMedical, "tel:911")]
    [InlineData(SafetyCategory.CrisisAbuseDanger, "tel:911")]
    public void Create_Crisis_OffersACallButton(SafetyCategory category, string tel)
    {
        var call = CreateSut().Create(category, Incoming())[1].SuggestedActions!.Actions!.Last();

        Assert.Equal(ActionTypes.Call, call.Type);
        Assert.Equal(tel, call.Value!.Value.GetString());
    }

    [Fact]
    public void Create_OnTeams_UsesAnOpenUrlTelLink()
    {
        var call = CreateSut().Create(SafetyCategory.CrisisSuicide, Incoming(HelplineBot.Protocol.Schema.Channels.MsTeams))[1].SuggestedActions!.Actions!.Last();

        Assert.Equal(ActionTypes.OpenUrl, call.Type);
        Assert.Equal("tel:988", call.Value!.Value.GetString());
    }

    [Fact]
    public void Create_Crisis_RepliesIntoTheSameConversation()
    {
        var replies = CreateSut().Create(SafetyCategory.CrisisSuicide, Incoming());

        Assert.All(replies, r =>
        {
            Assert.Equal("conv-1", r.Conversation!.Id);
            Assert.Equal("user-1", r.Recipient!.Id);
            Assert.Equal("a-1", r.ReplyToId);
            Assert.Equal(ActivityTypes.Message, r.Type);
        });
    }

    [Theory]
    [InlineData(SafetyCategory.None)]
    [InlineData(SafetyCategory.HumanRequest)]
    public void Create_NotACrisis_ReturnsNothing(SafetyCategory category) => Assert.Empty(CreateSut().Create(category, Incoming()));

    [Theory]
    [MemberData(nameof(Crises))]
    public void Create_Crisis_NeverTalksAboutDosesOrMethods(SafetyCategory category)
    {
        var text = string.Join(' ', CreateSut().Create(category, Incoming()).Select(r => r.Text)).ToLowerInvariant();

        foreach (var word in new[] { "dose", " mg", "pills", "how much", "method", "lethal" }) Assert.DoesNotContain(word, text);
    }

    [Fact]
    public void Constructor_RepliesFileMissing_FallsBackToBuiltInWithEveryNumber()
    {
        var sut = CreateSut(EmptyFolder());

        Assert.True(sut.UsesBuiltInText);
        Assert.Contains("988", sut.Create(SafetyCategory.CrisisSuicide, Incoming())[0].Text);
        Assert.Contains("1-800-222-1222", sut.Create(SafetyCategory.CrisisOverdoseMedical, Incoming())[0].Text);
        Assert.Contains("555-0142", sut.Create(SafetyCategory.CrisisSelfHarm, Incoming())[1].Text);
    }

    [Theory]
    [InlineData("call or text 988 (the Suicide", "call or text the Suicide")]
    [InlineData("messages:", "mesages:")]
    [InlineData("advisorButton: Talk to an advisor", "advisorButton: [")]
    [InlineData("{helplinePhone}", "our number")]
    public void Constructor_RepliesFileBrokenOrMissingANumber_FallsBackToBuiltIn(string find, string replace)
    {
        var folder = EmptyFolder();
        var text = File.ReadAllText(Path.Combine(SafetyRules.Folder, CrisisReplies.RepliesFileName));
        Assert.Contains(find, text);
        File.WriteAllText(Path.Combine(folder, CrisisReplies.RepliesFileName), text.Replace(find, replace));

        var sut = CreateSut(folder);

        Assert.True(sut.UsesBuiltInText);
        Assert.Contains("988", sut.Create(SafetyCategory.CrisisSuicide, Incoming())[0].Text);
    }

    [Fact]
    public void CreateGroundingExercise_Always_GuidesAndKeepsTheAdvisorButton()
    {
        var reply = CreateSut().CreateGroundingExercise(Incoming());

        Assert.Contains("5 things you can see", reply.Text);
        Assert.Equal("Talk to an advisor", reply.SuggestedActions!.Actions!.Single().Title);
    }

    [Fact]
    public void Create_Reply_SerializesAsAnActivityWithSuggestedActions()
    {
        var json = JsonSerializer.Serialize(CreateSut().Create(SafetyCategory.CrisisOverdoseMedical, Incoming())[1], ProtocolJsonContext.Default.Activity);

        Assert.Contains("\"suggestedActions\"", json);
        Assert.Contains("\"tel:911\"", json);
    }

    private string EmptyFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "helplinebot-replies-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        _tempFolders.Add(folder);
        return folder;
    }
}
