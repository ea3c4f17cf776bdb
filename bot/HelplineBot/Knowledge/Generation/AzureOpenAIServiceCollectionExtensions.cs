using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HelplineBot.Knowledge.Generation;

public static class AzureOpenAIServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the "AzureOpenAI" section once, however many features use it (knowledge answers,
    /// the safety screen's second opinion).
    /// </summary>
    public static IServiceCollection AddAzureOpenAIOptions(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(AzureOpenAIOptionsRegistered))) return services;
        services.AddSingleton<AzureOpenAIOptionsRegistered>();
        services.AddOptions<AzureOpenAIOptions>().BindConfiguration(AzureOpenAIOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    private sealed class AzureOpenAIOptionsRegistered;
}
