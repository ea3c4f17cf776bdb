using System.Net;

namespace HelplineBot.IntegrationTests.Hosting;

public class HealthTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Healthz_and_Readyz_AreHealthy_WhenStorageIsReachable()
    {
        await using var app = new HelplineBotApp();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using var alive = await http.GetAsync("/healthz").WaitAsync(Timeout);
        using var ready = await http.GetAsync("/readyz").WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Readyz_IsUnavailable_WhenTheDatabaseFileIsGone()
    {
        await using var app = new HelplineBotApp();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(app.DataFolder, "helplinebot.db*")) File.Delete(file);
        Directory.Delete(app.DataFolder, recursive: true);
        File.WriteAllText(app.DataFolder, "not a folder");

        using var ready = await http.GetAsync("/readyz").WaitAsync(Timeout);
        using var alive = await http.GetAsync("/healthz").WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        File.Delete(app.DataFolder);
    }
}
