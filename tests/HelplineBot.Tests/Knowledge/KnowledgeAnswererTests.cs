using HelplineBot.Knowledge;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Tests.Knowledge;

/// <summary>
/// Retrieval and composition on questions written for these tests (not the dev set): plain wording,
/// slang, typos, the confidence threshold, and the shape of the reply a visitor gets.
/// </summary>
public class KnowledgeAnswererTests
{
    private static readonly KnowledgeAnswerer Answerer = TestKnowledge.CreateAnswerer();

    [Theory]
    [InlineData("what are the short term effects of ketamine", "short-term-effects")]
    [InlineData("what does long term use do to you", "long-term-effects")]
    [InlineData("what happens during detox", "detox-and-withdrawal")]
    [InlineData("what is residential rehab like", "inpatient-rehab")]
    [InlineData("tell me about family therapy", "family-therapy")]
    [InlineData("what are holistic therapies", "holistic-therapy")]
    [InlineData("what is outpatient care", "outpatient-treatment")]
    [InlineData("what are the signs someone is addicted to ketamine", "signs-of-addiction")]
    [InlineData("what is tolerance", "tolerance-and-binges")]
    [InlineData("what happens after rehab", "aftercare")]
    [InlineData("how can i help my husband who uses ketamine", "helping-a-loved-one")]
    [InlineData("how do i reach an advisor", "reaching-an-advisor")]
    [InlineData("what are the main parts of recovery", "recovery-journey")]
    [InlineData("what if i relapse", "relapse-prevention")]
    [InlineData("how does the body get rid of ketamine", "how-the-body-clears-ketamine")]
    [InlineData("does ketamine affect memory", "memory-and-thinking")]
    [InlineData("is ketamine used in medicine", "medical-uses")]
    [InlineData("why do people take ketamine for fun", "why-misused")]
    public async Task AnswerAsync_PlainQuestion_AnswersFromTheRightSection(string question, string sectionId)
    {
        var answer = await Answerer.AskAsync(question);

        Assert.False(answer.Declined, answer.Text);
        Assert.Equal(sectionId, answer.Sources[0]);
    }

    [Theory]
    [InlineData("can special k hurt ur bladder", "bladder-and-kidneys")]
    [InlineData("is ket bad for your kidneys", "bladder-and-kidneys")]
    [InlineData("whats a k hole", "how-ketamine-works")]
    [InlineData("what other names does vitamin k go by", "street-names")]
    [InlineData("are there NA meetings", "support-groups")]
    [InlineData("can i keep my job while in treatment", "outpatient-treatment")]
    [InlineData("whats cognitive behavioural therapy", "individual-therapy-and-cbt")]
    [InlineData("why do i need more and more k", "tolerance-and-binges")]
    public async Task AnswerAsync_SlangOrSynonym_AnswersFromTheRightSection(string question, string sectionId)
    {
        var answer = await Answerer.AskAsync(question);

        Assert.False(answer.Declined, answer.Text);
        Assert.Equal(sectionId, answer.Sources[0]);
    }

    [Theory]
    [InlineData("wat are the withdrawl symptoms", "withdrawal-symptoms")]
    [InlineData("what is ketamin", "what-is-ketamine")]
    [InlineData("tell me about famly therapy", "family-therapy")]
    [InlineData("what is aftercre planning", "aftercare")]
    [InlineData("outpatiant treatment", "outpatient-treatment")]
    public async Task AnswerAsync_Typo_AnswersFromTheRightSection(string question, string sectionId)
    {
        var answer = await Answerer.AskAsync(question);

        Assert.False(answer.Declined, answer.Text);
        Assert.Equal(sectionId, answer.Sources[0]);
    }

    [Fact]
    public async Task AnswerAsync_EverySectionTitle_AnswersThatSection()
    {
        var knowledge = TestKnowledge.CreateKnowledgeBase();
        foreach (var section in knowledge.Sections)
        {
            var answer = await Answerer.AskAsync(section.Title);
            Assert.Equal(section.Id, Assert.Single(answer.Sources));
        }
    }

