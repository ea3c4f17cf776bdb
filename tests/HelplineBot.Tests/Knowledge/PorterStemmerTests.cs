using HelplineBot.Knowledge.Retrieval;

namespace HelplineBot.Tests.Knowledge;

public class PorterStemmerTests
{
    // Examples from Porter (1980), one or more per step.
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("hopping", "hop")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("generalizations", "gener")]
    [InlineData("electrical", "electr")]
    [InlineData("hopeful", "hope")]
    [InlineData("adjustment", "adjust")]
    [InlineData("adoption", "adopt")]
    [InlineData("probate", "probat")]
    [InlineData("controll", "control")]
    [InlineData("k", "k")]
    public void Stem_PorterExample_ReturnsPublishedStem(string word, string stem) =>
        Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("withdrawal", "withdrawals")]
    [InlineData("addiction", "addictions")]
    [InlineData("depressed", "depression")]
    [InlineData("supervised", "supervision")]
    public void Stem_InflectedForms_MeetOnOneStem(string a, string b) =>
        Assert.Equal(PorterStemmer.Stem(a), PorterStemmer.Stem(b));
}
