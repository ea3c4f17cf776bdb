using HelplineBot.IntegrationTests.Fakes;
using HelplineBot.Protocol.Auth;
using HelplineBot.Protocol.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace HelplineBot.Tests.Protocol.Auth;

public sealed class ChannelTokenValidatorTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private FakeOpenIdIssuer _issuer = null!;
    private string _teamsKey = null!;

    public async Task InitializeAsync()
    {
        _issuer = await FakeOpenIdIssuer.StartAsync();
        _teamsKey = _issuer.AddKey(["msteams", "webchat"]);
    }

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task Validate_ValidChannelToken_SucceedsAsAzureCallerVouchingForServiceUrl()
    {
        var result = await ValidateAsync(CreateSut(), Token());

        Assert.Equal(TokenFailure.None, result.Failure);
        Assert.Equal("urn:botframework:azure", result.CallerId);
        Assert.True(result.VouchesForServiceUrl);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task Validate_OtherAllowedRsaAlgorithm_Succeeds(string algorithm)
    {
        var token = _issuer.CreateToken(_teamsKey, AppId, ServiceUrl, _time.GetUtcNow(), algorithm: algorithm);

        Assert.Equal(TokenFailure.None, (await ValidateAsync(CreateSut(), token)).Failure);
    }

    [Theory]
    [InlineData(-6, TokenFailure.Expired)]
    [InlineData(-4, TokenFailure.None)]
    public async Task Validate_ExpiredToken_RefusedBeyondFiveMinuteSkewOnly(int expiredMinutesAgo, TokenFailure expected)
    {
        var token = _issuer.CreateToken(_teamsKey, AppId, ServiceUrl, _time.GetUtcNow(),
            notBeforeOffset: TimeSpan.FromHours(-1), expiresOffset: TimeSpan.FromMinutes(expiredMinutesAgo));

        Assert.Equal(expected, (await ValidateAsync(CreateSut(), token)).Failure);
    }

    [Theory]
    [InlineData(6, TokenFailure.NotYetValid)]
    [InlineData(4, TokenFailure.None)]
    public async Task Validate_NotYetValidToken_RefusedBeyondFiveMinuteSkewOnly(int validInMinutes, TokenFailure expected)
    {
        var token = _issuer.CreateToken(_teamsKey, AppId, ServiceUrl, _time.GetUtcNow(), notBeforeOffset: TimeSpan.FromMinutes(validInMinutes));

        Assert.Equal(expected, (await ValidateAsync(CreateSut(), token)).Failure);
    }

    [Fact]
    public async Task Validate_TokenForAnotherBot_IsWrongAudience()
    {
        var token = _issuer.CreateToken(_teamsKey, "another-bot", ServiceUrl, _time.GetUtcNow());

        Assert.Equal(TokenFailure.WrongAudience, (await ValidateAsync(CreateSut(), token)).Failure);
    }

    [Fact]
    public async Task Validate_IssuerNotInTable_IsRefusedBeforeAnyKeyFetch()
    {
        var token = _issuer.CreateToken(_teamsKey, AppId, ServiceUrl, _time.GetUtcNow(), issuer: "https://sts.example.org/");

        Assert.Equal(TokenFailure.UnknownIssuer, (await ValidateAsync(CreateSut(), token)).Failure);
        Assert.Equal(0, _issuer.JwksRequests);
    }

    [Fact]
    public async Task Validate_ServiceUrlClaimOfAnotherService_IsRefused()
    {
        var token = _issuer.CreateToken(_teamsKey, AppId, "https://attacker.example/", _time.GetUtcNow());

        Assert.Equal(TokenFailure.ServiceUrlMismatch, (await ValidateAsync(CreateSut(), token)).Failure);
    }

    [Fact]
    public async Task Validate_ServiceUrlDifferingOnlyInCase_IsAccepted()
    {
        var token = _issuer.CreateToken(_teamsKey, AppId, ServiceUrl.ToUpperInvariant(), _time.GetUtcNow());

        Assert.Equal(TokenFailure.None, (await ValidateAsync(CreateSut(), token)).Failure);
    }

    [Fact]
    public async Task Validate_NoServiceUrlClaim_IsRefused()
    {
        var token = _issuer.CreateToken(_teamsKey, AppId, serviceUrl: null, _time.GetUtcNow());

        Assert.Equal(TokenFailure.ServiceUrlMissing, (await ValidateAsync(CreateSut(), token)).Failure);
    }

    [Fact]
    public async Task Validate_KeyNotEndorsingTheChannel_IsRefused()
    {
        var token = Token();

        var result = await ValidateAsync(CreateSut(), token, Activity(channelId: "slack"));

        Assert.Equal(TokenFailure.NotEndorsed, result.Failure);
    }

    [Fact]
    public async Task Validate_KeyWithoutEndorsements_IsRefused()
    {
        var bareKey = _issuer.AddKey(endorsements: null);

        var result = await ValidateAsync(CreateSut(), _issuer.CreateToken(bareKey, AppId, ServiceUrl, _time.GetUtcNow()));

        Assert.Equal(TokenFailure.NotEndorsed, result.Failure);
    }

    [Fact]
    public async Task Validate_SignedByAnImpostorKeyWithAPublishedKid_IsBadSignature()
    {
        var token = FakeOpenIdIssuer.CreateForgedToken(_teamsKey, AppId, ServiceUrl, _time.GetUtcNow());

        Assert.Equal(TokenFailure.BadSignature, (await ValidateAsync(CreateSut(), token)).Failure);
    }

    [Fact]
    public async Task Validate_TamperedPayload_IsBadSignature()
    {
        var parts = Token().Split('.');
        var forged = _issuer.CreateToken(_teamsKey, AppId, "https://attacker.example/", _time.GetUtcNow()).Split('.')[1];

        var result = await ValidateAsync(CreateSut(), $"{parts[0]}.{forged}.{parts[2]}", Activity(serviceUrl: "https://attacker.example/"));

        Assert.Equal(TokenFailure.BadSignature, result.Failure);
    }

    [Fact]
    public async Task Validate_AlgNone_IsRefused()
    {
        var token = FakeOpenIdIssuer.CreateUnsignedToken(_teamsKey, AppId, ServiceUrl, _time.GetUtcNow());

        Assert.Equal(TokenFailure.AlgorithmNotAllowed, (await ValidateAsync(CreateSut(), token)).Failure);
    }

    [Fact]
    public async Task Validate_Hs256WithThePublicKeyAsSecret_IsRefused()
    {
        var token = _issuer.CreateHmacToken(_teamsKey, AppId, ServiceUrl, _time.GetUtcNow());

        Assert.Equal(TokenFailure.AlgorithmNotAllowed, (await ValidateAsync(CreateSut(), token)).Failure);
    }

    [Theory]
    [InlineData(null, TokenFailure.MissingHeader)]
    [InlineData("", TokenFailure.MissingHeader)]
    [InlineData("Basic dXNlcjpwYXNz", TokenFailure.NotBearer)]
    [InlineData("bearer abc", TokenFailure.NotBearer)]
    [InlineData("Bearer not-a-jwt", TokenFailure.Malformed)]
    public async Task Validate_NoUsableBearerToken_IsRefused(string? header, TokenFailure expected)
    {
        var result = await CreateSut().ValidateAsync(header, Activity(), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(expected, result.Failure);
    }

    [Fact]
    public async Task Validate_UnknownKeyId_IsRefused()
    {
        var unpublished = _issuer.AddKey(["msteams"], published: false);

        var result = await ValidateAsync(CreateSut(), _issuer.CreateToken(unpublished, AppId, ServiceUrl, _time.GetUtcNow()));

        Assert.Equal(TokenFailure.UnknownKey, result.Failure);
    }

    [Fact]
    public async Task Validate_KeyRotation_NewKidAcceptedAfterRateLimitedRefresh()
    {
        var sut = CreateSut();
        Assert.True((await ValidateAsync(sut, Token())).IsValid);
        Assert.Equal(1, _issuer.JwksRequests);

        var rotated = _issuer.AddKey(["msteams"], published: false);
        _issuer.Publish(rotated);
        // Keys were fetched a moment ago: an unknown kid does not trigger a fetch yet (rate limit).
        Assert.Equal(TokenFailure.UnknownKey, (await ValidateAsync(sut, _issuer.CreateToken(rotated, AppId, ServiceUrl, _time.GetUtcNow()))).Failure);
        Assert.Equal(1, _issuer.JwksRequests);

        _time.Advance(TimeSpan.FromMinutes(5));
        var afterRefresh = await ValidateAsync(sut, _issuer.CreateToken(rotated, AppId, ServiceUrl, _time.GetUtcNow()));

        Assert.Equal(TokenFailure.None, afterRefresh.Failure);
        Assert.Equal(2, _issuer.JwksRequests);

        // A flood of made-up kids right after does not turn into a flood of fetches.
        var bogus = _issuer.AddKey(["msteams"], published: false);
        for (var i = 0; i < 5; i++) await ValidateAsync(sut, _issuer.CreateToken(bogus, AppId, ServiceUrl, _time.GetUtcNow()));
        Assert.Equal(2, _issuer.JwksRequests);
    }

    [Fact]
    public async Task Validate_KeysOlderThanRefreshInterval_AreFetchedAgain()
    {
        var sut = CreateSut();
        await ValidateAsync(sut, Token());

        _time.Advance(TimeSpan.FromHours(12));
        var result = await ValidateAsync(sut, Token());

        Assert.True(result.IsValid);
        Assert.Equal(2, _issuer.JwksRequests);
    }

    [Fact]
    public async Task Validate_MetadataUnreachable_IsRefused()
    {
        var sut = CreateSut(options => options.BotFrameworkMetadataUrl = "http://127.0.0.1:9/v1/.well-known/openidconfiguration");

        Assert.Equal(TokenFailure.MetadataUnavailable, (await ValidateAsync(sut, Token())).Failure);
    }

    [Fact]
    public async Task Validate_EntraIssuerFromTable_SucceedsWithCallerAppIdButDoesNotVouchForServiceUrl()
    {
        const string entraIssuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";
        var sut = CreateSut(options =>
        {
            options.EntraIssuers.Add(entraIssuer);
            options.EntraMetadataUrl = _issuer.MetadataUrl;
        });
        var token = _issuer.CreateToken(_teamsKey, AppId, serviceUrl: null, _time.GetUtcNow(), issuer: entraIssuer,
            extraClaims: new Dictionary<string, object> { ["azp"] = "caller-app", ["ver"] = "2.0" });

        var result = await ValidateAsync(sut, token);

        Assert.Equal(TokenFailure.None, result.Failure);
        Assert.Equal("urn:botframework:aadappid:caller-app", result.CallerId);
        Assert.False(result.VouchesForServiceUrl);
    }

    private string Token() => _issuer.CreateToken(_teamsKey, AppId, ServiceUrl, _time.GetUtcNow());

    private static Activity Activity(string channelId = "msteams", string serviceUrl = ServiceUrl) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1",
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = "29:user" },
        Conversation = new ConversationAccount { Id = "a:conv" },
    };

    private static Task<ValidationResult> ValidateAsync(ChannelTokenValidator sut, string token, Activity? activity = null) =>
        sut.ValidateAsync("Bearer " + token, activity ?? Activity(), CancellationToken.None).WaitAsync(Timeout);

    private ChannelTokenValidator CreateSut(Action<ChannelAuthOptions>? configure = null)
    {
        var channel = new ChannelAuthOptions { BotFrameworkMetadataUrl = _issuer.MetadataUrl };
        configure?.Invoke(channel);
        var channelOptions = Options.Create(channel);
        var cache = new OpenIdMetadataCache(new PlainHttpClients(), channelOptions, _time, NullLogger<OpenIdMetadataCache>.Instance);
        return new ChannelTokenValidator(cache, Options.Create(new BotAuthOptions { MicrosoftAppId = AppId }), channelOptions, _time,
            NullLogger<ChannelTokenValidator>.Instance);
    }

    private sealed class PlainHttpClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new() { Timeout = TimeSpan.FromSeconds(5) };
    }
}
