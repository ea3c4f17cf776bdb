using HelplineBot.Channels;
using HelplineBot.Hosting;
using HelplineBot.Protocol.Auth;
using HelplineBot.Protocol.Connector;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace HelplineBot.Protocol;

public static class ProtocolExtensions
{
    /// <summary>Channel authentication, the Bot Connector client (as the sender for Connector channels) and /api/messages.</summary>
    public static WebApplicationBuilder AddProtocol(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BotAuthOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.Bind(options))
            .Validate(HasCredentials, "MicrosoftAppId is set but MicrosoftAppPassword is empty (or MicrosoftAppTenantId, for SingleTenant).")
            .Validate(o => !KeyVaultReference.IsUnresolved(o.MicrosoftAppPassword),
                "MicrosoftAppPassword is an unresolved Key Vault reference; check the web app's access to the vault.")
            .ValidateOnStart();
        services.AddOptions<ChannelAuthOptions>().BindConfiguration(ChannelAuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ConnectorOptions>().BindConfiguration(ConnectorOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrustedServiceUrls>();
        services.AddSingleton<OpenIdMetadataCache>();
        services.AddSingleton<ChannelTokenValidator>();
        services.AddSingleton<BotTokenProvider>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<IChannelSender>(provider => provider.GetRequiredService<ConnectorClient>());
        services.AddSingleton<MessagesEndpoint>();

        services.AddHttpClient(OpenIdMetadataCache.HttpClientName, http => http.MaxResponseContentBufferSize = 1024 * 1024)
            .AddStandardResilienceHandler();
        services.AddHttpClient(MsalHttpClientFactory.HttpClientName).AddStandardResilienceHandler();
        services.AddHttpClient(ConnectorClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("connector", ConfigureConnectorPipeline)
            // One circuit per channel host: a failing region must not silence the others.
            .SelectPipelineByAuthority();
        return builder;
    }

    /// <summary>Maps POST /api/messages (other methods get 405) and warns when it runs unauthenticated.</summary>
    public static WebApplication MapBotMessages(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<BotAuthOptions>>().Value.IsOpenDevelopmentMode)
            AuthLog.OpenDevelopmentMode(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessagesEndpoint)));
        app.MapPost(MessagesEndpoint.Route, (HttpRequest request, MessagesEndpoint endpoint) => endpoint.HandleAsync(request));
        return app;
    }

    private static bool HasCredentials(BotAuthOptions options)
    {
        if (options.IsOpenDevelopmentMode) return true;
        if (string.Equals(options.MicrosoftAppType, BotAuthOptions.AppTypes.UserAssignedMsi, StringComparison.OrdinalIgnoreCase)) return true;
        if (string.IsNullOrWhiteSpace(options.MicrosoftAppPassword)) return false;
        return string.Equals(options.MicrosoftAppType, BotAuthOptions.AppTypes.MultiTenant, StringComparison.OrdinalIgnoreCase)
            || !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
    }

    // Outer to inner: total time, retries (jittered, Retry-After honoured), circuit breaker, one attempt's time.
    private static void ConfigureConnectorPipeline(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
        pipeline
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ConnectorFailures.IsTransient(args.Outcome)),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                SamplingDuration = options.CircuitBreakerSamplingDuration,
                BreakDuration = options.CircuitBreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(ConnectorFailures.IsTransient(args.Outcome)),
            })
            .AddTimeout(options.AttemptTimeout);
    }
}
