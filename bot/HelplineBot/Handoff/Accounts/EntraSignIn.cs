using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HelplineBot.Handoff.Accounts;

/// <summary>
/// Advisors sign in with Microsoft Entra ID (Handoff:SignIn = "Entra"): OpenID Connect through
/// Microsoft.Identity.Web, authorization code with PKCE redeemed with the app's client secret. The result is the
/// same advisor cookie a local account gets, so the console, its API and its hub are gated the same way.
/// </summary>
public static class EntraSignIn
{
    public const string Scheme = "AdvisorEntra";
    public const string StartPath = AdvisorAuthentication.SignInPath + "/entra";
    public const string CallbackPath = "/advisor/signin-oidc";
    public const string SignedOutCallbackPath = "/advisor/signout-oidc";

    public static void Add(AuthenticationBuilder authentication, IConfiguration configuration)
    {
        authentication.Services.AddOptions<EntraSettings>().BindConfiguration(EntraSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        authentication.AddMicrosoftIdentityWebApp(
            identity =>
            {
                configuration.GetSection(EntraSettings.Section).Bind(identity);
                if (string.IsNullOrWhiteSpace(identity.Instance)) identity.Instance = EntraSettings.DefaultInstance;
                identity.CallbackPath = CallbackPath;
                identity.SignedOutCallbackPath = SignedOutCallbackPath;
            },
            configureCookieAuthenticationOptions: null,
            openIdConnectScheme: Scheme,
            cookieScheme: AdvisorAuthentication.Scheme);

        // Set on the handler's options after Identity.Web has filled them (it copies only some settings across).
        authentication.Services.AddOptions<OpenIdConnectOptions>(Scheme)
            .Configure(oidc =>
            {
                oidc.CallbackPath = CallbackPath;
                oidc.SignedOutCallbackPath = SignedOutCallbackPath;
                // Identity.Web pins these cookies to its default callback path; they must reach ours.
                oidc.CorrelationCookie.Path = CallbackPath;
                oidc.NonceCookie.Path = CallbackPath;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
                oidc.SaveTokens = false;
                oidc.MapInboundClaims = false;
                // One tenant only (EntraSettings refuses common/organizations): the token's issuer must be exactly the
                // one in that tenant's own metadata, which the handler checks when no custom validator is set.
                // Identity.Web's multi-tenant validator would also fetch the metadata a second time.
                oidc.TokenValidationParameters.IssuerValidator = null;
                oidc.RequireHttpsMetadata = configuration.GetSection(EntraSettings.Section).GetValue("RequireHttpsMetadata", true);
                oidc.Events.OnTokenValidated = ToAdvisorAsync;
                oidc.Events.OnRemoteFailure = ShowFailureAsync;
            })
            // The authentication middleware builds these options on every request, the visitors' chat included:
            // a mistake in them must stop the start, not break each request afterwards.
            .ValidateOnStart();
    }

    /// <summary>Sends the advisor to Entra; when Entra cannot be reached, back to the sign-in page with a plain reason.</summary>
    public static async Task StartAsync(HttpContext http)
    {
        try
        {
            await http.ChallengeAsync(Scheme, new AuthenticationProperties { RedirectUri = "/advisor/" });
        }
        catch (InvalidOperationException exception)
        {
            HandoffLog.EntraSignInFailed(Logger(http), exception);
            http.Response.Redirect(AdvisorAuthentication.SignInPath + "?unavailable=1");
        }
    }

    /// <summary>
    /// Ends the console session, then the Entra session too, so the next person at a shared desk cannot walk
    /// back in. The console session ends even when Entra cannot be reached.
    /// </summary>
    public static async Task SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(AdvisorAuthentication.Scheme);
        try
        {
            await http.SignOutAsync(Scheme, new AuthenticationProperties { RedirectUri = AdvisorAuthentication.SignInPath });
        }
        catch (InvalidOperationException exception)
        {
            HandoffLog.EntraSignInFailed(Logger(http), exception);
            http.Response.Redirect(AdvisorAuthentication.SignInPath);
        }
    }

    private static Task ToAdvisorAsync(TokenValidatedContext context)
    {
        var logger = Logger(context.HttpContext);
        var (advisor, refusal) = EntraAdvisorClaims.ToAdvisor(context.Principal!);
        if (advisor is null)
        {
            HandoffLog.EntraSignInRefused(logger, refusal!);
            context.Fail(refusal!);
            return Task.CompletedTask;
        }
        context.Principal = advisor;
        context.Properties!.IsPersistent = false;
        HandoffLog.SignedIn(logger, AdvisorAuthentication.Identity(advisor).Id);
        return Task.CompletedTask;
    }

    // A refused or broken sign-in lands on the sign-in page with a plain message, never an exception page.
    private static Task ShowFailureAsync(RemoteFailureContext context)
    {
        HandoffLog.EntraSignInFailed(Logger(context.HttpContext), context.Failure);
        context.HandleResponse();
        context.Response.Redirect(AdvisorAuthentication.SignInPath + "?failed=1");
        return Task.CompletedTask;
    }

    private static ILogger Logger(HttpContext http) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EntraSignIn));
}
