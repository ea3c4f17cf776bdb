using HelplineBot.Dialogs.Seams;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.Tests.Dialogs;

/// <summary>Free text has a clear route: the answerer seam, with a typing indicator first, or the menu.</summary>
public class FreeTextTests
{
    [Fact]
    public async Task FreeText_DefaultAnswerer_PointsToTheMenuAfterTyping()
    {
        await using var host = new DialogTestHost();
        await host.SayAsync("hello");
        await host.SayAsync("stop");

        var reply = await host.SayAsync("is there parking at your center");

        Assert.Equal(1, reply.TypingCount);
        Assert.True(reply.Mentions("800-500-0399"));
        Assert.Equal(9, reply.Options.Count);
    }

    [Fact]
    public async Task FreeText_PluggedAnswerer_RepliesWithItsAnswerAndGetsTheContext()
    {
        var answerer = new EchoAnswerer();
        await using var host = new DialogTestHost(services: s => s.AddSingleton<IFreeTextAnswerer>(answerer));
        await host.SayAsync("hello");
        await host.SayAsync("stop");

        var reply = await host.SayAsync("is relapse normal");

        Assert.True(reply.Mentions("ANSWER: is relapse normal"));
        Assert.Equal("test/c1", answerer.Last!.ConversationKey);
        Assert.Null(answerer.Last.ActiveDialogId);
    }

    [Fact]
    public async Task QuestionInsidePrompt_PluggedAnswerer_AnswersThenAsksAgain()
    {
        var answerer = new EchoAnswerer();
        await using var host = new DialogTestHost(services: s => s.AddSingleton<IFreeTextAnswerer>(answerer));
        await host.SayAsync("self-check");

        var reply = await host.SayAsync("what does dependence mean?");

        Assert.True(reply.Mentions("ANSWER:"));
        Assert.True(reply.Mentions("1/6"));
        Assert.Equal("self-check", answerer.Last!.ActiveDialogId);
    }

    [Fact]
    public async Task TopicFlow_WithoutTopicSource_SaysUnavailableOnceAndStillOffersNextSteps()
    {
        await using var host = new DialogTestHost(withTopics: false);
        await host.SayAsync("menu");

        var reply = await host.SayAsync("understanding ketamine");

        Assert.Equal(2, reply.Activities.Count);
        Assert.True(reply.Mentions("800-500-0399"));
        Assert.True(reply.Offers("advisor"));
    }

    private sealed class EchoAnswerer : IFreeTextAnswerer
    {
        public FreeTextQuestion? Last { get; private set; }

        public Task<FreeTextAnswer> AnswerAsync(FreeTextQuestion question, CancellationToken cancellationToken)
        {
            Last = question;
            return Task.FromResult(new FreeTextAnswer(true, "ANSWER: " + question.Text));
        }
    }
}
