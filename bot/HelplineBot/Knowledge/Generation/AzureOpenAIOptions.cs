using System.ComponentModel.DataAnnotations;

namespace HelplineBot.Knowledge.Generation;

/// <summary>
/// Azure OpenAI for generated answers. Section "AzureOpenAI". Leave Endpoint empty to answer without AI
/// (the default): answers are then the knowledge files' own short answers.
/// </summary>
public sealed class AzureOpenAIOptions : IValidatableObject
{
    public const string Section = "AzureOpenAI";

    /// <summary>Resource endpoint, e.g. https://my-resource.openai.azure.com/. Default empty (AI off).</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>Chat model deployment name. Required when Endpoint is set. Default empty.</summary>
    public string Deployment { get; set; } = "";

    /// <summary>API key; empty means managed identity / Azure credentials (DefaultAzureCredential). Default empty.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The longest a visitor waits for a generated answer, retries included, before the extractive one. Default 4 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>The longest one call may take. Default 2.5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>Retries after a 429, a 5xx or a timed-out call, within the budget. Default 1.</summary>
    [Range(0, 3)] public int MaxRetries { get; set; } = 1;

    /// <summary>Upper bound of the generated answer's length, in tokens. Default 300.</summary>
    [Range(50, 2000)] public int MaxOutputTokens { get; set; } = 300;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured) yield break;
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
        {
            yield return new ValidationResult("AzureOpenAI:Endpoint must be an absolute https URL.", [nameof(Endpoint)]);
        }
        if (string.IsNullOrWhiteSpace(Deployment))
        {
            yield return new ValidationResult("AzureOpenAI:Deployment is required when AzureOpenAI:Endpoint is set.", [nameof(Deployment)]);
        }
        if (AttemptTimeout > TimeBudget)
        {
            yield return new ValidationResult("AzureOpenAI:AttemptTimeout must not exceed AzureOpenAI:TimeBudget.", [nameof(AttemptTimeout)]);
        }
    }
}
