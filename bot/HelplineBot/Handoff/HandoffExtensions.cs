using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using System.Text.Json;
using System.Text.Json.Serialization;
using HelplineBot.Dialogs.Seams;
using HelplineBot.Handoff.Accounts;
using HelplineBot.Storage;
using HelplineBot.Storage.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HelplineBot.Handoff;

public static class HandoffExtensions
{
    /// <summary>The queue, relay, console hub, advisor sign-in and the waiting updates.</summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HandoffStore>();
        services.AddSingleton<HandoffRecords>();
        services.AddSingleton<AdvisorPresence>();
        services.AddSingleton<OpeningHours>();
        services.AddSingleton<HandoffMessages>();
        foreach (var message in HandoffMessages.Required) services.AddSingleton(message);
        services.AddSingleton<HandoffEvents>();
        services.AddSingleton<AdvisorBroadcaster>();
        services.AddSingleton<IHandoffListener>(sp => sp.GetRequiredService<AdvisorBroadcaster>());
        services.AddSingleton<EarlierTranscript>();
        services.AddSingleton<ChannelHubHandoff>();
        services.AddSingleton<HandoffQueue>();
        services.AddSingleton<HandoffStatusEvents>();
        services.AddSingleton<HandoffRelay>();
        services.AddSingleton<VisitorDirectory>();
        // The dialogs' request for a person goes to the live queue, whichever of AddDialogs/AddHandoff runs first.
        services.Replace(ServiceDescriptor.Singleton<IHandoffRequests, QueuedHandoffRequests>());
        // The dialogs' call back requests also go to the queue in the callback state, so advisors see them.
        services.Replace(ServiceDescriptor.Singleton<IAdvisorRequestStore>(sp => new QueuedCallbackRequests(
            ActivatorUtilities.CreateInstance<SqliteAdvisorRequestStore>(sp), sp.GetRequiredService<HandoffStore>(),
            sp.GetRequiredService<HandoffEvents>(), sp.GetRequiredService<VisitorDirectory>(), sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<CannedResponses>();
        services.AddSingleton<AdvisorAccounts>();
        services.AddHostedService<WaitingUpdates>();
        services.AddHostedService<AbsentVisitors>();
        services.AddSingleton<IExpiringRecords, ExpiredHandoffs>();
        services.AddSingleton<IOpenConversations, OpenHandoffConversations>();

        services.AddSignalR(hub => hub.MaximumReceiveMessageSize = 16 * 1024)
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        // The sign-in method decides which schemes exist, so it is read here rather than through the options.
        var authentication = services.AddAuthentication();
        if (configuration.GetSection(HandoffOptions.Section)[nameof(HandoffOptions.SignIn)] == "Entra")
            EntraSignIn.Add(authentication, configuration);
        else
            authentication.AddCookie(AdvisorAuthentication.Scheme, _ => { });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(AdvisorAuthentication.Scheme)
            .Configure<IOptions<HandoffOptions>>((cookie, handoff) => AdvisorAuthentication.ConfigureCookie(cookie, handoff.Value));
        services.AddAuthorizationBuilder()
            .AddPolicy(AdvisorAuthentication.AdvisorPolicy, policy => policy.AddAuthenticationSchemes(AdvisorAuthentication.Scheme)
                .RequireAuthenticatedUser().RequireRole(AdvisorRoles.Advisor, AdvisorRoles.Supervisor))
            .AddPolicy(AdvisorAuthentication.SupervisorPolicy, policy => policy.AddAuthenticationSchemes(AdvisorAuthentication.Scheme)
                .RequireAuthenticatedUser().RequireRole(AdvisorRoles.Supervisor));
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(AdvisorEndpoints.SignInRateLimit, http =>
            RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        // Sign-in cookies and antiforgery tokens are protected with keys kept in the data folder, so a restart
        // does not sign every advisor out mid-chat. (Several instances need a shared key ring instead.)
        services.AddDataProtection().SetApplicationName("HelplineBot");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory>((keys, storage, loggers) =>
            keys.XmlRepository = new FileSystemXmlRepository(
                Directory.CreateDirectory(Path.Combine(storage.Value.DataFolderFullPath, "keys")), loggers));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "helpline-advisor-af";
            antiforgery.Cookie.Path = "/advisor";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    /// <summary>
    /// Sign-in, antiforgery, and a gate in front of the static files: nothing under /advisor (the console's
    /// scripts included) is served without an advisor sign-in. Call before the static files are mapped.
    /// </summary>
    public static WebApplication UseAdvisorConsole(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.Use(async (http, next) =>
        {
            var path = http.Request.Path;
            if (path.StartsWithSegments("/advisor", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments(AdvisorAuthentication.SignInPath, StringComparison.OrdinalIgnoreCase))
            {
                var result = await http.AuthenticateAsync(AdvisorAuthentication.Scheme);
                if (!result.Succeeded)
                {
                    if (AdvisorAuthentication.IsMachinePath(path)) http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    else http.Response.Redirect(AdvisorAuthentication.SignInPath);
                    return;
                }
                http.User = result.Principal;
            }
            await next();
        });
        app.MapAdvisorEndpoints();
        return app;
    }

    /// <summary>`advisors add …`: runs the command instead of the web app. Returns null when the arguments are not a command.</summary>
    public static async Task<int?> RunAdvisorCommandAsync(this WebApplication app, string[] args)
    {
        if (!AdvisorCommand.IsInvocation(args)) return null;
        return await AdvisorCommand.RunAsync(args, app.Services, Console.In, Console.Out, Console.Error, CancellationToken.None);
    }
}
