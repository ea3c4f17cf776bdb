using HelplineBot.Storage;
using Microsoft.Extensions.Options;

namespace HelplineBot.Tests.Storage;

public class StorageOptionsTests
{
    [Theory]
    [InlineData("1.00:00:00", true)]
    [InlineData("90.00:00:00", true)]
    [InlineData("3650.00:00:00", true)]
    [InlineData("23:59:59", false)]
    [InlineData("00:00:00", false)]
    [InlineData("3651.00:00:00", false)]
    public void RetainConversationsFor_OutsideOneDayToTenYears_IsRefused(string period, bool valid)
    {
        var options = new StorageOptions { RetainConversationsFor = TimeSpan.Parse(period, System.Globalization.CultureInfo.InvariantCulture) };

        var result = new DataAnnotationValidateOptions<StorageOptions>(null).Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void RetainConversationsFor_Default_IsNinetyDays() =>
        Assert.Equal(TimeSpan.FromDays(90), new StorageOptions().RetainConversationsFor);
}
