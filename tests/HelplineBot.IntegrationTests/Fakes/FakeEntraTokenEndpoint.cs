using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using HelplineBot.IntegrationTests.Support;
using Microsoft.Extensions.Logging;

namespace HelplineBot.IntegrationTests.Fakes;

/// <summary>
/// A loopback Entra token endpoint for MSAL's client-credentials call
/// (POST /{tenant}/oauth2/v2.0/token): records who asked and hands out numbered bot tokens. MSAL only
/// talks HTTPS, so the fake serves HTTPS with a self-signed certificate that only
/// <see cref="CreateTrustingHandler"/> accepts.
/// </summary>
public sealed class FakeEntraTokenEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TokenRequest> _requests = new();
    private int _issued;

    private readonly X509Certificate2 _certificate;

    private FakeEntraTokenEndpoint(WebApplication app, X509Certificate2 certificate) => (_app, _certificate) = (app, certificate);

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<TokenRequest> Requests => _requests.ToArray();

    public static async Task<FakeEntraTokenEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var certificate = LoopbackCertificate.Create();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var fake = new FakeEntraTokenEndpoint(app, certificate);
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            fake._requests.Enqueue(new TokenRequest(tenant, form["grant_type"].ToString(), form["client_id"].ToString(),
                form["client_secret"].ToString(), form["scope"].ToString()));
            var number = Interlocked.Increment(ref fake._issued);
            return Results.Json(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = $"bot-token-{number}",
            });
        });
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(10));
        fake.BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>A handler for the bot's token HttpClient that trusts this fake's certificate and nothing else self-signed.</summary>
    public HttpMessageHandler CreateTrustingHandler() => new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || certificate?.GetCertHashString() == _certificate.GetCertHashString(),
        },
    };

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    public sealed record TokenRequest(string Tenant, string GrantType, string ClientId, string ClientSecret, string Scope);
}
