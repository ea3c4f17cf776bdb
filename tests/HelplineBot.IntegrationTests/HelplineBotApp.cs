using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.IntegrationTests;

/// <summary>
/// The real bot on Kestrel at 127.0.0.1 with a random port and its own temporary data folder, so
/// directlinejs, Chromium and loopback fakes talk to it over real sockets. Settings and service
/// replacements (fault injection, fake clocks) are given per instance.
/// </summary>
public sealed class HelplineBotApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="httpsCertificate">When given, the bot serves HTTPS with it (as behind App Service), for what browsers only allow on HTTPS.</param>
    public HelplineBotApp(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? dataFolder = null,
        X509Certificate2? httpsCertificate = null)
    {
        DataFolder = dataFolder ?? Directory.CreateTempSubdirectory("helplinebot-test-").FullName;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:DataFolder"] = DataFolder,
            ["Urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        _services = services;
        if (httpsCertificate is null) UseKestrel(0);
        else UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(httpsCertificate)));
        StartServer();
    }

    public string DataFolder { get; }

    /// <summary>The bot's base address on loopback, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_services is not null) builder.ConfigureServices(_services);
    }
}