    [Theory]
    [InlineData("what's the weather like today")]
    [InlineData("who won the football game last night")]
    [InlineData("tell me a joke")]
    [InlineData("is ketamine good for growing tomatoes")]
    [InlineData("asdfgh qwerty")]
    [InlineData("")]
    public async Task AnswerAsync_NothingReliable_DeclinesWithAdvisorOffer(string question)
    {
        var answer = await Answerer.AskAsync(question);

        Assert.True(answer.Declined);
        Assert.Equal(DeclineReason.NotInKnowledge, answer.DeclineReason);
        Assert.Contains("don't have reliable information", answer.Text);
        Assert.Contains(TestKnowledge.Phone, answer.Text);
        Assert.Empty(answer.Sources);
    }

    [Fact]
    public async Task AnswerAsync_CoverageBelowThreshold_Declines()
    {
        // "ketamine" alone covers the question; with a strict threshold an unknown extra word sinks it.
        var options = TestKnowledge.Options();
        options.MinCoverage = 0.9;
        var strict = TestKnowledge.CreateAnswerer(options);

        Assert.False((await strict.AskAsync("what is ketamine")).Declined);
        Assert.True((await strict.AskAsync("what is ketamine chemistry")).Declined);
    }

    [Fact]
    public async Task AnswerAsync_ScoreBelowThreshold_Declines()
    {
        var options = TestKnowledge.Options();
        options.MinScore = 100;
        var strict = TestKnowledge.CreateAnswerer(options);

        var answer = await strict.AskAsync("what are the short term effects of ketamine");

        Assert.True(answer.Declined);
    }

    [Fact]
    public async Task AnswerAsync_DurationTheKnowledgeGives_Answers()
    {
        var answer = await Answerer.AskAsync("how long is outpatient treatment");

        Assert.Equal("outpatient-length", answer.Sources[0]);
    }

    [Theory]
    [InlineData("how long is inpatient rehab")]
    [InlineData("how many days does withdrawal last")]
    public async Task AnswerAsync_DurationTheKnowledgeDoesNotGive_Declines(string question)
    {
        var answer = await Answerer.AskAsync(question);

        Assert.True(answer.Declined);
        Assert.Equal(DeclineReason.Duration, answer.DeclineReason);
    }

    [Fact]
    public async Task AnswerAsync_Answer_ShowsShortAnswerSourceAndFollowUps()
    {
        var knowledge = TestKnowledge.CreateKnowledgeBase();
        var section = knowledge.FindSection("inpatient-rehab")!;

        var answer = await Answerer.AskAsync("what is inpatient rehab");

        var reply = Assert.Single(answer.Replies);
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.StartsWith(section.ShortAnswer, reply.Text);
        Assert.DoesNotContain(section.Body, reply.Text);
        Assert.Contains("From: Treatment options > Inpatient rehab", reply.Text);
        var buttons = reply.SuggestedActions!.Actions!;
        Assert.InRange(buttons.Count, 2, 3);
        Assert.All(buttons, b => Assert.Equal(ActionTypes.ImBack, b.Type));
        Assert.DoesNotContain(buttons, b => b.Title == section.Title);
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
    }

    [Fact]
    public async Task AnswerAsync_FollowUpButton_AnswersTheSectionItNames()
    {
        var first = await Answerer.AskAsync("what is inpatient rehab");
        var button = first.Replies[0].SuggestedActions!.Actions![0];
        var knowledge = TestKnowledge.CreateKnowledgeBase();
        var expected = knowledge.Sections.Single(s => s.Title == button.Title);

        var next = await Answerer.AskAsync(button.Value!.Value.GetString()!);

        Assert.Equal(expected.Id, Assert.Single(next.Sources));
    }

    [Fact]
    public async Task AnswerAsync_AdvisorSection_FillsPhoneAndHoursFromOptions()
    {
        var answer = await Answerer.AskAsync("how can i speak to an advisor");

        Assert.Equal("reaching-an-advisor", answer.Sources[0]);
        Assert.Contains(TestKnowledge.Phone, answer.Text);
        Assert.Contains(TestKnowledge.Hours, answer.Text);
        Assert.DoesNotContain("{helpline", answer.Text);
        Assert.DoesNotContain("800-500-0399", answer.Text);
    }
}
