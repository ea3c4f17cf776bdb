using HelplineBot.Hosting;
using HelplineBot.Storage;

namespace HelplineBot.Channels.DirectLine;

public static class DirectLineExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section).ValidateDataAnnotations()
            // App Service passes an unresolved Key Vault reference through as its literal text: that public
            // string must never become the secret every conversation token is signed with.
            .Validate(o => !KeyVaultReference.IsUnresolved(o.Secret),
                "DirectLine:Secret is an unresolved Key Vault reference; check the web app's access to the vault.")
            .ValidateOnStart();
        services.AddSingleton<DirectLineSecret>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineStore>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineConversationStart>();
        services.AddSingleton<IVisitorPresence, DirectLinePresence>();
        services.AddSingleton<IChannelSender, DirectLineSender>();
        services.AddSingleton<IExpiringRecords, ExpiredDirectLineConversations>();
        return services;
    }
}
