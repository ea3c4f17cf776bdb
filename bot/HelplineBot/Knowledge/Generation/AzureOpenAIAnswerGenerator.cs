using System.ClientModel;
using System.Globalization;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace HelplineBot.Knowledge.Generation;

/// <summary>
/// Generated answers from Azure OpenAI (issue 4 §4), grounded in the retrieved sections only. The call
/// runs inside one time budget (Polly: total timeout, retry honouring Retry-After on 429/5xx, circuit
/// breaker, per-attempt timeout); the answer must pass the scope policy and the sentence-by-sentence
/// support check. Any failure or doubt returns null, and the visitor gets the extractive answer.
/// </summary>
public sealed class AzureOpenAIAnswerGenerator : IAnswerGenerator
{
    private readonly ChatClient _chat;
    private readonly AzureOpenAIOptions _options;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger<AzureOpenAIAnswerGenerator> _logger;

    public AzureOpenAIAnswerGenerator(IOptions<AzureOpenAIOptions> options, TimeProvider timeProvider, ILogger<AzureOpenAIAnswerGenerator> logger)
    {
        _options = options.Value;
        _logger = logger;
        // Polly owns retries and timeouts, so that all of them fit in one budget.
        _chat = AzureOpenAIChatClients.Create(_options, _options.TimeBudget + TimeSpan.FromSeconds(1));
        _pipeline = BuildPipeline(_options, timeProvider);
    }

    public bool IsConfigured => true;

    public async Task<GeneratedAnswer?> GenerateAsync(string question, IReadOnlyList<KnowledgeSection> sections, CancellationToken cancellationToken)
    {
        ChatMessage[] messages = [new SystemChatMessage(GroundingPrompt.System), new UserChatMessage(GroundingPrompt.User(question, sections))];
        var chatOptions = new ChatCompletionOptions { MaxOutputTokenCount = _options.MaxOutputTokens, Temperature = 0 };
        ChatCompletion completion;
        try
        {
            completion = await _pipeline.ExecuteAsync(
                async token => (await _chat.CompleteChatAsync(messages, chatOptions, token)).Value,
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            return FallBack(Describe(exception));
        }

        if (completion.FinishReason != ChatFinishReason.Stop) return FallBack("finish reason " + completion.FinishReason);
        var text = string.Concat(completion.Content.Where(part => part.Kind == ChatMessageContentPartKind.Text).Select(part => part.Text)).Trim();
        if (text.Length == 0 || text.Contains(GroundingPrompt.NoAnswer, StringComparison.Ordinal)) return FallBack("no answer");
        if (ScopePolicy.CheckAnswer(text) is { } forbidden) return FallBack("out of scope: " + forbidden);
        var support = SupportCheck.Check(text, sections);
        if (!support.IsSupported) return FallBack(support.Reason!);
        return new GeneratedAnswer(support.Text, support.CitedSectionIds);
    }

    private GeneratedAnswer? FallBack(string reason)
    {
        KnowledgeLog.GenerationFellBack(_logger, reason);
        return null;
    }

    private static string Describe(Exception exception) => exception switch
    {
        ClientResultException { Status: > 0 } e => "status " + e.Status.ToString(CultureInfo.InvariantCulture),
        TimeoutRejectedException => "time budget exceeded",
        BrokenCircuitException => "circuit open",
        _ => exception.GetType().Name,
    };

    private static ResiliencePipeline BuildPipeline(AzureOpenAIOptions options, TimeProvider timeProvider) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(options.TimeBudget)
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && IsTransient(args.Outcome.Exception) && !WaitsTooLong(args.Outcome.Exception, options)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

    // 408, 429, 5xx, a timed-out attempt or a network failure (System.ClientModel reports it as status 0).
    private static bool IsTransient(Exception? exception) => exception switch
    {
        ClientResultException e => e.Status is 0 or 408 or 429 or >= 500,
        TimeoutRejectedException or HttpRequestException => true,
        _ => false,
    };

    // A Retry-After longer than half the budget cannot be honoured in time: give up at once.
    private static bool WaitsTooLong(Exception? exception, AzureOpenAIOptions options) =>
        RetryAfter(exception) is { } delay && delay > options.TimeBudget / 2;

    // Azure OpenAI sends retry-after-ms and Retry-After (seconds) with 429 and some 503 responses.
    private static TimeSpan? RetryAfter(Exception? exception)
    {
        if (exception is not ClientResultException e || e.GetRawResponse() is not { } response) return null;
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }
        if (response.Headers.TryGetValue("Retry-After", out var seconds) && double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return TimeSpan.FromSeconds(value);
        }
        return null;
    }
}
