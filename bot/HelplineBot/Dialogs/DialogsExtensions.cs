using HelplineBot.Dialogs.Actions;
using HelplineBot.Dialogs.Engine;
using HelplineBot.Dialogs.Engine.Prompts;
using HelplineBot.Dialogs.Flows;
using HelplineBot.Dialogs.Seams;
using HelplineBot.Hosting;
using HelplineBot.Knowledge;
using HelplineBot.Storage;
using HelplineBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HelplineBot.Dialogs;

public static class DialogsExtensions
{
    /// <summary>
    /// The dialog engine, the flows (loaded and validated at start), the conversation state store and the
    /// default seams: free text → menu, a request for a person → recorded for advisors. Register a real
    /// IFreeTextAnswerer / IHandoffRequests / ITopicSource / IDialogInterrupter to replace or extend them.
    /// </summary>
    public static IServiceCollection AddDialogs(this IServiceCollection services)
    {
        services.AddOptions<DialogsOptions>().BindConfiguration(DialogsOptions.Section).ValidateDataAnnotations()
            .Validate(o => PhonePrompt.IsKnownRegion(o.PhoneRegion), "Dialogs:PhoneRegion is not a region libphonenumber knows.")
            .Validate(o => Directory.Exists(o.KnowledgeFolderFullPath), "Dialogs:KnowledgeFolder does not exist.")
            .ValidateOnStart();

        services.TryAddSingleton<IConversationStateStore, SqliteConversationStateStore>();
        services.TryAddSingleton<IAdvisorRequestStore, SqliteAdvisorRequestStore>();
        services.TryAddSingleton<IFreeTextAnswerer, MenuOnlyAnswerer>();
        services.TryAddSingleton<IHandoffRequests, RecordedHandoffRequests>();

        services.AddSingleton<IFlowAction, RequestAdvisorAction>();
        services.AddSingleton<IFlowAction, StoreCallbackAction>();
        services.AddSingleton<IFlowAction, SelfCheckResultAction>();
        services.AddSingleton<IFlowAction, RecordFeedbackAction>();

        services.AddSingleton<FlowCatalog>();
        services.AddSingleton(sp => new DialogServices(
            sp.GetRequiredService<IOptions<DialogsOptions>>().Value,
            sp.GetRequiredService<IOptions<HelplineOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IFreeTextAnswerer>(),
            sp.GetRequiredService<IHandoffRequests>(),
            sp.GetService<ITopicSource>(),
            sp.GetServices<IFlowAction>().ToDictionary(a => a.Name, StringComparer.Ordinal),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("HelplineBot.Dialogs")));
        services.AddSingleton<DialogEngine>();
        services.AddHostedService<DialogsStartup>();
        return services;
    }
}

/// <summary>Loads and validates the flows before traffic (a broken file stops the start) and, if asked, watches them.</summary>
internal sealed class DialogsStartup(FlowCatalog flows, IOptions<DialogsOptions> options, IHostEnvironment environment) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        flows.Load();
        if (options.Value.ReloadOnChange || environment.IsDevelopment()) flows.WatchForChanges();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
