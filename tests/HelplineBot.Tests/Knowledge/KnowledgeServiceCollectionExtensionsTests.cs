using HelplineBot.Knowledge;
using HelplineBot.Knowledge.Generation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelplineBot.Tests.Knowledge;

public class KnowledgeServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddKnowledge_NoAzureOpenAI_AnswersExtractively()
    {
        await using var provider = Build([]);

        var answer = await provider.GetRequiredService<IAnswerer>().AskAsync("what is detox");

        Assert.False(provider.GetRequiredService<IAnswerGenerator>().IsConfigured);
        Assert.Same(provider.GetRequiredService<KnowledgeBase>(), provider.GetRequiredService<ITopicSource>());
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
    }

    [Fact]
    public async Task AddKnowledge_AzureOpenAIConfigured_UsesGenerator()
    {
        await using var provider = Build(new()
        {
            ["AzureOpenAI:Endpoint"] = "https://example.openai.azure.com/",
            ["AzureOpenAI:Deployment"] = "chat",
            ["AzureOpenAI:ApiKey"] = "key",
        });

        Assert.IsType<AzureOpenAIAnswerGenerator>(provider.GetRequiredService<IAnswerGenerator>());
    }

    [Fact]
    public async Task AddKnowledge_EndpointWithoutDeployment_FailsValidation()
    {
        await using var provider = Build(new() { ["AzureOpenAI:Endpoint"] = "https://example.openai.azure.com/" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Knowledge:Folder"] = TestKnowledge.Folder;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddKnowledge();
        return services.BuildServiceProvider();
    }
}
