using System.Collections.Concurrent;
using HelplineBot.Channels;
using HelplineBot.Protocol.Schema;

namespace HelplineBot.Tests.Dialogs;

/// <summary>Collects what the bot sends, per conversation, in order.</summary>
public sealed class CapturingSender : IChannelSender
{
    private readonly ConcurrentDictionary<string, List<Activity>> _sent = new();

    public bool CanSend(Activity activity) => true;

    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var list = _sent.GetOrAdd(activity.Conversation?.Id ?? "", _ => []);
        lock (list) list.Add(activity);
        return Task.FromResult(new ResourceResponse(Guid.NewGuid().ToString("N")));
    }

    /// <summary>Everything sent to the conversation since the last call, typing indicators left out.</summary>
    public Reply TakeReplies(string conversationId)
    {
        var list = _sent.GetOrAdd(conversationId, _ => []);
        lock (list)
        {
            var replies = list.Where(a => a.Type == ActivityTypes.Message).ToList();
            var typing = list.Count(a => a.Type == ActivityTypes.Typing);
            list.Clear();
            return new Reply(replies, typing);
        }
    }
}
