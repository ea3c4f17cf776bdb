using HelplineBot.Safety;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HelplineBot.Tests.Safety;

public class SafetyServiceCollectionExtensionsTests
{
    private static IHost CreateHost(string rulesFolder)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Safety:RulesFolder"] = rulesFolder;
        builder.Configuration["Helpline:Phone"] = "555-0199";
        builder.Services.AddSafety();
        return builder.Build();
    }

    [Fact]
    public async Task AddSafety_ShippedRules_StartsAndServesScreenAndReplies()
    {
        using var host = CreateHost(SafetyRules.Folder);

        await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        try
        {
            var screen = host.Services.GetRequiredService<SafetyScreen>();
            Assert.Same(screen, host.Services.GetRequiredService<SafetyScreen>());
            var replies = host.Services.GetRequiredService<CrisisReplies>();
            Assert.Contains("555-0199", replies.StayWithUsText);
            Assert.True(screen.Screen("i want to die").IsCrisis);
        }
        finally
        {
            await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public async Task AddSafety_MissingRulesFolder_StopsTheStartNamingTheFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "no-such-safety-folder-" + Guid.NewGuid().ToString("N"));
        using var host = CreateHost(folder);

        var ex = await Assert.ThrowsAsync<SafetyRulesException>(() => host.StartAsync().WaitAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(folder, ex.File);
    }

    [Fact]
    public void SafetyOptions_RelativeFolder_IsResolvedNextToTheBinary()
    {
        var options = new SafetyOptions();

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "knowledge", "safety"), options.RulesFolderFullPath);
        Assert.True(Directory.Exists(options.RulesFolderFullPath));
    }
}
