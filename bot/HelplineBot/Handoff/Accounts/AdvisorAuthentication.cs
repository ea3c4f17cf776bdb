using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HelplineBot.Handoff.Accounts;

/// <summary>
/// The advisors' cookie sign-in. Console pages redirect to the sign-in page; the console's API and hub
/// answer 401 instead, so scripts and SignalR see a refusal, not an HTML page.
/// </summary>
public static class AdvisorAuthentication
{
    public const string Scheme = "Advisor";
    public const string AdvisorPolicy = "advisor";
    public const string SupervisorPolicy = "supervisor";
    public const string SignInPath = "/advisor/signin";

    public static void ConfigureCookie(CookieAuthenticationOptions cookie, HandoffOptions options)
    {
        cookie.Cookie.Name = "helpline-advisor";
        cookie.Cookie.Path = "/advisor";
        cookie.Cookie.HttpOnly = true;
        // Entra answers with a cross-site form post, and the browser withholds a Strict cookie from the
        // redirect that follows it: the advisor would land back on the sign-in page. Lax is still never sent
        // on a cross-site POST, and every console write also needs the antiforgery token.
        cookie.Cookie.SameSite = options.UsesEntra ? SameSiteMode.Lax : SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.LoginPath = SignInPath;
        cookie.ExpireTimeSpan = options.SessionLifetime;
        cookie.SlidingExpiration = true;
        cookie.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
    }

    public static bool IsMachinePath(PathString path) =>
        path.StartsWithSegments("/advisor/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/advisor/hub", StringComparison.OrdinalIgnoreCase);

    public static ClaimsPrincipal Principal(string id, string displayName, string role) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, id),
            new Claim(ClaimTypes.Name, displayName),
            new Claim(ClaimTypes.Role, role),
        ],
        Scheme, ClaimTypes.Name, ClaimTypes.Role));

    public static AdvisorIdentity Identity(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not an advisor sign-in."),
        user.FindFirstValue(ClaimTypes.Name) ?? "Advisor",
        user.IsInRole(AdvisorRoles.Supervisor));

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsMachinePath(context.Request.Path)) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Signs the account in with the advisor cookie.</summary>
    public static Task SignInAsync(HttpContext http, AdvisorAccount account) =>
        http.SignInAsync(Scheme, Principal(account.Id, account.DisplayName, account.Role), new AuthenticationProperties { IsPersistent = false });
}
