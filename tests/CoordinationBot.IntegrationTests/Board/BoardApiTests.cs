using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CoordinationBot.IntegrationTests.Board;

/// <summary>
/// The board's API over HTTP on Azurite with an app id (no development sign-in): Teams SSO tokens validated in full,
/// and each viewer shown what their agency may see of the plan — all of it for the focal agency, its own part for an
/// officer, nothing for anyone else.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class BoardApiTests(AzuriteFixture azurite) : IDisposable
{
    private const string AppId = "6f1c0a52-6c2e-4d8e-9a3b-2f1d6c7e8a90";
    private const string Domain = "coordbot.example.vn";
    private const string Tenant = TeamsActivities.TenantId;
    private const string Foreign = "11111111-1111-1111-1111-111111111111";
    private const string Focal = "aad-focal";
    private const string Officer = "aad-officer";
    private const string Outsider = "aad-outsider";
    private readonly RSA entra = RSA.Create(2048);
    private readonly RSA forger = RSA.Create(2048);

    [Fact]
    public async Task ForgedForeignWrongAudienceExpiredOrDevelopmentTokens_Get401_AndNoData()
    {
        await using var context = await StartAsync();
        var round = await SeedAsync(context);
        string[] refused =
        [
            "Bearer " + Token(Focal, forged: true),
            "Bearer " + Token(Focal, tenant: Foreign),
            "Bearer " + Token(Focal, audience: "api://other.example/" + AppId),
            "Bearer " + Token(Focal, expires: DateTime.UtcNow.AddMinutes(-30)),
            "Bearer " + Token(Focal, issuer: $"https://login.microsoftonline.com/{Foreign}/v2.0"),
            "Bearer not-a-token",
            "Development " + Focal,
            string.Empty,
        ];
        foreach (var authorization in refused)
        {
            foreach (var path in new[] { "/api/board/rounds", $"/api/board/view?round={Uri.EscapeDataString(round.Id)}" })
            {
                using var response = await SendAsync(context, HttpMethod.Get, path, authorization);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{authorization[..Math.Min(40, authorization.Length)]} on {path}: {(int)response.StatusCode}");
                Assert.DoesNotContain("Sở Tài chính", body, StringComparison.Ordinal);
                Assert.Contains("Chưa đăng nhập được", body, StringComparison.Ordinal);
            }
        }

        using var users = await SendAsync(context, HttpMethod.Get, "/api/board/development-users", string.Empty);
        Assert.Equal(HttpStatusCode.NotFound, users.StatusCode);
    }

    [Fact]
    public async Task WithATabRegistrationOfItsOwn_OnlyTokensForThatRegistrationAreAccepted()
    {
        const string TabClientId = "0b6d7f3e-5c1a-4e2b-8f9d-3a4c5b6d7e8f";
        await using var context = await StartAsync(TabClientId);
        await SeedAsync(context);

        foreach (var audience in new[] { $"api://{Domain}/{TabClientId}", TabClientId })
        {
            using var accepted = await SendAsync(context, HttpMethod.Get, "/api/board/rounds", "Bearer " + Token(Focal, audience: audience));
            Assert.True(accepted.StatusCode == HttpStatusCode.OK, $"{audience}: {(int)accepted.StatusCode}");
        }

        foreach (var audience in new[] { $"api://{Domain}/{AppId}", AppId })
        {
            using var refused = await SendAsync(context, HttpMethod.Get, "/api/board/rounds", "Bearer " + Token(Focal, audience: audience));
            Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{audience}: {(int)refused.StatusCode}");
        }
    }

    [Fact]
    public async Task TheFocalAgencySeesTheWholeRound_AsTheStoreHoldsIt_AndGetsTheDocuments()
    {
        await using var context = await StartAsync();
        var round = await SeedAsync(context);
        var focal = "Bearer " + Token(Focal);

        using var list = await SendAsync(context, HttpMethod.Get, "/api/board/rounds", focal);
        var rounds = (await list.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Sở Nội vụ", rounds["viewer"]!.GetValue<string>());
        var listed = Assert.Single(rounds["rounds"]!.AsArray());
        Assert.Equal((round.Id, true), (listed!["roundId"]!.GetValue<string>(), listed["whole"]!.GetValue<bool>()));

        var html = await ViewAsync(context, round.Id, focal);
        var stored = await context.Host.Services.GetRequiredService<IStatusReportStore>().GetAllReportsAsync(round.Id, default);
        Assert.Contains("data-scope=\"whole\"", html, StringComparison.Ordinal);
        foreach (var agency in new[] { "Sở Nội vụ", "Sở Tài chính", "Sở Y tế" })
        {
            Assert.Contains($"data-agency=\"{agency}\" data-reported=\"{stored.Count(r => r.Agency == agency)}\" data-expected=\"1\"", html, StringComparison.Ordinal);
        }

        Assert.Contains($"<li data-tile=\"parts-reported\"><span class=\"n\">{stored.Count}/3</span>", html, StringComparison.Ordinal);
        Assert.Contains("<ul data-list=\"overdue-agencies\"><li>Sở Y tế</li></ul>", html, StringComparison.Ordinal);
        Assert.Contains("Thiếu kinh phí &amp; nhân lực", html, StringComparison.Ordinal);
        Assert.Contains("Đề nghị bổ sung biên chế", html, StringComparison.Ordinal);
        Assert.Contains("data-download", html, StringComparison.Ordinal);

        using var files = await SendAsync(context, HttpMethod.Post, $"/api/board/files?round={Uri.EscapeDataString(round.Id)}", focal);
        Assert.Equal(HttpStatusCode.OK, files.StatusCode);
        var links = (await files.Content.ReadFromJsonAsync<JsonObject>())!;
        var word = new Uri(links["word"]!.GetValue<string>());
        using var document = await context.Client.GetAsync(word.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal([0x50, 0x4B], (await document.Content.ReadAsByteArrayAsync())[..2]);
    }

    [Fact]
    public async Task AnOfficerSeesOnlyTheirAgency_AndAnyoneElseIsRefusedByName()
    {
        await using var context = await StartAsync();
        var round = await SeedAsync(context);
        var officer = "Bearer " + Token(Officer);

        var html = await ViewAsync(context, round.Id, officer);
        Assert.Contains("data-scope=\"agency\"", html, StringComparison.Ordinal);
        Assert.Contains("data-agency=\"Sở Tài chính\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Y tế", html, StringComparison.Ordinal);
        Assert.Contains("Thiếu kinh phí &amp; nhân lực", html, StringComparison.Ordinal);
        Assert.DoesNotContain("bổ sung biên chế", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-download", html, StringComparison.Ordinal);

        using var other = await SendAsync(context, HttpMethod.Get, $"/api/board/view?round={Uri.EscapeDataString(round.Id)}&agency={Uri.EscapeDataString("Sở Nội vụ")}", officer);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("Sở Nội vụ theo dõi", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var files = await SendAsync(context, HttpMethod.Post, $"/api/board/files?round={Uri.EscapeDataString(round.Id)}", officer);
        Assert.Equal(HttpStatusCode.Forbidden, files.StatusCode);

        var outsider = "Bearer " + Token(Outsider);
        using var outsiderList = await SendAsync(context, HttpMethod.Get, "/api/board/rounds", outsider);
        Assert.Empty((await outsiderList.Content.ReadFromJsonAsync<JsonObject>())!["rounds"]!.AsArray());
        using var outsiderView = await SendAsync(context, HttpMethod.Get, $"/api/board/view?round={Uri.EscapeDataString(round.Id)}", outsider);
        Assert.Equal(HttpStatusCode.Forbidden, outsiderView.StatusCode);
        Assert.DoesNotContain("Sở Tài chính", await outsiderView.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var unknown = await SendAsync(context, HttpMethod.Get, "/api/board/view?round=khong-co", "Bearer " + Token(Focal));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Không tìm thấy kỳ báo cáo “khong-co”", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var stranger = await SendAsync(context, HttpMethod.Get, $"/api/board/view?round={Uri.EscapeDataString(round.Id)}&agency=S%E1%BB%9F%20Kh%C3%B4ng%20C%C3%B3", "Bearer " + Token(Focal));
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        using var unlinked = await SendAsync(context, HttpMethod.Get, "/api/board/rounds", "Bearer " + Token("aad-nobody"));
        Assert.Equal(HttpStatusCode.Forbidden, unlinked.StatusCode);
    }

    public void Dispose()
    {
        entra.Dispose();
        forger.Dispose();
    }

    private async Task<BotTestContext> StartAsync(string? tabClientId = null)
    {
        var keys = new StaticConfigurationManager<OpenIdConnectConfiguration>(CoordinationBot.Testing.SigningKeys.Configuration("https://login.microsoftonline.com/{tenantid}/v2.0", (entra, "entra", [])));
        return await BotTestContext.StartAsync(azurite, new BotHostSettings(
            AppId: AppId,
            Tenants: [Tenant],
            SigningKeys: new TestTokens().SigningKeys,
            Directory: new Dictionary<string, string> { [Focal] = "Sở Nội vụ", [Officer] = "Sở Tài chính", [Outsider] = "Sở Xây dựng" },
            Administrators: [],
            SsoKeys: keys,
            Configuration: new Dictionary<string, string?> { ["Tab:Domain"] = Domain, ["Tab:ClientId"] = tabClientId, ["Delivery:Enabled"] = "false" }));
    }

    /// <summary>A plan Sở Nội vụ follows, giving one task each to three agencies; a round due yesterday; two of them reported.</summary>
    private static async Task<ReportingRound> SeedAsync(BotTestContext context)
    {
        var services = context.Host.Services;
        var plan = CoordinationBot.Core.Plans.Extraction.PlanExtractor.Default.Extract(
            "Số: 77/KH-UBND\nKẾ HOẠCH\nThử bảng theo dõi\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\na) Chủ trì nhiệm vụ một.\n2. Sở Tài chính\na) Chủ trì nhiệm vụ hai.\n3. Sở Y tế\na) Chủ trì nhiệm vụ ba.\n");
        var stored = new CoordinationBot.Core.Plans.StoredPlan("77-kh-ubnd", 1, "test", "test.txt", DateTimeOffset.UtcNow, null, plan with { FocalAgency = "Sở Nội vụ" });
        await services.GetRequiredService<IPlanStore>().SaveAsync(stored, default);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var period = ReportingPeriod.WholeYear(today.Year);
        var round = new ReportingRound(ReportingRound.IdFor(stored.Key, period), stored.Key, 1, period, today.AddDays(-1), Focal, DateTimeOffset.UtcNow, RoundState.Open, null, Tenant);
        var store = services.GetRequiredService<IStatusReportStore>();
        await store.AddRoundAsync(round, default);
        StatusReport Report(string agency, string task, ProgressStatus status, string difficulties, string proposals = "") =>
            new(round.Id, agency, task, status, status == ProgressStatus.Done ? 100 : 40, "Đã triển khai", difficulties, proposals, agency, DateTimeOffset.UtcNow.AddDays(-3));
        await store.SaveReportsAsync([Report("Sở Nội vụ", "III.1.a", ProgressStatus.Done, string.Empty, "Đề nghị bổ sung biên chế")], new Dictionary<string, string?> { ["III.1.a"] = null }, "a1", null, default);
        await store.SaveReportsAsync([Report("Sở Tài chính", "III.2.a", ProgressStatus.Blocked, "Thiếu kinh phí & nhân lực")], new Dictionary<string, string?> { ["III.2.a"] = null }, "a2", null, default);
        return round;
    }

    private static async Task<string> ViewAsync(BotTestContext context, string roundId, string authorization)
    {
        using var response = await SendAsync(context, HttpMethod.Get, $"/api/board/view?round={Uri.EscapeDataString(roundId)}", authorization);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body;
    }

    private static async Task<HttpResponseMessage> SendAsync(BotTestContext context, HttpMethod method, string path, string authorization)
    {
        using var request = new HttpRequestMessage(method, path);
        if (authorization.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await context.Client.SendAsync(request);
    }

    private string Token(string objectId, bool forged = false, string tenant = Tenant, string? audience = null, DateTime? expires = null, string? issuer = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? $"https://login.microsoftonline.com/{tenant}/v2.0",
            Audience = audience ?? $"api://{Domain}/{AppId}",
            NotBefore = expiry.AddHours(-1),
            IssuedAt = expiry.AddHours(-1),
            Expires = expiry,
            Claims = new Dictionary<string, object> { ["oid"] = objectId, ["tid"] = tenant, ["name"] = objectId },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(forged ? forger : entra) { KeyId = "entra" }, SecurityAlgorithms.RsaSha256),
        });
    }
}
