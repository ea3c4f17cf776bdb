using System.Text.Json;
using System.Text.Json.Serialization;

namespace HelplineBot.Protocol.Schema;

/// <summary>
/// A Bot Framework activity (Activity spec 3.1, protocol.md §1). Fields we do not model are kept in
/// <see cref="ExtensionData"/> so that relaying an activity never drops what a channel added.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }

    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Timestamp { get; set; }

    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ChannelId { get; set; }
    public string? ServiceUrl { get; set; }
    public ChannelAccount? From { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ReplyToId { get; set; }
    public List<Entity>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? CallerId { get; set; }
    public string? Locale { get; set; }
    public string? DeliveryMode { get; set; }
    public ConversationReference? RelatesTo { get; set; }

    // message
    public string? Text { get; set; }
    public string? TextFormat { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public string? AttachmentLayout { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public string? Summary { get; set; }
    public string? Importance { get; set; }

    [JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset? Expiration { get; set; }

    // event, invoke, trace, endOfConversation, installationUpdate
    public string? Name { get; set; }
    public JsonElement? Value { get; set; }
    public string? ValueType { get; set; }
    public string? Label { get; set; }
    public string? Code { get; set; }
    public string? Action { get; set; }

    // conversationUpdate, messageReaction
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public string? TopicName { get; set; }
    public List<MessageReaction>? ReactionsAdded { get; set; }
    public List<MessageReaction>? ReactionsRemoved { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>
    /// A reply addressed back to the sender, as the SDK's CreateReply does (protocol.md §1.6): no id or
    /// timestamp (the channel assigns them), and no replyToId for a Direct Line conversationUpdate.
    /// </summary>
    public Activity CreateReply(string? text = null)
    {
        var answersUpdateOnDirectLine = Type == ActivityTypes.ConversationUpdate
            && (ChannelId == Channels.DirectLine || ChannelId == Channels.WebChat);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name, Role = RoleTypes.Bot },
            Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name, AadObjectId = From.AadObjectId },
            Conversation = Conversation is null ? null : new ConversationAccount
            {
                Id = Conversation.Id,
                IsGroup = Conversation.IsGroup,
                ConversationType = Conversation.ConversationType,
                TenantId = Conversation.TenantId,
            },
            ChannelId = ChannelId,
            ServiceUrl = ServiceUrl,
            Locale = Locale,
            ReplyToId = answersUpdateOnDirectLine ? null : Id,
        };
    }

    /// <summary>The text a person typed, or an empty string.</summary>
    [JsonIgnore]
    public string TextOrEmpty => Text ?? string.Empty;
}
