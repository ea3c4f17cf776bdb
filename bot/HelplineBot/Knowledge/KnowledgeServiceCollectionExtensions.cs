using HelplineBot.Hosting;
using HelplineBot.Knowledge.Generation;
using Microsoft.Extensions.Options;

namespace HelplineBot.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge answerer: <see cref="IAnswerer"/> for free text, <see cref="ITopicSource"/> for flows,
    /// options "Knowledge" and "AzureOpenAI" validated at start, knowledge loaded at start.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<HelplineOptions>();
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KnowledgeBase>();
        services.AddSingleton<ITopicSource>(provider => provider.GetRequiredService<KnowledgeBase>());
        services.AddSingleton<AnswerReplies>();
        services.AddAzureOpenAIOptions();
        services.AddSingleton<IAnswerGenerator>(provider =>
            provider.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value.IsConfigured
                ? ActivatorUtilities.CreateInstance<AzureOpenAIAnswerGenerator>(provider)
                : new NoAnswerGenerator());
        services.AddSingleton<IAnswerer, KnowledgeAnswerer>();
        services.AddHostedService<KnowledgeStartup>();
        return services;
    }
}
