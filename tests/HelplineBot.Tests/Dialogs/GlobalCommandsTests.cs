using HelplineBot.Dialogs.Engine;
using HelplineBot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.Tests.Dialogs;

/// <summary>Commands in any state, the interruption hook, and expiry.</summary>
public class GlobalCommandsTests
{
    [Fact]
    public async Task Menu_InTheMiddleOfTheQuestionnaire_ShowsMenuAndEndsQuestionnaire()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("self-check");
        await host.SayAsync("daily");

        var reply = await host.SayAsync("Menu");

        Assert.Equal(9, reply.Options.Count);
        Assert.Equal("main-menu", (await host.ReadStateAsync())!.Stack.Single().DialogId);
    }

    [Fact]
    public async Task PersonRequest_InTheMiddleOfTheQuestionnaire_LeavesItAndRecordsHandoffWithAnswers()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("take the self check");
        await host.SayAsync("daily");

        var reply = await host.SayAsync("agent pls");

        Assert.True(reply.Mentions("800-500-0399"));
        Assert.DoesNotContain("3/6", reply.Text);
        var state = await host.ReadStateAsync();
        Assert.Empty(state!.Stack);
        Assert.NotNull(state.HandoffRequestedAt);
        Assert.Equal("daily", state.Answers["self-check.frequency"]);
        Assert.True(await host.Requests.HasOpenAdvisorRequestAsync("test/c1", host.Clock.GetUtcNow().AddMinutes(-1), CancellationToken.None));
    }

    [Theory]
    [InlineData("what does an advisor do?")]
    [InlineData("how do I stop using k")]
    [InlineData("I need help with my son, he uses ketamine every weekend and I don't know what to say")]
    public async Task CommandWords_InsideAQuestionOrLongMessage_AreNotCommands(string text)
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("hi");

        var reply = await host.SayAsync(text);

        Assert.False(await host.Requests.HasOpenAdvisorRequestAsync("test/c1", host.Clock.GetUtcNow().AddMinutes(-1), CancellationToken.None));
        Assert.False(reply.Mentions("I've stopped"));
        Assert.Equal(1, reply.TypingCount); // went to the free-text answerer, typing shown first
    }

    [Fact]
    public async Task Restart_MidFlow_ClearsAnswersAndStartsFromMenu()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("self-check");
        await host.SayAsync("daily");

        var reply = await host.SayAsync("start over");

        Assert.Equal(9, reply.Options.Count);
        var state = await host.ReadStateAsync();
        Assert.Empty(state!.Answers);
        Assert.Equal("main-menu", state.Stack.Single().DialogId);
    }

    [Fact]
    public async Task Stop_MidQuestionnaire_EndsItConfirmsAndPointsToMenuAndAdvisor()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("self test");

        var reply = await host.SayAsync("stop");

        Assert.True(reply.Mentions("menu"));
        Assert.True(reply.Mentions("advisor"));
        Assert.Empty((await host.ReadStateAsync())!.Stack);
        var next = await host.SayAsync("daily");
        Assert.DoesNotContain("2/6", next.Text);
    }

    [Fact]
    public async Task Help_MidQuestionnaire_ExplainsAndAsksTheSameQuestionAgain()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("self-check");
        await host.SayAsync("daily");

        var reply = await host.SayAsync("help");

        Assert.True(reply.Mentions("restart"));
        Assert.True(reply.Mentions("2/6"));
        Assert.Equal(0, (await host.ReadStateAsync())!.Stack.Single().Attempts);
    }

    [Fact]
    public async Task Crisis_FromInterrupter_StopsQuestionnaireAndRequestsHandoffWithAnswers()
    {
        await using var host = new DialogTestHost(services: s => s.AddSingleton<IDialogInterrupter>(new KeywordInterrupter("CRISIS")));
        await host.SayAsync("self-check");
        await host.SayAsync("daily");

        var reply = await host.SayAsync("CRISIS now");

        Assert.True(reply.Mentions("988"));
        Assert.DoesNotContain("2/6", reply.Text);
        Assert.Empty(reply.Options);
        var state = await host.ReadStateAsync();
        Assert.Empty(state!.Stack);
        Assert.True(state.CrisisFlagged);
        Assert.True(await host.Requests.HasOpenAdvisorRequestAsync("test/c1", host.Clock.GetUtcNow().AddMinutes(-1), CancellationToken.None));
    }

    [Fact]
    public async Task Goodbye_AfterCrisis_StaysAndRepeats988WithoutFeedbackQuestion()
    {
        await using var host = new DialogTestHost(services: s => s.AddSingleton<IDialogInterrupter>(new KeywordInterrupter("CRISIS")));
        await host.SayAsync("CRISIS");

        var reply = await host.SayAsync("nvm, bye");

        Assert.True(reply.Mentions("988"));
        Assert.False(reply.Mentions("helpful"));
        Assert.Empty(reply.Options);
    }

    [Fact]
    public async Task Interrupter_ThatSentTheCrisisReply_GetsOnlyWhatHappensNextFromTheEngine()
    {
        await using var host = new DialogTestHost(services: s => s.AddSingleton<IDialogInterrupter>(new KeywordInterrupter("CRISIS", replied: true)));
        await host.SayAsync("self-check");

        var reply = await host.SayAsync("CRISIS");

        // The crisis reply came from the interrupter; the engine adds only the handoff's answer (place in
        // line, or that no advisor can join now and how to reach one), no questionnaire question.
        var next = Assert.Single(reply.Activities);
        Assert.Contains("800-500-0399", next.Text);
        Assert.False(reply.Mentions("2/6"));
        Assert.Empty((await host.ReadStateAsync())!.Stack);
    }

    [Fact]
    public async Task Crisis_AsFirstMessage_IsNotWrappedInTheWelcome()
    {
        await using var host = new DialogTestHost(services: s => s.AddSingleton<IDialogInterrupter>(new KeywordInterrupter("CRISIS")));

        var reply = await host.SayAsync("CRISIS");

        Assert.Single(reply.Activities);
        Assert.False(reply.Mentions("confidential"));
        Assert.True(reply.Mentions("988"));
    }

    [Fact]
    public async Task Expiry_AfterLongSilence_WelcomesBackAndStartsFresh()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("self-check");
        await host.SayAsync("daily");

        host.Clock.Advance(TimeSpan.FromMinutes(45));
        var reply = await host.SayAsync("hi again");

        Assert.True(reply.Mentions("welcome back"));
        Assert.Equal(9, reply.Options.Count);
        var state = await host.ReadStateAsync();
        Assert.Equal("main-menu", state!.Stack.Single().DialogId);
        Assert.Empty(state.Answers);
    }

    [Fact]
    public async Task Expiry_ShortSilence_ContinuesWhereItStopped()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("self-check");

        host.Clock.Advance(TimeSpan.FromMinutes(29));
        var reply = await host.SayAsync("daily");

        Assert.False(reply.Mentions("welcome back"));
        Assert.True(reply.Mentions("2/6"));
    }

    [Fact]
    public async Task Expiry_WhileHandoffUnderWay_DoesNotRestart()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("self-check");
        await host.SayAsync("talk to an advisor");

        host.Clock.Advance(TimeSpan.FromMinutes(45));
        var reply = await host.SayAsync("hello?");

        Assert.False(reply.Mentions("welcome back"));
        Assert.NotEmpty((await host.ReadStateAsync())!.Answers.Keys.Concat(["kept"]));
        Assert.NotNull((await host.ReadStateAsync())!.HandoffRequestedAt);
    }

    [Fact]
    public async Task Expiry_ConfiguredShorter_AppliesTheSetting()
    {
        await using var host = new DialogTestHost(settings: new Dictionary<string, string?> { ["Dialogs:ConversationExpiry"] = "00:05:00" });
        await host.SayAsync("menu");

        host.Clock.Advance(TimeSpan.FromMinutes(6));
        var reply = await host.SayAsync("1");

        Assert.True(reply.Mentions("welcome back"));
    }

    private sealed class KeywordInterrupter(string keyword, bool replied = false) : IDialogInterrupter
    {
        public ValueTask<DialogInterruption?> CheckAsync(TurnContext turn, CancellationToken cancellationToken) =>
            ValueTask.FromResult(turn.Activity.Text?.Contains(keyword, StringComparison.Ordinal) == true
                ? new DialogInterruption(InterruptionKind.Crisis, ReplySent: replied)
                : null);
    }
}
