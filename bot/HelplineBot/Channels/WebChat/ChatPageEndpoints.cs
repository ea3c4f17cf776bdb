using System.Net;
using System.Threading.RateLimiting;
using HelplineBot.Channels.DirectLine;
using HelplineBot.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HelplineBot.Channels.WebChat;

/// <summary>
/// The website chat: the page with Web Chat (served from our own files, no CDN) and the endpoint that
/// gives the page a Direct Line token for a new conversation, so the secret never reaches a browser.
/// </summary>
public static class ChatPageEndpoints
{
    private const string TokenRateLimit = "chat-token";

    public static IServiceCollection AddChatPage(this IServiceCollection services)
    {
        // A token starts a conversation: limit how fast one address can open them.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(TokenRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 30, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    public static WebApplication MapChatPage(this WebApplication app)
    {
        app.UseRateLimiter();
        app.Use(async (http, next) =>
        {
            ChatPageHeaders.Apply(http.Response);
            await next();
        });
        app.MapGet("/", ServePage);
        app.MapGet("/index.html", ServePage);
        app.MapGet("/favicon.ico", () => Results.NoContent()); // browsers ask; a 404 would only add noise to logs
        app.UseStaticFiles();
        app.MapPost("/api/chat/token", IssueTokenAsync).RequireRateLimiting(TokenRateLimit);
        return app;
    }

    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(ChatPageEndpoints).Assembly.GetManifestResourceStream("HelplineBot.Channels.WebChat.ChatPage.html")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static IResult ServePage(IOptions<HelplineOptions> helpline)
    {
        var options = helpline.Value;
        var page = Template.Value
            .Replace("{{helplineName}}", WebUtility.HtmlEncode(options.Name), StringComparison.Ordinal)
            .Replace("{{helplinePhone}}", WebUtility.HtmlEncode(options.Phone), StringComparison.Ordinal)
            .Replace("{{helplinePhoneDigits}}", new string(options.Phone.Where(char.IsDigit).ToArray()), StringComparison.Ordinal)
            .Replace("{{helplineHours}}", WebUtility.HtmlEncode(options.Hours), StringComparison.Ordinal);
        return Results.Content(page, "text/html; charset=utf-8");
    }

    private static async Task<IResult> IssueTokenAsync(DirectLineTokens tokens, DirectLineStore store, CancellationToken cancellationToken)
    {
        var conversationId = DirectLineTokens.NewConversationId();
        var userId = DirectLineTokens.NewUserId();
        await store.CreateConversationAsync(conversationId, userId, cancellationToken);
        return Results.Json(
            new DirectLineConversation(conversationId, tokens.Issue(conversationId, userId), tokens.LifetimeSeconds, null),
            DirectLineJsonContext.Default.DirectLineConversation);
    }
}
