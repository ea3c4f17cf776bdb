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
/// A loopback stand-in for Microsoft Entra ID's sign-in endpoints (v2.0, one tenant): OpenID metadata, keys,
/// authorize (answers at once with a form post, as Entra does for a user already signed in), token (checks the
/// client secret and the PKCE verifier) and logout. It is reached as "localhost" while the bot is 127.0.0.1,
/// so the browser sees a cross-site sign-in just like login.microsoftonline.com.
/// </summary>
public sealed class FakeEntraSignIn : IAsyncDisposable
{
    public const string ClientId = "6b1c3f0e-0d55-4c1e-9d5a-2f2d1f6f7a10";
    public const string ClientSecret = "fake-entra-client-secret-for-tests";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "fake-entra-key" };
    private readonly ConcurrentDictionary<string, Authorization> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _log = new();

    private FakeEntraSignIn(WebApplication app) => _app = app;

    public string TenantId { get; } = Guid.NewGuid().ToString();

    /// <summary>Base address with a trailing slash, as AzureAd:Instance takes it.</summary>
    public Uri Instance { get; private set; } = null!;

    public string Issuer => $"{Instance}{TenantId}/v2.0";

    /// <summary>Who the next sign-in is: the test plays the person typing their credentials at Entra.</summary>
    public EntraUser NextUser { get; set; } = new("Robin Advisor", ["advisor"]);

    /// <summary>When set, tokens are issued as this other tenant would issue them.</summary>
    public string? IssueForTenant { get; set; }

    /// <summary>What happened, in order: "authorize", "token ok", "token refused: …", "logout".</summary>
    public IReadOnlyCollection<string> Log => _log;

    /// <summary>The app settings that point the bot's advisor sign-in here.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Handoff:SignIn"] = "Entra",
        ["AzureAd:Instance"] = Instance.AbsoluteUri,
        ["AzureAd:TenantId"] = TenantId,
        ["AzureAd:ClientId"] = ClientId,
        ["AzureAd:ClientSecret"] = ClientSecret,
        ["AzureAd:RequireHttpsMetadata"] = "false",
    };

    public static async Task<FakeEntraSignIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeEntraSignIn(app);
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => fake.Metadata(tenant));
        app.MapGet("/{tenant}/discovery/v2.0/keys", () => Results.Text(fake.Jwks(), "application/json"));
        app.MapGet("/{tenant}/oauth2/v2.0/authorize", (HttpRequest request) => fake.Authorize(request));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request) => fake.Token(await request.ReadFormAsync()));
        app.MapGet("/{tenant}/oauth2/v2.0/logout", (HttpRequest request) => fake.Logout(request));
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var port = new Uri(app.Urls.Single()).Port;
        fake.Instance = new Uri($"http://localhost:{port}/");
        return fake;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private IResult Metadata(string tenant)
    {
        var root = $"{Instance}{tenant}";
        return Results.Text(new JsonObject
        {
            ["issuer"] = $"{Instance}{TenantId}/v2.0",
            ["authorization_endpoint"] = $"{root}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{root}/oauth2/v2.0/token",
            ["end_session_endpoint"] = $"{root}/oauth2/v2.0/logout",
            ["jwks_uri"] = $"{root}/discovery/v2.0/keys",
            ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token"),
            ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "client_secret_basic"),
            ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
        }.ToJsonString(), "application/json");
    }

    private IResult Authorize(HttpRequest request)
    {
        _log.Enqueue("authorize");
        var query = request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256")
            return Results.BadRequest("unexpected authorize request");
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Authorization(query["redirect_uri"].ToString(), query["nonce"].ToString(), query["code_challenge"].ToString(), NextUser);
        var fields = new Dictionary<string, string> { ["code"] = code, ["state"] = query["state"].ToString() };
        var inputs = string.Concat(fields.Select(f => $"<input type=\"hidden\" name=\"{f.Key}\" value=\"{WebUtility.HtmlEncode(f.Value)}\">"));
        var page = $"""
            <!doctype html><html><body onload="document.forms[0].submit()">
            <form method="post" action="{WebUtility.HtmlEncode(query["redirect_uri"])}">{inputs}</form></body></html>
            """;
        return Results.Content(page, "text/html");
    }

    private IResult Token(IFormCollection form)
    {
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var authorization))
            return Refuse("unknown code");
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret) return Refuse("wrong client credentials");
        if (form["redirect_uri"] != authorization.RedirectUri) return Refuse("redirect_uri differs");
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (challenge != authorization.CodeChallenge) return Refuse("PKCE verifier does not match");
        _log.Enqueue("token ok");
        return Results.Json(new { token_type = "Bearer", expires_in = 3600, id_token = IdToken(authorization), access_token = "opaque" });
    }

    private IResult Refuse(string reason)
    {
        _log.Enqueue("token refused: " + reason);
        return Results.Json(new { error = "invalid_grant", error_description = reason }, statusCode: StatusCodes.Status400BadRequest);
    }

    private IResult Logout(HttpRequest request)
    {
        _log.Enqueue("logout");
        var back = request.Query["post_logout_redirect_uri"].ToString();
        return Results.Redirect($"{back}?state={Uri.EscapeDataString(request.Query["state"].ToString())}");
    }

    private string IdToken(Authorization authorization)
    {
        var tenant = IssueForTenant ?? TenantId;
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["ver"] = "2.0",
            ["tid"] = tenant,
            ["oid"] = authorization.User.ObjectId,
            ["sub"] = "sub-" + authorization.User.ObjectId,
            ["name"] = authorization.User.Name,
            ["preferred_username"] = authorization.User.Name.Replace(' ', '.').ToLowerInvariant() + "@helpline.example",
            ["nonce"] = authorization.Nonce,
        };
        if (authorization.User.Roles.Length > 0) claims["roles"] = authorization.User.Roles;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"{Instance}{tenant}/v2.0",
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    private string Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject { ["kty"] = "RSA", ["use"] = "sig", ["kid"] = _key.KeyId, ["n"] = jwk.N, ["e"] = jwk.E }),
        }.ToJsonString();
    }

    private sealed record Authorization(string RedirectUri, string Nonce, string CodeChallenge, EntraUser User);
}

/// <summary>A person at the fake Entra: their display name and the app roles assigned to them.</summary>
public sealed record EntraUser(string Name, string[] Roles)
{
    public string ObjectId { get; init; } = Guid.NewGuid().ToString();
}
