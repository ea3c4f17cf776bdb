using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace HelplineBot.Hosting;

/// <summary>
/// /healthz: the process answers (liveness). /readyz: every check tagged "ready" passes (storage
/// reachable, knowledge loaded): what the App Service health check and a load balancer use.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
