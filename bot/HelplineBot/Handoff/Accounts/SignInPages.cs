using System.Net;
using Microsoft.AspNetCore.Antiforgery;

namespace HelplineBot.Handoff.Accounts;

/// <summary>The console's sign-in page: a password form for local accounts, a single button for Entra.</summary>
public static class SignInPages
{
    public static IResult Password(HttpContext http, IAntiforgery antiforgery, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return Page(status, error, $"""
            <form method="post" action="{AdvisorAuthentication.SignInPath}">
              <h1>Advisor sign-in</h1>
              {ErrorHtml(error)}
              <input type="hidden" name="{tokens.FormFieldName}" value="{WebUtility.HtmlEncode(tokens.RequestToken)}">
              <label for="userName">User name</label>
              <input id="userName" name="userName" autocomplete="username" required autofocus>
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit">Sign in</button>
            </form>
            """);
    }

    public static IResult Entra(bool failed, bool unavailable)
    {
        var error = unavailable ? "Microsoft sign-in cannot be reached just now. Try again in a minute; if it goes on, call the on-call supervisor."
            : failed ? "Sign-in did not complete. If it keeps happening, your account may not have the advisor role yet: ask a supervisor."
            : null;
        return Page(StatusCodes.Status200OK, error, $"""
            <form method="get" action="{EntraSignIn.StartPath}">
              <h1>Advisor sign-in</h1>
              {ErrorHtml(error)}
              <p>Sign in with your helpline work account.</p>
              <button type="submit" autofocus>Sign in with Microsoft</button>
            </form>
            """);
    }

    private static string ErrorHtml(string? error) =>
        error is null ? "" : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";

    private static IResult Page(int status, string? error, string form)
    {
        var title = error is null ? "Advisor sign-in" : "Advisor sign-in: try again";
        var page = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}}</title>
            <style>
              body { font: 16px/1.5 system-ui, sans-serif; background: #f4f6f8; color: #1b1f24; display: grid; place-items: center; min-height: 100vh; margin: 0; }
              form { background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); width: min(22rem, 90vw); }
              label { display: block; margin-top: 1rem; font-weight: 600; }
              input { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; border: 1px solid #8a96a3; border-radius: 4px; }
              button { margin-top: 1.5rem; width: 100%; padding: .6rem; font: inherit; font-weight: 600; background: #0b5cad; color: #fff; border: 0; border-radius: 4px; }
              :focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
              .error { color: #a4000f; font-weight: 600; }
            </style></head>
            <body><main>{{form}}</main></body></html>
            """;
        return Results.Content(page, "text/html; charset=utf-8", statusCode: status);
    }
}
