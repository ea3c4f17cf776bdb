using HelplineBot.Handoff;

namespace HelplineBot.Channels.Teams.Alerts;

public static class TeamsAlertsExtensions
{
    /// <summary>Advisor alerts in a Teams channel (off unless TeamsAlerts:Enabled). Needs AddProtocol and AddHandoff.</summary>
    public static IServiceCollection AddTeamsAlerts(this IServiceCollection services)
    {
        services.AddOptions<TeamsAlertsOptions>().BindConfiguration(TeamsAlertsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TeamsAlertQueue>();
        services.AddSingleton<IHandoffListener, TeamsAlertListener>();
        services.AddSingleton<TeamsAlertPoster>();
        services.AddHostedService(provider => provider.GetRequiredService<TeamsAlertPoster>());
        return services;
    }
}
