using System.Net;
using System.Security.Cryptography;
using CoordinationBot.BotFramework.Authentication;
using CoordinationBot.BotFramework.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Moq;

namespace CoordinationBot.BotFramework.Tests.Authentication;

public sealed class InboundAuthenticatorTests : IDisposable
{
    private const string AppId = "app-id-1";
    private const string ServiceUrl = "https://smba.trafficmanager.net/apac/";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly RSA rsa = RSA.Create(2048);
    private readonly RSA webchatOnly = RSA.Create(2048);
    private readonly FakeTimeProvider time = new(Now);
    private readonly Mock<IConfigurationManager<OpenIdConnectConfiguration>> metadata = new();

    public InboundAuthenticatorTests()
    {
        var configuration = CoordinationBot.Testing.SigningKeys.Configuration("https://api.botframework.com", (rsa, "k1", ["msteams", "skype"]), (webchatOnly, "k-webchat", ["webchat"]));
        metadata.Setup(m => m.GetConfigurationAsync(It.IsAny<CancellationToken>())).ReturnsAsync(configuration);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("10.0.0.5", false)]
    [InlineData("203.0.113.1", false)]
    public void DevelopmentMode_AcceptsLoopbackOnly(string address, bool accepted)
    {
        var authenticator = Create(appId: null);

        var outcome = authenticator.PreCheck(null, IPAddress.Parse(address));

        Assert.Equal(accepted, outcome is null);
    }

