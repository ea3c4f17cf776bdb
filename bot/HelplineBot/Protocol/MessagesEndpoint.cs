using HelplineBot.Hosting;
using HelplineBot.Protocol.Auth;
using HelplineBot.Protocol.Connector;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HelplineBot.Protocol;

/// <summary>
/// POST /api/messages, the bot's messaging endpoint (protocol.md §2): read one activity, authenticate the
/// channel, run the turn, and answer 200, the invoke response, or the buffered replies (expectReplies).
/// </summary>
public sealed class MessagesEndpoint(
    ActivityReader reader,
    ChannelTokenValidator validator,
    TurnPipeline pipeline,
    TrustedServiceUrls trusted,
    IOptions<BotAuthOptions> bot,
    IHostApplicationLifetime lifetime,
    ILogger<MessagesEndpoint> logger)
{
    public const string Route = "/api/messages";

    public async Task<Results<Ok, JsonHttpResult<ExpectedReplies>, JsonHttpResult<System.Text.Json.JsonElement>, StatusCodeHttpResult, ProblemHttpResult>>
        HandleAsync(HttpRequest request)
    {
        var requiresAuth = !bot.Value.IsOpenDevelopmentMode;
        var authorization = request.Headers.Authorization.ToString();
        // Cheap refusal before reading a body from someone who did not even send a token.
        if (requiresAuth && !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            MessagesLog.Rejected(logger, StatusCodes.Status401Unauthorized, null, null, null);
            return Unauthorized();
        }

        var read = await reader.ReadAsync(request, request.HttpContext.RequestAborted);
        if (!read.IsSuccess)
        {
            MessagesLog.Rejected(logger, read.Status, null, null, null);
            return TypedResults.Problem(statusCode: read.Status, detail: read.Reason);
        }
        var activity = read.Activity!;

        if (requiresAuth)
        {
            var token = await validator.ValidateAsync(authorization, activity, request.HttpContext.RequestAborted);
            if (!token.IsValid) return Unauthorized();
            // callerId is never taken from the wire (A2251): it is what the token proved.
            activity.CallerId = token.CallerId;
            if (token.VouchesForServiceUrl) trusted.Trust(activity.ServiceUrl!);
        }
        else
        {
            activity.CallerId = null;
        }

        var missing = MissingField(activity);
        if (missing is not null)
        {
            MessagesLog.Rejected(logger, StatusCodes.Status400BadRequest, activity.ChannelId, activity.Conversation?.Id, activity.Id);
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: $"Activity has no {missing}.");
        }

        // The turn is not tied to the channel's HTTP request: a channel that gives up after 15 s must not
        // cut a reply to a person in half (protocol.md §2.2). Only shutdown cancels it.
        var result = await pipeline.ProcessAsync(activity, lifetime.ApplicationStopping);

        if (activity.DeliveryMode == DeliveryModes.ExpectReplies)
            return TypedResults.Json(new ExpectedReplies(result.BufferedReplies), ProtocolJsonContext.Default.ExpectedReplies);
        if (activity.Type == ActivityTypes.Invoke && !result.IsDuplicate)
        {
            // No handler answered: 501, as the SDK does (protocol.md §2.3).
            if (result.InvokeResponse is not { } invoke) return TypedResults.StatusCode(StatusCodes.Status501NotImplemented);
            return invoke.Body is { } body
                ? TypedResults.Json(body, ProtocolJsonContext.Default.JsonElement, statusCode: invoke.Status)
                : TypedResults.StatusCode(invoke.Status);
        }
        // Every other type, known or not (A2006), is acknowledged once the turn is done.
        return TypedResults.Ok();
    }

    // protocol.md §1.2: a channel must send these; without them there is nobody to answer.
    private static string? MissingField(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.Conversation?.Id)) return "conversation.id";
        if (string.IsNullOrEmpty(activity.ChannelId)) return "channelId";
        if (string.IsNullOrEmpty(activity.ServiceUrl)) return "serviceUrl";
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "valid serviceUrl";
        }
        if (string.IsNullOrEmpty(activity.From?.Id)) return "from.id";
        return null;
    }

    // Same answer for every authentication failure: the caller learns nothing about why.
    private static ProblemHttpResult Unauthorized() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized);
}
