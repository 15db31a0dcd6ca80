using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoordinationBot.IntegrationTests.Storage;

/// <summary>
/// How many requests the bot sends to table storage for what officers do most, counted by a policy in the tables
/// client's own pipeline: a card submission and a large plan import are a few batched requests, not one per entity.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class StorageRequestTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Focal = "00000000-0000-0000-0000-0000000000f0";
    private const string FinanceOfficer = "00000000-0000-0000-0000-0000000000b1";
    private readonly StorageRequestCounter counter = new();
    private BotTestContext context = null!;

    public async Task InitializeAsync() =>
        context = await BotTestContext.StartAsync(azurite, new BotHostSettings(
            Importers: [Focal],
            Directory: new Dictionary<string, string> { [FinanceOfficer] = "Sở Tài chính", [Focal] = "Sở Ngoại vụ" },
            StorageRequests: counter));

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task ACardSubmission_AfterTheFirst_TakesOneStorageRequest()
    {
        await ImportAsync(await File.ReadAllBytesAsync(SharedData.Require("seeds", "000_6f683b4a1ed7a171.txt")), "dnnd.txt");
        await context.Client.PostAsJsonAsync("/api/messages", TeamsActivities.BotAdded(context.Connector.ServiceUrl, "a:finance", FinanceOfficer));
        var open = TeamsActivities.Message(context.Connector.ServiceUrl, "yêu cầu báo cáo kế hoạch đối ngoại nhân dân năm 2026", conversationId: "a:focal");
        open["from"] = new JsonObject { ["id"] = "29:focal", ["aadObjectId"] = Focal };
        await context.Client.PostAsJsonAsync("/api/messages", open);
        var card = await StatusCardAsync();

        var first = await SubmitAsync(Fill(card, "InProgress", "40", "Đang bố trí kinh phí."));
        counter.Clear();
        var second = await SubmitAsync(Fill(first["value"]!.AsObject(), "Done", "100", "Đã bố trí kinh phí năm 2026."));

        output.WriteLine($"requests={counter.Count}\n" + string.Join('\n', counter.Requests));
        Assert.Contains("Đã ghi nhận lúc", second.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        // The batch alone: it proves the round is still open at the version this instance read; the refreshed card is
        // made from what the batch saved.
        Assert.Equal("$batch", Assert.Single(counter.Requests).Split('/')[^1]);
    }

    [Fact]
    public async Task AThreeHundredTaskPlan_IsImportedInAtMostSixStorageRequests()
    {
        await ImportAsync(Encoding.UTF8.GetBytes("Số: 7/KH-UBND\nKẾ HOẠCH\nKế hoạch khởi động năm 2026\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\na) Tổ chức tập huấn.\n"), "warm.txt");
        counter.Clear();

        var result = await ImportAsync(Encoding.UTF8.GetBytes(PlanOf(300)), "large.txt");

        output.WriteLine($"requests={counter.Count}\n" + string.Join('\n', counter.Requests));
        Assert.Equal(ImportOutcome.Created, result.Outcome);
        Assert.Equal(300, result.Plan!.Plan.Tasks.Count);
        Assert.InRange(counter.Count, 1, 6);
        using var scope = context.Host.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IPlanStore>().GetLatestAsync(result.Plan.Key, default);
        Assert.Equal(300, stored!.Plan.Tasks.Count);
    }

    /// <summary>A plan of <paramref name="tasks"/> lettered tasks under agency headings, as provinces write them.</summary>
    private static string PlanOf(int tasks)
    {
        string[] agencies = ["Sở Tư pháp", "Sở Y tế", "Sở Nội vụ", "Sở Tài chính", "Công an tỉnh", "Sở Xây dựng"];
        string[] letters = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k"];
        var text = new StringBuilder("ỦY BAN NHÂN DÂN TỈNH\nSố: 301/KH-UBND\nKẾ HOẠCH\nThực hiện chuyển đổi số năm 2026\nIII. TỔ CHỨC THỰC HIỆN\n");
        for (var i = 0; i < tasks; i++)
        {
            if (i % letters.Length == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{(i / letters.Length) + 1}. {agencies[i / letters.Length % agencies.Length]}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"{letters[i % letters.Length]}) Chủ trì triển khai nội dung số {i + 1} về chuyển đổi số, hoàn thành trước ngày 15 tháng 6 năm 2026.\n");
        }

        return text.ToString();
    }

    private async Task<ImportResult> ImportAsync(byte[] bytes, string fileName)
    {
        using var scope = context.Host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ImportPlanHandler>().HandleAsync(new ImportPlanRequest(bytes, fileName, Focal), default);
    }

    private async Task<JsonObject> StatusCardAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var card = context.Connector.Requests
                .Select(r => r.Activity?.Attachments is { Count: > 0 } a ? a[0].Content : null)
                .LastOrDefault(c => c?["actions"]?[0]?["verb"]?.GetValue<string>() == "report.save");
            if (card is not null)
            {
                return card.AsObject();
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The status card did not arrive.");
    }

    private static JsonObject Fill(JsonObject card, string status, string percent, string result)
    {
        var data = card["actions"]![0]!["data"]!.DeepClone().AsObject();
        for (var i = 0; i < data["tasks"]!.AsArray().Count; i++)
        {
            data[$"status_{i}"] = status;
            data[$"percent_{i}"] = percent;
            data[$"result_{i}"] = result;
        }

        return data;
    }

    private async Task<JsonObject> SubmitAsync(JsonObject data)
    {
        var invoke = TeamsActivities.CardAction(context.Connector.ServiceUrl, "report.save", data, FinanceOfficer);
        invoke["id"] = Guid.NewGuid().ToString("N");
        var response = await context.Client.PostAsJsonAsync("/api/messages", invoke);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
