using HelplineBot.Knowledge;

namespace HelplineBot.Tests.Knowledge;

/// <summary>The shipped knowledge files: the ids other features rely on exist, and each section stays small.</summary>
public class KnowledgeFilesTests
{
    private static readonly KnowledgeBase Knowledge = TestKnowledge.CreateKnowledgeBase();

    // Section ids the scripted flows name (issue 4 and the dialog engineer's flows).
    [Theory]
    [InlineData("what-is-ketamine")]
    [InlineData("medical-uses")]
    [InlineData("why-misused")]
    [InlineData("street-names")]
    [InlineData("short-term-effects")]
    [InlineData("long-term-effects")]
    [InlineData("bladder-and-kidneys")]
    [InlineData("tolerance-and-binges")]
    [InlineData("signs-of-addiction")]
    [InlineData("detox-and-withdrawal")]
    [InlineData("inpatient-rehab")]
    [InlineData("inpatient-day")]
    [InlineData("individual-therapy-and-cbt")]
    [InlineData("group-therapy")]
    [InlineData("family-therapy")]
    [InlineData("holistic-therapy")]
    [InlineData("aftercare")]
    [InlineData("outpatient-treatment")]
    [InlineData("support-groups")]
    [InlineData("relapse-prevention")]
    [InlineData("helping-a-loved-one")]
    [InlineData("recovery-journey")]
    [InlineData("reaching-an-advisor")]
    public void Find_SectionIdFlowsUse_ReturnsSummary(string id)
    {
        var topic = Knowledge.Find(id);

        Assert.NotNull(topic);
        Assert.False(string.IsNullOrWhiteSpace(topic.ShortAnswer));
        Assert.Contains(" > ", topic.SourceLabel);
        Assert.DoesNotContain("{", topic.ShortAnswer);
    }

    [Fact]
    public void Find_UnknownId_ReturnsNull() => Assert.Null(Knowledge.Find("no-such-section"));

    [Fact]
    public void Sections_ShortAnswers_AreShortEnoughForAChatBubble() =>
        Assert.All(Knowledge.Sections, s => Assert.InRange(s.ShortAnswer.Length, 40, 480));

    [Fact]
    public void Sections_EveryOne_NamesASeedSource() =>
        Assert.All(Knowledge.Sections, s => Assert.Matches(@"^00[02]_[0-9a-f]{16}\.txt > ", s.Source));

    [Fact]
    public void Sections_PhoneNumber_ComesOnlyFromConfiguration() =>
        Assert.All(Knowledge.Sections, s => Assert.DoesNotMatch(@"\d{3}-\d{3}-\d{4}", s.ShortAnswer + s.Body));
}
