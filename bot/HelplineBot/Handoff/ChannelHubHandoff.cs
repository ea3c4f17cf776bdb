using System.Text.Json;
using HelplineBot.Channels;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Handoff;

/// <summary>
/// Hands the person to the channel's own agent hub (protocol.md §7): a handoff.initiate event with the
/// routing context in <c>value</c> and the conversation so far as a Transcript attachment.
/// </summary>
public sealed class ChannelHubHandoff(EarlierTranscript earlier, HandoffRecords records, ChannelSenders senders, TimeProvider clock)
{
    public const string InitiateName = "handoff.initiate";
    public const string StatusName = "handoff.status";

    public async Task InitiateAsync(HandoffEntry entry, CancellationToken cancellationToken)
    {
        IReadOnlyList<RelayedMessage> said = [.. await earlier.ReadBeforeAsync(entry, cancellationToken), .. await records.ReadMessagesAsync(entry.Id, cancellationToken)];
        var transcript = new HubTranscript([.. said.Select(m => new HubTranscriptActivity(
            ActivityTypes.Message,
            new HubTranscriptAccount(m.Sender == RelayedMessage.Visitor ? entry.Visitor.VisitorId : entry.Visitor.BotId, m.Sender == RelayedMessage.Visitor ? RoleTypes.User : RoleTypes.Bot),
            m.Text,
            m.At))]);
        var value = new HubRouting(
            entry.Reason.ToLabel(), entry.IsCrisis ? "urgent" : "normal", entry.CrisisCategory, entry.Context.Topics, entry.Context.Language, entry.Id);
        var initiate = new Activity
        {
            Type = ActivityTypes.Event,
            Name = InitiateName,
            Id = Guid.NewGuid().ToString("N"),
            Timestamp = clock.GetUtcNow(),
            ChannelId = entry.Visitor.ChannelId,
            ServiceUrl = entry.Visitor.ServiceUrl,
            Conversation = new ConversationAccount { Id = entry.Visitor.ConversationId },
            // The SDK's helper sends the event "from" the user it concerns.
            From = new ChannelAccount { Id = entry.Visitor.VisitorId, Role = RoleTypes.User },
            Recipient = new ChannelAccount { Id = entry.Visitor.VisitorId, Role = RoleTypes.User },
            Value = JsonSerializer.SerializeToElement(value, HubJsonContext.Default.HubRouting),
            Attachments =
            [
                new Attachment
                {
                    ContentType = "application/json",
                    Name = "Transcript",
                    Content = JsonSerializer.SerializeToElement(transcript, HubJsonContext.Default.HubTranscript),
                },
            ],
        };
        await senders.SendAsync(initiate, cancellationToken);
    }
}

/// <summary>handoff.initiate's <c>value</c>: how the hub should route the person.</summary>
public sealed record HubRouting(string Reason, string Priority, string? CrisisCategory, IReadOnlyList<string> Topics, string? Language, string HandoffId);

/// <summary>The Bot Framework transcript shape: <c>{ activities: [...] }</c>.</summary>
public sealed record HubTranscript(IReadOnlyList<HubTranscriptActivity> Activities);

public sealed record HubTranscriptActivity(string Type, HubTranscriptAccount From, string Text, DateTimeOffset Timestamp);

public sealed record HubTranscriptAccount(string? Id, string Role);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
[System.Text.Json.Serialization.JsonSerializable(typeof(HubRouting))]
[System.Text.Json.Serialization.JsonSerializable(typeof(HubTranscript))]
internal sealed partial class HubJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
