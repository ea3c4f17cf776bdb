using System.ComponentModel.DataAnnotations;

namespace HelplineBot.Protocol.Connector;

/// <summary>Outbound calls to channels' Bot Connector service and the bot's Entra token. Section "Connector".</summary>
public sealed class ConnectorOptions
{
    public const string Section = "Connector";

    /// <summary>Entra login host the bot token comes from. Default "https://login.microsoftonline.com" (sovereign clouds differ).</summary>
    [Required, Url] public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>Scope of the bot token. Default "https://api.botframework.com/.default".</summary>
    [Required] public string Scope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Time limit of one attempt. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")] public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time limit of a call including its retries. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")] public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a 408/412/429/5xx or a network failure. Default 3.</summary>
    [Range(1, 10)] public int MaxRetries { get; set; } = 3;

    /// <summary>Base of the exponential, jittered back-off; a Retry-After header wins. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")] public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Calls to one host within the sampling window before the circuit may open (at ≥ 50% failures). Default 10.</summary>
    [Range(2, 1000)] public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    /// <summary>Window over which failures are counted. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00")] public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls to that host. Default 15 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00")] public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
