using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HelplineBot.Channels;
using HelplineBot.Protocol.Auth;
using HelplineBot.Protocol.Schema;
using Microsoft.Extensions.Options;

namespace HelplineBot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST client (protocol.md §4): replies and proactive messages to every channel except
/// our own Direct Line. Calls go through the resilient "BotConnector" HttpClient, carry the bot's token,
/// and only reach service URLs a validated channel token vouched for (or loopback in open development mode).
/// </summary>
public sealed class ConnectorClient(
    IHttpClientFactory httpClients,
    BotTokenProvider tokens,
    TrustedServiceUrls trusted,
    IOptions<BotAuthOptions> bot,
    ILogger<ConnectorClient> logger) : IChannelSender
{
    public const string HttpClientName = "BotConnector";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <summary>
    /// Every channel but our own Direct Line; also Azure Bot Service's Web Chat and Direct Line channels,
    /// which use the same channel ids but whose serviceUrl arrived in a validated token.
    /// </summary>
    public bool CanSend(Activity activity) =>
        activity.ChannelId is not (Schema.Channels.DirectLine or Schema.Channels.WebChat)
        || (!bot.Value.IsOpenDevelopmentMode && trusted.IsTrusted(activity.ServiceUrl));

    /// <summary>Reply to activity when the activity has a replyToId, else send to conversation (the SDK's rule).</summary>
    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        // Trace activities are for the developer's emulator; a channel would show them to the person (A6150).
        if (activity.Type == ActivityTypes.Trace && activity.ChannelId != Schema.Channels.Emulator)
        {
            ConnectorLog.TraceSkipped(logger, activity.ChannelId, activity.Conversation?.Id);
            return Task.FromResult(new ResourceResponse(string.Empty));
        }
        return string.IsNullOrEmpty(activity.ReplyToId)
            ? SendToConversationAsync(activity, cancellationToken)
            : ReplyToActivityAsync(activity, cancellationToken);
    }

    public Task<ResourceResponse> ReplyToActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        SendActivityAsync(HttpMethod.Post, activity, $"v3/conversations/{Segment(ConversationIdOf(activity))}/activities/{Segment(activity.ReplyToId)}", cancellationToken);

    public Task<ResourceResponse> SendToConversationAsync(Activity activity, CancellationToken cancellationToken) =>
        SendActivityAsync(HttpMethod.Post, activity, $"v3/conversations/{Segment(ConversationIdOf(activity))}/activities", cancellationToken);

    /// <summary>Replaces an activity the bot sent earlier; <see cref="Activity.Id"/> names it.</summary>
    public async Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Segment(ConversationIdOf(activity))}/activities/{Segment(activity.Id)}";
        using var response = await CallAsync(HttpMethod.Put, activity.ServiceUrl, path, Body(activity, ConnectorJsonContext.Default.Activity),
            activity.Conversation?.Id, cancellationToken);
        return await ReadAsync(response, ConnectorJsonContext.Default.ResourceResponse, cancellationToken) ?? new ResourceResponse(activity.Id ?? string.Empty);
    }

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Segment(conversationId)}/activities/{Segment(activityId)}";
        using var response = await CallAsync(HttpMethod.Delete, serviceUrl, path, null, conversationId, cancellationToken);
    }

    /// <summary>Starts a conversation (e.g. a Teams 1:1 chat for a proactive message).</summary>
    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        using var response = await CallAsync(HttpMethod.Post, serviceUrl, "v3/conversations",
            Body(parameters, ConnectorJsonContext.Default.ConversationParameters), null, cancellationToken);
        return await ReadAsync(response, ConnectorJsonContext.Default.ConversationResourceResponse, cancellationToken)
            ?? new ConversationResourceResponse(null, null, null);
    }

    private async Task<ResourceResponse> SendActivityAsync(HttpMethod method, Activity activity, string path, CancellationToken cancellationToken)
    {
        // The channel assigns ids and timestamps; the SDK clears them before sending (protocol.md §1.6).
        var (id, timestamp) = (activity.Id, activity.Timestamp);
        activity.Id = null;
        activity.Timestamp = null;
        HttpContent body;
        try
        {
            body = Body(activity, ConnectorJsonContext.Default.Activity);
        }
        finally
        {
            (activity.Id, activity.Timestamp) = (id, timestamp);
        }
        using var response = await CallAsync(method, activity.ServiceUrl, path, body, activity.Conversation?.Id, cancellationToken);
        return await ReadAsync(response, ConnectorJsonContext.Default.ResourceResponse, cancellationToken) ?? new ResourceResponse(string.Empty);
    }

    private async Task<HttpResponseMessage> CallAsync(
        HttpMethod method, string? serviceUrl, string path, HttpContent? body, string? conversationId, CancellationToken cancellationToken)
    {
        var (baseUri, withToken) = Authorize(serviceUrl, conversationId);
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path)) { Content = body };
        if (withToken) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        if (conversationId is not null) request.Headers.TryAddWithoutValidation("x-ms-conversation-id", conversationId);

        var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        var operationId = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
        if (response.IsSuccessStatusCode)
        {
            ConnectorLog.Sent(logger, method.Method, (int)response.StatusCode, conversationId, operationId);
            return response;
        }
        var status = response.StatusCode;
        response.Dispose();
        ConnectorLog.CallFailed(logger, method.Method, (int)status, conversationId, operationId);
        throw new HttpRequestException($"Bot Connector answered {(int)status}.", null, status);
    }

    // protocol.md §3.3: the token goes only where a validated channel token said the channel lives.
    private (Uri BaseUri, bool WithToken) Authorize(string? serviceUrl, string? conversationId)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            ConnectorLog.Refused(logger, conversationId, "invalid serviceUrl");
            throw new ConnectorRefusedException("The activity has no usable serviceUrl.");
        }
        // Keep the service URL's path (e.g. /amer/) and resolve v3/... relative to it (protocol.md §4).
        var baseUri = uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        var openDevelopment = bot.Value.IsOpenDevelopmentMode;
        if (!openDevelopment && trusted.IsTrusted(serviceUrl)) return (baseUri, true);
        if (openDevelopment && uri.IsLoopback) return (baseUri, false);

        ConnectorLog.Refused(logger, conversationId, openDevelopment ? "not loopback in open development mode" : "serviceUrl not trusted");
        throw new ConnectorRefusedException("The serviceUrl did not arrive in a validated channel token.");
    }

    private static ByteArrayContent Body<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = Json;
        return content;
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (bytes.Length == 0) return default;
        try
        {
            return JsonSerializer.Deserialize(bytes, type);
        }
        catch (JsonException)
        {
            // The call succeeded; an unreadable body only costs us the id.
            return default;
        }
    }

    private static string ConversationIdOf(Activity activity) =>
        activity.Conversation?.Id is { Length: > 0 } id ? id : throw new ArgumentException("The activity has no conversation id.", nameof(activity));

    // Teams ids contain ':', ';' and '@' (protocol.md §4).
    private static string Segment(string? value) =>
        string.IsNullOrEmpty(value) ? throw new ArgumentException("A path segment is empty.", nameof(value)) : Uri.EscapeDataString(value);
}
