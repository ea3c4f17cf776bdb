using System.Net;
using System.Text;
using HelplineBot.IntegrationTests.Support;

namespace HelplineBot.IntegrationTests.DirectLine;

/// <summary>Bad input on Direct Line gets a short reason in the Direct Line error shape, never a stack trace, and is not stored.</summary>
public sealed class DirectLineBadInputTests(DirectLineAppFixture fixture) : IClassFixture<DirectLineAppFixture>
{
    private const int DefaultMaxActivityBytes = 256 * 1024;

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":", HttpStatusCode.BadRequest)]
    [InlineData("not json at all", HttpStatusCode.BadRequest)]
    [InlineData("[1,2,3]", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"no type\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"conversationUpdate\"}", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("null", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\",\"text\":42}", HttpStatusCode.BadRequest)]
    public async Task PostActivity_BadBody_Returns400AndStoresNothing(string body, HttpStatusCode expected)
    {
        using var api = fixture.Api();
        var issued = await api.StartConversationAsync();

        using var response = await api.SendAsync(HttpMethod.Post, $"conversations/{issued.ConversationId}/activities", issued.Token,
            new StringContent(body, Encoding.UTF8, "application/json"));

        await DirectLineApi.AssertErrorAsync(response, expected, "BadArgument");
        Assert.Single((await api.GetActivitiesAsync(issued.ConversationId, issued.Token)).Activities);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task PostActivity_WrongContentType_Returns415(string contentType)
    {
        using var api = fixture.Api();
        var issued = await api.StartConversationAsync();

        using var response = await api.SendAsync(HttpMethod.Post, $"conversations/{issued.ConversationId}/activities", issued.Token,
            new StringContent("{\"type\":\"message\",\"text\":\"hi\"}", Encoding.UTF8, contentType));

        await DirectLineApi.AssertErrorAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Single((await api.GetActivitiesAsync(issued.ConversationId, issued.Token)).Activities);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PostActivity_OverTheSizeLimit_Returns413(bool withContentLength)
    {
        using var api = fixture.Api();
        var issued = await api.StartConversationAsync();
        var body = Encoding.UTF8.GetBytes($"{{\"type\":\"message\",\"text\":\"{new string('a', DefaultMaxActivityBytes)}\"}}");
        HttpContent content = withContentLength
            ? new ByteArrayContent(body)
            : new StreamContent(new UnknownLengthStream(body)); // sent chunked: the limit holds while reading too
        content.Headers.ContentType = new("application/json");

        using var response = await api.SendAsync(HttpMethod.Post, $"conversations/{issued.ConversationId}/activities", issued.Token, content);

        await DirectLineApi.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "BadArgument");
        Assert.Single((await api.GetActivitiesAsync(issued.ConversationId, issued.Token)).Activities);
    }

    [Fact]
    public async Task PostActivity_JustUnderTheSizeLimit_IsAccepted()
    {
        using var api = fixture.Api();
        var issued = await api.StartConversationAsync();
        var text = new string('a', DefaultMaxActivityBytes - 1024);

        var id = await api.PostMessageAsync(issued.ConversationId, issued.Token, text);

        Assert.Contains(id, (await api.GetActivitiesAsync(issued.ConversationId, issued.Token)).Ids);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public async Task GetActivities_BadWatermark_Returns400(string watermark)
    {
        using var api = fixture.Api();
        var issued = await api.StartConversationAsync();

        using var response = await api.SendAsync(HttpMethod.Get, $"conversations/{issued.ConversationId}/activities?watermark={watermark}", issued.Token);

        await DirectLineApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task Upload_IsRefusedWithAReason()
    {
        using var api = fixture.Api();
        var issued = await api.StartConversationAsync();
        using var form = new MultipartFormDataContent { { new StringContent("file body"), "file", "notes.txt" } };

        using var response = await api.SendAsync(HttpMethod.Post, $"conversations/{issued.ConversationId}/upload?userId=x", issued.Token, form);

        await DirectLineApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task Stream_PlainHttpRequest_Returns400()
    {
        using var api = fixture.Api();
        var issued = await api.StartConversationAsync();

        using var response = await api.SendAsync(HttpMethod.Get, $"conversations/{issued.ConversationId}/stream?t={Uri.EscapeDataString(issued.Token)}", null);

        await DirectLineApi.AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadArgument");
    }

    /// <summary>A stream that hides its length, so HttpClient sends the body chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
