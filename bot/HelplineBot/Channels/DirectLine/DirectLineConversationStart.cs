using HelplineBot.Hosting;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;
using Microsoft.Extensions.Options;

using ChannelIds = HelplineBot.Protocol.Schema.Channels;

namespace HelplineBot.Channels.DirectLine;

/// <summary>
/// Tells the bot a conversation started, as the hosted Direct Line does: a conversationUpdate with the
/// bot and the user added, so the bot greets before the person types (directline-client-notes.md §4).
/// </summary>
public sealed class DirectLineConversationStart(TurnPipeline pipeline, IOptions<HelplineOptions> helpline, TimeProvider clock, IHostApplicationLifetime lifetime)
{
    public Task GreetAsync(string conversationId, string userId, string? locale, string serviceUrl, CancellationToken cancellationToken)
    {
        var bot = new ChannelAccount { Id = helpline.Value.BotId, Name = helpline.Value.Name, Role = RoleTypes.Bot };
        var user = new ChannelAccount { Id = userId, Role = RoleTypes.User };
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = $"{conversationId}|start",
            Timestamp = clock.GetUtcNow(),
            ChannelId = ChannelIds.DirectLine,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount { Id = conversationId },
            From = user,
            Recipient = bot,
            Locale = locale,
            MembersAdded = [bot, user],
        };
        // The greeting is logged before the start call returns, so the first stream replays it.
        return pipeline.ProcessAsync(update, lifetime.ApplicationStopping);
    }
}
