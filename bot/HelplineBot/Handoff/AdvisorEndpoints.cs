using System.Net;
using HelplineBot.Handoff.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HelplineBot.Handoff;

/// <summary>
/// The console's HTTP surface: sign-in (form with antiforgery), sign-out, the console page and its small
/// API. Everything except the sign-in page needs an advisor sign-in.
/// </summary>
public static class AdvisorEndpoints
{
    /// <summary>Rate limit policy on sign-in posts, per client address (the lockout protects each account).</summary>
    public const string SignInRateLimit = "advisor-signin";

    public static IEndpointRouteBuilder MapAdvisorEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(AdvisorAuthentication.SignInPath, (HttpContext http, IAntiforgery antiforgery) => SignInPage(http, antiforgery, null, StatusCodes.Status200OK));
        app.MapPost(AdvisorAuthentication.SignInPath, SignInAsync).RequireRateLimiting(SignInRateLimit);

        var console = app.MapGroup("/advisor").RequireAuthorization(AdvisorAuthentication.AdvisorPolicy);
        console.MapGet("/", ConsolePage);
        console.MapPost("/signout", (Delegate)SignOutAsync);
        console.MapGet("/api/me", (HttpContext http, IAntiforgery antiforgery) =>
            TypedResults.Ok(new ConsoleSession(AdvisorAuthentication.Identity(http.User), antiforgery.GetAndStoreTokens(http).RequestToken ?? "")));
        console.MapGet("/api/canned", (CannedResponses canned) => TypedResults.Ok(canned.All));
        // A connection ends when its sign-in expires, so a revoked or timed-out advisor stops receiving chats.
        app.MapHub<AdvisorHub>("/advisor/hub", hub => hub.CloseOnAuthenticationExpiration = true);
        return app;
    }

    private static Results<PhysicalFileHttpResult, NotFound> ConsolePage(IWebHostEnvironment environment)
    {
        var path = Path.Combine(environment.WebRootPath, "advisor", "index.html");
        return File.Exists(path) ? TypedResults.PhysicalFile(path, "text/html; charset=utf-8") : TypedResults.NotFound();
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http, [FromForm] string? userName, [FromForm] string? password, AdvisorAccounts accounts, IAntiforgery antiforgery,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(AdvisorEndpoints));
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
            return SignInPage(http, antiforgery, "Enter your user name and password.", StatusCodes.Status400BadRequest);
        var outcome = await accounts.SignInAsync(userName, password, cancellationToken);
        if (outcome.Status != SignInStatus.SignedIn)
        {
            HandoffLog.SignInFailed(logger, outcome.Status.ToString());
            var message = outcome.Status == SignInStatus.LockedOut
                ? "Too many failed attempts: this account is locked for a while. Ask a supervisor if you need in now."
                : "That user name and password do not match.";
            return SignInPage(http, antiforgery, message, StatusCodes.Status401Unauthorized);
        }
        await AdvisorAuthentication.SignInAsync(http, outcome.Account!);
        HandoffLog.SignedIn(logger, outcome.Account!.Id);
        return TypedResults.Redirect("/advisor/");
    }

    private static async Task<RedirectHttpResult> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(AdvisorAuthentication.Scheme);
        return TypedResults.Redirect(AdvisorAuthentication.SignInPath);
    }

    private static IResult SignInPage(HttpContext http, IAntiforgery antiforgery, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var errorHtml = error is null ? "" : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";
        var page = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Advisor sign-in</title>
            <style>
              body { font: 16px/1.5 system-ui, sans-serif; background: #f4f6f8; color: #1b1f24; display: grid; place-items: center; min-height: 100vh; margin: 0; }
              form { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); width: min(22rem, 90vw); }
              label { display: block; margin-top: 1rem; font-weight: 600; }
              input { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; border: 1px solid #8a96a3; border-radius: 4px; }
              button { margin-top: 1.5rem; width: 100%; padding: .6rem; font: inherit; font-weight: 600; background: #0b5cad; color: #fff; border: 0; border-radius: 4px; }
              :focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
              .error { color: #a4000f; font-weight: 600; }
            </style></head>
            <body><main><form method="post" action="{{AdvisorAuthentication.SignInPath}}">
              <h1>Advisor sign-in</h1>
              {{errorHtml}}
              <input type="hidden" name="{{tokens.FormFieldName}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}">
              <label for="userName">User name</label>
              <input id="userName" name="userName" autocomplete="username" required autofocus>
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit">Sign in</button>
            </form></main></body></html>
            """;
        return Results.Content(page, "text/html; charset=utf-8", statusCode: status);
    }
}

/// <summary>Who is signed in, and the antiforgery token the console puts in its sign-out form.</summary>
public sealed record ConsoleSession(AdvisorIdentity Me, string AntiforgeryToken);
