using System.Text.Json;
using HelplineBot.Channels.Teams;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Tests.Channels.Teams;

public class TeamsActivityTests
{
    private static Activity Parse(string json) => JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!;

    private static Activity GroupMessage(string text, string mentionedId = "28:bot", string mentionText = "<at>Helpline</at>") => Parse($$"""
        {"type":"message","channelId":"msteams","text":"{{text}}",
         "recipient":{"id":"28:bot","name":"Helpline"},"from":{"id":"29:u","aadObjectId":"6c7a"},
         "conversation":{"id":"19:x@thread.tacv2","conversationType":"channel","isGroup":true},
         "entities":[{"type":"mention","mentioned":{"id":"{{mentionedId}}","name":"Helpline"},"text":"{{mentionText}}"},
                     {"type":"clientInfo","locale":"en-US"}]}
        """);

    [Fact]
    public void RemoveBotMention_StripsTheBotsMarkerAndTrims()
    {
        var activity = GroupMessage("<at>Helpline</at>  what is detox?");

        TeamsActivity.RemoveBotMention(activity);

        Assert.Equal("what is detox?", activity.Text);
    }

    [Fact]
    public void RemoveBotMention_IsCaseInsensitive_AndKeepsOtherPeoplesMentions()
    {
        var activity = GroupMessage("<AT>helpline</AT> can <at>Sam</at> see this?");

        TeamsActivity.RemoveBotMention(activity);

        Assert.Equal("can <at>Sam</at> see this?", activity.Text);
    }

    [Fact]
    public void IsAddressedToBot_ChannelMessageMentioningTheBot_IsTrue()
    {
        Assert.True(TeamsActivity.IsAddressedToBot(GroupMessage("<at>Helpline</at> hi")));
    }

    [Fact]
    public void IsAddressedToBot_ChannelMessageMentioningSomeoneElse_IsFalse()
    {
        Assert.False(TeamsActivity.IsAddressedToBot(GroupMessage("<at>Sam</at> hi", mentionedId: "29:sam", mentionText: "<at>Sam</at>")));
    }

    [Fact]
    public void IsAddressedToBot_PersonalChat_IsAlwaysTrue()
    {
        var activity = Parse("""{"type":"message","channelId":"msteams","text":"hi","recipient":{"id":"28:bot"},"conversation":{"id":"a:1","conversationType":"personal"}}""");

        Assert.True(TeamsActivity.IsAddressedToBot(activity));
    }

    [Fact]
    public void PersonKey_PrefersTheEntraObjectId()
    {
        Assert.Equal("aad:6c7a", TeamsActivity.PersonKey(GroupMessage("hi")));
        Assert.Equal("29:u", TeamsActivity.PersonKey(Parse("""{"type":"message","from":{"id":"29:u"}}""")));
    }
}
