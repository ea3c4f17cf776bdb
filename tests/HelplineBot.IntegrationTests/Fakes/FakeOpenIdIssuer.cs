using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HelplineBot.IntegrationTests.Fakes;

/// <summary>
/// A loopback stand-in for login.botframework.com: serves OpenID metadata and a JWKS whose keys carry
/// Bot Framework "endorsements", with RSA keys the test creates, and mints channel tokens signed by them.
/// Keys can be created unpublished and published later to play a key rotation.
/// </summary>
public sealed class FakeOpenIdIssuer : IAsyncDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, SigningKey> _keys = new(StringComparer.Ordinal);
    private int _jwksRequests;

    private FakeOpenIdIssuer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public string MetadataUrl => new Uri(BaseAddress, "v1/.well-known/openidconfiguration").AbsoluteUri;

    /// <summary>How many times the key set was downloaded.</summary>
    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    public static async Task<FakeOpenIdIssuer> StartAsync(string issuer = BotFrameworkIssuer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeOpenIdIssuer(app);
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Text(new JsonObject
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = "https://invalid.example/authorize",
            ["jwks_uri"] = new Uri(fake.BaseAddress, "v1/.well-known/keys").AbsoluteUri,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }.ToJsonString(), "application/json"));
        app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref fake._jwksRequests);
            return Results.Text(fake.Jwks(), "application/json");
        });
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(10));
        fake.BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Creates a key; published keys appear in the JWKS with these endorsements (null: no endorsements array).</summary>
    public string AddKey(string[]? endorsements, bool published = true)
    {
        var kid = "key-" + Guid.NewGuid().ToString("N")[..12];
        _keys[kid] = new SigningKey(new RsaSecurityKey(RSA.Create(2048)) { KeyId = kid }, endorsements, published);
        return kid;
    }

    public void Publish(string kid) => _keys[kid] = _keys[kid] with { Published = true };

    /// <summary>A channel token as Azure Bot Service sends it, signed with <paramref name="kid"/>.</summary>
    public string CreateToken(
        string kid,
        string audience,
        string? serviceUrl,
        DateTimeOffset now,
        string issuer = BotFrameworkIssuer,
        TimeSpan? notBeforeOffset = null,
        TimeSpan? expiresOffset = null,
        string algorithm = SecurityAlgorithms.RsaSha256,
        IDictionary<string, object>? extraClaims = null)
    {
        var claims = new Dictionary<string, object>(extraClaims ?? new Dictionary<string, object>());
        if (serviceUrl is not null) claims["serviceurl"] = serviceUrl;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = (now + (notBeforeOffset ?? TimeSpan.FromMinutes(-1))).UtcDateTime,
            Expires = (now + (expiresOffset ?? TimeSpan.FromHours(1))).UtcDateTime,
            IssuedAt = now.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(_keys[kid].Key, algorithm),
        });
    }

    /// <summary>A token signed by a different private key that claims to be <paramref name="kid"/>.</summary>
    public static string CreateForgedToken(string kid, string audience, string serviceUrl, DateTimeOffset now)
    {
        var impostor = new RsaSecurityKey(RSA.Create(2048)) { KeyId = kid };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = BotFrameworkIssuer,
            Audience = audience,
            NotBefore = now.AddMinutes(-1).UtcDateTime,
            Expires = now.AddHours(1).UtcDateTime,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(impostor, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>An unsigned token ("alg":"none") naming a published key.</summary>
    public static string CreateUnsignedToken(string kid, string audience, string serviceUrl, DateTimeOffset now) =>
        Segment(new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = kid })
        + "." + Segment(Payload(audience, serviceUrl, now)) + ".";

    /// <summary>An HS256 token whose shared secret is the published key's modulus (the classic key-confusion attack).</summary>
    public string CreateHmacToken(string kid, string audience, string serviceUrl, DateTimeOffset now)
    {
        var secret = ((RsaSecurityKey)_keys[kid].Key).Rsa.ExportParameters(false).Modulus!;
        var signingInput = Segment(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = kid })
            + "." + Segment(Payload(audience, serviceUrl, now));
        var signature = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static JsonObject Payload(string audience, string serviceUrl, DateTimeOffset now) => new()
    {
        ["iss"] = BotFrameworkIssuer,
        ["aud"] = audience,
        ["serviceurl"] = serviceUrl,
        ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
        ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
    };

    private static string Segment(JsonObject json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private string Jwks()
    {
        var keys = new JsonArray();
        foreach (var (kid, key) in _keys.Where(entry => entry.Value.Published))
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey((RsaSecurityKey)key.Key);
            var json = new JsonObject { ["kty"] = "RSA", ["use"] = "sig", ["kid"] = kid, ["n"] = jwk.N, ["e"] = jwk.E };
            if (key.Endorsements is not null) json["endorsements"] = new JsonArray(key.Endorsements.Select(channel => (JsonNode)channel).ToArray());
            keys.Add(json);
        }
        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }

    private sealed record SigningKey(SecurityKey Key, string[]? Endorsements, bool Published);
}
