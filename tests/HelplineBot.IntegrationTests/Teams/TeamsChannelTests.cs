using System.Net;
using System.Text.Json.Nodes;
using HelplineBot.IntegrationTests.Protocol;

namespace HelplineBot.IntegrationTests.Teams;

/// <summary>
/// Teams-shaped activities posted to /api/messages of the real bot (protocol.md §6); the replies are read
/// where Teams would receive them, at a loopback Bot Connector.
/// </summary>
public sealed class TeamsChannelTests(TeamsChannelFixture bot) : IClassFixture<TeamsChannelFixture>
{
    private const string Notice = "confidential";
    private const string FrequencyQuestion = "How often do you use ketamine";
    private const string TriedToStopQuestion = "Have you tried to stop";
    private static readonly TeamsPerson Alex = TeamsPayloads.Alex;
    private static readonly TeamsPerson Sam = TeamsPayloads.Sam;

    [Fact]
    public async Task ConversationUpdate_PersonalInstall_WelcomesOnceWithCard()
    {
        var chat = TeamsPayloads.NewPersonalConversation();

        var first = await bot.SendAsync(bot.Teams.MembersAdded(chat, "personal", Alex, TeamsPayloads.BotId, Alex.Id));
        var again = await bot.SendAsync(bot.Teams.MembersAdded(chat, "personal", Alex, Alex.Id));
        var botAgain = await bot.SendAsync(bot.Teams.MembersAdded(chat, "personal", Alex, TeamsPayloads.BotId));
        var installed = await bot.SendAsync(bot.Teams.InstallationUpdate(chat, "personal", Alex));

        Assert.Contains(first, reply => TextOf(reply).Contains(Notice, StringComparison.Ordinal));
        // The menu is an Adaptive Card with Action.Submit buttons (no suggested actions in Teams).
        Assert.Contains(first, reply => CardActions(reply).Count > 0);
        Assert.All(first, reply => Assert.Null(reply["suggestedActions"]));
        Assert.Empty(again);
        Assert.Empty(botAgain);
        Assert.Empty(installed);
    }

    [Fact]
    public async Task ConversationUpdate_PersonalInstallWithOnlyTheBot_Welcomes()
    {
        var chat = TeamsPayloads.NewPersonalConversation();

        var replies = await bot.SendAsync(bot.Teams.MembersAdded(chat, "personal", Alex, TeamsPayloads.BotId));

        Assert.Contains(replies, reply => TextOf(reply).Contains(Notice, StringComparison.Ordinal));
    }

