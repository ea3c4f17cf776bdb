namespace HelplineBot.Channels.DirectLine;

public static class DirectLineExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DirectLineSecret>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineStore>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineConversationStart>();
        services.AddSingleton<IChannelSender, DirectLineSender>();
        return services;
    }
}
