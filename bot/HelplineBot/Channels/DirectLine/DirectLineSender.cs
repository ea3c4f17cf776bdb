using HelplineBot.Hosting;
using HelplineBot.Protocol.Connector;
using HelplineBot.Protocol.Schema;
using Microsoft.Extensions.Options;

using ChannelIds = HelplineBot.Protocol.Schema.Channels;

namespace HelplineBot.Channels.DirectLine;

/// <summary>Delivers the bot's activities to a built-in Direct Line conversation: stored, then pushed to its streams.</summary>
public sealed class DirectLineSender(DirectLineConversations conversations, IOptions<HelplineOptions> helpline, TrustedServiceUrls trusted) : IChannelSender
{
    // Azure Bot Service's own Direct Line and Web Chat channels use the same channel ids; their activities
    // carry a serviceUrl vouched for by a channel token, and go back through the Connector instead.
    public bool CanSend(Activity activity) =>
        activity.ChannelId is ChannelIds.DirectLine or ChannelIds.WebChat && !trusted.IsTrusted(activity.ServiceUrl);

    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id
            ?? throw new ArgumentException("A Direct Line activity needs conversation.id.", nameof(activity));
        activity.From = new ChannelAccount { Id = helpline.Value.BotId, Name = helpline.Value.Name, Role = RoleTypes.Bot };
        activity.ServiceUrl = null;
        var outcome = await conversations.AppendAsync(conversationId, activity, cancellationToken);
        return outcome.Activity is { Id: { } id }
            ? new ResourceResponse(id)
            : throw new InvalidOperationException("The Direct Line conversation does not exist.");
    }
}
