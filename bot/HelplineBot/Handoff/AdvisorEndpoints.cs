using HelplineBot.Handoff.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

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
        if (app.ServiceProvider.GetRequiredService<IOptions<HandoffOptions>>().Value.UsesEntra)
        {
            app.MapGet(AdvisorAuthentication.SignInPath, (HttpContext http) =>
                SignInPages.Entra(http.Request.Query.ContainsKey("failed"), http.Request.Query.ContainsKey("unavailable")));
            app.MapGet(EntraSignIn.StartPath, EntraSignIn.StartAsync);
        }
        else
        {
            app.MapGet(AdvisorAuthentication.SignInPath, (HttpContext http, IAntiforgery antiforgery) => SignInPages.Password(http, antiforgery, null, StatusCodes.Status200OK));
            app.MapPost(AdvisorAuthentication.SignInPath, SignInAsync).RequireRateLimiting(SignInRateLimit);
        }

        var console = app.MapGroup("/advisor").RequireAuthorization(AdvisorAuthentication.AdvisorPolicy);
        console.MapGet("/", ConsolePage);
        console.MapPost("/signout", SignOutAsync);
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
            return SignInPages.Password(http, antiforgery, "Enter your user name and password.", StatusCodes.Status400BadRequest);
        var outcome = await accounts.SignInAsync(userName, password, cancellationToken);
        if (outcome.Status != SignInStatus.SignedIn)
        {
            HandoffLog.SignInFailed(logger, outcome.Status.ToString());
            var message = outcome.Status == SignInStatus.LockedOut
                ? "Too many failed attempts: this account is locked for a while. Ask a supervisor if you need in now."
                : "That user name and password do not match.";
            return SignInPages.Password(http, antiforgery, message, StatusCodes.Status401Unauthorized);
        }
        await AdvisorAuthentication.SignInAsync(http, outcome.Account!);
        HandoffLog.SignedIn(logger, outcome.Account!.Id);
        return TypedResults.Redirect("/advisor/");
    }

    private static async Task SignOutAsync(HttpContext http, IOptions<HandoffOptions> options)
    {
        if (options.Value.UsesEntra)
        {
            await EntraSignIn.SignOutAsync(http);
            return;
        }
        await http.SignOutAsync(AdvisorAuthentication.Scheme);
        http.Response.Redirect(AdvisorAuthentication.SignInPath);
    }
}

/// <summary>Who is signed in, and the antiforgery token the console puts in its sign-out form.</summary>
public sealed record ConsoleSession(AdvisorIdentity Me, string AntiforgeryToken);
