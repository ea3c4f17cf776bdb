namespace HelplineBot.Tests.Safety;

public class TextNormalizerTests
{
    private static string Normalize(string text) => SafetyRules.RuleSet.Normalizer.Normalize(text);

    [Theory]
    [InlineData("I WANT To Die", " i want to die ")]
    [InlineData("¿Cuánto dura el tratamiento?", " cuanto dura el tratamiento ")]
    [InlineData("me hice daño", " me hice dano ")]
    [InlineData("Straße", " strasse ")]
    public void Normalize_CaseAndAccents_AreFoldedAndSpanishStaysReadable(string text, string expected) =>
        Assert.Equal(expected, Normalize(text));

    [Theory]
    [InlineData("i'm scared", " i am scared ")]
    [InlineData("I don’t want to live", " i do not want to live ")]
    [InlineData("he's not breathing", " he is not breathing ")]
    [InlineData("cant breathe", " can not breathe ")]
    [InlineData("they'd be happier", " they would be happier ")]
    [InlineData("my mom's car", " my mom car ")]
    public void Normalize_Contractions_AreExpanded(string text, string expected) => Assert.Equal(expected, Normalize(text));

    [Theory]
    [InlineData("theyll understand", " they will understand ")]
    [InlineData("tonights the night", " tonight is the night ")]
    [InlineData("its bleeding", " it is bleeding ")]
    public void Normalize_ContractionsTypedWithoutApostrophe_AreExpanded(string text, string expected) =>
        Assert.Equal(expected, Normalize(text));

    [Theory]
    [InlineData("ill be dead by morning", " i will be dead by morning ")]
    [InlineData("he keeps saying hell kill me", " he keeps saying he will kill me ")]
    [InlineData("id rather talk to a person", " i would rather talk to a person ")]
    [InlineData("feeling ill today", " feeling ill today ")]
    [InlineData("what the hell is this", " what the hell is this ")]
    [InlineData("do i need my id", " do i need my id ")]
    [InlineData("ill. be there", " ill . be there ")]
    public void Normalize_BareContractionThatIsAlsoAWord_IsExpandedOnlyBeforeAVerb(string text, string expected) =>
        Assert.Equal(expected, Normalize(text));

    [Theory]
    [InlineData("kms", " kill myself ")]
    [InlineData("gonna unalive myself", " going to kill myself ")]
    [InlineData("self harming rn", " self harming right now ")]
    [InlineData("plz get me a human", " please get me a human ")]
    [InlineData("he's OD'ing", " he is overdosing ")]
    public void Normalize_ChatAbbreviations_AreSpelledOut(string text, string expected) => Assert.Equal(expected, Normalize(text));

    [Theory]
    [InlineData("sooooo tired", " so tired ")]
    [InlineData("pleeeease", " please ")]
    [InlineData("killll myself", " kill myself ")]
    [InlineData("thinkin bout killin myslef", " thinking about killing myself ")]
    [InlineData("feeling suicdal", " feeling suicidal ")]
    [InlineData("breahting slow", " breathing slow ")]
    public void Normalize_StretchedAndMisspeltWords_AreRepaired(string text, string expected) => Assert.Equal(expected, Normalize(text));

    [Fact]
    public void Normalize_WordTheRulesDoNotKnow_IsLeftAsTyped() => Assert.Equal(" blending cooking ", Normalize("blending cookin"));

    [Theory]
    [InlineData("💊💊 tonight", " pills pills tonight ")]
    [InlineData("🔪", " knife ")]
    [InlineData("lol i'm dead 😂", " lol i am dead lol ")]
    [InlineData("ok 👍", " ok ")]
    public void Normalize_Emoji_ThatCarryMeaningAreNamedOthersDropped(string text, string expected) => Assert.Equal(expected, Normalize(text));

    [Theory]
    [InlineData("I'm not suicidal, just want info", " i am not suicidal . just want info ")]
    [InlineData("I'm not suicidal but I want to cut", " i am not suicidal . i want to cut ")]
    [InlineData("help!!! now...", " help . now ")]
    [InlineData("self-harm", " self harm ")]
    [InlineData("k+xanax", " k and xanax ")]
    public void Normalize_PunctuationAndClauseWords_BecomeClauseBreaks(string text, string expected) =>
        Assert.Equal(expected, Normalize(text));

    [Fact]
    public void Normalize_EmptyOrPunctuationOnly_IsASingleSpace()
    {
        Assert.Equal(" ", Normalize(""));
        Assert.Equal(" ", Normalize("?!..."));
    }

    [Fact]
    public void Normalize_VeryLongText_IsNotTruncated()
    {
        var text = string.Concat(Enumerable.Repeat("i am ok. ", 2000)) + "i want to die";

        Assert.EndsWith(" i want to die ", Normalize(text));
    }

    [Theory]
    [InlineData("myslef", "myself", true)]
    [InlineData("mysef", "myself", true)]
    [InlineData("myselff", "myself", true)]
    [InlineData("mxself", "myself", true)]
    [InlineData("myself", "myself", false)]
    [InlineData("mself1", "myself", false)]
    public void IsOneEditAway_TranspositionInsertionDeletionSubstitution_Detected(string a, string b, bool expected) =>
        Assert.Equal(expected, HelplineBot.Safety.TextNormalizer.IsOneEditAway(a, b));
}
