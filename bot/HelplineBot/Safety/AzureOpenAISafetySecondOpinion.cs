using System.ClientModel;
using System.Globalization;
using HelplineBot.Knowledge.Generation;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace HelplineBot.Safety;

/// <summary>
/// The second opinion from the "AzureOpenAI" deployment: one attempt within <see cref="SafetyOptions.SecondOpinionTimeBudget"/>,
/// no retry (a retry cannot fit in the budget), and a circuit breaker so that a failing service stops costing
/// every visitor the budget. The answer must be one JSON object with a known label; anything else, and any
/// failure, leaves the rules' verdict as it was.
/// </summary>
/// <remarks>
/// Content filter: Azure OpenAI may refuse a message about self-harm (HTTP 400 "content_filter") or stop its
/// answer (finish reason content_filter). That is a signal, but the filter's categories and thresholds are the
/// resource's configuration, not our labels, and it also fires on information questions; so a refusal is NOT
/// turned into a crisis. The rules' verdict stands and the refusal is logged (event 1523, no text) so operators
/// can see how often it happens. Deploy the model with a content filter that annotates rather than blocks the
/// self-harm and violence categories, so the model can read the very messages this screen exists for.
/// </remarks>
public sealed class AzureOpenAISafetySecondOpinion : ISafetySecondOpinion
{
    private const int MaxOutputTokens = 60;

    private readonly ChatClient _chat;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger<AzureOpenAISafetySecondOpinion> _logger;

    public AzureOpenAISafetySecondOpinion(
        IOptions<AzureOpenAIOptions> azure, IOptions<SafetyOptions> safety, TimeProvider timeProvider, ILogger<AzureOpenAISafetySecondOpinion> logger)
    {
        _logger = logger;
        var budget = safety.Value.SecondOpinionTimeBudget;
        _chat = AzureOpenAIChatClients.Create(azure.Value, budget + TimeSpan.FromSeconds(1));
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(IsServiceFailure(args.Outcome.Exception)),
            })
            .AddTimeout(budget)
            .Build();
    }

    public bool IsEnabled => true;

    public async Task<SafetyVerdict> ReviewAsync(string text, SafetyVerdict rules, CancellationToken cancellationToken)
    {
        // Never asked about a crisis the rules found: that reply has already gone, and nothing may lower it.
        if (rules.IsCrisis || string.IsNullOrWhiteSpace(text)) return rules;

        ChatMessage[] messages = [new SystemChatMessage(SecondOpinionPrompt.System), new UserChatMessage(SecondOpinionPrompt.User(text))];
        var options = new ChatCompletionOptions
        {
            MaxOutputTokenCount = MaxOutputTokens,
            Temperature = 0,
            ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat(),
        };
        ChatCompletion completion;
        try
        {
            completion = await _pipeline.ExecuteAsync(
                async token => (await _chat.CompleteChatAsync(messages, options, token)).Value, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ClientResultException e) when (IsContentFilter(e))
        {
            SafetyLog.SecondOpinionFiltered(_logger, "prompt");
            return rules;
        }
        catch (Exception exception)
        {
            SafetyLog.SecondOpinionFailed(_logger, Describe(exception));
            return rules;
        }

        if (completion.FinishReason == ChatFinishReason.ContentFilter)
        {
            SafetyLog.SecondOpinionFiltered(_logger, "answer");
            return rules;
        }
        var answer = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        if (completion.FinishReason != ChatFinishReason.Stop || SecondOpinionPrompt.Parse(answer, text) is not { } read)
        {
            SafetyLog.SecondOpinionFailed(_logger, "unreadable answer");
            return rules;
        }

        var verdict = SecondOpinionPolicy.Apply(rules, read.Category, read.Quote);
        if (!ReferenceEquals(verdict, rules)) SafetyLog.SecondOpinionRaised(_logger, rules.Label, verdict.Label);
        return verdict;
    }

    // A service that is down, overloaded or too slow; not a refusal of one message, not the caller's cancellation.
    private static bool IsServiceFailure(Exception? exception) => exception switch
    {
        null or OperationCanceledException => false,
        ClientResultException e => e.Status is 0 or 408 or 429 or >= 500,
        _ => true,
    };

    // Azure OpenAI refuses a filtered prompt with 400 and error code "content_filter".
    private static bool IsContentFilter(ClientResultException e) =>
        e.Status == 400 && e.GetRawResponse()?.Content.ToString().Contains("content_filter", StringComparison.Ordinal) == true;

    private static string Describe(Exception exception) => exception switch
    {
        ClientResultException { Status: > 0 } e => "status " + e.Status.ToString(CultureInfo.InvariantCulture),
        TimeoutRejectedException => "time budget exceeded",
        BrokenCircuitException => "circuit open",
        _ => exception.GetType().Name,
    };
}
