using HelplineBot.Protocol.Schema;

namespace HelplineBot.Tests.Dialogs;

/// <summary>Each of the helpline's flows, walked end to end through the turn pipeline.</summary>
public class HelplineFlowsTests
{
    [Fact]
    public async Task Join_PersonAdded_WelcomesWithNoticeEmergencyNumbersAndMenu()
    {
        await using var host = new DialogTestHost();

        var reply = await host.JoinAsync();

        Assert.True(reply.Mentions("confidential"));
        Assert.True(reply.Mentions("911"));
        Assert.True(reply.Mentions("988"));
        Assert.Equal(9, reply.Options.Count);
        Assert.True(reply.Offers("self-check"));
        Assert.True(reply.Offers("call back"));
    }

    [Fact]
    public async Task Join_OnlyTheBotAdded_SaysNothing()
    {
        await using var host = new DialogTestHost();
        await host.SendAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate, Id = "u1", ChannelId = HelplineBot.Protocol.Schema.Channels.Test,
            Conversation = new ConversationAccount { Id = "c1" }, Recipient = new ChannelAccount { Id = "bot" },
            MembersAdded = [new ChannelAccount { Id = "bot" }],
        });

        Assert.True(host.Sender.TakeReplies("c1").IsEmpty);
    }

    [Fact]
    public async Task FirstMessage_WithoutConversationUpdate_GetsTheNoticeFirstThenAnAnswer()
    {
        await using var host = new DialogTestHost();

        var reply = await host.SayAsync("hello");

        Assert.True(reply.Activities.Count >= 2);
        Assert.Contains("988", reply.Activities[0].Text);
        Assert.Equal(9, reply.Options.Count);
        var again = await host.SayAsync("menu");
        Assert.False(again.Mentions("confidential"));
    }

    [Theory]
    [InlineData("1", "what-is-ketamine")]
    [InlineData("Effects and risks", "short-term-effects")]
    [InlineData("signs of addiction", "signs-of-addiction")]
    [InlineData("5", "detox-and-withdrawal")]
    [InlineData("helping someone i care about", "helping-a-loved-one")]
    public async Task MainMenu_TopicChosen_ExplainsTopicAndOffersNextSteps(string pick, string topicId)
    {
        await using var host = new DialogTestHost();
        await host.JoinAsync();

        var reply = await host.SayAsync(pick);

        Assert.True(reply.Mentions($"TOPIC[{topicId}]"));
        Assert.True(reply.Offers("advisor"));
        Assert.True(reply.Offers("menu"));
    }

    [Fact]
    public async Task TreatmentFlow_InpatientThenDayThenAftercare_LeadsToAnAdvisorOffer()
    {
        await using var host = new DialogTestHost();
        await host.JoinAsync();

        var options = await host.SayAsync("treatment options");
        Assert.True(options.Offers("Inpatient"));
        var inpatient = await host.SayAsync("inpatient rehab");
        Assert.True(inpatient.Mentions("TOPIC[inpatient-rehab]"));
        Assert.True(inpatient.Offers("a day"));
        var day = await host.SayAsync("what a day in rehab looks like");
        Assert.True(day.Mentions("group"));
        Assert.True(day.Offers("Aftercare"));
        var aftercare = await host.SayAsync("aftercare");
        Assert.True(aftercare.Mentions("TOPIC[aftercare]"));
        Assert.True(aftercare.Offers("advisor"));
    }

    [Fact]
    public async Task EffectsFlow_BladderFollowUp_ShowsBladderTopic()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("menu");
        await host.SayAsync("effects");

        var reply = await host.SayAsync("bladder");

        Assert.True(reply.Mentions("TOPIC[bladder-and-kidneys]"));
        Assert.True(reply.Offers("self-check"));
    }

    [Fact]
    public async Task SelfCheck_AllAnswered_SuggestsCareNotADiagnosisAndKeepsAnswers()
    {
        await using var host = new DialogTestHost();
        var intro = await host.SayAsync("self-check");
        Assert.True(intro.Mentions("not a diagnosis"));
        Assert.True(intro.Offers("Every day"));

        await host.SayAsync("daily");
        await host.SayAsync("yes");
        await host.SayAsync("yes");
        var physical = await host.SayAsync("yes");
        Assert.True(physical.Mentions("911"), "bladder symptoms get the urgent-care note");
        await host.SayAsync("not sure");
        var result = await host.SayAsync("no");

        Assert.True(result.Mentions("inpatient"));
        Assert.True(result.Mentions("not a diagnosis"));
        Assert.True(result.Offers("advisor"));
        var state = await host.ReadStateAsync();
        Assert.Equal("daily", state!.Answers["self-check.frequency"]);
        Assert.Equal("unsure", state.Answers["self-check.safeHome"]);
        Assert.Equal("inpatient", state.Answers["self-check.suggestion"]);

        var handoff = await host.SayAsync("talk to an advisor");
        Assert.True(handoff.Mentions("800-500-0399"));
    }

    [Fact]
    public async Task SelfCheck_OccasionalUseNoSymptoms_SuggestsOutpatient()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("self test");
        foreach (var answer in new[] { "weekly", "no", "no", "no", "yes" }) await host.SayAsync(answer);

        var result = await host.SayAsync("no");

        Assert.True(result.Mentions("outpatient"));
    }

    [Fact]
    public async Task Callback_HappyPath_StoresRequestAndSaysWhenToExpectTheCall()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("menu");
        await host.SayAsync("9");
        await host.SayAsync("R.");
        await host.SayAsync("(312) 555-0123");
        var consent = await host.SayAsync("after 6pm");
        Assert.True(consent.Mentions("(312) 555-0123"));
        await host.SayAsync("yes");

        var confirmation = await host.SayAsync("no voicemail please");

        Assert.True(confirmation.Mentions("24 hours"));
        Assert.True(confirmation.Mentions("after 6pm"));
        var stored = Assert.Single(await host.Requests.ListOpenCallbacksAsync(CancellationToken.None));
        Assert.Equal("R.", stored.Name);
        Assert.Equal("+13125550123", stored.PhoneE164);
        Assert.Equal("after 6pm", stored.BestTime);
        Assert.False(stored.VoicemailOk);
    }

    [Fact]
    public async Task Callback_ConsentRefused_StoresNothing()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("call me back");
        await host.SayAsync("Sam");
        await host.SayAsync("312 555 0199");
        await host.SayAsync("mornings");

        var reply = await host.SayAsync("no");

        Assert.True(reply.Mentions("won't call"));
        Assert.Empty(await host.Requests.ListOpenCallbacksAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Callback_AfterSelfCheck_CarriesTheAnswersForTheAdvisor()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("self-check");
        foreach (var answer in new[] { "daily", "yes", "yes", "no", "yes", "no" }) await host.SayAsync(answer);
        await host.SayAsync("request a call back");
        foreach (var answer in new[] { "Jo", "312-555-0123", "any time", "yes", "yes" }) await host.SayAsync(answer);

        var stored = Assert.Single(await host.Requests.ListOpenCallbacksAsync(CancellationToken.None));

        Assert.Equal("daily", stored.Context["self-check.frequency"]);
        Assert.True(stored.VoicemailOk);
    }

    [Fact]
    public async Task Goodbye_FeedbackNo_IsRecordedAndOffersAnAdvisor()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("menu");
        var goodbye = await host.SayAsync("ok thanks bye");
        Assert.True(goodbye.Mentions("helpful"));
        Assert.Equal(["Yes", "No"], goodbye.Options);

        var reply = await host.SayAsync("no");

        Assert.True(reply.Mentions("advisor"));
        var closing = await host.SayAsync("no");
        Assert.True(closing.Mentions("988"));
        Assert.Null((await host.ReadStateAsync())!.Stack.FirstOrDefault());
    }

    [Fact]
    public async Task Goodbye_FeedbackYes_ClosesWithEmergencyNumbers()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("hi");

        var reply = await host.SayAsync("bye");
        var closing = await host.SayAsync("yes");

        Assert.True(reply.Mentions("helpful"));
        Assert.True(closing.Mentions("911"));
        Assert.Empty((await host.ReadStateAsync())!.Stack);
    }
}
