using Microsoft.Identity.Client;

namespace HelplineBot.Protocol.Connector;

/// <summary>Hands MSAL our named, resilient HttpClient, so token calls follow the same rules as every other call.</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory httpClients) : IMsalHttpClientFactory
{
    public const string HttpClientName = "BotToken";

    public HttpClient GetHttpClient() => httpClients.CreateClient(HttpClientName);
}
