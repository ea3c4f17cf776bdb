using HelplineBot.Channels;
using HelplineBot.Protocol.Schema;
using HelplineBot.Safety;

namespace HelplineBot.Turns;

/// <summary>One inbound activity and what the bot sent in answer to it.</summary>
public sealed class TurnContext(Activity activity, Func<Activity, CancellationToken, Task<ResourceResponse>> deliver)
{
    private readonly List<Activity> _sent = [];

    public Activity Activity { get; } = activity;

    /// <summary>Set by the handler for invoke activities; the endpoint answers 501 when none is set.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    public IReadOnlyList<Activity> SentActivities
    {
        get
        {
            lock (_sent) return _sent.ToArray();
        }
    }

    /// <summary>The safety screen's verdict on this activity's text (null for activities without text).</summary>
    public SafetyVerdict? Verdict { get; set; }

    /// <summary>True once the crisis reply for this activity was delivered.</summary>
    public bool CrisisReplySent { get; set; }

    /// <summary>Set by a screen that fully answered the activity: the conversation handler is not called.</summary>
    public bool IsHandled { get; set; }

    /// <summary>True once a non-typing activity was sent in this turn.</summary>
    public bool Responded { get; private set; }

    /// <summary>Sends a reply built from the inbound activity (addressing filled in) and returns its id.</summary>
    public async Task<ResourceResponse> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        var outgoing = Address(reply);
        var response = await deliver(outgoing, cancellationToken);
        outgoing.Id ??= response.Id;
        lock (_sent) _sent.Add(outgoing);
        if (outgoing.Type != ActivityTypes.Typing) Responded = true;
        return response;
    }

    public Task<ResourceResponse> SendTextAsync(string text, CancellationToken cancellationToken) =>
        SendAsync(Activity.CreateReply(text), cancellationToken);

    private Activity Address(Activity reply)
    {
        var template = Activity.CreateReply();
        reply.Type ??= ActivityTypes.Message;
        reply.ChannelId ??= template.ChannelId;
        reply.ServiceUrl ??= template.ServiceUrl;
        reply.Conversation ??= template.Conversation;
        reply.From ??= template.From;
        reply.Recipient ??= template.Recipient;
        reply.Locale ??= template.Locale;
        if (reply.ReplyToId is null && reply.Type != ActivityTypes.Typing) reply.ReplyToId = template.ReplyToId;
        return reply;
    }
}
