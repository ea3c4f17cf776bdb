using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using OpenAI.Chat;

namespace HelplineBot.Knowledge.Generation;

/// <summary>
/// The one place a chat client for the "AzureOpenAI" deployment is made (generated answers and the safety
/// screen's second opinion): API key when one is set, managed identity otherwise. The client never retries
/// on its own: each caller wraps it in its own Polly pipeline so that every retry fits in its time budget.
/// </summary>
public static class AzureOpenAIChatClients
{
    /// <param name="networkTimeout">The client's own per-request limit; set it a little above the caller's budget.</param>
    public static ChatClient Create(AzureOpenAIOptions options, TimeSpan networkTimeout)
    {
        var clientOptions = new AzureOpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = networkTimeout,
        };
        var endpoint = new Uri(options.Endpoint);
        var client = string.IsNullOrWhiteSpace(options.ApiKey)
            ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), clientOptions)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), clientOptions);
        return client.GetChatClient(options.Deployment);
    }
}
