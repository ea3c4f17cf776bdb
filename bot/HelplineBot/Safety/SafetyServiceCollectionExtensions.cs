using HelplineBot.Hosting;
using HelplineBot.Knowledge.Generation;
using Microsoft.Extensions.Options;

namespace HelplineBot.Safety;

public static class SafetyServiceCollectionExtensions
{
    /// <summary>
    /// The safety screen (rules loaded and compiled once, at start: a broken rule file stops the start with
    /// its name and problem), the crisis replies and the optional second opinion (Azure OpenAI, when configured). Needs the "Helpline" options for the helpline's number.
    /// </summary>
    public static IServiceCollection AddSafety(this IServiceCollection services)
    {
        services.AddOptions<SafetyOptions>().BindConfiguration(SafetyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HelplineOptions>().BindConfiguration(HelplineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SafetyOptions>>().Value;
            var rules = RuleSet.Load(options.RulesFolderFullPath, options.NegationWindow, options.MinimumConfidence);
            SafetyLog.RulesLoaded(sp.GetRequiredService<ILogger<SafetyScreen>>(), rules.RuleCount, rules.GuardCount);
            return rules;
        });
        services.AddSingleton<SafetyScreen>();
        services.AddSingleton<CrisisReplies>();
        services.AddAzureOpenAIOptions();
        services.AddSingleton<ISafetySecondOpinion>(sp =>
        {
            var enabled = sp.GetRequiredService<IOptions<SafetyOptions>>().Value.SecondOpinion
                && sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value.IsConfigured;
            SafetyLog.SecondOpinionMode(sp.GetRequiredService<ILogger<SafetyScreen>>(), enabled ? "on" : "off");
            return enabled ? ActivatorUtilities.CreateInstance<AzureOpenAISafetySecondOpinion>(sp) : new NoSecondOpinion();
        });
        services.AddHostedService<SafetyStartup>();
        return services;
    }

    /// <summary>The screen as the first step of every turn, and its verdict as the dialogs' interruption.</summary>
    public static IServiceCollection AddSafetyScreening(this IServiceCollection services)
    {
        services.AddSafety();
        services.AddSingleton<Turns.ITurnScreen, SafetyTurnScreen>();
        services.AddSingleton<Dialogs.Engine.IDialogInterrupter, SafetyInterrupter>();
        return services;
    }
}

/// <summary>Loads the rules while the app starts, so a broken file stops the start instead of the first visitor's turn.</summary>
internal sealed class SafetyStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<SafetyScreen>();
        services.GetRequiredService<CrisisReplies>();
        services.GetRequiredService<ISafetySecondOpinion>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
