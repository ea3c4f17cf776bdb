using HelplineBot.Dialogs.Engine.Prompts;
using HelplineBot.Dialogs.Flows;

namespace HelplineBot.Tests.Dialogs;

/// <summary>Answers as people type them: numbers, labels, any case, small typos.</summary>
public class PromptRecognitionTests
{
    private static readonly FlowChoice[] Menu =
    [
        new("Treatment options", "treatment", [], null, 1),
        new("Detox and withdrawal", "detox", ["withdrawal"], null, 2),
        new("Take a self-check", "self-check", ["questionnaire"], null, 3),
        new("Request a call back", "callback", [], null, 4),
    ];

    [Theory]
    [InlineData("2", "detox")]
    [InlineData("#2", "detox")]
    [InlineData("option 4", "callback")]
    [InlineData("TREATMENT OPTIONS", "treatment")]
    [InlineData("treatment options!", "treatment")]
    [InlineData("tretment optons", "treatment")]
    [InlineData("detox and withdrawl", "detox")]
    [InlineData("questionnaire", "self-check")]
    [InlineData("i want the self-check", "self-check")]
    [InlineData("request a callback", "callback")]
    public void Choice_TypedForms_AreRecognized(string text, string expected)
    {
        var outcome = ChoicePrompt.Recognize(text, Menu, c => c.Label);

        Assert.True(outcome.Succeeded);
        Assert.Equal(expected, outcome.Value);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("0")]
    [InlineData("blah")]
    [InlineData("dunno")]
    [InlineData("")]
    public void Choice_NoOption_IsNotRecognized(string text) =>
        Assert.False(ChoicePrompt.Recognize(text, Menu, c => c.Label).Succeeded);

    [Theory]
    [InlineData("yes", "yes")]
    [InlineData("Yeah sure", "yes")]
    [InlineData("ok", "yes")]
    [InlineData("no voicemail please", "no")]
    [InlineData("nope", "no")]
    [InlineData("don't", "no")]
    [InlineData("No thanks", "no")]
    public void Confirm_CommonAnswers_AreRecognized(string text, string expected) =>
        Assert.Equal(expected, ConfirmPrompt.Recognize(text).Value);

    [Theory]
    [InlineData("maybe")]
    [InlineData("I don't know")]
    [InlineData("purple")]
    [InlineData("yes and no")]
    public void Confirm_UnclearAnswers_AreNotRecognized(string text) =>
        Assert.False(ConfirmPrompt.Recognize(text).Succeeded);

    [Theory]
    [InlineData("(312) 555-0123", "+13125550123")]
    [InlineData("312.555.0199", "+13125550199")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void Phone_ValidNumbers_AreNormalisedToE164(string text, string expected) =>
        Assert.Equal(expected, PhonePrompt.Recognize(text, "US").Value);

    [Theory]
    [InlineData("my number")]
    [InlineData("my number is private")]
    [InlineData("idk")]
    [InlineData("555-0123")]
    [InlineData("123")]
    public void Phone_InvalidNumbers_AreNotRecognized(string text) =>
        Assert.False(PhonePrompt.Recognize(text, "US").Succeeded);

    [Fact]
    public void Phone_OtherDefaultRegion_ReadsNationalNumbersThere() =>
        Assert.Equal("+442079460958", PhonePrompt.Recognize("020 7946 0958", "GB").Value);

    [Theory]
    [InlineData("3", 1, 10, "3")]
    [InlineData("about seven", 1, 10, "7")]
    [InlineData("11", 1, 10, null)]
    [InlineData("1 or 2", 1, 10, null)]
    public void Number_WithinBounds_IsRecognized(string text, int min, int max, string? expected) =>
        Assert.Equal(expected, NumberPrompt.Recognize(text, min, max).Value);
}
