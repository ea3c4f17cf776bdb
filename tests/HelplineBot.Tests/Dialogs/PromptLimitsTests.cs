namespace HelplineBot.Tests.Dialogs;

/// <summary>Invalid answers to every prompt type: a short re-prompt, then a way out at the limit, never a loop.</summary>
public class PromptLimitsTests
{
    [Fact]
    public async Task ChoicePrompt_InvalidAnswersUpToLimit_RepromptsThenOffersWayOut()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("menu");

        var first = await host.SayAsync("10");
        var second = await host.SayAsync("blah");
        var third = await host.SayAsync("dunno");

        Assert.Equal(9, first.Options.Count);
        Assert.Equal(9, second.Options.Count);
        Assert.NotEqual(9, third.Options.Count);
        Assert.True(third.Offers("advisor"));
        Assert.True(third.Offers("menu"));
        Assert.Equal("way-out", (await host.ReadStateAsync())!.Stack.Single().DialogId);
    }

    [Fact]
    public async Task WayOut_AlsoFailing_EndsTheDialogsInsteadOfLooping()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("menu");
        foreach (var text in new[] { "x", "y", "z", "still nothing" }) await host.SayAsync(text);

        var last = await host.SayAsync("nope nothing");

        Assert.Empty(last.Options);
        Assert.True(last.Mentions("menu"));
        Assert.True(last.Mentions("988"));
        Assert.Empty((await host.ReadStateAsync())!.Stack);
    }

    [Fact]
    public async Task PhonePrompt_InvalidNumbersUpToLimit_ShowsFormatThenWayOut()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("menu");
        await host.SayAsync("request a call back");
        await host.SayAsync("M");

        var first = await host.SayAsync("my number");
        var second = await host.SayAsync("my number is private");
        var third = await host.SayAsync("idk");

        Assert.True(first.Mentions("area code"));
        Assert.True(second.Mentions("area code"));
        Assert.True(third.Offers("advisor"));
        Assert.Empty(await host.Requests.ListOpenCallbacksAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ConfirmPrompt_UnclearAnswersUpToLimit_RepromptsYesNoThenWayOut()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("self-check");
        await host.SayAsync("daily");

        var first = await host.SayAsync("perhaps");
        var second = await host.SayAsync("hmm");
        var third = await host.SayAsync("purple");

        Assert.Equal(["Yes", "No"], first.Options);
        Assert.True(second.Mentions("yes or no"));
        Assert.True(third.Offers("call back"));
    }

    [Fact]
    public async Task NumberPrompt_OutOfRangeAndWords_RepromptsThenWayOut()
    {
        var knowledge = new KnowledgeCopy();
        knowledge.WriteFlow("prompt-test.yaml", KnowledgeCopy.PromptFlow);
        await using var host = new DialogTestHost(settings: knowledge.Settings);
        await host.SayAsync("prompt test");

        var first = await host.SayAsync("42");
        var second = await host.SayAsync("lots");
        var third = await host.SayAsync("0");

        Assert.True(first.Mentions("number"));
        Assert.True(second.Mentions("number"));
        Assert.True(third.Offers("advisor"));
    }

    [Fact]
    public async Task NumberPrompt_SpelledNumber_IsAccepted()
    {
        var knowledge = new KnowledgeCopy();
        knowledge.WriteFlow("prompt-test.yaml", KnowledgeCopy.PromptFlow);
        await using var host = new DialogTestHost(settings: knowledge.Settings);
        await host.SayAsync("prompt test");

        await host.SayAsync("about three");

        Assert.Equal("3", (await host.ReadStateAsync())!.Answers["prompt-test.count"]);
    }

    [Fact]
    public async Task TextPrompt_TooLongUpToLimit_RepromptsThenWayOut()
    {
        var knowledge = new KnowledgeCopy();
        knowledge.WriteFlow("prompt-test.yaml", KnowledgeCopy.PromptFlow);
        await using var host = new DialogTestHost(settings: knowledge.Settings);
        await host.SayAsync("prompt test");
        await host.SayAsync("2");
        var tooLong = new string('a', 21);

        var first = await host.SayAsync(tooLong);
        var second = await host.SayAsync(tooLong);
        var third = await host.SayAsync(tooLong);

        Assert.True(first.Mentions("too long"));
        Assert.True(second.Mentions("too long"));
        Assert.True(third.Offers("advisor"));
    }

    [Fact]
    public async Task MaxAttemptsSetting_One_GoesStraightToWayOut()
    {
        await using var host = new DialogTestHost(settings: new Dictionary<string, string?> { ["Dialogs:MaxAttempts"] = "1" });
        await host.SayAsync("menu");

        var reply = await host.SayAsync("blah");

        Assert.True(reply.Offers("call back"));
        Assert.NotEqual(9, reply.Options.Count);
    }

    [Fact]
    public async Task QuestionInsidePrompt_IsAnsweredAndNotCountedAsInvalid()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("questionnaire please");
        await host.SayAsync("what does 'dependence' mean?");
        await host.SayAsync("what do you mean by often?");
        await host.SayAsync("how is this used?");

        var reply = await host.SayAsync("weekly");

        Assert.True(reply.Mentions("2/6"));
        Assert.Equal("weekly", (await host.ReadStateAsync())!.Answers["self-check.frequency"]);
    }
}
