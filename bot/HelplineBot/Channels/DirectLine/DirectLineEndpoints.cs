using System.Text.Json;
using HelplineBot.Hosting;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;
using Microsoft.Extensions.Options;

using ChannelIds = HelplineBot.Protocol.Schema.Channels;

namespace HelplineBot.Channels.DirectLine;

/// <summary>
/// Direct Line 3.0 REST surface (protocol.md §5, directline-client-notes.md), enough for the official
/// botframework-directlinejs client and Web Chat: tokens, start, reconnect, post, get with watermark,
/// and the WebSocket stream (see <see cref="ActivityStream"/>).
/// </summary>
public static class DirectLineEndpoints
{
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        // Resolve the secret at start, so a generated development secret exists (and is announced) before the first chat.
        app.ServiceProvider.GetRequiredService<DirectLineSecret>();
        var directLine = app.MapGroup("/v3/directline");
        directLine.MapPost("/tokens/generate", GenerateTokenAsync);
        directLine.MapPost("/tokens/refresh", RefreshTokenAsync);
        directLine.MapPost("/conversations", StartConversationAsync);
        directLine.MapGet("/conversations/{conversationId}", ReconnectAsync);
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        directLine.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        directLine.MapPost("/conversations/{conversationId}/upload", UploadAsync);
        directLine.Map("/conversations/{conversationId}/stream", ActivityStream.RunAsync);
        return app;
    }

    private static async Task<IResult> GenerateTokenAsync(HttpContext http, DirectLineTokens tokens, DirectLineStore store, CancellationToken cancellationToken)
    {
        var caller = await tokens.ValidateAsync(http.Request.Headers.Authorization);
        if (caller.Kind != DirectLineCallerKind.Secret) return Refused(http, caller, null);

        var parameters = await ReadTokenParametersAsync(http.Request, cancellationToken);
        var userId = UserIdFrom(parameters);
        var conversationId = DirectLineTokens.NewConversationId();
        await store.CreateConversationAsync(conversationId, userId, cancellationToken);
        return DirectLineResults.Json(
            new DirectLineConversation(conversationId, tokens.Issue(conversationId, userId), tokens.LifetimeSeconds, null),
            DirectLineJsonContext.Default.DirectLineConversation);
    }

    private static async Task<IResult> RefreshTokenAsync(
        HttpContext http, DirectLineTokens tokens, DirectLineStore store, IVisitorPresence presence, CancellationToken cancellationToken)
    {
        var caller = await tokens.ValidateAsync(http.Request.Headers.Authorization);
        if (caller.Kind != DirectLineCallerKind.Token) return Refused(http, caller, null);
        var conversation = await store.FindConversationAsync(caller.ConversationId!, cancellationToken);
        if (conversation is null) return DirectLineResults.NotFound();
        presence.Seen(ChannelIds.DirectLine, conversation.Id);
        return DirectLineResults.Json(
            new DirectLineConversation(conversation.Id, tokens.Issue(conversation.Id, caller.UserId ?? conversation.UserId ?? DirectLineTokens.NewUserId()), tokens.LifetimeSeconds, null),
            DirectLineJsonContext.Default.DirectLineConversation);
    }

    private static async Task<IResult> StartConversationAsync(
        HttpContext http, DirectLineTokens tokens, DirectLineStore store, DirectLineConversationStart start, IVisitorPresence presence,
        CancellationToken cancellationToken)
    {
        var caller = await tokens.ValidateAsync(http.Request.Headers.Authorization);
        if (!caller.IsAuthenticated) return Refused(http, caller, null);
        var parameters = await ReadTokenParametersAsync(http.Request, cancellationToken);

        string conversationId;
        string userId;
        if (caller.Kind == DirectLineCallerKind.Token)
        {
            conversationId = caller.ConversationId!;
            var existing = await store.FindConversationAsync(conversationId, cancellationToken);
            userId = caller.UserId ?? existing?.UserId ?? UserIdFrom(parameters);
            if (existing is null) await store.CreateConversationAsync(conversationId, userId, cancellationToken);
        }
        else
        {
            conversationId = DirectLineTokens.NewConversationId();
            userId = UserIdFrom(parameters);
            await store.CreateConversationAsync(conversationId, userId, cancellationToken);
        }

        presence.Seen(ChannelIds.DirectLine, conversationId);
        var isNew = await store.TryMarkStartedAsync(conversationId, cancellationToken);
        if (isNew) await start.GreetAsync(conversationId, userId, parameters?.Locale, ServiceUrl(http), cancellationToken);

        var body = new DirectLineConversation(conversationId, tokens.Issue(conversationId, userId), tokens.LifetimeSeconds, StreamUrl(http, conversationId, tokens.Issue(conversationId, userId), watermark: null));
        return DirectLineResults.Json(body, DirectLineJsonContext.Default.DirectLineConversation, isNew ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ReconnectAsync(
        HttpContext http, string conversationId, string? watermark, DirectLineTokens tokens, DirectLineStore store, IVisitorPresence presence,
        CancellationToken cancellationToken)
    {
        var caller = await tokens.ValidateAsync(http.Request.Headers.Authorization);
        if (!caller.MayUse(conversationId)) return Refused(http, caller, conversationId);
        var conversation = await store.FindConversationAsync(conversationId, cancellationToken);
        if (conversation is null) return DirectLineResults.NotFound();
        presence.Seen(ChannelIds.DirectLine, conversationId);
        if (!Watermark.TryParse(watermark, out var from)) return BadWatermark();

        // Without a watermark, the new stream carries only what comes after the reconnect (DL-DOCS reconnect).
        var streamFrom = string.IsNullOrEmpty(watermark) ? conversation.LastSeq : from;
        var token = tokens.Issue(conversationId, caller.UserId ?? conversation.UserId ?? DirectLineTokens.NewUserId());
        return DirectLineResults.Json(
            new DirectLineConversation(conversationId, token, tokens.LifetimeSeconds, StreamUrl(http, conversationId, token, streamFrom)),
            DirectLineJsonContext.Default.DirectLineConversation);
    }

    private static async Task<IResult> GetActivitiesAsync(
        HttpContext http, string conversationId, string? watermark, DirectLineTokens tokens, DirectLineStore store,
        DirectLineConversations conversations, IVisitorPresence presence, IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var caller = await tokens.ValidateAsync(http.Request.Headers.Authorization);
        if (!caller.MayUse(conversationId)) return Refused(http, caller, conversationId);
        if (await store.FindConversationAsync(conversationId, cancellationToken) is null) return DirectLineResults.NotFound();
        // A polling client (no WebSocket) shows it is still there with each GET.
        presence.Seen(ChannelIds.DirectLine, conversationId);
        if (!Watermark.TryParse(watermark, out var after)) return BadWatermark();

        var page = await conversations.ReadAfterAsync(conversationId, after, options.Value.MaxActivitiesPerGet, cancellationToken);
        var last = page.Count > 0 ? page[^1].Seq : after;
        return DirectLineResults.Json(new ActivitySet(page.Select(p => p.Activity).ToList(), Watermark.Format(last)), DirectLineJsonContext.Default.ActivitySet);
    }

    private static async Task<IResult> PostActivityAsync(
        HttpContext http, string conversationId, DirectLineTokens tokens, DirectLineStore store, ActivityReader reader,
        DirectLineConversations conversations, TurnPipeline pipeline, IVisitorPresence presence, IOptions<HelplineOptions> helpline,
        IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var caller = await tokens.ValidateAsync(http.Request.Headers.Authorization);
        if (!caller.MayUse(conversationId)) return Refused(http, caller, conversationId);
        // Token callers carry their user id, so a conversation in use is found without touching storage.
        if (!await conversations.ExistsAsync(conversationId, cancellationToken)) return DirectLineResults.NotFound();
        presence.Seen(ChannelIds.DirectLine, conversationId);
        var userId = caller.UserId ?? (await store.FindConversationAsync(conversationId, cancellationToken))?.UserId;

        var read = await reader.ReadAsync(http.Request, cancellationToken);
        if (!read.IsSuccess) return DirectLineResults.Error(read.Status, "BadArgument", read.Reason!);
        var activity = read.Activity!;
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.Typing))
            return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "Only message, event and typing activities can be posted.");

        // The server is the authority on identity and addressing: the token's user, our ids and times (§5.4).
        activity.From = new ChannelAccount
        {
            Id = userId ?? activity.From?.Id ?? "user",
            Name = activity.From?.Name,
            Role = RoleTypes.User,
        };
        activity.Recipient = new ChannelAccount { Id = helpline.Value.BotId, Name = helpline.Value.Name, Role = RoleTypes.Bot };
        activity.Conversation = new ConversationAccount { Id = conversationId };
        activity.ChannelId = ChannelIds.DirectLine;
        activity.ServiceUrl = ServiceUrl(http);
        activity.Id = null;

        var appended = await conversations.AppendAsync(conversationId, activity, cancellationToken);
        if (appended.Activity is null) return DirectLineResults.NotFound();
        if (appended.IsDuplicate || activity.Type == ActivityTypes.Typing)
            return DirectLineResults.Json(new ResourceResponse(appended.Activity.Id!), DirectLineJsonContext.Default.ResourceResponse);

        // The message is stored before the bot sees it (or, with storage down, at least answered live);
        // the turn runs to its end even if the browser goes away.
        await pipeline.ProcessAsync(appended.Activity, lifetime.ApplicationStopping);
        return DirectLineResults.Json(new ResourceResponse(appended.Activity.Id!), DirectLineJsonContext.Default.ResourceResponse);
    }

    private static async Task<IResult> UploadAsync(HttpContext http, string conversationId, DirectLineTokens tokens)
    {
        var caller = await tokens.ValidateAsync(http.Request.Headers.Authorization);
        if (!caller.MayUse(conversationId)) return Refused(http, caller, conversationId);
        return DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "File upload is not supported by this helpline chat.");
    }

    private static IResult Refused(HttpContext http, DirectLineCaller caller, string? conversationId)
    {
        DirectLineLog.Refused(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DirectLineEndpoints)),
            StatusCodes.Status403Forbidden, caller.Kind.ToString(), conversationId);
        return DirectLineResults.Forbidden(caller);
    }

    private static IResult BadWatermark() =>
        DirectLineResults.Error(StatusCodes.Status400BadRequest, "BadArgument", "Watermark is not valid.");

    private static async Task<TokenParameters?> ReadTokenParametersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 or null && !request.Headers.TransferEncoding.Any()) return null;
        if (request.ContentLength > 16 * 1024) return null;
        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, DirectLineJsonContext.Default.TokenParameters, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Ids starting with dl_ are reserved for ids the server binds into a token (Web Chat refuses them otherwise).
    private static string UserIdFrom(TokenParameters? parameters) =>
        parameters?.User?.Id is { Length: > 3 and <= 64 } id && id.StartsWith("dl_", StringComparison.Ordinal) ? id : DirectLineTokens.NewUserId();

    internal static string ServiceUrl(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.PublicBaseUrl;
        var baseUrl = string.IsNullOrEmpty(configured) ? $"{http.Request.Scheme}://{http.Request.Host}" : configured;
        return baseUrl.TrimEnd('/') + "/";
    }

    private static string StreamUrl(HttpContext http, string conversationId, string token, long? watermark)
    {
        var baseUrl = new Uri(ServiceUrl(http));
        var scheme = baseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        var query = watermark is null ? "" : $"watermark={Watermark.Format(watermark.Value)}&";
        return $"{scheme}://{baseUrl.Authority}{baseUrl.AbsolutePath}v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream?{query}t={Uri.EscapeDataString(token)}";
    }
}
