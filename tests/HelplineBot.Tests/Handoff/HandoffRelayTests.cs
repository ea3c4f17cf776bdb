using HelplineBot.Handoff;

namespace HelplineBot.Tests.Handoff;

public class HandoffRelayTests
{
    [Theory]
    [InlineData("call me on 555 123 4567 please", "555 123 4567")]
    [InlineData("+1 (555) 123-4567", "+1 (555) 123-4567")]
    public void PhoneNumber_NumberInText_IsFound(string text, string expected) =>
        Assert.Equal(expected, HandoffRelay.PhoneNumber(text));

    [Theory]
    [InlineData("I took 3 of them 20 minutes ago")]
    [InlineData("is anyone there?")]
    [InlineData("12345")]
    public void PhoneNumber_NoNumber_IsNull(string text) => Assert.Null(HandoffRelay.PhoneNumber(text));
}
