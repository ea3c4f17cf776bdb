using System.Text.Json.Nodes;

namespace HelplineBot.IntegrationTests.Teams;

/// <summary>
/// Activities shaped as Microsoft Teams sends them (protocol.md §6): bot id 28:…, user ids 29:… with an
/// aadObjectId, conversation types personal / groupChat / channel, tenant in channelData, mention entities.
/// </summary>
internal sealed class TeamsPayloads(string serviceUrl)
{
    public const string BotId = "28:helpline-app-id";
    public const string BotName = "Helpline";
    public const string TenantId = "72f988bf-0000-0000-0000-000000000001";

    public static TeamsPerson Alex { get; } = new("29:1alex", "Alex", "6c7a0000-0000-0000-0000-00000000a1e7");
    public static TeamsPerson Sam { get; } = new("29:1sam", "Sam", "6c7a0000-0000-0000-0000-0000000005a3");

    public static string NewPersonalConversation() => $"a:1{Guid.NewGuid():N}";
    public static string NewGroupChat() => $"19:{Guid.NewGuid():N}@thread.v2";
    public static string NewChannelThread() => $"19:{Guid.NewGuid():N}@thread.tacv2;messageid=1790000000001";

    public JsonObject Message(string conversationId, string conversationType, TeamsPerson from, string text, bool mentionBot = false)
    {
        var activity = Base("message", conversationId, conversationType, from);
        activity["text"] = mentionBot ? $"<at>{BotName}</at> {text}" : text;
        activity["textFormat"] = "plain";
        var entities = new JsonArray { new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["platform"] = "Web" } };
        if (mentionBot)
        {
            entities.Add(new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
                ["text"] = $"<at>{BotName}</at>",
            });
        }
        activity["entities"] = entities;
        return activity;
    }

    /// <summary>An Action.Submit press: empty text, the card's data in value, replyToId the card's activity.</summary>
    public JsonObject CardPress(string conversationId, string conversationType, TeamsPerson from, string choice, string cardActivityId)
    {
        var activity = Base("message", conversationId, conversationType, from);
        activity["text"] = "";
        activity["replyToId"] = cardActivityId;
        activity["value"] = new JsonObject { ["helplineChoice"] = choice };
        return activity;
    }

    public JsonObject MembersAdded(string conversationId, string conversationType, TeamsPerson from, params string[] memberIds)
    {
        var activity = Base("conversationUpdate", conversationId, conversationType, from);
        activity["membersAdded"] = new JsonArray(memberIds.Select(id => (JsonNode)new JsonObject { ["id"] = id }).ToArray());
        if (conversationType == "channel")
        {
            var channelData = (JsonObject)activity["channelData"]!;
            channelData["eventType"] = "teamMemberAdded";
            channelData["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2", ["name"] = "Counsellors" };
        }
        return activity;
    }

    public JsonObject InstallationUpdate(string conversationId, string conversationType, TeamsPerson from, string action = "add")
    {
        var activity = Base("installationUpdate", conversationId, conversationType, from);
        activity["action"] = action;
        return activity;
    }

    public JsonObject Invoke(string conversationId, TeamsPerson from, string name, JsonNode? value)
    {
        var activity = Base("invoke", conversationId, "personal", from);
        activity["name"] = name;
        if (value is not null) activity["value"] = value;
        return activity;
    }

    private JsonObject Base(string type, string conversationId, string conversationType, TeamsPerson from)
    {
        var conversation = new JsonObject
        {
            ["id"] = conversationId,
            ["conversationType"] = conversationType,
            ["tenantId"] = TenantId,
        };
        if (conversationType != "personal") conversation["isGroup"] = true;
        return new JsonObject
        {
            ["type"] = type,
            ["id"] = "f:" + Guid.NewGuid().ToString("N")[..12],
            ["timestamp"] = "2026-11-23T10:00:00.000Z",
            ["localTimestamp"] = "2026-11-23T11:00:00.000+01:00",
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["from"] = new JsonObject { ["id"] = from.Id, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            ["conversation"] = conversation,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["locale"] = "en-US",
        };
    }
}

/// <summary>A Teams user: the per-bot id (29:…), display name and Entra object id.</summary>
internal sealed record TeamsPerson(string Id, string Name, string AadObjectId);
