using HelplineBot.Knowledge.Retrieval;

namespace HelplineBot.Tests.Knowledge;

public class RetrievalTests
{
    [Fact]
    public void Expand_CapitalisedEntry_MatchesOnlyInCapitals()
    {
        var synonyms = Synonyms.Parse("synonyms:\n  - means: narcotics anonymous\n    words: [NA]\n", "synonyms.yaml");

        Assert.Equal(["narcotics", "anonymous", "meetings"], synonyms.Expand("NA meetings"));
        Assert.Equal(["na", "meetings"], synonyms.Expand("na meetings"));
    }

    [Fact]
    public void Expand_LongerPhrase_WinsOverItsFirstWord()
    {
        var synonyms = Synonyms.Parse("synonyms:\n  - means: ketamine\n    words: [k, special k]\n  - means: dissociative\n    words: [k hole]\n", "synonyms.yaml");

        Assert.Equal(["ketamine", "and", "dissociative"], synonyms.Expand("Special K and k-hole"));
    }

    [Fact]
    public void ExpandWeighted_OneWordReadAsSeveral_StillWeighsOneWord()
    {
        var synonyms = Synonyms.Parse("synonyms:\n  - means: loved family\n    words: [son]\n  - means: outdoor activities games\n    words: [games]\n", "synonyms.yaml");

        Assert.Equal([("loved", 0.5), ("family", 0.5)], synonyms.ExpandWeighted("son"));
        Assert.Contains(("games", 1.0), synonyms.ExpandWeighted("games"));
        Assert.Contains(("outdoor", 1.0 / 3), synonyms.ExpandWeighted("games"));
    }

    [Theory]
    [InlineData("withdrawl", "withdrawal")]
    [InlineData("ketamin", "ketamine")]
    [InlineData("theraphy", "therapy")]
    [InlineData("rehabilitaton", "rehabilitation")]
    public void Correct_Misspelling_ReturnsKnownWord(string typo, string word)
    {
        var corrector = new TypoCorrector(new Dictionary<string, int> { ["withdrawal"] = 3, ["ketamine"] = 20, ["therapy"] = 9, ["rehabilitation"] = 2, ["care"] = 4 });

        Assert.Equal(word, corrector.Correct(typo));
    }

    [Theory]
    [InlineData("cure")]
    [InlineData("k")]
    [InlineData("weather")]
    public void Correct_ShortOrFarWord_ReturnsNull(string word)
    {
        var corrector = new TypoCorrector(new Dictionary<string, int> { ["care"] = 4, ["whether"] = 1, ["ketamine"] = 20 });

        Assert.Null(corrector.Correct(word));
    }

    [Fact]
    public void Search_Ranking_ScoresDescendAndCoverageIsAShare()
    {
        var knowledge = TestKnowledge.CreateKnowledgeBase();

        var hits = knowledge.Search("what are the withdrawal symptoms of ketamine", 5);

        Assert.Equal("withdrawal-symptoms", hits[0].Section.Id);
        Assert.True(hits.Zip(hits.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
        Assert.All(hits, h => Assert.InRange(h.Coverage, 0, 1));
    }
}