    [Fact]
    public void DevelopmentMode_UnknownCaller_IsRefused()
    {
        Assert.Equal(401, Create(appId: null).PreCheck(null, remoteAddress: null)?.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic abc")]
    [InlineData("Bearer ")]
    public void WithAppId_NoBearerToken_IsRefusedBeforeTheBodyIsRead(string? header)
    {
        Assert.Equal(401, Create().PreCheck(header, IPAddress.Loopback)?.StatusCode);
    }

    [Fact]
    public async Task ValidToken_IsAuthenticated()
    {
        var outcome = await Create().AuthenticateAsync("Bearer " + Token(), Message(), default);

        Assert.True(outcome.Succeeded);
        Assert.Equal(AppId, outcome.Identity!.FindFirst("aud")!.Value);
    }

    [Fact]
    public async Task ServiceUrlClaim_IgnoresATrailingSlash_ButNotAnotherHost()
    {
        var authenticator = Create();

        var sameWithoutSlash = await authenticator.AuthenticateAsync("Bearer " + Token(serviceUrl: ServiceUrl.TrimEnd('/')), Message(), default);
        var otherHost = await authenticator.AuthenticateAsync("Bearer " + Token(serviceUrl: "https://attacker.example/"), Message(), default);
        var noClaim = await authenticator.AuthenticateAsync("Bearer " + Token(serviceUrl: null), Message(), default);

        Assert.True(sameWithoutSlash.Succeeded);
        Assert.Equal(401, otherHost.StatusCode);
        Assert.Equal(401, noClaim.StatusCode);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(6, false)]
    public async Task ExpiredToken_IsAcceptedWithinFiveMinutesOfSkewOnly(int minutesAfterExpiry, bool accepted)
    {
        var token = Token(expires: Now.UtcDateTime);
        time.Advance(TimeSpan.FromMinutes(minutesAfterExpiry));

        var outcome = await Create().AuthenticateAsync("Bearer " + token, Message(), default);

        Assert.Equal(accepted, outcome.Succeeded);
    }

    [Fact]
    public async Task TokenNotYetValid_BeyondSkew_IsRefused()
    {
        var token = Token(notBefore: Now.UtcDateTime.AddMinutes(10), expires: Now.UtcDateTime.AddMinutes(60));

        Assert.Equal(401, (await Create().AuthenticateAsync("Bearer " + token, Message(), default)).StatusCode);
    }

    [Fact]
    public async Task TokenSignedWithAnUnknownKey_IsRefused_AndTheKeysAreRefreshed()
    {
        using var other = RSA.Create(2048);

        var outcome = await Create().AuthenticateAsync("Bearer " + Token(key: new RsaSecurityKey(other) { KeyId = "k2" }), Message(), default);

        Assert.Equal(401, outcome.StatusCode);
        metadata.Verify(m => m.RequestRefresh(), Times.Once);
    }

    [Fact]
    public async Task MetadataUnavailable_IsRefused_NotThrown()
    {
        metadata.Setup(m => m.GetConfigurationAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("IDX20803"));

        Assert.Equal(401, (await Create().AuthenticateAsync("Bearer " + Token(), Message(), default)).StatusCode);
    }

    [Fact]
    public async Task UnsignedToken_IsRefused()
    {
        var unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AppId,
            Expires = Now.UtcDateTime.AddMinutes(30),
            NotBefore = Now.UtcDateTime.AddMinutes(-1),
            IssuedAt = Now.UtcDateTime.AddMinutes(-1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
        });

        Assert.Equal(401, (await Create().AuthenticateAsync("Bearer " + unsigned, Message(), default)).StatusCode);
    }

    [Theory]
    [InlineData("t-allowed", 200)]
    [InlineData("T-ALLOWED", 200)]
    [InlineData("t-other", 403)]
    [InlineData(null, 403)]
    public async Task TenantAllowList_IsEnforced(string? tenant, int expected)
    {
        var authenticator = Create(tenants: ["t-allowed"]);
        var activity = Message() with { Conversation = new ConversationAccount { Id = "a:1", TenantId = tenant } };

        var outcome = await authenticator.AuthenticateAsync("Bearer " + Token(), activity, default);

        Assert.Equal(expected, outcome.StatusCode);
    }

    [Fact]
    public async Task TenantAllowList_AppliesInDevelopmentModeToo()
    {
        var authenticator = Create(appId: null, tenants: ["t-allowed"]);
        var activity = Message() with { Conversation = new ConversationAccount { Id = "a:1", TenantId = "t-other" } };

        Assert.Equal(403, (await authenticator.AuthenticateAsync(null, activity, default)).StatusCode);
    }

    [Fact]
    public async Task AKeyEndorsedForAnotherChannelOnly_IsRefused()
    {
        var outcome = await Create().AuthenticateAsync("Bearer " + Token(key: new RsaSecurityKey(webchatOnly) { KeyId = "k-webchat" }), Message(), default);

        Assert.Equal(401, outcome.StatusCode);
        Assert.True((await Create().AuthenticateAsync("Bearer " + Token(key: new RsaSecurityKey(webchatOnly) { KeyId = "k-webchat" }), Message() with { ChannelId = "webchat" }, default)).Succeeded);
    }

    [Fact]
    public async Task AnActivityWithoutAChannel_IsRefused()
    {
        Assert.Equal(401, (await Create().AuthenticateAsync("Bearer " + Token(), Message() with { ChannelId = null }, default)).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("app-id-1")]
    public async Task TwoTenantIdsThatDiffer_AreRefused(string? appId)
    {
        var activity = Message() with { ChannelData = System.Text.Json.Nodes.JsonNode.Parse("""{"tenant":{"id":"t-other"}}""")!.AsObject() };

        Assert.Equal(403, (await Create(appId).AuthenticateAsync(appId is null ? null : "Bearer " + Token(), activity, default)).StatusCode);
        Assert.True((await Create(appId).AuthenticateAsync(appId is null ? null : "Bearer " + Token(), activity with { ChannelData = System.Text.Json.Nodes.JsonNode.Parse("""{"tenant":{"id":"T-ALLOWED"}}""")!.AsObject() }, default)).Succeeded);
    }

    [Theory]
    [InlineData("http://169.254.169.254/", false)]
    [InlineData("https://attacker.example/", false)]
    [InlineData("http://127.0.0.1:3978/", true)]
    [InlineData("http://localhost:56150/", true)]
    [InlineData("https://smba.trafficmanager.net/apac/", true)]
    public async Task InDevelopment_OnlyLoopbackAndTeamsServiceUrls_AreAccepted(string serviceUrl, bool accepted)
    {
        Assert.Equal(accepted, (await Create(appId: null).AuthenticateAsync(null, Message() with { ServiceUrl = serviceUrl }, default)).Succeeded);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/apac/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/", true)]
    [InlineData("https://europe.webchat.botframework.com/", true)]
    [InlineData("https://botframework.com.attacker.example/", false)]
    [InlineData("http://smba.trafficmanager.net/apac/", false)]
    [InlineData("http://127.0.0.1:3978/", false)]
    public void WithAnAppId_OnlyTeamsServiceUrls_AreTrusted(string serviceUrl, bool trusted)
    {
        Assert.Equal(trusted, new BotFrameworkOptions { AppId = AppId }.IsTrustedServiceUrl(serviceUrl));
    }

    public void Dispose()
    {
        rsa.Dispose();
        webchatOnly.Dispose();
    }

    private InboundAuthenticator Create(string? appId = AppId, string[]? tenants = null)
    {
        var options = new BotFrameworkOptions { AppId = appId };
        foreach (var tenant in tenants ?? [])
        {
            options.AllowedTenants.Add(tenant);
        }

        return new InboundAuthenticator(Options.Create(options), metadata.Object, time);
    }

    private static Activity Message() => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        ServiceUrl = ServiceUrl,
        Conversation = new ConversationAccount { Id = "a:1", TenantId = "t-allowed" },
    };

    private string Token(string? serviceUrl = ServiceUrl, DateTime? expires = null, DateTime? notBefore = null, SecurityKey? key = null)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var expiry = expires ?? Now.UtcDateTime.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AppId,
            Expires = expiry,
            NotBefore = notBefore ?? expiry.AddHours(-1),
            IssuedAt = notBefore ?? expiry.AddHours(-1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? new RsaSecurityKey(rsa) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256),
        });
    }
}
