using HelplineBot.Handoff;
using HelplineBot.Protocol.Connector;
using HelplineBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace HelplineBot.Channels.Teams.Alerts;

/// <summary>
/// Posts the queued alerts to the configured Teams conversation through the Bot Connector, one at a time,
/// and every so often re-alerts handoffs still queued after <see cref="TeamsAlertsOptions.RepeatAfter"/>.
/// A failed post is logged (ids only) and dropped: the queue and the visitor never depend on Teams.
/// </summary>
public sealed class TeamsAlertPoster(
    TeamsAlertQueue alerts,
    ConnectorClient connector,
    TrustedServiceUrls trusted,
    HandoffStore store,
    IOptions<TeamsAlertsOptions> options,
    TimeProvider clock,
    ILogger<TeamsAlertPoster> logger) : BackgroundService
{
    private static readonly TimeSpan LongestScanInterval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        // Explicitly configured by the operator, so the bot's token may go there (protocol.md §3.3).
        trusted.Trust(settings.ServiceUrl!);
        TeamsAlertsLog.Started(logger, settings.ConversationId!, settings.RepeatAfter);
        await Task.WhenAll(PostAllAsync(stoppingToken), settings.RepeatsEnabled ? ScanForRepeatsAsync(stoppingToken) : Task.CompletedTask);
    }

    private async Task PostAllAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var alert in alerts.Reader.ReadAllAsync(stoppingToken))
            {
                await PostAsync(alert, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Posts one alert unless the handoff stopped waiting meanwhile. Never throws but for shutdown.</summary>
    public async Task PostAsync(PendingTeamsAlert alert, CancellationToken cancellationToken)
    {
        var entry = alert.Entry;
        if (!alerts.IsWaiting(entry.Id)) return;
        var settings = options.Value;
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = Protocol.Schema.Channels.MsTeams,
            ServiceUrl = settings.ServiceUrl,
            Conversation = new ConversationAccount { Id = settings.ConversationId },
            Summary = TeamsAlertCard.Summary(entry),
            Importance = entry.IsCrisis ? "high" : "normal",
            Attachments = [TeamsAlertCard.Build(entry, settings.ConsoleLink(entry.Id), clock.GetUtcNow(), alert.IsRepeat)],
        };
        try
        {
            await connector.SendToConversationAsync(activity, cancellationToken);
            TeamsAlertsLog.Posted(logger, entry.Id, entry.Reason.ToLabel(), alert.IsRepeat);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            TeamsAlertsLog.PostFailed(logger, ex, entry.Id);
        }
    }

    private async Task ScanForRepeatsAsync(CancellationToken stoppingToken)
    {
        var repeatAfter = options.Value.RepeatAfter;
        var interval = repeatAfter < LongestScanInterval ? repeatAfter : LongestScanInterval;
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await ScanOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    TeamsAlertsLog.RepeatScanFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round: a repeat alert for each handoff queued and unannounced for at least RepeatAfter.</summary>
    public async Task ScanOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await store.ListOpenAsync(cancellationToken);
        foreach (var entry in open.Where(e => e.State == HandoffState.Queued))
        {
            alerts.OfferRepeatIfDue(entry, now, options.Value.RepeatAfter);
        }
        // Call backs and missed forgets are not listed as open: keep the memory small.
        alerts.Prune(open.Select(e => e.Id).ToHashSet(StringComparer.Ordinal), now - TimeSpan.FromDays(1));
    }
}
