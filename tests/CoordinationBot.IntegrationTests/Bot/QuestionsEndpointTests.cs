using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordinationBot.Core.People;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>Officers ask in chat; answers come from the plans stored in Azurite, as Adaptive Cards with a text fallback.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class QuestionsEndpointTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string SoldierAadObjectId = "00000000-0000-0000-0000-00000000bcqs";
    private BotTestContext context = null!;

    public async Task InitializeAsync()
    {
        context = await BotTestContext.StartAsync(azurite, new BotHostSettings(Directory: new Dictionary<string, string> { [SoldierAadObjectId] = "BCHQS tỉnh" }));
        using var scope = context.Host.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportPlanHandler>();
        foreach (var seed in Directory.EnumerateFiles(SharedData.Require("seeds"), "*.txt"))
        {
            await import.HandleAsync(new ImportPlanRequest(await File.ReadAllBytesAsync(seed), Path.GetFileName(seed), "test"), default);
        }
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task Question_GetsAnAnswerCard_CitingPlanAndTask_WithTheSameFactsInItsFallback()
    {
        var reply = await AskAsync(TeamsActivities.Message(context.Connector.ServiceUrl, "Ai chủ trì tổ chức Hội nghị tập huấn Thông tin Đối ngoại cấp tỉnh năm 2023?"));

        var card = reply.Attachments![0].Content!.AsObject();
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var task = card["body"]![1]!["items"]!.AsArray();
        Assert.EndsWith("— IV.1.b", task[0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Sở Thông tin và Truyền thông", task[2]!["facts"]![0]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Action.ShowCard", task[3]!["actions"]![0]!["type"]!.GetValue<string>());
        Assert.Contains("nhiệm vụ IV.1.b", reply.Summary, StringComparison.Ordinal);
        Assert.Contains("Chủ trì: Sở Thông tin và Truyền thông", reply.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MentionInAChannel_IsAnsweredTheSameWay()
    {
        var message = TeamsActivities.Message(context.Connector.ServiceUrl, "<at>CoordinationBot</at> co quan nao phoi hop voi so ngoai vu quan ly phong vien nuoc ngoai", conversationId: "19:abc@thread.tacv2;messageid=1");
        message["conversation"]!["conversationType"] = "channel";

        var reply = await AskAsync(message);

        Assert.Contains("Công an tỉnh", reply.Summary, StringComparison.Ordinal);
        Assert.Contains("Sở Thông tin và Truyền thông", reply.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyDuties_ForAUserTheDirectoryKnows_ListsTheirAgencysTasks()
    {
        var message = TeamsActivities.Message(context.Connector.ServiceUrl, "Nhiệm vụ của tôi là gì?");
        message["from"] = new JsonObject { ["id"] = "29:soldier", ["aadObjectId"] = SoldierAadObjectId };

        var reply = await AskAsync(message);

        Assert.StartsWith("Nhiệm vụ của Bộ Chỉ huy Quân sự tỉnh", reply.Summary, StringComparison.Ordinal);
        Assert.Contains("đối ngoại quân sự", reply.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyDuties_ForAnUnknownUser_AsksOnceForTheirAgency_ThenAnswers()
    {
        var picker = await AskAsync(TeamsActivities.Message(context.Connector.ServiceUrl, "tôi cần làm gì?"));
        Assert.Equal("Input.ChoiceSet", picker.Attachments![0].Content!["body"]![1]!["type"]!.GetValue<string>());

        var picked = await ActAsync(new JsonObject { ["agency"] = "so-tai-chinh" });
        Assert.StartsWith("Đã ghi nhận bạn thuộc Sở Tài chính", picked["value"]!["body"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var stored = await context.Host.Services.GetRequiredService<IAgencyChoiceStore>().GetAsync(TeamsActivities.OfficerAadObjectId, default);
        Assert.Equal("Sở Tài chính", stored!.Agency);
        Assert.False(stored.Confirmed);

        var answer = await AskAsync(TeamsActivities.Message(context.Connector.ServiceUrl, "tôi cần làm gì?"));
        Assert.StartsWith("Nhiệm vụ của Sở Tài chính", answer.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-agency")]
    [InlineData("so-ban-nganh")]
    [InlineData("so-tttt")]
    public async Task PickingSomethingNotPickable_IsRefused_AndNothingIsStored(string agency)
    {
        var response = await ActAsync(new JsonObject { ["agency"] = agency });

        Assert.Equal("Input.ChoiceSet", response["value"]!["body"]![1]!["type"]!.GetValue<string>());
        Assert.Null(await context.Host.Services.GetRequiredService<IAgencyChoiceStore>().GetAsync(TeamsActivities.OfficerAadObjectId, default));
    }

    private async Task<CoordinationBot.BotFramework.Schema.Activity> AskAsync(JsonObject message)
    {
        context.Connector.Requests.Clear();
        await context.Client.PostAsJsonAsync("/api/messages", message);
        return Assert.Single(await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10))).Activity!;
    }

    private async Task<JsonObject> ActAsync(JsonObject data)
    {
        var response = await context.Client.PostAsJsonAsync("/api/messages", TeamsActivities.CardAction(context.Connector.ServiceUrl, "directory.pick", data));
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
