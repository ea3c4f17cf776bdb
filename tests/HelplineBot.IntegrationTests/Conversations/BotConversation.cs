using System.Collections.Concurrent;
using HelplineBot.Channels;
using HelplineBot.Dialogs.Seams;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HelplineBot.IntegrationTests.Conversations;

/// <summary>
/// The whole bot (screen, dialogs, knowledge, storage) on a fake clock, driven turn by turn through the
/// real pipeline; every activity the bot sends is recorded, and every request for a person too.
/// </summary>
public sealed class BotConversation : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private readonly RecordingSender _sender = new();
    private readonly string _conversationId = "conv-" + Guid.NewGuid().ToString("N");
    private int _sequence;

    public BotConversation(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        App = new HelplineBotApp(settings, s =>
        {
            s.Insert(0, ServiceDescriptor.Singleton<IChannelSender>(_sender));
            s.AddSingleton<TimeProvider>(Clock);
            Decorate<IHandoffRequests>(s, inner => new RecordingHandoffRequests(inner, HandoffRequests));
            services?.Invoke(s);
        });
    }

    public HelplineBotApp App { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));
    public ConcurrentQueue<HandoffRequest> HandoffRequests { get; } = new();

    /// <summary>Sends one user message (or advances the clock for a "[[silence 45m]]" marker) and returns the bot's replies to it.</summary>
    public async Task<Turn> SayAsync(string text)
    {
        if (SilenceMarker.TryParse(text, out var silence))
        {
            Clock.Advance(silence);
            return new Turn(text, []);
        }
        var before = _sender.Count;
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = $"{_conversationId}|{Interlocked.Increment(ref _sequence):D7}",
            ChannelId = HelplineBot.Protocol.Schema.Channels.Test,
            ServiceUrl = "http://127.0.0.1/",
            Conversation = new ConversationAccount { Id = _conversationId },
            From = new ChannelAccount { Id = "visitor", Role = RoleTypes.User },
            Recipient = new ChannelAccount { Id = "helpline-bot", Role = RoleTypes.Bot },
            Text = text,
            Locale = "en-US",
        };
        await App.Services.GetRequiredService<TurnPipeline>().ProcessAsync(activity, CancellationToken.None).WaitAsync(Timeout);
        Clock.Advance(TimeSpan.FromSeconds(20));
        return new Turn(text, _sender.Since(before).Where(a => a.Type == ActivityTypes.Message).ToList());
    }

    /// <summary>The conversation's open entry in the advisors' queue, if any.</summary>
    public Task<HelplineBot.Handoff.HandoffEntry?> OpenHandoffAsync() =>
        App.Services.GetRequiredService<HelplineBot.Handoff.HandoffStore>().FindOpenAsync(HelplineBot.Protocol.Schema.Channels.Test, _conversationId, CancellationToken.None);

    /// <summary>The call backs waiting in the advisors' queue, for any conversation of this app.</summary>
    public Task<IReadOnlyList<HelplineBot.Handoff.HandoffEntry>> CallbacksAsync() =>
        App.Services.GetRequiredService<HelplineBot.Handoff.HandoffStore>().ListCallbacksAsync(CancellationToken.None);

    public ValueTask DisposeAsync() => App.DisposeAsync();

    internal static void Decorate<T>(IServiceCollection services, Func<T, T> decorate) where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Add(ServiceDescriptor.Singleton<T>(provider => decorate((T)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!)))));
    }

    private sealed class RecordingSender : IChannelSender
    {
        private readonly List<Activity> _sent = [];

        public int Count
        {
            get { lock (_sent) return _sent.Count; }
        }

        public IReadOnlyList<Activity> Since(int index)
        {
            lock (_sent) return _sent.Skip(index).ToList();
        }

        public bool CanSend(Activity activity) => true;

        public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
        {
            lock (_sent) _sent.Add(activity);
            return Task.FromResult(new ResourceResponse(Guid.NewGuid().ToString("N")));
        }
    }

    private sealed class RecordingHandoffRequests(IHandoffRequests inner, ConcurrentQueue<HandoffRequest> requests) : IHandoffRequests
    {
        public Task<HandoffReceipt> RequestAsync(HandoffRequest request, CancellationToken cancellationToken)
        {
            requests.Enqueue(request);
            return inner.RequestAsync(request, cancellationToken);
        }

        public Task<bool> IsUnderWayAsync(string conversationKey, CancellationToken cancellationToken) =>
            inner.IsUnderWayAsync(conversationKey, cancellationToken);
    }
}

/// <summary>One user message and the bot's message replies to it.</summary>
public sealed record Turn(string Said, IReadOnlyList<Activity> Replies)
{
    public string Text => string.Join("\n", Replies.Select(r => r.Text));

    /// <summary>The crisis reply is sent with importance "high"; nothing else the bot says is.</summary>
    public bool HasCrisisReply => Replies.Any(r => r.Importance == "high");

    public IEnumerable<string> Buttons => Replies.SelectMany(r => r.SuggestedActions?.Actions ?? []).Select(a => a.Title ?? "");
}

/// <summary>"[[silence 45m]]" / "[[silence 2h]]" in eval conversations: time passing with no message.</summary>
public static class SilenceMarker
{
    public static bool TryParse(string text, out TimeSpan silence)
    {
        silence = default;
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^\[\[silence (\d+)([mh])\]\]$");
        if (!match.Success) return false;
        var amount = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        silence = match.Groups[2].Value == "h" ? TimeSpan.FromHours(amount) : TimeSpan.FromMinutes(amount);
        return true;
    }
}
