using HelplineBot.Text;

namespace HelplineBot.Tests.Text;

public class EditDistanceTests
{
    [Theory]
    [InlineData("detox", "detox", 0)]
    [InlineData("detx", "detox", 1)]        // a letter left out
    [InlineData("deetox", "detox", 1)]      // a letter too many
    [InlineData("dotox", "detox", 1)]       // a wrong letter
    [InlineData("dteox", "detox", 1)]       // two letters swapped: one slip, not two
    [InlineData("yse", "yes", 1)]
    [InlineData("rehab", "detox", 4)]
    public void Within_CountsEachTypingSlipOnce(string typed, string known, int expected)
    {
        Assert.Equal(expected, EditDistance.Within(typed, known, 5));
    }

    [Theory]
    [InlineData("rehab", "detox")]
    [InlineData("ketamine", "ket")]
    public void Within_BeyondTheLimit_AnswersLimitPlusOne(string typed, string known)
    {
        Assert.Equal(2, EditDistance.Within(typed, known, 1));
    }
}
