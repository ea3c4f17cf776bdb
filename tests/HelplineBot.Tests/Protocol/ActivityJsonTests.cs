using System.Text.Json;
using System.Text.Json.Nodes;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Tests.Protocol;

public class ActivityJsonTests
{
    private static Activity Parse(string json) => JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!;
    private static string Write(Activity activity) => JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);

    [Fact]
    public void RoundTrip_UnknownFields_AreKeptAtEveryLevel()
    {
        const string json = """
            {"type":"message","id":"a|0000001","text":"hi","futureField":{"nested":[1,2]},
             "from":{"id":"u1","role":"user","futureAccountField":true},
             "conversation":{"id":"c1","futureConversationField":"x"},
             "channelData":{"clientActivityID":"abc","anything":{"deep":1}},
             "entities":[{"type":"clientInfo","locale":"en-US","platform":"Web"}],
             "attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","body":[]},"futureAttachmentField":1}],
             "suggestedActions":{"to":["u1"],"actions":[{"type":"imBack","title":"Yes","value":"yes","futureActionField":2}]}}
            """;

        var again = JsonNode.Parse(Write(Parse(json)))!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), again), again.ToJsonString());
    }

    [Fact]
    public void Write_OmitsNullsAndUsesCamelCase()
    {
        var json = Write(new Activity { Type = ActivityTypes.Message, Text = "hello", ReplyToId = "x" });

        Assert.Equal("""{"type":"message","replyToId":"x","text":"hello"}""", json);
    }

    [Fact]
    public void Write_Timestamp_IsUtcWithZ()
    {
        var json = Write(new Activity { Type = "message", Timestamp = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(2)) });

        Assert.Contains("\"timestamp\":\"2026-11-23T08:00:00.000Z\"", json);
    }

    [Fact]
    public void Read_LocalTimestamp_KeepsItsOffset()
    {
        var activity = Parse("""{"type":"message","localTimestamp":"2026-11-23T07:02:02.011-05:00"}""");

        Assert.Equal(TimeSpan.FromHours(-5), activity.LocalTimestamp!.Value.Offset);
        Assert.Contains("\"localTimestamp\":\"2026-11-23T07:02:02.011-05:00\"", Write(activity));
    }

    [Theory]
    [MemberData(nameof(EveryActivityType))]
    public void RoundTrip_EveryActivityType_KeepsItsFields(string type)
    {
        var json = $$"""{"type":"{{type}}","id":"1","name":"n","value":{"k":[true]},"action":"add","code":"userCancelled","membersAdded":[{"id":"u"}],"reactionsAdded":[{"type":"like"}]}""";

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(Write(Parse(json)))));
    }

    public static TheoryData<string> EveryActivityType() => new(ActivityTypes.All);

    [Fact]
    public void CreateReply_AddressesTheSender()
    {
        var inbound = Parse("""{"type":"message","id":"7","channelId":"msteams","serviceUrl":"https://smba.example/amer/","from":{"id":"29:u","name":"Sam"},"recipient":{"id":"28:bot","name":"Helpline"},"conversation":{"id":"a:1","tenantId":"t"},"locale":"en-US"}""");

        var reply = inbound.CreateReply("hi");

        Assert.Equal(("28:bot", "29:u", "a:1", "7"), (reply.From!.Id, reply.Recipient!.Id, reply.Conversation!.Id, reply.ReplyToId));
        Assert.Equal(("msteams", "https://smba.example/amer/", "en-US", "bot"), (reply.ChannelId, reply.ServiceUrl, reply.Locale, reply.From.Role));
        Assert.Null(reply.Id);
        Assert.Null(reply.Timestamp);
    }

    [Fact]
    public void CreateReply_ToDirectLineConversationUpdate_HasNoReplyToId()
    {
        var inbound = Parse("""{"type":"conversationUpdate","id":"c|0000000","channelId":"directline","conversation":{"id":"c"}}""");

        Assert.Null(inbound.CreateReply("welcome").ReplyToId);
    }
}
