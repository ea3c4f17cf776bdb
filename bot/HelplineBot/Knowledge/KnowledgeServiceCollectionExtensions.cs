using HelplineBot.Hosting;

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
        services.AddSingleton<IAnswerGenerator, NoAnswerGenerator>();
        services.AddSingleton<IAnswerer, KnowledgeAnswerer>();
        services.AddHostedService<KnowledgeStartup>();
        return services;
    }
}
