using HelplineBot.Channels;

namespace HelplineBot.Turns;

public static class TurnsExtensions
{
    /// <summary>The turn pipeline with <typeparamref name="THandler"/> as the conversation logic.</summary>
    public static IServiceCollection AddTurns<THandler>(this IServiceCollection services)
        where THandler : class, ITurnHandler
    {
        services.AddSingleton<DuplicateFilter>(_ => new DuplicateFilter());
        services.AddSingleton<ConversationGate>();
        services.AddSingleton<ChannelSenders>();
        services.AddSingleton<ITurnHandler, THandler>();
        services.AddSingleton<TurnPipeline>();
        return services;
    }
}
