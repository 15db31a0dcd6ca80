using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.Questions;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>The compose box's task search over the Bot Framework protocol: invoke <c>composeExtension/query</c>, results as Teams shows them.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class TaskSearchTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private BotTestContext context = null!;
    private PlanCatalog catalog = null!;

    public async Task InitializeAsync()
    {
        context = await BotTestContext.StartAsync(azurite, new BotHostSettings(Configuration: new Dictionary<string, string?> { ["Delivery:Enabled"] = "false" }));
        using var scope = context.Host.Services.CreateScope();
        foreach (var seed in new[] { "000_6f683b4a1ed7a171.txt", "004_f4d7285e2bc01f5d.txt" })
        {
            var bytes = await File.ReadAllBytesAsync(SharedData.Require("seeds", seed));
            await scope.ServiceProvider.GetRequiredService<ImportPlanHandler>().HandleAsync(new ImportPlanRequest(bytes, seed, "t"), default);
        }

        catalog = await scope.ServiceProvider.GetRequiredService<PlanCatalogSource>().GetAsync(default);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task WordsOfATask_ListTheTasksAboutThem_EachATaskCardWithPlanIdLeadAndDue()
    {
        var result = await QueryAsync("searchTasks", "tập huấn thông tin đối ngoại");

        Assert.Equal("result", result["type"]!.GetValue<string>());
        Assert.Equal("list", result["attachmentLayout"]!.GetValue<string>());
        var attachments = result["attachments"]!.AsArray();
        Assert.InRange(attachments.Count, 1, 25);
        foreach (var attachment in attachments)
        {
            Assert.Equal("application/vnd.microsoft.card.adaptive", attachment!["contentType"]!.GetValue<string>());
            Assert.Equal("application/vnd.microsoft.card.thumbnail", attachment["preview"]!["contentType"]!.GetValue<string>());
        }

        // The first result is a task of the store that is about the words, and its card says who leads it.
        var title = attachments[0]!["preview"]!["content"]!["title"]!.GetValue<string>();
        var task = catalog.Tasks.Select(t => t.Task).First(t => title.StartsWith(t.Id + " — ", StringComparison.Ordinal) && t.Text.Contains("tập huấn", StringComparison.OrdinalIgnoreCase));
        var card = attachments[0]!["content"]!.ToJsonString(Readable);
        Assert.Contains(task.Id, card, StringComparison.Ordinal);
        Assert.All(task.Assignments.Where(a => a.Role == CoordinationBot.Core.Plans.Role.Lead), a => Assert.Contains(a.Agency, card, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAgencysName_ListsItsTasks_AndPagesAreFollowed()
    {
        var first = (await QueryAsync("searchTasks", "Sở Tài chính", skip: 0, count: 2))["attachments"]!.AsArray();
        var second = (await QueryAsync("searchTasks", "Sở Tài chính", skip: 2, count: 2))["attachments"]!.AsArray();

        Assert.Equal(2, first.Count);
        Assert.NotEmpty(second);
        var titles = first.Concat(second).Select(a => a!["preview"]!["content"]!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(titles.Count, titles.Distinct().Count());
        Assert.All(first.Concat(second), a => Assert.Contains("Sở Tài chính", a!["content"]!.ToJsonString(Readable), StringComparison.Ordinal));
    }

    [Fact]
    public async Task NothingTyped_NothingFound_OrAnotherCommand_GetsAShortVietnameseMessage()
    {
        var empty = await QueryAsync("searchTasks", "  ");
        var none = await QueryAsync("searchTasks", "thời tiết hôm nay đẹp quá");
        var other = await QueryAsync("deleteEverything", "số hóa");

        Assert.Equal(("message", "Gõ vài từ của nhiệm vụ"), (empty["type"]!.GetValue<string>(), empty["text"]!.GetValue<string>()[..22]));
        Assert.Equal("message", none["type"]!.GetValue<string>());
        Assert.StartsWith("Không tìm thấy nhiệm vụ phù hợp", none["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("Lệnh tìm kiếm này không có", other["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkToATaskOnTheBoard_UnfurlsAsThatTasksCard()
    {
        var stored = catalog.Tasks.First(t => t.Task.Assignments.Any(a => a.Role == CoordinationBot.Core.Plans.Role.Lead));
        var planKey = catalog.Plans[stored.Plan].Key;
        var url = "https://coordbot.example.vn" + CoordinationBot.Host.Features.Questions.TaskLinkHandler.PathTo(planKey, stored.Task.Id);

        var result = await PostAsync(TeamsActivities.QueryLink(context.Connector.ServiceUrl, url));

        Assert.Equal("result", result["type"]!.GetValue<string>());
        var attachment = Assert.Single(result["attachments"]!.AsArray())!;
        Assert.StartsWith(stored.Task.Id + " — ", attachment["preview"]!["content"]!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        var card = attachment["content"]!.ToJsonString(Readable);
        Assert.All(stored.Task.Assignments.Where(a => a.Role == CoordinationBot.Core.Plans.Role.Lead), a => Assert.Contains(a.Agency, card, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://coordbot.example.vn/tab?plan=khong-co&task=I.1")]
    [InlineData("https://coordbot.example.vn/tab?plan={plan}&task=XX.99")]
    [InlineData("https://coordbot.example.vn/tab?plan={plan}")]
    [InlineData("https://coordbot.example.vn/api/board/view?plan={plan}&task={task}")]
    [InlineData("http://coordbot.example.vn/tab?plan={plan}&task={task}")]
    [InlineData("not a link")]
    public async Task ALinkToNoTaskTheRegistryHolds_StaysAPlainLink(string template)
    {
        var stored = catalog.Tasks[0];
        var url = template.Replace("{plan}", catalog.Plans[stored.Plan].Key, StringComparison.Ordinal).Replace("{task}", Uri.EscapeDataString(stored.Task.Id), StringComparison.Ordinal);

        var result = await PostAsync(TeamsActivities.QueryLink(context.Connector.ServiceUrl, url));

        Assert.Equal("result", result["type"]!.GetValue<string>());
        Assert.Empty(result["attachments"]!.AsArray());
    }

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private Task<JsonObject> QueryAsync(string command, string query, int skip = 0, int count = 25) =>
        PostAsync(TeamsActivities.ComposeQuery(context.Connector.ServiceUrl, command, query, skip, count));

    private async Task<JsonObject> PostAsync(JsonObject activity)
    {
        var response = await context.Client.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["composeExtension"]!.AsObject();
    }
}
