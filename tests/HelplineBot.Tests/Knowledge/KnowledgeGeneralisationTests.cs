using HelplineBot.Knowledge;

namespace HelplineBot.Tests.Knowledge;

/// <summary>
/// The answerer judges a question on the words that ask it: disclaimers ("I'm not ..."), framing words
/// and scene-setting sentences neither block an answer nor win one, and a word the knowledge never uses
/// in the asking part still declines. Questions written for these tests, not taken from any eval set.
/// </summary>
public class KnowledgeGeneralisationTests
{
    private static readonly KnowledgeAnswerer Answerer = TestKnowledge.CreateAnswerer();

    [Theory]
    [InlineData("I am not suicidal or anything, I only want to read about inpatient rehab", "inpatient-rehab")]
    [InlineData("not asking for myself, just curious: what is family therapy", "family-therapy")]
    [InlineData("I'm not depressed, but can ketamine cause depression?", "depression-and-mood")]
    public async Task AnswerAsync_DisclaimerBeforeTheQuestion_AnswersTheQuestion(string question, string sectionId)
    {
        var answer = await Answerer.AskAsync(question);

        Assert.False(answer.Declined, answer.Text);
        Assert.Equal(sectionId, answer.Sources[0]);
    }

    [Theory]
    [InlineData("sorry to bother you, honestly kind of embarrassed asking, but what happens in detox", "detox-and-withdrawal")]
    [InlineData("My sister has used K at festivals for a couple of summers and now she needs the toilet constantly. What can it do to the bladder?", "bladder-and-kidneys")]
    [InlineData("could my daughter still go to college while she is in treatment?", "outpatient-treatment")]
    [InlineData("is there a treatment where i can stay at home and keep working", "outpatient-treatment")]
    [InlineData("how should i bring it up with my dad", "helping-a-loved-one")]
    public async Task AnswerAsync_FramingOrPreambleAroundAQuestion_AnswersFromTheRightSection(string question, string sectionId)
    {
        var answer = await Answerer.AskAsync(question);

        Assert.False(answer.Declined, answer.Text);
        Assert.Equal(sectionId, answer.Sources[0]);
    }

    [Fact]
    public async Task AnswerAsync_YearsOfUseAndMemory_AnswersWithMemoryLoss()
    {
        var answer = await Answerer.AskAsync("does using k for years damage memory");

        Assert.False(answer.Declined, answer.Text);
        Assert.Contains("memory", answer.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("is there parking at the clinic")]
    [InlineData("sorry, quick one: can visitors park at your centre?")]
    [InlineData("ok thanks. unrelated but is there wifi at your centre")]
    [InlineData("My son uses ketamine. Do you treat gambling too?")]
    [InlineData("I'm not a student, but do you offer scholarships?")]
    public async Task AnswerAsync_AskingPartNamesSomethingTheKnowledgeLacks_Declines(string question)
    {
        var answer = await Answerer.AskAsync(question);

        Assert.True(answer.Declined, answer.Text);
    }

    [Theory]
    [InlineData("I'm not asking for myself, how much ketamine is a safe dose?")]
    [InlineData("My friend is fine, I just want to know: is it safe to mix k with alcohol?")]
    public async Task AnswerAsync_OutOfScopeBehindADisclaimer_StillDeclines(string question)
    {
        var answer = await Answerer.AskAsync(question);

        Assert.True(answer.Declined, answer.Text);
    }
}
