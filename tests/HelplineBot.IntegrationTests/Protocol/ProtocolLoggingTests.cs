using System.Collections.Concurrent;
using HelplineBot.IntegrationTests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelplineBot.IntegrationTests.Protocol;

/// <summary>What the protocol edge writes to the logs: the open-mode warning, and never a person's words or a token.</summary>
public sealed class ProtocolLoggingTests
{
    private const string Secret = "I used ket again last night";

    [Fact]
    public async Task OpenDevelopmentMode_IsAnnouncedWithAWarningAtStart()
    {
        var logs = new CapturedLogs();
        await using var app = new HelplineBotApp(services: services => services.AddSingleton<ILoggerProvider>(logs));

        Assert.Contains(logs.Entries, entry => entry.Level == LogLevel.Warning && entry.EventId == 1103);
    }

    [Fact]
    public async Task RejectedToken_LogsTheReasonButNeverTheMessageTextOrTheToken()
    {
        var logs = new CapturedLogs();
        await using var connector = await FakeBotConnector.StartAsync();
        await using var issuer = await FakeOpenIdIssuer.StartAsync();
        var kid = issuer.AddKey(["msteams"]);
        await using var app = new HelplineBotApp(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "bot-app",
            ["MicrosoftAppPassword"] = "secret",
            ["ChannelAuth:BotFrameworkMetadataUrl"] = issuer.MetadataUrl,
            ["Connector:MaxRetries"] = "1",
            ["Connector:RetryDelay"] = "00:00:00.010",
        }, services => services.AddSingleton<ILoggerProvider>(logs));
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var wrongAudience = issuer.CreateToken(kid, "someone-else", connector.ServiceUrl, DateTimeOffset.UtcNow);

        using var rejected = await http.PostAsync(BotMessages.Message(BotMessages.NewConversationId(), connector.ServiceUrl, Secret, "msteams"), wrongAudience);

        Assert.Equal(401, (int)rejected.StatusCode);
        Assert.Contains(logs.Entries, entry => entry.EventId == 1100 && entry.Message.Contains("WrongAudience", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, entry => entry.Message.Contains(Secret, StringComparison.Ordinal)
            || entry.Message.Contains(wrongAudience, StringComparison.Ordinal)
            || (entry.Exception?.ToString().Contains(Secret, StringComparison.Ordinal) ?? false));
    }

    [Fact]
    public async Task ReplyThatCannotBeDelivered_IsLoggedByIdWithoutTheMessageText()
    {
        var logs = new CapturedLogs();
        await using var connector = await FakeBotConnector.StartAsync();
        connector.FailAlways(503);
        await using var app = new HelplineBotApp(new Dictionary<string, string?>
        {
            ["Connector:MaxRetries"] = "1",
            ["Connector:RetryDelay"] = "00:00:00.010",
        }, services => services.AddSingleton<ILoggerProvider>(logs));
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var message = BotMessages.Message(BotMessages.NewConversationId(), connector.ServiceUrl, Secret);

        using var response = await http.PostAsync(message);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains(logs.Entries, entry => entry.EventId == 1131 && entry.Message.Contains("503", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, entry => entry.Level == LogLevel.Error && entry.Message.Contains(message["id"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, entry => entry.Message.Contains(Secret, StringComparison.Ordinal)
            || (entry.Exception?.ToString().Contains(Secret, StringComparison.Ordinal) ?? false));
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, int EventId, string Message, Exception? Exception)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Entries.Enqueue((logLevel, eventId.Id, formatter(state, exception), exception));
        }
    }
}