    [Fact]
    public async Task InstallationUpdate_Alone_Is200WithoutAGreeting()
    {
        var chat = TeamsPayloads.NewPersonalConversation();

        var replies = await bot.SendAsync(bot.Teams.InstallationUpdate(chat, "personal", Alex));
        var message = await bot.SendAsync(bot.Teams.Message(chat, "personal", Alex, "hello"));

        Assert.Empty(replies);
        // The notice still comes, once, with the first message.
        Assert.Single(message, reply => TextOf(reply).Contains(Notice, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConversationUpdate_TeamInstallAndJoins_NobodyIsGreeted()
    {
        var channel = TeamsPayloads.NewChannelThread();
        var group = TeamsPayloads.NewGroupChat();

        var teamInstall = await bot.SendAsync(bot.Teams.MembersAdded(channel, "channel", Alex, TeamsPayloads.BotId));
        var teamJoin = await bot.SendAsync(bot.Teams.MembersAdded(channel, "channel", Alex, Sam.Id));
        var groupInstall = await bot.SendAsync(bot.Teams.MembersAdded(group, "groupChat", Alex, TeamsPayloads.BotId, Alex.Id, Sam.Id));
        var firstMention = await bot.SendAsync(bot.Teams.Message(group, "groupChat", Sam, "hello", mentionBot: true));

        Assert.Empty(teamInstall);
        Assert.Empty(teamJoin);
        Assert.Empty(groupInstall);
        // A person who speaks to the bot gets the notice with their first message.
        Assert.Contains(firstMention, reply => TextOf(reply).Contains(Notice, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_PersonalChatWithoutMention_IsAnswered()
    {
        var chat = TeamsPayloads.NewPersonalConversation();

        var replies = await bot.SendAsync(bot.Teams.Message(chat, "personal", Alex, "self check"));

        Assert.Contains(replies, reply => CardText(reply).Contains(FrequencyQuestion, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task Message_GroupWithoutMention_IsNotAnswered(string conversationType)
    {
        var conversation = conversationType == "channel" ? TeamsPayloads.NewChannelThread() : TeamsPayloads.NewGroupChat();

        var unaddressed = await bot.SendAsync(bot.Teams.Message(conversation, conversationType, Alex, "self check"));
        var addressed = await bot.SendAsync(bot.Teams.Message(conversation, conversationType, Alex, "self check", mentionBot: true));

        Assert.Empty(unaddressed);
        Assert.Contains(addressed, reply => CardText(reply).Contains(FrequencyQuestion, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_GroupChatWithMention_MentionIsRemovedBeforeTheDialogs()
    {
        var group = TeamsPayloads.NewGroupChat();
        await bot.SendAsync(bot.Teams.Message(group, "groupChat", Alex, "self check", mentionBot: true));

        // "1" picks the first option only when "<at>Helpline</at>" is gone from the text.
        var replies = await bot.SendAsync(bot.Teams.Message(group, "groupChat", Alex, "1", mentionBot: true));

        Assert.Contains(replies, reply => CardText(reply).Contains(TriedToStopQuestion, StringComparison.Ordinal));
        // Replies stay in the conversation they came from, addressed to the person who asked.
        Assert.All(replies, reply => Assert.Equal(Alex.Id, reply["recipient"]!["id"]!.GetValue<string>()));
        Assert.All(replies, reply => Assert.Equal(TeamsPayloads.BotId, reply["from"]!["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("groupChat")]
    public async Task CardPress_ChoiceInValue_IsTreatedLikeTheTypedAnswer(string conversationType)
    {
        var conversation = conversationType == "personal" ? TeamsPayloads.NewPersonalConversation() : TeamsPayloads.NewGroupChat();
        var question = await bot.SendAsync(bot.Teams.Message(conversation, conversationType, Alex, "self check", mentionBot: conversationType != "personal"));
        var card = question.Single(reply => CardText(reply).Contains(FrequencyQuestion, StringComparison.Ordinal));
        var action = CardActions(card)[0]!;
        Assert.Equal("Action.Submit", action["type"]!.GetValue<string>());
        var choice = action["data"]!["helplineChoice"]!.GetValue<string>();
        const string cardId = "1790000000123"; // the id Teams gave the card message

        // A press in a group chat carries no mention: Teams sends it to the bot that posted the card.
        var replies = await bot.SendAsync(bot.Teams.CardPress(conversation, conversationType, Alex, choice, cardId));

        Assert.Contains(replies, reply => CardText(reply).Contains(TriedToStopQuestion, StringComparison.Ordinal));
        Assert.DoesNotContain(replies, reply => CardText(reply).Contains(FrequencyQuestion, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GroupChat_TwoPeople_DoNotShareASelfCheck()
    {
        var group = TeamsPayloads.NewGroupChat();
        await bot.SendAsync(bot.Teams.Message(group, "groupChat", Alex, "self check", mentionBot: true));

        // Sam's "1" is not an answer to Alex's question.
        var sam = await bot.SendAsync(bot.Teams.Message(group, "groupChat", Sam, "1", mentionBot: true));
        var alex = await bot.SendAsync(bot.Teams.Message(group, "groupChat", Alex, "1", mentionBot: true));

        Assert.DoesNotContain(sam, reply => CardText(reply).Contains(TriedToStopQuestion, StringComparison.Ordinal));
        Assert.Contains(sam, reply => TextOf(reply).Contains(Notice, StringComparison.Ordinal)); // Sam's own first contact
        Assert.Contains(alex, reply => CardText(reply).Contains(TriedToStopQuestion, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GroupChat_SamePersonWithAnotherUserId_IsKeyedByAadObjectId()
    {
        var group = TeamsPayloads.NewGroupChat();
        await bot.SendAsync(bot.Teams.Message(group, "groupChat", Alex, "self check", mentionBot: true));

        // The same Entra user seen with another per-bot id (e.g. after the app id changed) continues their self-check.
        var sameAlex = Alex with { Id = "29:1alex-other-client" };
        var replies = await bot.SendAsync(bot.Teams.Message(group, "groupChat", sameAlex, "1", mentionBot: true));

        Assert.Contains(replies, reply => CardText(reply).Contains(TriedToStopQuestion, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_GroupChatCrisisWithoutMention_CrisisReplyWithTelLinkThroughTheConnector()
    {
        var group = TeamsPayloads.NewGroupChat();

        var replies = await bot.SendAsync(bot.Teams.Message(group, "groupChat", Alex, "i want to kill myself tonight"));

        Assert.Contains(replies, reply => TextOf(reply).Contains("988", StringComparison.Ordinal) && TextOf(reply).Contains("911", StringComparison.Ordinal));
        // Teams drops suggested actions in group chats and never shows a call/tel: one: the buttons are a card.
        Assert.All(replies, reply => Assert.Null(reply["suggestedActions"]));
        var cards = replies.SelectMany(reply => reply["attachments"]?.AsArray() ?? []).ToList();
        var card = Assert.Single(cards); // the crisis buttons only: no menu card or other clutter
        Assert.Equal("application/vnd.microsoft.card.adaptive", card!["contentType"]!.GetValue<string>());
        var actions = card["content"]!["actions"]!.AsArray();
        Assert.Contains(actions, action => action!["type"]!.GetValue<string>() == "Action.OpenUrl" && action["url"]!.GetValue<string>() == "tel:988");
        Assert.Contains(actions, action => action!["type"]!.GetValue<string>() == "Action.Submit" && action["data"]!["helplineChoice"]!.GetValue<string>() == "Grounding exercise");
        Assert.Empty(card["content"]!["body"]!.AsArray()); // the words stay in the message text
        var call = bot.Connector.CallsFor(group).First(c => c.Body?["type"]?.GetValue<string>() == "message");
        Assert.StartsWith("/amer/v3/conversations/", call.RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardPress_CrisisGroundingButtonInGroupChat_GroundingExercise()
    {
        var group = TeamsPayloads.NewGroupChat();
        await bot.SendAsync(bot.Teams.Message(group, "groupChat", Alex, "i want to kill myself tonight"));

        var replies = await bot.SendAsync(bot.Teams.CardPress(group, "groupChat", Alex, "Grounding exercise", "1790000000124"));

        Assert.Contains(replies, reply => TextOf(reply).Contains("5 things you can see", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_ActionExecuteWithChoice_TypedMessageResponseAndTheDialogContinues()
    {
        var chat = TeamsPayloads.NewPersonalConversation();
        var question = await bot.SendAsync(bot.Teams.Message(chat, "personal", Alex, "self check"));
        var choice = CardActions(question.Single(reply => CardText(reply).Contains(FrequencyQuestion, StringComparison.Ordinal)))[0]!["data"]!["helplineChoice"]!.GetValue<string>();
        var value = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "choose", ["data"] = new JsonObject { ["helplineChoice"] = choice } },
            ["trigger"] = "manual",
        };

        var before = bot.Connector.CallsFor(chat).Count;
        using var response = await bot.Http.PostAsync(bot.Teams.Invoke(chat, Alex, "adaptiveCard/action", value));
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(body["value"]!.GetValue<string>()));
        Assert.Contains(bot.Connector.CallsFor(chat).Skip(before), call => call.Body is { } reply && CardText(reply).Contains(TriedToStopQuestion, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_ActionExecuteWithoutChoice_200WithMessage()
    {
        var value = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "refresh" } };

        using var response = await bot.Http.PostAsync(bot.Teams.Invoke(TeamsPayloads.NewPersonalConversation(), Alex, "adaptiveCard/action", value));
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"action\":{\"type\":\"Action.Submit\"}}")]
    [InlineData("{\"trigger\":\"manual\"}")]
    [InlineData(null)]
    public async Task Invoke_MalformedAdaptiveCardAction_400WithErrorBody(string? valueJson)
    {
        var value = valueJson is null ? null : JsonNode.Parse(valueJson);

        using var response = await bot.Http.PostAsync(bot.Teams.Invoke(TeamsPayloads.NewPersonalConversation(), Alex, "adaptiveCard/action", value));
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal("BadRequest", body["value"]!["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(body["value"]!["message"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("task/fetch")]
    [InlineData("composeExtension/query")]
    [InlineData("fileConsent/invoke")]
    public async Task Invoke_UnknownName_Is501(string name)
    {
        using var response = await bot.Http.PostAsync(bot.Teams.Invoke(TeamsPayloads.NewPersonalConversation(), Alex, name, new JsonObject()));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Theory]
    [InlineData("signin/verifyState")]
    [InlineData("signin/tokenExchange")]
    public async Task Invoke_SignIn_Is200WithEmptyBody(string name)
    {
        var chat = TeamsPayloads.NewPersonalConversation();

        using var response = await bot.Http.PostAsync(bot.Teams.Invoke(chat, Alex, name, new JsonObject { ["state"] = "123456" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync().WaitAsync(BotMessages.Timeout));
        Assert.Empty(bot.Connector.CallsFor(chat));
    }

    private static string TextOf(JsonNode reply) => reply["text"]?.GetValue<string>() ?? string.Empty;

    /// <summary>The text of a reply including its Adaptive Card's text blocks.</summary>
    private static string CardText(JsonNode reply) =>
        TextOf(reply) + string.Concat((reply["attachments"]?.AsArray() ?? [])
            .SelectMany(a => a!["content"]?["body"]?.AsArray() ?? [])
            .Select(block => "\n" + (block!["text"]?.GetValue<string>() ?? string.Empty)));

    private static JsonArray CardActions(JsonNode reply) =>
        reply["attachments"]?.AsArray().Select(a => a!["content"]?["actions"]?.AsArray()).FirstOrDefault(a => a is not null) ?? [];
}
