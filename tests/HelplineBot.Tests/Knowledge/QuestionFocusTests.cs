using HelplineBot.Knowledge;
using HelplineBot.Knowledge.Retrieval;

namespace HelplineBot.Tests.Knowledge;

/// <summary>
/// How a message is cut into the part that asks, the scene around it and what the visitor says it is
/// not about, and how framing words are read from knowledge/framing.yaml.
/// </summary>
public class QuestionFocusTests
{
    [Theory]
    [InlineData("I'm not depressed, just want info on detox")]
    [InlineData("not asking for me: what is group therapy")]
    [InlineData("I am not using anymore, but can k cause memory loss?")]
    [InlineData("I don't want rehab. what is outpatient?")]
    public void Split_NegatedClauseBeforeTheQuestion_IsADisclaimer(string message)
    {
        var parts = QuestionFocus.Split(message);

        Assert.Equal(QuestionRole.Disclaimer, parts[0].Role);
        Assert.Equal(QuestionRole.Focus, parts[^1].Role);
    }

    [Theory]
    [InlineData("I'm not sleeping since I stopped")]
    [InlineData("not sure what detox is, can you explain")]
    [InlineData("I'm not certain, is withdrawal painful")]
    public void Split_NegationThatIsTheQuestionOrAHedge_StaysFocus(string message)
    {
        var parts = QuestionFocus.Split(message);

        Assert.All(parts, p => Assert.Equal(QuestionRole.Focus, p.Role));
    }

    [Fact]
    public void Split_StatementThenQuestion_StatementIsContext()
    {
        var parts = QuestionFocus.Split("My brother uses k at weekends and hides it. What are the signs of addiction?");

        Assert.Equal([QuestionRole.Context, QuestionRole.Focus], parts.Select(p => p.Role));
    }

    [Fact]
    public void Split_QuestionWithoutMarkAfterPreamble_IsFoundByItsQuestionWord()
    {
        var parts = QuestionFocus.Split("ok thanks. unrelated but is there a car park");

        Assert.Equal(QuestionRole.Context, parts[0].Role);
        Assert.Contains(parts, p => p.Role == QuestionRole.Focus && p.Text.Contains("car park", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_OnlyStatements_EverythingIsFocus()
    {
        var parts = QuestionFocus.Split("I use ketamine most days. My bladder hurts.");

        Assert.All(parts, p => Assert.Equal(QuestionRole.Focus, p.Role));
    }

    [Fact]
    public void Parse_WordList_ReadsFramingWords()
    {
        var focus = QuestionFocus.Parse("framing:\n  - Sorry\n  - honestly\n", "framing.yaml");

        Assert.True(focus.IsFraming("sorry"));
        Assert.True(focus.IsFraming("honestly"));
        Assert.False(focus.IsFraming("parking"));
    }

    [Fact]
    public void Parse_Phrase_ThrowsNamingTheFile()
    {
        var exception = Assert.Throws<KnowledgeFileException>(() => QuestionFocus.Parse("framing:\n  - tell me about\n", "framing.yaml"));

        Assert.Contains("framing.yaml", exception.Message, StringComparison.Ordinal);
    }
}
